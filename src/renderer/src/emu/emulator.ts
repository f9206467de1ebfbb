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
import type { KeyBinding, RawSource, SetAudit } from '../../../shared/api';
import type { FromWorker, InputValue, ScriptEvent, ToWorker } from './protocol';
import { Pacer } from './pacer';
import { GameScreen } from '../video/screen';
import { AudioOutput } from '../audio/audio-output';
import { HowlerBank, SamplePlayer } from '../audio/sample-player';
import { InputState } from '../input/input';
import { Trackball } from '../input/trackball';
import { loadStoredNvram, storeNvram } from './nvram-store';
import type { AnalogBinding } from '../input/keymap';
import { encodePng } from '../util/png';
import EmuWorker from './worker.ts?worker';
import type { DebugReply, DebugRequest, MemoryWindow } from '../debugger/protocol';

export const FAST_FORWARD_SPEED = 4;

/** The player left while the game was still starting: not an error to show. */
export class StartAborted extends Error {
  override name = 'StartAborted';
}

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
  /** dials and trackballs (input/keymap.ts analogBindingsFor) */
  analog: AnalogBinding[] = [];
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
  /** rewind key held: each display tick steps back the frames that fell due */
  rewinding = false;
  /** set by the last rewind: how many frames further back it can go */
  rewindable = 0;
  recording = false;
  playingBack = false;
  onPlaybackEnded: (() => void) | null = null;
  private options = { rewindFrames: 0, runAhead: 0 };

  /** the mouse (pointer lock) and the right stick as the game's trackball */
  readonly trackball = new Trackball();
  private gameName = '';

  constructor(readonly screen: GameScreen, readonly audio: AudioOutput, readonly input: InputState) {}

  /** rejects a start still in progress when the player leaves (Esc during start-up) */
  private abortStart: ((e: Error) => void) | null = null;

  async start(name: string, sources: RawSource[], settings: InputValue[]): Promise<GameInfo> {
    this.stop();
    this.frameNumber = 0;
    await this.audio.init();
    this.audio.resume();
    // vite's worker import: a module worker under the dev server, a classic (IIFE) worker in builds,
    // which also loads from file:// pages in Electron
    const worker = new EmuWorker({ name: `emu-${name}` });
    this.worker = worker;
    const sampleRate = this.audio.ctx?.sampleRate ?? 48000;
    const started = new Promise<Extract<FromWorker, { t: 'started' }>>((resolve, reject) => {
      this.abortStart = reject;
      worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        const m = ev.data;
        if (m.t === 'started') resolve(m);
        else if (m.t === 'error' && m.fatal) reject(new Error(m.message));
        else this.handle(m);
      };
      worker.onerror = (e) => reject(new Error(e.message || 'The emulator failed to start.'));
    });
    this.gameName = name;
    worker.postMessage({ t: 'start', name, sources, sampleRate, settings, nvram: loadStoredNvram(name) } satisfies ToWorker);
    const s = await started.finally(() => { this.abortStart = null; });
    this.samples.setBank(s.samples.length ? new HowlerBank(s.samples, this.samples) : null, s.samples.length);
    // the worklet's port is connected once the channel count is known
    const port = this.audio.connect(s.channels);
    if (port) worker.postMessage({ t: 'audioPort', port } satisfies ToWorker, [port]);
    worker.onmessage = (ev: MessageEvent<FromWorker>) => this.handle(ev.data);
    worker.onerror = (e) => this.onError?.(e.message || 'The emulator stopped.');
    this.info = s.info;
    this.trackball.reset(s.info.inputs);
    this.audit = s.audit;
    this.frameNumber = 0;
    this.screen.setGeometry(s.info.width, s.info.height);
    this.pacer = new Pacer(s.info.refreshHz);
    this.paused = false;
    this.rewinding = false;
    this.recording = false;
    this.playingBack = false;
    this.fastForward = false;
    this.audio.setPaused(false);
    this.samples.setPaused(false);
    this.sendOptions();
    this.loop();
    return s.info;
  }

  private handle(m: FromWorker): void {
    switch (m.t) {
      case 'nvram':
        if (this.gameName) storeNvram(this.gameName, m.data);
        break;
      case 'frame': {
        const t0 = performance.now();
        this.busy = false;
        this.frameNumber = m.frameNumber;
        if (m.rewindable !== undefined) this.rewindable = m.rewindable;
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
      case 'playbackEnded':
        this.playingBack = false;
        this.onPlaybackEnded?.();
        break;
      case 'debugStopped':
        this.onDebugStopped?.(m.reply);
        break;
      case 'saved':
      case 'loaded':
      case 'recording':
      case 'debug':
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
      if (this.rewinding) this.rewindBy(this.owed);
      else this.request(this.owed, !this.fastForward);
      this.owed = 0;
    }
    // half-second windows: short enough to be right soon after a pause or a dialog; nothing is
    // measured while paused (the readout says so instead of showing 0 fps)
    if (this.paused) this.resetStats();
    else if (now - this.statT0 >= 500) {
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
    const inputs = this.input.sample(this.bindings, this.analog);
    if (this.info) inputs.push(...this.trackball.sample(this.info.inputs));
    this.worker.postMessage({ t: 'run', n, inputs, audio, events } satisfies ToWorker);
  }

  private rewindBy(frames: number): void {
    if (!this.worker) return;
    this.busy = true;
    this.worker.postMessage({ t: 'rewind', frames } satisfies ToWorker);
  }

  /** Rewind length and run-ahead frames (Settings → Play). */
  setOptions(rewindFrames: number, runAhead: number): void {
    this.options = { rewindFrames, runAhead };
    this.sendOptions();
  }

  private sendOptions(): void {
    this.worker?.postMessage({ t: 'options', ...this.options } satisfies ToWorker);
  }

  /** Hold to run backwards at the game's speed; silent meanwhile, as the sound cannot be un-played. */
  setRewinding(on: boolean): void {
    if (on === this.rewinding) return;
    this.rewinding = on;
    this.audio.setPaused(on || this.paused || this.fastForward);
    this.samples.setPaused(on || this.paused || this.fastForward);
    if (on) this.samples.stopAll();
    this.pacer.resync();
  }

  /** Paused: step back `n` frames at once (the rewind hot key while paused, tests). */
  async rewindFrames(n: number): Promise<number> {
    await this.idle();
    this.rewindBy(n);
    await this.nextFrame();
    return this.frameNumber;
  }

  /** Paused: run one frame and show it (MAME's Shift+P, RetroArch's K). */
  async frameAdvance(): Promise<number> {
    if (!this.paused) return this.frameNumber;
    return this.step(1);
  }

  /** Power on and record every input from there (a recording always starts from power-on). */
  async startRecording(): Promise<void> {
    await this.idle();
    this.samples.stopAll();
    this.worker?.postMessage({ t: 'recordStart' } satisfies ToWorker);
    this.frameNumber = 0;
    this.recording = true;
    this.audio.flush();
    this.pacer.resync();
  }

  /** Stop recording; the recording as an input script (`arcade run --inputs`). */
  async stopRecording(appVersion: string): Promise<{ text: string; frames: number; changes: number }> {
    await this.idle();
    this.recording = false;
    const m = await this.call<Extract<FromWorker, { t: 'recording' }>>({ t: 'recordStop', id: this.nextId++, appVersion });
    return { text: m.text, frames: m.frames, changes: m.changes };
  }

  /** Power on and play a recording back frame for frame; live controls are ignored until it ends. */
  async playBack(events: ScriptEvent[], frames: number): Promise<void> {
    await this.idle();
    this.samples.stopAll();
    this.worker?.postMessage({ t: 'playback', events, frames } satisfies ToWorker);
    this.frameNumber = 0;
    this.recording = false;
    this.playingBack = true;
    this.audio.flush();
    this.pacer.resync();
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
    this.audio.setPaused(p || this.rewinding);
    this.samples.setPaused(p || this.fastForward || this.rewinding);
    this.pacer.resync();
    this.owed = 0;
    this.resetStats();
  }

  /** Start the FPS/speed averages afresh (after a pause or a dialog, old time would drag them down). */
  resetStats(): void {
    this.stats.emulatedFps = this.stats.displayFps = this.stats.speedPercent = Number.NaN;
    this.statT0 = 0;
    this.statFrames = 0;
    this.statDraws = 0;
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
    if (this.info) this.trackball.reset(this.info.inputs); // the machine's counters start over, so does the mouse's motion
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

  /** A breakpoint or watchpoint stopped the game (the debugger panel shows where). */
  onDebugStopped: ((reply: DebugReply) => void) | null = null;

  /** A request to the debugger in the worker (src/renderer/src/debugger/). */
  async debug(req: DebugRequest, mem: MemoryWindow | null = null): Promise<DebugReply> {
    if (!this.worker) throw new Error('no game is running');
    const m = await this.call<Extract<FromWorker, { t: 'debug' }>>({ t: 'debug', id: this.nextId++, req, mem });
    if (!('reply' in m)) throw new Error('the game stopped');
    return m.reply;
  }

  /** Show a picture (a PNG data URL of the game's size, e.g. a save slot's thumbnail) as the current frame. */
  async showPicture(dataUrl: string): Promise<void> {
    const info = this.info;
    if (!info) return;
    const bmp = await createImageBitmap(await (await fetch(dataUrl)).blob(), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    if (bmp.width !== info.width || bmp.height !== info.height) return;
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d', { colorSpace: 'srgb' })!;
    g.drawImage(bmp, 0, 0);
    const px = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const buf = new ArrayBuffer(px.byteLength);
    new Uint8Array(buf).set(px);
    this.lastPixels = new Uint8Array(buf.slice(0));
    this.screen.present(buf);
  }

  /** The last frame as a PNG at the game's own resolution (like MAME's F12 snapshots). */
  screenshot(): Promise<Uint8Array> {
    return encodePng(this.lastPixels, this.info!.width, this.info!.height);
  }

  stop(): void {
    this.abortStart?.(new StartAborted());
    this.abortStart = null;
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
