/**
 * ROM audit and loading, MAME-style (`-verifyroms`, and the checks MAME makes before starting a game).
 *
 * Search: the sources are visited in the order given (the set's own folder/zip in each rompath folder,
 * then the parent's: see rompath-node.ts). In each source a file is found first by CRC32 among files of
 * the right size — a correct dump under another name, as in renamed or merged collections — and then by
 * its name or its `merge` name (the name the parent set uses). The first source that has it wins, as in
 * MAME's `emu_file` search, which also tries the CRC before the name inside archives.
 *
 * Verdicts follow MAME's audit: a missing, wrong-size or wrong-checksum file makes the set "bad"; a file
 * with no good dump known (`nodump`), a known bad dump (`baddump`) or a missing optional file makes it
 * "best available". Loading is more lenient than the verdict: wrong checksums only warn (MAME runs such
 * sets after a warning; homebrew and hacks are legitimate), but missing or wrong-size files stop it.
 */
import { describeError, RomError } from './errors';
import { crc32, crcHex, sha1Hex } from './hash';
import type { RomEntry, RomManifest } from './manifest';
import type { RomFileInfo, RomSource } from './source';

export type FileStatus = 'ok' | 'missing' | 'wrong-size' | 'bad-checksum' | 'nodump';

export interface FileAudit {
  rom: RomEntry;
  status: FileStatus;
  /** label of the source the file came from */
  foundIn?: string;
  /** the file's name in that source, when it differs from the manifest's (found by CRC or merge name) */
  foundAs?: string;
  actual?: { size: number; crc32: string; sha1: string };
}

export interface AuditReport {
  set: string;
  parent?: string;
  status: 'good' | 'best available' | 'bad';
  files: FileAudit[];
  /** labels of every location searched, in search order */
  searched: string[];
  /** one human line per problem, naming the file, expected size/CRC and where it looked */
  problems: string[];
}


/** Per-audit caches, so a file is listed, read and hashed once even when several ROMs look at it. */
class SourceView {
  private readonly byName = new Map<string, RomFileInfo>();
  private readonly bySize = new Map<number, RomFileInfo[]>();
  private readonly crcs = new Map<string, number>();
  private readonly data = new Map<string, Uint8Array>();

  constructor(readonly source: RomSource) {
    let files: RomFileInfo[];
    try {
      files = source.list();
    } catch (e) {
      throw e instanceof RomError ? e : new RomError(`${source.label}: cannot list the files (${describeError(e)})`);
    }
    for (const f of files) {
      const key = f.name.toLowerCase();
      if (this.byName.has(key)) continue;
      this.byName.set(key, f);
      let same = this.bySize.get(f.size);
      if (!same) this.bySize.set(f.size, (same = []));
      same.push(f);
      if (f.crc32 !== undefined) this.crcs.set(key, f.crc32 >>> 0);
    }
  }

  named(name: string): RomFileInfo | undefined {
    return this.byName.get(name.toLowerCase());
  }

  read(f: RomFileInfo): Uint8Array {
    const key = f.name.toLowerCase();
    let b = this.data.get(key);
    if (!b) {
      try {
        b = this.source.read(f.name);
      } catch (e) {
        throw e instanceof RomError ? e : new RomError(`${this.source.label}: cannot read ${f.name} (${describeError(e)})`);
      }
      this.data.set(key, b);
    }
    return b;
  }

  crcOf(f: RomFileInfo): number {
    const key = f.name.toLowerCase();
    let c = this.crcs.get(key);
    if (c === undefined) this.crcs.set(key, (c = crc32(this.read(f))));
    return c;
  }

  /** a file of `size` bytes whose CRC32 is `crc`, trying `preferred` names first */
  byCrc(size: number, crc: number, preferred: string[]): RomFileInfo | undefined {
    for (const n of preferred) {
      const f = this.named(n);
      if (f && f.size === size && this.crcOf(f) === crc) return f;
    }
    for (const f of this.bySize.get(size) ?? []) if (this.crcOf(f) === crc) return f;
    return undefined;
  }
}

function describeRom(rom: RomEntry): string {
  return rom.status === 'nodump' ? `${rom.name} (${rom.size} bytes)` : `${rom.name} (${rom.size} bytes, CRC ${rom.crc32})`;
}

interface Audited {
  report: AuditReport;
  data: Map<string, Uint8Array>;
  /** the problem line of each file that has one */
  lineOf: Map<FileAudit, string>;
}

