// `arcade verifyroms` end to end: spawns bin/arcade.mjs as a user would and checks per-file reasons,
// verdict lines, exit codes and that no stack trace reaches the user.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesFrom, fakeSets, writeFolder, writeManifests, tempDirs } from '../fixtures/roms/make-sets';

const ROOT = resolve(__dirname, '..', '..');
const pacman = JSON.parse(readFileSync(join(ROOT, 'roms-manifest', 'pacman.json'), 'utf8')) as {
  roms: { name: string; size: number; crc32: string }[];
};

function arcade(...args: string[]) {
  return arcadeAs({}, ...args);
}

function arcadeAs(ids: { uid?: number; gid?: number }, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'arcade.mjs'), 'verifyroms', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ARCADE_DEBUG: '', ARCADE_ROMPATH: '' },
    ...ids,
  });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/internal error/);
}

const scratch = tempDirs('arcade-verifyroms-');
const tmp = () => scratch.make();
afterAll(() => scratch.cleanup());

describe('arcade verifyroms', () => {
  it('--rompath /nonexistent: every file NOT FOUND with size, CRC and where it looked; exit 1', () => {
    const r = arcade('pacman', '--rompath', '/nonexistent');
    expect(r.code).toBe(1);
    noStackTrace(r.out + r.err);
    expect(r.err.trim()).toBe('arcade verifyroms: rompath folder /nonexistent does not exist');
    const lines = r.out.trim().split('\n');
    const where = '/nonexistent/pacman/, /nonexistent/pacman.zip, /nonexistent/puckman/, /nonexistent/puckman.zip';
    expect(lines.slice(0, pacman.roms.length)).toEqual(
      pacman.roms.map((rom) => `pacman      : ${rom.name} (${rom.size} bytes, CRC ${rom.crc32}) - NOT FOUND (looked in ${where})`),
    );
    expect(lines.slice(pacman.roms.length)).toEqual(['romset pacman [puckman] is bad', '1 romset checked, 0 good or best available']);
  });

  it('a folder of wrong files: a reason per file, exit 1', () => {
    const d = tmp();
    const files = new Map<string, Uint8Array>([
      ['pacman.6e', bytesFrom(1, 4096)], // right size, wrong contents
      ['pacman.6f', bytesFrom(2, 100)], // wrong size
      ['README.txt', bytesFrom(3, 50)], // unrelated
    ]);
    writeFolder(join(d, 'pacman'), files);
    const r = arcade('pacman', '--rompath', d);
    expect(r.code).toBe(1);
    noStackTrace(r.out + r.err);
    expect(r.err).toBe('');
    const [e6, f6] = pacman.roms;
    expect(r.out).toMatch(new RegExp(`^pacman      : pacman\\.6e \\(4096 bytes, CRC ${e6.crc32}\\) - INCORRECT CHECKSUM: expected CRC\\(${e6.crc32}\\) SHA1\\([0-9a-f]{40}\\), found CRC\\([0-9a-f]{8}\\) SHA1\\([0-9a-f]{40}\\) in ${d}/pacman/$`, 'm'));
    expect(r.out).toContain(`pacman      : pacman.6f (4096 bytes, CRC ${f6.crc32}) - INCORRECT LENGTH: 100 bytes in ${d}/pacman/\n`);
    expect(r.out).toContain(`pacman      : pacman.6h (4096 bytes, CRC bcdd1beb) - NOT FOUND (looked in ${d}/pacman/, ${d}/pacman.zip, ${d}/puckman/, ${d}/puckman.zip)\n`);
    expect(r.out.match(/NOT FOUND/g)).toHaveLength(8);
    expect(r.out).toMatch(/romset pacman \[puckman\] is bad\n1 romset checked, 0 good or best available\n$/);
  });

  it('a damaged parent zip: one line naming it, the set is bad, exit 1', () => {
    const d = tmp();
    writeFileSync(join(d, 'puckman.zip'), bytesFrom(9, 3000));
    const r = arcade('pacman', '--rompath', d);
    expect(r.code).toBe(1);
    noStackTrace(r.out + r.err);
    expect(r.out).toBe(
      `pacman      : ${d}/puckman.zip: not a readable zip file (invalid zip data); the file is damaged, truncated or not a zip\n` +
        'romset pacman [puckman] is bad\n1 romset checked, 0 good or best available\n',
    );
  });

  it('a file that cannot be read (permission denied): one line naming it, the set is bad, exit 1', () => {
    const d = tmp();
    const m = tmp();
    const sets = fakeSets();
    writeManifests(m, [sets.parent]);
    writeFolder(join(d, 'fakepar'), sets.files.fakepar);
    chmodSync(join(d, 'fakepar', 'a.bin'), 0o000);
    for (const p of [d, m, join(d, 'fakepar')]) chmodSync(p, 0o755);
    // root reads any file, so as root the command runs as "nobody" for the permission check to apply
    const ids = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = arcadeAs(ids, 'fakepar', '--rompath', d, '--manifests', m);
    noStackTrace(r.out + r.err);
    expect(r.out).toBe(`fakepar     : cannot read ${d}/fakepar/a.bin: permission denied\nromset fakepar is bad\n1 romset checked, 0 good or best available\n`);
    expect(r.code).toBe(1);
  });

  it('good and best-available sets exit 0 (fake sets from our own bytes, via --manifests)', () => {
    const d = tmp();
    const m = tmp();
    const sets = fakeSets();
    const clone = { ...sets.clone, roms: sets.clone.roms.map((r, i) => (i === 0 ? { ...r, status: 'baddump' } : r)) };
    writeManifests(m, [sets.parent, clone as never]);
    writeFileSync(join(d, 'fakepar.zip'), zipSync(Object.fromEntries(sets.files.fakepar)));
    mkdirSync(join(d, 'fakeclo'));
    writeFileSync(join(d, 'fakeclo', 'c.bin'), sets.files.fakeclo.get('c.bin')!);
    const r = arcade('--rompath', d, '--manifests', m);
    noStackTrace(r.out + r.err);
    expect(r.out).toBe(
      `fakeclo     : c.bin (1024 bytes, CRC ${sets.clone.roms[0].crc32}) - NEEDS REDUMP (a known bad dump; found in ${d}/fakeclo/)\n` +
        'romset fakeclo [fakepar] is best available\nromset fakepar is good\n2 romsets checked, 2 good or best available\n',
    );
    expect(r.code).toBe(0);
  });

  it('--help shows the usage and explains a wrong checksum', () => {
    const r = arcade('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: arcade verifyroms \[SET…\] \[--rompath P\]/);
    expect(r.out).toContain('A wrong checksum means');
  });

  it('an unknown set or option is a usage error (exit 2), without a stack trace', () => {
    const a = arcade('nosuchset', '--rompath', '/nonexistent');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^arcade verifyroms: no manifest for nosuchset \(known sets: .*pacman, .*puckman/);
    noStackTrace(a.err);
    const b = arcade('pacman', '--romptah', '/x');
    expect(b.code).toBe(2);
    expect(b.err.trim()).toBe('arcade verifyroms: unknown option --romptah');
  });
});
