/**
 * Centipede board facts a game might use that cendemo does not, against MAME 0.251: our test program
 * test/fixtures/roms/cenhwtest (goldens by tools/make-golden-centiped-tests.sh) shows MAME's power-on palette
 * on tiles and on sprites of 16 colour codes, every tile with each flip, sprites at the screen edges (no
 * wrap-around, clipped right / left with the flip latch), the flip latch on and off, palette writes that must
 * not show (offsets without bit 2) and the transparent sprite colour 0; every frame it copies DSW1/DSW2 and
 * IN0-IN3 to RAM while its input script (test/fixtures/roms/cenhwtest/inputs.txt) sets DIPs at frame 0 and
 * later, coins, the joystick, service mode and both trackball counters, and the flip latch swaps in the
 * (absent, 0xff) cocktail trackball. Pixels at 12 snapshots and the four RAM blocks on all 150 frames must be
 * identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputScript } from '../../src/core/input';
import { fixtureMachine, readTsv, recordRun } from '../support/golden';

const GOLDEN = join('test', 'golden', 'cenhwtest');

describe('Centipede hardware test program vs MAME 0.251', () => {
  it('150 frames: 12 snapshots pixel-exact, RAM / video / sprite / palette RAM identical every frame', () => {
    const m = fixtureMachine('centiped', 'cenhwtest');
    const snaps = readTsv(join(GOLDEN, 'snapshots.tsv'));
    const shares: Record<string, string> = { ram: 'rambase', vram: 'videoram', spr: 'spriteram', pal: 'paletteram' };
    const ranges = Object.fromEntries(Object.entries(shares).map(([n, s]) => [n, () => m.memory(s)]));
    const script = join('test', 'fixtures', 'roms', 'cenhwtest', 'inputs.txt');
    const events = parseInputScript(readFileSync(script, 'utf8'), script);
    const rec = recordRun(m, events, 150, ranges, new Set(snaps.map((s) => Number(s.frame))));
    expect(snaps.filter((s) => rec.snapshots.get(Number(s.frame)) !== s.rgb_sha1).map((s) => `frame ${s.frame}`)).toEqual([]);
    const rows = readTsv(join(GOLDEN, 'memory.tsv'));
    expect(rows.filter((r) => rec.memory.get(Number(r.frame))?.get(r.name) !== r.sha1).slice(0, 5)).toEqual([]);
    expect(rows.length).toBe(600);
    expect(snaps.length).toBe(12);
  });
});
