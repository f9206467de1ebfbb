/**
 * Samples: playback of recorded sounds, MAME's `samples` device. Boards whose discrete sound circuits are
 * not simulated (Space Invaders, Galaxian's explosions, Zaxxon, …) trigger recorded samples instead.
 *
 * Facts used (MAME `src/devices/sound/samples.cpp`, read through the search tool; no code copied):
 *  - N channels, each playing at most one sample; `start(channel, sample, loop)` restarts the channel at
 *    position 0 at the sample's own frequency; `stop(channel)`; `pause(channel, on)`;
 *    `setFrequency(channel, hz)` changes the playback rate (the step is frequency / sample rate of the
 *    file); `setVolume(channel, v)` is the channel's output gain; `playing(channel)` is true until a
 *    one-shot sample has played its last sample or the channel is stopped.
 *  - Output: linear interpolation between the sample at the integer position and the next one (the next
 *    one wraps to the start of the sample), scaled by 1/32768; a looping channel wraps by subtracting the
 *    length, a one-shot channel stops as soon as its position passes the end.
 *  - Device reset stops every channel. A save state holds, per channel: sample number, position, base
 *    and current frequency, loop and pause flags.
 *  - A start with an empty bank (MAME: samples not found) is ignored quietly.
 *
 * MAME difference: MAME gives each channel its own stream at the sample's rate and lets the mixer
 * resample it; here the channels are summed into one stream at `rate` (default 48 kHz) with the same
 * interpolation, so the output is one mono input to the speaker. Volume is also kept in the save state
 * (MAME does not save output gains; keeping it makes a loaded state sound the same).
 *
 * Two ways out:
 *  (a) the stream: exact and deterministic for the CLI, WAV dumps, the headless tests and save states;
 *  (b) trigger events: each start/stop/volume/rate/pause change is recorded with the machine time, so
 *      the app can play the same samples as Howls (`Machine.sampleEvents()` / `sampleBank()`). With
 *      `external` set (machine option `externalSamples`), the stream renders silence but every channel
 *      still advances, so `playing()` and save states are identical either way.
 */
import { Device, type Serializer } from '../../src/core/device';
import type { SampleAction, SampleData, SampleSource, SampleTrigger } from '../../src/core/machine-api';
import { SoundStream, type SoundDevice } from '../../src/core/sound';

export type { SampleData } from '../../src/core/machine-api';

const SCALE = 1 / 32768;
/** trigger records older than this (seconds of machine time) are dropped if nobody collected them */
const KEEP_SECONDS = 2;

export class Samples extends Device implements SoundDevice, SampleSource {
  readonly chipName = 'Samples';
  readonly stream: SoundStream;
  readonly streams: SoundStream[];
  /** per channel: sample number playing (-1 = idle) */
  readonly sourceNum: Int32Array;
  /** per channel: position in the sample, in its own samples (fractional) */
  readonly pos: Float64Array;
  /** per channel: the sample's own rate and the current playback rate, Hz */
  readonly baseFreq: Float64Array;
  readonly curFreq: Float64Array;
  readonly loop: Uint8Array;
  readonly paused: Uint8Array;
  /** per channel output gain (MAME set_volume), 1 = full */
  readonly volume: Float32Array;
  /** set by the machine (option `externalSamples`): the stream renders silence, events still recorded */
  externalSamples = false;
  private triggers: SampleTrigger[] = [];

  constructor(
    tag: string,
    readonly channels: number,
    readonly bank: readonly SampleData[],
    /** rate of this device's output stream, Hz */
    readonly rate = 48000,
  ) {
    super(tag, 0);
    if (!(channels >= 1 && channels <= 64)) throw new Error(`${tag}: ${channels} channels (1-64)`);
    for (const s of bank) {
      if (!(s.rate > 0)) throw new Error(`${tag}: sample '${s.name}' has rate ${s.rate}`);
    }
    this.sourceNum = new Int32Array(channels).fill(-1);
    this.pos = new Float64Array(channels);
    this.baseFreq = new Float64Array(channels).fill(rate);
    this.curFreq = new Float64Array(channels).fill(rate);
    this.loop = new Uint8Array(channels);
    this.paused = new Uint8Array(channels);
    this.volume = new Float32Array(channels).fill(1);
    this.stream = new SoundStream(rate, 1, (out, start, count) => this.render(out[0], start, count));
    this.streams = [this.stream];
  }

  get sampleChannels(): number {
    return this.channels;
  }

  sampleData(): readonly SampleData[] {
    return this.bank;
  }

  // ---- the board's interface (MAME samples_device) ---------------------------------------------

  start(channel: number, sample: number, loop = false): void {
    this.check(channel);
    if (this.bank.length === 0) return;
    if (!(sample >= 0 && sample < this.bank.length)) throw new Error(`${this.tag}: no sample ${sample} (have ${this.bank.length})`);
    this.stream.update();
    const s = this.bank[sample];
    this.sourceNum[channel] = s.pcm.length > 0 ? sample : -1;
    this.pos[channel] = 0;
    this.baseFreq[channel] = s.rate;
    this.curFreq[channel] = s.rate;
    this.loop[channel] = loop ? 1 : 0;
    // MAME leaves the pause flag as it was; a paused channel starts paused
    if (this.sourceNum[channel] >= 0) this.record(channel, 'start', 0);
  }

  stop(channel: number): void {
    this.check(channel);
    this.stream.update();
    const was = this.sourceNum[channel];
    this.sourceNum[channel] = -1;
    if (was >= 0) this.record(channel, 'stop', 0);
  }

