/**
 * Golden runs of our Pac-Man-hardware homebrew sets (pacdemo, pacstress) against MAME 0.251 recordings
 * made by tools/make-golden-<set>.sh: pixels identical at every snapshot, the five RAM ranges identical on
 * every frame, audio figures per frame within the tolerances of test/golden/pacdemo/README.md.
 */
import { expect } from 'vitest';
import { findGame } from '../../drivers/index';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';
import { runAgainstGolden, type RunRecord } from './golden';

export function pacmanMachine(set: string): ArcadeMachine {
  const manifests = loadManifests();
  const manifest = manifests.get(set)!;
  const { files, report } = loadSet(manifest, openSetSources(manifests, set, [HOMEBREW_DIR]));
  expect(report.status).toBe('good');
  return createMachine(findGame(set)!, { manifest, files }, { sampleRate: 48000 });
}

/** The oracle's -M ranges of make-golden-<set>.sh, read from our machine. */
function ranges(m: ArcadeMachine): Record<string, () => Uint8Array> {
  return {
    vram: () => m.memory('videoram'),
    cram: () => m.memory('colorram'),
    spr: () => m.memory('spriteram'),
    sprpos: () => m.memory('spriteram2'),
    ram: () => m.memory('workram'),
  };
}

/** Run `frames` frames of `set` with the input script (or none) and compare pixels and RAM with `dir`. */
export function checkPacmanRun(set: string, dir: string, script: string | null, frames: number): RunRecord {
  const m = pacmanMachine(set);
  return runAgainstGolden(m, dir, script, frames, ranges(m)).rec;
}
