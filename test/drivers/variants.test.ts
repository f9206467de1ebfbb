/**
 * Variant boards as deltas of a parent's hardware.
 *
 * 1. A clone written as a delta of Pac-Man (one map entry changed, one device added, one input default
 *    changed) builds and behaves as changed, and leaves the parent untouched.
 * 2. The Ms. Pac-Man board runs the pacdemo program exactly as the Pac-Man board does (every frame's pixels
 *    and RAM over the golden input script), when its aux ROMs are made (by inverting the aux board's
 *    scrambling) so that the decoded view holds the same program: the overlay bank, the traps over shared
 *    pages and the Pac-Man board's RAM/I/O over the bank all stay out of the way of a program that runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findGame } from '../../drivers/index';
import { mspacmanHw, mspacmanInputs } from '../../drivers/namco/mspacman';
import { pacmanDevices, pacmanHw, pacmanInputs } from '../../drivers/namco/pacman';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { Device, type Serializer } from '../../src/core/device';
import { defineDevices, defineHardware, type GameDefinition } from '../../src/core/driver-schema';
import { dip, parseInputScript, port } from '../../src/core/input';
import { createMachine, type ArcadeMachine, type LoadedRoms } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';
import { pacdemoAsMsPacman } from '../support/mspacman-pacdemo';

const manifests = loadManifests();
function pacdemoRoms(): LoadedRoms {
  const manifest = manifests.get('pacdemo')!;
  return { manifest, files: loadSet(manifest, openSetSources(manifests, 'pacdemo', [HOMEBREW_DIR])).files };
}

/** A device a clone adds: counts writes to a register the parent left unused. */
class Counter extends Device {
  writes = 0;
  count(): void { this.writes++; }
  reset(): void {}
  serialize(s: Serializer): void { this.writes = s.u32(this.writes); }
}

describe('clones as deltas of the parent hardware', () => {
  it('changes one map entry, adds a device and an input default; the parent is untouched', () => {
    const cloneHw = defineHardware({
      ...pacmanHw,
      devices: defineDevices({ ...pacmanDevices, counter: { create: (c) => new Counter(c.tag, 0) } }),
      wire: (d, m) => {
        const parent = pacmanHw.wire(d, m);
        const program = parent.maps.maincpu!.program!.map((e) =>
          e.at[0] === 0x50c0 && e.read !== undefined ? { ...e, read: { value: 0x5a } } : e); // DSW2 → a constant
        return { ...parent, maps: { maincpu: { ...parent.maps.maincpu, program: [...program, { at: [0x5070, 0x5070], mirror: 0xaf00, write: d.counter.count, override: true }] } } };
      },
    });
    const inputs = { ...pacmanInputs, DSW1: port(pacmanInputs.DSW1.fields.map((f) => (f.name === 'Lives' ? dip('Lives', 0x0c, '5', { '1': 0x00, '2': 0x04, '3': 0x08, '5': 0x0c }, 'SW:3,4') : f))) };
    const clone: GameDefinition = { ...findGame('pacdemo')!, hw: cloneHw, inputs };
    const m = createMachine(clone, pacdemoRoms());
    const space = m.spaces.get('maincpu:program')!;
    expect(space.read8(0x50c0)).toBe(0x5a);
    expect(space.read8(0x5080) & 0x0c).toBe(0x0c); // Lives now defaults to 5
    space.write8(0x5070, 1);
    space.write8(0xff70, 1); // through the mirror
    expect((m.devices.get('counter') as Counter).writes).toBe(2);
    const parent = createMachine(findGame('pacdemo')!, pacdemoRoms());
    const ps = parent.spaces.get('maincpu:program')!;
    expect(ps.read8(0x50c0)).toBe(0x00);
    expect(ps.read8(0x5080) & 0x0c).toBe(0x08);
    expect(parent.devices.has('counter')).toBe(false);
  });
});

function play(m: ArcadeMachine, frames: number): string[] {
  const events = parseInputScript(readFileSync('homebrew/pacman/inputs-golden.txt', 'utf8'));
  const apply = (f: number) => { for (const e of events) if (e.frame === f) m.setInput(e.port, e.field, e.value); };
  apply(0);
  const out: string[] = [];
  for (let f = 1; f <= frames; f++) {
    m.runFrame();
    const h = createHash('sha1').update(new Uint8Array(m.frameBuffer.buffer));
    for (const name of ['videoram', 'colorram', 'workram', 'spriteram', 'spriteram2']) h.update(m.memory(name));
    out.push(h.digest('hex'));
    apply(f);
  }
  return out;
}

describe('the Ms. Pac-Man board is a faithful delta of Pac-Man', () => {
  it('runs pacdemo frame for frame like the Pac-Man board (300 frames, golden input script)', () => {
    const pac = createMachine(findGame('pacdemo')!, pacdemoRoms());
    const ms: GameDefinition = { name: 'pdms', title: 'Ms. Pac-Man', year: '1981', maker: 'Midway / General Computer Corporation', driver: 'pacman', hw: mspacmanHw, inputs: { ...mspacmanInputs, DSW1: pacmanInputs.DSW1 }, rotate: 90 };
    const msm = createMachine(ms, pacdemoAsMsPacman());
    // The decoded view holds pacdemo's program: the aux ROMs were made right.
    const decoded = msm.region('maincpu')!.subarray(0x10000, 0x14000);
    const pd = pacdemoRoms().files;
    expect(Buffer.from(decoded.subarray(0x3000, 0x4000)).equals(Buffer.from(pd.get('pacman.6j')!))).toBe(true);
    expect(Buffer.from(decoded.subarray(0x0000, 0x1000)).equals(Buffer.from(pd.get('pacman.6e')!))).toBe(true);
    const a = play(pac, 300), b = play(msm, 300);
    expect(b.findIndex((h, i) => h !== a[i])).toBe(-1);
    expect(new Set(a).size).toBeGreaterThan(100);
  });
});
