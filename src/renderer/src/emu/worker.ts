/**
 * The emulator worker: owns the Machine, runs frames when the player asks (the player does the real-time
 * pacing), returns each frame's pixels in pooled transferable buffers, and streams the frame's audio
 * straight to the AudioWorklet over its own MessagePort, so audio never waits for the main thread.
 */
/// <reference lib="webworker" />
import type { Machine, SampleEvent } from '../../../core/machine-api';
import { chipsOf, startMachine } from './core-bridge';
import type { FromWorker, InputValue, ScriptEvent, ToWorker } from './protocol';
import { RateControl } from '../audio/resampler';
import { FrameHistory, InputRecorder, formatRecording, runAhead } from './history';
import { WorkerDebugger } from '../debugger/worker-side';

declare const self: DedicatedWorkerGlobalScope;

let machine: Machine | null = null;
let startMsg: Extract<ToWorker, { t: 'start' }> | null = null;
let audioPort: MessagePort | null = null;
let rate: RateControl | null = null;
/** frames of audio the worklet reported queued, and the target it wants */
let queued = 0;
let target = 0;
const pool: ArrayBuffer[] = [];
const current = new Map<string, number>();
/** rewind keyframes + input log, run-ahead frames, the input recording and a playback in progress */
const history = new FrameHistory({ maxFrames: 0 });
let aheadFrames = 0;
const recorder = new InputRecorder();
let playback: { events: ScriptEvent[]; next: number; frames: number } | null = null;
/** the debugger panel's side, attached on request (frames then run through it) */
const debug = new WorkerDebugger(() => machine);

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

function pixels(picture?: Uint32Array): ArrayBuffer {
  const fb = picture ?? machine!.frameBuffer;
  const bytes = fb.byteLength;
  let buf = pool.pop();
  while (buf && buf.byteLength !== bytes) buf = pool.pop();
  if (!buf) buf = new ArrayBuffer(bytes);
  new Uint32Array(buf).set(fb);
  return buf;
}

function apply(inputs: InputValue[]): void {
  for (const [port, field, value] of inputs) {
    const key = `${port}\u0000${field}`;
    if (current.get(key) === value) continue;
    current.set(key, value);
    try {
      machine!.setInput(port, field, value);
      history.input(machine!, port, field, value);
      recorder.input(machine!.frameNumber, port, field, value);
    } catch (e) {
      post({ t: 'error', message: `input ${port} ${field}: ${(e as Error).message}`, fatal: false });
    }
  }
}

function sendAudio(): void {
  if (!audioPort || !rate || !machine) return;
  const a = machine.audio();
  if (a.length === 0) return;
  const out = rate.process(a, RateControl.ratio(queued, target));
  const copy = new Float32Array(out);
  queued += copy.length / rate.channels; // until the worklet's next report
  audioPort.postMessage({ t: 'samples', data: copy }, [copy.buffer]);
}

// ---- NVRAM (EAROM high scores…): loaded at start, sent back to the player whenever it changes ----
let nvramSeen = '';
let nvramCheckedAt = 0;
const NVRAM_CHECK_FRAMES = 30;

/** The machine's NVRAM (src/core/machine.ts: battery-backed shares and NVRAM devices, by name). */
type MachineWithNvram = Machine & { nvramSave?(): Map<string, Uint8Array>; nvramWarnings?: string[] };
function nvramOf(m: Machine): Map<string, Uint8Array> {
  return (m as MachineWithNvram).nvramSave?.() ?? new Map();
}
function nvramKey(data: Map<string, Uint8Array>): string {
  return [...data].map(([t, b]) => `${t}:${Array.from(b).join(',')}`).join(';');
}

function checkNvram(force = false): void {
  const m = machine;
  if (!m || (!force && m.frameNumber - nvramCheckedAt < NVRAM_CHECK_FRAMES)) return;
  nvramCheckedAt = m.frameNumber;
  const data = nvramOf(m);
  if (data.size === 0) return;
  const key = nvramKey(data);
  if (key === nvramSeen) return;
  nvramSeen = key;
  post({ t: 'nvram', data: Object.fromEntries(data) });
}

