/**
 * Samples device (MAME `samples`): rendering, triggers, save states, determinism, and the machine's
 * `sampleEvents()` / `sampleBank()` / `externalSamples`.
 *
 * Expected sample values are worked out by hand from MAME's documented behaviour of samples_device
 * (sound/samples/samples.ts header): out = ((1 - frac) × s[i] + frac × s[i + 1 wrapping]) / 32768 × gain,
 * position += sample rate / output rate per output sample, a one-shot stops once the position passes
 * the end, a loop subtracts the length.
 */
import { describe, expect, it } from 'vitest';
import { Device, type Serializer } from '../../src/core/device';
import { defineDevices, defineHardware, type GameDefinition } from '../../src/core/driver-schema';
import { ASSERT_LINE, CLEAR_LINE, OutputLine } from '../../src/core/line';
import { createMachine, type LoadedRoms } from '../../src/core/machine';
import type { RomManifest } from '../../src/core/roms/manifest';
import { StateReader, StateWriter } from '../../src/core/serializer';
import { Samples, type SampleData } from '../../sound/samples/samples';
import { TinyCpu, assemble } from '../core/support/tiny-cpu';

/** A clock the test moves by hand: 1 tick = 1 output sample at 48 kHz. */
function rig(bank: SampleData[], channels = 2) {
  const dev = new Samples('samples', channels, bank, 48000);
  let t = 0;
  dev.stream.time = { now: () => t, ticksPerSecond: 48000 };
  return {
    dev,
    at(tick: number) { t = tick; },
    /** run to `tick` and return everything rendered since the last call */
    until(tick: number): number[] {
      t = tick;
      dev.stream.advanceTo(tick, 48000);
      return Array.from(dev.stream.take()[0]);
    },
  };
}

const pcm = (...v: number[]) => Int16Array.from(v);
const A: SampleData = { name: 'a', rate: 48000, pcm: pcm(0, 16384, -16384, 8192) };
const HALF: SampleData = { name: 'half', rate: 24000, pcm: pcm(0, 16384, -16384, 8192) };

