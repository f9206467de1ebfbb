/**
 * pacstress (our stress test for Pac-Man hardware, homebrew/pacman/pacstress.asm) against MAME 0.251:
 * the golden files in test/golden/pacstress were recorded by tools/make-golden-pacstress.sh with
 * ../shared/oracle (command in its README). Every frame rewrites all tile and colour RAM, moves and
 * flips all 8 sprites and changes the three voices; flip screen toggles every 32 frames. Pixels must be
 * identical at every snapshot, RAM identical on every frame, audio figures within tolerance.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkAudioFigures } from '../support/golden';
import { checkPacmanRun } from '../support/pacman-golden';

const GOLDEN = join('test', 'golden', 'pacstress');
interface RomEntry { name: string; size: number; crc32: string; sha1: string; region: string; offset: number }
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

describe('pacstress vs MAME 0.251 golden recording', () => {
  it('240 frames: pixels at 13 snapshots (both flip states), RAM every frame, audio every frame', () => {
    const rec = checkPacmanRun('pacstress', GOLDEN, null, 240);
    const { compared, pitched } = checkAudioFigures(rec, GOLDEN);
    expect(compared).toBeGreaterThan(220);
    expect(pitched).toBeGreaterThan(100); // voice 1 dominates: a pitch to compare on most frames
  });

  it('the ROM set: pacman file names and sizes, manifest hashes = committed files = what MAME ran', () => {
    const set = read('roms-manifest/pacstress.json') as { maker: string; homebrew: boolean; roms: RomEntry[] };
    const real = read('roms-manifest/pacman.json') as { roms: RomEntry[] };
    expect(set.maker).toBe('Arcade project (homebrew)');
    expect(set.homebrew).toBe(true);
    const shape = (r: RomEntry) => [r.name, r.size, r.region, r.offset];
    expect(set.roms.map(shape)).toEqual(real.roms.map(shape));
    const recorded = Object.fromEntries((read(join(GOLDEN, 'manifest.json')) as { rom_files: { file: string; sha1: string }[] }).rom_files.map((f) => [f.file, f.sha1]));
    for (const r of set.roms) {
      const data = readFileSync(join('homebrew', 'pacstress', r.name));
      expect((crc32(data) >>> 0).toString(16).padStart(8, '0'), r.name).toBe(r.crc32);
      expect(createHash('sha1').update(data).digest('hex'), r.name).toBe(r.sha1);
      expect(recorded[r.name], r.name).toBe(r.sha1);
    }
  });
});
