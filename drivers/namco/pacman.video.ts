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
  decodeGfx, drawGfxOriented, type GfxSet, lookupTable, OrientedTiles, OutputStrides, paletteFromProm, rect,
  resolveIndirect, ScreenOutput, TILE_FLIPX, TILE_FLIPY, Tilemap, type TileInfo, transMasks,
} from '../../src/core/video';
import { PACMAN_PALETTE_SPEC, pacmanTileIndex, SPRITE_LAYOUT, TILE_LAYOUT } from './pacman.gfx';

const NATIVE_W = 288;
const NATIVE_H = 224;
const COLS = NATIVE_W / 8;
const ROWS = NATIVE_H / 8;
const CELLS = COLS * ROWS;
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

/**
 * Drawn straight into the oriented RGBA frame (the palette is fixed PROM data): a screen cell (8×8 native
 * pixels) is redrawn from its tile when the tile it shows changed (code, colour or flip) or a sprite
 * covered it last frame; then the sprites are drawn over. Every pixel is what MAME's tilemap +
 * sprites + palette give (the goldens compare them pixel for pixel).
 */
export class PacmanVideo extends Device {
  private readonly tiles: GfxSet;
  private readonly sprites: GfxSet;
  /** the tile layer as a MAME-style tilemap, for the debugger's tilemap viewer only (it redraws it when shown) */
  private readonly tilemap: Tilemap;
  /** 512 pens (256 lookups × 2 colour-table banks) → RGBA */
  private readonly pens: Uint32Array;
  /** per sprite colour: pixel values whose lookup is colour 0 (transparent) */
  private readonly spriteTrans: Uint32Array;
  private readonly output: ScreenOutput;
  private readonly strides: OutputStrides;
  private readonly orientedTiles: OrientedTiles;
  /** per screen cell (row × 36 + column, native): output index of its block */
  private readonly cellBlock = new Int32Array(CELLS);
  /** logical cell (row × 36 + column) → video/colour RAM offset */
  private readonly memOfCell = new Int16Array(CELLS);
  /** per screen cell: code | colour << 8 | flip << 13 of the tile it shows, -1 = to be drawn */
  private readonly shown = new Int32Array(CELLS).fill(-1);
  /** screen cells a sprite was drawn over last frame (they show the tile again before this frame's sprites) */
  private readonly underSprite = new Uint8Array(CELLS);
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
    const tiles = this.tiles = decodeGfx(gfx, 0x0000, TILE_LAYOUT, 0x1000);
    this.sprites = decodeGfx(gfx, 0x1000, SPRITE_LAYOUT, 0x1000);
    tiles.colorBase = this.sprites.colorBase = 0;
    tiles.granularity = this.sprites.granularity = 4;
    const colors = paletteFromProm(proms.subarray(0, 32), PACMAN_PALETTE_SPEC);
    // Pens 0-255 use palette entries 0-15, pens 256-511 the upper half (colour-table bank, unused by Pac-Man).
    const table = new Uint16Array(512);
    table.set(lookupTable(proms, { offset: 32, count: 256 }), 0);
    table.set(lookupTable(proms, { offset: 32, count: 256, or: 0x10 }), 256);
    this.pens = resolveIndirect(colors, table);
    this.spriteTrans = transMasks(table, 4, 64, 0);
    this.output = new ScreenOutput(rect(0, NATIVE_W - 1, 0, NATIVE_H - 1), { rotate: screen.rotate }, screen.output);
    this.strides = new OutputStrides(this.output);
    this.orientedTiles = new OrientedTiles(tiles, this.strides);
    this.tilemap = new Tilemap({
      gfx: tiles, tileWidth: 8, tileHeight: 8, cols: COLS, rows: ROWS, mapper: pacmanTileIndex,
      getTileInfo: (i: number, info: TileInfo) => {
        info.code = this.videoram[i];
        info.color = this.colorram[i] & 0x1f;
        info.flags = 0;
      },
    });
    for (let row = 0; row < ROWS; row++) {
      for (let col = 0; col < COLS; col++) {
        const cell = row * COLS + col, m = pacmanTileIndex(col, row);
        this.memOfCell[cell] = m;
        this.cellBlock[cell] = this.orientedTiles.blockAt(col * 8, row * 8);
      }
    }
  }

  /** LS259 Q3 at 0x5003. */
  setFlip(state: number): void {
    this.flip = state & 1;
    this.tilemap.setFlip(this.flip === 1, this.flip === 1);
  }

  draw(): void {
    this.drawTiles();
    const sr = this.spriteram, sp = this.spriteram2, under = this.underSprite;
    for (let n = 7; n >= 0; n--) {
      const offs = n * 2;
      const attr = sr[offs];
      const color = sr[offs + 1] & 0x1f;
      const sx = 272 - sp[offs + 1];
      const sy = sp[offs] - 31 + (n <= 2 ? 1 : 0);
      const flipX = (attr & 1) !== 0;
      const flipY = (attr & 2) !== 0;
      const mask = this.spriteTrans[color & 0x3f];
      // Drawn again 256 pixels left for the wrap-around (MAME draws every sprite twice).
      for (let x = sx; x >= sx - 256; x -= 256) {
        if (!drawGfxOriented(this.strides, this.pens, this.sprites, attr >> 2, color, flipX, flipY, x, sy, SPRITE_CLIP, mask)) continue;
        const c0 = Math.max(x, SPRITE_CLIP.minX) >> 3, c1 = Math.min(x + 15, SPRITE_CLIP.maxX) >> 3;
        const r0 = Math.max(sy, 0) >> 3, r1 = Math.min(sy + 15, NATIVE_H - 1) >> 3;
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) under[r * COLS + c] = 1;
      }
    }
  }

  /**
   * Redraw the screen cells that no longer show their tile: the tile's code or colour changed, or a sprite
   * covered the cell last frame. Comparing 1008 cells a frame costs less than a write hook on every video
   * and colour RAM store (busy programs rewrite them all every frame). Flip screen turns the tile layer
   * only: logical cell c then sits at screen cell CELLS-1-c, its pixels turned half a circle (MAME set_flip).
   */
  private drawTiles(): void {
    const flip = this.flip, shown = this.shown, under = this.underSprite;
    const vram = this.videoram, cram = this.colorram, memOfCell = this.memOfCell, blocks = this.cellBlock;
    const tiles = this.orientedTiles, pens = this.pens;
    const tileFlip = flip ? TILE_FLIPX | TILE_FLIPY : 0;
    for (let p = 0; p < CELLS; p++) {
      const m = memOfCell[flip ? CELLS - 1 - p : p], code = vram[m], color = cram[m] & 0x1f;
      const key = code | (color << 8) | (tileFlip << 13);
      if (key === shown[p] && under[p] === 0) continue;
      shown[p] = key;
      tiles.draw(blocks[p], code, tileFlip, color * 4, pens);
    }
    under.fill(0);
  }

  reset(): void {}

  serialize(s: Serializer): void {
    this.flip = s.u8(this.flip);
  }

  override postLoad(): void {
    this.flip &= 1;
    this.tilemap.setFlip(this.flip === 1, this.flip === 1);
    this.shown.fill(-1);
  }
}