describe('Samples device', () => {
  it('plays a one-shot sample at its own rate, then stops', () => {
    const r = rig([A]);
    r.dev.start(0, 0);
    expect(r.dev.playing(0)).toBe(true);
    expect(r.until(6)).toEqual([0, 0.5, -0.5, 0.25, 0, 0]);
    expect(r.dev.playing(0)).toBe(false);
  });

  it('interpolates linearly at half rate, wrapping the last interpolation to the first sample', () => {
    const r = rig([HALF]);
    r.dev.start(0, 0);
    // positions 0, .5, 1, 1.5, 2, 2.5, 3, 3.5 → then 4 ≥ 4 ends the sample
    expect(r.until(9)).toEqual([0, 0.25, 0.5, 0, -0.5, -0.125, 0.25, 0.125, 0]);
    expect(r.dev.playing(0)).toBe(false);
  });

  it('loops until stopped; a trigger applies from the machine time it happens at', () => {
    const r = rig([A]);
    r.at(2);
    r.dev.start(1, 0, true);
    expect(r.until(12)).toEqual([0, 0, 0, 0.5, -0.5, 0.25, 0, 0.5, -0.5, 0.25, 0, 0.5]);
    r.at(13);
    r.dev.stop(1);
    expect(r.until(16)).toEqual([-0.5, 0, 0, 0]);
    expect(r.dev.playing(1)).toBe(false);
  });

  it('channels add up, each with its own volume; frequency changes the step', () => {
    const r = rig([A, { name: 'dc', rate: 48000, pcm: pcm(8192, 8192, 8192, 8192, 8192, 8192) }]);
    r.dev.setVolume(1, 0.5);
    r.dev.start(0, 0);
    r.dev.start(1, 1);
    expect(r.until(4)).toEqual([0.125, 0.625, -0.375, 0.375]);
    r.dev.setFrequency(1, 96000); // step 2: positions 4, then 6 ends it
    expect(r.until(3 + 4)).toEqual([0.125, 0, 0]);
  });

  it('pause holds the position; reset stops every channel (MAME device_reset)', () => {
    const r = rig([A]);
    r.dev.start(0, 0, true);
    expect(r.until(2)).toEqual([0, 0.5]);
    r.dev.pause(0, true);
    expect(r.until(4)).toEqual([0, 0]);
    r.dev.pause(0, false);
    expect(r.until(6)).toEqual([-0.5, 0.25]);
    r.dev.reset();
    expect(r.dev.playing(0)).toBe(false);
    expect(r.until(8)).toEqual([0, 0]);
  });

  it('an empty bank ignores start quietly (MAME: samples not found); bad channel or sample numbers throw', () => {
    const r = rig([]);
    r.dev.start(0, 3);
    expect(r.dev.playing(0)).toBe(false);
    expect(() => rig([A]).dev.start(0, 1)).toThrow(/no sample 1/);
    expect(() => r.dev.stop(2)).toThrow(/no channel 2/);
  });

  it('records triggers with their machine time and the channel state after the change', () => {
    const r = rig([A, HALF], 3);
    r.at(5); r.dev.start(2, 1, true);
    r.at(7); r.dev.setVolume(2, 0.25);
    r.at(8); r.dev.setFrequency(2, 12000);
    r.at(9); r.dev.pause(2, true);
    r.at(10); r.dev.stop(2);
    r.at(11); r.dev.stop(2); // already stopped: no event
    const t = r.dev.sampleTriggers(0, 100);
    expect(t.map((e) => [e.tick, e.channel, e.action, e.sample, e.loop, e.volume, e.rate])).toEqual([
      [5, 2, 'start', 1, true, 1, 1],
      [7, 2, 'volume', 1, true, 0.25, 1],
      [8, 2, 'rate', 1, true, 0.25, 0.5],
      [9, 2, 'pause', 1, true, 0.25, 0.5],
      [10, 2, 'stop', -1, true, 0.25, 0.5],
    ]);
    expect(r.dev.sampleTriggers(7, 9).map((e) => e.action)).toEqual(['volume', 'rate']);
  });

  it('external mode renders silence but keeps time: playing() and the state are the same', () => {
    const a = rig([HALF]), b = rig([HALF]);
    b.dev.externalSamples = true;
    for (const x of [a, b]) x.dev.start(0, 0);
    expect(a.until(5).some((v) => v !== 0)).toBe(true);
    expect(b.until(5)).toEqual([0, 0, 0, 0, 0]);
    const sa = new StateWriter(), sb = new StateWriter();
    a.dev.serialize(sa); b.dev.serialize(sb);
    expect(sb.bytes()).toEqual(sa.bytes());
    a.until(9); b.until(9);
    expect([a.dev.playing(0), b.dev.playing(0)]).toEqual([false, false]);
  });

  it('save/load round trip resumes with the same samples and reports what plays now', () => {
    const r = rig([HALF]);
    r.dev.start(0, 0, true);
    r.dev.setVolume(0, 0.5);
    r.until(3);
    const w = new StateWriter();
    r.dev.serialize(w);
    const after = r.until(10);
    const s = rig([HALF]);
    s.at(3);
    s.dev.stream.resetTiming(3); // the machine restores the stream's timing with the state
    s.dev.serialize(new StateReader(w.bytes()));
    s.dev.postLoad();
    expect(s.dev.playing(0)).toBe(true);
    const ev = s.dev.sampleTriggers(0, 100);
    // position 1.5 of a 24 kHz sample = 62.5 µs into it
    expect(ev.map((e) => [e.action, e.sample, e.loop, e.volume, e.seek])).toEqual([['start', 0, true, 0.5, 1.5 / 24000]]);
    expect(s.until(10)).toEqual(after);
  });
});

