/**
 * The main process's ROM library: which folders are searched for which set, the audit of every
 * supported set, loading one set's bytes, and importing a dropped zip. No Electron import
 * (index.ts passes the folders), so vitest drives it with temp folders.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedSet, SetAudit } from '../shared/api';
import { collectSources } from './rom-scan';
import { auditRaw, manifests, type RomManifest } from '../shared/roms-bridge';
import { setName } from '../shared/ipc-validate';
import { checkReplacement, importTarget } from '../shared/rom-import';
import { MAX_ROM_FILE } from './rom-scan';

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
   * Store a dropped zip in the imported folder, named after the set whose files it holds (rom-import.ts),
   * so MAME-style lookup finds it. A zip already imported for that set is replaced only by one at least
   * as good. Returns the set name it was filed under; throws ImportError (a message for the player).
   */
  importZip(fileName: string, bytes: Uint8Array): string {
    const sets = this.sets();
    const target = importTarget(fileName, bytes, sets);
    const dir = this.roots().imported;
    const file = join(dir, `${target}.zip`);
    checkReplacement(sets.get(target)!, readExisting(file), fileName, bytes);
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    return target;
  }
}

/** The zip imported before for a set, if there is a readable one. */
function readExisting(file: string): Uint8Array | undefined {
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_ROM_FILE) return undefined;
    return new Uint8Array(readFileSync(file));
  } catch {
    return undefined;
  }
}
