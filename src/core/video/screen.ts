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

/** See `ScreenOutput.renderChanged`. */
const WHOLE_FRAMES = 7;

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
   * Where the output's first pixel comes from, and how the source index moves per output pixel along
   * a row (`perColumn`) and per output row (`perRow`), for a source `width` pixels wide. Both
   * conversions walk the output in memory order: sequential stores and strided loads are about twice as
   * fast as the opposite for rotated screens (Pac-Man's 224×288, measured in Node 20).
   */
  private sourceWalk(width: number): void {
    const vis = this.visible;
    // output (u, v) → visible-relative native (x, y): undo the mirrors, then the swap
    const native = (u: number, v: number): number => {
      if (this.mirrorX) u = this.width - 1 - u;
      if (this.mirrorY) v = this.height - 1 - v;
      const x = this.swapXY ? v : u, y = this.swapXY ? u : v;
      return (y + vis.minY) * width + x + vis.minX;
    };
    this.walkStart = native(0, 0);
    this.perColumn = native(1, 0) - this.walkStart;
    this.perRow = native(0, 1) - this.walkStart;
    this.walkWidth = width;
  }
  private walkStart = 0;
  private perColumn = 0;
  private perRow = 0;
  private walkWidth = -1;

  private checkSource(src: Bitmap): void {
    const vis = this.visible;
    if (vis.maxX >= src.width || vis.maxY >= src.height || vis.minX < 0 || vis.minY < 0) {
      throw new RangeError('ScreenOutput.render: visible area outside the bitmap');
    }
    if (src.width !== this.walkWidth) this.sourceWalk(src.width);
  }

  /**
   * Convert the visible area of `src` through `palette` (pen → 0xAABBGGRR) into `frame`.
   * Pens outside the palette come out as 0 (transparent black): size the palette to cover every pen.
   */
  render(src: Bitmap, palette: Uint32Array): Uint32Array {
    this.checkSource(src);
    const out = this.frame, px = src.pixels, W = this.width, H = this.height;
    const su = this.perColumn, sv = this.perRow;
    let rowSource = this.walkStart, d = 0;
    for (let v = 0; v < H; v++, rowSource += sv) {
      const end = d + W;
      for (let s = rowSource; d < end; d++, s += su) out[d] = palette[px[s]];
    }
    return out;
  }

  /** The pens last converted by `renderChanged` (32-bit view, same layout as the source bitmap) and the
   *  32-bit view of that source; previous = null when the next call must convert everything. */
  private previous: Uint32Array | null = null;
  private source32: Uint32Array | null = null;
  /** Frames left to convert whole without comparing (after a frame that changed ≥ 3/4 of its rows). */
  private wholeFrames = 0;

  /** Make the next `renderChanged` convert every pixel (after a palette change or a state load). */
  invalidate(): void {
    this.previous = null;
    this.wholeFrames = 0;
  }

  /**
   * Like `render`, but only converts where some pen differs from the previous call: most of an arcade
   * frame is unchanged from the last one. One sequential pass compares the pens two at a time through
   * 32-bit views (and keeps the new ones), noting per output row the span of columns that changed; then
   * only those spans are converted. After a frame that changed at least 3/4 of its pixels (or of the
   * words in its first quarter), the next WHOLE_FRAMES frames skip the comparison and convert
   * everything (as busy games do every frame), then it is tried again. Either way the frame is exact.
   * The caller promises that `palette` has not changed since the last call, or calls `invalidate()`.
   */
  renderChanged(src: Bitmap, palette: Uint32Array): Uint32Array {
    const px = src.pixels, sw = src.width;
    if (this.source32 === null || this.source32.buffer !== px.buffer || this.source32.byteOffset !== px.byteOffset
      || this.source32.length !== px.length >>> 1) {
      // Bitmaps with odd rows or an unaligned start have no row-aligned 32-bit view: convert them whole.
      if ((sw & 1) !== 0 || (px.byteOffset & 3) !== 0) return this.render(src, palette);
      this.source32 = new Uint32Array(px.buffer, px.byteOffset, px.length >>> 1);
      this.previous = null;
    }
    const cur = this.source32;
    const prev = this.previous;
    if (prev === null || prev.length !== cur.length) {
      this.previous = cur.slice();
      return this.render(src, palette);
    }
    if (this.wholeFrames > 0) {
      // Recent frames changed almost everywhere: comparing would only add to converting.
      this.wholeFrames--;
      prev.set(cur);
      return this.render(src, palette);
    }
    this.checkSource(src);
    const vis = this.visible, W = this.width, H = this.height;
    if (this.spanLo === null) {
      this.spanLo = new Int32Array(H).fill(W);
      this.spanHi = new Int32Array(H).fill(-1);
    }
    const words = sw >>> 1, w0 = vis.minX >>> 1, nw = (vis.maxX >>> 1) - w0 + 1;
    const lo = this.spanLo, hi = this.spanHi!;
    // A quarter down the picture, if 3/4 of the words so far changed, the frame is taken as busy.
    const probe = vis.minY + ((vis.maxY - vis.minY + 1) >> 2);
    let changedWords = 0;
    for (let y = vis.minY; y <= vis.maxY; y++) {
      const base = y * words + w0;
      for (let i = 0; i < nw; i++) {
        const c = cur[base + i];
        if (c === prev[base + i]) continue;
        prev[base + i] = c;
        changedWords++;
        const x = ((w0 + i) << 1) - vis.minX; // visible-relative x of the word's first pen (may be -1)
        this.widenSpan(x, y - vis.minY);
        this.widenSpan(x + 1, y - vis.minY);
      }
      if (y === probe && changedWords * 4 >= (y - vis.minY + 1) * nw * 3) {
        prev.set(cur);
        lo.fill(W);
        hi.fill(-1);
        this.wholeFrames = WHOLE_FRAMES;
        return this.render(src, palette);
      }
    }
    const out = this.frame, su = this.perColumn, sv = this.perRow;
    let rowSource = this.walkStart, converted = 0;
    for (let v = 0; v < H; v++, rowSource += sv) {
      const first = lo[v], last = hi[v];
      if (last < first) continue;
      lo[v] = W;
      hi[v] = -1;
      converted += last - first + 1;
      const end = v * W + last;
      for (let s = rowSource + first * su, o = v * W + first; o <= end; o++, s += su) out[o] = palette[px[s]];
    }
    if (converted * 4 >= W * H * 3) this.wholeFrames = WHOLE_FRAMES;
    return out;
  }

  /** Per output row, the first and last output column changed this frame (lo > hi: none). */
  private spanLo: Int32Array | null = null;
  private spanHi: Int32Array | null = null;

  /** Include visible-relative native pixel (x, y) in its output row's span. */
  private widenSpan(x: number, y: number): void {
    if (x < 0 || x >= (this.swapXY ? this.height : this.width)) return;
    let u = this.swapXY ? y : x;
    let v = this.swapXY ? x : y;
    if (this.mirrorX) u = this.width - 1 - u;
    if (this.mirrorY) v = this.height - 1 - v;
    if (u < this.spanLo![v]) this.spanLo![v] = u;
    if (u > this.spanHi![v]) this.spanHi![v] = u;
  }
}
