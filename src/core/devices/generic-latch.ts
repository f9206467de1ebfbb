/**
 * An 8-bit latch between two CPUs, usually the main CPU's command to the sound CPU (MAME
 * `generic_latch_8_device`, "soundlatch"), with its "data pending" flag.
 *
 * Facts (MAME 0.251 `machine/gen_latch.cpp`, behaviour only):
 * - A write does not change the latch at once: it is applied at the next synchronisation point (MAME
 *   `scheduler().synchronize()`: a timer due now, which ends the writing CPU's timeslice), so the reading
 *   CPU, which may be behind, sees the old value until it has caught up to the write.
 * - Applying a write sets the pending flag and drives the `pending` output line (often the sound CPU's NMI
 *   or IRQ); a read clears the flag unless the board acknowledges separately (`separateAcknowledge`).
 * - `clear()`/`acknowledge()` clear the flag; `preset()` sets the latch at power-on (e.g. 0xff).
 * - Reset clears the flag (the latched value survives, as in MAME).
 *
 * Optional: `boostInterleave` (µs) asks the scheduler for perfect interleave after each write (MAME drivers
 * call `machine().scheduler().perfect_quantum(attotime::from_usec(N))` in their latch write handlers).
 * Both directions of a board (command and reply) are two latches; each side reads the other's flag
 * through `pendingRead`.
 */
import type { BuildContext } from '../driver-schema';
import { Device, type Serializer } from '../device';
import { OutputLine } from '../line';
import type { Scheduler, Timer } from '../scheduler';
import { AS_PER_SECOND } from '../scheduler';

export interface GenericLatchOptions {
  /** a read does not clear the pending flag; the board calls `acknowledge()` (MAME `set_separate_acknowledge`) */
  separateAcknowledge?: boolean;
  /** after each write, perfect interleave for this many microseconds */
  boostInterleaveUs?: number;
}

export class GenericLatch8 extends Device {
  /** high while data is pending (written and not yet read/acknowledged) */
  readonly pending = new OutputLine();
  private value = 0;
  private pendingFlag = 0;
  private readonly sync: Timer;
  private readonly scheduler: Scheduler;
  private readonly separateAck: boolean;
  private readonly boostAs: bigint;

  constructor(ctx: BuildContext, opts: GenericLatchOptions = {}) {
    super(ctx.tag, 0);
    this.scheduler = ctx.scheduler;
    this.separateAck = opts.separateAcknowledge ?? false;
    this.boostAs = BigInt(Math.round((opts.boostInterleaveUs ?? 0) * 1e6)) * (AS_PER_SECOND / 1_000_000_000_000n);
    this.sync = ctx.timer(this, 'sync', (data) => this.latch(data));
  }

  /** Map handler: the writing CPU's side. */
  write(_offset: number, data: number): void {
    this.sync.adjust(0, data & 0xff);
    if (this.boostAs > 0n) this.scheduler.boostInterleave(0n, this.boostAs);
  }

  /** Map handler: the reading CPU's side. */
  read(_offset = 0): number {
    if (!this.separateAck) this.setPending(0);
    return this.value;
  }

  /** The latched value without side effects (debugger, board logic). */
  peek(): number {
    return this.value;
  }

  /** Map handler returning the pending flag in bit 0 (for a status port). */
  pendingRead(_offset = 0): number {
    return this.pendingFlag;
  }

  isPending(): boolean {
    return this.pendingFlag === 1;
  }

  acknowledge(_offset = 0, _data = 0): void {
    this.setPending(0);
  }

  clear(_offset = 0, _data = 0): void {
    this.setPending(0);
  }

  /** Power-on value (MAME `set_latch_preset` / `preset_w`); does not raise the flag. */
  preset(value: number): void {
    this.value = value & 0xff;
  }

  private latch(data: number): void {
    this.value = data;
    this.setPending(1);
  }

  private setPending(v: number): void {
    if (v === this.pendingFlag) return;
    this.pendingFlag = v;
    this.pending.set(v);
  }

  reset(): void {
    this.setPending(0);
  }

  serialize(s: Serializer): void {
    this.value = s.u8(this.value);
    this.pendingFlag = s.u8(this.pendingFlag);
  }

  override postLoad(): void {
    this.pending.set(this.pendingFlag);
  }
}
