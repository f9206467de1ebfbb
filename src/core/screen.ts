/**
 * The screen: raster timing and the frame boundary.
 *
 * Frame N occupies ticks [(N-1)·T, N·T). At N·T the frame is drawn (the driver's update callback) and
 * then VBLANK starts, as MAME 0.251 records it on Pac-Man: the frame-done callback of frame N runs at
 * exactly N/60.606061 s and the VBLANK interrupt belonging to frame N is serviced after the frame is
 * recorded (../shared/oracle/README.md, "Frame and time semantics"). The vertical position counts from
 * the first VBLANK line at the frame boundary, so the visible lines are the last ones of each frame.
 *
 * In MAME's attoseconds (which order the timers against CPU cycles, see scheduler.ts) a frame lasts
 * floor(10^18 / pixel clock) × htotal × vtotal and a line a frame / vtotal (`screen_device::set_raw`,
 * `configure`): on Pac-Man 67584 as short of 1/60.606061 s, so VBLANK comes a hair before the CPU cycle
 * boundary it falls on in ticks. VBLANK ends (and MAME's scanline-0 timer fires) `vtotal - visible lines`
 * lines after it starts (`vblank_begin` → `m_vblank_end_timer`).
 */
import { Device, type Serializer, type WriteLine, unconnected } from './device';
import type { ScreenDef } from './driver-schema';
import { hzToAs, type Scheduler, type Timer } from './scheduler';
import { loadedInRange } from './serializer';

export class Screen extends Device {
  readonly pixelTicks: number;
  readonly lineTicks: number;
  readonly frameTicks: number;
  /** MAME's frame and line periods in attoseconds */
  readonly frameAs: bigint;
  readonly lineAs: bigint;
  readonly pixelAs: bigint;
  /** native visible size */
  readonly width: number;
  readonly height: number;
  readonly refreshHz: number;
  /** first VBLANK line */
  readonly vblankLine: number;
  frameNumber = 0;
  /** called at each frame end to draw; the driver's update */
  update: () => void = () => {};
  vblankOut: WriteLine = unconnected;
  /** the machine's output framebuffer (oriented like MAME snapshots), set by the builder */
  output: Uint32Array = new Uint32Array(0);
  /** monitor rotation of the game, degrees clockwise */
  rotate: 0 | 90 | 180 | 270 = 0;
  scanlineOut: ((line: number) => void) | null = null;
  private readonly frameTimer: Timer;
  private readonly vblankEndTimer: Timer;
  private lineTimer: Timer | null = null;

  constructor(
    readonly def: ScreenDef,
    private readonly scheduler: Scheduler,
  ) {
    super('screen', def.pixelClock);
    const tps = scheduler.ticksPerSecond;
    this.pixelTicks = tps / def.pixelClock;
    if (!Number.isInteger(this.pixelTicks)) throw new Error(`screen: pixel clock ${def.pixelClock} does not divide the time base ${tps}`);
    this.lineTicks = this.pixelTicks * def.hTotal;
    this.frameTicks = this.lineTicks * def.vTotal;
    // MAME set_raw: the pixel period times the raster; set_refresh_hz: the frame period itself
    this.frameAs = def.refreshHz !== undefined ? hzToAs(def.refreshHz) : hzToAs(def.pixelClock) * BigInt(def.hTotal) * BigInt(def.vTotal);
    this.lineAs = this.frameAs / BigInt(def.vTotal);
    this.pixelAs = this.lineAs / BigInt(def.hTotal);
    this.width = def.hVisible[1] - def.hVisible[0] + 1;
    this.height = def.vVisible[1] - def.vVisible[0] + 1;
    this.refreshHz = def.pixelClock / (def.hTotal * def.vTotal);
    this.vblankLine = def.vVisible[1] + 1;
    this.frameTimer = scheduler.timer(this, 'frame', () => this.frameEnd());
    this.vblankEndTimer = scheduler.timer(this, 'vblankEnd', () => this.vblankOut(0));
  }

