/**
 * Centipede video: a 32×30 playfield of 8×8 tiles and 16 sprites of 8×16, 2 bits per pixel from one
 * 4 KiB ROM pair, colours from 16 bytes of write-only palette RAM. 256×240 native, monitor ROT270.
 *
 * Facts (MAME 0.251 `atari/centiped_v.cpp` and `centiped.cpp`, facts only; ../shared/docs/DRIVER-TARGETS.md
 * § Centipede, measured with our homebrew):
 * - Tiles: video RAM 0x0400-0x07bf row by row; tile = (byte & 0x3f) + 0x40, bit 6 mirrors X, bit 7 Y.
 *   ROM f7 is plane bit 0, hj7 plane bit 1; 8 bytes per tile, bit 7 = leftmost pixel. Pens 0-3.
 * - Sprites (RAM 0x07c0: +0 picture/flips, +0x10 vertical, +0x20 horizontal, +0x30 colour): drawn 0 → 15
 *   (15 on top); picture = ((b & 0x3e) >> 1) | ((b & 1) << 6) of the 128 8×16 sprites (16 bytes each);
 *   x = horizontal byte, y = 240 - vertical byte, no wrap-around; clipped to native x 0-247 (flip latch:
 *   8-255). A sprite's pens go to MAME palette entries 4 + colour × 4 + pen (colour = byte & 0x3f); pen n
 *   is transparent where colour bits 2(n-1)..2n-1 are 0, and pen 0 always.
 * - Palette (MAME's 260 entries): a write to 0x1404-0x1407 sets pen (offset & 3); a write to 0x140c-0x140f
 *   sets every sprite entry whose colour picks that offset for its pen. Value bits inverted: bit 0 red,
 *   1 green, 2 blue, 3 = 0: blue at 0xc0 if on, else green at 0xc0. Writes with offset bit 2 clear change
 *   nothing on screen. The bitmap keeps pens; MAME converts them to colours when the frame is shown, so a
 *   palette change shows on the whole frame. Power-on colours: entry n is (red = bit 0, green = bit 1,
 *   blue = bit 2 of n) at full level (measured on tiles and on sprites of 16 colour codes: cenhwtest).
 * - The raster is drawn in bands: the board's 16-line timer calls `updateTo(line)`, which draws every line
 *   not yet drawn up to `line` inclusive (MAME `update_partial`); the frame end draws the rest.
 *
 * Not emulated: the flip latch on the playfield (MAME 0.251 does not flip it either; it only moves the
 * sprite clip band).
 */
import { Device, type Serializer } from '../../src/core/device';
import { Bitmap, rect, ScreenOutput } from '../../src/core/video';
import type { Screen } from '../../src/core/screen';

export const NATIVE_W = 256;
export const NATIVE_H = 240;
const PENS = 4 + 4 * 4 * 4 * 4;

export class CentipedeVideo extends Device {
  /** decoded pixels: 256 tiles × 64, 128 sprites × 128 */
  private readonly tiles = new Uint8Array(256 * 64);
  private readonly sprites = new Uint8Array(128 * 128);
  /** per colour (0-63): transparent-pen bit mask (MAME `m_penmask`) */
  private readonly penMask = new Uint8Array(64);
  /** MAME's 260 palette entries as 0xAABBGGRR */
  readonly pens = new Uint32Array(PENS);
  private readonly bitmap = new Bitmap(NATIVE_W, NATIVE_H);
  private readonly output: ScreenOutput;
  /** next line to draw (MAME `m_last_partial_scan`) */
  private nextLine = 0;
  /** a pen's colour changed since the last frame: the next frame is converted whole */
  private penChanged = true;
  flip = 0;

  constructor(
    tag: string,
    gfx: Uint8Array,
    private readonly videoram: Uint8Array,
    private readonly spriteram: Uint8Array,
    readonly paletteram: Uint8Array,
    screen: Screen,
  ) {
    super(tag, 0);
    const half = gfx.length >> 1;
    for (let t = 0; t < 256; t++)
      for (let y = 0; y < 8; y++) {
        const lo = gfx[t * 8 + y], hi = gfx[half + t * 8 + y];
        for (let x = 0; x < 8; x++) this.tiles[t * 64 + y * 8 + x] = (((hi >> (7 - x)) & 1) << 1) | ((lo >> (7 - x)) & 1);
      }
    // a sprite is two consecutive tiles read as one 8×16 picture
    this.sprites.set(this.tiles.subarray(0, 128 * 128));
    for (let c = 0; c < 64; c++) {
      let m = 1;
      if ((c & 3) === 0) m |= 2;
      if (((c >> 2) & 3) === 0) m |= 4;
      if (((c >> 4) & 3) === 0) m |= 8;
      this.penMask[c] = m;
    }
    this.powerOnPalette();
    this.output = new ScreenOutput(rect(0, NATIVE_W - 1, 0, NATIVE_H - 1), { rotate: screen.rotate }, screen.output);
  }

