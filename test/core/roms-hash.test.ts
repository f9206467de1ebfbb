// CRC32 and SHA-1 of the ROM layer against node's own implementations (zlib, OpenSSL via node:crypto).
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crcHex, sha1Hex } from '../../src/core/roms/hash';
import { bytesFrom } from '../fixtures/roms/make-sets';

const te = new TextEncoder();

describe('crc32', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crcHex(crc32(te.encode('123456789')))).toBe('cbf43926');
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
  it('matches node:zlib for every length 0..300 and for large buffers', () => {
    for (let n = 0; n <= 300; n++) {
      const b = bytesFrom(n + 7, n);
      expect(crc32(b), `length ${n}`).toBe(zlibCrc32(b) >>> 0);
    }
    for (const n of [4096, 65_537, 1 << 20]) {
      const b = bytesFrom(n, n);
      expect(crc32(b)).toBe(zlibCrc32(b) >>> 0);
    }
  });
  it('is unsigned and zero-padded in hex', () => {
    // the check value has bit 31 set: a signed 32-bit result would be negative
    expect(crc32(te.encode('123456789'))).toBe(0xcbf43926);
    expect(crcHex(0x1234)).toBe('00001234');
    expect(crcHex(0xffffffff)).toBe('ffffffff');
  });
});

describe('sha1Hex', () => {
  const ref = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
  it('gives the FIPS 180 example digests', () => {
    expect(sha1Hex(te.encode('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex(new Uint8Array(0))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });
  it('matches node:crypto for every length 0..300 (all padding boundaries)', () => {
    for (let n = 0; n <= 300; n++) {
      const b = bytesFrom(n + 1000, n);
      expect(sha1Hex(b), `length ${n}`).toBe(ref(b));
    }
  });
  it('matches node:crypto on large buffers and on subarrays', () => {
    for (const n of [4096, 100_003, 1 << 20]) {
      const b = bytesFrom(n + 3, n);
      expect(sha1Hex(b)).toBe(ref(b));
    }
    const big = bytesFrom(5, 10_000);
    const sub = big.subarray(123, 9_876);
    expect(sha1Hex(sub)).toBe(ref(sub));
  });
});
