/**
 * Bad input on the command line (issue #19): every case gets one line naming the option or file and
 * what to do, exit 2 for bad usage and 1 for bad data, never "internal error" (exit 70), a hang or a
 * run whose output is lost at the end. Most cases call the `arcade` entry function in this process;
 * the ones that could block a process (FIFOs) or need another user (permissions) spawn `bin/arcade.mjs`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { pacdemoMachine } from '../support/pacdemo';

const tmp = mkdtempSync(join(tmpdir(), 'arcade-bad-'));
chmodSync(tmp, 0o755);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Result { code: number; out: string; err: string }

async function arcade(...argv: string[]): Promise<Result> {
  const out: string[] = [], err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); });
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => { err.push(a.join(' ')); });
  try {
    const code = await main(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

function spawnArcade(argv: string[], opts: { uid?: number; gid?: number } = {}): Result & { ms: number } {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['bin/arcade.mjs', ...argv], { encoding: 'utf8', timeout: 10_000, ...opts });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr, ms: Date.now() - t0 };
}

/** One plain line on stderr, the given exit code, no "internal error" and no stack trace. */
function plain(r: Result, code: number, message: RegExp): void {
  expect(r.err).not.toMatch(/internal error|\n\s+at /);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(message);
  expect(r.code).toBe(code);
}

describe('numbers and arguments', () => {
  it.each([['0x10'], ['1e1'], [' 12 '], ['12.0'], ['+5'], ['99999999999999999999'], ['=-1']])('--frames %j is a usage error', async (v) => {
    const args = v.startsWith('=') ? [`--frames${v}`] : ['--frames', v];
    plain(await arcade('run', 'pacdemo', ...args), 2, /--frames must be a whole number from 1 to 10000000/);
  });

  it('a stray flag and a second set name are usage errors, not ignored', async () => {
    plain(await arcade('run', 'pacdemo', '--frames', '2', '--fast'), 2, /unknown option --fast/);
    plain(await arcade('run', 'pacdemo', 'pacman', '--frames', '2'), 2, /unexpected argument 'pacman'/);
    plain(await arcade('list', 'extra'), 2, /unexpected argument 'extra'/);
    plain(await arcade('run', 'pacdemo', '--frames', '2', '--frames', '3'), 2, /--frames is given more than once/);
  });

  it('--snap beyond --frames is a usage error (it would write nothing and exit 0)', async () => {
    plain(await arcade('run', 'pacdemo', '--frames', '10', '--snap', '5,20', '--snapdir', join(tmp, 'snap1')), 2, /--snap 20: after the last frame \(--frames 10\)/);
  });

  it('--samplerate 1e12 and 10000000 are usage errors, not "Invalid typed array length"', async () => {
    plain(await arcade('run', 'pacdemo', '--samplerate', '1e12'), 2, /--samplerate must be a whole number from 8000 to 192000/);
    plain(await arcade('run', 'pacdemo', '--samplerate', '10000000'), 2, /--samplerate/);
  });

  it('--max-reported abc is a usage error', async () => {
    plain(await arcade('conformance', 'z80', '--max-reported', 'abc'), 2, /--max-reported must be a whole number/);
  });

  it('verifyroms --manifests <empty folder> is an error, not "0 romsets checked"', async () => {
    const empty = join(tmp, 'no-manifests');
    mkdirSync(empty);
    plain(await arcade('verifyroms', '--manifests', empty), 2, /holds no <set>\.json manifest/);
  });

  it('conformance --vectors on garbage files: a plain message, exit 1', async () => {
    const dir = join(tmp, 'vectors');
    mkdirSync(dir);
    writeFileSync(join(dir, '00.json.gz'), 'this is not gzip');
    writeFileSync(join(dir, '01.json'), '{"not": "vectors"}');
    plain(await arcade('conformance', 'z80', '--vectors', dir), 1, /not a folder of z80 conformance vectors/);
  });
});

describe('input scripts', () => {
  it('a DIP value outside the field mask fails before the run, printed as given', async () => {
    const script = join(tmp, 'dip.txt');
    writeFileSync(script, '0 DSW1 Lives = -1\n');
    plain(await arcade('run', 'pacdemo', '--inputs', script, '--frames', '2'), 2, /dip\.txt:1: DSW1 Lives: value -1 is not a setting/);
    writeFileSync(script, '500 DSW1 Lives = 0x100\n');
    const t0 = Date.now();
    plain(await arcade('run', 'pacdemo', '--inputs', script, '--frames', '600'), 2, /value 256 is not a setting/);
    expect(Date.now() - t0).toBeLessThan(3000); // refused before running 500 frames
  });

  it('values like 1e1 are not numbers in a script', async () => {
    const script = join(tmp, 'e.txt');
    writeFileSync(script, '10 IN0 Coin 1 = 1e1\n');
    plain(await arcade('run', 'pacdemo', '--inputs', script), 2, /e\.txt:1: value '1e1' is not an integer/);
  });
});

