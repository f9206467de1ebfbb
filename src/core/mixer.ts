/**
 * The mixer: takes each sound stream's samples of the frame, resamples them to the output rate and sums
 * them, with gains, into the speakers (mono, or left/right).
 *
 * Resampling is time-exact: the number of output samples per frame follows the machine's tick count with
 * an exact remainder, and each stream keeps a small FIFO so that input and output stay aligned across
 * frames. Downsampling averages the input over each output sample's interval (a box filter, which keeps
 * the level and removes most aliasing of e.g. the WSG's 96 kHz); upsampling interpolates linearly.
 */
import type { Serializer } from './device';
import { Compressor } from './compressor';
import { loadedInRange } from './serializer';
import type { SoundStream } from './sound';

interface Input {
  stream: SoundStream;
  /** index of `stream` in the mixer's list of distinct streams */
  streamIndex: number;
  channel: number;
  gain: number;
  fifo: Float32Array;
  /** samples in the FIFO */
  count: number;
  /** fractional input position of the next output sample, within the FIFO */
  pos: number;
  last: number;
}

export class Mixer {
  readonly channels: 1 | 2;
  private readonly inputs: Input[][];
  /** every stream once, even one that feeds both speakers, and its sample count this frame */
  private readonly streams: SoundStream[] = [];
  private readonly counts: Int32Array;
  private out = new Float32Array(0);
  private outLength = 0;
  private remainder = 0;
  /** MAME's final-mix compressor and clamp (src/core/compressor.ts) */
  private readonly compressor: Compressor;

  constructor(
    readonly sampleRate: number,
    /** speaker → inputs; one speaker = mono, two = stereo (first is left) */
    speakers: { stream: SoundStream; channel: number; gain: number }[][],
    private readonly ticksPerSecond: number,
  ) {
    if (speakers.length < 1 || speakers.length > 2) throw new Error(`mixer: ${speakers.length} speakers (1 or 2 supported)`);
    this.channels = speakers.length as 1 | 2;
    this.inputs = speakers.map((list) => list.map((x) => {
      let streamIndex = this.streams.indexOf(x.stream);
      if (streamIndex < 0) streamIndex = this.streams.push(x.stream) - 1;
      return { ...x, streamIndex, fifo: new Float32Array(8192), count: 0, pos: 0, last: 0 };
    }));
    this.counts = new Int32Array(this.streams.length);
    this.compressor = new Compressor(sampleRate);
  }

  /** Mix one frame lasting `ticks`: streams must already be advanced to the frame's end. */
  mixFrame(ticks: number): void {
    const acc = this.remainder + ticks * this.sampleRate;
    const n = Math.floor(acc / this.ticksPerSecond);
    this.remainder = acc - n * this.ticksPerSecond;
    const ch = this.channels;
    if (this.out.length < n * ch) this.out = new Float32Array(n * ch * 2);
    this.out.fill(0, 0, n * ch);
    this.outLength = n * ch;
    // Each stream is taken once even if it feeds both speakers.
    for (let i = 0; i < this.streams.length; i++) this.counts[i] = this.streams[i].takeCount();
    for (let c = 0; c < ch; c++) {
      for (const inp of this.inputs[c]) {
        const bufs = inp.stream.buffers;
        this.push(inp, bufs[inp.channel] ?? bufs[0], this.counts[inp.streamIndex]);
        this.resample(inp, n, c);
      }
    }
    this.compressor.process(this.out, n, ch);
  }

  /** Append `length` samples of `data` to the input's FIFO. */
  private push(inp: Input, data: Float32Array, length: number): void {
    if (inp.count + length > inp.fifo.length) {
      const next = new Float32Array(Math.max(inp.fifo.length * 2, inp.count + length));
      next.set(inp.fifo.subarray(0, inp.count));
      inp.fifo = next;
    }
    const f = inp.fifo, at = inp.count;
    for (let k = 0; k < length; k++) f[at + k] = data[k]; // no subarray view: nothing allocated per frame
    inp.count += length;
  }

  private resample(inp: Input, n: number, c: number): void {
    const ratio = inp.stream.sampleRate / this.sampleRate;
    const f = inp.fifo, out = this.out, ch = this.channels, g = inp.gain;
    let pos = inp.pos;
    // Past the FIFO's end the last sample repeats (or the last one of the previous frame).
    const count = inp.count, tail = count > 0 ? f[count - 1] : inp.last;
    if (ratio === 1 && pos === Math.floor(pos)) {
      // Same rate, aligned: each output sample is one input sample (what the box filter gives then).
      for (let j = 0; j < n; j++, pos++) out[j * ch + c] += (pos < count ? f[pos] : tail) * g;
    } else if (ratio >= 1) {
      for (let j = 0; j < n; j++) {
        // Area of the input over [pos, pos + ratio).
        const end = pos + ratio;
        let sum = 0;
        let k = Math.floor(pos);
        let x = pos;
        while (x < end) {
          const next = k + 1 < end ? k + 1 : end;
          sum += (k < count ? f[k] : tail) * (next - x);
          x = next;
          k++;
        }
        out[j * ch + c] += (sum / ratio) * g;
        pos = end;
      }
    } else {
      for (let j = 0; j < n; j++) {
        const k = Math.floor(pos);
        const fr = pos - k;
        const a = k - 1 >= 0 ? (k - 1 < count ? f[k - 1] : tail) : inp.last;
        const b = k < count ? f[k] : tail;
        // Input sample k is centred on k + 0.5; interpolate between k-1 and k at the output centre.
        out[j * ch + c] += (a + (b - a) * fr) * g;
        pos += ratio;
      }
    }
    // Drop consumed input, keep the fraction.
    const used = Math.min(Math.floor(pos), inp.count);
    if (used > 0) {
      inp.last = f[used - 1];
      f.copyWithin(0, used, inp.count);
      inp.count -= used;
      pos -= used;
    }
    // Never let rounding drift grow the FIFO: at most a couple of samples of slack.
    if (inp.count > 4 + Math.ceil(ratio)) {
      const drop = inp.count - Math.ceil(ratio);
      f.copyWithin(0, drop, inp.count);
      inp.count -= drop;
    }
    inp.pos = Math.max(0, pos);
  }

  /** The last frame's samples (interleaved when stereo). */
  frameSamples(): Float32Array {
    return this.out.subarray(0, this.outLength);
  }

  serialize(s: Serializer): void {
    // Range-checked on load: a remainder of a whole second or more would size the next frame's buffer by it.
    this.remainder = loadedInRange(s, s.f64(this.remainder), 0, this.ticksPerSecond, 'mixer remainder');
    for (const list of this.inputs)
      for (const inp of list) {
        inp.pos = loadedInRange(s, s.f64(inp.pos), 0, inp.fifo.length, 'mixer read position');
        inp.last = s.f64(inp.last);
        inp.count = s.u32(inp.count);
        if (inp.count > inp.fifo.length) throw new Error(`mixer: saved FIFO of ${inp.count} samples is too long`);
        for (let k = 0; k < inp.count; k++) inp.fifo[k] = s.f64(inp.fifo[k]);
      }
    this.compressor.serialize(s);
  }
}
