/**
 * Golden runs of our Pac-Man-hardware homebrew sets (pacdemo, pacstress) against MAME 0.251 recordings
 * made by tools/make-golden-<set>.sh: pixels identical at every snapshot, the five RAM ranges identical on
 * every frame, audio figures per frame within the tolerances of test/golden/pacdemo/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { findGame } from '../../drivers/index';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { parseInputScript, type InputEvent } from '../../src/core/input';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';
import { frameFigures, parseFigures } from '../../sound/namco-wsg/figures/audio-figures';
import { readTsv, recordRun, type RunRecord } from './golden';

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
  const events: InputEvent[] = script ? parseInputScript(readFileSync(script, 'utf8'), script) : [];
  const snaps = readTsv(join(dir, 'snapshots.tsv'));
  const rec = recordRun(m, events, frames, ranges(m), new Set(snaps.map((s) => Number(s.frame))));
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

/**
 * Audio: per-frame RMS within 10 % (at least `rmsFloor` apart allowed where notes start or stop) and, on
 * frames with one dominant tone (dominance < 0.75, RMS > 1000, pitch ≥ 120 Hz), pitch within 2 %;
 * frames of fewer than 700 samples (the WAV's short tail) are skipped. Returns the frames compared.
 */
export function checkAudioFigures(rec: RunRecord, dir: string, rmsFloor = 1000): { compared: number; pitched: number } {
  const want = parseFigures(readFileSync(join(dir, 'audio-figures.tsv'), 'utf8'));
  const bad: string[] = [];
  let compared = 0, pitched = 0;
  for (const w of want) {
    if (w.samples < 700 || w.frame > rec.audio.length) continue;
    const ours = frameFigures(rec.audio[w.frame - 1], 48000);
    compared++;
    const rmsTol = Math.max(0.1 * w.rms, rmsFloor);
    if (Math.abs(ours.rms - w.rms) > rmsTol) bad.push(`frame ${w.frame}: rms ${ours.rms.toFixed(0)} vs MAME ${w.rms.toFixed(0)}`);
    if (w.dominance < 0.75 && w.rms > 1000 && w.pitchHz >= 120) {
      pitched++;
      if (Math.abs(ours.pitchHz - w.pitchHz) > 0.02 * w.pitchHz) bad.push(`frame ${w.frame}: pitch ${ours.pitchHz.toFixed(1)} vs MAME ${w.pitchHz.toFixed(1)} Hz`);
    }
  }
  expect(bad.slice(0, 10)).toEqual([]);
  return { compared, pitched };
}
