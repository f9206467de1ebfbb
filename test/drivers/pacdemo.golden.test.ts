/**
 * pacdemo (our homebrew game on Pac-Man hardware) against MAME 0.251: the golden files in
 * test/golden/pacdemo were recorded by tools/make-golden-pacdemo.sh with ../shared/oracle (command in its
 * README). Pixels must be identical at every snapshot frame, RAM hashes identical on every frame, and
 * the audio's per-frame RMS (within 10 %) and pitch (within 2 %) must match MAME's WAV figures.
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
import { readTsv, recordRun } from '../support/golden';

const GOLDEN = join('test', 'golden', 'pacdemo');

function machine(): ArcadeMachine {
  const manifests = loadManifests();
  const manifest = manifests.get('pacdemo')!;
  const { files, report } = loadSet(manifest, openSetSources(manifests, 'pacdemo', [HOMEBREW_DIR]));
  expect(report.status).toBe('good');
  return createMachine(findGame('pacdemo')!, { manifest, files }, { sampleRate: 48000 });
}

function ranges(m: ArcadeMachine): Record<string, () => Uint8Array> {
  return {
    vram: () => m.memory('videoram'),
    cram: () => m.memory('colorram'),
    spr: () => m.memory('spriteram'),
    sprpos: () => m.memory('spriteram2'),
    ram: () => m.memory('workram'),
  };
}

function compareRun(dir: string, script: string, frames: number) {
  const m = machine();
  const events = parseInputScript(readFileSync(script, 'utf8'), script);
  const snaps = readTsv(join(dir, 'snapshots.tsv'));
  const rec = recordRun(m, events, frames, ranges(m), new Set(snaps.map((s) => Number(s.frame))));
  return { m, rec, snaps };
}

function checkRun(dir: string, script: string, frames: number) {
  const { rec, snaps } = compareRun(dir, script, frames);
  // Pixels: every snapshot identical.
  const pixelDiffs = snaps.filter((s) => rec.snapshots.get(Number(s.frame)) !== s.rgb_sha1).map((s) => `frame ${s.frame}`);
  expect(pixelDiffs).toEqual([]);
  // Memory: every range on every frame.
  const memDiffs: string[] = [];
  for (const row of readTsv(join(dir, 'memory.tsv'))) {
    const f = Number(row.frame);
    if (f > frames) continue;
    if (rec.memory.get(f)?.get(row.name) !== row.sha1) memDiffs.push(`frame ${f} ${row.name}`);
  }
  expect(memDiffs.slice(0, 10)).toEqual([]);
  return rec;
}

describe('pacdemo vs MAME 0.251 golden recording', () => {
  it('main run (600 frames: title, coins, start, play, death): pixels and RAM identical', () => {
    const rec = checkRun(GOLDEN, 'homebrew/pacman/inputs-golden.txt', 600);
    // Audio: per-frame RMS within 10 % and pitch within 2 % (criteria in test/golden/pacdemo/README.md).
    const want = parseFigures(readFileSync(join(GOLDEN, 'audio-figures.tsv'), 'utf8'));
    const bad: string[] = [];
    let compared = 0, pitched = 0;
    for (const w of want) {
      if (w.samples < 700 || w.frame > rec.audio.length) continue;
      const ours = frameFigures(rec.audio[w.frame - 1], 48000);
      compared++;
      const rmsTol = Math.max(0.1 * w.rms, 1000);
      if (Math.abs(ours.rms - w.rms) > rmsTol) bad.push(`frame ${w.frame}: rms ${ours.rms.toFixed(0)} vs MAME ${w.rms.toFixed(0)}`);
      if (w.dominance < 0.75 && w.rms > 1000 && w.pitchHz >= 120) {
        pitched++;
        if (Math.abs(ours.pitchHz - w.pitchHz) > 0.02 * w.pitchHz) bad.push(`frame ${w.frame}: pitch ${ours.pitchHz.toFixed(1)} vs MAME ${w.pitchHz.toFixed(1)} Hz`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(500);
    expect(pitched).toBeGreaterThan(50); // the run has real sound to compare
  });

  it('cocktail run (flip screen, Free Play, 5 lives): pixels and RAM identical', () => {
    checkRun(join(GOLDEN, 'cocktail'), 'homebrew/pacman/inputs-cocktail.txt', 300);
  });
});
