/**
 * The player's engine room: the emulator worker, real-time pacing, input sampling, the screen and
 * the audio stream, plus pause / reset / fast-forward / save / load / screenshot. No UI here.
 *
 * Timing: a requestAnimationFrame loop feeds real time to the Pacer, which says how many emulated
 * frames are due. Input is sampled at that moment and sent with the request, so each frame sees the
 * controls as they were just before it ran. One request is in flight at a time; frames that fall due
 * meanwhile are added to the next request (bounded), so a slow frame does not lose game time.
 */
import type { GameInfo } from '../../../core/machine-api';
import type { KeyBinding, RawSource, SetAudit } from '../../../preload/api';
import type { FromWorker, InputValue, ScriptEvent, ToWorker } from './protocol';
import { Pacer } from './pacer';
import { GameScreen } from '../video/screen';
import { AudioOutput } from '../audio/audio-output';
import { HowlerBank, SamplePlayer } from '../audio/sample-player';
import { InputState } from '../input/input';
import { encodePng } from '../util/png';
import EmuWorker from './worker.ts?worker';

export const FAST_FORWARD_SPEED = 4;

export interface EmuStats {
  emulatedFps: number;
  displayFps: number;
  speedPercent: number;
  frameMs: number;
  /** running totals since the page loaded, for frame-budget measurements (test/e2e/frame-budget.mjs):
   *  frames emulated, frames shown, worker ms spent emulating them, main-thread ms spent on 'frame'
   *  messages (copy, present: texture upload and draw, sample events) */
  framesRun: number;
  framesShown: number;
  workerMs: number;
  mainMs: number;
}

export class Emulator {
  info: GameInfo | null = null;
  audit: SetAudit | null = null;
  frameNumber = 0;
  paused = false;
  fastForward = false;
  readonly stats: EmuStats = { emulatedFps: 0, displayFps: 0, speedPercent: 0, frameMs: 0, framesRun: 0, framesShown: 0, workerMs: 0, mainMs: 0 };
  bindings = new Map<string, KeyBinding>();
  lastPixels: Uint8Array = new Uint8Array(0);
  onFrame: (() => void) | null = null;
  onError: ((message: string) => void) | null = null;
  /** sample-based sounds of the running game, as Howls */
  readonly samples = new SamplePlayer();

  private worker: Worker | null = null;
  private pacer = new Pacer(60);
  private busy = false;
  private owed = 0;
  private raf = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, (m: FromWorker) => void>();
  private frameWaiters: (() => void)[] = [];
  private statT0 = 0;
  private statFrames = 0;
  private statDraws = 0;
  private statEmuStart = 0;
  /** whether the frames in flight were requested with sound (normal play) */
  private audible = false;

  constructor(readonly screen: GameScreen, readonly audio: AudioOutput, readonly input: InputState) {}

