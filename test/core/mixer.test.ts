import { describe, expect, it } from 'vitest';
import { Mixer } from '../../src/core/mixer';
import { SoundStream } from '../../src/core/sound';

function sineStream(rate: number, hz: number, amp: number): SoundStream {
  let n = 0;
  return new SoundStream(rate, 1, (out, start, count) => {
    for (let i = 0; i < count; i++, n++) out[0][start + i] = amp * Math.sin((2 * Math.PI * hz * n) / rate);
  });
}

/** Runs `seconds` of 60 Hz frames through the mixer and returns channel `c` of the output. */
function mix(streams: SoundStream[][], outRate: number, seconds: number, c = 0): Float32Array {
  const tps = 6_144_000;
  const m = new Mixer(outRate, streams.map((list) => list.map((stream) => ({ stream, channel: 0, gain: 1 }))), tps);
  const frame = tps / 60;
  const chunks: number[] = [];
  let now = 0;
  for (let f = 0; f < seconds * 60; f++) {
    now += frame;
    for (const list of streams) for (const s of list) s.advanceTo(now, tps);
    m.mixFrame(frame);
    const out = m.frameSamples();
    for (let i = c; i < out.length; i += m.channels) chunks.push(out[i]);
  }
  return Float32Array.from(chunks);
}

function rms(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s / x.length);
}

function pitch(x: Float32Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < x.length; i++) if (x[i - 1] < 0 && x[i] >= 0) crossings++;
  return (crossings * rate) / x.length;
}

describe('mixer and resampler', () => {
  it('downsamples 96 kHz to 48 kHz: exact sample count, level and pitch kept', () => {
    const out = mix([[sineStream(96_000, 440, 0.5)]], 48_000, 2);
    expect(out.length).toBe(96_000);
    // A sine of amplitude 0.5 has RMS 0.3536; a box filter over 2 samples at 440 Hz loses < 0.1 %.
    expect(rms(out)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    expect(pitch(out, 48_000)).toBeGreaterThan(440 * 0.99);
    expect(pitch(out, 48_000)).toBeLessThan(440 * 1.01);
  });

  it('upsamples 22.05 kHz to 44.1 kHz and mixes two sources additively', () => {
    const out = mix([[sineStream(22_050, 1000, 0.25), sineStream(22_050, 1000, 0.25)]], 44_100, 1);
    expect(out.length).toBe(44_100);
    expect(rms(out)).toBeGreaterThan(0.5 / Math.SQRT2 * 0.98);
    expect(rms(out)).toBeLessThan(0.5 / Math.SQRT2 * 1.02);
    expect(pitch(out, 44_100)).toBeCloseTo(1000, -1);
  });

  it('keeps stereo speakers apart', () => {
    const left = sineStream(48_000, 300, 0.5), right = sineStream(48_000, 300, 0);
    const l = mix([[left], [right]], 48_000, 1, 0);
    expect(rms(l)).toBeGreaterThan(0.3);
    const left2 = sineStream(48_000, 300, 0.5), right2 = sineStream(48_000, 300, 0);
    expect(rms(mix([[left2], [right2]], 48_000, 1, 1))).toBe(0);
  });

  it('a stream only renders up to the current time, with no drift over a long run', () => {
    const s = sineStream(96_000, 100, 0.1);
    const tps = 6_144_000;
    // 10 minutes in odd-sized steps: exactly 96000 samples per second.
    let now = 0, total = 0;
    for (let i = 0; i < 600 * 60; i++) {
      now += 102_397 + (i % 7);
      s.advanceTo(now, tps);
      total += s.take()[0].length;
    }
    expect(total).toBe(Math.floor((now * 96_000) / tps));
  });
});
