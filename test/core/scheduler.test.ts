import { describe, expect, it } from 'vitest';
import { Device, type Serializer } from '../../src/core/device';
import { AddressSpace } from '../../src/core/memory';
import { Scheduler, clocksToAs } from '../../src/core/scheduler';
import { Screen } from '../../src/core/screen';
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
  it('fires timers in time order, ties in arming order, periodic ones re-armed', () => {
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
    // MAME's timer_list_insert puts a timer after every timer with the same expiry: b was armed first.
    expect(log).toEqual(['c@5', 'b@10', 'a@10', 'c@12', 'c@19']);
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
    // MAME device_scheduler::timeslice, in attoseconds (as): quantum = from_hz(1000) = 10^15 as; fast's
    // cycle = floor(10^18 / 3e6) = 333333333333 as, cycle count = (delta >> 8) / 1302083333; slow's cycle =
    // 10^12 as, count = (delta >> 9) / 1953125000. The loop is 4 NOPs + JMP (11 cycles).
    // Slice 1 (target 10^15): fast gets 3000 and stops at 3000 (its last NOP starts at 2998), which is
    // 1000 as short of the target, so MAME moves the target back to fast's time (999999999999000):
    // slow gets 999 there and stops at 1001 (its JMP starts at 998).
    // Slice 2 (target 999999999999000 + 10^15): fast 3000; slow (998999999999000 as behind) 998, which
    // ends it exactly on a loop boundary at 1999 cycles, short of the target: the slice ends there.
    // Slice 3 (the end, 2·10^15): fast is past it; slow is exactly one cycle behind and gets 1.
    expect(order).toEqual(['fast:3000', 'slow:999', 'fast:3000', 'slow:998', 'slow:1']);
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
    // The other CPU was held to the aborted CPU's time (MAME moves the slice target back to it): 8 cycles of
    // 10^12 as each are exactly the 8·10^12 as it is behind.
    expect(budgets[0]).toBe(8);
  });

  it('a timer armed inside a slice for an earlier time ends the slice there', () => {
    const s = new Scheduler(1_000_000, 10); // one CPU: MAME's quantum is then about a second
    const o = new Owner();
    const cpu = nopCpu('cpu', 1_000_000);
    s.addCpu(cpu);
    const fired: number[] = [];
    const t = s.timer(o, 't', () => fired.push(s.now()));
    const space = cpu.program;
    space.mapHandler(0x9000, 0x90ff, { write: () => t.adjust(50) });
    space.mem.set(assemble([[3, 0x9000], 0, 0, [5, 4]]));
    s.runUntil(1000);
    // Armed at tick 4 for +50, it becomes the earliest timer, so the CPU stops after the STA (MAME
    // emu_timer::adjust → abort_timeslice) and the timer fires at 54, not at the end of the quantum.
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

  it("a timer a few attoseconds short of a cycle boundary still gets that cycle when the slice is long (MAME's divisor)", () => {
    // Pac-Man timing: Z80 3.072 MHz, time base 6.144 MHz. MAME's cycle is floor(10^18 / 3072000) =
    // 325520833333 as and it counts cycles as (delta >> 8) / 1271565755, i.e. by 325520833280 as, 53 as
    // short. The first VBLANK is at floor(10^18 / 6144000) · 384 · 264 = 16499999999932416 as, 50688 as
    // before the end of cycle 50688. Program: NOP (2 cycles) then JMP-to-itself (3), so an instruction
    // starts at cycle 50687 = 2 + 3·16895.
    const run = (split: boolean): number => {
      const s = new Scheduler(6_144_000);
      const o = new Owner();
      const space = AddressSpace.flatRam({ name: 'p', addrBits: 16 });
      space.mem.set(assemble([0, [5, 0x0001]]));
      const cpu = new TinyCpu('cpu', 3_072_000, space);
      s.addCpu(cpu);
      let at = -1;
      s.timer(o, 'vblank', () => { at = s.cpuTime(cpu); }).adjustAt(101_376, 0, 0, 16_499_999_999_932_416n);
      // A timer at tick 100800 (= 100800 · 162760416666 as, 50400 as before the end of cycle 50400).
      if (split) s.timer(o, 'split', () => {}).adjustAt(100_800);
      s.runUntil(101_376);
      return at;
    };
    // One slice from 0: (16499999999932416 >> 8) / 1271565755 = 50688 cycles, so the JMP starting at 50687
    // runs before VBLANK and the CPU stands at 50690 cycles (101380 ticks) when it fires.
    expect(run(false)).toBe(50_690 * 2);
    // Split at tick 100800: the first slice gets 50400 cycles (ends at 50402 after the JMP at 50399); the
    // second is 286 cycles minus 50688 as long and gets (delta >> 8) / 1271565755 = 285, ending at 50687:
    // the JMP at 50687 now runs after VBLANK.
    expect(run(true)).toBe(50_687 * 2);
  });

  it('a periodic sync timer ends slices without doing anything (MAME sound manager, 50 Hz)', () => {
    const s = new Scheduler(1_000_000);
    const cpu = nopCpu('cpu', 1_000_000);
    s.addCpu(cpu);
    const budgets: number[] = [];
    const r = cpu.run.bind(cpu);
    cpu.run = (b) => { budgets.push(b); return r(b); };
    s.addSyncTimer('sync', 50);
    s.resetTime();
    s.runUntil(50_000);
    // A single CPU's quantum is about a second (MAME's perfect interleave); the 20 ms timer at 2·10^16 as
    // splits the 50 ms run: 20000 cycles, then 20000 minus the overshoot of the slice before, then the rest.
    expect(budgets.length).toBe(3);
    expect(budgets[0]).toBe(20_000);
  });

  it("the beam position is MAME's: time since VBLANK plus half a pixel (screen_device::vpos/hpos)", () => {
    // Pixel clock 1 MHz (10^12 as per pixel), 10×10 frame, 8 visible lines; CPU at 4 MHz (2.5·10^11 as per
    // cycle), 4 ticks per pixel. Program: NOP (2 cycles), STA 0x9000 (its write comes after its 4 cycles).
    const s = new Scheduler(4_000_000);
    const screen = new Screen({ pixelClock: 1_000_000, hTotal: 10, vTotal: 10, hVisible: [0, 9], vVisible: [0, 7] }, s);
    const space = AddressSpace.flatRam({ name: 'p', addrBits: 16 });
    space.mem.set(assemble([0, [3, 0x9000], 0, [5, 0x0004]]));
    const seen: number[][] = [];
    space.mapHandler(0x9000, 0x90ff, { write: () => { seen.push([screen.vpos(), screen.hpos()]); } });
    const cpu = new TinyCpu('cpu', 4_000_000, space);
    s.addCpu(cpu);
    screen.start();
    s.runUntil(20);
    // The write is at cycle 6 = 1.5·10^12 as after VBLANK started (line 8): + half a pixel = 2·10^12 as,
    // so MAME reports pixel 2 of line 8 (truncating the time alone would say pixel 1).
    expect(seen[0]).toEqual([8, 2]);
  });

  it('converts device clocks to attoseconds as MAME does (truncated period, whole seconds split off)', () => {
    expect(clocksToAs(3, 3_072_000)).toBe(3n * 325_520_833_333n);
    // attotime::from_ticks: 3072001 cycles = 1 s + 1 cycle, not 3072001 truncated periods.
    expect(clocksToAs(3_072_001, 3_072_000)).toBe(1_000_000_000_000_000_000n + 325_520_833_333n);
  });
});

