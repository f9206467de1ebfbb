/**
 * `arcade run` end to end through the real command: snapshots equal MAME's (pixel SHA-1 from the golden
 * recording), save/load state through files, and bad input (damaged state, typo in a script, unknown set)
 * giving one clear line and a non-zero exit, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTsv, rgbSha1 } from '../support/golden';

const tmp = mkdtempSync(join(tmpdir(), 'arcade-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function arcade(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/arcade.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function pngSha1(path: string): string {
  const png = PNG.sync.read(readFileSync(path));
  const fb = new Uint32Array(png.width * png.height);
  for (let i = 0; i < fb.length; i++) fb[i] = png.data[i * 4] | (png.data[i * 4 + 1] << 8) | (png.data[i * 4 + 2] << 16) | 0xff000000;
  return rgbSha1(fb, png.width, png.height);
}

describe('arcade run', () => {
  const golden = new Map(readTsv('test/golden/pacdemo/snapshots.tsv').map((r) => [Number(r.frame), r.rgb_sha1]));

  it('writes snapshots equal to MAME\'s (pacdemo, golden input script)', () => {
    const snapdir = join(tmp, 'snaps');
    const r = arcade('run', 'pacdemo', '--rompath', 'homebrew', '--frames', '600', '--snap', '200,430,600', '--snapdir', snapdir,
      '--inputs', 'homebrew/pacman/inputs-golden.txt', '--wavwrite', join(tmp, 'a.wav'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of [200, 430, 600]) expect(pngSha1(join(snapdir, `frame_${String(f).padStart(6, '0')}.png`))).toBe(golden.get(f));
    const wav = readFileSync(join(tmp, 'a.wav'));
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(40)).toBe(Math.round((600 / 60.606061) * 48000) * 4); // 16-bit stereo, 9.9 s
  });

  it('continues from a saved state to the same frame', () => {
    const state = join(tmp, 's.sta');
    expect(arcade('run', 'pacdemo', '--frames', '300', '--savestate', state, '--inputs', 'homebrew/pacman/inputs-golden.txt').code).toBe(0);
    const snapdir = join(tmp, 'resumed');
    const r = arcade('run', 'pacdemo', '--loadstate', state, '--frames', '400', '--snap', '400', '--snapdir', snapdir, '--inputs', 'homebrew/pacman/inputs-golden.txt');
    expect(r.code).toBe(0);
    expect(pngSha1(join(snapdir, 'frame_000400.png'))).toBe(golden.get(400));
  });

  it('rejects bad input with one clear line', () => {
    const bad = join(tmp, 'bad.sta');
    writeFileSync(bad, 'not a state');
    const cases = [
      arcade('run', 'pacdemo', '--loadstate', bad),
      arcade('run', 'pacdemo', '--loadstate', join(tmp, 'missing.sta')),
      arcade('run', 'nosuchgame'),
      arcade('run', 'pacman', '--rompath', join(tmp, 'nowhere')),
      arcade('run', 'pacdemo', '--frames', 'x'),
    ];
    writeFileSync(join(tmp, 'typo.txt'), '10 IN0 Coin 9 = 1\n');
    cases.push(arcade('run', 'pacdemo', '--inputs', join(tmp, 'typo.txt')));
    for (const c of cases) {
      expect(c.code).not.toBe(0);
      expect(c.err).not.toMatch(/\n\s+at /);
      expect(c.err.trim().split('\n').length).toBeLessThanOrEqual(12);
    }
    expect(cases[0].err).toMatch(/not an Arcade save state/);
    expect(cases[2].err).toMatch(/unknown set 'nosuchgame'/);
    expect(cases[3].err).toMatch(/does not exist/);
    expect(cases[5].err).toMatch(/no field 'Coin 9'/);
  });
});
