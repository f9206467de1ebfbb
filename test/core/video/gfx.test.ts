import { describe, expect, it } from 'vitest';
import { SPRITE_LAYOUT, TILE_LAYOUT } from '../../../drivers/namco/pacman.gfx';
import { decodeGfx, frac, step, type GfxLayout } from '../../../src/core/video/gfx';

// Outside reference: ../shared/oracle/README.md, "Graphics ROM formats" (checked there against MAME
// 0.251 snapshots): in one byte, pixel k (0-3) has its high bit at 7-k and low bit at 3-k.
// Tiles: byte = (x < 4 ? 8 : 0) + y. Sprites: byte = [8, 16, 24, 0][x >> 2] + (y & 7) + (y >= 8 ? 32 : 0).

/** The driver's own layouts, checked here against those formats. */
const PACMAN_TILE_LAYOUT = TILE_LAYOUT;
const PACMAN_SPRITE_LAYOUT = SPRITE_LAYOUT;

/** Straightforward decoders from the README formulas. */
function pix(byte: number, k: number): number {
  return 2 * ((byte >> (7 - k)) & 1) + ((byte >> (3 - k)) & 1);
}
function refTile(rom: Uint8Array, n: number, x: number, y: number): number {
  return pix(rom[n * 16 + (x < 4 ? 8 : 0) + y], x & 3);
}
function refSprite(rom: Uint8Array, n: number, x: number, y: number): number {
  return pix(rom[n * 64 + [8, 16, 24, 0][x >> 2] + (y & 7) + (y >= 8 ? 32 : 0)], x & 3);
}

function randomRom(size: number, seed: number): Uint8Array {
  const rom = new Uint8Array(size);
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    rom[i] = s >>> 24;
  }
  return rom;
}

describe('decodeGfx', () => {
  it('decodes Pac-Man tiles exactly like the documented format (random ROM)', () => {
    const rom = randomRom(0x1000, 1);
    const g = decodeGfx(rom, 0, PACMAN_TILE_LAYOUT);
    expect([g.width, g.height, g.total, g.planes, g.granularity]).toEqual([8, 8, 256, 2, 4]);
    const bad: string[] = [];
    for (let n = 0; n < 256; n++) for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) {
      const want = refTile(rom, n, x, y), got = g.pixels[n * 64 + y * 8 + x];
      if (want !== got && bad.length < 5) bad.push(`tile ${n} (${x},${y}): ${got} != ${want}`);
    }
    expect(bad).toEqual([]);
  });

  it('decodes Pac-Man sprites exactly like the documented format (random ROM, at an offset)', () => {
    const rom = randomRom(0x2000, 2);
    const g = decodeGfx(rom, 0x1000, PACMAN_SPRITE_LAYOUT);
    expect(g.total).toBe(64);
    const bad: string[] = [];
    const sub = rom.subarray(0x1000);
    for (let n = 0; n < 64; n++) for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) {
      const want = refSprite(sub, n, x, y), got = g.pixels[n * 256 + y * 16 + x];
      if (want !== got && bad.length < 5) bad.push(`sprite ${n} (${x},${y}): ${got} != ${want}`);
    }
    expect(bad).toEqual([]);
  });

  it('records pen usage per element', () => {
    const rom = new Uint8Array(0x1000);
    // tile 1: one pixel (x=4,y=0 -> byte 16+0, k=0) with value 2 (high bit only) -> bit 7 of byte 16.
    rom[16] = 0x80;
    // tile 2: every pixel value 3.
    rom.fill(0xff, 32, 48);
    const g = decodeGfx(rom, 0, PACMAN_TILE_LAYOUT);
    expect(g.penUsage[0]).toBe(0b0001);
    expect(g.penUsage[1]).toBe(0b0101);
    expect(g.penUsage[2]).toBe(0b1000);
    expect(g.pixels[1 * 64 + 0 * 8 + 4]).toBe(2);
  });

  it('resolves RGN_FRAC plane offsets and totals (hand-worked: planes in two ROM halves)', () => {
    // 8x1 elements, 1 bit plane per half: plane 0 (MSB) in the second half, plane 1 in the first.
    const layout: GfxLayout = {
      width: 8, height: 1, total: frac(1, 2), planes: 2, planeOffset: [frac(1, 2), frac(0, 1)],
      xOffset: step(0, 1, 8), yOffset: [0], charIncrement: 8,
    };
    const g = decodeGfx(Uint8Array.of(0xf0, 0x0f, 0xcc, 0xaa), 0, layout);
    expect(g.total).toBe(2);
    // element 0: MSB from 0xcc = 11001100, LSB from 0xf0 = 11110000
    expect(Array.from(g.pixels.subarray(0, 8))).toEqual([3, 3, 1, 1, 2, 2, 0, 0]);
    // element 1: MSB from 0xaa = 10101010, LSB from 0x0f = 00001111
    expect(Array.from(g.pixels.subarray(8, 16))).toEqual([2, 0, 2, 0, 3, 1, 3, 1]);
  });

  it('rejects inconsistent layouts', () => {
    expect(() => decodeGfx(new Uint8Array(16), 0, { ...PACMAN_TILE_LAYOUT, planeOffset: [0] })).toThrow();
  });
});
