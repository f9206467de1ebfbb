/**
 * Save-state container and range checks (issue #19): a damaged state is refused with a SaveStateError
 * naming what is wrong, and the machine is left exactly as it was; a state whose checksum is valid but
 * whose values would hang the machine (a timer repeating every few attoseconds, a frame counter far from
 * the machine time) is refused too.
 */
import { describe, expect, it } from 'vitest';
import type { ArcadeMachine } from '../../src/core/machine';
import { SaveStateError } from '../../src/core/machine-api';
import type { Scheduler } from '../../src/core/scheduler';
import type { Screen } from '../../src/core/screen';
import { sealState, STATE_VERSION } from '../../src/core/savestate';
import { pacdemoMachine, rng } from '../support/pacdemo';

const m = pacdemoMachine();
for (let f = 0; f < 30; f++) m.runFrame();
const good = m.saveState();
const internals = m as unknown as { scheduler: Scheduler; screen: Screen };

/** Loads `bytes`; it must be refused with a SaveStateError and leave the machine's state unchanged. */
function refused(bytes: Uint8Array): string {
  const before = m.saveState();
  let err: unknown;
  try { m.loadState(bytes); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(SaveStateError);
  expect(Buffer.from(m.saveState()).equals(Buffer.from(before))).toBe(true);
  return (err as Error).message;
}

/** A state saved from a fresh machine after `damage` changed one of its values. */
function stateWith(damage: (s: { scheduler: Scheduler; screen: Screen }) => void): Uint8Array {
  const other = pacdemoMachine();
  for (let f = 0; f < 30; f++) other.runFrame();
  damage(other as unknown as { scheduler: Scheduler; screen: Screen });
  return other.saveState();
}

describe('save states refuse damage', () => {
  it('format version 4: sound stream timing saved once, by each sound device (3 saved it twice)', () => {
    expect(STATE_VERSION).toBe(4);
  });

  it('200 random single-byte flips are all refused by the checksum', () => {
    const next = rng(19);
    for (let i = 0; i < 200; i++) {
      const bad = good.slice();
      const at = Math.floor(next() * bad.length);
      bad[at] ^= 1 + Math.floor(next() * 255);
      refused(bad);
    }
  });

  it('every truncation from 0 to 602 bytes (and one byte short) is a SaveStateError, not a StateFormatError', () => {
    for (let n = 0; n <= 602; n++) refused(good.subarray(0, n));
    expect(refused(good.subarray(0, good.length - 1))).toMatch(/damaged/);
  });

  it('a length field of 0xffffffff (checksum made valid) is refused as damaged, in the header and in the body', () => {
    const header = good.slice();
    new DataView(header.buffer).setUint32(4 + 12 + 2, 0xffffffff, true); // the set name's length
    expect(refused(sealState(header))).toMatch(/damaged/);
    const bad = good.slice();
    const at = Buffer.from(bad).indexOf('scheduler') - 4; // the u32 length in front of the first tag
    new DataView(bad.buffer).setUint32(at, 0xffffffff, true);
    expect(refused(sealState(bad))).toMatch(/damaged/);
  });

  it('the vblankEnd timer period 0 → 5e-324 (checksum valid) is refused, not run forever', () => {
    const bad = stateWith(({ scheduler }) => {
      const t = scheduler.timerList().find((x) => x.name === 'vblankEnd')!;
      t.period = 5e-324;
    });
    expect(refused(bad)).toMatch(/vblankEnd period/);
  });

  it('a timer repeating every 1000 attoseconds (checksum valid) is refused', () => {
    const bad = stateWith(({ scheduler }) => {
      const t = scheduler.timerList().find((x) => x.name === 'frame')!;
      t.period = 1;
      t.periodAs = 1000n;
    });
    expect(refused(bad)).toMatch(/timer .*frame period/);
  });

  it('a frame counter with a high byte set (checksum valid) is refused, not run towards that frame', () => {
    const bad = stateWith(({ screen }) => { screen.frameNumber |= 0x01000000; });
    expect(refused(bad)).toMatch(/frame start/);
  });

  it('a NaN machine time (checksum valid) is refused', () => {
    const bad = good.slice();
    const at = Buffer.from(bad).indexOf('scheduler') + 'scheduler'.length; // the f64 machine time
    new DataView(bad.buffer).setFloat64(at, NaN, true);
    expect(refused(sealState(bad))).toMatch(/not finite/);
  });

  it('header damage: magic, version, set name each get their own message', () => {
    const magic = good.slice(); magic[5] ^= 0x20;
    expect(refused(magic)).toMatch(/not an Arcade save state/);
    const version = good.slice(); version[4 + 12] = 2;
    expect(refused(version)).toMatch(/format 2, from an older version/);
    // a format-3 state (stream timing after the mixer as well) is refused by its version, not misread
    const three = good.slice(); three[4 + 12] = 3;
    expect(refused(three)).toMatch(/format 3, from an older version of Arcade; this version reads format 4 only, so save the game again/);
    const future = good.slice(); future[4 + 12] = 99;
    expect(refused(future)).toMatch(/format 99/);
  });

  it('the good state still loads, and save → load → save is byte-identical', () => {
    const other = pacdemoMachine();
    other.loadState(good);
    expect(Buffer.from(other.saveState()).equals(Buffer.from(good))).toBe(true);
    other.runFrame();
    expect(other.frameNumber).toBe(31);
  });

  it('the checked machine keeps its frame counter', () => {
    expect((m as ArcadeMachine).frameNumber).toBe(30);
    expect(internals.screen.frameNumber).toBe(30);
  });
});
