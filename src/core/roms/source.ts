/**
 * ROM sources: a container of ROM files the audit searches — a folder on disk (rompath-node.ts), a zip
 * archive, or files the user dropped into the browser. Everything here works without node:fs, so the
 * same code runs in the CLI, in vitest and in a Web Worker.
 *
 * Zips are read with fflate (a maintained library). Its central-directory pass tells us each entry's
 * claimed sizes before anything is inflated, which is where the zip-bomb limits are enforced; an entry
 * is inflated only when read, into a buffer of exactly the claimed size that fflate does not grow, so a
 * lying header cannot make us allocate more than the limits allow.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { describeError, RomError } from './errors';
import { crc32 } from './hash';

export interface RomFileInfo {
  name: string;
  size: number;
  /** known without reading the data (a zip stores it; a folder does not) */
  crc32?: number;
}

export interface RomSource {
  /** where the files are, as the user should see it: `/roms/pacman.zip`, `/roms/pacman/` */
  label: string;
  list(): RomFileInfo[];
  /** the file's bytes; throws RomError when the file cannot be read */
  read(name: string): Uint8Array;
}

/** Limits against hostile or broken archives. The largest arcade ROM files MAME lists are far below. */
export const ZIP_LIMITS = {
  /** largest uncompressed entry we inflate */
  maxEntryBytes: 128 * 1024 * 1024,
  /** sum of the uncompressed sizes of all entries */
  maxTotalBytes: 1024 * 1024 * 1024,
  /** entries in the central directory */
  maxEntries: 65_535,
  /** size of the archive itself */
  maxArchiveBytes: 1024 * 1024 * 1024,
};

interface ZipEntry {
  /** position in the central directory */
  index: number;
  /** the full name inside the archive (may include folders) */
  path: string;
  /** index among entries with the same full name, so duplicate names read the right one */
  dup: number;
  /** the name ROMs are matched by: the last path component */
  name: string;
  size: number;
  compressed: number;
  method: number;
  /** the CRC32 the archive stores for the entry, when the central directory could be walked */
  crc?: number;
}

/**
 * The CRC32 the archive stores for each central-directory record, in order, or null when the directory
 * does not look as expected. fflate inflates but does not check these CRCs, and a flipped bit in
 * compressed data usually inflates to wrong bytes without an error; checking them tells "the zip is
 * damaged" apart from "this is a different dump". Only the fixed fields the check needs are read
 * (PKWARE APPNOTE 4.3.12, 4.3.16: signature, CRC at +16, name/extra/comment lengths at +28/+30/+32);
 * fflate remains the zip reader.
 */
function storedCrcs(z: Uint8Array): number[] | null {
  const u16 = (i: number) => z[i] | (z[i + 1] << 8);
  const u32 = (i: number) => (z[i] | (z[i + 1] << 8) | (z[i + 2] << 16) | (z[i + 3] << 24)) >>> 0;
  let e = z.length - 22;
  while (e >= 0 && u32(e) !== 0x06054b50) {
    if (z.length - e > 65_557) return null;
    e--;
  }
  if (e < 0) return null;
  let count = u16(e + 10);
  let off = u32(e + 16);
  if (e >= 20 && u32(e - 20) === 0x07064b50) {
    const z64 = u32(e - 12);
    if (z64 + 56 <= z.length && u32(z64) === 0x06064b50) {
      count = u32(z64 + 32);
      off = u32(z64 + 48);
    }
  }
  if (count > ZIP_LIMITS.maxEntries) return null;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (off + 46 > z.length || u32(off) !== 0x02014b50) return null;
    out.push(u32(off + 16));
    off += 46 + u16(off + 28) + u16(off + 30) + u16(off + 32);
  }
  return out;
}

