/**
 * Pac-Man board data for the video hardware: the graphics ROM layouts, the tilemap's address order and
 * the palette PROM's resistor wiring (MAME 0.251 `pacman_v.cpp`, facts only; formats checked against
 * MAME snapshots in ../shared/oracle/README.md "Graphics ROM formats").
 */
import { step, type GfxLayout, type PromPaletteSpec } from '../../src/core/video';

/** MAME's pacman tilelayout: 2 planes packed in one byte (bit offsets 0 and 4), right half first. */
export const TILE_LAYOUT: GfxLayout = {
  width: 8, height: 8, total: 256, planes: 2, planeOffset: [0, 4],
  xOffset: [64, 65, 66, 67, 0, 1, 2, 3], yOffset: step(0, 8, 8), charIncrement: 128,
};

export const SPRITE_LAYOUT: GfxLayout = {
  width: 16, height: 16, total: 64, planes: 2, planeOffset: [0, 4],
  xOffset: [64, 65, 66, 67, 128, 129, 130, 131, 192, 193, 194, 195, 0, 1, 2, 3],
  yOffset: [...step(0, 8, 8), ...step(256, 8, 8)], charIncrement: 512,
};

/** Native tile (col 0-35, row 0-27) → video RAM offset (MAME `pacman_scan_rows`). */
export function pacmanTileIndex(col: number, row: number): number {
  const r = row + 2;
  const c = col - 2;
  return c & 0x20 ? r + ((c & 0x1f) << 5) : c + (r << 5);
}

/**
 * The palette PROM's wiring (82s123 at 7F): bits 0–2 red through 1 kΩ / 470 Ω / 220 Ω, bits 3–5 green
 * through the same, bits 6–7 blue through 470 Ω / 220 Ω.
 */
export const PACMAN_PALETTE_SPEC: PromPaletteSpec = {
  entries: 32,
  red: { bits: [0, 1, 2], resistances: [1000, 470, 220] },
  green: { bits: [3, 4, 5], resistances: [1000, 470, 220] },
  blue: { bits: [6, 7], resistances: [470, 220] },
};
