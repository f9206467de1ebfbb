import { describe, expect, it } from 'vitest';
import { TILE_LAYOUT } from '../../../drivers/namco/pacman.gfx';
import { StateReader, StateWriter } from '../../../src/core/serializer';
import { Bitmap, PriorityBitmap, rect } from '../../../src/core/video/bitmap';
import { decodeGfx, type GfxSet } from '../../../src/core/video/gfx';
import { ScreenOutput } from '../../../src/core/video/screen';
import {
  DRAW_ALL_CATEGORIES, DRAW_LAYER1, DRAW_OPAQUE, TILE_FLIPX, Tilemap, drawCategory, scanRows, type TileInfo,
} from '../../../src/core/video/tilemap';

function randomBytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; out[i] = s >>> 24; }
  return out;
}

// ---- Pac-Man, from ../shared/oracle/README.md only ("Tile map", "Graphics ROM formats", "Clocks and frame").

/** Upright (col 0-27, row 0-35) -> video RAM offset, as the README lists it. */
function uprightAddress(col: number, row: number): number {
  if (row === 0) return 0x3c2 + (27 - col);
  if (row === 1) return 0x3e2 + (27 - col);
  if (row === 34) return 0x002 + (27 - col);
  if (row === 35) return 0x022 + (27 - col);
  return 0x040 + (27 - col) * 32 + (row - 2);
}

/** The driver-side mapper: native tile (C = 0-35 along the scan line, R = 0-27) is upright (27 - R, C). */
function pacmanMapper(col: number, row: number): number {
  return uprightAddress(27 - row, col);
}

const PACMAN_TILE_LAYOUT = TILE_LAYOUT;

function pacmanBoard(seed: number) {
  const rom = randomBytes(0x1000, seed);
  const gfx = decodeGfx(rom, 0, PACMAN_TILE_LAYOUT);
  const vram = randomBytes(0x800, seed + 1); // 0x000-0x3ff codes, 0x400-0x7ff colours
  const tm = new Tilemap({
    gfx, tileWidth: 8, tileHeight: 8, cols: 36, rows: 28, mapper: pacmanMapper,
    getTileInfo: (i: number, info: TileInfo) => { info.code = vram[i]; info.color = vram[0x400 + i] & 0x1f; },
    visibleArea: rect(0, 287, 0, 223),
  });
  return { rom, gfx, vram, tm };
}

/** Expected upright pen from the README alone: colour x 4 + tile pixel (upright c, r -> byte (r<4?8:0)+7-c, k = r&3). */
function expectedUprightPen(rom: Uint8Array, vram: Uint8Array, ux: number, uy: number): number {
  const a = uprightAddress(ux >> 3, uy >> 3);
  const c = ux & 7, r = uy & 7;
  const byte = rom[vram[a] * 16 + (r < 4 ? 8 : 0) + 7 - c];
  const k = r & 3;
  return (vram[0x400 + a] & 0x1f) * 4 + 2 * ((byte >> (7 - k)) & 1) + ((byte >> (3 - k)) & 1);
}

function identityPalette(n: number): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return p;
}

