import { describe, expect, it } from 'vitest';
import { PACMAN_PALETTE_SPEC } from '../../../drivers/namco/pacman.gfx';
import {
  blueOf, combineWeights, computeResistorWeights, greenOf, lookupTable, paletteFromProm,
  pal1bit, pal2bit, pal3bit, pal4bit, pal5bit, pal6bit, pal7bit, redOf, resolveIndirect, rgba, rgbFromWord, transMasks,
} from '../../../src/core/video/palette';

// Outside reference: MAME 0.251's measured Pac-Man levels (../shared/oracle/README.md, "Colour PROMs"):
// red/green bit weights 0x21, 0x47, 0x97; blue 0x51, 0xae; levels add.
const RG = [0x21, 0x47, 0x97];
const B = [0x51, 0xae];

describe('computeResistorWeights', () => {
  it('reproduces the Pac-Man levels MAME 0.251 outputs from 1k/470/220 and 470/220 ohms', () => {
    const { weights, scale } = computeResistorWeights(0, 255, -1, [
      { resistances: [1000, 470, 220] },
      { resistances: [1000, 470, 220] },
      { resistances: [470, 220] },
    ]);
    for (let i = 0; i < 3; i++) {
      expect(combineWeights(weights[0], 1 << i)).toBe(RG[i]);
      expect(combineWeights(weights[1], 1 << i)).toBe(RG[i]);
    }
    expect(combineWeights(weights[2], 1)).toBe(B[0]);
    expect(combineWeights(weights[2], 2)).toBe(B[1]);
    expect(combineWeights(weights[0], 7)).toBe(255);
    expect(combineWeights(weights[2], 3)).toBe(255);
    // No pull resistors: all bits on is the full level already, so autoscale is ~1.
    expect(scale).toBeCloseTo(1, 6);
  });

  it('handles a pull-down (hand-worked: 1k and 2k inputs, 1k to ground, autoscaled)', () => {
    // Input 0 high: 1k on top, 2k||1k = 666.7 ohm below -> 255 * 666.7 / 1666.7 = 102.
    // Input 1 high: 2k on top, 1k||1k = 500 ohm below -> 255 * 500 / 2500 = 51. Sum 153.
    // Autoscale 255 / 153 -> weights 170 and 85.
    const { weights, scale } = computeResistorWeights(0, 255, -1, [{ resistances: [1000, 2000], pulldown: 1000 }]);
    expect(scale).toBeCloseTo(255 / 153, 6);
    expect(weights[0][0]).toBeCloseTo(170, 5);
    expect(weights[0][1]).toBeCloseTo(85, 5);
    expect(combineWeights(weights[0], 1)).toBe(170);
    expect(combineWeights(weights[0], 2)).toBe(85);
    expect(combineWeights(weights[0], 3)).toBe(255);
  });

  it('handles a pull-up and a fixed scaler (hand-worked)', () => {
    // Input 0 high: 1k (input) || 1k (pull-up) = 500 on top, the other 1k below -> 255 * 1000 / 1500 = 170.
    const { weights, scale } = computeResistorWeights(0, 255, 1, [{ resistances: [1000, 1000], pullup: 1000 }]);
    expect(scale).toBe(1);
    expect(weights[0][0]).toBeCloseTo(170, 5);
    expect(weights[0][1]).toBeCloseTo(170, 5);
  });

  it('autoscales all networks by the one with the largest sum', () => {
    // Net A: one 1k with 1k pull-down -> 127.5. Net B: one resistor alone -> 255. Scale = 255 / 255 = 1.
    const { weights, scale } = computeResistorWeights(0, 255, -1, [
      { resistances: [1000], pulldown: 1000 },
      { resistances: [1000] },
    ]);
    expect(scale).toBeCloseTo(1, 6);
    expect(weights[0][0]).toBeCloseTo(127.5, 5);
    expect(weights[1][0]).toBeCloseTo(255, 5);
  });
});

