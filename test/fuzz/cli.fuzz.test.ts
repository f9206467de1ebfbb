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
const emptyDir = join(tmp, 'empty');
mkdirSync(emptyDir);
const badScript = join(tmp, 'bad.txt');
writeFileSync(badScript, '0 DSW1 Lives = -1\n1e1 IN0 Coin 1 = 1\n');

/** Each command with the options it documents (so most cases get past option parsing to the values). */
const COMMANDS: Record<string, string[]> = {
  run: ['--frames', '--snap', '--snap-every', '--snapdir', '--wavwrite', '--samplerate', '--inputs', '--loadstate', '--savestate', '--rompath'],
  verifyroms: ['--rompath', '--manifests'],
  conformance: ['--vectors', '--filter', '--max-reported'],
  list: ['--json'],
  listxml: [],
  bench: ['--rompath', '--seconds'],
};
const STRAY = ['--bogus', '-x', '--', '--frames=', '--help', 'pacman', 'extra'];
const VALUES = ['2', '0', '-1', '0x10', '1e1', ' 12 ', '99999999999999999999', '1e12', '', 'abc', '1,2,999', 'pacdemo', 'pacman',
  fifo, loop, garbage, badState, badScript, '/dev/zero', '/nonexistent/x', tmp, join(tmp, 'out.sta'), emptyDir];

function randomArgs(next: () => number): string[] {
  const pick = <T>(a: T[]): T => a[(next() * a.length) | 0];
  const cmd = pick(['run', 'run', 'run', 'run', 'verifyroms', 'conformance', 'list', 'listxml', 'bench', 'nosuch']);
  const args = [cmd];
  if (cmd === 'run' || cmd === 'bench') args.push(pick(['pacdemo', 'pacdemo', 'pacdemo', 'pacman', 'nosuch']));
  if (cmd === 'conformance') args.push(pick(['z80', '6502', 'nosuch']));
  const options = COMMANDS[cmd] ?? [];
  for (let n = 1 + ((next() * 3) | 0); n > 0; n--) {
    if (options.length === 0 || next() < 0.15) { args.push(pick(STRAY)); continue; }
    args.push(pick(options), pick(VALUES));
  }
  // Keep every case short: a valid run is 3 frames, a benchmark 2 s, conformance only on the garbage folder.
  if (cmd === 'run' && !args.includes('--frames')) args.push('--frames', '3');
  if (cmd === 'bench' && !args.includes('--seconds')) args.push('--seconds', '2');
  if (cmd === 'conformance' && !args.includes('--vectors')) args.push('--vectors', garbage);
  return args;
}

describe('arcade with hostile arguments', () => {
  const next = rng(19);
  // The command lines issue #19 found (each hung, ran out of memory or ended in exit 70), then random ones.
  const found = [
    ['run', 'pacdemo', '--frames', '99999999999999999999'],
    ['run', 'pacdemo', '--loadstate', '/dev/zero'],
    ['run', 'pacdemo', '--inputs', fifo],
    ['run', 'pacdemo', '--samplerate', '1e12', '--frames', '3'],
    ['run', 'pacdemo', '--frames', '300', '--savestate', '/nonexistent/x/s.sta'],
    ['conformance', 'z80', '--vectors', garbage, '--max-reported', '5'],
  ];
  const cases = [...found, ...Array.from({ length: 4 }, () => randomArgs(next))];
  it.each(cases.map((c) => [c.join(' '), c]))('%s', (_label, args) => {
    // `timeout` kills arcade itself at 10 s (killing only /usr/bin/time would leave it running); GNU time
    // reports the peak RSS of the whole process tree it waited for.
    const r = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', 'timeout', '-s', 'KILL', '10', process.execPath, 'bin/arcade.mjs', ...(args as string[])],
      { encoding: 'utf8', timeout: 15_000, input: '' });
    expect(r.error).toBeUndefined();
    expect(r.status, 'finished within 10 s').not.toBe(137);
    expect([0, 1, 2]).toContain(r.status); // GNU time exits with the command's status
    const rss = Number(/peak-rss-kb (\d+)/.exec(r.stderr)?.[1]);
    expect(rss).toBeLessThan(300 * 1024);
    // what arcade itself printed (GNU time adds its own last lines)
    const err = r.stderr.replace(/(Command (exited with non-zero status|terminated by signal) \d+\n)?peak-rss-kb \d+\n?$/, '');
    expect(err).not.toMatch(/internal error|\n\s+at /);
    expect(err.trim().split('\n').length).toBeLessThanOrEqual(20); // a message, or the usage text
  }, 16_000);
  it('left no output where the path was refused', () => {
    expect(existsSync('/nonexistent/x')).toBe(false);
  });
});