describe('Tilemap on the Pac-Man layout', () => {
  it('maps every displayed video RAM byte once and leaves out the README\'s hidden ones', () => {
    const { tm } = pacmanBoard(1);
    const seen = new Map<number, number>();
    for (const m of tm.memIndex) seen.set(m, (seen.get(m) ?? 0) + 1);
    expect(seen.size).toBe(36 * 28);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const hidden = [0x000, 0x001, 0x01e, 0x01f, 0x020, 0x021, 0x03e, 0x03f, 0x3c0, 0x3c1, 0x3de, 0x3df, 0x3e0, 0x3e1, 0x3fe, 0x3ff];
    for (let a = 0; a < 0x400; a++) expect(seen.has(a)).toBe(!hidden.includes(a));
  });

  it('draws what the README says the upright screen shows (tilemap -> native 288x224 -> ROT90 224x288)', () => {
    const { rom, vram, tm } = pacmanBoard(2);
    const native = new Bitmap(288, 224);
    tm.draw(native, native.bounds, DRAW_OPAQUE);
    const scr = new ScreenOutput(native.bounds, { rotate: 90 });
    const frame = scr.render(native, identityPalette(128));
    let bad = 0;
    for (let uy = 0; uy < 288; uy++) for (let ux = 0; ux < 224; ux++) {
      if (frame[uy * 224 + ux] !== expectedUprightPen(rom, vram, ux, uy)) bad++;
    }
    expect(bad).toBe(0);
  });

  it('redraws only tiles marked dirty', () => {
    const { vram, tm } = pacmanBoard(3);
    const before = new Bitmap(288, 224), after = new Bitmap(288, 224);
    tm.draw(before, before.bounds, DRAW_OPAQUE);
    const a = uprightAddress(5, 10); // upright col 5, row 10 -> native tile C = 10, R = 22
    vram[a] ^= 0x55;
    vram[0x400 + a] ^= 0x03;
    tm.draw(after, after.bounds, DRAW_OPAQUE);
    expect(Array.from(after.pixels)).toEqual(Array.from(before.pixels)); // not marked yet: cached
    tm.markDirty(a);
    tm.draw(after, after.bounds, DRAW_OPAQUE);
    let changedOutside = 0, changedInside = 0;
    for (let y = 0; y < 224; y++) for (let x = 0; x < 288; x++) {
      const inside = x >> 3 === 10 && y >> 3 === 22;
      if (after.get(x, y) !== before.get(x, y)) { if (inside) changedInside++; else changedOutside++; }
    }
    expect(changedOutside).toBe(0);
    expect(changedInside).toBeGreaterThan(0);
  });

  it('flip screen turns the layer by 180 degrees (MAME 0.251, README "Sprites")', () => {
    const { tm } = pacmanBoard(4);
    const plain = new Bitmap(288, 224), flipped = new Bitmap(288, 224);
    tm.draw(plain, plain.bounds, DRAW_OPAQUE);
    tm.setFlip(true, true);
    tm.draw(flipped, flipped.bounds, DRAW_OPAQUE);
    let bad = 0;
    for (let y = 0; y < 224; y++) for (let x = 0; x < 288; x++) if (flipped.get(x, y) !== plain.get(287 - x, 223 - y)) bad++;
    expect(bad).toBe(0);
    tm.setFlip(false, false);
    tm.draw(flipped, flipped.bounds, DRAW_OPAQUE);
    expect(Array.from(flipped.pixels)).toEqual(Array.from(plain.pixels));
  });
});

describe('Tilemap transparent draws agree with opaque draws', () => {
  it('shows exactly the non-zero pixels over the background, scrolled and flipped, with priority', () => {
    const rom = randomBytes(0x1000, 9);
    rom.fill(0, 0, 16); // tile 0 blank: wholly transparent cells
    rom.fill(0xff, 16, 32); // tile 1 solid value 3: wholly opaque cells
    const gfx = decodeGfx(rom, 0, PACMAN_TILE_LAYOUT);
    const vram = randomBytes(0x800, 10);
    for (let i = 0; i < 0x400; i += 3) vram[i] = i & 4 ? 1 : 0;
    const make = (transMask: number) => new Tilemap({
      gfx, tileWidth: 8, tileHeight: 8, cols: 36, rows: 28, mapper: pacmanMapper, transMask,
      getTileInfo: (i: number, info: TileInfo) => { info.code = vram[i]; info.color = vram[0x400 + i] & 0x1f; },
    });
    const opaque = make(0), trans = make(1);
    for (const [sx, sy, flip] of [[0, 0, false], [13, 5, false], [-7, 100, true]] as const) {
      for (const tm of [opaque, trans]) { tm.setScrollX(0, sx); tm.setScrollY(0, sy); tm.setFlip(flip, flip); }
      const a = new Bitmap(288, 224), b = new Bitmap(288, 224), p = new PriorityBitmap(288, 224);
      opaque.draw(a, a.bounds, DRAW_OPAQUE);
      b.fill(999);
      trans.draw(b, rect(3, 280, 2, 220), 0, p, 4, 0xff);
      let bad = 0;
      for (let y = 0; y < 224; y++) for (let x = 0; x < 288; x++) {
        const inClip = x >= 3 && x <= 280 && y >= 2 && y <= 220;
        const shown = inClip && (a.get(x, y) & 3) !== 0;
        if (b.get(x, y) !== (shown ? a.get(x, y) : 999)) bad++;
        if (p.pixels[y * 288 + x] !== (shown ? 4 : 0)) bad++;
      }
      expect(bad).toBe(0);
    }
  });
});

// ---- Scrolling and layers, hand-worked on a 4x3 map of 1x1 tiles whose pen = code = row * 4 + col.

