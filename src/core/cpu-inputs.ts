/**
 * A CPU's input lines as the machine drives them (MAME `device_execute_interface::set_input_line`).
 *
 * Boards reach these through the wiring (`m.cpu.maincpu.irq`), never by patching the core. States
 * (line.ts): CLEAR/ASSERT are levels; HOLD asserts until the CPU acknowledges the interrupt, when the
 * machine clears it (MAME HOLD_LINE, cleared in `standard_irq_callback`); PULSE asserts and clears at once.
 *
 * - Numbered lines 0-7: the core sees one level, the highest asserted line number (68000 IPL), or 1 when
 *   only line 0 (the single IRQ of a Z80, 6502 or 8086) is asserted.
 * - The acknowledge cycle (the core's `irqAck(level)`) clears a held line, then asks the board's
 *   declared callback for the bus byte; without one, the core's own default answers (68000 autovector,
 *   0xff on a Z80 bus).
 * - RESET held: the CPU is suspended; released: the core resets and runs again. HALT held: suspended.
 */
import type { CpuDevice } from './cpu';
import { Device, type Serializer, type WriteLine } from './device';
import type { CpuInputs } from './driver-schema';
import { ASSERT_LINE, CLEAR_LINE, HOLD_LINE, PULSE_LINE } from './line';
import type { Scheduler } from './scheduler';

/** Cores take the bus byte of an interrupt acknowledge from this field (every core in cpus/ has it). */
interface AcknowledgingCpu {
  irqAck?: (level: number) => number;
}

const LINES = 8;

export class CpuInputLines extends Device {
  /** per numbered line: CLEAR, ASSERT or HOLD */
  private readonly levels = new Uint8Array(LINES);
  private nmiState = 0;
  private resetState = 0;
  private haltState = 0;
  private readonly lineFns: WriteLine[];
  /** what the wiring sees as `m.cpu.<tag>` */
  readonly inputs: CpuInputs;

  /** the bus byte of an acknowledge: the board's declared callback, else the core's default */
  private answer: (line: number) => number;

  constructor(
    private readonly cpu: CpuDevice,
    private readonly scheduler: Scheduler,
  ) {
    super(`${cpu.tag}.inputs`, 0);
    this.lineFns = Array.from({ length: LINES }, (_, n) => (state: number) => this.setLine(n, state));
    this.inputs = {
      irq: this.lineFns[0],
      line: (n) => this.line(n),
      nmi: (state) => this.setNmi(state),
      reset: (state) => this.setReset(state),
      halt: (state) => this.setHalt(state),
    };
    const core = cpu as CpuDevice & AcknowledgingCpu;
    const coreDefault = core.irqAck;
    this.answer = coreDefault ?? (() => 0xff);
    core.irqAck = (level = 0) => {
      const n = level & 7;
      if (this.levels[n] === HOLD_LINE) this.setLine(n, CLEAR_LINE);
      return this.answer(n);
    };
  }

  /** The board's acknowledge callback from the wiring (`cpus.<tag>.irqAck`). */
  setAcknowledge(ack: (line: number) => number): void {
    this.answer = ack;
  }

  line(n: number): WriteLine {
    if (!(n >= 0 && n < LINES)) throw new Error(`${this.cpu.tag}: no input line ${n}`);
    return this.lineFns[n];
  }

  private setLine(n: number, state: number): void {
    if (state === PULSE_LINE) {
      this.setLine(n, ASSERT_LINE);
      this.setLine(n, CLEAR_LINE);
      return;
    }
    this.levels[n] = state === HOLD_LINE ? HOLD_LINE : state ? ASSERT_LINE : CLEAR_LINE;
    this.cpu.setIrq(this.level());
  }

  /** The level the core sees: the highest asserted numbered line, 1 for line 0 alone. */
  private level(): number {
    for (let n = LINES - 1; n >= 1; n--) if (this.levels[n] !== CLEAR_LINE) return n;
    return this.levels[0] !== CLEAR_LINE ? 1 : 0;
  }

  private setNmi(state: number): void {
    if (state === PULSE_LINE) {
      this.setNmi(ASSERT_LINE);
      this.setNmi(CLEAR_LINE);
      return;
    }
    this.nmiState = state ? 1 : 0;
    this.cpu.setNmi(this.nmiState);
  }

  private setReset(state: number): void {
    if (state === PULSE_LINE) {
      this.setReset(ASSERT_LINE);
      this.setReset(CLEAR_LINE);
      return;
    }
    const v = state ? 1 : 0;
    if (v === this.resetState) return;
    this.resetState = v;
    // Released: the core starts again from its reset vector (MAME resets the device on the falling edge).
    if (!v) this.cpu.reset();
    this.updateSuspension();
  }

  private setHalt(state: number): void {
    this.haltState = state && state !== PULSE_LINE ? 1 : 0;
    this.updateSuspension();
  }

  private updateSuspension(): void {
    this.scheduler.suspend(this.cpu, this.resetState === 1 || this.haltState === 1);
    // A CPU stopped from inside its own slice stops at once (MAME abort_timeslice).
    if (this.scheduler.executing === this.cpu) this.scheduler.endSlice();
  }

  /** The machine's reset does not move the lines: the devices driving them reset them (as boards do). */
  override reset(): void {}

  serialize(s: Serializer): void {
    s.block(this.levels);
    this.nmiState = s.u8(this.nmiState);
    this.resetState = s.u8(this.resetState);
    this.haltState = s.u8(this.haltState);
  }
}
