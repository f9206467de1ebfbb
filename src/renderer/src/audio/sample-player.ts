/**
 * Sample-based sounds (boards with MAME's `samples` device) played as Howls. The machine runs with
 * `externalSamples` (its samples stream renders silence) and reports each frame's triggers; here every
 * recorded sample becomes a 16-bit PCM WAV blob URL and one `Howl`, and each machine channel maps to at
 * most one playing sound id. Howls play through Web Audio on `Howler.ctx` into `Howler.masterGain`, the
 * node the emulator's worklet feeds too, so howler's volume and mute apply to both
 * (RENDERER-TESTING.md §3: WAV blob URLs with `format: ['wav']` were tested that way; `autoUnlock` and
 * `autoSuspend` are switched off by AudioOutput.init before any Howl exists).
 *
 * Timing: triggers are applied when the frame's message arrives, i.e. up to one frame early compared
 * with the worklet stream, which keeps ~25 ms queued; `offsetSamples` is not used for scheduling.
 */
import { Howl } from 'howler';
import type { SampleData, SampleEvent } from '../../../core/machine-api';

/** A mono 16-bit PCM RIFF/WAVE file. */
export function wavFile(pcm: Int16Array, rate: number): Uint8Array {
  const data = pcm.length * 2;
  const out = new Uint8Array(44 + data);
  const v = new DataView(out.buffer);
  const ascii = (at: number, s: string) => { for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i); };
  ascii(0, 'RIFF'); v.setUint32(4, 36 + data, true); ascii(8, 'WAVE');
  ascii(12, 'fmt '); v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true); // bytes per second
  v.setUint16(32, 2, true); // block align
  v.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data'); v.setUint32(40, data, true);
  for (let i = 0; i < pcm.length; i++) v.setInt16(44 + i * 2, pcm[i], true);
  return out;
}

/** What a channel holds: the minimum a howler-like player needs (an interface so unit tests can fake it). */
export interface SoundBank {
  play(sample: number): number;
  stop(sample: number, id: number): void;
  pause(sample: number, id: number): void;
  resume(sample: number, id: number): void;
  setLoop(sample: number, id: number, loop: boolean): void;
  setVolume(sample: number, id: number, volume: number): void;
  setRate(sample: number, id: number, rate: number): void;
  seek(sample: number, id: number, seconds: number): void;
  unload(): void;
}

export interface SampleStats {
  /** samples in the bank */
  loaded: number;
  /** Howls that finished loading (decoded) */
  decoded: number;
  /** 'start' triggers turned into Howl plays */
  starts: number;
  /** howler's onplay callbacks: the sound really began on the AudioContext */
  played: number;
  stops: number;
  /** channels sounding right now */
  active: number;
}

interface Voice { sample: number; id: number; loop: boolean }

/** Machine channels → playing sounds. Knows nothing about howler (see HowlerBank). */
export class SamplePlayer {
  readonly stats: SampleStats = { loaded: 0, decoded: 0, starts: 0, played: 0, stops: 0, active: 0 };
  private voices = new Map<number, Voice>();
  private paused = false;

  constructor(private bank: SoundBank | null = null) {}

  setBank(bank: SoundBank | null, size: number): void {
    this.stopAll();
    this.bank?.unload();
    this.bank = bank;
    this.stats.loaded = size;
  }

  /**
   * Apply a batch of triggers. When `audible` is false (fast-forward, frame stepping) one-shot starts are
   * dropped, as the emulator stream is silent then too; loops, stops and volume changes still apply so
   * the channels are right when normal play resumes.
   */
  handle(events: readonly SampleEvent[], audible: boolean): void {
    const bank = this.bank;
    if (!bank) return;
    for (const e of events) {
      const v = this.voices.get(e.channel);
      switch (e.action) {
        case 'start': {
          if (v) { bank.stop(v.sample, v.id); this.voices.delete(e.channel); }
          if (!audible && !e.loop) break;
          const id = bank.play(e.sample);
          bank.setLoop(e.sample, id, e.loop);
          bank.setVolume(e.sample, id, e.volume);
          if (e.rate !== 1) bank.setRate(e.sample, id, e.rate);
          if (e.seek > 0) bank.seek(e.sample, id, e.seek);
          if (this.paused) bank.pause(e.sample, id);
          this.voices.set(e.channel, { sample: e.sample, id, loop: e.loop });
          this.stats.starts++;
          break;
        }
        case 'stop':
          if (v) { bank.stop(v.sample, v.id); this.voices.delete(e.channel); this.stats.stops++; }
          break;
        case 'volume':
          if (v) bank.setVolume(v.sample, v.id, e.volume);
          break;
        case 'rate':
          if (v) bank.setRate(v.sample, v.id, e.rate);
          break;
        case 'pause':
          if (v) bank.pause(v.sample, v.id);
          break;
        case 'resume':
          if (v && !this.paused) bank.resume(v.sample, v.id);
          break;
      }
    }
    this.stats.active = this.voices.size;
  }

  /** A one-shot that howler finished playing leaves its channel. */
  ended(sample: number, id: number): void {
    for (const [ch, v] of this.voices) if (v.sample === sample && v.id === id && !v.loop) this.voices.delete(ch);
    this.stats.active = this.voices.size;
  }

  /** Emulator paused (or hidden): hold every sound; resume them where they were. */
  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!this.bank) return;
    for (const v of this.voices.values()) {
      if (paused) this.bank.pause(v.sample, v.id);
      else this.bank.resume(v.sample, v.id);
    }
  }

  /** Reset, power-on, state load, leaving the game: silence every channel (the machine re-announces what plays). */
  stopAll(): void {
    if (this.bank) for (const v of this.voices.values()) this.bank.stop(v.sample, v.id);
    this.voices.clear();
    this.stats.active = 0;
  }
}

/** The bank as Howls: one WAV blob URL and one Howl per sample. */
export class HowlerBank implements SoundBank {
  private readonly howls: Howl[];
  private readonly urls: string[];

  constructor(samples: readonly SampleData[], player: SamplePlayer) {
    this.urls = samples.map((s) => URL.createObjectURL(new Blob([wavFile(s.pcm, s.rate) as Uint8Array<ArrayBuffer>], { type: 'audio/wav' })));
    this.howls = samples.map((_, i) => new Howl({
      src: [this.urls[i]],
      format: ['wav'],
      preload: true,
      onload: () => { player.stats.decoded++; },
      onplay: () => { player.stats.played++; },
      onend: (id: number) => player.ended(i, id),
      onloaderror: (_id: number, err: unknown) => console.warn(`sample ${samples[i].name}: ${String(err)}`),
    }));
  }

  play(sample: number): number { return this.howls[sample].play(); }
  stop(sample: number, id: number): void { this.howls[sample].stop(id); }
  pause(sample: number, id: number): void { this.howls[sample].pause(id); }
  resume(sample: number, id: number): void { if (!this.howls[sample].playing(id)) this.howls[sample].play(id); }
  setLoop(sample: number, id: number, loop: boolean): void { this.howls[sample].loop(loop, id); }
  setVolume(sample: number, id: number, volume: number): void { this.howls[sample].volume(volume, id); }
  setRate(sample: number, id: number, rate: number): void { this.howls[sample].rate(rate, id); }
  seek(sample: number, id: number, seconds: number): void { this.howls[sample].seek(seconds, id); }

  unload(): void {
    for (const h of this.howls) h.unload();
    for (const u of this.urls) URL.revokeObjectURL(u);
  }
}
