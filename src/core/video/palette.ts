/**
 * Colour PROM decoding: resistor-weighted DACs and lookup (colour-table) PROMs.
 *
 * Sources: MAME's `emu/video/resnet.cpp` (`compute_resistor_weights`, `combine_weights`), facts only:
 * each resistor of a network is taken alone as connected to the high level while the others and the
 * optional pull-down go to ground (an optional pull-up sits on the high side); the divider output,
 * clamped to [min, max], is that resistor's weight. With a negative scaler every weight is scaled by
 * max / (largest sum of weights over all the networks computed together), so the brightest network's
 * full-on value is exactly `max`. A channel level is sum(weight × bit) rounded as `(int)(x + 0.5)`.
 * The Pac-Man wiring (MAME `pacman_v.cpp`, `pacman_palette`: 1 kΩ / 470 Ω / 220 Ω for red and green,
 * 470 Ω / 220 Ω for blue, no pull resistors) gives the levels measured in MAME 0.251
 * (`../shared/oracle/README.md`, "Colour PROMs"): 0x21, 0x47, 0x97 and 0x51, 0xae.
 *
 * Colours are packed as 0xAABBGGRR: little-endian memory order R, G, B, A, i.e. what an RGBA8
 * texture or `ImageData` expects when the Uint32Array shares its buffer. A is always 0xff.
 */

/** One resistor network (one colour channel). Resistances in ohms; 0 means "no resistor" (ignored). */
export interface ResistorNet {
  resistances: readonly number[];
  /** Pull-down to ground in ohms, 0 or absent when there is none. */
  pulldown?: number;
  /** Pull-up to the high level in ohms, 0 or absent when there is none. */
  pullup?: number;
}

export interface ResistorWeights {
  /** weights[net][resistor], already scaled. */
  weights: Float64Array[];
  /** The scaler that was applied (the one given, or the computed one when the given one is negative). */
  scale: number;
}

/** MAME stands in an infinite resistance with a 1e12 Ω conductance floor; we do the same. */
const OPEN_CONDUCTANCE = 1 / 1e12;

/**
 * Weights of 1–3 (or more) resistor networks computed together, as MAME's `compute_resistor_weights`
 * defines them (see the file header). `scaler < 0` = autoscale so the largest network sums to `maxval`.
 */
export function computeResistorWeights(minval: number, maxval: number, scaler: number, nets: readonly ResistorNet[]): ResistorWeights {
  if (nets.length === 0) throw new RangeError('computeResistorWeights: no networks');
  const raw: Float64Array[] = [];
  let maxSum = 0;
  let maxNet = 0;
  for (let i = 0; i < nets.length; i++) {
    const net = nets[i];
    const r = net.resistances;
    const pd = net.pulldown ?? 0;
    const pu = net.pullup ?? 0;
    const w = new Float64Array(r.length);
    let sum = 0;
    for (let n = 0; n < r.length; n++) {
      let g0 = pd === 0 ? OPEN_CONDUCTANCE : 1 / pd;   // conductance to ground
      let g1 = pu === 0 ? OPEN_CONDUCTANCE : 1 / pu;   // conductance to the high level
      for (let j = 0; j < r.length; j++) {
        if (r[j] === 0) continue;
        if (j === n) g1 += 1 / r[j];
        else g0 += 1 / r[j];
      }
      const r0 = 1 / g0, r1 = 1 / g1;
      const v = (maxval - minval) * r0 / (r1 + r0) + minval;
      w[n] = v < minval ? minval : v > maxval ? maxval : v;
      sum += w[n];
    }
    raw.push(w);
    if (maxSum < sum) { maxSum = sum; maxNet = i; }
  }
  // MAME picks the network with the greatest sum; all-zero networks leave net 0 as the reference.
  let refSum = 0;
  for (let n = 0; n < raw[maxNet].length; n++) refSum += raw[maxNet][n];
  const scale = scaler < 0 ? maxval / refSum : scaler;
  for (const w of raw) for (let n = 0; n < w.length; n++) w[n] *= scale;
  return { weights: raw, scale };
}

/** Level of one channel: bit i of `bits` switches weight i on; rounded like MAME's `combine_weights`. */
export function combineWeights(weights: ArrayLike<number>, bits: number): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) if ((bits >> i) & 1) sum += weights[i];
  return Math.trunc(sum + 0.5);
}

/** Pack 8-bit R, G, B into 0xAABBGGRR with A = 0xff. */
export function rgba(r: number, g: number, b: number): number {
  return (0xff000000 | ((b & 0xff) << 16) | ((g & 0xff) << 8) | (r & 0xff)) >>> 0;
}

