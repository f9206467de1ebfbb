/**
 * MAME's output compressor (`sound_manager::update`, MAME 0.251, on by default): when a block of the final
 * mix would exceed full scale, the whole mix is scaled by 1 / peak; the scale is held for 200 ms, then
 * grows by 1 % per 20 ms block while that does not clip again. Inside a block the scale moves toward its
 * new value by 0.01 per sample, and only where the step keeps the waveform's direction (no new "pops").
 * Finally samples are clamped to ±1.0.
 *
 * MAME works on its 20 ms sound-update blocks; we work on the mixer's frames (16.7 ms at 60 Hz) with the
 * hold and the growth converted to time. Levels agree with MAME's WAV within a few per cent on clipping
 * passages (measured with cendemo; see test/golden/cendemo/README.md).
 */
import type { Serializer } from './device';

const HOLD_SECONDS = 0.2;
const GROWTH_PER_BLOCK = 1.01;
const BLOCK_SECONDS = 0.02;

export class Compressor {
  private scale = 1;
  private holdLeft = 0;

  constructor(private readonly sampleRate: number) {}

  /** Compress `n` frames of `ch` interleaved channels in place. */
  process(buf: Float32Array, n: number, ch: number): void {
    let peak = 0;
    for (let i = 0; i < n * ch; i++) {
      const a = buf[i] < 0 ? -buf[i] : buf[i];
      if (a > peak) peak = a;
    }
    const start = this.scale;
    if (peak * this.scale > 1) {
      this.scale = 1 / peak;
      this.holdLeft = HOLD_SECONDS * this.sampleRate;
    } else if (this.holdLeft > 0) {
      this.holdLeft -= n;
    } else if (this.scale < 1) {
      const grown = this.scale * GROWTH_PER_BLOCK ** (n / (BLOCK_SECONDS * this.sampleRate));
      if (peak * grown < 1) this.scale = Math.min(1, grown);
    }
    const target = this.scale;
    for (let c = 0; c < ch; c++) {
      let cur = start, prev = 0;
      for (let k = 0; k < n; k++) {
        const i = k * ch + c;
        const raw = buf[i];
        if (cur !== target && k !== 0) {
          let proposed = cur < target ? Math.min(cur + 0.01, target) : Math.max(cur - 0.01, target);
          const a = raw * cur, b = raw * proposed;
          if ((a < prev && b < prev) || (a > prev && b > prev)) cur = proposed;
          else proposed = cur;
        }
        prev = raw * cur;
        buf[i] = prev > 1 ? 1 : prev < -1 ? -1 : prev;
      }
    }
  }

  serialize(s: Serializer): void {
    this.scale = s.f64(this.scale);
    this.holdLeft = s.f64(this.holdLeft);
  }
}
