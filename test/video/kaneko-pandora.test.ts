/**
 * Kaneko Pandora against the facts of MAME 0.251 `kaneko/kan_pand.cpp` and the Snow Bros. measurements in
 * ../shared/docs/DRIVER-TARGETS.md (the golden test of sbdemo checks the whole chip against MAME's pixels):
 * - the 8-bit hookup swaps address lines (MAME bitswap<16>(offset, 15..11, 7..0, 10..8));
 * - the LSB hookup: a word read returns the byte in both halves, a word write stores its low byte, a
 *   write to the high lane stores the high byte;
 * - positions are 9 bits with a sign, relative sprites add to the previous one mod 512;
 * - flip screen draws at 240 - x, 240 - y;
 * - the list is drawn at VBLANK (eof), over the background pen, only inside the visible area;
 * - reset clears the sprite RAM.
 */
import { describe, expect, it } from 'vitest';
import { rect, type GfxSet } from '../../src/core/video';
import { KanekoPandora } from '../../video/kaneko-pandora/kaneko-pandora';

/** Two 16×16 tiles: 0 empty, 1 solid pen 5 except its top-left pixel (pen 7), to see flips. */
function gfx(): GfxSet {
  const pixels = new Uint8Array(2 * 256);
  pixels.fill(5, 256);
  pixels[256] = 7;
  return { width: 16, height: 16, total: 2, planes: 4, pixels, penUsage: Uint32Array.of(1, (1 << 5) | (1 << 7)), colorBase: 0, granularity: 16 };
}

function chip(): KanekoPandora {
  return new KanekoPandora('pandora', gfx(), rect(0, 255, 16, 239), 256, 262);
}

/** Write sprite n's bytes 3-7 through the 68000's LSB window. */
function sprite(p: KanekoPandora, n: number, b3: number, x: number, y: number, tile: number, b7: number): void {
  const bytes = [b3, x, y, tile, b7];
  bytes.forEach((v, k) => p.spriteramLsbWrite16((8 * n + 3 + k) * 2, v, 0xffff));
}

describe('Kaneko Pandora', () => {
  it('8-bit hookup: address lines A0-A2 and A8-A10 trade places', () => {
    const p = chip();
    p.spriteramWrite(0x0107, 0xab); // → (0x07 << 3) | 1 = 0x39
    expect(p.spriteram[0x39]).toBe(0xab);
    expect(p.spriteramRead(0x0107)).toBe(0xab);
    p.spriteramWrite(0x0800, 0x11); // A11 stays: 0x800, inside the 4 KiB
    expect(p.spriteram[0x800]).toBe(0x11);
    p.spriteramWrite(0x1000, 0x22); // outside: dropped
    expect(p.spriteram.includes(0x22)).toBe(false);
  });

  it('LSB hookup: byte lanes as MAME spriteram_LSB_r/w', () => {
    const p = chip();
    p.spriteramLsbWrite16(0x10, 0x1234, 0xffff);
    expect(p.spriteram[8]).toBe(0x34);
    expect(p.spriteramLsbRead16(0x10)).toBe(0x3434);
    p.spriteramLsbWrite16(0x10, 0x5600, 0xff00);
    expect(p.spriteram[8]).toBe(0x56);
  });

  it('relative sprites add up mod 512, signed; drawn at VBLANK over the background pen in the visible area', () => {
    const p = chip();
    sprite(p, 0, 0x01 | 0x20, 0xf4, 40, 1, 0); // x = 0x1f4 = -12, colour bank 2
    sprite(p, 1, 0x04 | 0x30, 20, 0, 1, 0); // relative: x = (0x1f4 + 20) & 0x1ff = 8, y = 40, bank 3
    p.eof();
    const px = (x: number, y: number) => p.buffer.get(x, y);
    expect(px(0, 40)).toBe(2 * 16 + 5); // sprite 0 covers x -12..3
    expect(px(3, 40)).toBe(2 * 16 + 5);
    expect(px(8, 40)).toBe(3 * 16 + 7); // sprite 1's top-left pixel, on top
    expect(px(23, 55)).toBe(3 * 16 + 5);
    expect(px(24, 40)).toBe(0); // background pen 0
    expect(px(8, 8)).toBe(0); // outside the visible area nothing is drawn
  });

  it('flip screen: x\' = 240 - x, y\' = 240 - y, flips inverted', () => {
    const p = chip();
    sprite(p, 0, 0, 100, 60, 1, 0);
    p.setFlip(1);
    p.eof();
    // unflipped the tile would cover (100..115, 60..75) with pen 7 at its top-left; flipped it covers
    // (140..155, 180..195) with pen 7 at the bottom-right
    expect(p.buffer.get(155, 195)).toBe(7);
    expect(p.buffer.get(140, 180)).toBe(5);
    expect(p.buffer.get(100, 60)).toBe(0);
  });

  it('reset clears the sprite RAM', () => {
    const p = chip();
    sprite(p, 3, 0, 1, 2, 1, 0);
    p.reset();
    expect(p.spriteram.every((v) => v === 0)).toBe(true);
  });
});
