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
import { decodeGfx, type GfxLayout, pal5bit, rect, rgba, ScreenOutput, step } from '../../src/core/video';
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
  /** the same, except that pen 0 (nothing drawn in the sprite buffer) shows the background pen 0xf0 */
  private readonly displayPens = new Uint32Array(256);
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
    if (c !== this.pens[n]) {
      this.pens[n] = c;
      if (n !== 0) this.displayPens[n] = c;
      if (n === BACKGROUND_PEN) this.displayPens[0] = c;
      this.paletteChanged = true;
    }
  }

  /**
   * Screen update at the end of the frame: MAME fills the screen with pen 0xf0 and copies the sprite
   * buffer over it where the buffer is not pen 0 (drawn sprite pixels are never pen 0: pixel value 0 is
   * transparent). Converting the buffer directly, with pen 0 showing pen 0xf0's colour, gives the same
   * picture without the fill and the copy.
   */
  draw(pandora: KanekoPandora): void {
    if (this.paletteChanged) { this.output.invalidate(); this.paletteChanged = false; }
    this.output.renderChanged(pandora.buffer, this.displayPens);
  }

  reset(): void {}

  serialize(_s: Serializer): void {
    // palette RAM is a share saved by the machine; the pens are rebuilt from it
  }

  override postLoad(): void {
    this.pens.fill(0);
    for (let n = 0; n < 256; n++) this.updatePen(n);
    this.paletteChanged = true;
  }
}
