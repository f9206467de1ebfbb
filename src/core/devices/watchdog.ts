/**
 * A watchdog counting VBLANKs (MAME `watchdog_timer_device` with `set_vblank_count`): unless it is
 * kicked, the machine resets when the count is reached. Measured on MAME's Pac-Man with 16: frames 1-16
 * run, frame 17 starts again from reset (../shared/oracle/README.md).
 */
import { Device, type Serializer } from '../device';
import { OutputLine, PULSE_LINE } from '../line';

export class Watchdog extends Device {
  private counter = 0;
  /** pulsed when the count is reached; boards connect it to the machine's reset (`m.reset`) */
  readonly resetOut = new OutputLine();

  constructor(
    tag: string,
    readonly vblanks: number,
  ) {
    super(tag, 0);
  }

  kick(_offset = 0, _data = 0): void {
    this.counter = 0;
  }

  /** VBLANK line input: counts rising edges. */
  vblank(state: number): void {
    if (!state) return;
    if (++this.counter >= this.vblanks) {
      this.counter = 0;
      this.resetOut.set(PULSE_LINE);
    }
  }

  reset(): void {
    this.counter = 0;
  }

  serialize(s: Serializer): void {
    this.counter = s.u32(this.counter);
  }
}
