/**
 * Finding a set's ROM files in the user's ROM folders, MAME-style: `DIR/SET/` then `DIR/SET.zip`,
 * then the same for the parent set (clones borrow the parent's files), for every folder in order.
 * Returns raw bytes (`RawSource`) that the audit and the emulator worker turn into ROM images;
 * matching by name or CRC32 happens there (src/core/roms).
 *
 * File access rule (security): only paths inside one of the given roots are read, checked after
 * resolving symlinks, so a link inside a ROM folder cannot reach the rest of the disk.
 * No Electron import.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';
import type { RawSource } from '../shared/api';

/** Files bigger than this are not ROMs of any board we emulate; skip rather than read. */
export const MAX_ROM_FILE = 64 * 1024 * 1024;
const MAX_DIR_FILES = 512;

/** True when `path` is `root` or lies beneath it (both already absolute and real). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

/** Resolve symlinks and check containment; null when the path escapes its root or does not exist. */
export function safeReal(root: string, path: string): string | null {
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(path);
    return isInside(realRoot, real) ? real : null;
  } catch {
    return null;
  }
}

export interface FoundSources {
  sources: RawSource[];
  searched: string[];
}

/** Sources for `set` (and its `parent`) from the rompath `roots`. */
export function collectSources(roots: readonly string[], set: string, parent?: string): FoundSources {
  const sources: RawSource[] = [];
  const searched: string[] = [];
  for (const name of parent ? [set, parent] : [set]) {
    for (const root of roots) {
      const dir = join(root, name);
      const zip = join(root, `${name}.zip`);
      searched.push(dir, zip);
      const realDir = existsSync(dir) ? safeReal(root, dir) : null;
      if (realDir && statSync(realDir).isDirectory()) {
        const files: Record<string, Uint8Array> = {};
        let n = 0;
        for (const entry of readdirSync(realDir)) {
          if (++n > MAX_DIR_FILES) break;
          const real = safeReal(root, join(realDir, entry));
          if (!real) continue;
          const st = statSync(real);
          if (!st.isFile() || st.size > MAX_ROM_FILE) continue;
          files[entry] = new Uint8Array(readFileSync(real));
        }
        if (Object.keys(files).length > 0) sources.push({ kind: 'files', label: dir, files });
      }
      const realZip = existsSync(zip) ? safeReal(root, zip) : null;
      if (realZip) {
        const st = statSync(realZip);
        if (st.isFile() && st.size <= MAX_ROM_FILE) {
          sources.push({ kind: 'zip', label: zip, bytes: new Uint8Array(readFileSync(realZip)) });
        }
      }
    }
  }
  return { sources, searched };
}

/** Set names that have a folder or zip in any root (for the "unknown zips" hint in the library). */
export function listCandidates(roots: readonly string[]): string[] {
  const names = new Set<string>();
  for (const root of roots) {
    let entries: string[] = [];
    try {
      entries = readdirSync(root);
    } catch {
      continue;
    }
    for (const e of entries) names.add(e.toLowerCase().replace(/\.zip$/, ''));
  }
  return [...names].sort();
}
