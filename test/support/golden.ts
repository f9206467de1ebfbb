/**
 * Comparing a run of ours with a MAME oracle recording (../shared/oracle/README.md, "Outputs"):
 * snapshot pixels (`rgb_sha1` of "WxH:" + RGB rows), memory hashes per frame, audio figures per frame.
 * On a snapshot mismatch the actual frame is written to test-results/golden/ for inspection.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { framePng } from '../../src/cli/commands/run';
import { parseInputScript, type InputEvent } from '../../src/core/input';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { findGame } from '../../drivers/index';
import { loadManifests } from '../../src/core/roms/rompath-node';
import { frameFigures, parseFigures } from '../../sound/namco-wsg/figures/audio-figures';

export function rgbSha1(fb: Uint32Array, width: number, height: number): string {
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const c = fb[i];
    rgb[i * 3] = c & 0xff;
    rgb[i * 3 + 1] = (c >>> 8) & 0xff;
    rgb[i * 3 + 2] = (c >>> 16) & 0xff;
  }
  return createHash('sha1').update(`${width}x${height}:`).update(rgb).digest('hex');
}

export function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])));
}

export interface RunRecord {
  /** frame → name → sha1 */
  memory: Map<number, Map<string, string>>;
  snapshots: Map<number, string>;
  /** per frame, our audio in 16-bit units (left channel) */
  audio: Float32Array[];
}

/** Run `frames` frames applying `events` the oracle's way; record memory hashes of `ranges` every frame. */
export function recordRun(m: ArcadeMachine, events: InputEvent[], frames: number, ranges: Record<string, () => Uint8Array>, snapFrames: Set<number>): RunRecord {
  const rec: RunRecord = { memory: new Map(), snapshots: new Map(), audio: [] };
  const apply = (f: number) => { for (const e of events) if (e.frame === f) m.setInput(e.port, e.field, e.value); };
  apply(0);
  for (let f = 1; f <= frames; f++) {
    m.runFrame();
    const hashes = new Map<string, string>();
    for (const [name, get] of Object.entries(ranges)) hashes.set(name, createHash('sha1').update(get()).digest('hex'));
    rec.memory.set(f, hashes);
    if (snapFrames.has(f)) rec.snapshots.set(f, rgbSha1(m.frameBuffer, m.info.width, m.info.height));
    const a = m.audio(), ch = m.audioChannels;
    const mono = new Float32Array(a.length / ch);
    for (let i = 0; i < mono.length; i++) mono[i] = a[i * ch] * 32768;
    rec.audio.push(mono);
    apply(f);
  }
  return rec;
}

/**
 * Play `frames` frames of `m` with an input script (or none) the oracle's way and compare with the golden
 * folder `dir`: the pixels of every snapshot in snapshots.tsv and every row of memory.tsv (the oracle's
 * ranges, read from our machine by `ranges`) must be identical. `onPixelDiff` runs before a pixel
 * mismatch fails the test (e.g. to save the frame). Returns the run and how many snapshots and memory
 * rows were compared, for the caller to check against the recording's size.
 */
export function runAgainstGolden(m: ArcadeMachine, dir: string, script: string | null, frames: number,
  ranges: Record<string, () => Uint8Array>, onPixelDiff?: () => void): { rec: RunRecord; snapshots: number; memoryRows: number } {
  const events: InputEvent[] = script ? parseInputScript(readFileSync(script, 'utf8'), script) : [];
  const snaps = readTsv(join(dir, 'snapshots.tsv'));
  const rec = recordRun(m, events, frames, ranges, new Set(snaps.map((s) => Number(s.frame))));
  const pixelDiffs = snaps.filter((s) => rec.snapshots.get(Number(s.frame)) !== s.rgb_sha1).map((s) => `frame ${s.frame}`);
  if (pixelDiffs.length) onPixelDiff?.();
  expect(pixelDiffs).toEqual([]);
  const memDiffs: string[] = [];
  const rows = readTsv(join(dir, 'memory.tsv'));
  for (const row of rows) {
    const f = Number(row.frame);
    if (rec.memory.get(f)?.get(row.name) !== row.sha1) memDiffs.push(`frame ${f} ${row.name}`);
  }
  expect(memDiffs.slice(0, 10)).toEqual([]);
  return { rec, snapshots: snaps.length, memoryRows: rows.length };
}

export function saveActual(m: ArcadeMachine, name: string): string {
  const dir = join('test-results', 'golden');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  writeFileSync(path, framePng(m.frameBuffer, m.info.width, m.info.height));
  return path;
}

/**
 * A machine of driver set `game` running one of our test programs from test/fixtures/roms/NAME (files named
 * like the set's; checksums differ, as for any homebrew).
 */
export function fixtureMachine(game: string, fixture: string): ArcadeMachine {
  const manifest = loadManifests().get(game)!;
  const dir = join('test', 'fixtures', 'roms', fixture);
  const files = new Map(manifest.roms.map((r) => [r.name, new Uint8Array(readFileSync(join(dir, r.name)))]));
  return createMachine(findGame(game)!, { manifest, files });
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
