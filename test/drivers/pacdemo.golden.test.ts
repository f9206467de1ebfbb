/**
 * pacdemo (our homebrew game on Pac-Man hardware) against MAME 0.251: the golden files in
 * test/golden/pacdemo were recorded by tools/make-golden-pacdemo.sh with ../shared/oracle (command in its
 * README). Pixels must be identical at every snapshot frame, RAM hashes identical on every frame, and
 * the audio's per-frame RMS (within 10 %) and pitch (within 2 %) must match MAME's WAV figures.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAudioFigures } from '../support/golden';
import { checkPacmanRun } from '../support/pacman-golden';

const GOLDEN = join('test', 'golden', 'pacdemo');

describe('pacdemo vs MAME 0.251 golden recording', () => {
  it('main run (600 frames: title, coins, start, play, death): pixels and RAM identical', () => {
    const rec = checkPacmanRun('pacdemo', GOLDEN, 'homebrew/pacman/inputs-golden.txt', 600);
    // Audio: per-frame RMS within 10 % and pitch within 2 % (criteria in test/golden/pacdemo/README.md).
    const { compared, pitched } = checkAudioFigures(rec, GOLDEN);
    expect(compared).toBeGreaterThan(500);
    expect(pitched).toBeGreaterThan(50); // the run has real sound to compare
  });

  it('cocktail run (flip screen, Free Play, 5 lives): pixels and RAM identical', () => {
    checkPacmanRun('pacdemo', join(GOLDEN, 'cocktail'), 'homebrew/pacman/inputs-cocktail.txt', 300);
  });
});
