/**
 * Gottlieb video (Reactor, Q*bert, Mad Planets …): one 32×32 tilemap of 8×8 tiles, 64 sprites of 16×16,
 * 4 bits per pixel everywhere, 16 colours from palette RAM through a resistor network.
 *
 * Facts (MAME 0.251 `gottlieb.cpp`, read through the search tool, no code copied; and
 * ../shared/docs/DRIVER-TARGETS.md § Q*bert / Mad Planets, measured with test programs of ours):
 * - Tiles: video RAM byte = tile code, rows of 32 (MAME TILEMAP_SCAN_ROWS). Codes 0-127 come from the
 *   "low" source, 128-255 from the "high" one; each is either the tile ROMs (`bgtiles`, 256 tiles) or the
 *   4 KiB character RAM at 0x4000 (128 tiles, decoded as the CPU writes it), chosen per game by board
 *   jumpers (MAME `init_romtiles`: both ROM, `init_ramtiles`: both RAM; Screw Loose / Video Vince mix).
 *   8×8×4 packed: 4 bytes per row, high nibble = left pixel.
 * - Sprites: 64 × 4 bytes (+0 y, +1 x, +2 picture = 255 ^ byte), drawn at (x − 4, y − 13) in order
 *   0 → 63 (later ones on top), pen 0 transparent, clipped to native x ≥ 8. 16×16, 2 bytes per row,
 *   32 bytes per picture, the four planes a quarter of the sprite region apart, the first quarter being
 *   the most significant bit (MAME gfx layout plane order).
 * - Video control (0x5803 bits 0-2): bit 0 background over sprites (the background is then drawn with
 *   pen 0 transparent over a screen cleared to pen 0; otherwise opaque under the sprites), bit 1 flips X,
 *   bit 2 flips Y: the tilemap is mirrored within the visible area (native pixel (x, y) shows tilemap pixel
 *   (255 − x, 239 − y), measured in MAME 0.251), sprites move to (233 − x, 228 − y) and are
 *   drawn mirrored.
 * - Palette: 16 × 2 bytes; even byte green (bits 4-7) and blue (bits 0-3), odd byte red (bits 0-3); each
 *   4-bit level goes through 2 kΩ / 1 kΩ / 470 Ω / 240 Ω with a 180 Ω pull-down (MAME
 *   `compute_resistor_weights(0, 255, -1, …)`), updated as the CPU writes it.
 * Not emulated: the GG-1/GG-2 first-column hardware bug (MAME does not emulate it either).
 */
import { Device, type Serializer } from '../../src/core/device';
import type { Screen } from '../../src/core/screen';
import { Bitmap, combineWeights, computeResistorWeights, rect, rgba, ScreenOutput } from '../../src/core/video';

const W = 256;
const H = 240;
/** MAME gottlieb.cpp video_start: the resistor network of every colour channel */
const WEIGHTS = computeResistorWeights(0, 255, -1, [{ resistances: [2000, 1000, 470, 240], pulldown: 180 }]).weights[0];
const SPRITE_CLIP_MIN_X = 8;

/** Where a tile code's pixels come from. */
export type TileSource = 'rom' | 'ram';

export class GottliebVideo extends Device {
  /** decoded tile pixels: ROM tiles (256 × 64) and character-RAM tiles (128 × 64) */
  private readonly romTiles = new Uint16Array(256 * 64);
  private readonly ramTiles = new Uint16Array(128 * 64);
  /** decoded sprite pixels, 256 pictures × 256 */
  private readonly spritePix: Uint8Array;
  private readonly spriteCount: number;
  private readonly pens = new Uint32Array(16);
  /** the whole 256×256 tilemap as pens, redrawn tile by tile when video RAM or character RAM changes */
  private readonly tilemap = new Uint16Array(256 * 256);
  /** the codes the tilemap cache was drawn with (a write of the same code changes nothing) */
  private readonly drawnCodes = new Int16Array(1024).fill(-1);
  /** character-RAM tiles changed since the last frame, by code 0-127 */
  private readonly charDirty = new Uint8Array(128);
  private anyDirty = true;
  /** pens whose colour changed since the last frame was converted (bit n = pen n) */
  private penChanged = 0xffff;
  private readonly bitmap = new Bitmap(W, H);
  private readonly output: ScreenOutput;
  /** 0x5803 bits: background priority, flip X, flip Y */
  backgroundPriority = 0;
  flipX = 0;
  flipY = 0;

  constructor(
    tag: string,
    bgtiles: Uint8Array,
    sprites: Uint8Array,
    private readonly videoram: Uint8Array,
    private readonly charram: Uint8Array,
    private readonly spriteram: Uint8Array,
    private readonly paletteram: Uint8Array,
    /** tile source for codes 0-127 and 128-255 (MAME m_gfxcharlo / m_gfxcharhi) */
    private readonly tilesLow: TileSource,
    private readonly tilesHigh: TileSource,
    screen: Screen,
  ) {
    super(tag, 0);
    for (let i = 0; i < Math.min(bgtiles.length, 0x2000); i++) {
      this.romTiles[i * 2] = bgtiles[i] >> 4;
      this.romTiles[i * 2 + 1] = bgtiles[i] & 15;
    }
    const quarter = sprites.length >> 2;
    this.spriteCount = quarter >> 5;
    this.spritePix = new Uint8Array(this.spriteCount * 256);
    for (let code = 0; code < this.spriteCount; code++)
      for (let y = 0; y < 16; y++)
        for (let x = 0; x < 16; x++) {
          const byte = code * 32 + y * 2 + (x >> 3), bit = 7 - (x & 7);
          let pen = 0;
          for (let plane = 0; plane < 4; plane++) pen |= ((sprites[plane * quarter + byte] >> bit) & 1) << (3 - plane);
          this.spritePix[code * 256 + y * 16 + x] = pen;
        }
    this.output = new ScreenOutput(rect(0, W - 1, 0, H - 1), { rotate: screen.rotate }, screen.output);
    this.postLoad();
  }

