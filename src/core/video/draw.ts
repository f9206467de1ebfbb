/**
 * Drawing decoded graphics elements into an indexed bitmap: MAME's drawgfx family (`opaque`,
 * `transpen`, `transmask`, `prio_transmask`), with the same conventions:
 *
 * - the element's top-left corner goes to (sx, sy) before flipping; flipX/flipY mirror the element
 *   in place (MAME: `flipx` reads source columns right-to-left);
 * - pen = gfx.colorBase + color × gfx.granularity + pixel value;
 * - `transMask` bit p set = pixel value p is transparent (MAME `transmask`; `transpen(p)` is
 *   `1 << p`; 0 = opaque). Values ≥ 32 are never transparent through a mask: use `drawGfxTable`;
 * - the code wraps modulo the element count, as MAME's `gfx_element` does;
 * - drawing is clipped to `clip ∩ bitmap`.
 *
 * No allocation: the clip is resolved into a reused scratch area, and the inner loops walk typed arrays with a
 * fixed step (+1 or −1 for flipX).
 */
import type { Bitmap, PriorityBitmap, Rect } from './bitmap';
import type { GfxSet } from './gfx';

/** The element's on-screen area after clipping, filled by `clipElement` (a reused scratch: no allocation). */
const area = { x0: 0, x1: 0, y0: 0, y1: 0 };

/** Clip a w×h element at (sx, sy) to `clip ∩ dst` into `area`; false when nothing is left to draw. */
function clipElement(dst: Bitmap, w: number, h: number, sx: number, sy: number, clip: Rect): boolean {
  area.x0 = Math.max(sx, clip.minX, 0);
  area.x1 = Math.min(sx + w - 1, clip.maxX, dst.width - 1);
  area.y0 = Math.max(sy, clip.minY, 0);
  area.y1 = Math.min(sy + h - 1, clip.maxY, dst.height - 1);
  return area.x1 >= area.x0 && area.y1 >= area.y0;
}

/** Draw element `code` of `gfx` in colour `color` at (sx, sy). `transMask` 0 = opaque. */
export function drawGfx(
  dst: Bitmap, gfx: GfxSet, code: number, color: number, flipX: boolean, flipY: boolean,
  sx: number, sy: number, clip: Rect, transMask: number,
): void {
  const w = gfx.width, h = gfx.height;
  if (!clipElement(dst, w, h, sx, sy, clip)) return;
  const { x0, x1, y0, y1 } = area;

  code %= gfx.total;
  if (code < 0) code += gfx.total;
  const usage = gfx.penUsage[code];
  const mask = transMask >>> 0;
  // Wholly transparent for this mask: nothing to do (exact only when every value is < 31).
  if (mask !== 0 && gfx.planes <= 5 && (usage & ~mask) === 0) return;

  const pen0 = gfx.colorBase + color * gfx.granularity;
  const src = gfx.pixels, out = dst.pixels, dw = dst.width;
  const base = code * w * h;
  const dx = flipX ? -1 : 1;
  const count = x1 - x0 + 1;
  const opaque = mask === 0 || (usage & mask) === 0;
  for (let y = y0; y <= y1; y++) {
    const row = flipY ? h - 1 - (y - sy) : y - sy;
    let s = base + row * w + (flipX ? w - 1 - (x0 - sx) : x0 - sx);
    let d = y * dw + x0;
    const end = d + count;
    if (opaque) {
      for (; d < end; d++, s += dx) out[d] = pen0 + src[s];
    } else {
      for (; d < end; d++, s += dx) {
        const v = src[s];
        if (v > 31 || ((mask >>> v) & 1) === 0) out[d] = pen0 + v;
      }
    }
  }
}

