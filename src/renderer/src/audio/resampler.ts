/**
 * Dynamic rate control for the emulator's audio stream. The core already mixes at the AudioContext's
 * rate, but the emulation is paced by `performance.now()` while the sound card plays by its own
 * crystal: the two drift by up to a few hundred ppm, which would slowly empty or overfill the queue.
 * This stretches or squeezes each frame's block by at most ±0.5 % (inaudible) towards the target
 * queue length (±1 % while far from it, after a stall), with linear interpolation and the fractional position carried across blocks.
 */
export const MAX_ADJUST = 0.005;
/** allowed only while the queue is far (>50 %) from its target, e.g. after a stall: ~1/6 semitone */
export const MAX_ADJUST_FAR = 0.01;

export class RateControl {
  /** fractional read position carried into the next block, in input samples */
  private pos = 0;
  private last: number[];
  private out = new Float32Array(4096);

  constructor(readonly channels: number) {
    this.last = new Array<number>(channels).fill(0);
  }

  /** Output/input ratio for the current queue fill (both in frames of audio). */
  static ratio(queued: number, target: number): number {
    if (target <= 0) return 1;
    const err = (target - queued) / target; // >0: queue too short → produce more samples
    const max = Math.abs(err) > 0.5 ? MAX_ADJUST_FAR : MAX_ADJUST;
    return 1 + Math.max(-max, Math.min(max, err * MAX_ADJUST * 2));
  }

  /** Resample interleaved `input` by `ratio` (output frames per input frame). Returns a view valid until the next call. */
  process(input: Float32Array, ratio: number): Float32Array {
    const ch = this.channels;
    const frames = input.length / ch;
    if (frames === 0) return input.subarray(0, 0);
    const step = 1 / ratio;
    const maxOut = Math.ceil(frames * ratio) + 2;
    if (this.out.length < maxOut * ch) this.out = new Float32Array(maxOut * ch * 2);
    let n = 0;
    let p = this.pos;
    // position p is relative to input frame 0; p in [-1, 0) interpolates from the previous block's last frame
    while (p < frames - 1) {
      const i = Math.floor(p);
      const f = p - i;
      for (let c = 0; c < ch; c++) {
        const a = i < 0 ? this.last[c] : input[i * ch + c];
        const b = input[(i + 1) * ch + c];
        this.out[n * ch + c] = a + (b - a) * f;
      }
      n++;
      p += step;
    }
    this.pos = p - frames;
    for (let c = 0; c < ch; c++) this.last[c] = input[(frames - 1) * ch + c];
    return this.out.subarray(0, n * ch);
  }
}
