import { describe, expect, it } from 'vitest';
import { Bitmap, rect } from '../../../src/core/video/bitmap';
import { drawGfx } from '../../../src/core/video/draw';
import type { GfxSet } from '../../../src/core/video/gfx';
import { drawGfxOriented, OrientedTiles, OutputStrides } from '../../../src/core/video/oriented';
import { type Orientation, ScreenOutput } from '../../../src/core/video/screen';

/** Random elements (seeded), 2 bits per pixel, non-square so a swapped orientation shows. */
function makeGfx(w: number, h: number, total: number): GfxSet {
  let seed = 12345;
  const px = new Uint8Array(w * h * total);
  for (let i = 0; i < px.length; i++) { seed = (seed * 1103515245 + 12345) >>> 0; px[i] = (seed >>> 16) & 3; }
  const penUsage = new Uint32Array(total);
  for (let n = 0; n < total; n++) for (let i = 0; i < w * h; i++) penUsage[n] |= 1 << px[n * w * h + i];
  return { width: w, height: h, total, planes: 2, pixels: px, penUsage, colorBase: 0, granularity: 4 };
}

/** A palette where pen p is the colour 0x1000 + p, so every drawn pixel is told apart from the fill. */
const PENS = Uint32Array.from({ length: 64 }, (_, p) => 0x1000 + p);

const ORIENTATIONS: Orientation[] = [
  { rotate: 0 }, { rotate: 90 }, { rotate: 180 }, { rotate: 270 }, { rotate: 90, flipX: true }, { rotate: 0, flipY: true },
];

// The reference is the native path the goldens check against MAME: drawGfx into a bitmap, then ScreenOutput.render.
describe('drawing straight into the oriented frame', () => {
  for (const o of ORIENTATIONS) {
    const name = `rotate ${o.rotate}${o.flipX ? ' + flipX' : ''}${o.flipY ? ' + flipY' : ''}`;
    it(`${name}: tiles with every flip and clipped, wrapped, masked sprites give the native path's frame`, () => {
      const tiles = makeGfx(4, 2, 8), sprites = makeGfx(6, 5, 4);
      const W = 16, H = 10, visible = rect(2, 13, 0, 7);    // tiles cover exactly the visible area
      const bmp = new Bitmap(W, H);
      const ref = new ScreenOutput(visible, o);
      const out = new ScreenOutput(visible, o);
      const strides = new OutputStrides(out);
      const oriented = new OrientedTiles(tiles, strides);
      let k = 0;
      for (let y = visible.minY; y <= visible.maxY; y += 2) {
        for (let x = visible.minX; x <= visible.maxX; x += 4, k++) {
          const code = (k * 5) % 8, color = k % 4, flip = k % 4;
          drawGfx(bmp, tiles, code, color, (flip & 1) !== 0, (flip & 2) !== 0, x, y, bmp.bounds, 0);
          oriented.draw(oriented.blockAt(x, y), code, flip, color * 4, PENS);
        }
      }
      const clip = rect(3, 12, 1, 7);
      const spriteCases: [number, number, number, number, number][] = [ // code, color, flips, x, y
        [0, 1, 0, 1, -2], [1, 2, 1, 9, 4], [2, 3, 2, 5, 3], [3, 0, 3, 11, 6], [1, 1, 3, 30, 2], [2, 2, 0, 0, 20],
      ];
      for (const [code, color, f, x, y] of spriteCases) {
        for (const sx of [x, x - 16]) {
          const mask = 1 << (code & 3);
          drawGfx(bmp, sprites, code, color, (f & 1) !== 0, (f & 2) !== 0, sx, y, clip, mask);
          drawGfxOriented(strides, PENS, sprites, code, color, (f & 1) !== 0, (f & 2) !== 0, sx, y, clip, mask);
        }
      }
      expect(Array.from(out.frame)).toEqual(Array.from(ref.render(bmp, PENS)));
    });
  }

  it('reports a sprite wholly outside the clip', () => {
    const out = new ScreenOutput(rect(0, 15, 0, 9), { rotate: 90 });
    const strides = new OutputStrides(out);
    expect(drawGfxOriented(strides, PENS, makeGfx(6, 5, 4), 0, 0, false, false, 20, 0, rect(0, 15, 0, 9), 0)).toBe(false);
    expect(drawGfxOriented(strides, PENS, makeGfx(6, 5, 4), 0, 0, false, false, 12, 0, rect(0, 15, 0, 9), 0)).toBe(true);
    expect(out.frame.some((c) => c !== 0)).toBe(true);
  });
});
