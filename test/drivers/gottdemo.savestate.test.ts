/**
 * Save states on the Gottlieb board (8088 main CPU, 6502 sound CPU, RIOT, DAC): play gottdemo with its
 * golden input script, save while a sound effect plays (the RIOT's timer interrupt armed, the 6502
 * between samples), run on; load the state into a fresh machine and run again: every frame's pixels,
 * audio and RAM must be identical, and save → load → save must give identical bytes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Riot6532 } from '../../src/core/devices/riot6532';
import { parseInputScript } from '../../src/core/input';
import type { ArcadeMachine } from '../../src/core/machine';
import { homebrewMachine, playHashed, runAcrossLoad } from '../support/homebrew-machine';

const machine = () => homebrewMachine('gottdemo');

const events = parseInputScript(readFileSync('homebrew/gottlieb/inputs-golden.txt', 'utf8'));

const play = (m: ArcadeMachine, from: number, to: number): string[] => playHashed(m, events, from, to);

describe('gottdemo save states (8088 + 6502 + RIOT)', () => {
  it('save during a sound effect at frame 245, run to 330; load and run again: identical frames, RAM and audio', () => {
    const { first, second } = runAcrossLoad(machine, play, 245, 330, (a) => {
      const riot = a.devices.get('r1sound:riot') as Riot6532;
      expect(riot.irqEnable & 0x80).toBe(0x80); // the sample clock's interrupt is armed
      expect(a.memory('audioram')[0]).not.toBe(0); // an effect is playing (mode ≠ 0)
    });
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(60);
  });
});
