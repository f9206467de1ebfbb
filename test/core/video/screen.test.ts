import { describe, expect, it } from 'vitest';
import { Bitmap, rect } from '../../../src/core/video/bitmap';
import { ScreenOutput } from '../../../src/core/video/screen';

/** A palette where pen p is the colour p itself, to read positions back. */
function identityPalette(n: number): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return p;
}

describe('ScreenOutput', () => {
  it('turns Pac-Man\'s native 288x224 into 224x288 with native (x, y) at column 223 - y, row x', () => {
    // ../shared/oracle/README.md, "Clocks and frame" (MAME 0.251 snapshot orientation).
    const bmp = new Bitmap(288, 224);
    for (let y = 0; y < 224; y++) for (let x = 0; x < 288; x++) bmp.set(x, y, (y * 288 + x) & 0xffff);
    const scr = new ScreenOutput(rect(0, 287, 0, 223), { rotate: 90 });
    expect([scr.width, scr.height]).toEqual([224, 288]);
    const out = scr.render(bmp, identityPalette(65536));
    let bad = 0;
    for (let y = 0; y < 224; y++) for (let x = 0; x < 288; x++) {
      if (out[x * 224 + (223 - y)] !== ((y * 288 + x) & 0xffff)) bad++;
    }
    expect(bad).toBe(0);
    expect(scr.mapPoint(0, 0)).toEqual([223, 0]);
    expect(scr.mapPoint(287, 223)).toEqual([0, 287]);
  });

  // Hand-worked 3x2 native image, pens:  1 2 3
  //                                      4 5 6
  const cases: [string, { rotate: 0 | 90 | 180 | 270; flipX?: boolean; flipY?: boolean }, number, number[]][] = [
    ['ROT0', { rotate: 0 }, 3, [1, 2, 3, 4, 5, 6]],
    ['ROT90 (clockwise)', { rotate: 90 }, 2, [4, 1, 5, 2, 6, 3]],
    ['ROT180', { rotate: 180 }, 3, [6, 5, 4, 3, 2, 1]],
    ['ROT270 (counter-clockwise)', { rotate: 270 }, 2, [3, 6, 2, 5, 1, 4]],
    ['ROT0 + flipX (mirror)', { rotate: 0, flipX: true }, 3, [3, 2, 1, 6, 5, 4]],
    ['ROT0 + flipY', { rotate: 0, flipY: true }, 3, [4, 5, 6, 1, 2, 3]],
    ['ROT90 ^ FLIP_X = plain swap', { rotate: 90, flipX: true }, 2, [1, 4, 2, 5, 3, 6]],
  ];
  for (const [name, o, w, want] of cases) {
    it(`orients ${name}`, () => {
      const bmp = new Bitmap(3, 2);
      bmp.pixels.set([1, 2, 3, 4, 5, 6]);
      const scr = new ScreenOutput(bmp.bounds, o);
      expect(scr.width).toBe(w);
      expect(Array.from(scr.render(bmp, identityPalette(8)))).toEqual(want);
    });
  }

  it('crops to the visible area and maps pens through the palette', () => {
    const bmp = new Bitmap(4, 3);
    bmp.pixels.set([0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 0, 0]);
    const pal = Uint32Array.of(0xff000000, 0xff0000ff, 0xff00ff00, 0xffff0000);
    const scr = new ScreenOutput(rect(1, 2, 1, 2), { rotate: 0 });
    expect(Array.from(scr.render(bmp, pal))).toEqual([0xff0000ff, 0xff00ff00, 0xffff0000, 0xff000000]);
  });

  it('rejects a visible area outside the bitmap', () => {
    const scr = new ScreenOutput(rect(0, 9, 0, 9), { rotate: 0 });
    expect(() => scr.render(new Bitmap(4, 4), new Uint32Array(1))).toThrow(RangeError);
  });
});

