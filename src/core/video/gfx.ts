/**
 * Planar graphics decoding, MAME's `gfx_layout` model (emu/drawgfx.cpp, facts only).
 *
 * A layout gives, in bits from the start of an element (tile/sprite): where each bit plane starts,
 * where each pixel column starts and where each pixel row starts; pixel (x, y) of element n takes
 * one bit from every plane at `n·charIncrement + planeOffset[p] + xOffset[x] + yOffset[y]`. Bits are
 * numbered MSB-first inside a byte (bit offset 0 = 0x80 of byte 0), and plane 0 gives the most
 * significant bit of the pixel value. `frac(num, den, add)` stands for MAME's RGN_FRAC: a fraction of
 * the region's size in bits, for layouts whose planes live in separate ROM halves or thirds.
 *
 * Decoding makes one byte per pixel, element-major, row-major inside an element, so drawing is a
 * plain array walk. Each element also gets `penUsage` (bit p set when pixel value p occurs, values
 * < 32) so a draw call can skip an element that is wholly transparent for its mask.
 */

/** A fraction of the region size in bits, plus a constant (MAME's `RGN_FRAC(num, den) + add`). */
export interface Frac {
  num: number;
  den: number;
  add: number;
}

export function frac(num: number, den: number, add = 0): Frac {
  return { num, den, add };
}

/** A value in bits (or an element count for `total`) or a fraction of the region. */
export type LayoutValue = number | Frac;

export interface GfxLayout {
  width: number;
  height: number;
  /** Number of elements, or `frac(1, 1)` for "as many as the region holds". */
  total: LayoutValue;
  planes: number;
  planeOffset: readonly LayoutValue[];
  xOffset: readonly number[];
  yOffset: readonly number[];
  /** Distance between consecutive elements, in bits. */
  charIncrement: number;
}

/** MAME's `STEPn(start, step)`: [start, start + step, …] (n values). */
export function step(start: number, inc: number, n: number): number[] {
  const out: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = start + i * inc;
  return out;
}

export interface GfxSet {
  readonly width: number;
  readonly height: number;
  /** Number of elements. */
  readonly total: number;
  readonly planes: number;
  /** total × height × width pixel values, element-major then row-major. */
  readonly pixels: Uint8Array;
  /** Per element: bit p set when pixel value p (< 32) occurs in it; bit 31 also stands for values ≥ 31. */
  readonly penUsage: Uint32Array;
  /** Pen of colour c, pixel value p = colorBase + c × granularity + p (MAME's gfx_element convention). */
  colorBase: number;
  granularity: number;
}

function resolve(v: LayoutValue, regionBits: number): number {
  if (typeof v === 'number') return v;
  return Math.floor((regionBits * v.num) / v.den) + v.add;
}

/**
 * Decode `layout` from `rom` starting at byte `offset`; `length` bytes form the region for `frac`
 * values (default: the rest of `rom`). Bits that fall outside the region read as 0, as a smaller
 * ROM would in MAME's validity-checked layouts never do; it keeps bad layouts from throwing mid-run.
 */
export function decodeGfx(rom: Uint8Array, offset: number, layout: GfxLayout, length = rom.length - offset): GfxSet {
  const { width: w, height: h, planes } = layout;
  if (layout.planeOffset.length !== planes) throw new Error('decodeGfx: planeOffset length ≠ planes');
  if (layout.xOffset.length < w || layout.yOffset.length < h) throw new Error('decodeGfx: offsets shorter than the element');
  if (planes > 8) throw new Error('decodeGfx: more than 8 planes');
  const regionBits = length * 8;
  let total: number;
  if (typeof layout.total === 'number') total = layout.total;
  else total = Math.floor(resolve(layout.total, regionBits) / layout.charIncrement);
  const planeBits = layout.planeOffset.map((p) => resolve(p, regionBits));
  const xo = Int32Array.from(layout.xOffset.slice(0, w));
  const yo = Int32Array.from(layout.yOffset.slice(0, h));
  const size = w * h;
  const pixels = new Uint8Array(total * size);
  const penUsage = new Uint32Array(total);
  const limit = regionBits;
  for (let n = 0; n < total; n++) {
    const base = n * layout.charIncrement;
    let usage = 0;
    let o = n * size;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const bit0 = base + yo[y] + xo[x];
        let v = 0;
        for (let p = 0; p < planes; p++) {
          const b = bit0 + planeBits[p];
          v <<= 1;
          if (b >= 0 && b < limit) v |= (rom[offset + (b >> 3)] >> (7 - (b & 7))) & 1;
        }
        pixels[o++] = v;
        usage |= 1 << (v > 31 ? 31 : v);
      }
    }
    penUsage[n] = usage >>> 0;
  }
  return { width: w, height: h, total, planes, pixels, penUsage, colorBase: 0, granularity: 1 << planes };
}

/** Pen usage as a plain mask over pixel values, for tests and drivers: bit p set when value p occurs. */
export function elementUses(gfx: GfxSet, code: number, value: number): boolean {
  return ((gfx.penUsage[code] >>> (value > 31 ? 31 : value)) & 1) !== 0;
}