export function redOf(c: number): number { return c & 0xff; }
export function greenOf(c: number): number { return (c >>> 8) & 0xff; }
export function blueOf(c: number): number { return (c >>> 16) & 0xff; }

/**
 * One colour channel of a PROM palette. `bits[i]` is the PROM data bit that drives resistor/weight i
 * (i = 0 is the weight listed first). A bit number ≥ 8 reads another PROM of the same size laid out
 * after the first: bit `8·k + b` is bit b of `prom[offset + k·bankSize + entry]` (1942 keeps R, G, B in
 * three 256×4 PROMs; Jr. Pac-Man splits its colours over two).
 * Either `resistances` (weights computed MAME-style with the other channels) or fixed `weights`.
 */
export interface PromChannel {
  bits: readonly number[];
  resistances?: readonly number[];
  pulldown?: number;
  pullup?: number;
  /** Fixed per-bit levels instead of resistors (many drivers write e.g. 0x0e, 0x1f, 0x43, 0x8f). */
  weights?: readonly number[];
}

export interface PromPaletteSpec {
  /** Number of colours to decode. */
  entries: number;
  red: PromChannel;
  green: PromChannel;
  blue: PromChannel;
  /** Where the first PROM starts in `prom` (default 0). */
  offset?: number;
  /** Distance between the PROMs selected by bit numbers ≥ 8 (default `entries`). */
  bankSize?: number;
  /** Inverted outputs (open-collector PROMs driving active-low): every bit is flipped before use. */
  invert?: boolean;
  /** Output range and scaler of `computeResistorWeights` (default 0, 255, -1: autoscale). */
  minval?: number;
  maxval?: number;
  scaler?: number;
}

/** Per-channel weights of a spec, resistor channels computed together as MAME does. */
export function promChannelWeights(spec: PromPaletteSpec): [Float64Array, Float64Array, Float64Array] {
  const chans = [spec.red, spec.green, spec.blue];
  const nets: ResistorNet[] = [];
  const which: number[] = [];
  for (let c = 0; c < 3; c++) {
    const ch = chans[c];
    if (ch.weights) continue;
    if (!ch.resistances) throw new Error('PromChannel: give resistances or weights');
    if (ch.resistances.length !== ch.bits.length) throw new Error('PromChannel: one bit per resistor');
    nets.push({ resistances: ch.resistances, pulldown: ch.pulldown, pullup: ch.pullup });
    which.push(c);
  }
  const out: Float64Array[] = chans.map((ch) => (ch.weights ? Float64Array.from(ch.weights) : new Float64Array(0)));
  if (nets.length > 0) {
    const { weights } = computeResistorWeights(spec.minval ?? 0, spec.maxval ?? 255, spec.scaler ?? -1, nets);
    for (let i = 0; i < which.length; i++) out[which[i]] = weights[i];
  }
  for (let c = 0; c < 3; c++) {
    if (out[c].length !== chans[c].bits.length) throw new Error('PromChannel: one bit per weight');
  }
  return [out[0], out[1], out[2]];
}

/** Decode a resistor-DAC palette PROM into `spec.entries` colours (0xAABBGGRR). */
export function paletteFromProm(prom: Uint8Array, spec: PromPaletteSpec): Uint32Array {
  const [wr, wg, wb] = promChannelWeights(spec);
  const off = spec.offset ?? 0;
  const bank = spec.bankSize ?? spec.entries;
  const inv = spec.invert ? 0xff : 0;
  const out = new Uint32Array(spec.entries);
  const gather = (entry: number, bits: readonly number[]): number => {
    let v = 0;
    for (let i = 0; i < bits.length; i++) {
      const b = bits[i];
      const addr = off + (b >> 3) * bank + entry;
      if (addr >= prom.length) throw new RangeError(`paletteFromProm: PROM too short (need byte ${addr})`);
      v |= (((prom[addr] ^ inv) >> (b & 7)) & 1) << i;
    }
    return v;
  };
  for (let i = 0; i < spec.entries; i++) {
    out[i] = rgba(
      combineWeights(wr, gather(i, spec.red.bits)),
      combineWeights(wg, gather(i, spec.green.bits)),
      combineWeights(wb, gather(i, spec.blue.bits)),
    );
  }
  return out;
}

export interface LookupSpec {
  /** Number of pens (entries) to read. */
  count: number;
  /** First byte in the lookup PROM (default 0). */
  offset?: number;
  /** Mask applied to each byte (default 0x0f: the 4-bit 82s126/82s129 lookup PROMs). */
  mask?: number;
  /** OR-ed into each masked value, e.g. 0x10 to address a second palette bank (default 0). */
  or?: number;
}

