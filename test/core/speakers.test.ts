/**
 * Speakers take any stream and channel of any sound device, with gains: a two-channel device split to
 * left and right, plus a mono device mixed into the left speaker only. Constant levels make the expected
 * output plain arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { Device, type Serializer } from '../../src/core/device';
import { defineDevices, defineHardware, type GameDefinition } from '../../src/core/driver-schema';
import { createMachine } from '../../src/core/machine';
import type { RomManifest } from '../../src/core/roms/manifest';
import { SoundStream, type SoundDevice } from '../../src/core/sound';

class Level extends Device implements SoundDevice {
  readonly streams: SoundStream[];
  constructor(tag: string, levels: number[]) {
    super(tag, 48000);
    this.streams = [new SoundStream(48000, levels.length, (out, start, count) => { levels.forEach((v, ch) => out[ch].fill(v, start, start + count)); })];
  }
  draw(): void {}
  reset(): void {}
  serialize(_s: Serializer): void {}
}

const hw = defineHardware({
  devices: defineDevices({
    duo: { clock: 48000, create: (c) => new Level(c.tag, [0.5, -0.25]) },
    mono: { clock: 48000, create: (c) => new Level(c.tag, [0.1]) },
  }),
  regions: {},
  screen: { pixelClock: 48000 * 100, hTotal: 100, vTotal: 800, hVisible: [0, 15], vVisible: [0, 7] }, // 60 Hz
  wire: (d) => ({
    maps: {},
    screen: { update: d.duo.draw },
    speakers: {
      left: [{ from: d.duo, channel: 0, gain: 1 }, { from: d.mono, gain: 0.5 }],
      right: [{ from: d.duo, channel: 1, gain: 2 }],
    },
  }),
});
const game: GameDefinition = { name: 'spk', title: 'Speakers', year: '2026', maker: 'Arcade project (test)', driver: 'test', hw, inputs: {}, rotate: 0, homebrew: true };
const manifest: RomManifest = { name: 'spk', title: 'Speakers', year: '2026', maker: 'Arcade project (test)', driver: 'test', homebrew: true, roms: [] };

describe('speakers', () => {
  it('route any stream channel to left or right with gains', () => {
    const m = createMachine(game, { manifest, files: new Map() }, { sampleRate: 48000 });
    expect(m.audioChannels).toBe(2);
    m.runFrame();
    m.runFrame();
    const a = m.audio();
    expect(a.length).toBe(1600);
    // Away from the first samples (the resampler's start), left = 0.5 + 0.5 * 0.1, right = 2 * -0.25.
    for (let i = 100; i < 800; i++) {
      expect(a[2 * i]).toBeCloseTo(0.55, 5);
      expect(a[2 * i + 1]).toBeCloseTo(-0.5, 5);
    }
  });

  it('a channel the stream does not have is an error naming the speaker', () => {
    const bad = defineHardware({ ...hw, wire: (d, m) => ({ ...hw.wire(d, m), speakers: { mono: [{ from: d.mono, channel: 1, gain: 1 }] } }) });
    expect(() => createMachine({ ...game, hw: bad }, { manifest, files: new Map() })).toThrow(/speaker 'mono' input 0: the stream has no channel 1/);
  });
});
