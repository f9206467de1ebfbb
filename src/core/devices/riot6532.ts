/**
 * MOS 6532 RIOT (RAM, I/O, Timer): two 8-bit ports with data-direction registers, an interval timer with
 * 1/8/64/1024 prescalers and an IRQ, and a PA7 edge detector that can also interrupt. Gottlieb's sound
 * board rev. 1 takes its sound commands on port A (PA7 = strobe), its DIP/test switches on port B and
 * its 6502 IRQ from here.
 *
 * The chip's 128 bytes of RAM are a plain RAM block on every board we emulate (MAME maps it with `ram()`
 * in the board's address map, not through this device), so this device is the I/O and timer part only.
 *
 * Register decode (MOS 6532 data sheet; MAME 0.251 `6532riot.cpp`, facts only), offset = A0-A4:
 *   A2 = 0:          A1 selects port A/B, A0 = 0 data (out on write, pins on read), A0 = 1 DDR
 *   A2 = 1, A4 = 0:  write: edge-detect control, A1 = PA7 IRQ enable, A0 = edge (1 rising, 0 falling)
 *   A2 = 1, A4 = 1:  write: timer, A0-A1 = prescaler (1, 8, 64, 1024), A3 = timer IRQ enable
 *   A2 = 1, A0 = 0:  read: timer, A3 = timer IRQ enable; clears the timer flag
 *   A2 = 1, A0 = 1:  read: interrupt flags (bit 7 timer, bit 6 PA7); clears the PA7 flag
 * A port pin reads the output latch where its DDR bit is 1, else the input.
 *
 * Timer, as MAME 0.251 behaves (its time arithmetic reproduced, because a sound program's pitch depends
 * on it to the cycle): a write of N with prescaler 2^s at clock tick t (MAME `as_ticks`, truncated) sets
 * the expiry to tick t + 1 + (N << s). Until then a read gives the remaining ticks >> s. At expiry the
 * flag (and IRQ, if enabled) rises and the counter runs on at one tick per clock: reads give the low 8
 * bits of the ticks left in a repeating 256-tick window. A write or read of the timer clears the flag,
 * except a read of 0xFF in that state. Reset: ports, DDRs and enables clear, the timer starts counting
 * 256 × 1024 ticks.
 */
import { Device, type Serializer } from '../device';
import { OutputLine } from '../line';
import { Attotime } from '../attotime';
import type { Scheduler, Timer } from '../scheduler';

const TIMER_FLAG = 0x80;
const PA7_FLAG = 0x40;
const PRESCALE_SHIFT = [0, 3, 6, 10];

const enum TimerState { Idle = 0, Counting = 1, Finishing = 2 }

export class Riot6532 extends Device {
  readonly chipName = '6532 RIOT';
  /** port inputs (pins driven from outside), output latches and DDRs; index 0 = A, 1 = B */
  readonly portIn = new Uint8Array(2);
  readonly portOut = new Uint8Array(2);
  readonly ddr = new Uint8Array(2);
  irqState = 0;
  irqEnable = 0;
  /** IRQ output level (active high here: 1 = asserted) */
  irqLevel = 0;
  /** PA7 edge: 0x80 = rising, 0 = falling */
  pa7Dir = 0;
  pa7Prev = 0;
  timerShift = 10;
  timerState: number = TimerState.Counting;

  /** port reads: when set, the port's pins are read from here at each read (MAME in_pX callback) */
  readPortA: (() => number) | null = null;
  readPortB: (() => number) | null = null;
  /** port reads/writes are data, not lines: a board assigns these in its `init` */
  /** port writes: the output latch value on each write (MAME out_pX callback) */
  writePortA: (data: number) => void = () => {};
  writePortB: (data: number) => void = () => {};
  /** IRQ output (the pin is active low; here 1 = asserted, as MAME's ASSERT_LINE) */
  readonly irq = new OutputLine();

  private readonly timer: Timer;
  /** the clock in whole hertz and its period in MAME attoseconds (`attotime::from_ticks` arithmetic) */
  private readonly hz: number;
  private readonly period: Attotime;
  private readonly scratch = new Attotime();
  private readonly left = new Attotime();

  constructor(
    tag: string,
    clock: number,
    private readonly scheduler: Scheduler,
    makeTimer: (owner: Device, name: string, cb: () => void) => Timer,
  ) {
    super(tag, clock);
    this.timer = makeTimer(this, 'timer', () => this.timerExpired());
    this.hz = Math.round(clock);
    this.period = Attotime.period(this.hz);
    if (!Number.isInteger(scheduler.ticksPerSecond / this.hz)) throw new Error(`${tag}: clock ${clock} Hz does not divide the time base`);
  }

  // ---- time in the RIOT's clock, with MAME's attotime arithmetic ---------------------------------

  /** Arm the timer to fire at absolute clock tick `tick` (MAME `attotime::from_ticks`). */
  private armAt(tick: number): void {
    this.timer.atClock(tick, this.clock, this.period);
  }

  /** Arm the timer `ticks` clock ticks after now (MAME `adjust(attotime::from_ticks(n, clock))`). */
  private armIn(ticks: number): void {
    this.timer.afterClocks(ticks, this.clock, 0, false, this.period);
  }

  /** Whole ticks until the timer fires (MAME `remaining().as_ticks(clock)`). */
  private remainingTicks(): number {
    const now = this.scheduler.nowInto(this.scratch), when = this.timer.whenA;
    if (!now.lt(when)) return 0;
    return this.left.set(when).sub(now).ticks(this.hz);
  }

