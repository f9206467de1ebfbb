/**
 * Real-time pacing at the game's own refresh rate, independent of the display's: every animation
 * frame adds the elapsed real time to an accumulator, and one emulated frame is due per
 * 1/refreshHz of it. A 144 Hz display therefore runs 0 or 1 emulated frame per tick (60.606 per
 * second on average, never double speed); a 50 Hz display runs 1 or 2. Long stalls (a tab in the
 * background, a debugger) are not caught up: at most `maxCatchUp` frames per tick, and the rest is
 * dropped rather than replayed at high speed.
 */
export class Pacer {
  private acc = 0;
  private last = -1;

  constructor(public refreshHz: number, public maxCatchUp = 3) {}

  get periodMs(): number {
    return 1000 / this.refreshHz;
  }

  /** Forget elapsed time (after a pause, or when the worker was busy for long). */
  resync(): void {
    this.last = -1;
    this.acc = 0;
  }

  /** Frames to run now. `speed` is 1 for normal play, >1 for fast-forward. */
  tick(nowMs: number, speed = 1): number {
    if (this.last < 0) {
      this.last = nowMs;
      return 0;
    }
    const dt = Math.min(Math.max(nowMs - this.last, 0), 250);
    this.last = nowMs;
    this.acc += dt * speed;
    const period = this.periodMs;
    let n = Math.floor(this.acc / period);
    this.acc -= n * period;
    const cap = this.maxCatchUp * Math.max(1, Math.ceil(speed));
    if (n > cap) {
      n = cap;
      this.acc = Math.min(this.acc, period);
    }
    return n;
  }
}
