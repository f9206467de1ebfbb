/**
 * Rewind, run-ahead and input recordings (src/renderer/src/emu/history.ts) on the real Pac-Man board with
 * the homebrew set and the golden input script (coins, start, a planned route: the picture changes every
 * frame). The reference is the first, plain run of the same machine: a rewound frame must equal the frame
 * the player saw, a run-ahead picture the frame that really came N frames later, and a recording replayed
 * through the CLI's own script parser the same frames.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInputScript } from '../../src/core/input';
import type { ArcadeMachine } from '../../src/core/machine';
import { homebrewMachine } from '../support/homebrew-machine';
import { FrameHistory, InputRecorder, formatRecording, recordingMeta, runAhead } from '../../src/renderer/src/emu/history';

const machine = (): ArcadeMachine => homebrewMachine('pacdemo');

const events = parseInputScript(readFileSync('homebrew/pacman/inputs-golden.txt', 'utf8'));
const hash = (fb: Uint32Array): string => createHash('sha1').update(new Uint8Array(fb.buffer, fb.byteOffset, fb.byteLength)).digest('hex');

/** Plays frames from..to-1 → frame to, the way the worker does: inputs of frame f, then the frame. */
function play(m: ArcadeMachine, to: number, onInput: (f: number, port: string, field: string, value: number) => void, after?: () => void): string[] {
  const pics: string[] = [];
  for (let f = m.frameNumber; f < to; f++) {
    for (const e of events) if (e.frame === f) { onInput(f, e.port, e.field, e.value); m.setInput(e.port, e.field, e.value); }
    m.runFrame();
    after?.();
    pics[m.frameNumber] = hash(m.frameBuffer);
  }
  return pics;
}

describe('rewind', () => {
  it('shows exactly the frame seen N frames earlier, and play continues as before', () => {
    const m = machine();
    const h = new FrameHistory({ maxFrames: 600, keyInterval: 8 });
    const seen = play(m, 420, (_f, p, fl, v) => h.input(m, p, fl, v), () => h.frameDone(m));
    expect(new Set(seen.slice(200, 420)).size).toBeGreaterThan(100); // the picture really moves
    for (const n of [1, 7, 8, 9, 61, 150]) {
      const from = m.frameNumber;
      expect(h.rewindTo(m, from - n)).toBe(from - n);
      expect(m.frameNumber).toBe(from - n);
      expect(hash(m.frameBuffer)).toBe(seen[from - n]);
    }
    // the machine continues from the rewound frame exactly as the first run did
    const again = play(m, 420, (_f, p, fl, v) => h.input(m, p, fl, v), () => h.frameDone(m));
    for (let f = m.frameNumber - 50; f <= 420; f++) expect(again[f]).toBe(seen[f]);
  });

  it('steps back frame by frame from a cache, then settles the machine where it stopped', () => {
    const m = machine();
    const h = new FrameHistory({ maxFrames: 600, keyInterval: 8 });
    const seen = play(m, 420, (_f, p, fl, v) => h.input(m, p, fl, v), () => h.frameDone(m));
    let loads = 0;
    const load = m.loadState.bind(m);
    m.loadState = (b: Uint8Array) => { loads++; load(b); };
    for (let f = 419; f >= 320; f--) {
      const s = h.rewindStep(m, f)!;
      expect(s.frame).toBe(f);
      expect(hash(s.picture)).toBe(seen[f]);
    }
    expect(loads).toBeLessThanOrEqual(Math.ceil(100 / 8) + 1); // one replay per keyframe interval
    expect(h.settle(m)).toBe(320);
    expect(m.frameNumber).toBe(320);
    expect(hash(m.frameBuffer)).toBe(seen[320]);
    const again = play(m, 420, (_f, p, fl, v) => h.input(m, p, fl, v), () => h.frameDone(m));
    for (let f = 321; f <= 420; f++) expect(again[f]).toBe(seen[f]);
  });

  it('reaches back only as far as it keeps, and never past power-on', () => {
    const m = machine();
    const h = new FrameHistory({ maxFrames: 60, keyInterval: 8 });
    play(m, 300, (_f, p, fl, v) => h.input(m, p, fl, v), () => h.frameDone(m));
    expect(h.span(m)).toBeGreaterThanOrEqual(60);
    expect(h.span(m)).toBeLessThan(60 + 8 + 1);
    const reached = h.rewindTo(m, 0);
    expect(reached).toBe(h.earliest());
    expect(reached).toBeGreaterThanOrEqual(300 - 60 - 8);
    expect(h.rewindTo(m, 0)).toBe(-1); // nothing older is kept now
    const off = new FrameHistory({ maxFrames: 0 });
    expect(off.rewindTo(m, 10)).toBe(-1);
  });
});

describe('run-ahead', () => {
  it('shows the frame that comes N frames later and leaves the machine untouched', () => {
    const ref = machine();
    const seen = play(ref, 330, () => {});
    const m = machine();
    play(m, 250, () => {});
    for (const n of [1, 2]) {
      const before = m.saveState();
      const pic = runAhead(m, n);
      expect(hash(pic)).toBe(seen[250 + n]);
      expect(Buffer.from(m.saveState()).equals(Buffer.from(before))).toBe(true);
    }
  });
});

describe('input recording', () => {
  it('is an input script that `arcade run --inputs` reads and that replays the same frames', () => {
    const m = machine();
    const rec = new InputRecorder();
    rec.start(new Map(m.info.inputs.map((f) => [`${f.port}\u0000${f.name}`, f.kind === 'digital' ? 0 : f.defaultValue])));
    const seen = play(m, 400, (f, p, fl, v) => rec.input(f, p, fl, v));
    const text = formatRecording(rec.stop(), { set: 'pacdemo', appVersion: '0.1.0', frames: 400 });
    expect(recordingMeta(text)).toEqual({ set: 'pacdemo', frames: 400 });
    const replayed = parseInputScript(text, 'recording');
    expect(replayed.length).toBe(events.filter((e) => e.frame < 400).length);
    expect(replayed.length).toBeGreaterThan(5);
    const r = machine();
    for (let f = 0; f < 400; f++) {
      for (const e of replayed) if (e.frame === f) r.setInput(e.port, e.field, e.value);
      r.runFrame();
      expect(hash(r.frameBuffer)).toBe(seen[f + 1]);
    }
  });
});

describe('recording metadata', () => {
  it('names the app version package.json gives', async () => {
    const { APP_VERSION } = await import('../../src/renderer/src/version');
    expect(APP_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('keeps a change made again after a rewind dropped the first one', () => {
    const rec = new InputRecorder();
    rec.start(new Map([['IN0\u0000Coin 1', 0]]));
    rec.input(5, 'IN0', 'Coin 1', 1);
    rec.input(6, 'IN0', 'Coin 1', 1); // no change: not recorded
    rec.truncate(3);
    rec.input(4, 'IN0', 'Coin 1', 1);
    expect(rec.stop()).toEqual([{ frame: 4, port: 'IN0', field: 'Coin 1', value: 1 }]);
  });
});
