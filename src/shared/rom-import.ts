/**
 * Importing a zip the player dropped or picked: which set it belongs to, and whether it may replace a
 * zip already imported for that set. Shared by the Electron main process (library.ts, files in the
 * app's ROM folder) and the web build (web-api.ts, zips in IndexedDB). No Node or Electron import.
 *
 * Rules:
 * - A zip named after a set that holds any of its files is that set's. Any other zip is filed under the
 *   set whose files it holds, matched by CRC32 first (as MAME matches renamed files), then by name and
 *   size: `Pac-Man [!].zip` holding Pac-Man's ROMs is Pac-Man's.
 * - A zip never silently replaces a better one: when the set already has an imported zip that has
 *   more of its files right, the new one is refused with the reason, and the old one is kept.
 * - Every message names the file and says what to do, in words for players.
 */
import type { RomManifest } from '../core/roms/manifest';
import { zipSource, type RomFileInfo } from '../core/roms/source';
import { describeError, RomError } from '../core/roms/errors';
import { auditSet } from '../core/roms/audit';
import { LIMITS } from './ipc-validate';

/** A refusal meant for the player, as is. */
export class ImportError extends Error {
  override name = 'ImportError';
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** A display name from the picker or a drop: any name, but never a path. */
export function checkImportName(fileName: unknown): string {
  if (typeof fileName !== 'string' || fileName.length === 0 || fileName.length > 255 || /[/\\\u0000-\u001f]/.test(fileName))
    throw new ImportError('That file name cannot be used; rename the zip (for example pacman.zip) and add it again.');
  if (!/\.zip$/i.test(fileName)) throw new ImportError(`${fileName} is not a .zip file. Arcade reads ROM sets packed as zip files (for example pacman.zip).`);
  return fileName;
}

/** Size and signature, before anything is unpacked. */
export function checkImportBytes(fileName: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportError(`${fileName} is empty (0 bytes); it was not added.`);
  if (bytes.length > LIMITS.zipBytes)
    throw new ImportError(`${fileName} is ${megabytes(bytes.length)}; ROM sets of the supported games are at most ${megabytes(LIMITS.zipBytes)}, so it was not added.`);
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
  if (!zip) throw new ImportError(`${fileName} is not a zip archive (7z and rar are not supported: re-pack it as .zip); it was not added.`);
}

function listEntries(fileName: string, bytes: Uint8Array): RomFileInfo[] {
  try {
    return zipSource(fileName, bytes).list();
  } catch (e) {
    // RomError messages already start with the file name.
    throw new ImportError(`${e instanceof RomError ? e.message : `${fileName}: ${describeError(e)}`}; it was not added.`);
  }
}

/** How many of the set's files the zip holds: by CRC32 and size, and by name and size. */
function score(m: RomManifest, entries: RomFileInfo[]): { crc: number; named: number; namesOnly: number } {
  const crcs = new Set(entries.filter((e) => e.crc32 !== undefined).map((e) => `${(e.crc32! >>> 0).toString(16).padStart(8, '0')}:${e.size}`));
  const named = new Map(entries.map((e) => [e.name.toLowerCase(), e.size]));
  let crc = 0, byName = 0, namesOnly = 0;
  for (const r of m.roms) {
    if (crcs.has(`${r.crc32}:${r.size}`)) crc++;
    const size = named.get(r.name.toLowerCase());
    if (size === r.size) byName++;
    if (size !== undefined) namesOnly++;
  }
  return { crc, named: byName, namesOnly };
}

/**
 * The set a zip belongs to. Throws ImportError for an unusable zip, or one that holds no file of any
 * supported set (saying so when only the names match: a different or damaged dump).
 */
export function importTarget(fileName: string, bytes: Uint8Array, sets: ReadonlyMap<string, RomManifest>): string {
  checkImportName(fileName);
  checkImportBytes(fileName, bytes);
  const entries = listEntries(fileName, bytes);
  if (entries.length === 0) throw new ImportError(`${fileName} holds no files; it was not added.`);
  const hint = fileName.replace(/\.zip$/i, '').toLowerCase();
  let best: { name: string; key: number } | undefined;
  let byNames: { name: string; n: number } | undefined;
  for (const m of sets.values()) {
    const s = score(m, entries);
    // A zip named after a set whose files it holds (by CRC, or by name and size) is that set's, as in
    // MAME, even when its checksums differ (another revision, a hack, a homebrew build). Otherwise exact
    // CRC matches count most, then name and size.
    const key = s.crc + s.named > 0 && m.name === hint ? Infinity : s.crc * 1_000_000 + s.named * 1000;
    if (s.crc + s.named > 0 && (!best || key > best.key)) best = { name: m.name, key };
    if (s.namesOnly > 0 && (!byNames || s.namesOnly > byNames.n)) byNames = { name: m.name, n: s.namesOnly };
  }
  if (best) return best.name;
  if (byNames) {
    const m = sets.get(byNames.name)!;
    const sizes = new Map(entries.map((e) => [e.name.toLowerCase(), e.size]));
    const example = m.roms.find((r) => sizes.has(r.name.toLowerCase()))!;
    throw new ImportError(
      `${fileName} has the file names of ${m.name} but not their sizes (${example.name} is ${sizes.get(example.name.toLowerCase())} bytes, ${m.name} needs ${example.size}): it is a different or damaged dump, so it was not added.`,
    );
  }
  throw new ImportError(`${fileName} holds no file of any supported game (checked by name, size and CRC); check that it is an arcade ROM set.`);
}

/** How good a zip is for `m` on its own: (files right, files present) — compared in that order. */
function quality(m: RomManifest, fileName: string, bytes: Uint8Array): [number, number] {
  try {
    const report = auditSet(m, [zipSource(fileName, bytes)]);
    return [report.files.filter((f) => f.status === 'ok' || f.status === 'nodump').length, report.files.filter((f) => f.status !== 'missing').length];
  } catch {
    return [-1, -1]; // unreadable
  }
}

/**
 * Throws ImportError when `incoming` is worse for set `m` than the zip already imported for it: the
 * old one is kept and the message says why and how to replace it on purpose.
 */
export function checkReplacement(m: RomManifest, existing: Uint8Array | undefined, fileName: string, incoming: Uint8Array): void {
  if (!existing) return;
  const [oldRight, oldPresent] = quality(m, `${m.name}.zip`, existing);
  const [newRight, newPresent] = quality(m, fileName, incoming);
  if (newRight > oldRight || (newRight === oldRight && newPresent >= oldPresent)) return;
  const total = m.roms.length;
  throw new ImportError(
    `Kept the ${m.name}.zip you added before: it has ${oldRight} of ${total} files right, ${fileName} has ${Math.max(0, newRight)}. ` +
      `To use ${fileName} instead, remove ${m.name}.zip in Settings → ROMs first.`,
  );
}