function boot(msg: Extract<ToWorker, { t: 'start' }>): void {
  startMsg = msg;
  current.clear();
  const { machine: m, audit } = startMachine(msg.name, msg.sources, msg.sampleRate, msg.nvram);
  machine = m;
  debug.reset();
  for (const w of (m as MachineWithNvram).nvramWarnings ?? []) post({ t: 'error', message: w, fatal: false });
  nvramSeen = nvramKey(nvramOf(m));
  nvramCheckedAt = 0;
  history.clear();
  rewoundTo = -1;
  if (recorder.active) recorder.start(new Map(m.info.inputs.map((f) => [`${f.port}\u0000${f.name}`, f.kind === 'digital' ? 0 : f.defaultValue])));
  rate = new RateControl(m.audioChannels);
  apply(msg.settings);
  post({ t: 'started', info: m.info, audit, sampleRate: m.sampleRate, channels: m.audioChannels, samples: m.sampleBank?.() ?? [] });
}

function run(n: number, inputs: InputValue[], audio: boolean, events: ScriptEvent[] = []): void {
  const m = machine!;
  const t0 = performance.now();
  // a playback drives the machine alone: live inputs wait until it ends
  if (!playback) apply(inputs);
  const sampleEvents: SampleEvent[] = [];
  for (let i = 0; i < n; i++) {
    if (playback) playbackInputs(playback);
    if (debug.active) {
      const wasPaused = debug.paused;
      if (!debug.runFrame()) {
        if (!wasPaused) post({ t: 'debugStopped', reply: { lines: [debug.view(null).stop?.message ?? 'Stopped'], view: debug.view(null) } });
        n = i;
        break;
      }
    } else m.runFrame();
    history.frameDone(m);
    if (audio) sendAudio();
    const se = m.sampleEvents?.();
    if (se && se.length) for (const e of se) sampleEvents.push(e);
    // script events at frame N apply after frame N is produced (oracle README semantics)
    for (const e of events) if (e.frame === m.frameNumber) apply([[e.port, e.field, e.value]]);
    if (playback && m.frameNumber >= playback.frames && playback.next >= playback.events.length) {
      playback = null;
      post({ t: 'playbackEnded', frameNumber: m.frameNumber });
    }
  }
  checkNvram();
  const buf = pixels(aheadFrames > 0 && n > 0 && !debug.active ? runAhead(m, aheadFrames) : undefined);
  post({ t: 'frame', frameNumber: m.frameNumber, pixels: buf, width: m.info.width, height: m.info.height, ms: performance.now() - t0, ran: n, sampleEvents }, [buf]);
}

/** The playback's events stamped with the frames produced so far (applied before the next frame). */
function playbackInputs(p: { events: ScriptEvent[]; next: number }): void {
  const f = machine!.frameNumber;
  while (p.next < p.events.length && p.events[p.next].frame <= f) {
    const e = p.events[p.next++];
    apply([[e.port, e.field, e.value]]);
  }
}

function rewind(frames: number): void {
  const m = machine!;
  const t0 = performance.now();
  const shownNow = rewoundTo >= 0 ? rewoundTo : m.frameNumber;
  const step = history.rewindStep(m, shownNow - frames);
  if (step) rewoundTo = step.frame;
  const frameNumber = rewoundTo >= 0 ? rewoundTo : m.frameNumber;
  const buf = pixels(step?.picture);
  post({ t: 'frame', frameNumber, pixels: buf, width: m.info.width, height: m.info.height, ms: performance.now() - t0, ran: 0,
    sampleEvents: [], rewound: step !== null, rewindable: Math.max(0, frameNumber - history.earliest()) }, [buf]);
}

/** The frame a rewind left on screen (the machine itself moves there when play resumes), or -1. */
let rewoundTo = -1;