  async start(name: string, sources: RawSource[], settings: InputValue[]): Promise<GameInfo> {
    this.stop();
    await this.audio.init();
    this.audio.resume();
    // vite's worker import: a module worker under the dev server, a classic (IIFE) worker in builds,
    // which also loads from file:// pages in Electron
    const worker = new EmuWorker({ name: `emu-${name}` });
    this.worker = worker;
    const sampleRate = this.audio.ctx?.sampleRate ?? 48000;
    const started = new Promise<Extract<FromWorker, { t: 'started' }>>((resolve, reject) => {
      worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        const m = ev.data;
        if (m.t === 'started') resolve(m);
        else if (m.t === 'error' && m.fatal) reject(new Error(m.message));
        else this.handle(m);
      };
      worker.onerror = (e) => reject(new Error(e.message || 'The emulator failed to start.'));
    });
    worker.postMessage({ t: 'start', name, sources, sampleRate, settings } satisfies ToWorker);
    const s = await started;
    this.samples.setBank(s.samples.length ? new HowlerBank(s.samples, this.samples) : null, s.samples.length);
    // the worklet's port is connected once the channel count is known
    const port = this.audio.connect(s.channels);
    if (port) worker.postMessage({ t: 'audioPort', port } satisfies ToWorker, [port]);
    worker.onmessage = (ev: MessageEvent<FromWorker>) => this.handle(ev.data);
    worker.onerror = (e) => this.onError?.(e.message || 'The emulator stopped.');
    this.info = s.info;
    this.audit = s.audit;
    this.frameNumber = 0;
    this.screen.setGeometry(s.info.width, s.info.height);
    this.pacer = new Pacer(s.info.refreshHz);
    this.paused = false;
    this.audio.setPaused(false);
    this.loop();
    return s.info;
  }

  private handle(m: FromWorker): void {
    switch (m.t) {
      case 'frame': {
        const t0 = performance.now();
        this.busy = false;
        this.frameNumber = m.frameNumber;
        if (this.lastPixels.length !== m.pixels.byteLength) this.lastPixels = new Uint8Array(m.pixels.byteLength);
        this.lastPixels.set(new Uint8Array(m.pixels));
        if (m.sampleEvents.length) this.samples.handle(m.sampleEvents, this.audible);
        this.screen.present(m.pixels);
        this.worker?.postMessage({ t: 'buffer', buf: m.pixels } satisfies ToWorker, [m.pixels]);
        this.stats.frameMs = m.ms / Math.max(1, m.ran);
        this.statFrames += m.ran;
        this.statDraws++;
        this.stats.framesRun += m.ran;
        this.stats.framesShown++;
        this.stats.workerMs += m.ms;
        this.onFrame?.();
        const w = this.frameWaiters;
        this.frameWaiters = [];
        for (const f of w) f();
        this.stats.mainMs += performance.now() - t0;
        break;
      }
      case 'saved':
      case 'loaded':
      case 'memory': {
        const cb = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        cb?.(m);
        break;
      }
      case 'error':
        this.onError?.(m.message);
        break;
      case 'started': // a power-on rebuilt the machine: nothing plays
        this.samples.stopAll();
        break;
      default:
        break;
    }
  }

  private loop = (): void => {
    this.raf = requestAnimationFrame(this.loop);
    const now = performance.now();
    const speed = this.fastForward ? FAST_FORWARD_SPEED : 1;
    const due = this.paused ? 0 : this.pacer.tick(now, speed);
    this.owed = Math.min(this.owed + due, 6 * speed);
    if (!this.busy && this.owed > 0) {
      this.request(this.owed, !this.fastForward);
      this.owed = 0;
    }
    if (now - this.statT0 >= 1000) {
      const secs = (now - this.statT0) / 1000;
      if (this.statT0 > 0) {
        this.stats.emulatedFps = this.statFrames / secs;
        this.stats.displayFps = this.statDraws / secs;
        this.stats.speedPercent = this.info ? (this.stats.emulatedFps / this.info.refreshHz) * 100 : 0;
      }
      this.statT0 = now;
      this.statFrames = 0;
      this.statDraws = 0;
    }
  };

  private request(n: number, audio: boolean, events?: ScriptEvent[]): void {
    if (!this.worker) return;
    this.busy = true;
    this.audible = audio;
    const inputs = this.input.sample(this.bindings);
    this.worker.postMessage({ t: 'run', n, inputs, audio, events } satisfies ToWorker);
  }

  private nextFrame(): Promise<void> {
    return new Promise((r) => this.frameWaiters.push(r));
  }

  /** Resolves when no frame request is in flight. */
  settle(): Promise<void> {
    return this.idle();
  }

  private async idle(): Promise<void> {
    while (this.busy) await this.nextFrame();
  }

  setPaused(p: boolean): void {
    this.paused = p;
    this.audio.setPaused(p);
    this.samples.setPaused(p || this.fastForward);
    this.pacer.resync();
    this.owed = 0;
  }

  setFastForward(on: boolean): void {
    if (on === this.fastForward) return;
    this.fastForward = on;
    // no audio while fast-forwarding (it would pile up); the worklet waits quietly
    this.audio.setPaused(on || this.paused);
    this.samples.setPaused(on || this.paused);
  }

  /** DIP switches flipped while running; also re-applied after a power-on. */
  setDips(values: InputValue[]): void {
    this.worker?.postMessage({ t: 'run', n: 0, inputs: values, audio: false } satisfies ToWorker);
    this.busy = true;
  }

  reset(): void {
    this.worker?.postMessage({ t: 'reset' } satisfies ToWorker);
  }

  /** Run exactly `n` frames now (paused play, frame advance, tests); inputs sampled before the first. */
  async step(n: number, events?: ScriptEvent[]): Promise<number> {
    await this.idle();
    this.request(n, false, events);
    await this.nextFrame();
    return this.frameNumber;
  }

  /** Power-cycle the machine (fresh from the ROMs) and stop at frame `n` exactly, paused. */
  async powerOnAndRunTo(n: number, events: ScriptEvent[] = []): Promise<number> {
    this.setPaused(true);
    await this.idle();
    this.worker?.postMessage({ t: 'powerOn' } satisfies ToWorker);
    this.samples.stopAll();
    this.frameNumber = 0;
    return n > 0 ? this.step(n, events) : 0;
  }

  private call<T extends FromWorker>(msg: ToWorker, transfer: Transferable[] = []): Promise<T> {
    return new Promise((resolve) => {
      const id = (msg as { id: number }).id;
      this.waiting.set(id, (m) => resolve(m as T));
      this.worker!.postMessage(msg, transfer);
    });
  }

  async saveState(): Promise<{ state: Uint8Array; thumbnail: Uint8Array; frameNumber: number }> {
    await this.idle();
    const m = await this.call<Extract<FromWorker, { t: 'saved' }>>({ t: 'save', id: this.nextId++ });
    const thumbnail = await encodePng(new Uint8Array(m.pixels), this.info!.width, this.info!.height);
    return { state: m.state, thumbnail, frameNumber: m.frameNumber };
  }

  async loadState(state: Uint8Array): Promise<void> {
    await this.idle();
    // the machine re-announces the samples that play in the loaded state with its next frame
    this.samples.stopAll();
    const m = await this.call<Extract<FromWorker, { t: 'loaded' }>>({ t: 'load', id: this.nextId++, state });
    if (!m.ok) throw new Error(m.message ?? 'The state could not be loaded.');
    this.frameNumber = m.frameNumber;
    this.audio.flush();
    this.pacer.resync();
  }

  async memory(name: string): Promise<{ bytes: Uint8Array | null; names: string[] }> {
    await this.idle();
    const m = await this.call<Extract<FromWorker, { t: 'memory' }>>({ t: 'memory', id: this.nextId++, name });
    return { bytes: m.bytes, names: m.names };
  }

  /** The last frame as a PNG at the game's own resolution (like MAME's F12 snapshots). */
  screenshot(): Promise<Uint8Array> {
    return encodePng(this.lastPixels, this.info!.width, this.info!.height);
  }

  stop(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    if (this.worker) {
      this.worker.postMessage({ t: 'stop' } satisfies ToWorker);
      this.worker.terminate();
    }
    this.worker = null;
    this.busy = false;
    this.owed = 0;
    this.info = null;
    this.audio.setPaused(true);
    this.samples.setBank(null, 0);
    for (const cb of this.waiting.values()) cb({ t: 'error', message: 'stopped', fatal: false });
    this.waiting.clear();
    const w = this.frameWaiters;
    this.frameWaiters = [];
    for (const f of w) f();
  }

  get running(): boolean {
    return this.worker !== null;
  }
}
