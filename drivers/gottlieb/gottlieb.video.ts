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
/** the visible screen in 8×8 cells */
const ROWS = H >> 3;
const CELLS = 32 * ROWS;

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
  /** video RAM cells written since the last frame (a list, and a flag per cell against duplicates) */
  private readonly writtenCells = new Uint16Array(1024);
  private writtenCount = 0;
  private readonly cellWritten = new Uint8Array(1024);
  /** character-RAM tiles changed since the last frame, by code 0-127 */
  private readonly charDirty = new Uint8Array(128);
  /** every cell must be checked (character RAM changed, or a state was loaded) */
  private allDirty = true;
  /** the visible rows of the tilemap cache, whole, and one by one (flip Y copies them in reverse) */
  /** screen cells (32 × 30 of 8×8) to redraw this frame */
  private readonly dirtyCells = new Uint8Array(CELLS);
  /** the cells the sprites covered in the last frame, and the ones they cover in this one */
  private spriteCells = new Uint8Array(CELLS);
  private spriteCellsNext = new Uint8Array(CELLS);
  /** per sprite picture, the box of its opaque pixels: first/last column, first/last row (empty: 16, -1) */
  private readonly spriteBoxes: Int8Array;
  /** the last `spriteBox` result */
  private spriteX0 = 0;
  private spriteX1 = 0;
  private spriteY0 = 0;
  private spriteY1 = 0;
  /** the control bits of the last frame drawn (-1: none), and whether the next frame is drawn whole */
  private drawnControl = -1;
  private redrawAll = true;
  /** pens whose colour changed since the last frame (bit n = pen n) */
  private penChanged = 0;
  /** per tilemap cell, the pens its tile uses (bit n = pen n): the cells to re-convert when colours change */
  private readonly cellPens = new Uint16Array(1024);
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
    this.spriteBoxes = new Int8Array(this.spriteCount * 4);
    for (let code = 0; code < this.spriteCount; code++) {
      let c0 = 16, c1 = -1, r0 = 16, r1 = -1;
      for (let y = 0; y < 16; y++) {
        for (let x = 0; x < 16; x++) {
          if (this.spritePix[code * 256 + y * 16 + x] === 0) continue;
          c0 = Math.min(c0, x); c1 = Math.max(c1, x); r0 = Math.min(r0, y); r1 = Math.max(r1, y);
        }
      }
      this.spriteBoxes.set([c0, c1, r0, r1], code * 4);
    }
    this.postLoad();
  }

  // ---- CPU writes (map hooks: the RAM byte is already stored) ----------------------------------------

  videoramWritten(offset: number, _data: number): void {
    const cell = offset & 0x3ff;
    if (this.cellWritten[cell] === 0) {
      this.cellWritten[cell] = 1;
      this.writtenCells[this.writtenCount++] = cell;
    }
  }

  charramWritten(offset: number, data: number): void {
    this.ramTiles[offset * 2] = data >> 4;
    this.ramTiles[offset * 2 + 1] = data & 15;
    this.charDirty[offset >> 5] = 1;
    this.allDirty = true;
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
  //
  // The frame is composed as MAME does it (tiles, then sprites 0 → 63; with background priority, sprites
  // only where the tile pixel is pen 0, which is what MAME's clear + sprites + transparent tiles gives),
  // but only in the 8×8 screen cells that can differ from the last frame: cells whose tile was redrawn,
  // and cells any sprite covered in this frame or the last. The bitmap keeps every other cell, and only
  // the redrawn cells go through the output conversion. A change of the flip or priority bits, a state
  // load or character-RAM writes redraw everything.

  draw(): void {
    const control = this.backgroundPriority | (this.flipX << 1) | (this.flipY << 2);
    if (control !== this.drawnControl) {
      this.drawnControl = control;
      this.redrawAll = true;
    }
    if (this.allDirty) this.updateTilemap();
    else if (this.writtenCount !== 0) this.updateWrittenCells();
    const cells = this.dirtyCells;
    // the sprites' cells, this frame's and the last one's (what they covered must be redrawn without them)
    const last = this.spriteCells, now = this.spriteCellsNext;
    now.fill(0);
    this.markSpriteCells(now);
    for (let c = 0; c < CELLS; c++) cells[c] |= last[c] | now[c];
    this.spriteCells = now;
    this.spriteCellsNext = last;
    if (this.redrawAll) cells.fill(1);
    for (let c = 0; c < CELLS; c++) if (cells[c] !== 0) this.drawCellTiles(c);
    this.drawSprites();
    if (this.redrawAll) {
      this.output.renderAll(this.bitmap, this.pens);
      this.redrawAll = false;
    } else {
      // Changed colours: the cells whose tile uses them are converted again (cells sprites cover are
      // converted anyway).
      const moved = this.penChanged, pens = this.cellPens;
      for (let c = 0; c < CELLS; c++) {
        if (cells[c] === 0 && (moved === 0 || (pens[this.tilemapCell(c)] & moved) === 0)) continue;
        const x = (c & 31) << 3, y = (c >> 5) << 3;
        this.output.renderArea(this.bitmap, this.pens, x, x + 7, y, y + 7);
      }
      this.output.finishAreas(this.bitmap, this.pens, false);
    }
    this.penChanged = 0;
    cells.fill(0);
  }

  /** Redraw the tiles whose code or character-RAM pattern changed into the tilemap cache. */
  private updateTilemap(): void {
    const cd = this.charDirty;
    for (let i = 0; i < 1024; i++) this.updateCell(i, cd);
    cd.fill(0);
    this.allDirty = false;
    this.forgetWrittenCells();
  }

  /** Only video RAM was written since the last frame: the written cells are all that can have changed. */
  private updateWrittenCells(): void {
    const cells = this.writtenCells, cd = this.charDirty;
    for (let k = 0; k < this.writtenCount; k++) this.updateCell(cells[k], cd);
    this.forgetWrittenCells();
  }

  private forgetWrittenCells(): void {
    const cells = this.writtenCells, written = this.cellWritten;
    for (let k = 0; k < this.writtenCount; k++) written[cells[k]] = 0;
    this.writtenCount = 0;
  }

  /** Redraw tilemap cell `i` into the cache if its code or pattern changed, and mark where it shows. */
  private updateCell(i: number, charDirty: Uint8Array): void {
    const code = this.videoram[i];
    const ram = (code & 0x80 ? this.tilesHigh : this.tilesLow) === 'ram';
    if (this.drawnCodes[i] === code && !(ram && charDirty[code & 0x7f] !== 0)) return;
    this.drawnCodes[i] = code;
    const src = ram ? this.ramTiles : this.romTiles, map = this.tilemap;
    let from = (ram ? code & 0x7f : code) << 6;
    let to = ((i >> 5) << 11) | ((i & 31) << 3);
    let pens = 0;
    for (let row = 0; row < 8; row++, to += 248) for (let x = 0; x < 8; x++) pens |= 1 << (map[to++] = src[from++]);
    this.cellPens[i] = pens;
    // The flips mirror the tilemap within the visible 256×240, which keeps cells on the 8-pixel grid;
    // rows 30 and 31 of the tilemap are never visible.
    const cx = this.flipX ? 31 - (i & 31) : i & 31, cy = this.flipY ? ROWS - 1 - (i >> 5) : i >> 5;
    if (cy >= 0 && cy < ROWS) this.dirtyCells[(cy << 5) | cx] = 1;
  }

  /** The tilemap cell shown in screen cell `c` (the flips mirror the visible 32 × 30 cells). */
  private tilemapCell(c: number): number {
    const cx = c & 31, cy = c >> 5;
    return ((this.flipY ? ROWS - 1 - cy : cy) << 5) | (this.flipX ? 31 - cx : cx);
  }

  /** Copy screen cell `c`'s tile pixels from the tilemap cache (mirrored when flipped). */
  private drawCellTiles(c: number): void {
    const px = this.bitmap.pixels, map = this.tilemap;
    const x0 = (c & 31) << 3, y0 = (c >> 5) << 3;
    const fy = this.flipY;
    for (let y = y0; y < y0 + 8; y++) {
      const from = (fy ? H - 1 - y : y) << 8, out = y * W;
      if (!this.flipX) {
        for (let x = x0; x < x0 + 8; x++) px[out + x] = map[from + x];
      } else {
        for (let x = x0; x < x0 + 8; x++) px[out + x] = map[from + 255 - x];
      }
    }
  }

  /**
   * Where sprite `offs` lands on screen, clipped, from its picture's opaque box (empty pictures draw
   * nothing): sets spriteX0/X1/Y0/Y1 and returns false when nothing shows.
   */
  private spriteBox(offs: number): boolean {
    const ram = this.spriteram;
    let sx = ram[offs + 1] - 4, sy = ram[offs] - 13;
    const code = (255 ^ ram[offs + 2]) % this.spriteCount;
    const box = this.spriteBoxes;
    let c0 = box[code * 4], c1 = box[code * 4 + 1], r0 = box[code * 4 + 2], r1 = box[code * 4 + 3];
    if (c0 > c1) return false;
    if (this.flipX) { sx = 233 - sx; const t = c0; c0 = 15 - c1; c1 = 15 - t; }
    if (this.flipY) { sy = 228 - sy; const t = r0; r0 = 15 - r1; r1 = 15 - t; }
    const x0 = Math.max(sx + c0, SPRITE_CLIP_MIN_X), x1 = Math.min(sx + c1, W - 1);
    const y0 = Math.max(sy + r0, 0), y1 = Math.min(sy + r1, H - 1);
    if (x0 > x1 || y0 > y1) return false;
    this.spriteX0 = x0; this.spriteX1 = x1; this.spriteY0 = y0; this.spriteY1 = y1;
    return true;
  }

  private markSpriteCells(cells: Uint8Array): void {
    for (let offs = 0; offs < 256; offs += 4) {
      if (!this.spriteBox(offs)) continue;
      for (let cy = this.spriteY0 >> 3; cy <= this.spriteY1 >> 3; cy++) {
        for (let cx = this.spriteX0 >> 3; cx <= this.spriteX1 >> 3; cx++) cells[(cy << 5) | cx] = 1;
      }
    }
  }

  private drawSprites(): void {
    const px = this.bitmap.pixels, ram = this.spriteram, pix = this.spritePix, map = this.tilemap;
    const fx = this.flipX, fy = this.flipY, behind = this.backgroundPriority;
    for (let offs = 0; offs < 256; offs += 4) {
      if (!this.spriteBox(offs)) continue;
      const sx = fx ? 233 - (ram[offs + 1] - 4) : ram[offs + 1] - 4;
      const sy = fy ? 228 - (ram[offs] - 13) : ram[offs] - 13;
      const base = ((255 ^ ram[offs + 2]) % this.spriteCount) << 8;
      for (let y = this.spriteY0; y <= this.spriteY1; y++) {
        const row = y - sy, srcRow = base + ((fy ? 15 - row : row) << 4), out = y * W;
        const tileRow = (fy ? H - 1 - y : y) << 8;
        for (let x = this.spriteX0; x <= this.spriteX1; x++) {
          const col = x - sx;
          const pen = pix[srcRow + (fx ? 15 - col : col)];
          if (pen === 0) continue;
          // background priority: the sprite shows only where the tile pixel is transparent
          if (behind && map[tileRow + (fx ? 255 - x : x)] !== 0) continue;
          px[out + x] = pen;
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
    this.allDirty = true;
    this.redrawAll = true;
  }
}
