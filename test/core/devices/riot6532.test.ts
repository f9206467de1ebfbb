/**
 * MOS 6532 RIOT (src/core/devices/riot6532.ts): register decode, ports with DDRs, the PA7 edge detector
 * and the interval timer, against the MOS 6532 data sheet and MAME 0.251's `6532riot.cpp` behaviour
 * (facts listed in the device's header). Time is driven by a bare scheduler at the RIOT's own clock
 * rate (one tick = one RIOT clock), so clock ticks are exact integers.
 */
import { describe, expect, it } from 'vitest';
import { Riot6532 } from '../../../src/core/devices/riot6532';
import { StateReader, StateWriter } from '../../../src/core/serializer';
import { Scheduler } from '../../../src/core/scheduler';

const CLOCK = 1_000_000;

function rig() {
  const sched = new Scheduler(CLOCK);
  const riot = new Riot6532('riot', CLOCK, sched, (d, n, cb) => sched.timer(d, n, cb));
  const irq: number[] = [];
  riot.irq.connect((l) => irq.push(l));
  riot.reset();
  return { sched, riot, irq, at: (t: number) => sched.runUntil(t) };
}

describe('6532 RIOT', () => {
  it('ports: pins read the output latch where the DDR bit is 1, the input elsewhere; DDRs read back', () => {
    const { riot } = rig();
    riot.portAInput(0xa5);
    riot.write(0x01, 0xf0); // DDRA
    riot.write(0x00, 0x3c); // port A out
    expect(riot.read(0x00)).toBe(0x30 | 0x05);
    expect(riot.read(0x01)).toBe(0xf0);
    let written = -1;
    riot.writePortB = (d) => { written = d; };
    riot.readPortB = () => 0x42;
    riot.write(0x02, 0x81);
    expect(written).toBe(0x81);
    expect(riot.read(0x02)).toBe(0x42); // DDRB = 0: all inputs
    riot.write(0x03, 0xff);
    expect(riot.read(0x02)).toBe(0x81);
    // A3/A4 do not take part in the port decode (offset 0x18 = port A data)
    expect(riot.read(0x18)).toBe(riot.read(0x00));
  });

  it('PA7: the enabled edge sets flag bit 6 and the IRQ; reading the flags clears it', () => {
    const { riot, irq } = rig();
    riot.write(0x07, 0); // A2=1 A4=0: PA7 IRQ on (A1), rising edge (A0)
    riot.portAInput(0x00);
    riot.portAInput(0x80);
    expect(irq).toEqual([1]);
    expect(riot.peek(0x05) & 0x40).toBe(0x40);
    expect(riot.read(0x05) & 0x40).toBe(0x40);
    expect(riot.read(0x05) & 0x40).toBe(0);
    expect(irq).toEqual([1, 0]);
    // a falling edge does not count when rising is selected
    riot.portAInput(0x00);
    expect(riot.peek(0x05) & 0x40).toBe(0);
    // falling edge selected (A0 = 0), IRQ off (A1 = 0): the flag still sets, the line stays low
    riot.write(0x04, 0);
    riot.portAInput(0x80);
    riot.portAInput(0x00);
    expect(riot.peek(0x05) & 0x40).toBe(0x40);
    expect(irq).toEqual([1, 0]);
  });

  it('timer: N with prescaler 8 written at tick t expires at t + 1 + 8N; reads count (ticks left) >> 3', () => {
    const { riot, irq, at } = rig();
    at(1000);
    riot.write(0x1d, 10); // A4=1 A2=1: timer, A0-A1 = 1 → divide by 8, A3 = 1 → IRQ on
    // MAME: expiry = as_ticks(now) + 1 + (10 << 3) = 1000 + 81 (this scheduler's attoseconds are exact ticks)
    expect(riot.read(0x0c)).toBe(10); // 81 ticks left >> 3
    at(1040);
    expect(riot.read(0x0c)).toBe(5); // 41 >> 3
    at(1080);
    expect(riot.read(0x0c)).toBe(0);
    expect(irq).toEqual([]);
    at(1081);
    expect(irq).toEqual([1]);
    expect(riot.peek(0x05) & 0x80).toBe(0x80);
    // after expiry the counter runs at one tick per clock: 256-tick window, low 8 bits of the ticks left
    at(1081 + 56);
    expect(riot.peek(0x04)).toBe(200);
    // a read of the timer clears the flag (and, with A3 = 0, disables the timer IRQ)
    riot.read(0x04);
    expect(riot.peek(0x05) & 0x80).toBe(0);
    expect(irq).toEqual([1, 0]);
  });

  it('timer prescalers 1, 8, 64, 1024 (A0-A1) and the IRQ enable on A3', () => {
    for (const [offset, shift] of [[0x14, 0], [0x15, 3], [0x16, 6], [0x17, 10]]) {
      const { riot, irq, at } = rig();
      riot.write(offset, 3);
      at((3 << shift) + 1);
      expect(irq).toEqual([]); // A3 = 0: no IRQ
      expect(riot.peek(0x05) & 0x80).toBe(0x80);
      expect(riot.peek(0x04)).toBe(0);
    }
  });

  it('reset: ports, DDRs and enables clear, the timer counts 256 × 1024 clocks', () => {
    const { riot, at } = rig();
    riot.write(0x01, 0xff);
    riot.write(0x1c, 5);
    riot.reset();
    expect(riot.read(0x01)).toBe(0);
    expect(riot.read(0x0c)).toBe(0); // 262144 >> 10 = 256 → 8 bits: 0 (MAME returns u8)
    at(1024 * 100);
    expect(riot.peek(0x04)).toBe(156);
  });

  it('save state round trip keeps every register', () => {
    const { riot } = rig();
    riot.write(0x07, 0);
    riot.write(0x01, 0x0f);
    riot.portAInput(0x80);
    const w = new StateWriter();
    riot.serialize(w);
    const bytes = w.bytes();
    const { riot: other } = rig();
    other.serialize(new StateReader(bytes));
    const w2 = new StateWriter();
    other.serialize(w2);
    expect(w2.bytes()).toEqual(bytes);
    expect(other.peek(0x05)).toBe(riot.peek(0x05));
    expect(other.read(0x01)).toBe(0x0f);
  });
});