  private timerValue(): number {
    if (this.timerState === TimerState.Idle) return 0;
    if (this.timerState === TimerState.Counting) return (this.remainingTicks() >> this.timerShift) & 0xff;
    return this.remainingTicks() & 0xff;
  }

  private timerExpired(): void {
    if (this.timerState === TimerState.Counting) {
      this.timerState = TimerState.Finishing;
      this.armIn(256);
      this.irqState |= TIMER_FLAG;
      this.updateIrq();
    } else if (this.timerState === TimerState.Finishing) {
      this.armIn(256);
    }
  }

  // ---- lines and ports ---------------------------------------------------------------------------

  private updateIrq(): void {
    const level = (this.irqState & this.irqEnable) !== 0 ? 1 : 0;
    if (level !== this.irqLevel) {
      this.irqLevel = level;
      this.irq.set(level);
    }
  }

  private pins(port: number): number {
    return (this.portOut[port] & this.ddr[port]) | (this.portIn[port] & ~this.ddr[port] & 0xff);
  }

  private updatePa7(): void {
    const level = this.pins(0) & 0x80;
    if ((this.pa7Prev ^ level) !== 0 && (this.pa7Dir ^ level) === 0) {
      this.irqState |= PA7_FLAG;
      this.updateIrq();
    }
    this.pa7Prev = level;
  }

  /** Drive port A input pins under `mask` (the sound command from the main board). */
  portAInput(data: number, mask = 0xff): void {
    this.portIn[0] = (this.portIn[0] & ~mask) | (data & mask);
    this.updatePa7();
  }

  portBInput(data: number, mask = 0xff): void {
    this.portIn[1] = (this.portIn[1] & ~mask) | (data & mask);
  }

  // ---- bus ---------------------------------------------------------------------------------------

  read(offset: number): number {
    if ((offset & 0x05) === 0x05) {
      const v = this.irqState;
      this.irqState &= ~PA7_FLAG;
      this.updateIrq();
      return v;
    }
    if ((offset & 0x05) === 0x04) {
      const v = this.timerValue();
      if (offset & 8) this.irqEnable |= TIMER_FLAG;
      else this.irqEnable &= ~TIMER_FLAG;
      if (this.timerState !== TimerState.Finishing || v !== 0xff) this.irqState &= ~TIMER_FLAG;
      this.updateIrq();
      return v;
    }
    const port = (offset >> 1) & 1;
    if (offset & 1) return this.ddr[port];
    const source = port === 0 ? this.readPortA : this.readPortB;
    if (source !== null) {
      this.portIn[port] = source() & 0xff;
      if (port === 0) this.updatePa7();
    }
    return this.pins(port);
  }

  /** Side-effect-free read for debuggers and memory dumps. */
  peek(offset: number): number {
    if ((offset & 0x05) === 0x05) return this.irqState;
    if ((offset & 0x05) === 0x04) return this.timerValue();
    const port = (offset >> 1) & 1;
    return offset & 1 ? this.ddr[port] : this.pins(port);
  }

  write(offset: number, data: number): void {
    if ((offset & 0x14) === 0x14) {
      // MAME `attotime::as_ticks(clock)`: whole clock ticks elapsed now (truncated)
      const tick = this.scheduler.nowInto(this.scratch).ticks(this.hz);
      this.timerShift = PRESCALE_SHIFT[offset & 3];
      if (offset & 8) this.irqEnable |= TIMER_FLAG;
      else this.irqEnable &= ~TIMER_FLAG;
      if (this.timerState !== TimerState.Finishing || this.timerValue() !== 0xff) this.irqState &= ~TIMER_FLAG;
      this.updateIrq();
      this.timerState = TimerState.Counting;
      this.armAt(tick + 1 + (data << this.timerShift));
      return;
    }
    if ((offset & 0x14) === 0x04) {
      if (offset & 2) this.irqEnable |= PA7_FLAG;
      else this.irqEnable &= ~PA7_FLAG;
      this.pa7Dir = (offset & 1) << 7;
      return;
    }
    const port = (offset >> 1) & 1;
    if (offset & 1) this.ddr[port] = data;
    else {
      this.portOut[port] = data;
      (port === 0 ? this.writePortA : this.writePortB)(data);
    }
    if (port === 0) this.updatePa7();
  }

  // ---- Device ------------------------------------------------------------------------------------

  reset(): void {
    this.portIn.fill(0);
    this.portOut.fill(0);
    this.ddr.fill(0);
    this.irqEnable = 0;
    this.irqState = 0;
    this.updateIrq();
    this.pa7Dir = 0;
    this.pa7Prev = 0;
    this.timerShift = 10;
    this.timerState = TimerState.Counting;
    this.armIn(256 << 10);
  }

  serialize(s: Serializer): void {
    s.block(this.portIn);
    s.block(this.portOut);
    s.block(this.ddr);
    this.irqState = s.u8(this.irqState);
    this.irqEnable = s.u8(this.irqEnable);
    this.irqLevel = s.u8(this.irqLevel);
    this.pa7Dir = s.u8(this.pa7Dir);
    this.pa7Prev = s.u8(this.pa7Prev);
    this.timerShift = s.u8(this.timerShift);
    this.timerState = s.u8(this.timerState);
  }
}
