/**
 * End to end against MAME 0.251: the video helpers, driven the way the README's Pac-Man example drives
 * them, turn MAME's own RAM dumps plus our homebrew graphics/PROMs into exactly MAME's snapshots.
 * Fixtures and the command that made them: fixtures/pacman-homebrew/README.md.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PACMAN_PALETTE_SPEC, SPRITE_LAYOUT, TILE_LAYOUT } from '../../../drivers/namco/pacman.gfx';
import {
  Bitmap, DRAW_OPAQUE, ScreenOutput, Tilemap, decodeGfx, drawGfxWrapped, lookupTable,
  paletteFromProm, rect, resolveIndirect, transMasks, type TileInfo,
} from '../../../src/core/video';

const dir = join(__dirname, 'fixtures', 'pacman-homebrew');
const file = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));

function pacmanVideo() {
  const ram = new Uint8Array(0x800);           // 0x4000-0x47ff: video RAM then colour RAM
  const sprRam = new Uint8Array(16), sprPos = new Uint8Array(16);
  const tiles = decodeGfx(file('pacman.5e'), 0, TILE_LAYOUT);
  const sprites = decodeGfx(file('pacman.5f'), 0, SPRITE_LAYOUT);
  const colors = paletteFromProm(file('82s123.7f'), PACMAN_PALETTE_SPEC);
  const table = lookupTable(file('82s126.4a'), { count: 256 });
  const palette = resolveIndirect(colors, table);
  const spriteMask = transMasks(table, 4, 64, 0);
  // MAME pacman_scan_rows facts: native 36 columns x 28 rows; columns 0-1 and 34-35 are the top/bottom rows.
  const scan = (col: number, row: number): number => {
    const r = row + 2, c = col - 2;
    return c & 0x20 ? r + ((c & 0x1f) << 5) : c + (r << 5);
  };
  const bg = new Tilemap({
    gfx: tiles, tileWidth: 8, tileHeight: 8, cols: 36, rows: 28, mapper: scan, visibleArea: rect(0, 287, 0, 223),
    getTileInfo: (i: number, t: TileInfo) => { t.code = ram[i]; t.color = ram[0x400 + i] & 0x1f; },
  });
  const native = new Bitmap(288, 224);
  const screen = new ScreenOutput(native.bounds, { rotate: 90 });
  const spriteClip = rect(16, 271, 0, 223);
  const draw = (): Uint32Array => {
    bg.draw(native, native.bounds, DRAW_OPAQUE);
    for (let n = 7; n >= 0; n--) {
      const attr = sprRam[2 * n], color = sprRam[2 * n + 1] & 0x1f;
      const sx = 272 - sprPos[2 * n + 1], sy = sprPos[2 * n] - 31 + (n <= 2 ? 1 : 0);
      drawGfxWrapped(native, sprites, attr >> 2, color, (attr & 1) !== 0, (attr & 2) !== 0, sx, sy, spriteClip,
        spriteMask[color], 256, 0);
    }
    return screen.render(native, palette);
  };
  /** Load a RAM dump as the CPU's writes would: store and mark dirty. */
  const load = (dump: Uint8Array): void => {
    for (let a = 0; a < 0x800; a++) if (ram[a] !== dump[a]) { ram[a] = dump[a]; bg.markDirty(a & 0x3ff); }
    sprRam.set(dump.subarray(0x800, 0x810));
    sprPos.set(dump.subarray(0x810, 0x820));
  };
  return { draw, load, screen, bg };
}

function compare(out: Uint32Array, png: string, w: string, h: string, sha1: string): void {
  const ref = PNG.sync.read(Buffer.from(file(png)));
  let bad = 0;
  const rgb = Buffer.alloc(out.length * 3);
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    rgb[i * 3] = c & 0xff; rgb[i * 3 + 1] = (c >>> 8) & 0xff; rgb[i * 3 + 2] = (c >>> 16) & 0xff;
    if (rgb[i * 3] !== ref.data[i * 4] || rgb[i * 3 + 1] !== ref.data[i * 4 + 1] || rgb[i * 3 + 2] !== ref.data[i * 4 + 2]) bad++;
  }
  expect(bad).toBe(0);
  // The oracle's hash: SHA-1 of "WxH:" followed by the RGB rows.
  expect(createHash('sha1').update(`${w}x${h}:`).update(rgb).digest('hex')).toBe(sha1);
}

const snapshots = readFileSync(join(dir, 'snapshots.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));

describe('Pac-Man homebrew frames vs MAME 0.251 snapshots', () => {
  // One machine for all frames, in order, so the dirty-tile cache is exercised across frames.
  const video = pacmanVideo();
  for (const [frame, png, w, h, sha1] of snapshots) {
    it(`frame ${frame}: every pixel and the rgb_sha1 match`, () => {
      video.load(file(`ram-${frame.padStart(3, '0')}.bin`));
      const out = video.draw();
      expect([video.screen.width, video.screen.height]).toEqual([Number(w), Number(h)]);
      compare(out, png, w, h, sha1);
    });
  }
});

describe('Pac-Man homebrew with flip screen on vs MAME 0.251', () => {
  it('frame 62: tiles turned by 180 degrees around the visible area, sprites untouched', () => {
    const [, frame, png, w, h, sha1] = readFileSync(join(dir, 'flip.tsv'), 'utf8').trim().split('\t');
    const video = pacmanVideo();
    video.bg.setFlip(true, true); // latch 0x5003 = 1
    video.load(file(`ram-flip-${frame.padStart(3, '0')}.bin`));
    compare(video.draw(), png, w, h, sha1);
  });
});
