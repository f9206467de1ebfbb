/**
 * Time travel for the player: rewind, run-ahead and input recordings, built on two facts of the core:
 * the machine is deterministic (same state + same inputs → same frames), and a save state captures
 * everything. No DOM here, so vitest drives it with a real machine (test/app/history.test.ts).
 *
 * What is kept:
 *  - every input change, stamped with the number of frames produced when it was applied — exactly the
 *    input-script semantics of `arcade run --inputs` (../shared/oracle/README.md: an event at frame N is
 *    applied after frame N is produced, 0 = before the first frame), so a recording is a script;
 *  - a keyframe (a save state) every `keyInterval` frames, for as many frames as the rewind length.
 * Rewinding to frame t loads the newest keyframe before t and replays the logged inputs up to t: the
 * replayed frame t is the frame the player saw (the run is deterministic), so the picture is exact.
 */
import type { Machine } from '../../../core/machine-api';

export interface InputChange {
  /** frames produced when the change was applied (it takes effect from frame `frame + 1`) */
  frame: number;
  port: string;
  field: string;
  value: number;
}

interface Keyframe {
  frame: number;
  state: Uint8Array;
}

export interface HistoryOptions {
  /** how far back rewind reaches, in frames (0 = rewind off) */
  maxFrames: number;
  /** a keyframe every N frames: more keyframes cost memory, fewer cost replay time per rewind step */
  keyInterval?: number;
}

export class FrameHistory {
  private keyframes: Keyframe[] = [];
  private changes: InputChange[] = [];
  private maxFrames: number;
  readonly keyInterval: number;

  constructor(opts: HistoryOptions) {
    this.maxFrames = Math.max(0, Math.floor(opts.maxFrames));
    this.keyInterval = Math.max(1, Math.floor(opts.keyInterval ?? 8));
  }

  get enabled(): boolean {
    return this.maxFrames > 0;
  }

  setMaxFrames(n: number): void {
    this.maxFrames = Math.max(0, Math.floor(n));
    if (!this.enabled) this.clear();
  }

  clear(): void {
    this.keyframes = [];
    this.changes = [];
    this.pending = -1;
    this.cache = null;
  }

  /** An input change the player applied just now (before frame `m.frameNumber + 1` runs). */
  input(m: Machine, port: string, field: string, value: number): void {
    if (this.enabled) this.changes.push({ frame: m.frameNumber, port, field, value });
  }

  /** Call after each frame of normal play (not for run-ahead or replayed frames). */
  frameDone(m: Machine): void {
    if (!this.enabled) return;
    const f = m.frameNumber;
    if (f % this.keyInterval === 0 || this.keyframes.length === 0) this.keyframes.push({ frame: f, state: m.saveState() });
    // Keep the newest maxFrames (plus the one keyframe they start from).
    const oldest = f - this.maxFrames;
    while (this.keyframes.length > 1 && this.keyframes[1].frame <= oldest) this.keyframes.shift();
    const first = this.keyframes[0].frame;
    let drop = 0;
    while (drop < this.changes.length && this.changes[drop].frame < first) drop++;
    if (drop) this.changes.splice(0, drop);
  }

  /** The earliest frame a rewind can show (it must be replayed from an older keyframe). */
  earliest(): number {
    return this.keyframes.length ? this.keyframes[0].frame + 1 : Infinity;
  }

  /**
   * Go back to frame `target` (clamped to what is kept): load a keyframe, replay the logged inputs, and
   * forget everything after `target` (new play branches from there). Returns the frame reached, or -1
   * when nothing older is kept. The machine's frame buffer then holds frame `target`'s picture.
   */
  rewindTo(m: Machine, target: number): number {
    const t = Math.min(m.frameNumber, Math.max(target, this.earliest()));
    if (!Number.isFinite(t) || t >= m.frameNumber) return -1;
    let k = this.keyframes.length - 1;
    while (k >= 0 && this.keyframes[k].frame >= t) k--;
    if (k < 0) return -1;
    const key = this.keyframes[k];
    m.loadState(key.state);
    this.replay(m, key.frame, t);
    this.forgetAfter(t);
    return t;
  }

  /**
   * One step of a continuous rewind, cheap enough for 60 steps a second: the pictures of a whole
   * keyframe interval are made by one replay and then shown from a cache, one per step, while the
   * machine stays put. `settle()` moves the machine to the frame last shown before play resumes.
   * Returns the frame shown and its picture, or null when nothing older is kept.
   */
  rewindStep(m: Machine, target: number): { frame: number; picture: Uint32Array } | null {
    const now = this.pending >= 0 ? this.pending : m.frameNumber;
    const t = Math.min(now - 1, Math.max(target, this.earliest()));
    if (!Number.isFinite(t) || t < this.earliest() || t >= now) return null;
    const c = this.cache;
    if (!c || t < c.from || t >= c.from + c.pictures.length) {
      let k = this.keyframes.length - 1;
      while (k >= 0 && this.keyframes[k].frame >= t) k--;
      if (k < 0) return null;
      const key = this.keyframes[k];
      m.loadState(key.state);
      const pictures: Uint32Array[] = [];
      this.replay(m, key.frame, t, () => pictures.push(m.frameBuffer.slice()));
      this.cache = { from: key.frame + 1, pictures };
    }
    this.pending = t;
    return { frame: t, picture: this.cache!.pictures[t - this.cache!.from] };
  }

