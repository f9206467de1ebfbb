/**
 * Audio output on howler's AudioContext (RENDERER-TESTING.md §3): an AudioWorkletNode connected to
 * `Howler.masterGain`, so howler's volume and mute apply to the emulator too. The emulator worker
 * writes to the worklet through a MessageChannel we hand to both.
 */
import { Howler } from 'howler';
import workletUrl from './worklet.ts?worker&url';

export interface AudioStats {
  consumed: number;
  underruns: number;
  dropped: number;
  queued: number;
  state: string;
  sampleRate: number;
  latencyMs: number;
}

/** Queue target and cap: ~25 ms queued (plus at most one frame's block) keeps total output latency well under 60 ms. */
export const TARGET_MS = 25;
export const MAX_MS = 100;

export class AudioOutput {
  private node: AudioWorkletNode | null = null;
  readonly stats: AudioStats = { consumed: 0, underruns: 0, dropped: 0, queued: 0, state: 'none', sampleRate: 0, latencyMs: 0 };
  private ready: Promise<void> | null = null;

  get ctx(): AudioContext | null {
    return (Howler.ctx as AudioContext | undefined) ?? null;
  }

  /** Create the context and the worklet once. Never throws: the app plays silently without audio. */
  init(): Promise<void> {
    this.ready ??= (async () => {
      // REQUIRED (RENDERER-TESTING.md §3): else howler suspends the ctx after 30 s, or replaces it
      // (and our graph) on the first Howl when the rate is not 44.1 kHz
      Howler.autoSuspend = false;
      Howler.autoUnlock = false;
      Howler.volume(Howler.volume());
      const ctx = this.ctx;
      if (!ctx) throw new Error('Web Audio is not available');
      await ctx.audioWorklet.addModule(workletUrl);
      const node = new AudioWorkletNode(ctx, 'emu-stream', {
        numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2],
        processorOptions: { targetMs: TARGET_MS, maxMs: MAX_MS },
      });
      node.connect(Howler.masterGain);
      node.port.onmessage = (e: MessageEvent) => {
        const d = e.data as { consumed: number; underruns: number; dropped: number; queued: number };
        this.stats.consumed = d.consumed;
        this.stats.underruns = d.underruns;
        this.stats.dropped = d.dropped;
        this.stats.queued = d.queued;
      };
      this.node = node;
      this.stats.sampleRate = ctx.sampleRate;
    })().catch((e) => {
      console.warn('audio disabled:', e);
    });
    return this.ready;
  }

  /** A fresh port pair: one end for the worklet, the other returned for the emulator worker. */
  connect(channels: number): MessagePort | undefined {
    if (!this.node) return undefined;
    const ch = new MessageChannel();
    this.node.port.postMessage({ t: 'connect', port: ch.port1, channels }, [ch.port1]);
    return ch.port2;
  }

  setPaused(paused: boolean): void {
    this.node?.port.postMessage({ t: 'pause', paused });
  }

  flush(): void {
    this.node?.port.postMessage({ t: 'flush' });
  }

  resume(): void {
    const ctx = this.ctx;
    if (ctx && ctx.state !== 'running') void ctx.resume();
  }

  setVolume(volume: number, muted: boolean): void {
    Howler.volume(volume);
    Howler.mute(muted);
  }

  poll(): AudioStats {
    const ctx = this.ctx;
    this.stats.state = ctx?.state ?? 'none';
    if (ctx) this.stats.latencyMs = ((ctx.baseLatency ?? 0) + (ctx.outputLatency ?? 0)) * 1000 + (this.stats.queued / (ctx.sampleRate || 1)) * 1000;
    return this.stats;
  }
}