  /** The driver's per-line callback (set while the machine is built; only then does the screen time lines). */
  setScanlineCallback(cb: (line: number) => void): void {
    this.scanlineOut = cb;
    this.lineTimer ??= this.scheduler.timer(this, 'scanline', (line) => this.lineStart(line));
  }

  /** Power-on: arm the frame timer at the first frame boundary. */
  start(): void {
    this.frameNumber = 0;
    this.frameTimer.adjustAt(this.frameTicks, 0, this.frameTicks, this.frameAs, this.frameAs);
    if (this.lineTimer) this.armLine(this.def.vVisible[0]);
  }

  reset(): void {
    // The raster keeps running through a soft reset (it is not reset by the watchdog in MAME either).
  }

  private frameEnd(): void {
    this.frameNumber++;
    this.update();
    this.vblankOut(1);
    const vblankLines = this.def.vTotal - this.vblankLine;
    this.vblankEndTimer.adjust(vblankLines * this.lineTicks, 0, 0, BigInt(vblankLines) * this.lineAs);
  }

  /**
   * The scanline callback runs at the start of each visible line only, then re-arms for the next
   * visible line, wrapping to the first one of the next frame (MAME `screen_device::scanline_update_callback`).
   */
  private lineStart(line: number): void {
    this.scanlineOut?.(line);
    this.armLine(line + 1 > this.def.vVisible[1] ? this.def.vVisible[0] : line + 1);
  }

  /** Arm the scanline timer for the start of `line`, in this frame if it is still ahead, else the next. */
  private armLine(line: number): void {
    const [at, atAs] = this.nextLineStart(line);
    this.lineTimer!.adjustAt(at, line, 0, atAs);
  }

  /**
   * When the beam next reaches the start of `line` (native line number, 0 ≤ line < vTotal), strictly after
   * now: [ticks, MAME attoseconds]. Lines count from the first VBLANK line at each frame boundary.
   */
  nextLineStart(line: number): [number, bigint] {
    const k = (line - this.vblankLine + this.def.vTotal) % this.def.vTotal; // lines after VBLANK start
    let frame = this.frameNumber;
    if (frame * this.frameTicks + k * this.lineTicks <= this.scheduler.now()) frame++;
    return [frame * this.frameTicks + k * this.lineTicks, BigInt(frame) * this.frameAs + BigInt(k) * this.lineAs];
  }

  /** Tick at which the current frame started. */
  frameStart(): number {
    return this.frameNumber * this.frameTicks;
  }

  /**
   * Current beam line, counting like the hardware (VBLANK begins at `vblankLine`). As MAME computes it
   * (`screen_device::vpos`): attoseconds since VBLANK started plus half a pixel (round to the nearest
   * pixel), divided by the line period.
   */
  vpos(): number {
    const v = Number(this.sinceVblankAs() / this.lineAs);
    return (this.vblankLine + v) % this.def.vTotal;
  }

  /** Current beam pixel within the line (MAME `screen_device::hpos`, rounded to the nearest pixel). */
  hpos(): number {
    const d = this.sinceVblankAs();
    return Number((d % this.lineAs) / this.pixelAs);
  }

  /** Attoseconds since the current VBLANK started, plus half a pixel. */
  private sinceVblankAs(): bigint {
    return this.scheduler.nowAs() - BigInt(this.frameNumber) * this.frameAs + this.pixelAs / 2n;
  }

  inVblank(): boolean {
    const v = this.vpos();
    return v >= this.vblankLine || v < this.def.vVisible[0];
  }

  serialize(s: Serializer): void {
    this.frameNumber = s.u32(this.frameNumber);
    // Loaded after the scheduler: the frame counter must be the frame the machine time is in, else the
    // next runFrame() would run towards a far-away frame (a damaged counter must not hang the machine).
    const now = this.scheduler.now();
    loadedInRange(s, this.frameNumber * this.frameTicks, now - this.frameTicks, now, 'frame start');
  }
}
