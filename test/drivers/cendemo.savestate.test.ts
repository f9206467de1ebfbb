/**
 * Save states on Centipede hardware (6502, POKEY mid-note, EAROM, banded video, trackball latches): play
 * cendemo with the golden input script, save at frame 300 (in a game, shots and noise sounding), run to 600;
 * then load the state into a fresh machine and run to 600 again: every frame, the RAM and the audio must be
 * identical, and save → load → save must give identical bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findGame } from '../../drivers/index';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { parseInputScript } from '../../src/core/input';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';
import { sealState } from '../../src/core/savestate';

function machine(): ArcadeMachine {
  const manifests = loadManifests();
  const manifest = manifests.get('cendemo')!;
  const { files } = loadSet(manifest, openSetSources(manifests, 'cendemo', [HOMEBREW_DIR]));
  return createMachine(findGame('cendemo')!, { manifest, files });
}

const events = parseInputScript(readFileSync('homebrew/centipede/inputs-golden.txt', 'utf8'));

function play(m: ArcadeMachine, from: number, to: number): string[] {
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
    out.push(h.digest('hex'));
    apply(f);
  }
  return out;
}

describe('cendemo save states', () => {
  it('save at 300 (mid-game), run to 600 (game over, EAROM written); load and run to 600 again: identical frames, RAM and audio', () => {
    const a = machine();
    play(a, 0, 300);
    const state = a.saveState();
    const first = play(a, 300, 600);
    const b = machine();
    b.loadState(state);
    expect(b.frameNumber).toBe(300);
    expect(Buffer.from(b.saveState()).equals(Buffer.from(state))).toBe(true);
    const second = play(b, 300, 600);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(100); // the game moves: frames differ from each other
  });

  it('refuses a state of another set and leaves the machine untouched', () => {
    const a = machine();
    play(a, 0, 10);
    const before = a.saveState();
    const fake = before.slice();
    // The set name follows the magic and version: change one letter of 'cendemo'.
    const at = Buffer.from(fake).indexOf('cendemo');
    fake[at] = 'q'.charCodeAt(0);
    sealState(fake); // a valid checksum: the set name itself is what is refused
    expect(() => a.loadState(fake)).toThrow(/for 'qendemo', not 'cendemo'/);
    expect(Buffer.from(a.saveState()).equals(Buffer.from(before))).toBe(true);
  });
});
