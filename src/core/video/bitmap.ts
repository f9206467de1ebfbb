/**
 * Indexed bitmaps and clip rectangles: the native raster a board's video draws into.
 *
 * A pixel is a pen number (0–65535), as in MAME's `bitmap_ind16`; pens become colours only when the
 * finished frame goes through the palette (`screen.ts`). Rectangles are inclusive on both ends, like
 * MAME's `rectangle` (min_x..max_x, min_y..max_y), so a driver's `rect(2*8, 34*8-1, 0, 28*8-1)` reads
 * exactly like the MAME source it was checked against.
 */

/** Inclusive clip rectangle. Empty when `maxX < minX` or `maxY < minY`. */
export interface Rect {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function rect(minX: number, maxX: number, minY: number, maxY: number): Rect {
  return { minX, maxX, minY, maxY };
}

/** Intersection of `a` and `b`, written into `out` (which may be `a` or `b`) and returned. */
export function intersectRect(a: Rect, b: Rect, out: Rect = { minX: 0, maxX: -1, minY: 0, maxY: -1 }): Rect {
  const minX = a.minX > b.minX ? a.minX : b.minX;
  const maxX = a.maxX < b.maxX ? a.maxX : b.maxX;
  const minY = a.minY > b.minY ? a.minY : b.minY;
  const maxY = a.maxY < b.maxY ? a.maxY : b.maxY;
  out.minX = minX; out.maxX = maxX; out.minY = minY; out.maxY = maxY;
  return out;
}

export function rectIsEmpty(r: Rect): boolean {
  return r.maxX < r.minX || r.maxY < r.minY;
}

export function rectWidth(r: Rect): number {
  return r.maxX - r.minX + 1;
}

export function rectHeight(r: Rect): number {
  return r.maxY - r.minY + 1;
}

/** A width × height raster of 16-bit pens, row-major, no padding (row y starts at y * width). */
export class Bitmap {
  readonly pixels: Uint16Array;
  /** The whole bitmap as a clip rectangle (0..width-1, 0..height-1). */
  readonly bounds: Rect;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height))) {
      throw new RangeError(`Bitmap: bad size ${width}x${height}`);
    }
    this.pixels = new Uint16Array(width * height);
    this.bounds = rect(0, width - 1, 0, height - 1);
  }

  /** Fill `clip ∩ bounds` (the whole bitmap when no clip) with `pen`. */
  fill(pen: number, clip?: Rect): void {
    const b = this.bounds;
    let x0 = b.minX, x1 = b.maxX, y0 = b.minY, y1 = b.maxY;
    if (clip) {
      if (clip.minX > x0) x0 = clip.minX;
      if (clip.maxX < x1) x1 = clip.maxX;
      if (clip.minY > y0) y0 = clip.minY;
      if (clip.maxY < y1) y1 = clip.maxY;
    }
    if (x1 < x0 || y1 < y0) return;
    const px = this.pixels, w = this.width;
    if (x0 === 0 && x1 === w - 1) {
      px.fill(pen, y0 * w, (y1 + 1) * w);
      return;
    }
    for (let y = y0; y <= y1; y++) px.fill(pen, y * w + x0, y * w + x1 + 1);
  }

  get(x: number, y: number): number {
    return this.pixels[y * this.width + x];
  }

  set(x: number, y: number, pen: number): void {
    this.pixels[y * this.width + x] = pen;
  }
}

/**
 * A priority bitmap (MAME's `screen.priority()`, `bitmap_ind8`): one byte per pixel that tilemap
 * layers OR their priority code into and `drawGfxPrio` tests sprites against. Clear it to 0 at the
 * start of each frame.
 */
export class PriorityBitmap {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height);
  }
  clear(value = 0): void {
    this.pixels.fill(value);
  }
}
