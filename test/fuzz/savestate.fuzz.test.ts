/**
 * Fuzz: damaged save states on a real board (pacdemo). With the checksum on, every truncation and every
 * random flip is refused. With the checksum "off" (re-sealed after the damage, as a hostile file would
 * be), a state is either refused with a SaveStateError or, when the damage only changed plain data
 * (RAM, registers), it loads and the machine runs on: never a throw of another type, a hang or a crash.
 */
import { describe, expect, it } from 'vitest';
import { SaveStateError } from '../../src/core/machine-api';
import { sealState } from '../../src/core/savestate';
import { pacdemoMachine, rng } from '../support/pacdemo';

const m = pacdemoMachine();
for (let f = 0; f < 20; f++) m.runFrame();
const good = m.saveState();

function loadOutcome(bytes: Uint8Array): 'refused' | 'loaded' {
  try {
    m.loadState(bytes);
    return 'loaded';
  } catch (e) {
    if (!(e instanceof SaveStateError)) throw new Error(`a ${(e as Error).name} escaped: ${(e as Error).message}`);
    expect((e as Error).message).not.toMatch(/\n/);
    return 'refused';
  }
}

describe('save states under damage', () => {
  it('truncation at every length is refused', () => {
    for (let n = 0; n < good.length; n++) expect(loadOutcome(good.subarray(0, n))).toBe('refused');
  }, 20_000);

  it('300 random flips with the checksum on are all refused', () => {
    const next = rng(1);
    for (let i = 0; i < 300; i++) {
      const bad = good.slice();
      const flips = 1 + ((next() * 4) | 0);
      for (let k = 0; k < flips; k++) bad[(next() * bad.length) | 0] ^= 1 + ((next() * 255) | 0);
      expect(loadOutcome(bad)).toBe('refused');
    }
  }, 20_000);

  it('600 random flips with the checksum off: refused, or loaded and the machine runs 2 frames in bounded time', () => {
    const next = rng(2);
    let loaded = 0;
    for (let i = 0; i < 600; i++) {
      const bad = good.slice();
      const at = (next() * (bad.length - 4)) | 0;
      bad[at] ^= 1 << ((next() * 8) | 0);
      if (loadOutcome(sealState(bad)) === 'loaded') {
        loaded++;
        const t0 = performance.now();
        m.runFrame();
        m.runFrame();
        expect(performance.now() - t0, `flip at ${at}`).toBeLessThan(2000);
        m.loadState(good);
      }
    }
    expect(loaded).toBeGreaterThan(0); // RAM flips are plain data: they load
  }, 20_000);

  it('header damage: every byte of the header, each bit, checksum off', () => {
    const headerEnd = Buffer.from(good).indexOf('scheduler');
    for (let at = 0; at < headerEnd; at++)
      for (let bit = 0; bit < 8; bit++) {
        const bad = good.slice();
        bad[at] ^= 1 << bit;
        expect(loadOutcome(sealState(bad)), `byte ${at} bit ${bit}`).toBe('refused');
      }
  }, 20_000);

  it('the machine still loads the good state afterwards', () => {
    m.loadState(good);
    expect(Buffer.from(m.saveState()).equals(Buffer.from(good))).toBe(true);
  });
});