// ---- a whole machine: TinyCpu, a board that triggers samples from a frame counter the CPU writes ----

/** Frame script: the CPU writes its frame counter to the board once per VBLANK interrupt. */
class SampleBoard extends Device {
  log: string[] = [];
  readonly irq = new OutputLine();
  private samples: Samples | null = null;
  constructor(tag: string) { super(tag, 0); }
  attach(samples: Samples): void { this.samples = samples; }
  vblank(state: number): void { if (state) this.irq.set(ASSERT_LINE); }
  ack(): void { this.irq.set(CLEAR_LINE); }
  frame(_offset: number, n: number): void {
    const s = this.samples!;
    if (n === 2) s.start(0, 0, false);
    if (n === 3) s.start(1, 1, true);
    if (n === 5) s.setVolume(1, 0.5);
    if (n === 8) s.stop(1);
  }
  draw(): void {}
  reset(): void { this.irq.set(CLEAR_LINE); }
  serialize(_s: Serializer): void {}
}

const [NOP, LDA, STA, JMP, RTI, INC, EI] = [0, 2, 3, 5, 7, 8, 9];
const ROM = (() => {
  const rom = new Uint8Array(0x1000);
  rom.set(assemble([EI, [JMP, 0x0001]]), 0);
  // IRQ: 200 NOPs before the write, so the trigger lands well inside the frame, not on its boundary
  rom.set(assemble([[INC, 0x8000], ...new Array<number>(200).fill(NOP), [LDA, 0x8000], [STA, 0xc000], [STA, 0xb000], RTI]), 0x100);
  return rom;
})();

function tone(name: string, rate: number, hz: number, n: number): SampleData {
  const pcm = new Int16Array(n);
  for (let i = 0; i < n; i++) pcm[i] = Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 12000);
  return { name, rate, pcm };
}
const BANK = [tone('shot', 22050, 880, 2205), tone('ufo', 11025, 300, 1100)];

const hw = defineHardware({
  devices: defineDevices({
    maincpu: { clock: 1_000_000, create: (c) => new TinyCpu(c.tag, c.clock, c.space('program')), spaces: { program: { bits: 16 } } },
    samples: { create: (c) => new Samples(c.tag, 2, BANK, 48000) },
    board: { create: (c) => new SampleBoard(c.tag) },
  }),
  regions: { maincpu: { size: 0x1000 } },
  shares: { work: { size: 0x100 } },
  // 1.2 MHz / (200 × 100) = 60 Hz exactly: 800 output samples per frame at 48 kHz
  screen: { pixelClock: 1_200_000, hTotal: 200, vTotal: 100, hVisible: [0, 15], vVisible: [0, 7] },
  wire: (d, m) => ({
    maps: {
      maincpu: {
        program: [
          { at: [0x0000, 0x0fff], rom: 'maincpu' },
          { at: [0x8000, 0x80ff], ram: 'work' },
          { at: [0xb000, 0xb000], write: d.board.ack },
          { at: [0xc000, 0xc000], write: d.board.frame },
        ],
      },
    },
    lines: [[d.board.irq, m.cpu.maincpu.irq]],
    screen: { update: d.board.draw, vblank: d.board.vblank },
    speakers: { mono: [{ from: d.samples, gain: 1.0 }] },
    init: () => d.board.attach(d.samples),
  }),
});
const game: GameDefinition = {
  name: 'smptest', title: 'Samples test', year: '2026', maker: 'Arcade project (test)', driver: 'test', hw, rotate: 0, homebrew: true, inputs: {},
};
const manifest: RomManifest = {
  name: 'smptest', title: 'Samples test', year: '2026', maker: 'Arcade project (test)', driver: 'test', homebrew: true,
  roms: [{ name: 'smp.rom', size: 0x1000, crc32: '00000000', sha1: '0'.repeat(40), region: 'maincpu', offset: 0 }],
};
const roms = (): LoadedRoms => ({ manifest, files: new Map([['smp.rom', ROM]]) });

