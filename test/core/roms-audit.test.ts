// The audit and loader on fake sets built from our own bytes (test/fixtures/roms/make-sets.ts); expected
// hashes come from node:zlib/crypto.
import { describe, expect, it } from 'vitest';
import { auditSet, loadSet, verdictLine } from '../../src/core/roms/audit';
import { RomError } from '../../src/core/roms/errors';
import type { RomManifest } from '../../src/core/roms/manifest';
import { memorySource, type RomSource } from '../../src/core/roms/source';
import { bytesFrom, fakeSets, refCrc, refSha1, romOf } from '../fixtures/roms/make-sets';

const sets = fakeSets();
const { parent, clone } = sets;
const copy = (m: Map<string, Uint8Array>): Map<string, Uint8Array> => new Map([...m].map(([k, v]) => [k, v.slice()]));

function src(label: string, files: Map<string, Uint8Array>): RomSource {
  return memorySource(label, files);
}

function loadError(m: RomManifest, sources: RomSource[]): RomError {
  try {
    loadSet(m, sources);
  } catch (e) {
    expect(e).toBeInstanceOf(RomError);
    return e as RomError;
  }
  throw new Error('loadSet did not throw');
}

describe('auditSet / loadSet', () => {
  it('a complete set is good and loads the exact bytes under the manifest names', () => {
    const sources = [src('/r/fakepar/', sets.files.fakepar)];
    const report = auditSet(parent, sources);
    expect(report.status).toBe('good');
    expect(report.problems).toEqual([]);
    expect(report.searched).toEqual(['/r/fakepar/']);
    expect(report.files.map((f) => f.status)).toEqual(['ok', 'ok', 'ok']);
    expect(report.files[0].actual).toEqual({ size: 1024, crc32: refCrc(sets.files.fakepar.get('a.bin')!), sha1: refSha1(sets.files.fakepar.get('a.bin')!) });
    expect(verdictLine(report)).toBe('romset fakepar is good');
    const { files } = loadSet(parent, sources);
    expect([...files.keys()]).toEqual(['a.bin', 'b.bin', 'p.prom']);
    for (const [n, b] of sets.files.fakepar) expect(files.get(n)).toEqual(b);
  });

  it('a missing file makes the set bad, and loading stops naming the file, its size, CRC and where it looked', () => {
    const files = copy(sets.files.fakepar);
    files.delete('b.bin');
    const sources = [src('/r1/fakepar/', files), src('/r2/fakepar.zip', new Map())];
    const report = auditSet(parent, sources);
    expect(report.status).toBe('bad');
    expect(report.files[1]).toMatchObject({ status: 'missing' });
    const crc = parent.roms[1].crc32;
    expect(report.problems).toEqual([`fakepar     : b.bin (512 bytes, CRC ${crc}) - NOT FOUND (looked in /r1/fakepar/, /r2/fakepar.zip)`]);
    const e = loadError(parent, sources);
    expect(e.message).toBe(
      `set fakepar: 1 required ROM file is missing or the wrong size:\n  b.bin (512 bytes, CRC ${crc}) - NOT FOUND (looked in /r1/fakepar/, /r2/fakepar.zip)`,
    );
    expect(e.details).toHaveLength(1);
  });

  it('lists every blocking file when several are missing or the wrong size', () => {
    const files = copy(sets.files.fakepar);
    files.delete('a.bin');
    files.set('p.prom', bytesFrom(9, 31));
    const e = loadError(parent, [src('/r/fakepar/', files)]);
    expect(e.message.split('\n')[0]).toBe('set fakepar: 2 required ROM files are missing or the wrong size:');
    expect(e.details[0]).toMatch(/^a\.bin \(1024 bytes, CRC [0-9a-f]{8}\) - NOT FOUND \(looked in \/r\/fakepar\/\)$/);
    expect(e.details[1]).toBe(`p.prom (32 bytes, CRC ${parent.roms[2].crc32}) - INCORRECT LENGTH: 31 bytes in /r/fakepar/`);
  });

  it('a wrong-size file is bad and stops loading', () => {
    const files = copy(sets.files.fakepar);
    const longer = bytesFrom(2, 600);
    files.set('b.bin', longer);
    const report = auditSet(parent, [src('/r/fakepar/', files)]);
    expect(report.status).toBe('bad');
    // a file longer than the manifest says is never read (a bomb could be any size), so it has no CRC
    expect(report.files[1]).toMatchObject({ status: 'wrong-size', foundIn: '/r/fakepar/', actual: { size: 600, crc32: '' } });
    expect(report.problems[0]).toMatch(/b\.bin \(512 bytes, CRC [0-9a-f]{8}\) - INCORRECT LENGTH: 600 bytes in \/r\/fakepar\/$/);
    expect(loadError(parent, [src('/r/fakepar/', files)]).message).toContain('INCORRECT LENGTH: 600 bytes');
  });

  it('a wrong checksum is bad in the audit but only warns when loading (the changed bytes are used)', () => {
    const files = copy(sets.files.fakepar);
    const hacked = files.get('a.bin')!;
    hacked[100] ^= 0xff;
    const sources = [src('/r/fakepar/', files)];
    const report = auditSet(parent, sources);
    expect(report.status).toBe('bad');
    expect(report.files[0].status).toBe('bad-checksum');
    expect(report.problems).toEqual([
      `fakepar     : a.bin (1024 bytes, CRC ${parent.roms[0].crc32}) - INCORRECT CHECKSUM: expected CRC(${parent.roms[0].crc32}) SHA1(${parent.roms[0].sha1}), found CRC(${refCrc(hacked)}) SHA1(${refSha1(hacked)}) in /r/fakepar/`,
    ]);
    const loaded = loadSet(parent, sources);
    expect(loaded.files.get('a.bin')).toEqual(hacked);
    expect(loaded.report.problems).toEqual(report.problems);
  });

  it('finds a renamed file by its CRC32', () => {
    const files = copy(sets.files.fakepar);
    const a = files.get('a.bin')!;
    files.delete('a.bin');
    files.set('PROGRAM-renamed.rom', a);
    const report = auditSet(parent, [src('/r/fakepar/', files)]);
    expect(report.status).toBe('good');
    expect(report.files[0]).toMatchObject({ status: 'ok', foundIn: '/r/fakepar/', foundAs: 'PROGRAM-renamed.rom' });
    expect(loadSet(parent, [src('/r/fakepar/', files)]).files.get('a.bin')).toEqual(a);
  });

  it('prefers a correct file found by CRC over a wrong one with the right name in the same place', () => {
    const files = copy(sets.files.fakepar);
    const a = files.get('a.bin')!;
    files.set('a.bin', bytesFrom(77, 1024));
    files.set('a-good.bin', a);
    const report = auditSet(parent, [src('/r/fakepar/', files)]);
    expect(report.files[0]).toMatchObject({ status: 'ok', foundAs: 'a-good.bin' });
  });

  it('matches names case-insensitively', () => {
    const files = new Map([...sets.files.fakepar].map(([n, b]) => [n.toUpperCase(), b]));
    expect(auditSet(parent, [src('/r/', files)]).status).toBe('good');
  });

  it('a clone finds shared files in its parent (by merge name or CRC) and its own files first', () => {
    const own = copy(sets.files.fakeclo);
    own.delete('b.bin');
    own.delete('clo.prom');
    const parentFiles = copy(sets.files.fakepar);
    const sources = [src('/r/fakeclo/', own), src('/r/fakeclo.zip', new Map()), src('/r/fakepar/', parentFiles), src('/r/fakepar.zip', new Map())];
    const report = auditSet(clone, sources);
    expect(report.status).toBe('good');
    expect(verdictLine(report)).toBe('romset fakeclo [fakepar] is good');
    expect(report.files.map((f) => [f.rom.name, f.foundIn, f.foundAs])).toEqual([
      ['c.bin', '/r/fakeclo/', undefined],
      ['b.bin', '/r/fakepar/', undefined],
      ['clo.prom', '/r/fakepar/', 'p.prom'],
    ]);
    const { files } = loadSet(clone, sources);
    expect(files.get('clo.prom')).toEqual(sets.files.fakepar.get('p.prom'));
  });

  it('the merge name finds a parent file even when its checksum is wrong (reported, not missing)', () => {
    const parentFiles = copy(sets.files.fakepar);
    parentFiles.get('p.prom')![0] ^= 1;
    const own = new Map([['c.bin', sets.files.fakeclo.get('c.bin')!], ['b.bin', sets.files.fakeclo.get('b.bin')!]]);
    const report = auditSet(clone, [src('/r/fakeclo/', own), src('/r/fakepar/', parentFiles)]);
    expect(report.files[2]).toMatchObject({ status: 'bad-checksum', foundIn: '/r/fakepar/', foundAs: 'p.prom' });
  });

  it('the set’s own location wins over the parent’s, in the given order', () => {
    const bad = bytesFrom(55, 512);
    const own = copy(sets.files.fakeclo);
    own.set('b.bin', bad);
    const report = auditSet(clone, [src('/r/fakeclo/', own), src('/r/fakepar/', copy(sets.files.fakepar))]);
    expect(report.files[1]).toMatchObject({ status: 'bad-checksum', foundIn: '/r/fakeclo/' });
  });

  it('no-dump, bad-dump and optional files make the set "best available", which still loads', () => {
    const extra = bytesFrom(8, 64);
    const m: RomManifest = {
      ...parent,
      roms: [
        ...parent.roms.map((r, i) => (i === 1 ? { ...r, status: 'baddump' as const } : r)),
        { name: 'never.bin', size: 16, crc32: '', sha1: '', region: 'main', offset: 0x800, status: 'nodump' },
        romOf('opt.bin', extra, 'main', 0x900, { optional: true }),
      ],
    };
    const report = auditSet(m, [src('/r/fakepar/', sets.files.fakepar)]);
    expect(report.status).toBe('best available');
    expect(report.files.map((f) => f.status)).toEqual(['ok', 'ok', 'ok', 'nodump', 'missing']);
    expect(report.problems).toEqual([
      expect.stringMatching(/b\.bin \(512 bytes, CRC [0-9a-f]{8}\) - NEEDS REDUMP/),
      'fakepar     : never.bin (16 bytes) - NOT FOUND - NO GOOD DUMP KNOWN',
      expect.stringMatching(/opt\.bin \(64 bytes, CRC [0-9a-f]{8}\) - NOT FOUND, optional \(looked in \/r\/fakepar\/\)/),
    ]);
    expect(verdictLine(report)).toBe('romset fakepar is best available');
    const { files } = loadSet(m, [src('/r/fakepar/', sets.files.fakepar)]);
    expect([...files.keys()]).toEqual(['a.bin', 'b.bin', 'p.prom']);
  });

  it('with no sources everything is missing and the message says there was nowhere to look', () => {
    const report = auditSet(parent, []);
    expect(report.status).toBe('bad');
    expect(report.problems[0]).toContain('NOT FOUND (no locations to look in)');
  });

  it('a source that fails to read gives a RomError naming it', () => {
    const broken: RomSource = {
      label: '/r/broken/',
      list: () => [{ name: 'a.bin', size: 1024 }],
      read: () => {
        throw new Error('EIO: i/o error');
      },
    };
    expect(() => auditSet(parent, [broken])).toThrowError(/^\/r\/broken\/: cannot read a\.bin \(EIO: i\/o error\)$/);
  });
});
