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
  // Output index of visible native (0, 0), and its change per native x / y (for scattered stores).
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
    this.outPensValid = false;
    return out;
  }

  /** `render`, also keeping the pens in output order (`outPens`) for later palette changes. */
  private renderKeepingPens(src: Bitmap, palette: Uint32Array): Uint32Array {
    this.checkSource(src);
    const out = this.frame, pens = this.outPensFor(), px = src.pixels, W = this.width, H = this.height;
    const su = this.perColumn, sv = this.perRow;
    let rowSource = this.walkStart, d = 0;
    for (let v = 0; v < H; v++, rowSource += sv) {
      const end = d + W;
      for (let s = rowSource; d < end; d++, s += su) {
        const p = px[s];
        pens[d] = p;
        out[d] = palette[p];
      }
    }
    this.outPensValid = true;
    return out;
  }

  /** The pens last converted by `renderChanged` (32-bit view, same layout as the source bitmap) and the
   *  32-bit view of that source; previous = null when the next call must convert everything. */
  private previous: Uint32Array | null = null;
  private source32: Uint32Array | null = null;
  /** the next `renderChanged` converts everything (`invalidate`) */
  private stale = true;
  /** Frames left to convert whole without comparing (after a frame that changed ≥ 3/4 of its rows). */
  private wholeFrames = 0;
  /**
   * The pen of every output pixel, in output order (valid after a conversion that kept it up to date):
   * a palette change then re-converts in one sequential pass instead of a whole rotated conversion.
   */
  private outPens: Uint16Array | null = null;
  private outPensValid = false;
  /** the colours the frame was last converted with, and which entries differ from the current ones */
  private lastPalette: Uint32Array | null = null;
  private penMoved: Uint8Array | null = null;

  private outPensFor(): Uint16Array {
    return (this.outPens ??= new Uint16Array(this.width * this.height));
  }

  /** Make the next `renderChanged` convert every pixel (after a state load, or when unsure what changed). */
  invalidate(): void {
    this.stale = true;
    this.wholeFrames = 0;
  }

  /**
   * Like `render`, but only converts the pens that differ from the previous call: most of an arcade
   * frame is unchanged from the last one. One sequential pass compares the pens two at a time through
   * 32-bit views, keeps the new ones and stores the changed pixels straight into the frame. After a
   * frame that changed at least 3/4 of its pixels (or of those in its first quarter, where it stops
   * and converts the whole frame), the next WHOLE_FRAMES frames skip the comparison and convert
   * everything in output order (as busy games need every frame), then it is tried again. Either way
   * the frame is exact.
   * Colours: the palette is compared with the one of the last call; when entries changed, the pixels
   * showing those pens are re-converted in one sequential pass over the pens kept in output order (a
   * game animating a few colours every frame costs that pass, not a whole rotated conversion).
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
    let prev = this.previous;
    if (prev === null || prev.length !== cur.length) {
      prev = this.previous = cur.slice();
      this.stale = true;
    }
    if (this.stale) {
      this.stale = false;
      prev.set(cur);
      this.keepPalette(palette);
      return this.renderKeepingPens(src, palette);
    }
    if (this.wholeFrames > 0) {
      // Recent frames changed almost everywhere: comparing would only add to converting.
      this.wholeFrames--;
      prev.set(cur);
      this.keepPalette(palette);
      return this.render(src, palette);
    }
    this.checkSource(src);
    const vis = this.visible, words = sw >>> 1;
    // The rows of the visible area, compared in one flat run each side of the probe: a quarter down
    // the picture, if 3/4 of the words so far changed, the frame is taken as busy.
    const first = vis.minY * words, probeEnd = (vis.minY + ((vis.maxY - vis.minY + 1) >> 2) + 1) * words;
    const end = (vis.maxY + 1) * words;
    const head = this.compareRange(src, palette, first, probeEnd);
    if (head * 4 >= (probeEnd - first) * 3) {
      prev.set(cur);
      this.wholeFrames = WHOLE_FRAMES;
      this.keepPalette(palette);
      return this.render(src, palette);
    }
    const changed = head + this.compareRange(src, palette, probeEnd, end);
    if (changed * 4 >= (end - first) * 3) this.wholeFrames = WHOLE_FRAMES;
    if (this.paletteMoved(palette)) {
      if (this.outPensValid) this.reconvertMoved(palette);
      else this.renderKeepingPens(src, palette);
      this.keepPalette(palette);
    }
    return this.frame;
  }

  // ---- for drivers that know which areas they redrew (no whole-frame comparison) ----------------------

  /** Convert every pixel (a driver's first frame, or after it redrew everything). */
  renderAll(src: Bitmap, palette: Uint32Array): Uint32Array {
    this.stale = true; // renderChanged's copy of the pens is not kept up to date here
    this.keepPalette(palette);
    return this.renderKeepingPens(src, palette);
  }

  /**
   * Convert the native area x0..x1, y0..y1 (inclusive, inside the visible area), a part the driver
   * redrew; after the frame's areas, `finishAreas` applies colour changes everywhere else.
   */
  renderArea(src: Bitmap, palette: Uint32Array, x0: number, x1: number, y0: number, y1: number): void {
    if (!this.outPensValid) return; // finishAreas converts the whole frame
    const out = this.frame, pens = this.outPens!, px = src.pixels, sw = src.width, vis = this.visible;
    const sx = this.stepX, sy = this.stepY;
    for (let y = y0; y <= y1; y++) {
      let i = this.start + (y - vis.minY) * sy + (x0 - vis.minX) * sx;
      for (let s = y * sw + x0, e = y * sw + x1; s <= e; s++, i += sx) {
        const pen = px[s];
        pens[i] = pen;
        out[i] = palette[pen];
      }
    }
  }

  /**
   * After `renderArea` calls: re-convert the pixels whose colour changed since the last frame, unless
   * the driver says it passed every area showing a changed colour to `renderArea` (`recolour` false).
   */
  finishAreas(src: Bitmap, palette: Uint32Array, recolour = true): Uint32Array {
    this.stale = true;
    if (!this.outPensValid) return this.renderAll(src, palette);
    if (!recolour) this.keepPalette(palette);
    else if (this.paletteMoved(palette)) {
      this.reconvertMoved(palette);
      this.keepPalette(palette);
    }
    return this.frame;
  }

  /** Remember the colours the frame now shows. */
  private keepPalette(palette: Uint32Array): void {
    const last = this.lastPalette;
    if (last === null || last.length !== palette.length) this.lastPalette = palette.slice();
    else last.set(palette);
  }

  /** Did any colour change since `keepPalette`? Marks the changed entries in `penMoved`. */
  private paletteMoved(palette: Uint32Array): boolean {
    const last = this.lastPalette;
    if (last === null || last.length !== palette.length) {
      this.penMoved = new Uint8Array(palette.length).fill(1);
      return true;
    }
    let moved: Uint8Array | null = null;
    for (let i = 0; i < palette.length; i++) {
      if (last[i] === palette[i]) continue;
      if (moved === null) {
        moved = this.penMoved;
        if (moved === null || moved.length !== palette.length) moved = this.penMoved = new Uint8Array(palette.length);
        else moved.fill(0);
      }
      moved[i] = 1;
    }
    return moved !== null;
  }

  /** Re-convert, in output order, the pixels whose pen changed colour. */
  private reconvertMoved(palette: Uint32Array): void {
    const out = this.frame, pens = this.outPens!, moved = this.penMoved!, n = this.width * this.height;
    for (let d = 0; d < n; d++) {
      const p = pens[d];
      if (moved[p] === 1) out[d] = palette[p];
    }
  }

  /**
   * Compare the source's 32-bit words [from, to) with the previous ones; keep and convert the changed
   * pens that lie in the visible area. Returns how many words changed.
   */
  private compareRange(src: Bitmap, palette: Uint32Array, from: number, to: number): number {
    const cur = this.source32!, prev = this.previous!, px = src.pixels, sw = src.width, out = this.frame;
    const pens = this.outPensValid ? this.outPens! : null;
    const vis = this.visible, start = this.start, sx = this.stepX, sy = this.stepY;
    let changed = 0;
    for (let w = from; w < to; w++) {
      if (cur[w] === prev[w]) continue;
      prev[w] = cur[w];
      changed++;
      const p = w << 1;
      const y = (p / sw) | 0;
      const rowOut = start + (y - vis.minY) * sy;
      for (let k = 0, x = p - y * sw; k < 2; k++, x++) {
        if (x >= vis.minX && x <= vis.maxX) {
          const i = rowOut + (x - vis.minX) * sx, pen = px[p + k];
          out[i] = palette[pen];
          if (pens !== null) pens[i] = pen;
        }
      }
    }
    return changed;
  }
}
