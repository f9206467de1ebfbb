/**
 * gottdemo (our homebrew program on Gottlieb GG-1 hardware with the rev. 1 sound board) against MAME 0.251
 * running the same ROMs as `mplanets`, and gottdemoq (the same program in Q*bert's ROM layout) as `qbert`
 * (Votrax board variant: its A/R line on the 6502's NMI): the golden files in test/golden/gottdemo[q] were
 * recorded by tools/make-golden-gottdemo.sh with ../shared/oracle (command in the README). Pixels must be
 * identical at every snapshot frame; battery RAM, work RAM, video, sprite, palette and character RAM and
 * the sound CPU's RAM identical on every frame; the audio's per-frame RMS within 10 % and pitch within 2 %
 * of MAME's WAV figures.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArcadeMachine } from '../../src/core/machine';
import { checkAudioFigures, runAgainstGolden, saveActual } from '../support/golden';
import { homebrewMachine } from '../support/homebrew-machine';

/** The oracle's ranges (mem_layout.tsv) in our machine. */
function ranges(m: ArcadeMachine): Record<string, () => Uint8Array> {
  return {
    nvram: () => m.memory('nvram'),
    ram: () => m.memory('mainram'),
    vram: () => m.memory('videoram'),
    spr: () => m.memory('spriteram'),
    pal: () => m.memory('paletteram'),
    charram: () => m.memory('charram'),
    sndram: () => m.memory('audioram'),
  };
}

function checkGolden(set: string, script: string, frames: number, snapCount: number): void {
  const golden = join('test', 'golden', set);
  const m = homebrewMachine(set); // 48 kHz, the WAV's rate
  const { rec, snapshots, memoryRows } = runAgainstGolden(m, golden, script, frames, ranges(m), () => saveActual(m, `${set}-last`));
  expect(snapshots).toBe(snapCount);
  expect(memoryRows).toBe(frames * 7);

  // Audio: per-frame RMS within 10 % (at least 300 units apart allowed) and pitch within 2 % where one tone
  // dominates the frame (criteria of test/golden/gottdemo/README.md).
  const { compared: level, pitched } = checkAudioFigures(rec, golden, 300);
  expect(level).toBeGreaterThan(frames - 50);
  expect(pitched).toBeGreaterThan(frames / 12); // the run has tonal sound to compare
}

describe('gottdemo vs MAME 0.251 golden recordings', () => {
  it('mplanets hardware, 600 frames with coins, start, joystick, buttons, flips and dial: pixels, RAM of both CPUs, audio', () => {
    checkGolden('gottdemo', 'homebrew/gottlieb/inputs-golden.txt', 600, 11);
  }, 60_000);

  it('qbert hardware (Votrax board, ROM at 0xa000), 300 frames: pixels, RAM of both CPUs, audio', () => {
    checkGolden('gottdemoq', 'homebrew/gottlieb/inputs-golden-qbert.txt', 300, 5);
  }, 60_000);
});
