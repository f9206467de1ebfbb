/** A machine for one of our homebrew sets, built from the ROMs in homebrew/ (what the app plays too). */
import { createHash, type Hash } from 'node:crypto';
import { expect } from 'vitest';
import { findGame } from '../../drivers/index';
import type { InputEvent } from '../../src/core/input';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';
import { sealState } from '../../src/core/savestate';

export function homebrewMachine(set: string): ArcadeMachine {
  const manifests = loadManifests();
  const manifest = manifests.get(set);
  const game = findGame(set);
  if (!manifest || !game) throw new Error(`no homebrew set '${set}'`);
  const { files } = loadSet(manifest, openSetSources(manifests, set, [HOMEBREW_DIR]));
  return createMachine(game, { manifest, files });
}

/**
 * Play frames `from`+1..`to` with an input script's events (the oracle's order: events of frame N after
 * frame N), returning one SHA-1 per frame over the picture, the frame's audio and every named memory,
 * plus whatever `more` adds (a board's device buffers). Save-state tests compare two such runs.
 */
export function playHashed(m: ArcadeMachine, events: readonly InputEvent[], from: number, to: number, more?: (h: Hash) => void): string[] {
  const out: string[] = [];
  const apply = (f: number) => { for (const e of events) if (e.frame === f) m.setInput(e.port, e.field, e.value); };
  if (from === 0) apply(0);
  for (let f = from + 1; f <= to; f++) {
    m.runFrame();
    const h = createHash('sha1');
    h.update(new Uint8Array(m.frameBuffer.buffer));
    const a = m.audio();
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    for (const name of m.memoryNames()) h.update(m.memory(name));
    more?.(h);
    out.push(h.digest('hex'));
    apply(f);
  }
  return out;
}

/** How a save-state test plays a machine: frames `from`+1..`to`, one hash per frame (see `playHashed`). */
export type HashedPlay = (m: ArcadeMachine, from: number, to: number) => string[];

/**
 * The save-state round trip every board's test makes: play a machine to `saveAt`, save (after `atSave`
 * checked the moment is the interesting one), play on to `to`; load the state into a fresh machine, which
 * must stand at `saveAt` and save the very same bytes again, and play it to `to` too. Returns both runs'
 * hashes for the test to compare.
 */
export function runAcrossLoad(fresh: () => ArcadeMachine, play: HashedPlay, saveAt: number, to: number,
  atSave?: (m: ArcadeMachine) => void): { first: string[]; second: string[] } {
  const a = fresh();
  play(a, 0, saveAt);
  atSave?.(a);
  const state = a.saveState();
  const first = play(a, saveAt, to);
  const b = fresh();
  b.loadState(state);
  expect(b.frameNumber).toBe(saveAt);
  expect(Buffer.from(b.saveState()).equals(Buffer.from(state))).toBe(true);
  return { first, second: play(b, saveAt, to) };
}

/**
 * A state of another set is refused, naming both sets, and leaves the machine untouched: one letter of
 * the set name (which follows the magic and version) is changed and the checksum made valid again, so the
 * name itself is what is refused.
 */
export function expectOtherSetRefused(m: ArcadeMachine, set: string): void {
  const before = m.saveState();
  const fake = before.slice();
  const letter = set[0] === 'q' ? 'z' : 'q';
  const other = `${letter}${set.slice(1)}`;
  fake[Buffer.from(fake).indexOf(set)] = letter.charCodeAt(0);
  sealState(fake);
  expect(() => m.loadState(fake)).toThrow(new RegExp(`for '${other}', not '${set}'`));
  expect(Buffer.from(m.saveState()).equals(Buffer.from(before))).toBe(true);
}