function audit(manifest: RomManifest, sources: RomSource[]): Audited {
  const views = sources.map((s) => new SourceView(s));
  const searched = sources.map((s) => s.label);
  const where = searched.length ? `looked in ${searched.join(', ')}` : 'no locations to look in';
  const prefix = `${manifest.name.padEnd(12)}: `;
  const files: FileAudit[] = [];
  const problems: string[] = [];
  const data = new Map<string, Uint8Array>();
  const lineOf = new Map<FileAudit, string>();
  const note = (f: FileAudit, text: string): void => {
    problems.push(text);
    lineOf.set(f, text);
  };
  let bad = false;
  let degraded = false;

  for (const rom of manifest.roms) {
    const names = rom.merge !== undefined && rom.merge !== rom.name ? [rom.name, rom.merge] : [rom.name];
    const wantCrc = rom.status === 'nodump' ? undefined : parseInt(rom.crc32, 16) >>> 0;
    let hit: { view: SourceView; file: RomFileInfo } | undefined;
    for (const view of views) {
      const byCrc = wantCrc === undefined ? undefined : view.byCrc(rom.size, wantCrc, names);
      const file = byCrc ?? names.map((n) => view.named(n)).find((f) => f !== undefined);
      if (file) {
        hit = { view, file };
        break;
      }
    }

    const line = `${prefix}${describeRom(rom)} - `;
    if (!hit) {
      const f: FileAudit = { rom, status: rom.status === 'nodump' ? 'nodump' : 'missing' };
      files.push(f);
      if (rom.status === 'nodump') {
        note(f, `${line}NOT FOUND - NO GOOD DUMP KNOWN`);
        degraded = true;
      } else if (rom.optional) {
        note(f, `${line}NOT FOUND, optional (${where})`);
        degraded = true;
      } else {
        note(f, `${line}NOT FOUND (${where})`);
        bad = true;
      }
      continue;
    }

    const { view, file } = hit;
    const entry: FileAudit = { rom, status: 'ok', foundIn: view.source.label };
    if (file.name !== rom.name) entry.foundAs = file.name;
    const at = `in ${view.source.label}${entry.foundAs ? ` as ${file.name}` : ''}`;
    if (file.size !== rom.size) {
      entry.status = 'wrong-size';
      // Only a shorter file is read and hashed (a truncated dump): a longer one is never inflated or read
      // past the size the manifest expects (a zip bomb or a stray disc image named like a ROM).
      if (file.size < rom.size) {
        const b = view.read(file);
        entry.actual = { size: b.length, crc32: crcHex(view.crcOf(file)), sha1: sha1Hex(b) };
      } else {
        entry.actual = { size: file.size, crc32: '', sha1: '' };
      }
      note(entry, `${line}INCORRECT LENGTH: ${file.size} bytes ${at}`);
      files.push(entry);
      bad = true;
      continue;
    }
    const bytes = view.read(file);
    if (bytes.length !== rom.size) {
      // The container listed one size and delivered another: treat as damaged rather than guess.
      throw new RomError(`${view.source.label}: ${file.name} is listed as ${file.size} bytes but reads as ${bytes.length}`);
    }
    entry.actual = { size: bytes.length, crc32: crcHex(view.crcOf(file)), sha1: sha1Hex(bytes) };
    data.set(rom.name, bytes);
    if (rom.status === 'nodump') {
      entry.status = 'nodump';
      note(entry, `${line}NO GOOD DUMP KNOWN (using ${at.slice(3)})`);
      degraded = true;
    } else if (entry.actual.crc32 !== rom.crc32 || entry.actual.sha1 !== rom.sha1) {
      entry.status = 'bad-checksum';
      note(
        entry,
        `${line}INCORRECT CHECKSUM: expected CRC(${rom.crc32}) SHA1(${rom.sha1}), found CRC(${entry.actual.crc32}) SHA1(${entry.actual.sha1}) ${at}`,
      );
      bad = true;
    } else if (rom.status === 'baddump') {
      note(entry, `${line}NEEDS REDUMP (a known bad dump; found ${at})`);
      degraded = true;
    }
    files.push(entry);
  }

  const report: AuditReport = {
    set: manifest.name,
    status: bad ? 'bad' : degraded ? 'best available' : 'good',
    files,
    searched,
    problems,
  };
  if (manifest.parent !== undefined) report.parent = manifest.parent;
  return { report, data, lineOf };
}

/** Checks every ROM of the set against the sources (search order: the set's own, then its parent's). */
export function auditSet(manifest: RomManifest, sources: RomSource[]): AuditReport {
  return audit(manifest, sources).report;
}

/**
 * The set's ROM data keyed by the manifest's ROM names. Throws RomError listing every missing or
 * wrong-size file and where it looked when the set cannot run; wrong checksums only warn (they are in
 * `report.problems`). Missing optional and no-dump files are left out of `files`.
 */
export function loadSet(manifest: RomManifest, sources: RomSource[]): { files: Map<string, Uint8Array>; report: AuditReport } {
  const { report, data, lineOf } = audit(manifest, sources);
  const blocking = report.files.filter((f) => (f.status === 'missing' && !f.rom.optional) || f.status === 'wrong-size');
  if (blocking.length) {
    const lines = blocking.map((f) => lineOf.get(f)!.replace(/^\S+\s*: /, ''));
    const n = blocking.length;
    throw new RomError(
      `set ${manifest.name}: ${n} required ROM file${n > 1 ? 's are' : ' is'} missing or the wrong size:\n  ${lines.join('\n  ')}`,
      lines,
    );
  }
  return { files: data, report };
}

/** The one-line verdict MAME's -verifyroms prints: `romset pacman [puckman] is good`. */
export function verdictLine(report: AuditReport): string {
  return `romset ${report.set}${report.parent ? ` [${report.parent}]` : ''} is ${report.status}`;
}