  // ---- CPU writes (map hooks: the RAM byte is already stored) ----------------------------------------

  videoramWritten(_offset: number, _data: number): void {
    this.anyDirty = true;
  }

  charramWritten(offset: number, data: number): void {
    this.ramTiles[offset * 2] = data >> 4;
    this.ramTiles[offset * 2 + 1] = data & 15;
    this.charDirty[offset >> 5] = 1;
    this.anyDirty = true;
  }

  paletteWritten(offset: number, _data: number): void {
    this.updatePen(offset >> 1);
  }

  private updatePen(pen: number): void {
    const gb = this.paletteram[pen * 2], r = this.paletteram[pen * 2 + 1];
    const c = rgba(combineWeights(WEIGHTS, r & 15), combineWeights(WEIGHTS, gb >> 4), combineWeights(WEIGHTS, gb & 15));
    if (c !== this.pens[pen]) {
      this.pens[pen] = c;
      this.penChanged |= 1 << pen;
    }
  }

  /** 0x5803 bits 0-2 (the board passes the video bits on). */
  setControl(data: number): void {
    this.backgroundPriority = data & 1;
    this.flipX = (data >> 1) & 1;
    this.flipY = (data >> 2) & 1;
  }

  // ---- drawing (at VBLANK start, MAME's screen update for the whole frame) ----------------------------

  draw(): void {
    if (this.anyDirty) this.updateTilemap();
    if (this.backgroundPriority) {
      this.bitmap.pixels.fill(0);
      this.drawSprites();
      this.drawTiles(true);
    } else {
      this.drawTiles(false);
      this.drawSprites();
    }
    // Only pixels whose pen changed need converting, unless a colour changed (then all of them).
    if (this.penChanged !== 0) {
      this.output.invalidate();
      this.penChanged = 0;
    }
    this.output.renderChanged(this.bitmap, this.pens);
  }

  /** Redraw the tiles whose code or character-RAM pattern changed into the tilemap cache. */
  private updateTilemap(): void {
    const vram = this.videoram, map = this.tilemap, cd = this.charDirty, drawn = this.drawnCodes;
    for (let i = 0; i < 1024; i++) {
      const code = vram[i];
      const ram = (code & 0x80 ? this.tilesHigh : this.tilesLow) === 'ram';
      if (drawn[i] === code && !(ram && cd[code & 0x7f] !== 0)) continue;
      drawn[i] = code;
      const src = ram ? this.ramTiles : this.romTiles;
      let from = (ram ? code & 0x7f : code) << 6;
      let to = ((i >> 5) << 11) | ((i & 31) << 3);
      for (let row = 0; row < 8; row++, to += 248) for (let x = 0; x < 8; x++) map[to++] = src[from++];
    }
    cd.fill(0);
    this.anyDirty = false;
  }

  private drawTiles(transparent: boolean): void {
    const px = this.bitmap.pixels, map = this.tilemap;
    const fx = this.flipX ? 255 : 0;
    for (let y = 0; y < H; y++) {
      // MAME mirrors a flipped tilemap within the visible area: line y shows tilemap line 239 - y
      const from = (this.flipY ? H - 1 - y : y) << 8;
      const out = y * W;
      if (!transparent && fx === 0) {
        px.set(map.subarray(from, from + W), out);
        continue;
      }
      for (let x = 0; x < W; x++) {
        const pen = map[from + (x ^ fx)];
        if (!transparent || pen !== 0) px[out + x] = pen;
      }
    }
  }

  private drawSprites(): void {
    const px = this.bitmap.pixels, ram = this.spriteram, pix = this.spritePix;
    const fx = this.flipX, fy = this.flipY;
    for (let offs = 0; offs < 256; offs += 4) {
      let sx = ram[offs + 1] - 4;
      let sy = ram[offs] - 13;
      const code = (255 ^ ram[offs + 2]) % this.spriteCount;
      if (fx) sx = 233 - sx;
      if (fy) sy = 228 - sy;
      const base = code << 8;
      for (let row = 0; row < 16; row++) {
        const y = sy + row;
        if (y < 0 || y >= H) continue;
        const srcRow = (fy ? 15 - row : row) << 4;
        for (let col = 0; col < 16; col++) {
          const x = sx + col;
          if (x < SPRITE_CLIP_MIN_X || x >= W) continue;
          const pen = pix[base + srcRow + (fx ? 15 - col : col)];
          if (pen !== 0) px[y * W + x] = pen;
        }
      }
    }
  }

  reset(): void {}

  serialize(s: Serializer): void {
    this.backgroundPriority = s.u8(this.backgroundPriority);
    this.flipX = s.u8(this.flipX);
    this.flipY = s.u8(this.flipY);
  }

  /** Rebuild what derives from RAM (palette pens, character-RAM tiles). */
  override postLoad(): void {
    for (let pen = 0; pen < 16; pen++) this.updatePen(pen);
    for (let i = 0; i < this.charram.length; i++) this.charramWritten(i, this.charram[i]);
    this.drawnCodes.fill(-1);
    this.anyDirty = true;
    this.penChanged = 0xffff;
  }
}