describe('paletteFromProm', () => {
  it('decodes every Pac-Man palette byte as the sum of the measured bit levels', () => {
    const prom = new Uint8Array(256);
    for (let i = 0; i < 256; i++) prom[i] = i;
    const pal = paletteFromProm(prom, { ...PACMAN_PALETTE_SPEC, entries: 256 });
    for (let v = 0; v < 256; v++) {
      const r = (v & 1 ? RG[0] : 0) + (v & 2 ? RG[1] : 0) + (v & 4 ? RG[2] : 0);
      const g = (v & 8 ? RG[0] : 0) + (v & 16 ? RG[1] : 0) + (v & 32 ? RG[2] : 0);
      const b = (v & 64 ? B[0] : 0) + (v & 128 ? B[1] : 0);
      expect([redOf(pal[v]), greenOf(pal[v]), blueOf(pal[v]), pal[v] >>> 24]).toEqual([r, g, b, 0xff]);
    }
  });

  it('gives the README examples: 0x07 -> 255 red, 4,4,2 -> (0x97,0x97,0xae), 7,4,0 -> (255,0x97,0)', () => {
    // red bits 0-2, green 3-5, blue 6-7: (r=4,g=4,b=2) = 0x04 | 0x20 | 0x80; (7,4,0) = 0x07 | 0x20.
    const pal = paletteFromProm(Uint8Array.of(0x07, 0xa4, 0x27, 0x04), { ...PACMAN_PALETTE_SPEC, entries: 4 });
    expect(pal[0]).toBe(rgba(255, 0, 0));
    expect(pal[1]).toBe(rgba(0x97, 0x97, 0xae));
    expect(pal[2]).toBe(rgba(255, 0x97, 0));
    expect(pal[3]).toBe(rgba(0x97, 0, 0));
    // Memory order is R, G, B, A (RGBA8 texture bytes).
    expect(Array.from(new Uint8Array(pal.buffer, 4, 4))).toEqual([0x97, 0x97, 0xae, 0xff]);
  });

  it('reads split PROMs through bit numbers >= 8 and fixed weights (1942-style 3 x 4-bit PROMs)', () => {
    // 1942 (MAME 1942.cpp): three 256x4 PROMs R, G, B; levels 0x0e, 0x1f, 0x43, 0x8f per bit.
    const w = [0x0e, 0x1f, 0x43, 0x8f];
    const prom = new Uint8Array(3 * 4);
    prom.set([0x1, 0xf, 0x0, 0x8], 0); // red PROM, entries 0..3
    prom.set([0x2, 0x0, 0xf, 0x4], 4); // green
    prom.set([0x4, 0x3, 0x0, 0xf], 8); // blue
    const pal = paletteFromProm(prom, {
      entries: 4, bankSize: 4,
      red: { bits: [0, 1, 2, 3], weights: w },
      green: { bits: [8, 9, 10, 11], weights: w },
      blue: { bits: [16, 17, 18, 19], weights: w },
    });
    expect(pal[0]).toBe(rgba(0x0e, 0x1f, 0x43));
    expect(pal[1]).toBe(rgba(255, 0, 0x0e + 0x1f));
    expect(pal[2]).toBe(rgba(0, 255, 0));
    expect(pal[3]).toBe(rgba(0x8f, 0x43, 255));
  });

  it('inverts outputs when asked', () => {
    const pal = paletteFromProm(Uint8Array.of(0xff, 0x00), { ...PACMAN_PALETTE_SPEC, entries: 2, invert: true });
    expect(pal[0]).toBe(rgba(0, 0, 0));
    expect(pal[1]).toBe(rgba(255, 255, 255));
  });

  it('refuses a PROM that is too short', () => {
    expect(() => paletteFromProm(new Uint8Array(8), PACMAN_PALETTE_SPEC)).toThrow(/too short/);
  });
});

describe('lookup PROMs', () => {
  it('masks to the low nibble, offsets and ORs a bank (Pac-Man 82s126 at 4A after the 32-byte palette)', () => {
    const proms = new Uint8Array(32 + 256);
    for (let i = 0; i < 256; i++) proms[32 + i] = (i * 7) & 0xff; // high nibbles must be ignored
    const t0 = lookupTable(proms, { offset: 32, count: 256 });
    const t1 = lookupTable(proms, { offset: 32, count: 256, or: 0x10 });
    for (let i = 0; i < 256; i++) {
      expect(t0[i]).toBe(((i * 7) & 0xff) & 0x0f);
      expect(t1[i]).toBe((((i * 7) & 0xff) & 0x0f) | 0x10);
    }
  });

  it('resolves pens through the table into RGBA', () => {
    const colors = Uint32Array.of(rgba(1, 2, 3), rgba(4, 5, 6), rgba(7, 8, 9));
    const out = resolveIndirect(colors, Uint16Array.of(2, 0, 1, 2));
    expect(Array.from(out)).toEqual([rgba(7, 8, 9), rgba(1, 2, 3), rgba(4, 5, 6), rgba(7, 8, 9)]);
  });

  it('builds transparency masks: pixel value p transparent where the lookup gives colour 0', () => {
    // colour 0: entries 0,0,0,0 -> all transparent; colour 1: 0,5,0,7 -> values 0 and 2; colour 2: 1,1,1,1 -> none.
    const table = Uint16Array.of(0, 0, 0, 0, 0, 5, 0, 7, 1, 1, 1, 1);
    expect(Array.from(transMasks(table, 4, 3, 0))).toEqual([0b1111, 0b0101, 0]);
  });
});

describe('palette RAM helpers (MAME palette.h palNbit: repeat the top bits)', () => {
  it('expands bit depths (hand-worked)', () => {
    expect([pal1bit(0), pal1bit(1)]).toEqual([0x00, 0xff]);
    expect([0, 1, 2, 3].map(pal2bit)).toEqual([0x00, 0x55, 0xaa, 0xff]);
    expect([0, 1, 5, 7].map(pal3bit)).toEqual([0x00, 0x24, 0xb6, 0xff]); // 001 -> 00100100, 101 -> 10110110
    expect([0, 1, 0xa, 0xf].map(pal4bit)).toEqual([0x00, 0x11, 0xaa, 0xff]);
    expect([0, 1, 0x10, 0x1f].map(pal5bit)).toEqual([0x00, 0x08, 0x84, 0xff]); // 10000 -> 10000100
    expect([0, 1, 0x20, 0x3f].map(pal6bit)).toEqual([0x00, 0x04, 0x82, 0xff]);
    expect([0, 1, 0x40, 0x7f].map(pal7bit)).toEqual([0x00, 0x02, 0x81, 0xff]);
  });
  it('decodes xRGB_555 and RGB_444 words', () => {
    // 0x7c00 = red all ones; 0x03e0 = green; 0x001f = blue; 0x4210 = 10000 in each channel
    expect(rgbFromWord(0x7c00, 5, 10, 5, 5, 5, 0)).toBe(rgba(0xff, 0, 0));
    expect(rgbFromWord(0x03e0, 5, 10, 5, 5, 5, 0)).toBe(rgba(0, 0xff, 0));
    expect(rgbFromWord(0x001f, 5, 10, 5, 5, 5, 0)).toBe(rgba(0, 0, 0xff));
    expect(rgbFromWord(0x4210, 5, 10, 5, 5, 5, 0)).toBe(rgba(0x84, 0x84, 0x84));
    expect(rgbFromWord(0x0f5a, 4, 8, 4, 4, 4, 0)).toBe(rgba(0xff, 0x55, 0xaa));
  });
});