describe('screen scanline callback', () => {
  it('runs at the start of each visible line only, in order, where vpos() reads that line', async () => {
    const { Screen } = await import('../../src/core/screen');
    const s = new Scheduler(1_000_000);
    // 10 pixels a line, 12 lines (visible 2..9), 1 MHz pixel clock: a line is 10 ticks, a frame 120.
    const screen = new Screen({ pixelClock: 1_000_000, hTotal: 10, vTotal: 12, hVisible: [0, 7], vVisible: [2, 9] }, s);
    const seen: string[] = [];
    screen.setScanlineCallback((line) => seen.push(`${line}@${s.now()}:${screen.vpos()}`));
    screen.start();
    s.runUntil(2 * 120);
    // VBLANK starts at line 10 at tick 0 (the frame boundary); line 2 starts 4 lines later, at tick 40.
    const expected: string[] = [];
    for (const f of [0, 1]) for (let line = 2; line <= 9; line++) expected.push(`${line}@${f * 120 + (line + 2) * 10}:${line}`);
    expect(seen).toEqual(expected);
  });
});

describe('scheduler: boost_interleave and perfect quantum (MAME schedule.cpp)', () => {
  /** Record every run() budget of a CPU. */
  function budgets(cpu: TinyCpu): number[] {
    const out: number[] = [];
    const run = cpu.run.bind(cpu);
    cpu.run = (n: number) => { out.push(n); return run(n); };
    return out;
  }

  it('boostInterleave(0, d): slices of the perfect interleave (the second-smallest CPU cycle) for d, then the quantum again', () => {
    // 1 MHz and 500 kHz CPUs: cycles of 1 µs and 2 µs, so the perfect interleave is 2 µs.
    const run = (boost: boolean) => {
      const s = new Scheduler(1_000_000);
      const a = nopCpu('a', 1_000_000), b = nopCpu('b', 500_000);
      s.addCpu(a); s.addCpu(b);
      const ba = budgets(a);
      if (boost) s.boostInterleave(0n, 100_000_000_000_000n); // 100 µs
      s.runUntil(1000); // 1 ms
      return ba;
    };
    expect(run(false)).toEqual([1000]); // one quantum (1/60 s) covers the whole millisecond
    const ba = run(true);
    const last = ba[ba.length - 1];
    // Slices of at most 2 cycles (one less after an instruction overshot) through the first 100 µs …
    expect(ba.slice(0, -1).every((n) => n >= 1 && n <= 2)).toBe(true);
    expect(ba.length).toBeGreaterThanOrEqual(40); // 50 slice ends; A skips the ones it has already overshot
    // … then the rest of the millisecond in one slice.
    expect(last).toBeGreaterThanOrEqual(898);
    expect(last).toBeLessThanOrEqual(900);
  });

  it('setPerfectQuantum(cpu): slices never longer than that CPU\'s minimum quantum, permanently', () => {
    const run = (perfect: boolean) => {
      const s = new Scheduler(1_000_000);
      const a = nopCpu('a', 1_000_000), b = nopCpu('b', 250_000);
      s.addCpu(a); s.addCpu(b);
      const ba = budgets(a);
      if (perfect) s.setPerfectQuantum(b); // b's cycle: 4 µs
      s.runUntil(400);
      return ba;
    };
    expect(run(false)).toEqual([400]);
    const ba = run(true);
    expect(ba.every((n) => n >= 1 && n <= 4)).toBe(true);
    expect(ba.length).toBeGreaterThanOrEqual(100);
  });
});
