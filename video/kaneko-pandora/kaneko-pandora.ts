/**
 * Kaneko Pandora sprite chip (PX79C480FP-3): 512 sprites of 16×16 in 4 KiB of sprite RAM, rendered into
 * a frame buffer at VBLANK and shown during the next frame.
 *
 * Boards: Snow Bros. (drivers/kaneko/snowbros.ts); in MAME also Air Buster, DJ Boy, Heavy Unit, Sand
 * Scorpion, Gals Panic and the SemiCom boards.
 *
 * Sources: MAME 0.251 `kaneko/kan_pand.cpp` (facts only) and ../shared/docs/DRIVER-TARGETS.md § Snow Bros.
 * (measured with our own programs):
 *  - Sprite n = 8 bytes at 8n. Byte 3: bits 7-4 colour bank, bit 2 "relative" (add this sprite's 9-bit
 *    x/y to the previous sprite's position), bit 1 y bit 8, bit 0 x bit 8; byte 4 x; byte 5 y; byte 6 tile
 *    bits 7-0; byte 7: bit 7 flip X, bit 6 flip Y, bits 5-0 tile bits 13-8 (the tile number wraps at the
 *    graphics ROM's size, as MAME's gfx elements do). Bytes 0-2 are unused.
 *  - Positions are taken mod 512 and read as signed 9-bit; sprites are drawn 0 → 511 (later on top) with
 *    pen 0 transparent. Flip screen: x' = 240 - x, y' = 240 - y and both flip bits inverted.
 *  - The chip draws the list into its own buffer at the start of VBLANK (`eof`), after the screen has
 *    been drawn from the buffer: a list written during frame N appears in frame N+1. Before drawing, the
 *    buffer's visible area is cleared to the background pen unless the game turned clearing off
 *    (sprite trails, Air Buster).
 *  - 16-bit CPUs see it on one byte lane: the LSB hookup (Snow Bros.) maps byte k of the RAM at word k; a
 *    word read returns the byte in both halves, a word write stores its low byte. The 8-bit hookup swaps
 *    address lines (A0-A2 ↔ A8-A10 … see `spriteramRead`).
 *  - Reset clears the sprite RAM (not the frame buffer) and turns clearing back on.
 */
import { Device, type Serializer } from '../../src/core/device';
import { Bitmap, drawGfx, type GfxSet, type Rect } from '../../src/core/video';

const RAM_SIZE = 0x1000;
/** pen 0 of every colour bank is transparent */
const TRANSPARENT_PEN0 = 1;

export class KanekoPandora extends Device {
  readonly spriteram = new Uint8Array(RAM_SIZE);
  /** the frame buffer (pens: colour bank × 16 + pixel; 0 = nothing drawn) */
  readonly buffer: Bitmap;
  clearBuffer = 1;
  bgPen = 0;
  flip = 0;

  constructor(
    tag: string,
    private readonly gfx: GfxSet,
    /** the screen's visible area in buffer coordinates (Snow Bros.: x 0-255, y 16-239) */
    private readonly visible: Rect,
    width: number,
    height: number,
    private readonly xOffset = 0,
    private readonly yOffset = 0,
  ) {
    super(tag, 0);
    this.buffer = new Bitmap(width, height);
  }

  // ---- CPU side -----------------------------------------------------------------------------------

  /** LSB hookup, 16-bit handlers (offset in bytes from the window start). */
  spriteramLsbRead16(offset: number): number {
    const v = this.spriteram[(offset >>> 1) & (RAM_SIZE - 1)];
    return (v << 8) | v;
  }
  spriteramLsbWrite16(offset: number, data: number, mask: number): void {
    const i = (offset >>> 1) & (RAM_SIZE - 1);
    if (mask & 0xff00) this.spriteram[i] = (data >>> 8) & 0xff;
    if (mask & 0x00ff) this.spriteram[i] = data & 0xff;
  }

  /** 8-bit hookup: address bits 0-2 and 8-10 trade places (MAME's bitswap), outside 4 KiB nothing. */
  private static swap(offset: number): number {
    return (offset & 0xf800) | ((offset & 0xff) << 3) | ((offset >> 8) & 7);
  }
  spriteramRead(offset: number): number {
    const i = KanekoPandora.swap(offset);
    return i < RAM_SIZE ? this.spriteram[i] : 0;
  }
  spriteramWrite(offset: number, data: number): void {
    const i = KanekoPandora.swap(offset);
    if (i < RAM_SIZE) this.spriteram[i] = data & 0xff;
  }

  setFlip(state: number): void { this.flip = state ? 1 : 0; }
  setClearBuffer(state: number): void { this.clearBuffer = state ? 1 : 0; }
  setBgPen(pen: number): void { this.bgPen = pen; }

  // ---- video side ---------------------------------------------------------------------------------

  /** VBLANK line: the rising edge renders the list (MAME's drivers call `eof` there). */
  vblank(state: number): void {
    if (state) this.eof();
  }

  /** VBLANK start (after the screen was drawn): render the sprite list into the buffer. */
  eof(): void {
    if (this.clearBuffer) this.buffer.fill(this.bgPen, this.visible);
    const ram = this.spriteram;
    let x = 0, y = 0;
    for (let offs = 0; offs < RAM_SIZE; offs += 8) {
      const attr = ram[offs + 7];
      const bank = ram[offs + 3];
      const dx = ram[offs + 4] | (bank & 1) << 8;
      const dy = ram[offs + 5] | (bank & 2) << 7;
      if (bank & 4) { x += dx; y += dy; } else { x = dx; y = dy; }
      let flipX = (attr & 0x80) !== 0;
      let flipY = (attr & 0x40) !== 0;
      let sx = x, sy = y;
      if (this.flip) { sx = 240 - x; sy = 240 - y; flipX = !flipX; flipY = !flipY; }
      sx = (sx + this.xOffset) & 0x1ff;
      sy = (sy + this.yOffset) & 0x1ff;
      if (sx & 0x100) sx -= 0x200;
      if (sy & 0x100) sy -= 0x200;
      const tile = ((attr & 0x3f) << 8) | ram[offs + 6];
      drawGfx(this.buffer, this.gfx, tile, bank >> 4, flipX, flipY, sx, sy, this.visible, TRANSPARENT_PEN0);
    }
  }

  /** Copy the buffer over `dst` where it is not pen 0 (MAME copybitmap_trans), inside `clip`. */
  update(dst: Bitmap, clip: Rect): void {
    const src = this.buffer.pixels, out = dst.pixels;
    const w = this.buffer.width;
    for (let yy = clip.minY; yy <= clip.maxY; yy++) {
      let i = yy * w + clip.minX;
      let o = yy * dst.width + clip.minX;
      for (let xx = clip.minX; xx <= clip.maxX; xx++, i++, o++) {
        const p = src[i];
        if (p !== 0) out[o] = p;
      }
    }
  }

  reset(): void {
    this.spriteram.fill(0);
    this.clearBuffer = 1;
  }

  serialize(s: Serializer): void {
    s.block(this.spriteram);
    s.block(this.buffer.pixels);
    this.clearBuffer = s.u8(this.clearBuffer);
    this.bgPen = s.u16(this.bgPen);
    this.flip = s.u8(this.flip);
  }
}
