/**
 * The main process's ROM library: which folders are searched for which set, the audit of every
 * supported set, loading one set's bytes, and importing a dropped zip. No Electron import
 * (index.ts passes the folders), so vitest drives it with temp folders.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedSet, SetAudit } from '../preload/api';
import { collectSources } from './rom-scan';
import { auditRaw, manifests, type RomManifest } from './roms-bridge';
import { setName, zipFileName } from './ipc-validate';
import { zipSource } from '../core/roms/source';

export interface LibraryRoots {
  /** the app's own homebrew sets (inside the app bundle) */
  homebrew: string;
  /** where dropped zips are copied (inside userData) */
  imported: string;
  /** the folders the user chose */
  user: readonly string[];
}

export class Library {
  constructor(private readonly roots: () => LibraryRoots, private readonly sets: () => Map<string, RomManifest> = () => manifests()) {}

  /**
   * Search order: user folders, imported zips, then (homebrew sets only) the bundled homebrew folder.
   * Other sets never look there: its folder names may equal real set names (homebrew/pacman holds
   * the pacdemo sources).
   */
  rompath(m: RomManifest): string[] {
    const r = this.roots();
    return m.homebrew ? [...r.user, r.imported, r.homebrew] : [...r.user, r.imported];
  }

  scan(): SetAudit[] {
    const out: SetAudit[] = [];
    for (const m of this.sets().values()) {
      const { sources, searched } = collectSources(this.rompath(m), m.name, m.parent);
      out.push(auditRaw(m, sources, searched));
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  load(name: string): LoadedSet {
    const m = this.sets().get(setName(name));
    if (!m) throw new Error(`Unknown set "${name}".`);
    const { sources } = collectSources(this.rompath(m), m.name, m.parent);
    return { name: m.name, sources };
  }

  /**
   * Store a dropped zip in the imported folder. The zip is named after the set it belongs to (by its
   * own name when that is a known set, else by the set whose files it holds by CRC), so MAME-style
   * lookup finds it. Returns the set name it was filed under.
   */
  importZip(fileName: string, bytes: Uint8Array): string {
    zipFileName(fileName);
    const source = zipSource(fileName, bytes); // throws a readable RomError for a broken zip
    const entries = source.list();
    if (entries.length === 0) throw new Error(`${fileName} is empty.`);
    const base = fileName.replace(/\.zip$/i, '').toLowerCase();
    const sets = this.sets();
    let target = sets.has(base) ? base : undefined;
    if (!target) {
      const sizes = new Set(entries.map((e) => `${e.name.toLowerCase()}:${e.size}`));
      let best = 0;
      for (const m of sets.values()) {
        const hits = m.roms.filter((r) => sizes.has(`${r.name.toLowerCase()}:${r.size}`)).length;
        if (hits > best) { best = hits; target = m.name; }
      }
      if (!target) {
        // last resort: by checksum (renamed files)
        const files = new Map(entries.map((e) => [e.name, source.read(e.name)] as const));
        for (const m of sets.values()) {
          const a = auditRaw(m, [{ kind: 'files', label: fileName, files: Object.fromEntries(files) }], [fileName]);
          const good = a.files.filter((f) => f.foundIn).length;
          if (good > best) { best = good; target = m.name; }
        }
      }
    }
    if (!target) throw new Error(`${fileName} holds no file of any supported game. Check that it is an arcade ROM set.`);
    const dir = this.roots().imported;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${target}.zip`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    return target;
  }
}