/** `drawGfx` with a transparency table: `trans[value]` ≠ 0 = transparent (any depth up to 8 bpp). */
export function drawGfxTable(
  dst: Bitmap, gfx: GfxSet, code: number, color: number, flipX: boolean, flipY: boolean,
  sx: number, sy: number, clip: Rect, trans: Uint8Array,
): void {
  const w = gfx.width, h = gfx.height;
  if (!clipElement(dst, w, h, sx, sy, clip)) return;
  const { x0, x1, y0, y1 } = area;
  code %= gfx.total;
  if (code < 0) code += gfx.total;
  const pen0 = gfx.colorBase + color * gfx.granularity;
  const src = gfx.pixels, out = dst.pixels, dw = dst.width;
  const base = code * w * h;
  const dx = flipX ? -1 : 1;
  const count = x1 - x0 + 1;
  for (let y = y0; y <= y1; y++) {
    const row = flipY ? h - 1 - (y - sy) : y - sy;
    let s = base + row * w + (flipX ? w - 1 - (x0 - sx) : x0 - sx);
    let d = y * dw + x0;
    const end = d + count;
    for (; d < end; d++, s += dx) {
      const v = src[s];
      if (trans[v] === 0) out[d] = pen0 + v;
    }
  }
}

/**
 * MAME's `prio_transmask`: a pixel that is not transparent is drawn only where
 * `(1 << (prio & 0x1f)) & primask` is 0, and marks the priority map with 31 either way, so a later
 * sprite never overwrites an earlier one (MAME draws sprites front to back with this).
 */
export function drawGfxPrio(
  dst: Bitmap, prio: PriorityBitmap, gfx: GfxSet, code: number, color: number, flipX: boolean, flipY: boolean,
  sx: number, sy: number, clip: Rect, transMask: number, primask: number,
): void {
  const w = gfx.width, h = gfx.height;
  if (!clipElement(dst, w, h, sx, sy, clip)) return;
  const { x0, x1, y0, y1 } = area;
  code %= gfx.total;
  if (code < 0) code += gfx.total;
  const mask = transMask >>> 0;
  if (mask !== 0 && gfx.planes <= 5 && (gfx.penUsage[code] & ~mask) === 0) return;
  const pen0 = gfx.colorBase + color * gfx.granularity;
  const src = gfx.pixels, out = dst.pixels, pri = prio.pixels, dw = dst.width;
  const base = code * w * h;
  const dx = flipX ? -1 : 1;
  const count = x1 - x0 + 1;
  const pm = primask >>> 0;
  for (let y = y0; y <= y1; y++) {
    const row = flipY ? h - 1 - (y - sy) : y - sy;
    let s = base + row * w + (flipX ? w - 1 - (x0 - sx) : x0 - sx);
    let d = y * dw + x0;
    const end = d + count;
    for (; d < end; d++, s += dx) {
      const v = src[s];
      if (v > 31 || ((mask >>> v) & 1) === 0) {
        if (((1 << (pri[d] & 0x1f)) & pm) === 0) out[d] = pen0 + v;
        pri[d] = 31;
      }
    }
  }
}

/**
 * Draw an element and its wrapped copies: at (sx, sy), (sx − wrapX, sy), (sx, sy − wrapY) and
 * (sx − wrapX, sy − wrapY), leaving out a copy when its wrap distance is 0. This is how MAME's
 * Pac-Man draws every sprite twice (at sx and sx − 256) so sprites cross the screen edge.
 */
export function drawGfxWrapped(
  dst: Bitmap, gfx: GfxSet, code: number, color: number, flipX: boolean, flipY: boolean,
  sx: number, sy: number, clip: Rect, transMask: number, wrapX: number, wrapY: number,
): void {
  drawGfx(dst, gfx, code, color, flipX, flipY, sx, sy, clip, transMask);
  if (wrapX !== 0) drawGfx(dst, gfx, code, color, flipX, flipY, sx - wrapX, sy, clip, transMask);
  if (wrapY !== 0) {
    drawGfx(dst, gfx, code, color, flipX, flipY, sx, sy - wrapY, clip, transMask);
    if (wrapX !== 0) drawGfx(dst, gfx, code, color, flipX, flipY, sx - wrapX, sy - wrapY, clip, transMask);
  }
}
