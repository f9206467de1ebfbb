// `arcade verifyroms` against MAME 0.251's own -verifyroms on the same folders of wrong files (made from
// our own bytes): each file must get the same verdict (not found / wrong length / wrong checksum, with
// the same found length and CRC), and the set the same overall verdict. MAME is installed here and in
// CI; without it this fails unless ARCADE_NO_MAME=1.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesFrom, tempDirs, writeFolder } from '../fixtures/roms/make-sets';

const ROOT = resolve(__dirname, '..', '..');
const MAME = process.env.MAME ?? '/usr/games/mame';
const noMame = process.env.ARCADE_NO_MAME === '1';
const scratch = tempDirs('arcade-vs-mame-');
afterAll(() => scratch.cleanup());

interface Verdict { file: string; what: string; detail?: string }

/** MAME: `pacman      : pacman.6e (4096 bytes) - INCORRECT CHECKSUM:` + `   FOUND: CRC(b6fe797b)` */
function mameVerdicts(out: string): Verdict[] {
  const v: Verdict[] = [];
  for (const line of out.split('\n')) {
    const m = line.match(/^\w+\s+: (\S+) \(\d+ bytes\) - (NOT FOUND|INCORRECT CHECKSUM|INCORRECT LENGTH)(?:: (\d+) bytes)?/);
    if (m) v.push({ file: m[1], what: m[2], ...(m[3] ? { detail: m[3] } : {}) });
    const f = line.match(/^\s+FOUND: CRC\(([0-9a-f]{8})\)/);
    if (f) v[v.length - 1].detail = f[1];
  }
  return v;
}

/** ours: `pacman      : pacman.6e (4096 bytes, CRC c1e6ab10) - INCORRECT CHECKSUM: expected …, found CRC(b6fe797b) …` */
function ourVerdicts(out: string): Verdict[] {
  const v: Verdict[] = [];
  for (const line of out.split('\n')) {
    const m = line.match(/^\w+\s+: (\S+) \(\d+ bytes[^)]*\) - (NOT FOUND|INCORRECT CHECKSUM|INCORRECT LENGTH)(?:: (\d+) bytes)?(?:.*found CRC\(([0-9a-f]{8})\))?/);
    if (m) v.push({ file: m[1], what: m[2], ...(m[3] ?? m[4] ? { detail: m[3] ?? m[4] } : {}) });
  }
  return v;
}

describe('verifyroms agrees with MAME -verifyroms', () => {
  it.skipIf(noMame)('on folders and zips of wrong files for pacman and its parent', () => {
    expect(existsSync(MAME), `MAME not found at ${MAME} (ARCADE_NO_MAME=1 skips this test)`).toBe(true);
    const [r1, r2, home] = [0, 1, 2].map(() => scratch.make());
    writeFolder(join(r1, 'pacman'), new Map([['pacman.6e', bytesFrom(1, 4096)], ['pacman.6f', bytesFrom(2, 100)]]));
    writeFileSync(join(r1, 'pacman.zip'), zipSync({ 'pacman.6h': bytesFrom(3, 4096), 'pacman.6j': bytesFrom(4, 8192) }));
    writeFolder(join(r2, 'puckman'), new Map([['82s126.1m', bytesFrom(5, 256)], ['pm1_prg1.6e', bytesFrom(6, 2048)]]));
    writeFileSync(join(r2, 'puckman.zip'), zipSync({ 'pm1_chg1.5e': bytesFrom(7, 1000) }));
    const rompath = `${r1};${r2}`;

    const results: Record<string, { ours: Verdict[]; mame: Verdict[]; oursLine: string; mameLine: string }> = {};
    for (const set of ['pacman', 'puckman']) {
      const mame = spawnSync(MAME, ['-verifyroms', set, '-rompath', rompath], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: home } });
      const ours = spawnSync(process.execPath, [join(ROOT, 'bin', 'arcade.mjs'), 'verifyroms', set, '--rompath', rompath], { encoding: 'utf8', timeout: 60_000 });
      expect(ours.stderr).toBe('');
      const verdict = (s: string) => s.match(/^romset .*$/m)?.[0] ?? '(none)';
      results[set] = { ours: ourVerdicts(ours.stdout), mame: mameVerdicts(mame.stdout), oursLine: verdict(ours.stdout), mameLine: verdict(mame.stdout) };
      expect(ours.status).toBe(1);
    }
    for (const set of Object.keys(results)) {
      const r = results[set];
      expect(r.mame.length, `${set}: MAME printed no per-file lines`).toBeGreaterThan(0);
      expect(r.ours, set).toEqual(r.mame);
      expect(r.oursLine, set).toBe(r.mameLine);
    }
  });
});
