/**
 * The scheduler: integer time, CPUs interleaved by quantum, named timers (MAME `schedule.cpp`).
 *
 * Time is an integer count of ticks of the machine's time base (`ticksPerSecond`, the least common
 * multiple of every clock in the machine, so each CPU cycle and each pixel is a whole number of ticks).
 * Each CPU keeps its own local time; `runUntil(t)` advances every CPU in slices that end at the next
 * timer or after one quantum, whichever is first, and then fires the timers that are due, in time order
 * (ties in creation order), so a run is fully deterministic.
 *
 * A device that changes another CPU's input line from inside a slice calls `endSlice()` so the change is
 * seen promptly (MAME `abort_timeslice`).
 */
import type { CpuDevice } from './cpu';
import type { Device, Serializer } from './device';
import type { TimeSource } from './sound';

export class Timer {
  /** absolute tick at which the timer fires; Infinity when stopped */
  when = Infinity;
  /** re-arm period in ticks; 0 = one-shot */
  period = 0;
  param = 0;
  /** creation order, for deterministic ties */
  constructor(
    readonly owner: Device,
    readonly name: string,
    readonly index: number,
    private readonly scheduler: Scheduler,
    readonly callback: (param: number) => void,
  ) {}

  /** Fire after `delay` ticks from now (then every `period` ticks when non-zero). */
  adjust(delay: number, param = 0, period = 0): void {
    this.when = this.scheduler.now() + Math.max(0, Math.round(delay));
    this.param = param;
    this.period = Math.max(0, Math.round(period));
    this.scheduler.timerChanged(this);
  }

  /** Fire at absolute tick `at`. */
  adjustAt(at: number, param = 0, period = 0): void {
    this.when = at;
    this.param = param;
    this.period = period;
    this.scheduler.timerChanged(this);
  }

  stop(): void {
    this.when = Infinity;
    this.period = 0;
  }

  get enabled(): boolean {
    return this.when !== Infinity;
  }

  /** Ticks until the timer fires (Infinity when stopped). */
  remaining(): number {
    return this.when - this.scheduler.now();
  }
}

interface CpuSlot {
  cpu: CpuDevice;
  ticksPerCycle: number;
  /** local time in ticks: how far this CPU has run */
  local: number;
  /** held (reset line, bus request, STOP-waiting handled by the core itself) */
  suspended: boolean;
}

export class Scheduler implements TimeSource {
  private time = 0;
  private readonly slots: CpuSlot[] = [];
  private readonly timers: Timer[] = [];
  private current: CpuSlot | null = null;
  /** the end of the slice the CPUs are running towards */
  private sliceEnd = 0;
  quantum: number;

  constructor(
    readonly ticksPerSecond: number,
    /** default quantum: 1/6000 s like MAME multi-CPU boards ask for, or one frame for single CPU */
    quantumHz = 6000,
  ) {
    this.quantum = Math.max(1, Math.round(ticksPerSecond / quantumHz));
  }

  setQuantumHz(hz: number): void {
    this.quantum = Math.max(1, Math.round(this.ticksPerSecond / hz));
  }

  addCpu(cpu: CpuDevice): void {
    const tpc = this.ticksPerSecond / cpu.clock;
    if (!Number.isInteger(tpc)) throw new Error(`${cpu.tag}: clock ${cpu.clock} Hz does not divide the time base ${this.ticksPerSecond} Hz`);
    this.slots.push({ cpu, ticksPerCycle: tpc, local: this.time, suspended: false });
  }

  /** Create a named timer owned by a device. Timers are created when the machine is built, never while running. */
  timer(owner: Device, name: string, callback: (param: number) => void): Timer {
    const t = new Timer(owner, name, this.timers.length, this, callback);
    this.timers.push(t);
    return t;
  }

  /** Current time: inside a CPU slice, that CPU's exact time at this bus access. */
  now(): number {
    const c = this.current;
    return c === null ? this.time : c.local + c.cpu.sliceCycles() * c.ticksPerCycle;
  }

  /** The CPU running now, or null between slices (timer callbacks). */
  get executing(): CpuDevice | null {
    return this.current?.cpu ?? null;
  }

  /** Make the running CPU stop after its current instruction (a write changed something others must see). */
  endSlice(): void {
    if (this.current !== null) {
      this.current.cpu.endSlice();
      this.sliceEnd = this.now();
    }
  }

