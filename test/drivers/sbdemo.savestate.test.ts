/**
 * Save states on the Snow Bros. board: play sbdemo with the golden input script, save at frame 200 (the
 * laser sweep is sounding), run to 300 (the jump blip, then the siren with its timer interrupts, tremolo
 * and vibrato); load the state into a fresh machine and run to 300 again. Every frame's picture, audio and RAM must be identical, and
 * save → load → save must give identical bytes. The state carries both CPUs, the YM3812 (registers,
 * envelopes, phases, timers), the Pandora chip's sprite RAM and frame buffer, and the latches.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { homebrewMachine, playHashed, runAcrossLoad } from '../support/homebrew-machine';
import { parseInputScript } from '../../src/core/input';
import type { ArcadeMachine } from '../../src/core/machine';
import type { KanekoPandora } from '../../video/kaneko-pandora/kaneko-pandora';

const machine = (): ArcadeMachine => homebrewMachine('sbdemo');

const events = parseInputScript(readFileSync('homebrew/snowbros/inputs-golden.txt', 'utf8'));

function play(m: ArcadeMachine, from: number, to: number): string[] {
  const pandora = m.devices.get('pandora') as KanekoPandora;
  return playHashed(m, events, from, to, (h) => { h.update(pandora.spriteram); h.update(new Uint8Array(pandora.buffer.pixels.buffer)); });
}

describe('sbdemo save states', () => {
  it('save at 200, run to 300; load and run to 300 again: identical frames, audio and RAM', () => {
    const { first, second } = runAcrossLoad(machine, play, 200, 300);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length); // every frame differs (scrolling wall, moving sprites)
  });
});
