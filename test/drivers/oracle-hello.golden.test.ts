/**
 * The oracle's own example program on Pac-Man hardware against MAME 0.251 (files in test/golden/oracle-hello,
 * recorded with ../shared/oracle, command in its README). Unlike pacdemo, this program does not wait in
 * HALT: its main loop counts a 16-bit LOOPCNT at 0x4C05 as fast as it can, so RAM at each frame end shows
 * exactly how many instructions ran before VBLANK, and the Z80's PC and R (incremented per opcode fetch)
 * show where the CPU stood. Both only match when the scheduler hands out cycles around MAME's timers
 * exactly as MAME does (src/core/scheduler.ts). Pixels must match at the snapshot frames too.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGame } from '../../src/cli/load-game';
import { parseInputScript } from '../../src/core/input';
import { readTsv, rgbSha1 } from '../support/golden';

const GOLDEN = join('test', 'golden', 'oracle-hello');
const FRAMES = 300;
/** Z80 registers compared every frame: oracle name → ours */
const REGS: [string, string][] = [
  ['PC', 'pc'], ['R', 'r'], ['SP', 'sp'], ['AF', 'af'], ['BC', 'bc'], ['DE', 'de'], ['HL', 'hl'],
  ['IX', 'ix'], ['IY', 'iy'], ['I', 'i'], ['IFF1', 'iff1'], ['IM', 'im'],
];

describe('oracle example (busy-loop homebrew) vs MAME 0.251', () => {
  it('the committed ROMs are the ones MAME ran', () => {
    const manifest = JSON.parse(readFileSync(join(GOLDEN, 'manifest.json'), 'utf8')) as { rom_files: { file: string; sha1: string }[] };
    const dir = join(GOLDEN, 'roms', 'pacman');
    expect(readdirSync(dir).sort()).toEqual(manifest.rom_files.map((r) => r.file).sort());
    for (const r of manifest.rom_files) expect(createHash('sha1').update(readFileSync(join(dir, r.file))).digest('hex'), r.file).toBe(r.sha1);
  });

  it(`${FRAMES} frames: RAM, video RAM and Z80 registers identical on every frame, pixels at every snapshot`, () => {
    const { machine: m } = loadGame('pacman', join(GOLDEN, 'roms'), { sampleRate: 48000 });
    const script = join(GOLDEN, 'inputs.txt');
    const events = parseInputScript(readFileSync(script, 'utf8'), script);
    const memWant = new Map<string, string>();
    for (const row of readTsv(join(GOLDEN, 'memory.tsv'))) memWant.set(`${row.frame} ${row.name}`, row.sha1);
    const stateWant = new Map<number, Record<string, string>>();
    for (const row of readTsv(join(GOLDEN, 'cpu_state.tsv')))
      stateWant.set(Number(row.frame), Object.fromEntries(row.registers.split(' ').map((kv) => kv.split('='))));
    const snapWant = new Map(readTsv(join(GOLDEN, 'snapshots.tsv')).map((r) => [Number(r.frame), r.rgb_sha1]));
    const ranges: Record<string, () => Uint8Array> = {
      vram: () => m.memory('videoram'), cram: () => m.memory('colorram'), spr: () => m.memory('spriteram'),
      sprpos: () => m.memory('spriteram2'), ram: () => m.memory('workram'),
    };
    expect(memWant.size).toBe(FRAMES * Object.keys(ranges).length);
    expect(stateWant.size).toBe(FRAMES);
    const cpu = m.cpus[0];
    const diffs: string[] = [];
    // Input events at frame N are applied after frame N is recorded (the oracle's rule).
    const apply = (f: number) => { for (const e of events) if (e.frame === f) m.setInput(e.port, e.field, e.value); };
    apply(0);
    for (let f = 1; f <= FRAMES; f++) {
      m.runFrame();
      for (const [name, get] of Object.entries(ranges))
        if (createHash('sha1').update(get()).digest('hex') !== memWant.get(`${f} ${name}`)) diffs.push(`frame ${f}: ${name}`);
      const want = stateWant.get(f)!;
      for (const [theirs, ours] of REGS) {
        const got = cpu.getRegister(ours), exp = parseInt(want[theirs], 16);
        if (got !== exp) diffs.push(`frame ${f}: ${theirs} ${got.toString(16)} (MAME ${want[theirs]})`);
      }
      const snap = snapWant.get(f);
      if (snap !== undefined && rgbSha1(m.frameBuffer, m.info.width, m.info.height) !== snap) diffs.push(`frame ${f}: pixels`);
      apply(f);
    }
    expect(diffs.slice(0, 12)).toEqual([]);
    // The run covers the coin (31-36), P1 Up (61-90) and 1P Start (101-104) input windows.
    expect(snapWant.size).toBe(5);
  });
});
