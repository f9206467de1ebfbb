/**
 * `arcade run --trace`: the instruction trace of the homebrew Pac-Man set equals MAME 0.251's own `trace`
 * of the same ROMs, inputs and frames line for line (600 frames, 865,370 lines including MAME's
 * "(loops for N instructions)" lines; golden recorded by tools/make-golden-trace.sh). That a shorter run
 * ends where MAME's frames end is checked in session.test.ts (the console's trace of 3 frames).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'arcade-trace-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function arcade(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/arcade.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The first line where two traces differ, with a little context, or null when equal. */
function firstDifference(want: string[], got: string[]): string | null {
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    if (want[i] !== got[i]) return `line ${i + 1}: MAME '${want[i]}', ours '${got[i]}' (after '${want[i - 1]}')`;
  }
  return null;
}

describe('arcade run --trace', () => {
  it("pacdemo's main CPU trace over 600 frames equals MAME's, line for line", () => {
    const want = gunzipSync(readFileSync('test/debug/golden/pacdemo-maincpu.tr.gz')).toString('utf8').split('\n');
    expect(want.length).toBeGreaterThan(800_000);
    const out = join(tmp, 'main.tr');
    const r = arcade('run', 'pacdemo', '--rompath', 'homebrew', '--frames', '600', '--inputs', 'homebrew/pacman/inputs-golden.txt', '--trace', `maincpu=${out}`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const got = readFileSync(out, 'utf8').split('\n');
    expect(firstDifference(want, got)).toBeNull();
  });

  it('refuses an unknown CPU tag or a bad spec with one clear line', () => {
    const a = arcade('run', 'pacdemo', '--rompath', 'homebrew', '--frames', '1', '--trace', `nocpu=${join(tmp, 'x.tr')}`);
    expect(a.code).not.toBe(0);
    expect(a.err).toMatch(/no CPU 'nocpu' \(have: maincpu\)/);
    const b = arcade('run', 'pacdemo', '--rompath', 'homebrew', '--frames', '1', '--trace', 'maincpu');
    expect(b.code).not.toBe(0);
    expect(b.err).toMatch(/is not TAG=FILE/);
  });
});
