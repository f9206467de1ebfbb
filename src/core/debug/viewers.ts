/**
 * The debugger's graphics viewers (MAME's gfx, palette and tilemap viewers): they find, in every device
 * of a machine, the decoded graphics sets (`GfxSet`), the pen tables (a `Uint32Array` of RGBA pens named
 * `pens` or `palette`) and the tilemaps (`Tilemap`) the device holds, and draw them as RGBA pictures.
 * Nothing is declared for this: a board's video device is viewable as soon as it keeps those objects.
 */
import type { Device } from '../device';
import type { GfxSet } from '../video/gfx';
import type { Tilemap } from '../video/tilemap';

export interface ViewerSource {
  /** `device.field`, e.g. `video.tiles` */
  id: string;
  kind: 'gfx' | 'palette' | 'tilemap';
  describe: string;
}

export interface Picture {
  width: number;
  height: number;
  /** RGBA, little-endian 0xAABBGGRR like the machine's framebuffer */
  pixels: Uint32Array;
}

function isGfxSet(v: unknown): v is GfxSet {
  const g = v as Partial<GfxSet>;
  return !!g && typeof g === 'object' && typeof g.width === 'number' && typeof g.total === 'number' && g.pixels instanceof Uint8Array && g.penUsage instanceof Uint32Array;
}

function isTilemap(v: unknown): v is Tilemap {
  const t = v as Partial<Tilemap>;
  return !!t && typeof t === 'object' && t.pixmap instanceof Uint16Array && typeof t.widthPx === 'number' && typeof t.heightPx === 'number';
}

function pensOf(dev: Device): Uint32Array | null {
  const d = dev as unknown as Record<string, unknown>;
  for (const name of ['pens', 'palette']) if (d[name] instanceof Uint32Array) return d[name] as Uint32Array;
  return null;
}

/** Every viewable object of the machine's devices. */
export function viewerSources(devices: Iterable<Device>): ViewerSource[] {
  const out: ViewerSource[] = [];
  for (const dev of devices) {
    for (const [name, v] of Object.entries(dev)) {
      const id = `${dev.tag}.${name}`;
      if (isGfxSet(v)) out.push({ id, kind: 'gfx', describe: `${v.total} × ${v.width}×${v.height}, ${v.planes} bpp` });
      else if (isTilemap(v)) out.push({ id, kind: 'tilemap', describe: `${v.widthPx}×${v.heightPx}` });
      else if ((name === 'pens' || name === 'palette') && v instanceof Uint32Array) out.push({ id, kind: 'palette', describe: `${v.length} pens` });
    }
  }
  return out;
}

const GREYS = [0xff000000, 0xff555555, 0xffaaaaaa, 0xffffffff];

/** Draw a source: gfx sets as a grid of 16 elements per row (colour `color`), palettes as 16 swatches per row. */
export function renderViewer(devices: Map<string, Device>, id: string, color = 0): Picture {
  const dot = id.indexOf('.');
  const dev = devices.get(id.slice(0, dot));
  const v = dev ? (dev as unknown as Record<string, unknown>)[id.slice(dot + 1)] : undefined;
  if (!dev || v === undefined) throw new Error(`nothing to view at '${id}'`);
  const pens = pensOf(dev);
  if (isGfxSet(v)) {
    const cols = 16, rows = Math.ceil(v.total / cols);
    const w = cols * (v.width + 1), h = rows * (v.height + 1);
    const px = new Uint32Array(w * h).fill(0xff202020);
    for (let e = 0; e < v.total; e++) {
      const x0 = (e % cols) * (v.width + 1), y0 = Math.floor(e / cols) * (v.height + 1);
      for (let y = 0; y < v.height; y++)
        for (let x = 0; x < v.width; x++) {
          const p = v.pixels[(e * v.height + y) * v.width + x];
          const pen = v.colorBase + color * v.granularity + p;
          px[(y0 + y) * w + x0 + x] = pens && pen < pens.length ? pens[pen] | 0xff000000 : GREYS[p & 3];
        }
    }
    return { width: w, height: h, pixels: px };
  }
  if (isTilemap(v)) {
    // Redrawn from video RAM here: a board may draw its screen without the tilemap's cache (Pac-Man).
    v.markAllDirty();
    v.update();
    const px = new Uint32Array(v.widthPx * v.heightPx);
    for (let i = 0; i < px.length; i++) px[i] = pens && v.pixmap[i] < pens.length ? pens[v.pixmap[i]] | 0xff000000 : GREYS[v.pixmap[i] & 3];
    return { width: v.widthPx, height: v.heightPx, pixels: px };
  }
  if (v instanceof Uint32Array) {
    const size = 12, cols = 16, rows = Math.ceil(v.length / cols);
    const w = cols * size, h = rows * size;
    const px = new Uint32Array(w * h);
    for (let i = 0; i < v.length; i++)
      for (let y = 1; y < size; y++)
        for (let x = 1; x < size; x++) px[((Math.floor(i / cols) * size) + y) * w + (i % cols) * size + x] = v[i] | 0xff000000;
    return { width: w, height: h, pixels: px };
  }
  throw new Error(`'${id}' is not a graphics set, tilemap or palette`);
}