  /** After rewind steps: put the machine at the frame last shown and forget the future. -1: nothing to do. */
  settle(m: Machine): number {
    const t = this.pending;
    this.pending = -1;
    this.cache = null;
    if (t < 0) return -1;
    if (m.frameNumber === t) this.forgetAfter(t);
    else this.rewindTo(m, t);
    return t;
  }

  private pending = -1;
  private cache: { from: number; pictures: Uint32Array[] } | null = null;

  /** Runs frames `from`..`to - 1` → frame `to`, applying the logged inputs; `each` after every frame. */
  private replay(m: Machine, from: number, to: number, each?: () => void): void {
    let i = 0;
    while (i < this.changes.length && this.changes[i].frame < from) i++;
    for (let f = from; f < to; f++) {
      for (; i < this.changes.length && this.changes[i].frame === f; i++) {
        const c = this.changes[i];
        m.setInput(c.port, c.field, c.value);
      }
      m.runFrame();
      each?.();
    }
  }

  private forgetAfter(t: number): void {
    let k = this.keyframes.length;
    while (k > 0 && this.keyframes[k - 1].frame > t) k--;
    this.keyframes.length = k;
    // changes made after frame t was produced belong to the abandoned future
    this.changes = this.changes.filter((c) => c.frame < t);
  }

  /** Memory held by the keyframes, in bytes (docs/app.md quotes it for 30 s of Pac-Man). */
  bytes(): number {
    let n = 0;
    for (const k of this.keyframes) n += k.state.byteLength;
    return n + this.changes.length * 48;
  }

  /** Frames kept (how far back a rewind can go right now). */
  span(m: Machine): number {
    return this.keyframes.length ? m.frameNumber - this.earliest() + 1 : 0;
  }
}

/**
 * Run-ahead (RetroArch's latency hiding): after the real frames, save, run `frames` more with the same
 * inputs, show that picture, and load the save. The game's logic sees inputs as before; the player sees
 * their effect `frames` frames sooner. Audio and sample triggers come from the real frames only.
 * Returns the future picture (a copy), leaving the machine exactly where it was.
 */
export function runAhead(m: Machine, frames: number): Uint32Array {
  const state = m.saveState();
  for (let i = 0; i < frames; i++) {
    m.runFrame();
    m.sampleEvents?.();
  }
  const picture = m.frameBuffer.slice();
  m.loadState(state);
  return picture;
}

/**
 * An input recording: every change from power-on, with what is needed to replay it. Only real changes
 * are kept (each field starts at its default), so the script stays readable.
 */
export class InputRecorder {
  private changes: InputChange[] = [];
  private defaults = new Map<string, number>();
  private last = new Map<string, number>();
  active = false;

  /** `defaults`: each field's value at power-on, keyed `PORT\0FIELD` */
  start(defaults: Map<string, number>): void {
    this.changes = [];
    this.defaults = new Map(defaults);
    this.last = new Map(defaults);
    this.active = true;
  }

  input(frame: number, port: string, field: string, value: number): void {
    if (!this.active) return;
    const key = `${port}\u0000${field}`;
    if (this.last.get(key) === value) return;
    this.last.set(key, value);
    this.changes.push({ frame, port, field, value });
  }

  /** Drop what was recorded after frame `t` was produced (the player rewound to it). */
  truncate(t: number): void {
    this.changes = this.changes.filter((c) => c.frame < t);
    this.last = new Map(this.defaults);
    for (const c of this.changes) this.last.set(`${c.port}\u0000${c.field}`, c.value);
  }

  stop(): InputChange[] {
    this.active = false;
    return this.changes;
  }
}

/**
 * A recording as an input script for `arcade run --inputs` and MAME's oracle (one `FRAME PORT FIELD =
 * VALUE` line per change, in order). The header comments carry the set, the app version and the frame
 * count; the parser ignores them.
 */
export function formatRecording(changes: InputChange[], meta: { set: string; appVersion: string; frames: number }): string {
  const lines = [
    '# Arcade input recording (input-script format: FRAME PORT FIELD = VALUE, applied after frame FRAME)',
    `# set: ${meta.set}`,
    `# app: ${meta.appVersion}`,
    `# frames: ${meta.frames}`,
    `# replay: npx arcade run ${meta.set} --frames ${meta.frames} --inputs THIS_FILE`,
  ];
  for (const c of changes) lines.push(`${c.frame} ${c.port} ${c.field} = ${c.value}`);
  return `${lines.join('\n')}\n`;
}

/** The set and frame count a recording's header names (null when absent: any script can be played). */
export function recordingMeta(text: string): { set: string | null; frames: number | null } {
  const set = /^#\s*set:\s*(\S+)/m.exec(text)?.[1] ?? null;
  const frames = /^#\s*frames:\s*(\d+)/m.exec(text)?.[1];
  return { set, frames: frames ? Number(frames) : null };
}