function runAll(m: ReturnType<typeof createMachine>, frames: number) {
  const audio: number[] = [];
  const events: string[] = [];
  for (let f = 0; f < frames; f++) {
    m.runFrame();
    audio.push(...m.audio());
    for (const e of m.sampleEvents()) events.push(`${m.frameNumber}:${e.action}:${e.channel}:${e.sample}:${e.loop}:${e.volume}:${e.offsetSamples}`);
  }
  return { audio, events };
}

describe('Samples in a machine', () => {
  it('sampleBank lists the samples; sampleEvents gives each frame its triggers, with offsets inside the frame', () => {
    const m = createMachine(game, roms(), { sampleRate: 48000 });
    expect(m.sampleBank().map((s) => [s.name, s.rate, s.pcm.length])).toEqual([['shot', 22050, 2205], ['ufo', 11025, 1100]]);
    expect(m.info.chips.some((c) => c.type === 'Samples')).toBe(false); // no clock, like MAME's samples device
    const { events } = runAll(m, 10);
    // A frame ends where VBLANK begins (src/core/screen.ts), so the IRQ of frame n's VBLANK runs at the
    // start of frame n + 1 and the counter reaches n there. The write comes after the IRQ entry (5), INC (6),
    // 200 NOPs (400), LDA (4) and STA (4) = 419 cycles at 1 MHz (+ up to 3 for a JMP in progress):
    // 419-422 µs × 48 kHz = 20.1-20.3 output samples into the frame.
    const parsed = events.map((e) => e.split(':'));
    expect(parsed.map((p) => p.slice(0, 6).join(':'))).toEqual([
      '3:start:0:0:false:1', '4:start:1:1:true:1', '6:volume:1:1:true:0.5', '9:stop:1:-1:true:0.5',
    ]);
    expect(parsed.map((p) => Number(p[6]))).toEqual([20, 20, 20, 20]);
  });

  it('externalSamples: silence in audio(), same triggers, same device state; states load across modes', () => {
    const a = createMachine(game, roms());
    const b = createMachine(game, roms(), { externalSamples: true });
    const ra = runAll(a, 6), rb = runAll(b, 6);
    expect(ra.audio.some((v) => Math.abs(v) > 0.05)).toBe(true);
    expect(rb.audio.every((v) => v === 0)).toBe(true);
    expect(rb.events).toEqual(ra.events);
    const dev = (m: ReturnType<typeof createMachine>) => { const w = new StateWriter(); m.devices.get('samples')!.serialize(w); return w.bytes(); };
    expect(dev(b)).toEqual(dev(a));
    // the mixer's resampler history differs (it heard different audio), the rest of the state loads either way
    const fromB = b.saveState();
    a.loadState(fromB);
    expect(dev(a)).toEqual(dev(b));
    expect(a.frameNumber).toBe(6);
    expect(runAll(a, 2).audio.some((v) => Math.abs(v) > 0.05)).toBe(true); // the loop sounds again in a
  });

  it('is deterministic and a loaded state continues with the same audio; the load re-announces the loop', () => {
    const a = createMachine(game, roms());
    runAll(a, 4);
    const state = a.saveState();
    const rest = runAll(a, 6);
    const b = createMachine(game, roms());
    b.loadState(state);
    const again = runAll(b, 6);
    expect(again.audio).toEqual(rest.audio);
    // the first frame after loading announces what plays: the 0.1 s shot (started in frame 2) and the loop
    expect(again.events.slice(0, 2)).toEqual(['5:start:0:0:false:1:0', '5:start:1:1:true:1:0']);
    expect(again.events.slice(2)).toEqual(rest.events);
    const c = createMachine(game, roms());
    expect(runAll(c, 10).audio).toEqual([...runAll(createMachine(game, roms()), 4).audio, ...rest.audio]);
  });
});