const ONE_PIXEL: GfxSet = {
  width: 1, height: 1, total: 16, planes: 4, pixels: Uint8Array.from({ length: 16 }, (_, i) => i),
  penUsage: Uint32Array.from({ length: 16 }, (_, i) => 1 << i), colorBase: 0, granularity: 16,
};

function tiny(extra: Partial<ConstructorParameters<typeof Tilemap>[0]> = {}) {
  const codes = Uint8Array.from({ length: 12 }, (_, i) => i);
  const cats = new Uint8Array(12);
  const tm = new Tilemap({
    gfx: ONE_PIXEL, tileWidth: 1, tileHeight: 1, cols: 4, rows: 3, mapper: scanRows,
    getTileInfo: (i, info) => { info.code = codes[i]; info.category = cats[i]; info.group = i >= 8 ? 1 : 0; },
    ...extra,
  });
  return { tm, codes, cats };
}

function screenRows(tm: Tilemap, flags = DRAW_OPAQUE, fill = 0): number[][] {
  const b = new Bitmap(4, 3);
  b.fill(fill);
  tm.draw(b, b.bounds, flags);
  return [0, 1, 2].map((y) => Array.from(b.pixels.subarray(y * 4, y * 4 + 4)));
}

describe('Tilemap scrolling (hand-worked)', () => {
  it('draws unscrolled, then scrolls X and Y (larger values move the map left / up)', () => {
    const { tm } = tiny();
    expect(screenRows(tm)).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
    tm.setScrollX(0, 1);
    expect(screenRows(tm)).toEqual([[1, 2, 3, 0], [5, 6, 7, 4], [9, 10, 11, 8]]);
    tm.setScrollX(0, -1);
    tm.setScrollY(0, 1);
    expect(screenRows(tm)).toEqual([[7, 4, 5, 6], [11, 8, 9, 10], [3, 0, 1, 2]]);
  });

  it('scrolls rows independently', () => {
    const { tm } = tiny();
    tm.setScrollRows(3);
    tm.setScrollX(1, 2);
    expect(screenRows(tm)).toEqual([[0, 1, 2, 3], [6, 7, 4, 5], [8, 9, 10, 11]]);
    tm.setScrollY(0, 1); // rows are picked by map row after the Y scroll
    expect(screenRows(tm)).toEqual([[6, 7, 4, 5], [8, 9, 10, 11], [0, 1, 2, 3]]);
  });

  it('scrolls columns independently', () => {
    const { tm } = tiny();
    tm.setScrollCols(4);
    tm.setScrollY(2, 1);
    expect(screenRows(tm)).toEqual([[0, 1, 6, 3], [4, 5, 10, 7], [8, 9, 2, 11]]);
    tm.setScrollX(0, 1); // columns are picked by map column after the X scroll
    expect(screenRows(tm)).toEqual([[1, 6, 3, 0], [5, 10, 7, 4], [9, 2, 11, 8]]);
  });

  it('flips the whole picture, scroll included, around the visible area', () => {
    const { tm } = tiny();
    tm.setFlip(true, true);
    expect(screenRows(tm)).toEqual([[11, 10, 9, 8], [7, 6, 5, 4], [3, 2, 1, 0]]);
    // Scroll 1 unflipped shows [9,10,11,8] on the bottom row; the flipped screen is that turned by 180°.
    tm.setScrollX(0, 1);
    expect(screenRows(tm)).toEqual([[8, 11, 10, 9], [4, 7, 6, 5], [0, 3, 2, 1]]);
  });

  it('mirrors around the centre of the visible area, not of the map (MAME: x0 + x1 + 1)', () => {
    // Visible columns 1-3 (centre 2): logical column c lands at screen x = 4 - c, so columns 3, 2, 1
    // show on x = 1, 2, 3 and column 0 wraps to x = 0.
    const { tm } = tiny({ visibleArea: rect(1, 3, 0, 2) });
    tm.setFlip(true, false);
    expect(screenRows(tm)).toEqual([[0, 3, 2, 1], [4, 7, 6, 5], [8, 11, 10, 9]]);
  });

  it('mirrors a single tile through its own flip bit', () => {
    const codes = new Uint8Array(4);
    const g: GfxSet = { ...ONE_PIXEL, width: 2, height: 1, total: 1, pixels: Uint8Array.of(1, 2), penUsage: Uint32Array.of(6) };
    const tm = new Tilemap({
      gfx: g, tileWidth: 2, tileHeight: 1, cols: 2, rows: 1, mapper: scanRows,
      getTileInfo: (i, info) => { info.code = 0; info.flags = codes[i]; },
    });
    codes[1] = TILE_FLIPX;
    const b = new Bitmap(4, 1);
    tm.draw(b, b.bounds, DRAW_OPAQUE);
    expect(Array.from(b.pixels)).toEqual([1, 2, 2, 1]);
  });
});

