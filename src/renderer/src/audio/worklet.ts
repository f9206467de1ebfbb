/**
 * AudioWorklet processor 'emu-stream': plays the emulator's samples from a queue of Float32Array
 * blocks that arrive over a MessagePort (from the emulator worker directly). It starts playing only
 * once `target` frames are queued (so start-up does not underrun), caps the queue at `max` frames
 * (dropping the oldest audio, to bound latency after a stall), and reports its level back to the
 * worker (for rate control) and counters to the main thread (for the overlay and the e2e test).
 * Loaded with `?worker&url` (an IIFE asset), as RENDERER-TESTING.md §1 describes.
 */
export {};

declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}
declare function registerProcessor(name: string, ctor: unknown): void;
declare const sampleRate: number;

interface Options { processorOptions: { targetMs: number; maxMs: number } }

class EmuStream extends AudioWorkletProcessor {
  private blocks: Float32Array[] = [];
  private readPos = 0;
  private queuedFrames = 0;
  private channels = 1;
  private primed = false;
  private paused = false;
  private consumed = 0;
  private underruns = 0;
  private dropped = 0;
  private sinceReport = 0;
  private readonly target: number;
  private readonly max: number;
  private data: MessagePort | null = null;

  constructor(options: Options) {
    super(options);
    this.target = Math.round((sampleRate * options.processorOptions.targetMs) / 1000);
    this.max = Math.round((sampleRate * options.processorOptions.maxMs) / 1000);
    this.port.onmessage = (e: MessageEvent) => {
      const m = e.data as { t: string; port?: MessagePort; channels?: number; paused?: boolean };
      if (m.t === 'connect' && m.port) {
        this.data = m.port;
        this.channels = m.channels ?? 1;
        this.blocks = []; this.readPos = 0; this.queuedFrames = 0; this.primed = false;
        this.data.onmessage = (ev: MessageEvent) => this.push((ev.data as { data: Float32Array }).data);
      } else if (m.t === 'pause') {
        this.paused = !!m.paused;
        if (this.paused) { this.blocks = []; this.readPos = 0; this.queuedFrames = 0; this.primed = false; }
      } else if (m.t === 'flush') {
        this.blocks = []; this.readPos = 0; this.queuedFrames = 0; this.primed = false;
      }
    };
  }

  private push(block: Float32Array): void {
    this.blocks.push(block);
    this.queuedFrames += block.length / this.channels;
    while (this.queuedFrames > this.max && this.blocks.length > 1) {
      const b = this.blocks.shift()!;
      const frames = (b.length - this.readPos) / this.channels;
      this.queuedFrames -= frames;
      this.dropped += frames;
      this.readPos = 0;
    }
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0];
    const left = out[0];
    const right = out[1] ?? out[0];
    const n = left.length;
    if (!this.primed && this.queuedFrames >= this.target) this.primed = true;
    let i = 0;
    if (this.primed) {
      const ch = this.channels;
      while (i < n && this.blocks.length > 0) {
        const b = this.blocks[0];
        left[i] = b[this.readPos];
        right[i] = ch === 2 ? b[this.readPos + 1] : b[this.readPos];
        this.readPos += ch;
        i++;
        if (this.readPos >= b.length) { this.blocks.shift(); this.readPos = 0; }
      }
      this.consumed += i;
      this.queuedFrames -= i;
      if (i < n) {
        // ran dry: count it (unless paused on purpose) and wait for the queue to refill
        if (!this.paused) this.underruns++;
        this.primed = false;
      }
    }
    for (; i < n; i++) { left[i] = 0; right[i] = 0; }
    this.sinceReport += n;
    if (this.sinceReport >= 1024) {
      this.sinceReport = 0;
      const level = { t: 'level', queued: this.queuedFrames, target: this.target };
      this.data?.postMessage(level);
      this.port.postMessage({ ...level, consumed: this.consumed, underruns: this.underruns, dropped: this.dropped });
    }
    return true;
  }
}

registerProcessor('emu-stream', EmuStream);
