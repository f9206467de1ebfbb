/**
 * Save states on a real board: play pacdemo with the golden input script, save at frame 300, run to 600;
 * then load the state into a fresh machine and run to 600 again: every frame, the RAM and the audio must be
 * identical, and save → load → save must give identical bytes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInputScript } from '../../src/core/input';
import type { ArcadeMachine } from '../../src/core/machine';
import { homebrewMachine, playHashed } from '../support/homebrew-machine';
import { sealState } from '../../src/core/savestate';

const machine = (): ArcadeMachine => homebrewMachine('pacdemo');

const events = parseInputScript(readFileSync('homebrew/pacman/inputs-golden.txt', 'utf8'));

const play = (m: ArcadeMachine, from: number, to: number): string[] => playHashed(m, events, from, to);

describe('pacdemo save states', () => {
  it('save at 300, run to 600; load and run to 600 again: identical frames, RAM and audio', () => {
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
    // The set name follows the magic and version: change one letter of 'pacdemo'.
    const at = Buffer.from(fake).indexOf('pacdemo');
    fake[at] = 'q'.charCodeAt(0);
    sealState(fake); // a valid checksum: the set name itself is what is refused
    expect(() => a.loadState(fake)).toThrow(/for 'qacdemo', not 'pacdemo'/);
    expect(Buffer.from(a.saveState()).equals(Buffer.from(before))).toBe(true);
  });
});
