/**
 * A tiny machine with a `samples` device, for the app's end-to-end test of sample-based sound (no board
 * we emulate uses samples yet). Only the e2e build has it (test/e2e/test-machines.ts, `vite build --mode
 * e2e`); it is not in the library, the e2e test starts it through the `?test` hooks. No CPU: a board device counts frames on VBLANK and triggers the samples on a fixed
 * script, the way a Space Invaders-style sound latch would:
 *   every 60 frames from frame 10: sample 0 ('blip', 0.15 s, 880 Hz) one-shot on channel 0
 *   frames 30-150: sample 1 ('hum', 110 Hz) looping on channel 1, at half volume from frame 90, repeating
 * The screen shows one bar per channel, lit while the channel plays.
 */
import { Device, type Serializer } from '../../src/core/device';
import { defineDevices, defineHardware, type GameDefinition } from '../../src/core/driver-schema';
import type { LoadedRoms } from '../../src/core/machine';
import type { RomManifest } from '../../src/core/roms/manifest';
import type { Screen } from '../../src/core/screen';
import type { SetAudit } from '../../src/shared/api';
import { Samples, type SampleData } from '../../sound/samples/samples';

export const SAMPLE_DEMO = 'sampledemo';

function tone(name: string, rate: number, hz: number, seconds: number, square: boolean): SampleData {
  const n = Math.round(rate * seconds);
  const pcm = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.sin((2 * Math.PI * hz * i) / rate);
    const env = Math.min(1, (n - i) / (rate * 0.02)); // 20 ms fade-out: no click at the end
    pcm[i] = Math.round((square ? Math.sign(s) * 0.3 : s * 0.5) * env * 32767);
  }
  return { name, rate, pcm };
}

class DemoBoard extends Device {
  frame = 0;
  private samples!: Samples;
  constructor(tag: string, private readonly screen: Screen) { super(tag, 0); }
  attach(samples: Samples): void { this.samples = samples; }

  vblank(state: number): void {
    if (!state) return;
    const f = ++this.frame;
    const s = this.samples;
    if (f >= 10 && (f - 10) % 60 === 0) s.start(0, 0, false);
    const cycle = f % 240;
    if (cycle === 30) { s.setVolume(1, 1); s.start(1, 1, true); }
    if (cycle === 90) s.setVolume(1, 0.5);
    if (cycle === 150) s.stop(1);
  }

  draw(): void {
    const out = this.screen.output;
    const w = this.screen.width;
    out.fill(0xff201010);
    for (let ch = 0; ch < 2; ch++) {
      const on = this.samples.sourceNum[ch] >= 0;
      const colour = on ? (ch === 0 ? 0xff40d0ff : 0xff60ff60) : 0xff404040;
      for (let y = 8 + ch * 24; y < 24 + ch * 24; y++) out.fill(colour, y * w + 8, y * w + w - 8);
    }
  }

  reset(): void {}
  serialize(s: Serializer): void { this.frame = s.u32(this.frame); }
}

const hw = defineHardware({
  devices: defineDevices({
    samples: { create: (c) => new Samples(c.tag, 2, [tone('blip', 22050, 880, 0.15, true), tone('hum', 22050, 110, 0.5, false)], 48000) },
    board: { create: (c) => new DemoBoard(c.tag, c.screen) },
  }),
  regions: {},
  // 6 MHz / (384 × 264) = 59.19 Hz, a common arcade raster
  screen: { pixelClock: 6_000_000, hTotal: 384, vTotal: 264, hVisible: [0, 95], vVisible: [0, 63] },
  wire: (d) => ({
    maps: {},
    screen: { update: d.board.draw, vblank: d.board.vblank },
    speakers: { mono: [{ from: d.samples, gain: 1.0 }] },
    init: () => d.board.attach(d.samples),
  }),
});

export const sampleDemoGame: GameDefinition = {
  name: SAMPLE_DEMO, title: 'Samples demo', year: '2026', maker: 'Arcade project (test)', driver: 'test', hw, rotate: 0, homebrew: true, inputs: {},
};

const manifest: RomManifest = { name: SAMPLE_DEMO, title: 'Samples demo', year: '2026', maker: 'Arcade project (test)', driver: 'test', homebrew: true, roms: [] };

export function sampleDemoRoms(): { roms: LoadedRoms; audit: SetAudit } {
  return {
    roms: { manifest, files: new Map() },
    audit: { name: SAMPLE_DEMO, status: 'good', files: [], searched: [], message: 'built-in test machine' },
  };
}
