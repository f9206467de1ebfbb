/**
 * Sound streams: each sound chip renders its own samples at its native rate, lazily.
 *
 * A chip owns a `SoundStream`. Before a register write changes what the chip outputs, the chip calls
 * `stream.update()`, which renders every sample due up to the current machine time with the OLD state
 * (MAME `stream_update`); then it applies the write. At the end of each frame the mixer brings every
 * stream up to the frame's end, takes the frame's samples, resamples them to the output rate and mixes
 * them into the speakers.
 *
 * Time is the scheduler's integer tick count (`clock.now()`); the stream converts it to samples with an
 * exact remainder, so there is no drift however long the machine runs.
 */
import type { Serializer } from './device';
import { loadedInRange } from './serializer';

/** Where a stream learns the current machine time; the machine's scheduler implements it. */
export interface TimeSource {
  /** current time in ticks */
  now(): number;
  /** ticks per second */
  readonly ticksPerSecond: number;
}

/** Renders `count` samples into `out[ch][start .. start+count)` for each output channel. Values nominally -1..1. */
export type StreamRender = (out: Float32Array[], start: number, count: number) => void;

export class SoundStream {
  /** samples of the current frame, per channel; grown when needed, reused between frames */
  buffers: Float32Array[];
  /** samples rendered into `buffers` since the last `take()` */
  length = 0;
  private lastTick = 0;
  /** remainder of (ticks × sampleRate) not yet worth a whole sample, in units of 1/ticksPerSecond samples */
  private remainder = 0;
  time: TimeSource | null = null;

  constructor(
    /** the chip's native output rate in Hz (e.g. Namco WSG: 96 kHz) */
    public sampleRate: number,
    readonly channels: number,
    private readonly render: StreamRender,
  ) {
    this.buffers = Array.from({ length: channels }, () => new Float32Array(4096));
  }

  /** Render every sample due up to the current machine time. Call before each state change. */
  update(): void {
    const t = this.time;
    if (t === null) return;
    this.advanceTo(t.now(), t.ticksPerSecond);
  }

  /** Render up to tick `now` (the mixer calls this at frame end). */
  advanceTo(now: number, ticksPerSecond: number): void {
    const delta = now - this.lastTick;
    if (delta <= 0) return;
    this.lastTick = now;
    const acc = this.remainder + delta * this.sampleRate;
    const n = Math.floor(acc / ticksPerSecond);
    this.remainder = acc - n * ticksPerSecond;
    if (n <= 0) return;
    this.ensure(this.length + n);
    this.render(this.buffers, this.length, n);
    this.length += n;
  }

  private ensure(size: number): void {
    if (size <= this.buffers[0].length) return;
    let cap = this.buffers[0].length;
    while (cap < size) cap *= 2;
    this.buffers = this.buffers.map((b) => {
      const nb = new Float32Array(cap);
      nb.set(b.subarray(0, this.length));
      return nb;
    });
  }

  /** Hand the frame's samples to the mixer (views valid until the next update) and start a new frame. */
  take(): Float32Array[] {
    const n = this.takeCount();
    return this.buffers.map((b) => b.subarray(0, n));
  }

  /** `take()` without allocating (the mixer's path): the frame's samples are `buffers[ch][0 .. n)`,
   *  valid until the next update; returns n and starts a new frame. */
  takeCount(): number {
    const n = this.length;
    this.length = 0;
    return n;
  }

  /** Stream position is machine state: saved so a loaded state resumes with the same sample phase. */
  serializeTiming(s: Serializer): void {
    // Range-checked on load: the stream renders (now - lastTick) worth of samples at the next update, so
    // it must lie within the last second; the remainder is below one sample.
    const t = this.time;
    const now = t?.now() ?? this.lastTick;
    const tps = t?.ticksPerSecond ?? Number.MAX_SAFE_INTEGER;
    this.lastTick = loadedInRange(s, s.f64(this.lastTick), now - tps, now + tps, 'sound stream time');
    this.remainder = loadedInRange(s, s.f64(this.remainder), 0, tps, 'sound stream remainder');
  }

  resetTiming(now: number): void {
    this.lastTick = now;
    this.remainder = 0;
    this.length = 0;
  }
}

/** A device that produces sound exposes its stream(s). */
export interface SoundDevice {
  readonly streams: SoundStream[];
}

export function isSoundDevice(d: unknown): d is SoundDevice {
  return Array.isArray((d as Partial<SoundDevice>).streams);
}