  stopAll(): void {
    for (let c = 0; c < this.channels; c++) this.stop(c);
  }

  pause(channel: number, on: boolean): void {
    this.check(channel);
    this.stream.update();
    const v = on ? 1 : 0;
    if (this.paused[channel] === v) return;
    this.paused[channel] = v;
    if (this.sourceNum[channel] >= 0) this.record(channel, on ? 'pause' : 'resume', 0);
  }

  setVolume(channel: number, volume: number): void {
    this.check(channel);
    this.stream.update();
    const v = Math.fround(volume);
    if (this.volume[channel] === v) return;
    this.volume[channel] = v;
    this.record(channel, 'volume', 0);
  }

  /** Playback rate in Hz (MAME set_frequency); the sample's own rate plays it at its recorded pitch. */
  setFrequency(channel: number, hz: number): void {
    this.check(channel);
    this.stream.update();
    if (this.curFreq[channel] === hz) return;
    this.curFreq[channel] = hz;
    if (this.sourceNum[channel] >= 0) this.record(channel, 'rate', 0);
  }

  baseFrequency(channel: number): number {
    this.check(channel);
    return this.baseFreq[channel];
  }

  playing(channel: number): boolean {
    this.check(channel);
    this.stream.update();
    return this.sourceNum[channel] >= 0;
  }

  // ---- stream ------------------------------------------------------------------------------------

  private render(out: Float32Array, start: number, count: number): void {
    const end = start + count;
    out.fill(0, start, end);
    const silent = this.externalSamples;
    for (let c = 0; c < this.channels; c++) {
      const num = this.sourceNum[c];
      if (num < 0 || this.paused[c]) continue;
      const pcm = this.bank[num].pcm;
      const len = pcm.length;
      const step = this.curFreq[c] / this.rate;
      const gain = this.volume[c] * SCALE;
      const looping = this.loop[c] === 1;
      let pos = this.pos[c];
      for (let i = start; i < end; i++) {
        const ip = Math.floor(pos);
        const frac = pos - ip;
        const next = ip + 1 < len ? ip + 1 : 0;
        if (!silent) out[i] += gain * ((1 - frac) * pcm[ip] + frac * pcm[next]);
        pos += step;
        if (pos >= len) {
          if (looping) {
            pos -= len;
            // a step longer than the whole sample (very high rates) must still land inside it
            if (pos >= len) pos %= len;
          } else {
            this.sourceNum[c] = -1;
            break;
          }
        }
      }
      this.pos[c] = pos;
    }
  }

  // ---- trigger events for the app (sampleEvents / sampleBank) -------------------------------------

  private now(): number {
    return this.stream.time?.now() ?? 0;
  }

  private record(channel: number, action: SampleAction, seek: number): void {
    const tick = this.now();
    const tps = this.stream.time?.ticksPerSecond ?? 1;
    const t = this.triggers;
    // forget what nobody collected (a machine run without the app)
    if (t.length > 0 && t[0].tick < tick - KEEP_SECONDS * tps) {
      let k = 0;
      while (k < t.length && t[k].tick < tick - KEEP_SECONDS * tps) k++;
      t.splice(0, k);
    }
    t.push({
      tick, channel, action,
      sample: this.sourceNum[channel],
      loop: this.loop[channel] === 1,
      volume: this.volume[channel],
      rate: this.curFreq[channel] / this.baseFreq[channel],
      seek,
    });
  }

  /** Triggers recorded at machine times in [from, to), in order. */
  sampleTriggers(from: number, to: number): SampleTrigger[] {
    return this.triggers.filter((e) => e.tick >= from && e.tick < to);
  }

  // ---- device ------------------------------------------------------------------------------------

  private check(channel: number): void {
    if (!(channel >= 0 && channel < this.channels)) throw new Error(`${this.tag}: no channel ${channel} (have ${this.channels})`);
  }

  reset(): void {
    // MAME device_reset: stop_all (volume, frequency and pause flags stay as they were)
    for (let c = 0; c < this.channels; c++) {
      if (this.sourceNum[c] >= 0) { this.sourceNum[c] = -1; this.record(c, 'stop', 0); }
    }
  }

  serialize(s: Serializer): void {
    s.block(this.sourceNum);
    s.block(this.pos);
    s.block(this.baseFreq);
    s.block(this.curFreq);
    s.block(this.loop);
    s.block(this.paused);
    s.block(this.volume);
    this.stream.serializeTiming(s); // the stream's position is this device's state (save-state format 4)
  }

  override postLoad(): void {
    // Triggers belong to the timeline that was left; the app is told what plays now instead: every
    // channel that is playing starts again where the state says it is.
    this.triggers = [];
    for (let c = 0; c < this.channels; c++) {
      const n = this.sourceNum[c];
      if (n >= this.bank.length || (n >= 0 && this.bank[n].pcm.length === 0)) { this.sourceNum[c] = -1; continue; }
      if (n < 0) continue;
      const len = this.bank[n].pcm.length;
      // MAME device_post_load: a position past the end wraps when looping, else the channel stops
      if (this.pos[c] >= len) {
        if (this.loop[c]) this.pos[c] %= len;
        else { this.sourceNum[c] = -1; continue; }
      }
      this.record(c, 'start', this.pos[c] / this.baseFreq[c]);
      if (this.paused[c]) this.record(c, 'pause', 0);
    }
  }
}
