/**
 * ROM loading layouts, against MAME 0.251's measured loading (../shared/docs/DRIVER-TARGETS.md, Snow Bros.:
 * "sn6.bin offset 0x0: file bytes 0..7 at 0x0 0x2 0x4 … 0xe; sn5.bin offset 0x1: at 0x1 0x3 … 0xf",
 * measured with mame-romlayout.py on pattern-filled files).
 */
import { describe, expect, it } from 'vitest';
import { placeRom } from '../../src/core/machine';

describe('ROM layouts', () => {
  it('even/odd byte files of a 16-bit bus interleave (MAME ROM_LOAD16_BYTE), as measured on snowbros', () => {
    const region = new Uint8Array(0x40000);
    const even = Uint8Array.from({ length: 0x20000 }, (_, i) => i & 0xff);
    const odd = Uint8Array.from({ length: 0x20000 }, (_, i) => (i & 0xff) ^ 0x80);
    expect(placeRom(region, even, 0, { size: 0x40000, interleave: 2 })).toBeNull();
    expect(placeRom(region, odd, 1, { size: 0x40000, interleave: 2 })).toBeNull();
    for (let i = 0; i < 8; i++) {
      expect(region[2 * i]).toBe(even[i]);
      expect(region[2 * i + 1]).toBe(odd[i]);
    }
    expect(region[0x3fffe]).toBe(even[0x1ffff]);
    expect(region[0x3ffff]).toBe(odd[0x1ffff]);
  });

  it('word-swapped files and files that do not fit', () => {
    const region = new Uint8Array(8);
    expect(placeRom(region, Uint8Array.of(1, 2, 3, 4), 2, { size: 8, wordSwap: true })).toBeNull();
    expect([...region]).toEqual([0, 0, 2, 1, 4, 3, 0, 0]);
    expect(placeRom(region, new Uint8Array(4), 1, { size: 8, interleave: 2 })).toBeNull(); // last byte at 7
    expect(placeRom(region, new Uint8Array(5), 0, { size: 8, interleave: 2 })).toMatch(/does not fit region/);
    expect(placeRom(region, new Uint8Array(9), 0, { size: 8 })).toMatch(/does not fit region/);
  });
});
