// zipSource: reading real zips (made with fflate's writer) and refusing damaged or hostile ones with a
// RomError that names the archive, quickly, without inflating what the limits forbid.
import { zipSync } from 'fflate';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { auditSet } from '../../src/core/roms/audit';
import { RomError } from '../../src/core/roms/errors';
import { ZIP_LIMITS, zipSource } from '../../src/core/roms/source';
import { bytesFrom, fakeSets } from '../fixtures/roms/make-sets';

const sets = fakeSets();

function makeZip(files: Record<string, Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { level }]])) as never);
}

const view = (z: Uint8Array) => new DataView(z.buffer, z.byteOffset, z.byteLength);
/** offset of the first central-directory record (EOCD is the last 22 bytes: fflate writes no comment) */
const centralDir = (z: Uint8Array) => view(z).getUint32(z.length - 22 + 16, true);

function romError(f: () => unknown): RomError {
  const t0 = Date.now();
  try {
    f();
  } catch (e) {
    expect(Date.now() - t0, 'must fail fast').toBeLessThan(2000);
    if (!(e instanceof RomError)) throw new Error(`expected a RomError, got ${String(e)}`);
    expect(e.message).not.toContain('\n');
    return e;
  }
  throw new Error('expected a RomError');
}

describe('zipSource: good archives', () => {
  it('lists and reads deflated and stored entries, matching names case-insensitively and ignoring folders', () => {
    const [a, b] = [bytesFrom(1, 5000), bytesFrom(2, 300)];
    const z = zipSource('/r/x.zip', zipSync({ 'sub/A.BIN': a, 'b.bin': [b, { level: 0 }], 'empty/': new Uint8Array(0) } as never));
    expect(z.label).toBe('/r/x.zip');
    expect(z.list().sort((p, q) => p.name.localeCompare(q.name))).toEqual([
      { name: 'A.BIN', size: 5000, crc32: zlibCrc32(a) },
      { name: 'b.bin', size: 300, crc32: zlibCrc32(b) },
    ]);
    expect(z.read('a.bin')).toEqual(a);
    expect(z.read('B.BIN')).toEqual(b);
    expect(() => z.read('c.bin')).toThrowError(RomError);
    expect(() => z.read('c.bin')).toThrowError('/r/x.zip: no file c.bin in the zip');
  });

  it('an audit over a zip of the fake set is good', () => {
    const z = zipSource('/r/fakepar.zip', makeZip(Object.fromEntries(sets.files.fakepar)));
    expect(auditSet(sets.parent, [z]).status).toBe('good');
  });

  it('an empty zip lists nothing', () => {
    expect(zipSource('/r/e.zip', zipSync({})).list()).toEqual([]);
  });
});

