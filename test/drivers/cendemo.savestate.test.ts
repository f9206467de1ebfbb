/**
 * Save states on Centipede hardware (6502, POKEY mid-note, EAROM, banded video, trackball latches): play
 * cendemo with the golden input script, save at frame 300 (in a game, shots and noise sounding), run to 600;
 * then load the state into a fresh machine and run to 600 again: every frame, the RAM and the audio must be
 * identical, and save → load → save must give identical bytes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectOtherSetRefused, homebrewMachine, playHashed, runAcrossLoad } from '../support/homebrew-machine';
import { parseInputScript } from '../../src/core/input';
import type { ArcadeMachine } from '../../src/core/machine';

const machine = (): ArcadeMachine => homebrewMachine('cendemo');

const events = parseInputScript(readFileSync('homebrew/centipede/inputs-golden.txt', 'utf8'));

const play = (m: ArcadeMachine, from: number, to: number): string[] => playHashed(m, events, from, to);

describe('cendemo save states', () => {
  it('save at 300 (mid-game), run to 600 (game over, EAROM written); load and run to 600 again: identical frames, RAM and audio', () => {
    const { first, second } = runAcrossLoad(machine, play, 300, 600);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(100); // the game moves: frames differ from each other
  });

  it('refuses a state of another set and leaves the machine untouched', () => {
    const a = machine();
    play(a, 0, 10);
    expectOtherSetRefused(a, 'cendemo');
  });
});
