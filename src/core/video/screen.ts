/**
 * From the native indexed raster to the RGBA frame the user sees: palette lookup, visible-area crop
 * and monitor orientation in one pass.
 *
 * Orientation follows MAME's `ORIENTATION_*` bits (emu.h facts): ROT90 = swap X/Y then mirror X,
 * ROT180 = mirror X and Y, ROT270 = swap X/Y then mirror Y; the mirrors act on the output after the
 * swap. Extra `flipX`/`flipY` are XOR-ed into those mirror bits, as a game's
 * `ROT90 ^ ORIENTATION_FLIP_X` would be. Pac-Man (ROT90): native 288×224, output 224×288, native
 * (x, y) at output column 223 − y, row x (measured in MAME 0.251, `../shared/oracle/README.md`).
 *
 * The frame is a Uint32Array of 0xAABBGGRR words (RGBA bytes in memory), `width × height`, the
 * size and orientation of MAME's snapshots.
 */
import type { Bitmap, Rect } from './bitmap';

export type Rotation = 0 | 90 | 180 | 270;

export interface Orientation {
  rotate: Rotation;
  flipX?: boolean;
  flipY?: boolean;
}

export class ScreenOutput {
  /** Output size (after rotation). */
  readonly width: number;
  readonly height: number;
  /** The output frame, reused every `render`. */
  readonly frame: Uint32Array;
  readonly swapXY: boolean;
  readonly mirrorX: boolean;
  readonly mirrorY: boolean;
  // Index stepping, precomputed: frame index of visible native (0, 0), and the change per native x / y.
  private readonly start: number;
  private readonly stepX: number;
  private readonly stepY: number;

  /** `visible` is the visible area in native coordinates (MAME `set_visarea`), inclusive. */
  constructor(readonly visible: Rect, readonly orientation: Orientation, frame?: Uint32Array) {
    const rot = orientation.rotate;
    if (rot !== 0 && rot !== 90 && rot !== 180 && rot !== 270) throw new RangeError(`ScreenOutput: rotation ${String(rot)}`);
    const vw = visible.maxX - visible.minX + 1;
    const vh = visible.maxY - visible.minY + 1;
    if (!(vw > 0 && vh > 0)) throw new RangeError('ScreenOutput: empty visible area');
    this.swapXY = rot === 90 || rot === 270;
    this.mirrorX = (rot === 90 || rot === 180) !== !!orientation.flipX;
    this.mirrorY = (rot === 180 || rot === 270) !== !!orientation.flipY;
    this.width = this.swapXY ? vh : vw;
    this.height = this.swapXY ? vw : vh;
    this.frame = frame ?? new Uint32Array(this.width * this.height);
    if (this.frame.length < this.width * this.height) throw new RangeError('ScreenOutput: frame too small');
    this.start = this.outputIndex(0, 0);
    this.stepX = this.outputIndex(1, 0) - this.start;
    this.stepY = this.outputIndex(0, 1) - this.start;
  }

  /** Output index of the pixel at visible-area-relative native (x, y). */
  private outputIndex(x: number, y: number): number {
    const W = this.width, H = this.height;
    let u = this.swapXY ? y : x;
    let v = this.swapXY ? x : y;
    if (this.mirrorX) u = W - 1 - u;
    if (this.mirrorY) v = H - 1 - v;
    return v * W + u;
  }

  /** Where native pixel (x, y) (absolute native coordinates) lands in the output: [column, row]. */
  mapPoint(x: number, y: number): [number, number] {
    const i = this.outputIndex(x - this.visible.minX, y - this.visible.minY);
    return [i % this.width, Math.floor(i / this.width)];
  }

  /**
   * Convert the visible area of `src` through `palette` (pen → 0xAABBGGRR) into `frame`.
   * Pens outside the palette come out as 0 (transparent black): size the palette to cover every pen.
   */
  render(src: Bitmap, palette: Uint32Array): Uint32Array {
    const vis = this.visible;
    if (vis.maxX >= src.width || vis.maxY >= src.height || vis.minX < 0 || vis.minY < 0) {
      throw new RangeError('ScreenOutput.render: visible area outside the bitmap');
    }
    const out = this.frame, px = src.pixels, sw = src.width;
    const sx = this.stepX, sy = this.stepY;
    const vw = vis.maxX - vis.minX + 1;
    let rowStart = this.start;
    for (let y = vis.minY; y <= vis.maxY; y++) {
      let s = y * sw + vis.minX;
      const end = s + vw;
      let d = rowStart;
      if (sx === 1) {
        for (; s < end; s++, d++) out[d] = palette[px[s]];
      } else {
        for (; s < end; s++, d += sx) out[d] = palette[px[s]];
      }
      rowStart += sy;
    }
    return out;
  }

  /** The pens last converted by `renderChanged` (and 32-bit views of them and of the source), or null
   *  when the next call must convert everything. */
  private previous: Uint32Array | null = null;
  private source32: Uint32Array | null = null;

  /** Make the next `renderChanged` convert every pixel (after a palette change or a state load). */
  invalidate(): void {
    this.previous = null;
  }

  /**
   * Like `render`, but only converts the pixels whose pen differs from the previous call: most of an
   * arcade frame is unchanged from the last one, and skipping the palette lookup and the rotated store
   * for those pixels halves Pac-Man's frame time. Pens are compared two at a time through 32-bit views.
   * The caller promises that `palette` has not changed since the last call, or calls `invalidate()`.
   */
  renderChanged(src: Bitmap, palette: Uint32Array): Uint32Array {
    const px = src.pixels;
    if (this.source32 === null || this.source32.buffer !== px.buffer) {
      // Odd-sized or unaligned bitmaps have no 32-bit view: convert them whole every time.
      if ((px.length & 1) !== 0 || (px.byteOffset & 3) !== 0) return this.render(src, palette);
      this.source32 = new Uint32Array(px.buffer, px.byteOffset, px.length >>> 1);
      this.previous = null;
    }
    const cur = this.source32;
    const prev = this.previous;
    if (prev === null) {
      this.previous = cur.slice();
      return this.render(src, palette);
    }
    const vis = this.visible, out = this.frame, sw = src.width;
    const sx = this.stepX, sy = this.stepY, start = this.start;
    for (let i = 0; i < cur.length; i++) {
      if (cur[i] === prev[i]) continue;
      prev[i] = cur[i];
      for (let s = i << 1; s <= (i << 1) + 1; s++) {
        const x = s % sw, y = (s - x) / sw;
        if (x < vis.minX || x > vis.maxX || y < vis.minY || y > vis.maxY) continue;
        out[start + (x - vis.minX) * sx + (y - vis.minY) * sy] = palette[px[s]];
      }
    }
    return out;
  }
}
