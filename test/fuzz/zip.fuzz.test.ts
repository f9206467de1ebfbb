/**
 * Fuzz: ROM zips that are random bytes, truncated at every length, bit-flipped, or bombs (entries that
 * inflate far beyond what their header or the manifest says). Opening, listing, reading and auditing
 * must end in a result or a RomError (one line naming the file), never another error, and never grow
 * the process past the memory bound.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { auditSet } from '../../src/core/roms/audit';
import { RomError } from '../../src/core/roms/errors';
import { loadManifests } from '../../src/core/roms/rompath-node';
import { zipSource } from '../../src/core/roms/source';
import { rng } from '../support/pacdemo';

const manifest = loadManifests().get('pacman')!;
const RSS_LIMIT = 300 << 20;

/** Open, list, read every entry, audit: only RomErrors may come out. */
function exercise(bytes: Uint8Array): 'ok' | 'refused' {
  try {
    const src = zipSource('/roms/pacman.zip', bytes);
    for (const f of src.list()) {
      try { src.read(f.name); } catch (e) { if (!(e instanceof RomError)) throw e; }
    }
    auditSet(manifest, [src]);
    return 'ok';
  } catch (e) {
    if (!(e instanceof RomError)) throw new Error(`a ${(e as Error).name} escaped: ${(e as Error).message}`);
    expect(e.message).toMatch(/^\/roms\/pacman\.zip: /);
    return 'refused';
  } finally {
    expect(process.memoryUsage().rss).toBeLessThan(RSS_LIMIT);
  }
}

/** A small valid zip of pacman-named files with random contents. */
function sampleZip(seed: number): Uint8Array {
  const next = rng(seed);
  const files: Record<string, Uint8Array> = {};
  for (const r of manifest.roms.slice(0, 4)) {
    const b = new Uint8Array(r.size);
    for (let i = 0; i < b.length; i += 1 + ((next() * 16) | 0)) b[i] = (next() * 256) | 0;
    files[r.name] = b;
  }
  return zipSync(files, { level: 6 });
}

/** Patches the uncompressed size of every entry (local header +22, central directory +24). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50) v.setUint32(i + 22, size, true);
    else if (sig === 0x02014b50) v.setUint32(i + 24, size, true);
  }
  return out;
}

describe('ROM zips under damage', () => {
  it('random bytes (200 seeds), with and without a zip signature in front', () => {
    const next = rng(3);
    for (let i = 0; i < 200; i++) {
      const b = new Uint8Array((next() * 4096) | 0);
      for (let k = 0; k < b.length; k++) b[k] = (next() * 256) | 0;
      if (i % 2 && b.length > 4) b.set([0x50, 0x4b, 0x03, 0x04]);
      exercise(b);
    }
  }, 20_000);

  it('a zip truncated at every length', () => {
    const zip = sampleZip(4);
    for (let n = 0; n < zip.length; n += 7) exercise(zip.subarray(0, n));
  }, 20_000);

  it('300 random flips', () => {
    const zip = sampleZip(5);
    const next = rng(6);
    for (let i = 0; i < 300; i++) {
      const bad = zip.slice();
      bad[(next() * bad.length) | 0] ^= 1 << ((next() * 8) | 0);
      exercise(bad);
    }
  }, 20_000);

  it('bombs: entries truly 8 MiB each, and the same claiming 4096 bytes or 4 GiB', () => {
    const big = new Uint8Array(8 << 20);
    const honest = zipSync({ 'pacman.6e': big, 'pacman.6f': big, 'pacman.6h': big }, { level: 1 });
    expect(exercise(honest)).toBe('ok'); // INCORRECT LENGTH, never inflated
    // inflating stops at the claimed 4096 bytes: "the zip is damaged", the right size was a lie
    expect(exercise(lieAboutSizes(honest, 4096))).toBe('refused');
    expect(exercise(lieAboutSizes(honest, 0xffffffff))).toBe('refused');
  }, 20_000);
});
