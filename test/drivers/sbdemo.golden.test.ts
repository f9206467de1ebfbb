/**
 * sbdemo (our homebrew program on Snow Bros. hardware) against MAME 0.251: the golden files in
 * test/golden/sbdemo were recorded by tools/make-golden-sbdemo.sh with ../shared/oracle (command in its
 * README). Pixels must be identical at every snapshot frame, the 68000 work RAM, Z80 RAM, palette RAM and
 * Pandora sprite RAM identical on every frame, and the audio's per-frame RMS (within 10 %) and pitch
 * (within 2 %) must match the figures of MAME's WAV.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGame } from '../../drivers/index';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';
import type { KanekoPandora } from '../../video/kaneko-pandora/kaneko-pandora';
import { checkAudioFigures, runAgainstGolden } from '../support/golden';

const GOLDEN = join('test', 'golden', 'sbdemo');
const FRAMES = 600;

export function sbdemoMachine(): ArcadeMachine {
  const manifests = loadManifests();
  const manifest = manifests.get('sbdemo')!;
  const { files, report } = loadSet(manifest, openSetSources(manifests, 'sbdemo', [HOMEBREW_DIR]));
  expect(report.status).toBe('good');
  return createMachine(findGame('sbdemo')!, { manifest, files }, { sampleRate: 48000 });
}

/** The oracle's ranges: `spr` is read through the 68000 bus, where each sprite byte fills a whole word. */
function ranges(m: ArcadeMachine): Record<string, () => Uint8Array> {
  const pandora = m.devices.get('pandora') as KanekoPandora;
  const spr = new Uint8Array(0x2000);
  return {
    ram: () => m.memory('mainram'),
    zram: () => m.memory('soundram'),
    pal: () => m.memory('palette'),
    spr: () => {
      for (let i = 0; i < 0x1000; i++) spr[2 * i] = spr[2 * i + 1] = pandora.spriteram[i];
      return spr;
    },
  };
}

describe('sbdemo vs MAME 0.251 golden recording', () => {
  it(`${FRAMES} frames (joystick, three sound effects, flip screen): pixels, RAM and audio as MAME`, () => {
    const m = sbdemoMachine();
    const { rec } = runAgainstGolden(m, GOLDEN, 'homebrew/snowbros/inputs-golden.txt', FRAMES, ranges(m));
    // Audio: per-frame RMS within 10 % (at least 1000: note edges smear through MAME's resampler) and
    // pitch within 2 % where one pitch dominates (criteria of test/golden/pacdemo/README.md).
    const { compared, pitched } = checkAudioFigures(rec, GOLDEN);
    expect(compared).toBeGreaterThan(500);
    expect(pitched).toBeGreaterThan(50);
  });
});
