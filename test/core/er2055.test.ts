/**
 * The NVRAM contract (HELPERS.md) on the ER2055 EAROM, driven as Centipede's board drives it (MAME 0.251
 * `centiped.cpp`: address + data latch at 0x1600, control at 0x1680 with CK = D0, C1 = /D1, C2 = D2,
 * CS1 = D3; `er2055.cpp`: fresh cells read 0xff, a write only clears bits, erase sets 0xff, a read latches
 * on the falling clock). The golden run of cendemo (test/drivers/cendemo.golden.test.ts) checks the same
 * table written and read back against MAME.
 */
import { describe, expect, it } from 'vitest';
import { Er2055 } from '../../src/core/devices/er2055';

function control(e: Er2055, data: number): void {
  e.setControl((data >> 3) & 1, 1, (~data >> 1) & 1, (data >> 2) & 1);
  e.setClock(data & 1);
}
function write(e: Er2055, addr: number, v: number): void {
  e.setAddress(addr); e.setData(v);
  control(e, 0x0e); control(e, 0x0a); control(e, 0x00); // erase, write, deselect (cendemo's sequence)
}
function read(e: Er2055, addr: number): number {
  e.setAddress(addr);
  control(e, 0x09); control(e, 0x08); control(e, 0x00);
  return e.data();
}

describe('ER2055 EAROM and the NVRAM contract', () => {
  it('fresh cells read 0xff; erase + write stores a byte; a write without erase only clears bits', () => {
    const e = new Er2055('earom');
    expect(read(e, 5)).toBe(0xff);
    write(e, 5, 0x5a);
    expect(read(e, 5)).toBe(0x5a);
    e.setAddress(5); e.setData(0x0f); control(e, 0x0a); control(e, 0x00); // no erase
    expect(read(e, 5)).toBe(0x0a);
  });

  it('survives a save and a load, refuses data of the wrong size (the machine then warns and starts it fresh)', () => {
    const a = new Er2055('earom');
    write(a, 0, 0x12); write(a, 63, 0x34);
    const saved = a.nvramWrite();
    expect(saved.length).toBe(64);
    const b = new Er2055('earom');
    expect(b.nvramRead(saved)).toBe(true);
    expect([read(b, 0), read(b, 63), read(b, 1)]).toEqual([0x12, 0x34, 0xff]);
    const c = new Er2055('earom');
    write(c, 0, 0x77);
    expect(c.nvramRead(new Uint8Array(10))).toBe(false);
    c.nvramDefault();
    expect(read(c, 0)).toBe(0xff);
  });
});
