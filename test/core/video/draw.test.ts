import { describe, expect, it } from 'vitest';
import { Bitmap, PriorityBitmap, rect, type Rect } from '../../../src/core/video/bitmap';
import { drawGfx, drawGfxPrio, drawGfxTable, drawGfxWrapped } from '../../../src/core/video/draw';
import type { GfxSet } from '../../../src/core/video/gfx';

function makeGfx(w: number, h: number, total: number, planes: number, pixels: ArrayLike<number>): GfxSet {
  const px = Uint8Array.from(pixels);
  const penUsage = new Uint32Array(total);
  for (let n = 0; n < total; n++) for (let i = 0; i < w * h; i++) penUsage[n] |= 1 << Math.min(px[n * w * h + i], 31);
  return { width: w, height: h, total, planes, pixels: px, penUsage, colorBase: 0, granularity: 1 << planes };
}

function rows(b: Bitmap): number[][] {
  const out: number[][] = [];
  for (let y = 0; y < b.height; y++) out.push(Array.from(b.pixels.subarray(y * b.width, (y + 1) * b.width)));
  return out;
}

/** Reference written from MAME's drawgfx semantics, walking the element's own pixels forward. */
function refDraw(dst: Bitmap, g: GfxSet, code: number, color: number, fx: boolean, fy: boolean, sx: number, sy: number, clip: Rect, mask: number): void {
  const c = ((code % g.total) + g.total) % g.total;
  for (let ey = 0; ey < g.height; ey++) for (let ex = 0; ex < g.width; ex++) {
    const x = sx + ex, y = sy + ey;
    if (x < clip.minX || x > clip.maxX || y < clip.minY || y > clip.maxY) continue;
    if (x < 0 || y < 0 || x >= dst.width || y >= dst.height) continue;
    const srcX = fx ? g.width - 1 - ex : ex, srcY = fy ? g.height - 1 - ey : ey;
    const v = g.pixels[c * g.width * g.height + srcY * g.width + srcX];
    if ((mask >>> v) & 1) continue;
    dst.set(x, y, g.colorBase + color * g.granularity + v);
  }
}

describe('drawGfx', () => {
  // One 2x2 element with pixel values  1 2
  //                                    3 0
  const g = makeGfx(2, 2, 1, 2, [1, 2, 3, 0]);

  it('draws opaque, flipped in X, in Y and both (hand-worked)', () => {
    const b = new Bitmap(2, 2);
    drawGfx(b, g, 0, 0, false, false, 0, 0, b.bounds, 0);
    expect(rows(b)).toEqual([[1, 2], [3, 0]]);
    drawGfx(b, g, 0, 0, true, false, 0, 0, b.bounds, 0);
    expect(rows(b)).toEqual([[2, 1], [0, 3]]);
    drawGfx(b, g, 0, 0, false, true, 0, 0, b.bounds, 0);
    expect(rows(b)).toEqual([[3, 0], [1, 2]]);
    drawGfx(b, g, 0, 0, true, true, 0, 0, b.bounds, 0);
    expect(rows(b)).toEqual([[0, 3], [2, 1]]);
  });

  it('adds colorBase + color x granularity, skips masked values, clips', () => {
    const b = new Bitmap(3, 3);
    b.fill(99);
    g.colorBase = 100;
    drawGfx(b, g, 0, 2, false, false, 1, 1, b.bounds, 1 << 0); // transpen 0, pens 108 + v
    expect(rows(b)).toEqual([[99, 99, 99], [99, 109, 110], [99, 111, 99]]);
    b.fill(99);
    drawGfx(b, g, 0, 2, false, false, -1, -1, b.bounds, 0); // only the bottom-right pixel is on screen
    expect(rows(b)).toEqual([[108, 99, 99], [99, 99, 99], [99, 99, 99]]);
    b.fill(99);
    drawGfx(b, g, 0, 0, false, false, 0, 0, rect(1, 2, 0, 2), 0b0110); // clip left column, values 1,2 clear
    expect(rows(b)).toEqual([[99, 99, 99], [99, 100, 99], [99, 99, 99]]);
    g.colorBase = 0;
  });

  it('skips an element that is wholly transparent for the mask', () => {
    const b = new Bitmap(2, 2);
    b.fill(7);
    drawGfx(b, g, 0, 0, false, false, 0, 0, b.bounds, 0b1111);
    expect(rows(b)).toEqual([[7, 7], [7, 7]]);
  });

  it('matches the reference on random sprites, positions, flips, clips and masks', () => {
    let s = 12345;
    const rnd = (n: number): number => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return (s >>> 8) % n; };
    const pixels: number[] = [];
    for (let i = 0; i < 8 * 16 * 16; i++) pixels.push(rnd(4));
    const spr = makeGfx(16, 16, 8, 2, pixels);
    const a = new Bitmap(40, 30), b = new Bitmap(40, 30);
    for (let t = 0; t < 500; t++) {
      const clip = rect(rnd(20) - 5, 20 + rnd(30), rnd(15) - 5, 15 + rnd(20));
      const args = [rnd(20) - 4, rnd(5), rnd(2) === 1, rnd(2) === 1, rnd(50) - 15, rnd(40) - 15] as const;
      const mask = rnd(16);
      drawGfx(a, spr, args[0], args[1], args[2], args[3], args[4], args[5], clip, mask);
      refDraw(b, spr, args[0], args[1], args[2], args[3], args[4], args[5], clip, mask);
    }
    expect(Array.from(a.pixels)).toEqual(Array.from(b.pixels));
  });

  it('drawGfxTable uses a per-value table (8 bpp values included)', () => {
    const g8 = makeGfx(2, 1, 1, 8, [200, 5]);
    const b = new Bitmap(2, 1);
    b.fill(1);
    const trans = new Uint8Array(256);
    trans[200] = 1;
    drawGfxTable(b, g8, 0, 0, false, false, 0, 0, b.bounds, trans);
    expect(Array.from(b.pixels)).toEqual([1, 5]);
  });

  it('drawGfxWrapped draws the copy shifted by the wrap distance (Pac-Man sprites at sx and sx - 256)', () => {
    const b = new Bitmap(260, 2);
    drawGfxWrapped(b, g, 0, 0, false, false, 255, 0, b.bounds, 0, 256, 0);
    expect([b.get(255, 0), b.get(256, 0), b.get(0, 0)]).toEqual([1, 2, 2]);
    expect(b.get(255, 1)).toBe(3);
  });
});

describe('drawGfxPrio', () => {
  it('draws where the priority bit is clear and marks 31, so the first sprite drawn stays on top', () => {
    const g = makeGfx(2, 1, 2, 2, [1, 1, 2, 2]);
    const b = new Bitmap(3, 1), p = new PriorityBitmap(3, 1);
    p.pixels.set([0, 1, 0]);
    // primask 0b10: pixels whose priority is 1 are protected.
    drawGfxPrio(b, p, g, 0, 0, false, false, 0, 0, b.bounds, 0, 0b10);
    expect(Array.from(b.pixels)).toEqual([1, 0, 0]);
    expect(Array.from(p.pixels)).toEqual([31, 31, 0]);
    // A later sprite with 1 << 31 in its mask does not cover the earlier one.
    drawGfxPrio(b, p, g, 1, 0, false, false, 1, 0, b.bounds, 0, 1 << 31);
    expect(Array.from(b.pixels)).toEqual([1, 0, 2]);
  });
});