  timerChanged(t: Timer): void {
    // A timer armed from inside a slice to fire before the slice's end shortens the slice for
    // the CPUs that have not run yet; the running CPU is stopped so it does not run past it.
    if (t.when < this.sliceEnd) {
      this.sliceEnd = Math.max(t.when, this.time);
      if (this.current !== null && this.now() >= t.when) this.current.cpu.endSlice();
    }
  }

  suspend(cpu: CpuDevice, suspended: boolean): void {
    const s = this.slots.find((x) => x.cpu === cpu);
    if (!s) throw new Error(`${cpu.tag} is not scheduled`);
    if (s.suspended && !suspended) s.local = Math.max(s.local, this.now());
    s.suspended = suspended;
  }

  isSuspended(cpu: CpuDevice): boolean {
    return this.slots.find((x) => x.cpu === cpu)?.suspended ?? false;
  }

  cpuTime(cpu: CpuDevice): number {
    return this.slots.find((x) => x.cpu === cpu)?.local ?? this.time;
  }

  private nextTimer(): number {
    let t = Infinity;
    for (const tm of this.timers) if (tm.when < t) t = tm.when;
    return t;
  }

  /** Run the machine until time `target` (ticks): CPUs in slices, timers fired when due (inclusive of `target`). */
  runUntil(target: number): void {
    while (true) {
      const due = this.nextTimer();
      if (this.time >= target && due > target) break;
      // Fire every timer due now, in time then creation order.
      if (due <= this.time) {
        this.fireDue();
        continue;
      }
      this.sliceEnd = Math.min(target, due, this.time + this.quantum);
      for (const s of this.slots) {
        if (s.suspended) {
          if (s.local < this.sliceEnd) s.local = this.sliceEnd;
          continue;
        }
        // MAME gives a CPU floor(delta / cycle period) cycles, and its attosecond periods are truncated so
        // a screen-timed target lands a hair before the exact cycle it would hit: a CPU that would end
        // exactly on the target gets one cycle less. floor((delta - 1) / period) reproduces both (measured
        // on Pac-Man: otherwise an instruction starting one cycle before VBLANK runs before the frame ends
        // here but after it in MAME). A CPU with less than one cycle to go waits for the next slice.
        const budget = Math.floor((this.sliceEnd - s.local - 1) / s.ticksPerCycle);
        if (budget <= 0) continue;
        this.current = s;
        const used = s.cpu.run(budget);
        this.current = null;
        s.local += used * s.ticksPerCycle;
      }
      this.time = this.sliceEnd;
    }
  }

  private fireDue(): void {
    let best: Timer | null = null;
    for (const tm of this.timers) {
      if (tm.when <= this.time && (best === null || tm.when < best.when || (tm.when === best.when && tm.index < best.index))) best = tm;
    }
    if (best === null) return;
    const when = best.when;
    if (best.period > 0) best.when = when + best.period;
    else best.when = Infinity;
    best.callback(best.param);
  }

  /** Time of the scheduler (all CPUs have reached at least this, minus overshoot). */
  get currentTime(): number {
    return this.time;
  }

  /** Reset time bookkeeping to 0 (power on). Timers are stopped; devices re-arm theirs in reset(). */
  resetTime(): void {
    this.time = 0;
    for (const s of this.slots) { s.local = 0; s.suspended = false; }
    for (const t of this.timers) t.stop();
  }

  /** Scheduler state: time, CPU local times and suspension, every timer by creation order. */
  serialize(s: Serializer): void {
    this.time = s.f64(this.time);
    s.u32(this.slots.length);
    for (const slot of this.slots) {
      slot.local = s.f64(slot.local);
      slot.suspended = s.bool(slot.suspended);
    }
    const n = s.u32(this.timers.length);
    if (n !== this.timers.length) throw new Error(`state has ${n} timers, machine has ${this.timers.length}`);
    for (const t of this.timers) {
      // A stopped timer (Infinity) is saved as -1.
      const w = s.f64(t.when === Infinity ? -1 : t.when);
      t.when = w < 0 ? Infinity : w;
      t.period = s.f64(t.period);
      t.param = s.i32(t.param);
    }
  }

  timerList(): readonly Timer[] {
    return this.timers;
  }
}

/** Greatest common divisor / least common multiple of integer clocks, for the time base. */
export function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export function lcm(values: number[]): number {
  return values.reduce((acc, v) => (acc / gcd(acc, v)) * v, 1);
}
