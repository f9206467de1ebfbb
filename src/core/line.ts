/**
 * Lines between devices (MAME `devcb_write_line` and `set_input_line`).
 *
 * A device that drives a pin owns an `OutputLine` field and calls `line.set(state)`; the hardware
 * definition connects it to typed targets (`[d.mainlatch.q[0], d.board.setIrqMask]`, see driver-schema.ts),
 * so renaming either end is a compile error. An unconnected output does nothing.
 *
 * The state is MAME's: CLEAR_LINE / ASSERT_LINE are levels; a CPU interrupt input also takes HOLD_LINE
 * (asserted until the CPU acknowledges the interrupt, then cleared by the machine) and PULSE_LINE
 * (asserted and cleared at once: an edge, for NMI or reset).
 */
import type { WriteLine } from './device';

export const CLEAR_LINE = 0;
export const ASSERT_LINE = 1;
export const HOLD_LINE = 2;
export const PULSE_LINE = 3;

const unconnected: WriteLine = () => {};

export class OutputLine {
  /** drive the line; every connected target sees the state (replaced when the line is connected) */
  set: WriteLine = unconnected;
  private readonly targets: WriteLine[] = [];

  /** Add targets (the machine builder calls this from the hardware definition's `lines`). */
  connect(...targets: WriteLine[]): void {
    this.targets.push(...targets);
    const t = this.targets;
    // One target is called directly (the common case, no loop); several fan out in declaration order.
    this.set = t.length === 1 ? t[0] : (state) => { for (let i = 0; i < t.length; i++) t[i](state); };
  }

  get connected(): boolean {
    return this.targets.length > 0;
  }
}

/** `n` unconnected output lines (a latch's Q0-Q7, a port's bits). */
export function outputLines(n: number): OutputLine[] {
  return Array.from({ length: n }, () => new OutputLine());
}
