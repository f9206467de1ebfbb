/**
 * Micro-benchmark of a Pac-Man-like frame: 36×28 tilemap (opaque), 8 sprites each drawn twice
 * (wrap copy, as MAME's Pac-Man does), palette lookup + ROT90 into a 224×288 RGBA frame.
 *
 *   npx tsx src/core/video/bench/frame-bench.ts [frames]
 *
 * Prints ms per frame for: a typical frame (20 video RAM writes), a worst-case frame (every tile
 * dirty), and each stage alone. Random ROM/RAM contents; no outside data needed.
 */
import { Bitmap, rect } from '../bitmap';
import { drawGfx } from '../draw';
import { decodeGfx, step } from '../gfx';
import { PACMAN_PALETTE_SPEC } from '../../../../drivers/namco/pacman.gfx';
import { lookupTable, paletteFromProm, resolveIndirect, transMasks } from '../palette';
import { ScreenOutput } from '../screen';
import { DRAW_OPAQUE, Tilemap, type TileInfo } from '../tilemap';

const frames = Number(process.argv[2] ?? 3000);
let seed = 1;
const rnd = (): number => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed >>> 24; };
const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, rnd);

const tiles = decodeGfx(bytes(0x1000), 0, {
  width: 8, height: 8, total: 256, planes: 2, planeOffset: [0, 4],
  xOffset: [...step(64, 1, 4), ...step(0, 1, 4)], yOffset: step(0, 8, 8), charIncrement: 128,
});
const sprites = decodeGfx(bytes(0x1000), 0, {
  width: 16, height: 16, total: 64, planes: 2, planeOffset: [0, 4],
  xOffset: [...step(64, 1, 4), ...step(128, 1, 4), ...step(192, 1, 4), ...step(0, 1, 4)],
  yOffset: [...step(0, 8, 8), ...step(256, 8, 8)], charIncrement: 512,
});
const proms = bytes(32 + 256);
const colors = paletteFromProm(proms, PACMAN_PALETTE_SPEC);
const table = lookupTable(proms, { offset: 32, count: 256 });
const palette = resolveIndirect(colors, table);
const masks = transMasks(table, 4, 64, 0);

const vram = bytes(0x800);
const mapper = (col: number, row: number): number => {
  const r = row + 2, c = col - 2;  // Pac-Man's irregular 36×28 scan (MAME pacman_scan_rows facts)
  return c & 0x20 ? r + ((c & 0x1f) << 5) : c + (r << 5);
};
const tm = new Tilemap({
  gfx: tiles, tileWidth: 8, tileHeight: 8, cols: 36, rows: 28, mapper,
  getTileInfo: (i: number, info: TileInfo) => { info.code = vram[i]; info.color = vram[0x400 + i] & 0x1f; },
  visibleArea: rect(0, 287, 0, 223),
});
const native = new Bitmap(288, 224);
const screen = new ScreenOutput(native.bounds, { rotate: 90 });
const spriteClip = rect(16, 271, 0, 223);
const spr = bytes(16), pos = bytes(16);

function sprites8(): void {
  for (let n = 7; n >= 0; n--) {
    const attr = spr[2 * n], color = spr[2 * n + 1] & 0x1f;
    const sx = 272 - pos[2 * n + 1], sy = pos[2 * n] - 31;
    drawGfx(native, sprites, attr >> 2, color, (attr & 1) !== 0, (attr & 2) !== 0, sx, sy, spriteClip, masks[color]);
    drawGfx(native, sprites, attr >> 2, color, (attr & 1) !== 0, (attr & 2) !== 0, sx - 256, sy, spriteClip, masks[color]);
  }
}

function time(name: string, body: (f: number) => void): void {
  for (let f = 0; f < 200; f++) body(f); // warm-up
  // On-CPU time (user + system of this process), less sensitive to other load than wall time.
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let f = 0; f < frames; f++) body(f);
  const wall = Number(process.hrtime.bigint() - t0) / 1e6 / frames;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e3 / frames;
  console.log(`${name.padEnd(40)} cpu ${cpu.toFixed(4)} ms/frame  wall ${wall.toFixed(4)} ms/frame`);
}

time('typical frame (20 VRAM writes)', () => {
  for (let i = 0; i < 20; i++) { const a = (rnd() << 2 | rnd() & 3) & 0x3ff; vram[a] = rnd(); tm.markDirty(a); }
  tm.draw(native, native.bounds, DRAW_OPAQUE);
  for (let i = 0; i < 16; i++) pos[i] = rnd();
  sprites8();
  screen.render(native, palette);
});
time('worst frame (all tiles dirty)', () => {
  tm.markAllDirty();
  tm.draw(native, native.bounds, DRAW_OPAQUE);
  sprites8();
  screen.render(native, palette);
});
time('  tilemap copy only (clean cache)', () => tm.draw(native, native.bounds, DRAW_OPAQUE));
time('  tilemap full redraw + copy', () => { tm.markAllDirty(); tm.draw(native, native.bounds, DRAW_OPAQUE); });
// A transparent layer where 3/4 of the tiles are blank (tile 0 cleared), like a text/score overlay.
tiles.pixels.fill(0, 0, 64);
const fgRam = Uint8Array.from(vram, (v, i) => (i < 0x400 && (i & 3) !== 0 ? 0 : v));
const fg = new Tilemap({
  gfx: tiles, tileWidth: 8, tileHeight: 8, cols: 36, rows: 28, mapper, transMask: 1,
  getTileInfo: (i: number, info: TileInfo) => { info.code = fgRam[i]; info.color = fgRam[0x400 + i] & 0x1f; },
});
time('  transparent layer copy (3/4 blank tiles)', () => fg.draw(native, native.bounds, 0));
time('  8 sprites x 2 (transmask, clip)', () => sprites8());
time('  palette + ROT90 to 224x288 RGBA', () => screen.render(native, palette));