describe('save states through the CLI', () => {
  const state = pacdemoMachine().saveState();

  it('states truncated to 16..602 bytes: "damaged", exit 1, never exit 70', async () => {
    for (const n of [16, 17, 40, 100, 300, 602]) {
      const file = join(tmp, `cut${n}.sta`);
      writeFileSync(file, state.subarray(0, n));
      plain(await arcade('run', 'pacdemo', '--loadstate', file, '--frames', '2'), 1, new RegExp(`--loadstate ${file.replace(/[.]/g, '\\.')}: this save state is damaged`));
    }
  });

  it('/dev/zero and a folder are refused at once (not read until memory runs out)', async () => {
    plain(await arcade('run', 'pacdemo', '--loadstate', '/dev/zero'), 1, /--loadstate: \/dev\/zero is not a regular file/);
    plain(await arcade('run', 'pacdemo', '--inputs', tmp), 1, /--inputs: .* is not a regular file \(a folder\)/);
  });

  it('a FIFO for --loadstate or --inputs is refused at once, not waited on forever', () => {
    const fifo = join(tmp, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const opt of ['--loadstate', '--inputs']) {
      const r = spawnArcade(['run', 'pacdemo', opt, fifo, '--frames', '2']);
      plain(r, 1, new RegExp(`${opt}: .*fifo is not a regular file`));
    }
    const manifests = join(tmp, 'manifests-with-fifo');
    mkdirSync(manifests);
    expect(spawnSync('mkfifo', [join(manifests, 'x.json')]).status).toBe(0);
    plain(spawnArcade(['verifyroms', '--manifests', manifests]), 2, /x\.json: not a manifest file \(not a regular file\)/);
  });
});

describe('outputs are checked before the run', () => {
  it.each([
    ['--savestate', 'missing/x.sta', /--savestate .*missing\/x\.sta: the folder .* does not exist; create it first/],
    ['--wavwrite', 'missing/a.wav', /--wavwrite .*missing\/a\.wav: the folder .* does not exist; create it first/],
    ['--savestate', '.', /--savestate .*: this is a folder; give a file name/],
    ['--wavwrite', '.', /--wavwrite .*: this is a folder; give a file name/],
  ])('%s %s', async (opt, rel, message) => {
    const t0 = Date.now();
    plain(await arcade('run', 'pacdemo', '--frames', '3000', opt, join(tmp, rel)), 2, message);
    expect(Date.now() - t0).toBeLessThan(3000); // before the 3000 frames, not after
  });

  it('--snapdir onto a file', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    plain(await arcade('run', 'pacdemo', '--frames', '3000', '--snap', '1', '--snapdir', file), 2, /--snapdir .*a-file: cannot create the folder/);
  });

  it('an unwritable folder (as a user other than root)', () => {
    const ro = join(tmp, 'readonly');
    mkdirSync(ro, { mode: 0o555 });
    chmodSync(ro, 0o555);
    const ids = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnArcade(['run', 'pacdemo', '--frames', '3000', '--savestate', join(ro, 's.sta')], ids);
    plain(r, 2, /--savestate .*s\.sta: cannot write into .*readonly: permission denied/);
    expect(existsSync(join(ro, 's.sta'))).toBe(false);
  });
});

describe('rompath messages say what is wrong', () => {
  it('an unreadable rompath folder is "permission denied", not "10 files missing"', () => {
    const locked = join(tmp, 'locked');
    mkdirSync(locked, { mode: 0o000 });
    chmodSync(locked, 0o000);
    const ids = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnArcade(['run', 'pacman', '--rompath', locked, '--frames', '1'], ids);
    plain(r, 2, /locked: permission denied/);
    expect(r.err).not.toMatch(/missing/);
  });

  it('a symlink loop is "loops", not "does not exist"', async () => {
    const loop = join(tmp, 'loop');
    symlinkSync(loop, loop);
    const r = await arcade('run', 'pacman', '--rompath', loop, '--frames', '1');
    plain(r, 2, /loop: a symbolic link loops back on itself/);
    const v = await arcade('verifyroms', 'pacman', '--rompath', loop);
    expect(v.err + v.out).toMatch(/loops back on itself/);
    expect(v.err + v.out).not.toMatch(/does not exist|internal error/);
  });
});
