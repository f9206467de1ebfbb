/**
 * Pac-Man video: one 36×28 tilemap of 8×8 tiles and 8 hardware sprites of 16×16, 2 bits per pixel,
 * colours through a 4-bit lookup PROM (82s126 at 4A) into a 32-entry palette PROM (82s123 at 7F).
 *
 * Facts (MAME 0.251 `pacman_v.cpp`, measured with our homebrew ROMs, ../shared/oracle/README.md):
 * - The tilemap is addressed column-wise for the 28 middle columns (native: tile (col, row) at
 *   `col-2 + (row+2)·32`) and row-wise for the two extra columns at each end (`row+2 + ((col-2)&31)·32`).
 * - Sprites: attribute byte (0x4ff0 + 2n) bits 7-2 code, bit 1 flip Y native (upright left-right),
 *   bit 0 flip X native (upright upside-down); palette at +1. Position bytes (0x5060 + 2n): native
 *   x = 272 - second byte, y = first byte - 31, sprites 0-2 one pixel lower native (further left upright).
 *   Drawn 7 → 0 so lower numbers are on top, clipped to native x 16-271, drawn again 256 pixels left
 *   for the wrap-around; a pixel is transparent where the lookup gives colour 0.
 * - Flip screen turns the tile layer only; MAME 0.251 does not turn sprites with it (measured).
 */
import { Device, type Serializer } from '../../src/core/device';
import type { Screen } from '../../src/core/screen';
import {
  Bitmap, decodeGfx, drawGfx, DRAW_OPAQUE, type GfxSet, lookupTable, paletteFromProm, rect, resolveIndirect,
  ScreenOutput, Tilemap, type TileInfo, transMasks,
} from '../../src/core/video';
import { PACMAN_PALETTE_SPEC, pacmanTileIndex, SPRITE_LAYOUT, TILE_LAYOUT } from './pacman.gfx';

const NATIVE_W = 288;
const NATIVE_H = 224;
/** sprite clip, native: x 2*8 .. 34*8-1 (upright rows 2-33) */
const SPRITE_CLIP = rect(16, 271, 0, 223);

/** What the video hardware reads: graphics ROM, colour PROMs, the RAM shares and the screen it draws to. */
export interface PacmanVideoMemory {
  gfx: Uint8Array;
  proms: Uint8Array;
  videoram: Uint8Array;
  colorram: Uint8Array;
  spriteram: Uint8Array;
  spriteram2: Uint8Array;
  screen: Screen;
}

export class PacmanVideo extends Device {
  private readonly tiles: GfxSet;
  private readonly sprites: GfxSet;
  /** 512 pens (256 lookups × 2 colour-table banks) → RGBA */
  private readonly pens: Uint32Array;
  /** per sprite colour: pixel values whose lookup is colour 0 (transparent) */
  private readonly spriteTrans: Uint32Array;
  private readonly tilemap: Tilemap;
  private readonly bitmap = new Bitmap(NATIVE_W, NATIVE_H);
  private readonly output: ScreenOutput;
  private flip = 0;

  private readonly videoram: Uint8Array;
  private readonly colorram: Uint8Array;
  private readonly spriteram: Uint8Array;
  private readonly spriteram2: Uint8Array;

  constructor(tag: string, mem: PacmanVideoMemory) {
    super(tag, 0);
    const { gfx, proms, screen } = mem;
    this.videoram = mem.videoram;
    this.colorram = mem.colorram;
    this.spriteram = mem.spriteram;
    this.spriteram2 = mem.spriteram2;
    this.tiles = decodeGfx(gfx, 0x0000, TILE_LAYOUT, 0x1000);
    this.sprites = decodeGfx(gfx, 0x1000, SPRITE_LAYOUT, 0x1000);
    this.tiles.colorBase = this.sprites.colorBase = 0;
    this.tiles.granularity = this.sprites.granularity = 4;
    const colors = paletteFromProm(proms.subarray(0, 32), PACMAN_PALETTE_SPEC);
    // Pens 0-255 use palette entries 0-15, pens 256-511 the upper half (colour-table bank, unused by Pac-Man).
    const table = new Uint16Array(512);
    table.set(lookupTable(proms, { offset: 32, count: 256 }), 0);
    table.set(lookupTable(proms, { offset: 32, count: 256, or: 0x10 }), 256);
    this.pens = resolveIndirect(colors, table);
    this.spriteTrans = transMasks(table, 4, 64, 0);
    this.tilemap = new Tilemap({
      gfx: this.tiles, tileWidth: 8, tileHeight: 8, cols: 36, rows: 28,
      mapper: (c, r) => pacmanTileIndex(c, r),
      getTileInfo: (i: number, info: TileInfo) => {
        info.code = this.videoram[i];
        info.color = this.colorram[i] & 0x1f;
        info.flags = 0;
      },
    });
    this.output = new ScreenOutput(rect(0, NATIVE_W - 1, 0, NATIVE_H - 1), { rotate: screen.rotate }, screen.output);
  }

  /** Video/colour RAM write hooks (map entries store first, then call these). */
  videoramWritten(offset: number, _data: number): void {
    this.tilemap.markDirty(offset);
  }
  colorramWritten(offset: number, _data: number): void {
    this.tilemap.markDirty(offset);
  }

  /** LS259 Q3 at 0x5003. */
  setFlip(state: number): void {
    this.flip = state & 1;
    this.tilemap.setFlip(this.flip === 1, this.flip === 1);
  }

  draw(): void {
    const bm = this.bitmap;
    this.tilemap.draw(bm, bm.bounds, DRAW_OPAQUE);
    const sr = this.spriteram, sp = this.spriteram2;
    for (let n = 7; n >= 0; n--) {
      const offs = n * 2;
      const attr = sr[offs];
      const color = sr[offs + 1] & 0x1f;
      const sx = 272 - sp[offs + 1];
      const sy = sp[offs] - 31 + (n <= 2 ? 1 : 0);
      const flipX = (attr & 1) !== 0;
      const flipY = (attr & 2) !== 0;
      const mask = this.spriteTrans[color & 0x3f];
      drawGfx(bm, this.sprites, attr >> 2, color, flipX, flipY, sx, sy, SPRITE_CLIP, mask);
      drawGfx(bm, this.sprites, attr >> 2, color, flipX, flipY, sx - 256, sy, SPRITE_CLIP, mask);
    }
    this.output.renderChanged(bm, this.pens); // the palette is fixed PROM data
  }

  reset(): void {}

  serialize(s: Serializer): void {
    this.flip = s.u8(this.flip);
  }

  override postLoad(): void {
    this.tilemap.setFlip(this.flip === 1, this.flip === 1);
    this.tilemap.markAllDirty();
    this.output.invalidate();
  }
}
