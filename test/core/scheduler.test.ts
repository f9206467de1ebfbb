import { describe, expect, it } from 'vitest';
import { Device, type Serializer } from '../../src/core/device';
import { AddressSpace } from '../../src/core/memory';
import { Scheduler } from '../../src/core/scheduler';
import { StateReader, StateWriter } from '../../src/core/serializer';
import { TinyCpu, assemble } from './support/tiny-cpu';

class Owner extends Device {
  constructor() { super('owner', 0); }
  reset(): void {}
  serialize(_s: Serializer): void {}
}

/** A CPU looping on NOPs (2 cycles each) with a ROM of our own bytes. */
function nopCpu(tag: string, clock: number): TinyCpu {
  const space = AddressSpace.flatRam({ name: tag, addrBits: 16 });
  space.mem.set(assemble([0, 0, 0, 0, [5, 0x0000]]));
  return new TinyCpu(tag, clock, space);
}

describe('scheduler', () => {
  it('fires timers in time order, ties in creation order, periodic ones re-armed', () => {
    const s = new Scheduler(1000);
    const o = new Owner();
    const log: string[] = [];
    const a = s.timer(o, 'a', () => log.push(`a@${s.now()}`));
    const b = s.timer(o, 'b', () => log.push(`b@${s.now()}`));
    const c = s.timer(o, 'c', () => log.push(`c@${s.now()}`));
    b.adjust(10);
    a.adjust(10);
    c.adjust(5, 0, 7);
    s.runUntil(20);
    expect(log).toEqual(['c@5', 'a@10', 'b@10', 'c@12', 'c@19']);
  });

  it('interleaves two CPUs by quantum and keeps exact cycle totals', () => {
    const s = new Scheduler(6_000_000, 1000); // quantum = 6000 ticks
    const fast = nopCpu('fast', 3_000_000); // 2 ticks per cycle
    const slow = nopCpu('slow', 1_000_000); // 6 ticks per cycle
    s.addCpu(fast);
    s.addCpu(slow);
    const order: string[] = [];
    const origFast = fast.run.bind(fast), origSlow = slow.run.bind(slow);
    fast.run = (b) => { order.push(`fast:${b}`); return origFast(b); };
    slow.run = (b) => { order.push(`slow:${b}`); return origSlow(b); };
    s.runUntil(12_000);
    // MAME's rule: a CPU gets floor(delta / period) cycles, and a target that falls exactly on a cycle
    // boundary counts as a hair early (MAME's truncated attosecond periods), so one cycle less.
    // Slice 1 (6000 ticks): fast floor(5999/2) = 2999, slow floor(5999/6) = 999. The loop is 4 NOPs + JMP
    // (11 cycles): fast stops at 3000 (272 loops + 4 NOPs, the last NOP starting at 2998), slow at 1001
    // (its JMP starts at 998). Slice 2: fast floor((12000-6000-1)/2) = 2999, slow floor((12000-6006-1)/6) = 998.
    expect(order).toEqual(['fast:2999', 'slow:999', 'fast:2999', 'slow:998']);
    // Each CPU ends within one cycle before the target and at most one instruction (≤ 3 cycles) past it.
    expect(s.cpuTime(fast)).toBeGreaterThanOrEqual(12_000 - 2);
    expect(s.cpuTime(fast)).toBeLessThan(12_000 + 3 * 2);
    expect(s.cpuTime(slow)).toBeGreaterThanOrEqual(12_000 - 6);
    expect(s.cpuTime(slow)).toBeLessThan(12_000 + 3 * 6);
  });

  it('endSlice from a handler stops the CPU after the current instruction and shortens the slice for the others', () => {
    const s = new Scheduler(1_000_000, 100); // 10000-tick quantum
    const space = new AddressSpace({ name: 'p', addrBits: 16 }, new Uint8Array(0x10000));
    space.mapArena(0x0000, 0x0fff, 0, false);
    space.mem.set(assemble([0, 0, [3, 0x9000], 0, [5, 0]]));
    let writeTime = -1;
    space.mapHandler(0x9000, 0x90ff, { write: () => { if (writeTime < 0) writeTime = s.now(); s.endSlice(); } });
    const cpu = new TinyCpu('cpu', 1_000_000, space);
    const other = nopCpu('other', 1_000_000);
    s.addCpu(cpu);
    s.addCpu(other);
    const budgets: number[] = [];
    const r = other.run.bind(other);
    other.run = (b) => { budgets.push(b); return r(b); };
    s.runUntil(100);
    // NOP, NOP (4 cycles), then STA's write happens after its 4 cycles are counted: at tick 8.
    expect(writeTime).toBe(8);
    // The other CPU was held to the aborted slice's end first: floor((8 - 1) / 1) = 7 cycles (MAME's rule).
    expect(budgets[0]).toBe(7);
  });

  it('a timer armed inside a slice for an earlier time ends the slice there', () => {
    const s = new Scheduler(1_000_000, 10); // quantum 100000 ticks
    const o = new Owner();
    const cpu = nopCpu('cpu', 1_000_000);
    s.addCpu(cpu);
    const fired: number[] = [];
    const t = s.timer(o, 't', () => fired.push(s.now()));
    const space = cpu.program;
    space.mapHandler(0x9000, 0x90ff, { write: () => t.adjust(50) });
    space.mem.set(assemble([[3, 0x9000], 0, 0, [5, 4]]));
    s.runUntil(1000);
    // Armed at tick 4 for +50: fires at 54, not at the end of the 100000-tick quantum.
    expect(fired).toEqual([54]);
  });

  it('saves and restores time and timers', () => {
    const s = new Scheduler(1000);
    const o = new Owner();
    const t = s.timer(o, 't', () => {});
    t.adjust(30, 7, 11);
    s.runUntil(10);
    const w = new StateWriter();
    s.serialize(w);
    const s2 = new Scheduler(1000);
    const t2 = s2.timer(o, 't', () => {});
    s2.serialize(new StateReader(w.bytes()));
    expect(s2.currentTime).toBe(10);
    expect([t2.when, t2.param, t2.period]).toEqual([30, 7, 11]);
  });
});
