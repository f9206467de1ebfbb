/**
 * sbdemo (our homebrew program on Snow Bros. hardware) against MAME 0.251: the golden files in
 * test/golden/sbdemo were recorded by tools/make-golden-sbdemo.sh with ../shared/oracle (command in its
 * README). Pixels must be identical at every snapshot frame, the 68000 work RAM, Z80 RAM, palette RAM and
 * Pandora sprite RAM identical on every frame, and the audio's per-frame RMS (within 10 %) and pitch
 * (within 2 %) must match the figures of MAME's WAV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGame } from '../../drivers/index';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { parseInputScript } from '../../src/core/input';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';
import { frameFigures, parseFigures } from '../../sound/namco-wsg/figures/audio-figures';
import type { KanekoPandora } from '../../video/kaneko-pandora/kaneko-pandora';
import { readTsv, recordRun } from '../support/golden';

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
    const script = 'homebrew/snowbros/inputs-golden.txt';
    const events = parseInputScript(readFileSync(script, 'utf8'), script);
    const snaps = readTsv(join(GOLDEN, 'snapshots.tsv'));
    const rec = recordRun(m, events, FRAMES, ranges(m), new Set(snaps.map((s) => Number(s.frame))));
    const pixelDiffs = snaps.filter((s) => rec.snapshots.get(Number(s.frame)) !== s.rgb_sha1).map((s) => `frame ${s.frame}`);
    expect(pixelDiffs).toEqual([]);
    const memDiffs: string[] = [];
    for (const row of readTsv(join(GOLDEN, 'memory.tsv'))) {
      const f = Number(row.frame);
      if (rec.memory.get(f)?.get(row.name) !== row.sha1) memDiffs.push(`frame ${f} ${row.name}`);
    }
    expect(memDiffs.slice(0, 10)).toEqual([]);
    // Audio: per-frame RMS within 10 % (at least 1000: note edges smear through MAME's resampler) and
    // pitch within 2 % where one pitch dominates (criteria of test/golden/pacdemo/README.md).
    const want = parseFigures(readFileSync(join(GOLDEN, 'audio-figures.tsv'), 'utf8'));
    const bad: string[] = [];
    let compared = 0, pitched = 0;
    for (const w of want) {
      if (w.samples < 700 || w.frame > rec.audio.length) continue;
      const ours = frameFigures(rec.audio[w.frame - 1], 48000);
      compared++;
      if (Math.abs(ours.rms - w.rms) > Math.max(0.1 * w.rms, 1000)) bad.push(`frame ${w.frame}: rms ${ours.rms.toFixed(0)} vs MAME ${w.rms.toFixed(0)}`);
      if (w.dominance < 0.75 && w.rms > 1000 && w.pitchHz >= 120) {
        pitched++;
        if (Math.abs(ours.pitchHz - w.pitchHz) > 0.02 * w.pitchHz) bad.push(`frame ${w.frame}: pitch ${ours.pitchHz.toFixed(1)} vs MAME ${w.pitchHz.toFixed(1)} Hz`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(500);
    expect(pitched).toBeGreaterThan(50);
  });
});