function mib(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) ? 1 : 0)} MiB` : `${n} bytes`;
}

/** Wraps fflate's terse messages ("invalid zip data", "unexpected EOF") into something a user can act on. */
function zipFailure(label: string, e: unknown, entry?: string): RomError {
  if (e instanceof RomError) return e;
  const why = describeError(e);
  return entry === undefined
    ? new RomError(`${label}: not a readable zip file (${why}); the file is damaged, truncated or not a zip`)
    : new RomError(`${label}: entry ${entry} is damaged (${why}); the zip file is corrupt or truncated`);
}

function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

/**
 * A zip archive held in memory. Reads the central directory at once (a damaged archive fails here,
 * with a RomError naming `label`); entries are inflated on `read`.
 */
export function zipSource(label: string, bytes: Uint8Array, limits = ZIP_LIMITS): RomSource {
  if (bytes.length > limits.maxArchiveBytes)
    throw new RomError(`${label}: the zip is ${mib(bytes.length)}, more than the ${mib(limits.maxArchiveBytes)} we open`);
  const entries: ZipEntry[] = [];
  const dupCount = new Map<string, number>();
  const crcs = storedCrcs(bytes);
  let index = -1;
  let total = 0;
  try {
    unzipSync(bytes, {
      filter(info: UnzipFileInfo): boolean {
        // Throwing from the filter stops fflate's loop: a damaged entry count (zip64 can claim 2^32) must
        // not turn into a long spin over garbage.
        index++;
        if (entries.length >= limits.maxEntries)
          throw new RomError(`${label}: the zip claims more than ${limits.maxEntries} entries; it is damaged or not a ROM archive`);
        const { name: path, originalSize, size, compression } = info;
        if (path.length === 0) throw new RomError(`${label}: not a readable zip file (an entry has no name); the file is damaged or truncated`);
        if (path.endsWith('/') || path.endsWith('\\')) return false; // a folder entry
        if (!Number.isFinite(originalSize) || originalSize < 0 || !Number.isFinite(size) || size < 0 || size > bytes.length)
          throw new RomError(`${label}: entry ${path} has impossible sizes; the zip is damaged or truncated`);
        if (originalSize > limits.maxEntryBytes)
          throw new RomError(`${label}: entry ${path} claims ${mib(originalSize)} uncompressed, more than the ${mib(limits.maxEntryBytes)} limit for one file (a zip bomb or a damaged archive)`);
        total += originalSize;
        if (total > limits.maxTotalBytes)
          throw new RomError(`${label}: the entries claim more than ${mib(limits.maxTotalBytes)} uncompressed in total (a zip bomb or a damaged archive)`);
        const dup = dupCount.get(path) ?? 0;
        dupCount.set(path, dup + 1);
        const entry: ZipEntry = { index, path, dup, name: baseName(path), size: originalSize, compressed: size, method: compression };
        if (crcs && crcs.length > index) entry.crc = crcs[index];
        entries.push(entry);
        return false;
      },
    });
  } catch (e) {
    throw zipFailure(label, e);
  }

  // Matching is case-insensitive, as MAME's is inside archives; the first entry of a name wins.
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e);

  return {
    label,
    list: () => [...byName.values()].map((e) => (e.crc === undefined ? { name: e.name, size: e.size } : { name: e.name, size: e.size, crc32: e.crc })),
    read(name: string): Uint8Array {
      const e = byName.get(name.toLowerCase());
      if (!e) throw new RomError(`${label}: no file ${name} in the zip`);
      if (e.method !== 0 && e.method !== 8)
        throw new RomError(`${label}: entry ${e.path} uses compression method ${e.method}; only stored and deflate are supported (re-zip it)`);
      let seen = 0;
      let data: Uint8Array | undefined;
      try {
        const files = unzipSync(bytes, {
          filter: (info) => info.name === e.path && seen++ === e.dup,
        });
        data = files[e.path];
      } catch (err) {
        throw zipFailure(label, err, e.path);
      }
      if (!data) throw new RomError(`${label}: entry ${e.path} could not be read; the zip is damaged`);
      if (data.length !== e.size)
        throw new RomError(`${label}: entry ${e.path} holds ${data.length} bytes but the zip says ${e.size}; the zip is damaged or truncated`);
      if (e.crc !== undefined && crc32(data) !== e.crc)
        throw new RomError(`${label}: entry ${e.path} does not match the CRC32 stored in the zip; the zip is damaged`);
      return data;
    },
  };
}

/** Files already in memory (dropped into the browser, or built by a test). Names match case-insensitively. */
export function memorySource(label: string, files: Map<string, Uint8Array>): RomSource {
  const byName = new Map<string, [string, Uint8Array]>();
  for (const [n, b] of files) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), [n, b]);
  return {
    label,
    list: () => [...byName.values()].map(([name, b]) => ({ name, size: b.length })),
    read(name: string): Uint8Array {
      const f = byName.get(name.toLowerCase());
      if (!f) throw new RomError(`${label}: no file ${name}`);
      return f[1];
    },
  };
}

/** A location that was searched but holds nothing (a folder or zip that does not exist). */
export function emptySource(label: string): RomSource {
  return {
    label,
    list: () => [],
    read(name: string): Uint8Array {
      throw new RomError(`${label}: no file ${name}`);
    },
  };
}
