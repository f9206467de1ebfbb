/**
 * Interrupts and events tied to the beam (MAME `timer_device::configure_scanline` and the scanline
 * interrupt generators boards build from it).
 *
 * `ScanlineTimer` fires at line `first`, then every `every` lines while the line number stays below the
 * screen's vTotal, then at `first` of the next frame (MAME's scanline timer wraps the same way); `every: 0`
 * fires once per frame. Its `tick` output is driven with the line number each time.
 *
 * `ScanlineInterrupt` turns that into an interrupt line: at each of those lines it drives `irq` with
 * `state` (ASSERT, or HOLD for a CPU that clears it on acknowledge), and with `clearAfter` it clears the
 * line that many lines later. Centipede (MAME 0.251 `centiped.cpp`, measured: asserted at lines 48, 112,
 * 176, 240, cleared at 16, 80, 144, 208) is `{ first: 48, every: 64, clearAfter: 32 }`.
 *
 * Line numbers are the screen's native ones (`Screen.vpos()`); both timers re-arm on reset, as MAME's
 * timer device does.
 */
import type { BuildContext } from '../driver-schema';
import { Device, type Serializer } from '../device';
import { ASSERT_LINE, CLEAR_LINE, OutputLine } from '../line';
import type { Timer } from '../scheduler';
import type { Screen } from '../screen';

export interface ScanlineSchedule {
  /** first line of each frame at which it fires */
  first: number;
  /** lines between firings within a frame; 0 = once per frame */
  every: number;
}

export class ScanlineTimer extends Device {
  /** driven with the line number at each firing */
  readonly tick = new OutputLine();
  private readonly timer: Timer;
  protected readonly screen: Screen;

  constructor(ctx: BuildContext, readonly schedule: ScanlineSchedule) {
    super(ctx.tag, 0);
    this.screen = ctx.screen;
    if (!(schedule.first >= 0 && schedule.first < ctx.screen.def.vTotal)) throw new Error(`${ctx.tag}: line ${schedule.first} is not on the screen (vTotal ${ctx.screen.def.vTotal})`);
    this.timer = ctx.timer(this, 'scanline', (line) => this.fire(line));
  }

  private fire(line: number): void {
    this.fired(line);
    const next = this.schedule.every > 0 && line + this.schedule.every < this.screen.def.vTotal ? line + this.schedule.every : this.schedule.first;
    this.arm(next);
  }

  /** What happens at each firing line. */
  protected fired(line: number): void {
    this.tick.set(line);
  }

  private arm(line: number): void {
    const [at, atAs] = this.screen.nextLineStart(line);
    this.timer.adjustAt(at, line, 0, atAs);
  }

  reset(): void {
    this.arm(this.schedule.first);
  }

  serialize(_s: Serializer): void {
    // The timer is saved by the scheduler.
  }
}

export interface ScanlineInterruptOptions extends ScanlineSchedule {
  /** the state driven at each firing line (default ASSERT_LINE; HOLD_LINE for acknowledge-cleared CPUs) */
  state?: number;
  /** clear the line this many lines after each firing (default: never, the board clears it) */
  clearAfter?: number;
}

export class ScanlineInterrupt extends ScanlineTimer {
  readonly irq = new OutputLine();
  private readonly state: number;
  private readonly clearAfter: number;
  private readonly clearTimer: Timer;

  constructor(ctx: BuildContext, opts: ScanlineInterruptOptions) {
    super(ctx, opts);
    this.state = opts.state ?? ASSERT_LINE;
    this.clearAfter = opts.clearAfter ?? 0;
    this.clearTimer = ctx.timer(this, 'clear', () => this.irq.set(CLEAR_LINE));
  }

  protected override fired(line: number): void {
    super.fired(line);
    this.irq.set(this.state);
    if (this.clearAfter > 0) {
      const [at, atAs] = this.screen.nextLineStart((line + this.clearAfter) % this.screen.def.vTotal);
      this.clearTimer.adjustAt(at, 0, 0, atAs);
    }
  }

  override reset(): void {
    super.reset();
    this.clearTimer.stop();
  }
}