/** Before anything but another rewind step: the machine goes to the frame the rewind showed. */
function settleRewind(): void {
  if (rewoundTo < 0 || !machine) return;
  rewoundTo = -1;
  const t = history.settle(machine);
  if (t >= 0) {
    // the machine's inputs are the replayed ones now; the next request re-sends the live state
    current.clear();
    recorder.truncate(t);
  }
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  try {
    if (msg.t !== 'rewind' && msg.t !== 'buffer' && msg.t !== 'audioPort' && msg.t !== 'options') settleRewind();
    switch (msg.t) {
      case 'start':
        boot(msg);
        break;
      case 'audioPort':
        audioPort = msg.port;
        audioPort.onmessage = (e: MessageEvent<{ t: string; queued: number; target: number }>) => {
          if (e.data.t === 'level') { queued = e.data.queued; target = e.data.target; }
        };
        break;
      case 'run':
        if (machine) run(msg.n, msg.inputs, msg.audio, msg.events);
        break;
      case 'buffer':
        if (pool.length < 4) pool.push(msg.buf);
        break;
      case 'reset':
        machine?.reset();
        // a reset is not an input: frames before it cannot be replayed into frames after it
        history.clear();
        break;
      case 'powerOn':
        playback = null;
        if (startMsg) boot(startMsg);
        break;
      case 'options':
        history.setMaxFrames(msg.rewindFrames);
        aheadFrames = Math.max(0, Math.min(4, Math.floor(msg.runAhead)));
        break;
      case 'rewind':
        if (machine) rewind(msg.frames);
        break;
      case 'recordStart':
        playback = null;
        if (startMsg) {
          recorder.active = true; // boot() starts it afresh with the new machine's field defaults
          boot(startMsg);
        }
        break;
      case 'recordStop': {
        const changes = recorder.stop();
        const frames = machine?.frameNumber ?? 0;
        const text = formatRecording(changes, { set: startMsg?.name ?? '', appVersion: msg.appVersion, frames });
        post({ t: 'recording', id: msg.id, text, frames, changes: changes.length });
        break;
      }
      case 'playback':
        if (startMsg) {
          recorder.stop();
          boot(startMsg);
          playback = { events: [...msg.events].sort((a, b) => a.frame - b.frame), next: 0, frames: msg.frames };
        }
        break;
      case 'save': {
        const m = machine!;
        const state = m.saveState().slice();
        const buf = pixels();
        post({ t: 'saved', id: msg.id, state, pixels: buf, frameNumber: m.frameNumber }, [state.buffer as ArrayBuffer, buf]);
        break;
      }
      case 'load': {
        const m = machine!;
        try {
          m.loadState(msg.state);
          debug.reset();
          current.clear();
          history.clear();
          recorder.stop();
          post({ t: 'loaded', id: msg.id, ok: true, frameNumber: m.frameNumber });
        } catch (e) {
          post({ t: 'loaded', id: msg.id, ok: false, message: (e as Error).message, frameNumber: m.frameNumber });
        }
        break;
      }
      case 'memory': {
        const names = machine?.memoryNames() ?? [];
        const bytes = machine && names.includes(msg.name) ? machine.memory(msg.name).slice() : null;
        post({ t: 'memory', id: msg.id, bytes, names });
        break;
      }
      case 'debug':
        post({ t: 'debug', id: msg.id, reply: debug.handle(msg.req, msg.mem) });
        break;
      case 'chips': {
        let chips = null;
        try { chips = chipsOf(msg.name); } catch { /* a driver that cannot be built: the library says so */ }
        post({ t: 'chips', id: msg.id, chips });
        break;
      }
      case 'stop':
        checkNvram(true);
        machine = null;
        self.close();
        break;
    }
  } catch (e) {
    post({ t: 'error', message: (e as Error).message, fatal: msg.t === 'start' || msg.t === 'powerOn' });
  }
};
