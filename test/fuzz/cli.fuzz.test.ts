/**
 * Fuzz: hostile command lines through the real `arcade` entry point (spawned `bin/arcade.mjs`, fixed
 * seed, a modest count for 2 cores). Each run must end within 10 s with exit 0, 1 or 2, print no
 * "internal error" and no stack trace, and peak under 300 MB (measured by /usr/bin/time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rng } from '../support/pacdemo';

const tmp = mkdtempSync(join(tmpdir(), 'arcade-clifuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fifo = join(tmp, 'fifo');
spawnSync('mkfifo', [fifo]);
const loop = join(tmp, 'loop');
symlinkSync(loop, loop);
const garbage = join(tmp, 'garbage');
mkdirSync(garbage);
writeFileSync(join(garbage, '00.json.gz'), 'not gzip');
const badState = join(tmp, 'bad.sta');
writeFileSync(badState, 'ARCADE-STATE but not really');
const badScript = join(tmp, 'bad.txt');
writeFileSync(badScript, '0 DSW1 Lives = -1\n1e1 IN0 Coin 1 = 1\n');

const COMMANDS = ['run', 'run', 'run', 'verifyroms', 'list', 'listxml', 'conformance', 'bench', 'nosuch', '--help'];
const OPTIONS = ['--frames', '--snap', '--snap-every', '--snapdir', '--wavwrite', '--samplerate', '--inputs', '--loadstate', '--savestate',
  '--rompath', '--manifests', '--seconds', '--max-reported', '--vectors', '--json', '--bogus', '-x', '--', '--frames=', '--help'];
const VALUES = ['2', '0', '-1', '0x10', '1e1', ' 12 ', '99999999999999999999', '', 'abc', '1,2,999', 'pacdemo', 'pacman', 'puckman',
  fifo, loop, garbage, badState, badScript, '/dev/zero', '/nonexistent/x', tmp, join(tmp, 'out.sta')];

function randomArgs(next: () => number): string[] {
  const pick = <T>(a: T[]): T => a[(next() * a.length) | 0];
  const cmd = pick(COMMANDS);
  const args = [cmd];
  if (cmd === 'run' || cmd === 'bench') args.push(pick(['pacdemo', 'pacdemo', 'pacman', 'nosuch']));
  for (let n = (next() * 5) | 0; n > 0; n--) {
    args.push(pick(OPTIONS));
    if (next() < 0.8) args.push(pick(VALUES));
  }
  // Keep every case short: no long benchmark or full conformance run, no million-frame run.
  if (cmd === 'bench') args.push('--seconds', '2', '--frames');
  if (cmd === 'conformance') args.push('z80', '--vectors', garbage);
  if (cmd === 'run' && !args.includes('--frames')) args.push('--frames', '3');
  return args;
}

describe('arcade with hostile arguments', () => {
  const next = rng(1919);
  const cases = Array.from({ length: 10 }, () => randomArgs(next));
  it.each(cases.map((c) => [c.join(' '), c]))('%s', (_label, args) => {
    const r = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, 'bin/arcade.mjs', ...(args as string[])],
      { encoding: 'utf8', timeout: 10_000, input: '' });
    expect(r.error, 'finished within 10 s').toBeUndefined();
    expect([0, 1, 2]).toContain(r.status); // GNU time exits with the command's status
    const rss = Number(/peak-rss-kb (\d+)/.exec(r.stderr)?.[1]);
    expect(rss).toBeLessThan(300 * 1024);
    // what arcade itself printed (GNU time adds its own last lines)
    const err = r.stderr.replace(/(Command exited with non-zero status \d+\n)?peak-rss-kb \d+\n?$/, '');
    expect(err).not.toMatch(/internal error|\n\s+at /);
    expect(err.trim().split('\n').length).toBeLessThanOrEqual(20); // a message, or the usage text
  }, 12_000);
  it('left no output where the path was refused', () => {
    expect(existsSync('/nonexistent/x')).toBe(false);
  });
});
