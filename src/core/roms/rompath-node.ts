/**
 * ROM files on disk: the only module of the ROM layer that uses node:fs (the CLI and the Electron main
 * process import it; a browser build supplies its own RomSources instead).
 *
 * A rompath is a list of folders. A set S is looked for MAME-style: for each folder DIR of the rompath,
 * `DIR/S/` then `DIR/S.zip`; then the same for S's parent, and so on up the parent chain (MAME searches
 * a clone's own locations before its parent's, the `romof` chain).
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { delimiter, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError, RomError } from './errors';
import { parentChain, parseManifest, type RomManifest } from './manifest';
import { emptySource, zipSource, ZIP_LIMITS, type RomFileInfo, type RomSource } from './source';

const MAX_MANIFEST_BYTES = 1 << 20;

/** `<repo>/roms-manifest`, found from this file's location so the current directory does not matter. */
export const DEFAULT_MANIFEST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'roms-manifest');

/** The path's stats; null when nothing is there. Any other failure (permission, a symlink loop) is a RomError. */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT' || (e as { code?: string }).code === 'ENOTDIR') return null;
    throw fsFailure('open', resolve(path), e);
  }
}

function fsFailure(what: string, path: string, e: unknown): RomError {
  const code = (e as { code?: string })?.code;
  const why =
    code === 'ENOENT' ? 'it does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'ENOTDIR' ? 'a part of the path is not a folder'
    : code === 'ELOOP' ? 'a symbolic link loops back on itself'
    : describeError(e);
  return new RomError(`cannot ${what} ${path}: ${why}`);
}

/** `;` and the platform's path delimiter (`:` on POSIX) both separate folders, as in MAME's rompath. */
export function parseRompath(p: string): string[] {
  const seps = new Set([';', delimiter]);
  const out: string[] = [];
  let cur = '';
  for (const ch of p) {
    if (seps.has(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Every `<set>.json` in `dir`, validated; a bad file is a RomError naming it. Parents must resolve. */
export function loadManifests(dir: string = DEFAULT_MANIFEST_DIR): Map<string, RomManifest> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    throw fsFailure('read the manifest folder', dir, e);
  }
  const out = new Map<string, RomManifest>();
  for (const n of names) {
    const path = join(dir, n);
    let json: unknown;
    try {
      // A manifest is a few KB of JSON: a pipe or device would block the read, a huge file is not one.
      const st = statSync(path);
      if (!st.isFile() || st.size > MAX_MANIFEST_BYTES) throw new RomError(`${path}: not a manifest file (${st.isFile() ? `${st.size} bytes` : 'not a regular file'}); remove it from the manifest folder`);
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      if (e instanceof RomError) throw e;
      throw e instanceof SyntaxError ? new RomError(`${path}: not valid JSON (${e.message})`) : fsFailure('read', path, e);
    }
    const m = parseManifest(json, path);
    if (`${m.name}.json` !== n) throw new RomError(`${path}: the file must be named after its set (${m.name}.json)`);
    out.set(m.name, m);
  }
  for (const m of out.values()) parentChain(out, m.name); // throws for a missing parent or a loop
  return out;
}

/** Problems with the rompath itself, one line each; empty when every folder exists. */
export function checkRompath(rompath: string[]): string[] {
  if (rompath.length === 0) return ['the rompath is empty: give at least one folder'];
  const problems: string[] = [];
  for (const dir of rompath) {
    let st: Stats | null;
    try {
      st = statOrNull(dir);
      if (st?.isDirectory()) readdirSync(dir); // a folder we may not list would look empty: say so instead
    } catch (e) {
      problems.push(e instanceof RomError ? `rompath folder ${e.message.replace(/^cannot \w+ /, '')}` : fsFailure('list the rompath folder', resolve(dir), e).message);
      continue;
    }
    if (!st) problems.push(`rompath folder ${resolve(dir)} does not exist`);
    else if (!st.isDirectory()) problems.push(`rompath entry ${resolve(dir)} is not a folder`);
  }
  return problems;
}

/** A folder of ROM files. Only regular files are listed (never a FIFO or device, which could block a read). */
export function folderSource(dir: string): RomSource {
  const label = resolve(dir) + sep;
  return {
    label,
    list(): RomFileInfo[] {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch (e) {
        throw fsFailure('list the folder', label, e);
      }
      const files: RomFileInfo[] = [];
      for (const name of names.sort()) {
        const st = statOrNull(join(dir, name)); // follows symlinks; a dangling link is skipped
        if (st?.isFile()) files.push({ name, size: st.size });
      }
      return files;
    },
    read(name: string): Uint8Array {
      const path = join(dir, name);
      const st = statOrNull(path);
      if (st && !st.isFile()) throw new RomError(`cannot read ${path}: it is not a regular file`);
      try {
        const b = readFileSync(path);
        return new Uint8Array(b.buffer, b.byteOffset, b.length);
      } catch (e) {
        throw fsFailure('read', path, e);
      }
    },
  };
}

/** Opens a zip file on disk; a damaged one is a RomError naming it. */
export function zipFileSource(path: string): RomSource {
  const label = resolve(path);
  const st = statOrNull(path);
  if (!st) throw new RomError(`cannot read ${label}: it does not exist`);
  if (!st.isFile()) throw new RomError(`cannot read ${label}: it is not a regular file`);
  if (st.size > ZIP_LIMITS.maxArchiveBytes)
    throw new RomError(`${label}: the zip is ${st.size} bytes, more than the ${ZIP_LIMITS.maxArchiveBytes} we open`);
  let bytes: Uint8Array;
  try {
    const b = readFileSync(path);
    bytes = new Uint8Array(b.buffer, b.byteOffset, b.length);
  } catch (e) {
    throw fsFailure('read', label, e);
  }
  return zipSource(label, bytes);
}

export interface OpenOptions {
  /** search the folders that exist and skip the others, instead of failing (verifyroms reports them itself) */
  ignoreMissingFolders?: boolean;
}

/**
 * The places to look for `set`'s files, in MAME's order: `DIR/SET/`, `DIR/SET.zip` for each DIR, then the
 * parent's. A location that does not exist is still returned, as an empty source, so that reports can say
 * where we looked. Throws RomError for an unknown set, a rompath folder that does not exist, or a zip that
 * cannot be read.
 */
export function openSetSources(
  manifests: ReadonlyMap<string, RomManifest>,
  set: string,
  rompath: string[],
  opts: OpenOptions = {},
): RomSource[] {
  if (!manifests.has(set)) throw new RomError(`unknown set ${set}: there is no roms-manifest/${set}.json`);
  const problems = checkRompath(rompath);
  if (problems.length && !opts.ignoreMissingFolders) throw new RomError(problems[0]);
  const chain = [set, ...parentChain(manifests, set).map((m) => m.name)];
  const sources: RomSource[] = [];
  for (const s of chain) {
    for (const dir of rompath) {
      const folder = join(dir, s);
      const zip = join(dir, `${s}.zip`);
      sources.push(statOrNull(folder)?.isDirectory() ? folderSource(folder) : emptySource(resolve(folder) + sep));
      sources.push(statOrNull(zip) ? zipFileSource(zip) : emptySource(resolve(zip)));
    }
  }
  return sources;
}