describe('Tilemap transparency, categories, layers and priority', () => {
  it('leaves transparent pens of a layer-0 draw', () => {
    const { tm } = tiny({ transMask: (1 << 0) | (1 << 5) });
    expect(screenRows(tm, 0, 99)).toEqual([[99, 1, 2, 3], [4, 99, 6, 7], [8, 9, 10, 11]]);
    expect(screenRows(tm, DRAW_OPAQUE, 99)).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
  });

  it('takes a transparent pen of any value (8 bpp tiles)', () => {
    const g8: GfxSet = { ...ONE_PIXEL, planes: 8, granularity: 256, pixels: Uint8Array.of(200, 7), total: 2, penUsage: Uint32Array.of(1 << 31, 1 << 7) };
    const tm = new Tilemap({
      gfx: g8, tileWidth: 1, tileHeight: 1, cols: 2, rows: 1, mapper: scanRows, transparentPen: 200,
      getTileInfo: (i, info) => { info.code = i; },
    });
    const b = new Bitmap(2, 1);
    b.fill(5);
    tm.draw(b, b.bounds, 0);
    expect(Array.from(b.pixels)).toEqual([5, 7]);
  });

  it('matches category like MAME: category 0 by default, another on request, or all', () => {
    const { tm, cats } = tiny();
    cats[1] = 1; cats[6] = 1;
    tm.markAllDirty();
    expect(screenRows(tm, 0, 99)).toEqual([[0, 99, 2, 3], [4, 5, 99, 7], [8, 9, 10, 11]]);
    expect(screenRows(tm, drawCategory(1), 99)).toEqual([[99, 1, 99, 99], [99, 99, 6, 99], [99, 99, 99, 99]]);
    expect(screenRows(tm, DRAW_ALL_CATEGORIES, 99)).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
  });

  it('splits pens between layer 0 and layer 1 per group', () => {
    // Group 0 (rows 0-1): nothing transparent in layer 0, no layer 1. Group 1 (row 2): values 8, 9 only in layer 1.
    const { tm } = tiny({ groups: [{ fg: 0 }, { fg: (1 << 8) | (1 << 9), bg: ~((1 << 8) | (1 << 9)) }] });
    expect(screenRows(tm, 0, 99)).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [99, 99, 10, 11]]);
    expect(screenRows(tm, DRAW_LAYER1, 99)).toEqual([[99, 99, 99, 99], [99, 99, 99, 99], [8, 9, 99, 99]]);
  });

  it('writes its priority code where it draws', () => {
    const { tm } = tiny({ transMask: 1 });
    const b = new Bitmap(4, 3), p = new PriorityBitmap(4, 3);
    p.pixels.fill(0x10);
    tm.draw(b, rect(0, 3, 0, 0), 0, p, 0x02, 0xf0);
    expect(Array.from(p.pixels.subarray(0, 4))).toEqual([0x10, 0x12, 0x12, 0x12]);
    expect(Array.from(p.pixels.subarray(4))).toEqual(new Array(8).fill(0x10));
  });

  it('draws nothing when disabled', () => {
    const { tm } = tiny();
    tm.enabled = false;
    expect(screenRows(tm, DRAW_OPAQUE, 7)).toEqual([[7, 7, 7, 7], [7, 7, 7, 7], [7, 7, 7, 7]]);
  });
});

describe('Tilemap state', () => {
  it('saves flip, enable and scroll and redraws after a load (save -> load -> save is identical)', () => {
    const a = tiny().tm;
    a.setScrollRows(3);
    a.setScrollX(2, 3);
    a.setScrollY(0, 1);
    a.setFlip(true, false);
    const w = new StateWriter();
    a.serialize(w);
    const bytes = w.bytes();
    const b = tiny().tm;
    screenRows(b); // cache built unflipped: the load must invalidate it
    b.serialize(new StateReader(bytes));
    expect(screenRows(b)).toEqual(screenRows(a));
    const w2 = new StateWriter();
    b.serialize(w2);
    expect(Array.from(w2.bytes())).toEqual(Array.from(bytes));
  });
});