  private powerOnPalette(): void {
    for (let n = 0; n < PENS; n++) this.pens[n] = rgba(n & 1 ? 0xff : 0, n & 2 ? 0xff : 0, n & 4 ? 0xff : 0);
  }

  /** Palette RAM write hook (0x1400-0x140f; the map stores the byte first). */
  paletteWritten(offset: number, data: number): void {
    if ((offset & 4) === 0) return; // only offsets with bit 2 set reach the DACs
    let r = ~data & 1 ? 0xff : 0, g = (~data >> 1) & 1 ? 0xff : 0, b = (~data >> 2) & 1 ? 0xff : 0;
    if (~data & 8) {
      if (b) b = 0xc0;
      else if (g) g = 0xc0;
    }
    const color = rgba(r, g, b);
    const sel = offset & 3;
    if ((offset & 8) === 0) {
      if (this.pens[sel] !== color) { this.pens[sel] = color; this.penChanged = true; }
      return;
    }
    for (let i = 0; i < 0x100; i += 4) {
      if (((i >> 2) & 3) === sel) this.setPen(i + 5, color);
      if (((i >> 4) & 3) === sel) this.setPen(i + 6, color);
      if (((i >> 6) & 3) === sel) this.setPen(i + 7, color);
    }
  }

  private setPen(pen: number, color: number): void {
    if (this.pens[pen] !== color) { this.pens[pen] = color; this.penChanged = true; }
  }

  /** LS259 Q7 (0x1c07): cocktail flip (moves the sprite clip band; the board also swaps trackballs). */
  setFlip(state: number): void {
    this.flip = state & 1;
  }

  /** Draw every line not drawn yet up to `line` (inclusive), with the RAM as it is now. */
  updateTo(line: number): void {
    const last = line < NATIVE_H - 1 ? line : NATIVE_H - 1;
    if (last < this.nextLine) return;
    this.drawLines(this.nextLine, last);
    this.nextLine = last + 1;
  }

  /** Start of a frame's raster (MAME resets its partial-update position at line 0). */
  startFrame(): void {
    this.nextLine = 0;
  }

  private drawLines(y0: number, y1: number): void {
    const px = this.bitmap.pixels, vram = this.videoram, tiles = this.tiles;
    for (let y = y0; y <= y1; y++) {
      const row = (y >> 3) * 32;
      const ty = y & 7;
      let d = y * NATIVE_W;
      for (let col = 0; col < 32; col++) {
        const b = vram[row + col];
        const base = ((b & 0x3f) + 0x40) * 64 + (b & 0x80 ? 7 - ty : ty) * 8;
        if (b & 0x40) for (let x = 7; x >= 0; x--) px[d++] = tiles[base + x];
        else for (let x = 0; x < 8; x++) px[d++] = tiles[base + x];
      }
    }
    const spr = this.spriteram, pics = this.sprites;
    const clipMin = this.flip ? 8 : 0, clipMax = this.flip ? NATIVE_W - 1 : NATIVE_W - 9;
    for (let n = 0; n < 16; n++) {
      const sy = 240 - spr[n + 0x10];
      const top = sy > y0 ? sy : y0, bottom = sy + 15 < y1 ? sy + 15 : y1;
      if (top > bottom) continue;
      const attr = spr[n];
      const code = ((attr & 0x3e) >> 1) | ((attr & 1) << 6);
      const color = spr[n + 0x30] & 0x3f;
      const mask = this.penMask[color];
      const penBase = 4 + color * 4;
      const flipX = (attr & 0x40) !== 0, flipY = (attr & 0x80) !== 0;
      const sx = spr[n + 0x20];
      for (let y = top; y <= bottom; y++) {
        const r = flipY ? 15 - (y - sy) : y - sy;
        const src = code * 128 + r * 8;
        const line = y * NATIVE_W;
        for (let i = 0; i < 8; i++) {
          const x = sx + i;
          if (x < clipMin || x > clipMax) continue;
          const v = pics[src + (flipX ? 7 - i : i)];
          if ((mask >> v) & 1) continue;
          px[line + x] = penBase + v;
        }
      }
    }
  }

  /** Frame end (screen update): finish the raster and show it through the current palette. */
  draw(): void {
    this.updateTo(NATIVE_H - 1);
    if (this.penChanged) {
      this.output.invalidate();
      this.penChanged = false;
    }
    this.output.renderChanged(this.bitmap, this.pens);
  }

  reset(): void {}

  serialize(s: Serializer): void {
    s.block(this.bitmap.pixels);
    s.block(this.pens);
    this.nextLine = s.u16(this.nextLine);
    this.flip = s.u8(this.flip);
    if (s.loading) this.penChanged = true;
  }
}

function rgba(r: number, g: number, b: number): number {
  return (0xff000000 | (b << 16) | (g << 8) | r) >>> 0;
}