describe('ScreenOutput.renderChanged', () => {
  it('gives the same frame as render() after arbitrary changes, for every orientation', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16);
    const palette = new Uint32Array(64).map((_, i) => 0xff000000 | (i * 0x030507));
    for (const rotate of [0, 90, 180, 270] as const) {
      for (const [flipX, flipY] of [[false, false], [true, false], [false, true]]) {
        const bm = new Bitmap(36, 20);
        const vis = rect(3, 32, 1, 18); // odd left edge: 32-bit words straddle it
        const fast = new ScreenOutput(vis, { rotate, flipX, flipY });
        const full = new ScreenOutput(vis, { rotate, flipX, flipY });
        // frames with a few changes, and now and then one that changes everything (whole-frame mode)
        for (let frame = 0; frame < 40; frame++) {
          const changes = frame % 13 === 0 ? bm.pixels.length * 4 : rnd() % 40;
          for (let k = 0; k < changes; k++) bm.pixels[rnd() % bm.pixels.length] = rnd() % 64;
          expect(Array.from(fast.renderChanged(bm, palette)), `rot ${rotate} flip ${flipX} ${flipY} frame ${frame}`)
            .toEqual(Array.from(full.render(bm, palette)));
        }
      // After invalidate(), a changed palette is taken in full.
      const other = palette.map((c) => c ^ 0x00ffffff);
        fast.invalidate();
        expect(Array.from(fast.renderChanged(bm, other))).toEqual(Array.from(full.render(bm, other)));
      }
    }
  });
});

describe('ScreenOutput: colour changes and redrawn areas', () => {
  /** Frames of random pen and colour changes, each converted by `convert` and checked against render(). */
  function check(convert: (out: ScreenOutput, bm: Bitmap, palette: Uint32Array, changed: number[]) => Uint32Array): void {
    let seed = 777;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16);
    for (const rotate of [0, 90, 270] as const) {
      const bm = new Bitmap(32, 24);
      const palette = new Uint32Array(16).map((_, i) => 0xff000000 | (i * 0x0a0b0c));
      const vis = rect(0, 31, 0, 23);
      const fast = new ScreenOutput(vis, { rotate });
      const full = new ScreenOutput(vis, { rotate });
      for (let frame = 0; frame < 60; frame++) {
        const changed: number[] = [];
        const pixels = frame % 17 === 5 ? bm.pixels.length : rnd() % 12;
        for (let k = 0; k < pixels; k++) {
          const i = rnd() % bm.pixels.length;
          bm.pixels[i] = rnd() % 16;
          changed.push(i);
        }
        // a few colours move most frames, and sometimes every one of them
        const colours = frame % 11 === 3 ? 16 : rnd() % 3;
        for (let k = 0; k < colours; k++) palette[frame % 11 === 3 ? k : rnd() % 16] = 0xff000000 | rnd();
        expect(Array.from(convert(fast, bm, palette, changed)), `rot ${rotate} frame ${frame}`).toEqual(Array.from(full.render(bm, palette)));
      }
    }
  }

  it('renderChanged follows palette changes without invalidate()', () => {
    check((out, bm, palette) => out.renderChanged(bm, palette));
  });

  it('renderArea over the redrawn pixels + finishAreas equal a whole conversion', () => {
    let first = true;
    check((out, bm, palette, changed) => {
      if (first) { first = false; return out.renderAll(bm, palette); }
      for (const i of changed) {
        const x = i % bm.width, y = Math.floor(i / bm.width);
        out.renderArea(bm, palette, x, x, y, y);
      }
      return out.finishAreas(bm, palette);
    });
  });
});

describe('ScreenOutput.render on rotated screens (two native columns per step)', () => {
  it('puts every visible pixel where mapPoint says, for 90 and 270 with and without flips', () => {
    const bm = new Bitmap(40, 30);
    for (let i = 0; i < bm.pixels.length; i++) bm.pixels[i] = i;
    const palette = identityPalette(40 * 30);
    for (const rotate of [90, 270] as const) {
      for (const [flipX, flipY] of [[false, false], [true, false], [false, true], [true, true]]) {
        const vis = rect(4, 35, 2, 27); // even start and width: the paired path
        const scr = new ScreenOutput(vis, { rotate, flipX, flipY });
        const out = scr.render(bm, palette);
        let bad = 0;
        for (let y = vis.minY; y <= vis.maxY; y++) for (let x = vis.minX; x <= vis.maxX; x++) {
          const [u, v] = scr.mapPoint(x, y);
          if (out[v * scr.width + u] !== y * 40 + x) bad++;
        }
        expect(bad, `rot ${rotate} flip ${flipX} ${flipY}`).toBe(0);
      }
    }
  });
});
