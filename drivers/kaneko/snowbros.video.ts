/**
 * Snow Bros. video: a 256-entry xBGR 5-5-5 palette in RAM and the Kaneko Pandora sprite chip, the only
 * graphics layer (backgrounds are sprites too).
 *
 * Facts (MAME 0.251 `kaneko/snowbros.cpp`, ../shared/docs/DRIVER-TARGETS.md § Snow Bros.):
 * - Each frame the screen is cleared to pen 0xf0, then the Pandora buffer is copied over it where it is
 *   not pen 0 (`screen_update_snowbros`); the chip renders its list at the VBLANK rising edge, after the
 *   screen was drawn (`screen_vblank_snowbros` → `eof`).
 * - Palette word n at 0x600000 + 2n: bits 0-4 red, 5-9 green, 10-14 blue, bit 15 ignored; 5-bit levels
 *   expand as (v << 3) | (v >> 2). Pixels are converted with the palette as it is at the end of the frame.
 * - Graphics: 4096 tiles of 16×16×4 (MAME gfx_8x8x4_row_2x2_group_packed_msb): four 8×8 blocks (TL, TR,
 *   BL, BR) of 32 bytes, 4 bytes per row, the high nibble the left pixel.
 * - 256×224 visible out of 256×262 (lines 16-239), not rotated.
 */
import { Device, type Serializer } from '../../src/core/device';
import { Bitmap, decodeGfx, type GfxLayout, pal5bit, rect, rgba, ScreenOutput, step } from '../../src/core/video';
import type { Screen } from '../../src/core/screen';
import type { KanekoPandora } from '../../video/kaneko-pandora/kaneko-pandora';

export const SPRITE_LAYOUT: GfxLayout = {
  width: 16, height: 16, total: 4096, planes: 4, planeOffset: [0, 1, 2, 3],
  xOffset: [...step(0, 4, 8), ...step(256, 4, 8)], yOffset: [...step(0, 32, 8), ...step(512, 32, 8)], charIncrement: 1024,
};

export const WIDTH = 256;
export const LINES = 262;
/** visible area in native coordinates (MAME set_visarea(0, 255, 16, 239)) */
export const VISIBLE = rect(0, WIDTH - 1, 16, 239);
const BACKGROUND_PEN = 0xf0;

/** Decode the sprite ROM once per ROM image (the app may build several machines from one set). */
export function snowbrosSprites(gfx: Uint8Array) {
  const set = decodeGfx(gfx, 0, SPRITE_LAYOUT, 0x80000);
  set.colorBase = 0;
  set.granularity = 16;
  return set;
}

export class SnowbrosVideo extends Device {
  /** pen → 0xAABBGGRR, rebuilt from palette RAM on each write */
  readonly pens = new Uint32Array(256);
  private readonly bitmap = new Bitmap(WIDTH, LINES);
  private readonly output: ScreenOutput;
  private paletteChanged = true;

  constructor(
    tag: string,
    private readonly paletteRam: Uint8Array,
    screen: Screen,
  ) {
    super(tag, 0);
    this.output = new ScreenOutput(VISIBLE, { rotate: screen.rotate }, screen.output);
    for (let n = 0; n < 256; n++) this.updatePen(n);
  }

  /** Palette RAM write hook (the byte is already stored). */
  paletteWritten(offset: number, _data: number): void {
    this.updatePen(offset >> 1);
  }

  private updatePen(n: number): void {
    const w = (this.paletteRam[2 * n] << 8) | this.paletteRam[2 * n + 1];
    const c = rgba(pal5bit(w), pal5bit(w >> 5), pal5bit(w >> 10)) >>> 0;
    if (c !== this.pens[n]) { this.pens[n] = c; this.paletteChanged = true; }
  }

  /** Screen update at the end of the frame: background pen, then the sprite chip's buffer over it. */
  draw(pandora: KanekoPandora): void {
    this.bitmap.fill(BACKGROUND_PEN, VISIBLE);
    pandora.update(this.bitmap, VISIBLE);
    if (this.paletteChanged) { this.output.invalidate(); this.paletteChanged = false; }
    this.output.renderChanged(this.bitmap, this.pens);
  }

  reset(): void {}

  serialize(_s: Serializer): void {
    // palette RAM is a share saved by the machine; the pens are rebuilt from it
  }

  override postLoad(): void {
    for (let n = 0; n < 256; n++) this.updatePen(n);
    this.paletteChanged = true;
  }
}