/**
 * A lookup (colour-table) PROM turned into a pen → colour-index table, MAME's
 * `set_pen_indirect(i, prom[i] & mask | or)`. Pac-Man: `lookupTable(prom, { offset: 32, count: 256 })`,
 * and `{ ..., or: 0x10 }` for the second bank.
 */
export function lookupTable(prom: Uint8Array, spec: LookupSpec): Uint16Array {
  const off = spec.offset ?? 0;
  const mask = spec.mask ?? 0x0f;
  const or = spec.or ?? 0;
  if (off + spec.count > prom.length) throw new RangeError('lookupTable: PROM too short');
  const out = new Uint16Array(spec.count);
  for (let i = 0; i < spec.count; i++) out[i] = (prom[off + i] & mask) | or;
  return out;
}

/**
 * Resolve an indirect palette: `out[pen] = colors[table[pen]]`. Reuses `out` when given (no
 * allocation), so a driver can re-run it when a palette bank register changes.
 */
export function resolveIndirect(colors: Uint32Array, table: Uint16Array, out?: Uint32Array): Uint32Array {
  const dst = out ?? new Uint32Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const c = table[i];
    dst[i] = c < colors.length ? colors[c] : 0xff000000;
  }
  return dst;
}

/**
 * Transparency masks per colour, MAME's `palette.transpen_mask(gfx, color, transcolor)`: bit p of
 * `masks[color]` is set when pixel value p of a `granularity`-pen colour maps (through `table`) to the
 * colour index `transparentIndex`. Pac-Man's sprites: `transMasks(table, 4, 64, 0)` (a sprite pixel is
 * transparent exactly when its lookup gives colour 0, as measured in MAME 0.251).
 * `granularity` must be ≤ 32 (one bit per pixel value).
 */
export function transMasks(table: Uint16Array, granularity: number, colors: number, transparentIndex: number, base = 0): Uint32Array {
  if (granularity > 32) throw new RangeError('transMasks: granularity > 32');
  const out = new Uint32Array(colors);
  for (let c = 0; c < colors; c++) {
    let m = 0;
    for (let p = 0; p < granularity; p++) {
      if (table[base + c * granularity + p] === transparentIndex) m |= 1 << p;
    }
    out[c] = m >>> 0;
  }
  return out;
}

// ---- Palette RAM helpers -------------------------------------------------------------------------
// Bit-depth expansion as MAME's palette.h `palNbit` defines it: the value's top bits are repeated
// into the low bits, so 0 → 0x00 and all ones → 0xff (pal3bit 5 = 0b101_101_10 = 0xb6).

export function pal1bit(v: number): number { return v & 1 ? 0xff : 0x00; }
export function pal2bit(v: number): number { v &= 3; return (v << 6) | (v << 4) | (v << 2) | v; }
export function pal3bit(v: number): number { v &= 7; return ((v << 5) | (v << 2) | (v >> 1)) & 0xff; }
export function pal4bit(v: number): number { v &= 0xf; return (v << 4) | v; }
export function pal5bit(v: number): number { v &= 0x1f; return ((v << 3) | (v >> 2)) & 0xff; }
export function pal6bit(v: number): number { v &= 0x3f; return ((v << 2) | (v >> 4)) & 0xff; }
export function pal7bit(v: number): number { v &= 0x7f; return ((v << 1) | (v >> 6)) & 0xff; }

const EXPAND = [
  (_: number) => 0, pal1bit, pal2bit, pal3bit, pal4bit, pal5bit, pal6bit, pal7bit, (v: number) => v & 0xff,
];

/**
 * A colour from a palette RAM word with `rBits` of red at bit `rShift` (and so on), each channel
 * expanded with `palNbit` (MAME's `raw_to_rgb_converter::standard_rgb_decoder`). xRGB_555 words:
 * `rgbFromWord(w, 5, 10, 5, 5, 5, 0)`; xBGR_555: `rgbFromWord(w, 5, 0, 5, 5, 5, 10)`; RGB_444 (4 bits
 * each, red high): `rgbFromWord(w, 4, 8, 4, 4, 4, 0)`. Channel widths 0–8.
 */
export function rgbFromWord(word: number, rBits: number, rShift: number, gBits: number, gShift: number, bBits: number, bShift: number): number {
  return rgba(
    EXPAND[rBits]((word >>> rShift) & ((1 << rBits) - 1)),
    EXPAND[gBits]((word >>> gShift) & ((1 << gBits) - 1)),
    EXPAND[bBits]((word >>> bShift) & ((1 << bBits) - 1)),
  );
}
