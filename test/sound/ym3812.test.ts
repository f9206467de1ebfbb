/**
 * YM3812 against outside references:
 * - a MAME 0.251 recording of our test ROM (sound/ym3812/testrom: register writes paced by the chip's own
 *   timer 2 interrupt on the Snow Bros. board: a 440 Hz sine through the four waveforms, FM with feedback,
 *   additive connection, tremolo/vibrato, a slow KSR/KSL envelope, the five rhythm instruments, a
 *   nine-channel chord and its release), compared frame by frame: RMS within 10 % (or 1000 on the
 *   16-bit scale where a sound starts or stops) and pitch within 2 % where one pitch dominates;
 * - the sample rate MAME's stream uses: clock / 72 in whole Hz (3 MHz → 41666 Hz).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGame } from '../../drivers/index';
import { createMachine } from '../../src/core/machine';
import type { RomManifest } from '../../src/core/roms/manifest';
import { frameFigures, parseFigures } from '../../sound/namco-wsg/figures/audio-figures';
import { Ym3812 } from '../../sound/ym3812/ym3812';

const TESTROM = join(__dirname, '..', '..', 'sound', 'ym3812', 'testrom');

function testMachine() {
  const game = findGame('sbdemo')!;
  const files = new Map<string, Uint8Array>();
  const roms = [['sn6.bin', 'maincpu', 0], ['sn5.bin', 'maincpu', 1], ['sbros-4.29', 'soundcpu', 0], ['sbros-1.41', 'gfx1', 0]] as const;
  for (const [name] of roms) files.set(name, new Uint8Array(readFileSync(join(TESTROM, 'rom', name))));
  const manifest: RomManifest = {
    name: 'sbdemo', title: game.title, year: game.year, maker: game.maker, driver: game.driver, homebrew: true,
    roms: roms.map(([name, region, offset]) => ({ name, size: files.get(name)!.length, crc32: '', sha1: '', region, offset })),
  };
  return createMachine(game, { manifest, files }, { sampleRate: 48000 });
}

describe('YM3812 vs MAME 0.251 (sound/ym3812/testrom)', () => {
  it('per-frame level and pitch of the test script match MAME', () => {
    const want = parseFigures(readFileSync(join(TESTROM, 'mame', 'audio-figures.tsv'), 'utf8'));
    const m = testMachine();
    const bad: string[] = [];
    let loud = 0, pitched = 0;
    for (let f = 1; f <= 270; f++) {
      m.runFrame();
      const w = want[f - 1];
      if (w.frame !== f || w.samples < 700) continue;
      const a = m.audio();
      const mono = new Float32Array(a.length / m.audioChannels);
      for (let i = 0; i < mono.length; i++) mono[i] = a[i * m.audioChannels] * 32768;
      const ours = frameFigures(mono, 48000);
      if (w.rms > 1000) loud++;
      if (Math.abs(ours.rms - w.rms) > Math.max(0.1 * w.rms, 1000)) bad.push(`frame ${f}: rms ${ours.rms.toFixed(0)} vs MAME ${w.rms.toFixed(0)}`);
      if (w.dominance < 0.75 && w.rms > 1000 && w.pitchHz >= 120) {
        pitched++;
        if (Math.abs(ours.pitchHz - w.pitchHz) > 0.02 * w.pitchHz) bad.push(`frame ${f}: pitch ${ours.pitchHz.toFixed(1)} vs MAME ${w.pitchHz.toFixed(1)} Hz`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(loud).toBeGreaterThan(150);
    expect(pitched).toBeGreaterThan(80);
  });

  it('sample rate is clock / 72 in whole Hz', () => {
    const s = { now: () => 0, ticksPerSecond: 3_000_000, timer: () => ({ adjust() {}, stop() {} }) };
    const ym = new Ym3812('ym', 3_000_000, s as never);
    expect(ym.stream.sampleRate).toBe(41666);
  });
});
