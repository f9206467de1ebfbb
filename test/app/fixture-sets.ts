/** Two tiny fake sets (a parent and its clone) built from our own bytes, and temp folders, for app tests. */
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { RomManifest } from '../../src/shared/roms-bridge';
import { crc32, crcHex, sha1Hex } from '../../src/core/roms/hash';

/** A fresh temp folder, removed after the test. */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

export const rom = (seed: number, size: number): Uint8Array => new Uint8Array(size).map((_, i) => (i * seed + 7) & 0xff);
export const A = rom(3, 64), B = rom(5, 32), C = rom(11, 16);
export const entry = (name: string, data: Uint8Array, extra: Partial<RomManifest['roms'][0]> = {}) =>
  ({ name, size: data.length, crc32: crcHex(crc32(data)), sha1: sha1Hex(data), region: 'maincpu', offset: 0, ...extra });
export const PARENT: RomManifest = { name: 'parent', title: 'Parent', year: '1980', maker: 'X', driver: 'd', roms: [entry('a.bin', A), entry('b.bin', B)] };
export const CLONE: RomManifest = { name: 'clone', parent: 'parent', title: 'Clone', year: '1981', maker: 'X', driver: 'd', roms: [entry('a.bin', A, { merge: 'a.bin' }), entry('c.bin', C)] };
export const SETS = new Map([[PARENT.name, PARENT], [CLONE.name, CLONE]]);
