/**
 * The committed gottdemo ROM set agrees with its manifest, has exactly the file names, sizes, regions and
 * offsets of MAME's `mplanets` set (roms-manifest/mplanets.json, checked against mame -listxml), is
 * byte-for-byte what homebrew/gottlieb/build.sh makes from the sources (nasm + ca65/ld65 + python3), and
 * is the set the golden files were recorded with (the oracle's manifest lists the ROM hashes MAME loaded).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
interface RomEntry { name: string; size: number; crc32: string; sha1: string; region: string; offset: number }
const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));

describe('gottdemo ROM set', () => {
  const demo = read('roms-manifest/gottdemo.json') as { name: string; driver: string; homebrew: boolean; maker: string; roms: RomEntry[] };
  const real = read('roms-manifest/mplanets.json') as { roms: RomEntry[] };

  it("uses the mplanets set's file names, sizes, regions and offsets", () => {
    expect(demo).toMatchObject({ name: 'gottdemo', driver: 'gottlieb', homebrew: true, maker: 'Arcade project (homebrew)' });
    const shape = (r: RomEntry) => [r.name, r.size, r.region, r.offset];
    expect(demo.roms.map(shape)).toEqual(real.roms.map(shape));
  });

  it('manifest hashes match the committed files', () => {
    for (const r of demo.roms) {
      const data = readFileSync(join(ROOT, 'homebrew', 'gottdemo', r.name));
      expect(data.length, r.name).toBe(r.size);
      expect((crc32(data) >>> 0).toString(16).padStart(8, '0'), r.name).toBe(r.crc32);
      expect(createHash('sha1').update(data).digest('hex'), r.name).toBe(r.sha1);
    }
  });

  it('the sources build exactly the committed files (nasm, ca65/ld65, python3)', () => {
    const out = mkdtempSync(join(tmpdir(), 'gottdemo-'));
    try {
      execFileSync(join(ROOT, 'homebrew', 'gottlieb', 'build.sh'), [out], { stdio: 'pipe' });
      for (const r of demo.roms) {
        expect(readFileSync(join(out, r.name)).equals(readFileSync(join(ROOT, 'homebrew', 'gottdemo', r.name))), r.name).toBe(true);
      }
      const q = read('roms-manifest/gottdemoq.json') as { roms: RomEntry[] };
      const qbert = read('roms-manifest/qbert.json') as { roms: RomEntry[] };
      const shape = (r: RomEntry) => [r.name, r.size, r.region, r.offset];
      expect(q.roms.map(shape)).toEqual(qbert.roms.map(shape)); // Q*bert's layout (the Votrax ROM is a device ROM)
      for (const r of q.roms) {
        const built = readFileSync(join(`${out}q`, r.name));
        expect(built.equals(readFileSync(join(ROOT, 'homebrew', 'gottdemoq', r.name))), r.name).toBe(true);
        expect(createHash('sha1').update(built).digest('hex'), r.name).toBe(r.sha1);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(`${out}q`, { recursive: true, force: true });
    }
  });

  it('the golden run was recorded with these files', () => {
    const m = read('test/golden/gottdemo/manifest.json') as { rom_files: { file: string; sha1: string }[] };
    const recorded = Object.fromEntries(m.rom_files.map((f) => [f.file, f.sha1]));
    for (const r of demo.roms) expect(recorded[r.name], r.name).toBe(r.sha1);
  });
});