describe('zipSource: corrupt and hostile archives', () => {
  const good = makeZip(Object.fromEntries(sets.files.fakepar));

  it('random bytes named .zip', () => {
    for (const seed of [1, 2, 3]) {
      const e = romError(() => zipSource('/r/fakepar.zip', bytesFrom(seed, 4096)));
      expect(e.message).toMatch(/^\/r\/fakepar\.zip: not a readable zip file \(invalid zip data\); the file is damaged, truncated or not a zip$/);
    }
    romError(() => zipSource('/r/zero.zip', new Uint8Array(0)));
    romError(() => zipSource('/r/tiny.zip', new Uint8Array([0x50, 0x4b, 5, 6])));
  });

  it('a truncated zip, cut anywhere', () => {
    for (const cut of [1, 10, 21, 22, 23, 100, Math.floor(good.length / 2), good.length - 40]) {
      const e = romError(() => {
        const z = zipSource('/r/cut.zip', good.subarray(0, good.length - cut));
        for (const f of z.list()) z.read(f.name); // if the directory survived, reading must still be safe
      });
      expect(e.message, `cut ${cut}`).toMatch(/^\/r\/cut\.zip: /);
    }
  });

  it('an entry whose header claims a huge uncompressed size (zip bomb) is refused before inflating', () => {
    const z = good.slice();
    view(z).setUint32(centralDir(z) + 24, 0xfffffff0, true); // central directory: uncompressed size
    const e = romError(() => zipSource('/r/bomb.zip', z));
    expect(e.message).toBe(
      `/r/bomb.zip: entry a.bin claims 4096.0 MiB uncompressed, more than the ${ZIP_LIMITS.maxEntryBytes / 1048576} MiB limit for one file (a zip bomb or a damaged archive)`,
    );
  });

  it('a real highly-compressed entry over the limit is refused; the total is limited too', () => {
    const zeros = new Uint8Array(4 << 20);
    const z = makeZip({ 'zeros.bin': zeros, 'more.bin': zeros });
    expect(z.length).toBeLessThan(64 << 10);
    const small = { ...ZIP_LIMITS, maxEntryBytes: 1 << 20 };
    expect(romError(() => zipSource('/r/z.zip', z, small)).message).toMatch(/entry zeros\.bin claims 4 MiB uncompressed, more than the 1 MiB limit/);
    const total = { ...ZIP_LIMITS, maxTotalBytes: 6 << 20 };
    expect(romError(() => zipSource('/r/z.zip', z, total)).message).toMatch(/the entries claim more than 6 MiB uncompressed in total/);
  });

  it('an entry whose header understates its size is caught by the stored CRC, after inflating at most the claimed bytes', () => {
    const big = new Uint8Array(1 << 20).fill(7);
    const z = makeZip({ 'liar.bin': big });
    view(z).setUint32(centralDir(z) + 24, 1024, true);
    const src = zipSource('/r/liar.zip', z);
    expect(src.list()).toEqual([{ name: 'liar.bin', size: 1024, crc32: expect.any(Number) }]);
    expect(romError(() => src.read('liar.bin')).message).toBe('/r/liar.zip: entry liar.bin does not match the CRC32 stored in the zip; the zip is damaged');
  });

  it('a damaged entry count does not spin through garbage', () => {
    const z = good.slice();
    view(z).setUint16(z.length - 22 + 8, 0xffff, true); // EOCD: entries on this disk
    view(z).setUint16(z.length - 22 + 10, 0xffff, true); // EOCD: total entries
    romError(() => zipSource('/r/count.zip', z));
  });

  it('damaged compressed data is reported as a damaged zip (checked against the CRC the zip stores)', () => {
    const a = sets.files.fakepar.get('a.bin')!;
    const z = makeZip({ 'a.bin': a });
    const dataStart = 30 + 'a.bin'.length;
    const dataEnd = centralDir(z);
    for (let i = dataStart; i < dataEnd; i += 13) {
      const d = z.slice();
      d[i] ^= 0x5a;
      const src = zipSource('/r/dmg.zip', d);
      const e = romError(() => src.read('a.bin'));
      expect(e.message, `byte ${i}`).toMatch(/^\/r\/dmg\.zip: entry a\.bin (does not match the CRC32 stored in the zip|is damaged|holds \d+ bytes)/);
    }
  });

  it('the stored CRC lets the audit match renamed files without inflating them', () => {
    const a = sets.files.fakepar.get('a.bin')!;
    const src = zipSource('/r/x.zip', makeZip({ 'renamed.rom': a }));
    expect(src.list()).toEqual([{ name: 'renamed.rom', size: 1024, crc32: parseInt(sets.parent.roms[0].crc32, 16) }]);
  });

  it('an unsupported compression method is named when the entry is read', () => {
    const z = makeZip({ 'a.bin': sets.files.fakepar.get('a.bin')! });
    view(z).setUint16(centralDir(z) + 10, 12, true); // bzip2 in the central directory
    view(z).setUint16(8, 12, true); // and in the local header
    const src = zipSource('/r/bz.zip', z);
    expect(romError(() => src.read('a.bin')).message).toBe(
      '/r/bz.zip: entry a.bin uses compression method 12; only stored and deflate are supported (re-zip it)',
    );
  });

  it('wrong names: files under other names are found by CRC, unrelated files are reported missing', () => {
    const files = sets.files.fakepar;
    const z = zipSource('/r/fakepar.zip', makeZip({ 'first.rom': files.get('a.bin')!, 'b.bin.bak': bytesFrom(50, 512), 'prom.dat': files.get('p.prom')! }));
    const report = auditSet(sets.parent, [z]);
    expect(report.files.map((f) => [f.status, f.foundAs])).toEqual([
      ['ok', 'first.rom'],
      ['missing', undefined],
      ['ok', 'prom.dat'],
    ]);
    expect(report.problems).toEqual([expect.stringMatching(/b\.bin \(512 bytes, CRC [0-9a-f]{8}\) - NOT FOUND \(looked in \/r\/fakepar\.zip\)$/)]);
  });
});
