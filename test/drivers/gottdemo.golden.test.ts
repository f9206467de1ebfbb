/**
 * gottdemo (our homebrew program on Gottlieb GG-1 hardware with the rev. 1 sound board) against MAME 0.251
 * running the same ROMs as `mplanets`, and gottdemoq (the same program in Q*bert's ROM layout) as `qbert`
 * (Votrax board variant: its A/R line on the 6502's NMI): the golden files in test/golden/gottdemo[q] were
 * recorded by tools/make-golden-gottdemo.sh with ../shared/oracle (command in the README). Pixels must be
 * identical at every snapshot frame; battery RAM, work RAM, video, sprite, palette and character RAM and
 * the sound CPU's RAM identical on every frame; the audio's per-frame RMS within 10 % and pitch within 2 %
 * of MAME's WAV figures.
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
import { readTsv, recordRun, saveActual } from '../support/golden';

function machine(set: string): ArcadeMachine {
  const manifests = loadManifests();
  const manifest = manifests.get(set)!;
  const { files, report } = loadSet(manifest, openSetSources(manifests, set, [HOMEBREW_DIR]));
  expect(report.status).toBe('good');
  return createMachine(findGame(set)!, { manifest, files }, { sampleRate: 48000 });
}

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
  const m = machine(set);
  const events = parseInputScript(readFileSync(script, 'utf8'), script);
  const snaps = readTsv(join(golden, 'snapshots.tsv'));
  const rec = recordRun(m, events, frames, ranges(m), new Set(snaps.map((s) => Number(s.frame))));

  const pixelDiffs = snaps.filter((s) => rec.snapshots.get(Number(s.frame)) !== s.rgb_sha1).map((s) => `frame ${s.frame}`);
  if (pixelDiffs.length) saveActual(m, `${set}-last`);
  expect(pixelDiffs).toEqual([]);
  expect(snaps.length).toBe(snapCount);

  const memDiffs: string[] = [];
  let compared = 0;
  for (const row of readTsv(join(golden, 'memory.tsv'))) {
    const f = Number(row.frame);
    compared++;
    if (rec.memory.get(f)?.get(row.name) !== row.sha1) memDiffs.push(`frame ${f} ${row.name}`);
  }
  expect(memDiffs.slice(0, 10)).toEqual([]);
  expect(compared).toBe(frames * 7);

  // Audio: per-frame RMS within 10 % (at least 300 units where the level is small) and pitch within 2 %
  // where one tone dominates the frame (criteria of test/golden/gottdemo/README.md).
  const want = parseFigures(readFileSync(join(golden, 'audio-figures.tsv'), 'utf8'));
  const bad: string[] = [];
  let level = 0, pitched = 0;
  for (const w of want) {
    if (w.samples < 700 || w.frame > rec.audio.length) continue;
    const ours = frameFigures(rec.audio[w.frame - 1], 48000);
    level++;
    if (Math.abs(ours.rms - w.rms) > Math.max(0.1 * w.rms, 300)) bad.push(`frame ${w.frame}: rms ${ours.rms.toFixed(0)} vs MAME ${w.rms.toFixed(0)}`);
    if (w.dominance < 0.75 && w.peak > 1000 && w.pitchHz >= 120) {
      pitched++;
      if (Math.abs(ours.pitchHz - w.pitchHz) > 0.02 * w.pitchHz) bad.push(`frame ${w.frame}: pitch ${ours.pitchHz.toFixed(1)} vs MAME ${w.pitchHz.toFixed(1)} Hz`);
    }
  }
  expect(bad.slice(0, 10)).toEqual([]);
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
