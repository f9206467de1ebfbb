/**
 * Save states on Centipede hardware (6502, POKEY mid-note, EAROM, banded video, trackball latches): play
 * cendemo with the golden input script, save at frame 300 (in a game, shots and noise sounding), run to 600;
 * then load the state into a fresh machine and run to 600 again: every frame, the RAM and the audio must be
 * identical, and save → load → save must give identical bytes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { homebrewMachine, playHashed } from '../support/homebrew-machine';
import { parseInputScript } from '../../src/core/input';
import type { ArcadeMachine } from '../../src/core/machine';
import { sealState } from '../../src/core/savestate';

const machine = (): ArcadeMachine => homebrewMachine('cendemo');

const events = parseInputScript(readFileSync('homebrew/centipede/inputs-golden.txt', 'utf8'));

const play = (m: ArcadeMachine, from: number, to: number): string[] => playHashed(m, events, from, to);

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
