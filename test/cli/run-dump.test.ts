/**
 * `arcade run --dump NAME=SPEC` writes memory files in the oracle's spec forms that compare with MAME's:
 * after frame 300 of the pacdemo golden run, work RAM read through the Z80's space and video RAM by share
 * name hash exactly as MAME 0.251's dumps of the same frame (test/golden/pacdemo/memory.tsv, recorded with
 * `-M vram=share:videoram -M ram=cpu:maincpu/program/4c00-4fef`), and a region slice equals its ROM file
 * (manifest SHA-1). Bad specs are one clear line.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDump, parseDumpOption } from '../../src/cli/dump';
import { loadGame } from '../../src/cli/load-game';
import { readTsv } from '../support/golden';

const tmp = mkdtempSync(join(tmpdir(), 'arcade-dump-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function arcade(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/arcade.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const sha1 = (path: string) => createHash('sha1').update(readFileSync(path)).digest('hex');

describe('arcade run --dump', () => {
  it('dumps equal MAME\'s for the same frame (pacdemo frame 300)', () => {
    const r = arcade('run', 'pacdemo', '--rompath', 'homebrew', '--frames', '300', '--inputs', 'homebrew/pacman/inputs-golden.txt',
      '--nvram', join(tmp, 'nvram'), '--dumpdir', tmp,
      '--dump', 'ram=cpu:maincpu/program/4c00-4fef', '--dump', 'vram=share:videoram', '--dump', 'rom6f=region::maincpu/1000-1fff');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const mame = new Map(readTsv('test/golden/pacdemo/memory.tsv').filter((row) => row.frame === '300').map((row) => [row.name, row.sha1]));
    expect(sha1(join(tmp, 'ram.bin'))).toBe(mame.get('ram'));
    expect(sha1(join(tmp, 'vram.bin'))).toBe(mame.get('vram'));
    const manifest = JSON.parse(readFileSync('roms-manifest/pacdemo.json', 'utf8')) as { roms: { name: string; sha1: string }[] };
    expect(sha1(join(tmp, 'rom6f.bin'))).toBe(manifest.roms.find((f) => f.name === 'pacman.6f')!.sha1);
    expect(existsSync(join(tmp, 'nvram'))).toBe(false); // Pac-Man has no NVRAM: nothing is written
  });

  it('rejects bad specs before running, with one line', () => {
    const r = arcade('run', 'pacdemo', '--rompath', 'homebrew', '--frames', '1', '--nvram', join(tmp, 'nvram'), '--dump', 'x=share:nosuch');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^arcade: --dump x=share:nosuch: no share 'nosuch'$|no share 'nosuch'/);
    expect(r.err.trim().split('\n').length).toBe(1);
    const { machine } = loadGame('pacdemo', 'homebrew');
    for (const [spec, message] of [
      ['ram', /expected NAME=SPEC/],
      ['x=mem:foo', /must start with region:, share: or cpu:/],
      ['x=cpu:maincpu/program/zz-10', /'zz-10' is not a hex range/],
      ['x=cpu:soundcpu/program/0-10', /no address space 'soundcpu:program'/],
      ['x=share:nosuch', /no share 'nosuch'/],
      ['x=region:maincpu/0-1ffff', /has only 0x10000 bytes/],
    ] as const) {
      expect(() => checkDump(machine, parseDumpOption(spec))).toThrow(message);
    }
  });
});
