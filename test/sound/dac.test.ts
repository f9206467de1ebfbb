/**
 * 8-bit DAC sound stream (sound/dac/dac.ts), MAME 0.251 dac.cpp facts: unsigned code c maps to c / 256,
 * scaled into the default output range -1..+1; the level holds between writes and changes exactly at the
 * write's time.
 */
import { describe, expect, it } from 'vitest';
import { Dac8, dacLevel } from '../../sound/dac/dac';

describe('Dac8 (MC1408)', () => {
  it('maps codes like MAME: 0 → -1, 0x80 → 0, 0xff → 1 - 2/256', () => {
    expect(dacLevel(0)).toBe(-1);
    expect(dacLevel(0x80)).toBe(0);
    expect(dacLevel(0xff)).toBeCloseTo(1 - 2 / 256, 12);
  });

  it('holds each value until the next write, switching at the write time', () => {
    const dac = new Dac8('dac', 'MC1408 DAC', 48000);
    let t = 0;
    const st = dac.streams[0];
    st.time = { now: () => t, ticksPerSecond: 48000 };
    t = 10;
    dac.write(0, 0x80);
    t = 20;
    dac.write(0, 0xc0);
    st.advanceTo(25, 48000);
    const out = Array.from(st.take()[0]);
    expect(out.slice(0, 10)).toEqual(new Array(10).fill(-1));
    expect(out.slice(10, 20)).toEqual(new Array(10).fill(0));
    expect(out.slice(20, 25)).toEqual(new Array(5).fill(0.5));
  });
});
