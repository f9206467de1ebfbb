/**
 * The pieces composed the way a Pac-Man driver uses them, checked against what MAME 0.251 shows on
 * the upright monitor (../shared/oracle/README.md: "Graphics ROM formats", "Sprites", "Colour PROMs",
 * "Clocks and frame"). The sprite coordinates are MAME's native ones (pacman_v.cpp: sx = 272 − Y,
 * sy = X − 31, fx = attr bit 0, fy = attr bit 1); the README gives the upright result independently:
 * left = 239 − X, top = 272 − Y, bit 1 mirrors left-right, bit 0 flips upside-down.
 */
import { describe, expect, it } from 'vitest';
import { Bitmap, rect } from '../../../src/core/video/bitmap';
import { SPRITE_LAYOUT } from '../../../drivers/namco/pacman.gfx';
import { drawGfx } from '../../../src/core/video/draw';
import { decodeGfx } from '../../../src/core/video/gfx';
import { transMasks } from '../../../src/core/video/palette';
import { ScreenOutput } from '../../../src/core/video/screen';

const PACMAN_SPRITE_LAYOUT = SPRITE_LAYOUT;

function randomBytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; out[i] = s >>> 24; }
  return out;
}

/** Upright sprite pixel (c, r) from the README: native (x = r, y = 15 − c), byte = [8,16,24,0][x>>2] + (y&7) + (y≥8 ? 32 : 0). */
function uprightSpritePixel(rom: Uint8Array, code: number, c: number, r: number): number {
  const x = r, y = 15 - c;
  const byte = rom[code * 64 + [8, 16, 24, 0][x >> 2] + (y & 7) + (y >= 8 ? 32 : 0)];
  const k = x & 3;
  return 2 * ((byte >> (7 - k)) & 1) + ((byte >> (3 - k)) & 1);
}

describe('Pac-Man sprites: layout + drawGfx + transparency + ROT90', () => {
  const rom = randomBytes(0x1000, 7);
  const spr = decodeGfx(rom, 0, PACMAN_SPRITE_LAYOUT);
  // Lookup PROM stand-in: colour 1 = [0, 3, 5, 7] (value 0 looks up colour 0: transparent), colour 2 = [1, 1, 1, 1].
  const lookup = new Uint16Array(64 * 4);
  lookup.set([0, 3, 5, 7], 4);
  lookup.set([1, 1, 1, 1], 8);
  const masks = transMasks(lookup, 4, 64, 0);
  const BG = 250;
  const palette = Uint32Array.from({ length: 256 }, (_, i) => i); // pen -> itself, to read pens back
  const spriteClip = rect(16, 271, 0, 223); // native columns 2-33: README "clipped to rows 2-33"

  for (const color of [1, 2]) for (const attrFlip of [0, 1, 2, 3]) {
    it(`colour ${color}, flip bits ${attrFlip}: lands at (239 − X, 272 − Y) upright, oriented as the README says`, () => {
      const X = 150, Y = 130, code = 37;
      const native = new Bitmap(288, 224);
      native.fill(BG);
      drawGfx(native, spr, code, color, (attrFlip & 1) !== 0, (attrFlip & 2) !== 0, 272 - Y, X - 31, spriteClip, masks[color]);
      const scr = new ScreenOutput(native.bounds, { rotate: 90 });
      const frame = scr.render(native, palette);
      const left = 239 - X, top = 272 - Y;
      let bad = 0, drawn = 0;
      for (let uy = 0; uy < 288; uy++) for (let ux = 0; ux < 224; ux++) {
        const c = ux - left, r = uy - top;
        let want = BG;
        if (c >= 0 && c < 16 && r >= 0 && r < 16) {
          const sc = attrFlip & 2 ? 15 - c : c; // bit 1: mirror left-right
          const sr = attrFlip & 1 ? 15 - r : r; // bit 0: upside-down
          const v = uprightSpritePixel(rom, code, sc, sr);
          if (lookup[color * 4 + v] !== 0) { want = color * 4 + v; drawn++; }
        }
        if (frame[uy * 224 + ux] !== want) bad++;
      }
      expect(drawn).toBeGreaterThan(0);
      expect(bad).toBe(0);
    });
  }

  it('clips sprites to upright rows 16-271', () => {
    const native = new Bitmap(288, 224);
    native.fill(BG);
    // Y = 8 puts the top at upright row 264, so rows 272-279 must stay clear.
    drawGfx(native, spr, 1, 2, false, false, 272 - 8, 100 - 31, spriteClip, masks[2]);
    const frame = new ScreenOutput(native.bounds, { rotate: 90 }).render(native, palette);
    let below = 0, inside = 0;
    for (let uy = 264; uy < 280; uy++) for (let ux = 139; ux < 155; ux++) {
      if (frame[uy * 224 + ux] !== BG) { if (uy >= 272) below++; else inside++; }
    }
    expect(below).toBe(0);
    expect(inside).toBe(8 * 16);
  });
});
