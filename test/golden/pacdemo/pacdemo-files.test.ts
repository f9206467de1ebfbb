/**
 * The committed pacdemo ROM set agrees with its manifest, has exactly the file names and sizes of
 * MAME's `pacman` set (roms-manifest/pacman.json, checked against mame -listxml by the ROM tests), and
 * is the set the golden files were recorded with (the oracle's manifest lists the ROM hashes MAME loaded).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
interface RomEntry { name: string; size: number; crc32: string; sha1: string; region: string; offset: number }
const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));

describe('pacdemo ROM set', () => {
  const demo = read('roms-manifest/pacdemo.json') as { name: string; driver: string; homebrew: boolean; maker: string; roms: RomEntry[] };
  const real = read('roms-manifest/pacman.json') as { roms: RomEntry[] };

  it('uses the pacman set\'s file names, sizes, regions and offsets', () => {
    expect(demo.name).toBe('pacdemo');
    expect(demo.driver).toBe('pacman');
    expect(demo.homebrew).toBe(true);
    expect(demo.maker).toBe('Arcade project (homebrew)');
    const shape = (r: RomEntry) => [r.name, r.size, r.region, r.offset];
    expect(demo.roms.map(shape)).toEqual(real.roms.map(shape));
  });

  it('manifest hashes match the committed files', () => {
    for (const r of demo.roms) {
      const data = readFileSync(join(ROOT, 'homebrew', 'pacdemo', r.name));
      expect(data.length, r.name).toBe(r.size);
      expect((crc32(data) >>> 0).toString(16).padStart(8, '0'), r.name).toBe(r.crc32);
      expect(createHash('sha1').update(data).digest('hex'), r.name).toBe(r.sha1);
    }
  });

  it('the golden runs were recorded with these files', () => {
    for (const run of ['test/golden/pacdemo/manifest.json', 'test/golden/pacdemo/cocktail/manifest.json']) {
      const m = read(run) as { rom_files: { file: string; sha1: string }[] };
      const recorded = Object.fromEntries(m.rom_files.map((f) => [f.file, f.sha1]));
      for (const r of demo.roms) expect(recorded[r.name], `${run}: ${r.name}`).toBe(r.sha1);
    }
  });
});
