/**
 * The scheduler: CPUs interleaved in timeslices, named timers, in MAME 0.251's arithmetic (`schedule.cpp`).
 *
 * Devices see time as an integer count of ticks of the machine's time base (`ticksPerSecond`, the least
 * common multiple of every clock, so each CPU cycle and each pixel is a whole number of ticks). Where the
 * order of events is decided, the scheduler also keeps MAME's own clock: `attotime`, integer attoseconds
 * (10^-18 s), with MAME's truncations, because they decide which instruction runs before a timer fires:
 *
 * - a CPU's cycle lasts floor(10^18 / clock) as (`HZ_TO_ATTOSECONDS`), so its local time is cycles × that;
 * - a slice ends at the earliest timer or after one quantum; a CPU that is `delta` as behind the slice end
 *   runs only if delta ≥ one cycle, and is given floor(floor(delta / 2^s) / d) cycles, where d = the cycle
 *   length shifted right by s until it is below 2^31 (`device_execute_interface::interface_clock_changed`,
 *   `device_scheduler::timeslice`): slightly more than delta / period, so a target a few attoseconds short
 *   of a cycle boundary can still grant that cycle;
 * - a timer's expiry is whatever its owner computed in attoseconds (the screen's frame is
 *   floor(10^18 / pixel clock) × htotal × vtotal, see screen.ts); timers due at the same attosecond fire in
 *   the order they were armed (MAME inserts a timer after the ones with an equal expiry);
 * - a timer armed from inside a slice that becomes the earliest one stops the running CPU after its
 *   instruction (`emu_timer::adjust` → `abort_timeslice`), and the slice ends at that CPU's time.
 *
 * Attoseconds exceed 2^53 after 9 ms: they are held exactly as `Attotime`s (whole nanoseconds + attoseconds,
 * two Numbers, attotime.ts), preallocated, so a slice allocates nothing; the BigInt forms (`nowAs`, `whenAs`,
 * `clocksToAs`) remain for callers off the hot path and for save states (unchanged format). A timer armed in
 * ticks only gets ticks × floor(10^18 / ticksPerSecond) as.
 *
 * A device that changes another CPU's input line from inside a slice calls `endSlice()` so the change is
 * seen promptly (MAME `abort_timeslice`).
 *
 * Debugging (src/core/debug): a CPU's instructions can be run by a stand-in executor instead of the CPU's own
 * `run` (`setExecutor`), which steps it one instruction at a time. The executor may stop the whole machine
 * between two instructions (`requestBreak`): `runUntil` then returns false with the slice half done, and the
 * next `runUntil` resumes it where it stopped, with the rest of that CPU's budget, so a stop changes nothing
 * about the order of events (MAME's debugger likewise waits inside the instruction hook).
 */
import { Attotime } from './attotime';
import type { CpuDevice } from './cpu';
import { Device, type Serializer } from './device';
import { bigField, loadedInRange, StateFormatError } from './serializer';
import type { TimeSource } from './sound';

/** Attoseconds per second (MAME `ATTOSECONDS_PER_SECOND`). */
export const AS_PER_SECOND = 1_000_000_000_000_000_000n;
/** Expiry of a stopped timer (MAME `attotime::never`). */
const NEVER = 1n << 120n;
/**
 * The shortest repeat a loaded timer may have: 10 ns, faster than any clock on the boards we emulate
 * (the fastest CPU clocks are tens of MHz). A damaged period of a few attoseconds would fire forever.
 */
const MIN_PERIOD_AS = 10_000_000_000n;

/** MAME `HZ_TO_ATTOSECONDS`: the truncated period of an integer frequency. */
export function hzToAs(hz: number): bigint {
  return AS_PER_SECOND / BigInt(Math.round(hz));
}

/**
 * MAME `device_t::clocks_to_attotime` / `attotime::from_ticks`: `cycles` of a `clock` Hz device, for timers
 * whose MAME duration is counted in that device's clock (pass it as `delayAs`/`periodAs`).
 */
export function clocksToAs(cycles: number, clock: number): bigint {
  const hz = Math.round(clock);
  if (cycles < hz) return BigInt(cycles) * hzToAs(hz);
  return BigInt(Math.floor(cycles / hz)) * AS_PER_SECOND + BigInt(cycles % hz) * hzToAs(hz);
}

export class Timer {
  /** absolute tick at which the timer fires; Infinity when stopped */
  when = Infinity;
  /** re-arm period in ticks; 0 = one-shot */
  period = 0;
  /** the same two in MAME attoseconds (they decide the order of events) */
  readonly whenA = new Attotime().setNever();
  readonly periodA = new Attotime();
  param = 0;
  /** arming order: ties at the same attosecond fire in this order */
  seq = 0;
  constructor(
    readonly owner: Device,
    readonly name: string,
    /** creation order (save states) */
    readonly index: number,
    private readonly scheduler: Scheduler,
    readonly callback: (param: number) => void,
  ) {}

  /** The expiry in attoseconds (NEVER when stopped). */
  get whenAs(): bigint {
    return this.whenA.toBig();
  }

  set whenAs(v: bigint) {
    this.whenA.setBig(v);
  }

  get periodAs(): bigint {
    return this.periodA.toBig();
  }

  set periodAs(v: bigint) {
    this.periodA.setBig(v);
  }

  /**
   * Fire after `delay` ticks from now (then every `period` ticks when non-zero). `delayAs`/`periodAs` give
   * the same durations as MAME computes them, when they are not ticks × the time base's attosecond period.
   */
  adjust(delay: number, param = 0, period = 0, delayAs?: bigint, periodAs?: bigint): void {
    const d = Math.max(0, Math.round(delay));
    const p = Math.max(0, Math.round(period));
    const s = this.scheduler;
    const w = s.nowInto(this.whenA);
    if (delayAs !== undefined) { if (delayAs !== 0n) w.setBig(w.toBig() + delayAs); }
    else if (d > 0) s.addTicks(w, d);
    this.setPeriod(p, periodAs);
    this.arm(s.now() + d, param, p);
  }

  /**
   * Fire after `cycles` cycles of a `clock` Hz device (then every `cycles` when `periodic`): the one unit
   * device timers use (MAME `attotime::from_ticks(cycles, clock)`). `clockPeriod` (Attotime.period(clock)),
   * when the caller keeps it, saves computing it.
   */
  afterClocks(cycles: number, clock: number, param = 0, periodic = false, clockPeriod?: Attotime): void {
    const s = this.scheduler;
    const tpc = s.ticksPerSecond / clock;
    const ticks = Number.isInteger(tpc) ? cycles * tpc : (cycles * s.ticksPerSecond) / clock;
    const hz = Math.round(clock), per = clockPeriod ?? Attotime.period(hz);
    s.nowInto(this.whenA).addClocks(cycles, hz, per);
    const p = periodic ? Math.max(0, Math.round(ticks)) : 0;
    if (p > 0) this.periodA.setZero().addClocks(cycles, hz, per);
    else this.periodA.setZero();
    this.arm(s.now() + Math.max(0, Math.round(ticks)), param, p);
  }

  /**
   * Fire at absolute clock tick `tick` of a `clock` Hz device (MAME `attotime::from_ticks(tick, clock)`
   * from time 0), one-shot.
   */
  atClock(tick: number, clock: number, clockPeriod: Attotime, param = 0): void {
    const s = this.scheduler;
    this.whenA.setZero().addClocks(tick, Math.round(clock), clockPeriod);
    this.periodA.setZero();
    const tpc = s.ticksPerSecond / clock;
    this.arm(Number.isInteger(tpc) ? tick * tpc : (tick * s.ticksPerSecond) / clock, param, 0);
  }

  /** Fire at absolute tick `at` (MAME time `atAs` when given). */
  adjustAt(at: number, param = 0, period = 0, atAs?: bigint, periodAs?: bigint): void {
    const s = this.scheduler;
    if (atAs !== undefined) this.whenA.setBig(atAs);
    else s.addTicks(this.whenA.setZero(), at);
    this.setPeriod(period, periodAs);
    this.arm(at, param, period);
  }

  private setPeriod(period: number, periodAs: bigint | undefined): void {
    if (period <= 0) this.periodA.setZero();
    else if (periodAs !== undefined) this.periodA.setBig(periodAs);
    else this.scheduler.addTicks(this.periodA.setZero(), period);
  }

  private arm(when: number, param: number, period: number): void {
    this.when = when;
    this.param = param;
    this.period = period;
    this.scheduler.timerChanged(this);
  }

  stop(): void {
    this.when = Infinity;
    this.whenA.setNever();
    this.period = 0;
    this.periodA.setZero();
  }

  get enabled(): boolean {
    return this.when !== Infinity;
  }

  /** Ticks until the timer fires (Infinity when stopped). */
  remaining(): number {
    return this.when - this.scheduler.now();
  }
}
/** What runs a CPU's instructions: the CPU itself, or a debugger's stand-in with the same contract. */
export type CpuExecutor = Pick<CpuDevice, 'run' | 'endSlice' | 'sliceCycles'>;

interface CpuSlot {
  cpu: CpuDevice;
  exec: CpuExecutor;
  ticksPerCycle: number;
  /** local time in ticks: how far this CPU has run */
  local: number;
  /** the same in MAME attoseconds */
  readonly localA: Attotime;
  /** cycles per second and attoseconds per cycle (MAME `m_cycles_per_second`, `m_attoseconds_per_cycle`) */
  clock: number;
  readonly perCycleA: Attotime;
  /**
   * MAME's cycle-count division (delta >> shift) / divisor, which is delta / (divisor << shift) rounded down:
   * that divisor, exact and as a double
   */
  readonly divA: Attotime;
  divApprox: number;
  /** held (reset line, bus request, STOP-waiting handled by the core itself) */
  suspended: boolean;
  /** MAME `minimum_quantum`: the cycle period × the core's shortest instruction */
  minQuantumAs: bigint;
}

/** Cores may say how many cycles their shortest instruction takes (MAME `execute_min_cycles`); default 1. */
interface MinCycles {
  readonly minCycles?: number;
}

/** A temporary quantum (MAME `quantum_slot`): `requested` attoseconds until `expire`. */
interface Quantum {
  requested: bigint;
  expire: bigint;
}

/** Owner of the scheduler's own timers. */
class SchedulerOwner extends Device {
  constructor() { super('scheduler', 0); }
  reset(): void {}
  serialize(_s: Serializer): void {}
}

export class Scheduler implements TimeSource {
  private time = 0;
  private readonly timeA = new Attotime();
  private readonly slots: CpuSlot[] = [];
  private readonly timers: Timer[] = [];
  private current: CpuSlot | null = null;
  /** the timer whose callback is running (MAME: machine time is its expiry meanwhile) */
  private firing: Timer | null = null;
  private firingWhen = 0;
  private readonly firingA = new Attotime();
  private seq = 0;
  /** the end of the slice the CPUs are running towards */
  private sliceEnd = 0;
  private readonly sliceEndA = new Attotime();
  /** the end of the current `runUntil` */
  private readonly endA = new Attotime();
  /** scratch for one slice's cycle budget */
  private readonly deltaA = new Attotime();
  /** requested quantum (MAME `set_maximum_quantum`; 1/60 s when the board asks for none) */
  private quantumAsRequested: bigint;
  /** the quantum in effect while no boost is active (recomputed when the CPUs or the request change) */
  private readonly quantumA = new Attotime();
  private readonly syncTimers: { timer: Timer; periodAs: bigint }[] = [];
  /** temporary quanta (boost_interleave) */
  private readonly boosts: Quantum[] = [];
  private owner: SchedulerOwner | null = null;
  /** ticks → attoseconds for durations given in ticks only: MAME `attotime::from_ticks` on the time base */
  private readonly perTickA: Attotime;
  /** a debugger break was requested by the running executor */
  private breakRequested = false;
  /** a slice stopped by a debugger break: the CPU to resume, the rest of its budget, the runUntil end */
  private paused: { index: number; budgetLeft: number; endAs: bigint } | null = null;

  constructor(
    readonly ticksPerSecond: number,
    /** maximum quantum in Hz (MAME `set_maximum_quantum(attotime::from_hz(hz))`); MAME caps it at 60 Hz */
    quantumHz = 60,
  ) {
    this.perTickA = Attotime.fromBig(hzToAs(ticksPerSecond));
    this.quantumAsRequested = hzToAs(Math.max(60, quantumHz));
    this.quantumChanged();
  }

  setQuantumHz(hz: number): void {
    this.quantumAsRequested = hzToAs(Math.max(60, hz));
    this.quantumChanged();
  }

  /**
   * The quantum in effect (MAME `device_scheduler::timeslice` over its quantum list): the smallest of the
   * requested one and the temporary ones not yet expired (`boostInterleave`), each never shorter than the
   * "perfect interleave" (`compute_perfect_interleave`): the second-smallest CPU minimum quantum. With a
   * single CPU that is just under a second, so a lone CPU's slices end at timers only.
   */
  get quantumAs(): bigint {
    const minimum = this.perfectInterleaveAs();
    let q = this.quantumAsRequested;
    const now = this.timeA.toBig();
    for (const b of this.boosts) if (now < b.expire && b.requested < q) q = b.requested;
    return q > minimum ? q : minimum;
  }

  private quantumChanged(): void {
    const minimum = this.perfectInterleaveAs(), q = this.quantumAsRequested;
    this.quantumA.setBig(q > minimum ? q : minimum);
  }

  /** MAME `compute_perfect_interleave`: the second-smallest minimum quantum of the CPUs. */
  private perfectInterleaveAs(): bigint {
    let smallest = -1n, perfect = AS_PER_SECOND - 1n;
    for (const s of this.slots) {
      const q = s.minQuantumAs;
      if (smallest < 0n) smallest = q;
      else if (q < smallest) { perfect = smallest; smallest = q; }
      else if (q < perfect) perfect = q;
    }
    return perfect;
  }

  /**
   * MAME `boost_interleave(timeslice, duration)`: for `durationAs` from now, slices last at most `sliceAs`
   * (0 = the perfect interleave). Drivers call it after a CPU writes a latch another CPU must answer quickly.
   */
  boostInterleave(sliceAs: bigint, durationAs: bigint): void {
    if (sliceAs >= AS_PER_SECOND) return;
    const now = this.nowAs();
    for (let i = this.boosts.length - 1; i >= 0; i--) if (now >= this.boosts[i].expire) this.boosts.splice(i, 1);
    const expire = now + durationAs;
    const same = this.boosts.find((b) => b.requested === sliceAs);
    if (same) { if (expire > same.expire) same.expire = expire; }
    else this.boosts.push({ requested: sliceAs, expire });
    // A shorter quantum takes effect at the next slice; end this one so it does not run a whole quantum.
    this.endSlice();
  }

  /** MAME `set_perfect_quantum(cpu)`: slices never longer than that CPU's minimum quantum, permanently. */
  setPerfectQuantum(cpu: CpuDevice): void {
    const s = this.slots.find((x) => x.cpu === cpu);
    if (!s) throw new Error(`${cpu.tag} is not scheduled`);
    this.quantumAsRequested = s.minQuantumAs;
    this.quantumChanged();
  }

  /** The quantum in ticks (rounded down). */
  get quantum(): number {
    return this.asToTicks(this.quantumAs);
  }

  addCpu(cpu: CpuDevice): void {
    const tpc = this.ticksPerSecond / cpu.clock;
    if (!Number.isInteger(tpc)) throw new Error(`${cpu.tag}: clock ${cpu.clock} Hz does not divide the time base ${this.ticksPerSecond} Hz`);
    const asPerCycle = hzToAs(cpu.clock);
    let attos = asPerCycle, shift = 0n;
    while (attos >= 1n << 31n) { attos >>= 1n; shift++; }
    const minCycles = (cpu as CpuDevice & MinCycles).minCycles ?? 1;
    const div = attos << shift;
    this.slots.push({
      cpu, exec: cpu, ticksPerCycle: tpc, local: this.time, localA: new Attotime().set(this.timeA), clock: Math.round(cpu.clock),
      perCycleA: Attotime.fromBig(asPerCycle), divA: Attotime.fromBig(div), divApprox: Number(div), suspended: false,
      minQuantumAs: asPerCycle * BigInt(minCycles),
    });
    this.quantumChanged();
  }

  /** Debugger: run `cpu` through `exec` (null: the CPU's own run loop again). Only between slices. */
  setExecutor(cpu: CpuDevice, exec: CpuExecutor | null): void {
    const s = this.slots.find((x) => x.cpu === cpu);
    if (!s) throw new Error(`${cpu.tag} is not scheduled`);
    s.exec = exec ?? cpu;
  }

  /** Debugger: called by a running executor that returns early; the machine stops after its `run` returns. */
  requestBreak(): void {
    this.breakRequested = true;
  }

  /** True while a debugger break holds a slice half done (the next `runUntil` resumes it). */
  get isPaused(): boolean {
    return this.paused !== null;
  }

  /** Create a named timer owned by a device. Timers are created when the machine is built, never while running. */
  timer(owner: Device, name: string, callback: (param: number) => void): Timer {
    const t = new Timer(owner, name, this.timers.length, this, callback);
    this.timers.push(t);
    return t;
  }

  /**
   * A periodic timer that does nothing but end slices, armed at power-on from time 0 with period 1/hz s
   * (exact attoseconds when hz divides 10^18). MAME's sound manager has one at 50 Hz on every machine
   * (`sound_manager::m_update_timer`, STREAMS_UPDATE_ATTOTIME = attotime::from_hz(50)).
   */
  addSyncTimer(name: string, hz: number): Timer {
    this.owner ??= new SchedulerOwner();
    const t = this.timer(this.owner, name, () => {});
    this.syncTimers.push({ timer: t, periodAs: hzToAs(hz) });
    return t;
  }

  /** Current time: inside a CPU slice, that CPU's exact time at this bus access. */
  now(): number {
    const c = this.current;
    if (c !== null) return c.local + c.exec.sliceCycles() * c.ticksPerCycle;
    return this.firing !== null ? this.firingWhen : this.time;
  }

  /**
   * Where the current slice began (MAME `m_basetime`, in ticks): a device MAME runs as a second execute
   * device after the CPU (POKEY) has only been brought up to here when the CPU reads it mid-slice.
   */
  sliceStart(): number {
    return this.time;
  }

  /** Current MAME time in attoseconds (`device_scheduler::time`). */
  nowAs(): bigint {
    const c = this.current;
    if (c !== null) return c.localA.toBig() + BigInt(c.exec.sliceCycles()) * c.perCycleA.toBig();
    return (this.firing !== null ? this.firingA : this.timeA).toBig();
  }

  /** The current MAME time written into `out` (no allocation); returns `out`. */
  nowInto(out: Attotime): Attotime {
    const c = this.current;
    if (c !== null) return out.set(c.localA).addMul(c.exec.sliceCycles(), c.perCycleA);
    return out.set(this.firing !== null ? this.firingA : this.timeA);
  }

  ticksToAs(ticks: number): bigint {
    return BigInt(ticks) * this.perTickA.toBig();
  }

  /** `t` += `ticks` of the time base (MAME `attotime::from_ticks` on it). */
  addTicks(t: Attotime, ticks: number): Attotime {
    return t.addMul(ticks, this.perTickA);
  }

  private asToTicks(as: bigint): number {
    return Number((as * BigInt(this.ticksPerSecond)) / AS_PER_SECOND);
  }

  /** The CPU running now, or null between slices (timer callbacks). */
  get executing(): CpuDevice | null {
    return this.current?.cpu ?? null;
  }

  /** Make the running CPU stop after its current instruction (a write changed something others must see). */
  endSlice(): void {
    if (this.current !== null) this.current.exec.endSlice();
  }

  timerChanged(t: Timer): void {
    t.seq = ++this.seq;
    // MAME: a timer that becomes the head of the list aborts the running CPU's slice; the slice then ends
    // at that CPU's time and the next one ends at the timer.
    const w = t.whenA;
    if (this.current === null || w.never) return;
    const timers = this.timers;
    for (let i = 0; i < timers.length; i++) {
      const o = timers[i];
      if (o !== t && o.whenA.le(w)) return;
    }
    this.current.exec.endSlice();
  }

  suspend(cpu: CpuDevice, suspended: boolean): void {
    const s = this.slots.find((x) => x.cpu === cpu);
    if (!s) throw new Error(`${cpu.tag} is not scheduled`);
    if (s.suspended && !suspended) {
      const now = this.now(), nowA = this.nowInto(new Attotime());
      if (now > s.local) s.local = now;
      if (s.localA.lt(nowA)) s.localA.set(nowA);
    }
    s.suspended = suspended;
  }

  isSuspended(cpu: CpuDevice): boolean {
    return this.slots.find((x) => x.cpu === cpu)?.suspended ?? false;
  }

  cpuTime(cpu: CpuDevice): number {
    return this.slots.find((x) => x.cpu === cpu)?.local ?? this.time;
  }

  /** The earliest armed timer (MAME's list head: earliest expiry, then arming order), or null. */
  private head(): Timer | null {
    let best: Timer | null = null;
    const timers = this.timers;
    for (let i = 0; i < timers.length; i++) {
      const t = timers[i], w = t.whenA;
      if (w.ns === Infinity) continue;
      if (best === null) { best = t; continue; }
      const b = best.whenA;
      if (w.ns < b.ns || (w.ns === b.ns && (w.as < b.as || (w.as === b.as && t.seq < best.seq)))) best = t;
    }
    return best;
  }

  /**
   * Run the machine until time `target` (ticks), timers due then included. The end is the MAME time of
   * the earliest timer due exactly at `target` (the screen's frame timer, for `runFrame`), so stopping there
   * adds no slice boundary MAME does not have; with no such timer it is `target` converted exactly.
   * Returns false when a debugger break stopped the machine first (call again with the same target to go on).
   */
  runUntil(target: number): boolean {
    const endA = this.endA;
    let haveEnd = false;
    const paused = this.paused;
    if (paused !== null) {
      this.paused = null;
      endA.setBig(paused.endAs);
      haveEnd = true;
      if (!this.runCpus(paused.index, paused.budgetLeft)) return false;
      this.finishSlice();
    }
    if (!haveEnd) {
      for (const t of this.timers) {
        if (t.when === target && (!haveEnd || t.whenA.lt(endA))) { endA.set(t.whenA); haveEnd = true; }
      }
    }
    if (!haveEnd) endA.setBig((BigInt(target) * AS_PER_SECOND) / BigInt(this.ticksPerSecond));
    const sliceEndA = this.sliceEndA, timeA = this.timeA;
    while (true) {
      const next = this.head();
      if (next !== null && next.whenA.le(timeA) && next.whenA.le(endA)) {
        this.fire(next);
        continue;
      }
      if (endA.le(timeA)) break;
      // MAME timeslice: the target is one quantum ahead, or the next timer if that is earlier.
      if (this.boosts.length === 0) sliceEndA.set(timeA).add(this.quantumA);
      else sliceEndA.setBig(timeA.toBig() + this.quantumAs);
      let slice = -1;
      if (next !== null && next.whenA.le(sliceEndA)) { sliceEndA.set(next.whenA); slice = next.when; }
      if (endA.le(sliceEndA)) { sliceEndA.set(endA); slice = target; }
      if (slice < 0) slice = Math.max(this.time, sliceEndA.ticks(this.ticksPerSecond));
      this.sliceEnd = slice;
      if (!this.runCpus(0, -1)) return false;
      this.finishSlice();
    }
    if (this.time < target) this.time = target;
    return true;
  }

  /**
   * Run the CPUs from slot `from` up to the slice end; `budgetLeft` ≥ 0 resumes slot `from` after a debugger
   * break with that many cycles of its budget left. False when a break stopped the slice (kept in `paused`).
   */
  private runCpus(from: number, budgetLeft: number): boolean {
    const slots = this.slots, sliceEndA = this.sliceEndA, delta = this.deltaA;
    for (let i = from; i < slots.length; i++) {
      const s = slots[i];
      if (s.suspended) {
        if (s.localA.lt(sliceEndA)) { s.localA.set(sliceEndA); s.local = this.sliceEnd; }
        continue;
      }
      let budget: number;
      if (i === from && budgetLeft >= 0) budget = budgetLeft;
      else {
        if (!s.localA.lt(sliceEndA)) continue;
        delta.set(sliceEndA).sub(s.localA);
        // A CPU less than one cycle behind the target waits for the next slice.
        if (delta.lt(s.perCycleA)) continue;
        budget = delta.divFloor(s.divA, s.divApprox);
      }
      this.current = s;
      const used = s.exec.run(budget);
      this.current = null;
      s.local += used * s.ticksPerCycle;
      // MAME adds whole seconds separately once a slice reaches a second of cycles.
      s.localA.addClocks(used, s.clock, s.perCycleA);
      if (this.breakRequested) {
        // Stopped by the debugger between two instructions: keep the rest of the budget for the resume.
        this.breakRequested = false;
        const endAs = this.endA.toBig();
        if (used < budget) {
          this.paused = { index: i, budgetLeft: budget - used, endAs };
          return false;
        }
        if (i + 1 < slots.length) {
          this.paused = { index: i + 1, budgetLeft: -1, endAs };
          this.checkEarlyStop(s);
          return false;
        }
        this.checkEarlyStop(s);
        this.paused = { index: slots.length, budgetLeft: -1, endAs };
        return false;
      }
      this.checkEarlyStop(s);
    }
    return true;
  }

  /** Stopped early (endSlice, a new earliest timer): the others only run up to this CPU's time. */
  private checkEarlyStop(s: CpuSlot): void {
    if (s.localA.lt(this.sliceEndA)) {
      if (this.timeA.lt(s.localA)) { this.sliceEndA.set(s.localA); this.sliceEnd = s.local; }
      else { this.sliceEndA.set(this.timeA); this.sliceEnd = this.time; }
    }
  }

  private finishSlice(): void {
    this.time = Math.max(this.time, this.sliceEnd);
    this.timeA.set(this.sliceEndA);
  }

  private fire(t: Timer): void {
    const when = t.when, seq = t.seq;
    const firingA = this.firingA.set(t.whenA);
    const periodic = t.period > 0;
    if (!periodic) t.stop();
    this.firing = t;
    this.firingWhen = when;
    if (when > this.time) this.time = when;
    try {
      t.callback(t.param);
    } finally {
      this.firing = null;
    }
    // A periodic timer the callback did not re-arm goes on one period later, queued behind the timers
    // armed meanwhile (MAME `schedule_next_period` after the callback).
    if (periodic && t.seq === seq) {
      t.when = when + t.period;
      t.whenA.set(firingA).add(t.periodA);
      t.seq = ++this.seq;
    }
  }

  /** Time of the scheduler (all CPUs have reached at least this, minus overshoot). */
  get currentTime(): number {
    return this.time;
  }

  /** Reset time bookkeeping to 0 (power on). Timers are stopped; devices re-arm theirs in reset(). */
  resetTime(): void {
    this.paused = null;
    this.breakRequested = false;
    this.time = 0;
    this.timeA.setZero();
    for (const s of this.slots) { s.local = 0; s.localA.setZero(); s.suspended = false; }
    this.boosts.length = 0;
    for (const t of this.timers) t.stop();
    for (const { timer, periodAs } of this.syncTimers) {
      const ticks = Math.round(Number(periodAs) * this.ticksPerSecond / 1e18);
      timer.adjustAt(ticks, 0, ticks, periodAs, periodAs);
    }
  }

  /** Scheduler state: time, CPU local times and suspension, every timer by creation order. */
  /**
   * Loaded values are range-checked (serializer.ts `loadedInRange`): times are consistent with each other
   * (ticks and attoseconds agree, CPUs within a second of machine time, timers at most a second behind and an
   * hour ahead of it) and no timer repeats
   * faster than MIN_PERIOD_AS, so no damaged state can make a frame run forever.
   */
  serialize(s: Serializer): void {
    // A loaded state starts at a slice boundary: a slice held by a debugger break is dropped.
    if (s.loading) { this.paused = null; this.breakRequested = false; }
    const maxTicks = Number.MAX_SAFE_INTEGER, maxAs = NEVER;
    this.time = loadedInRange(s, s.f64(this.time), 0, maxTicks, 'machine time');
    const timeAs = bigField(s, this.timeA.toBig(), 0n, maxAs, 'machine time (as)');
    this.timeA.setBig(timeAs);
    this.checkTicksAs(s, this.time, timeAs, 'machine time');
    this.seq = loadedInRange(s, s.f64(this.seq), 0, maxTicks, 'timer sequence');
    const near = (what: string, as: bigint) => bigField(s, as, timeAs - AS_PER_SECOND, timeAs + AS_PER_SECOND, what);
    loadedInRange(s, s.u32(this.slots.length), this.slots.length, this.slots.length, 'CPU count');
    for (const slot of this.slots) {
      slot.local = loadedInRange(s, s.f64(slot.local), 0, maxTicks, `${slot.cpu.tag} time`);
      const localAs = near(`${slot.cpu.tag} time (as)`, slot.localA.toBig());
      slot.localA.setBig(localAs);
      this.checkTicksAs(s, slot.local, localAs, `${slot.cpu.tag} time`);
      slot.suspended = s.bool(slot.suspended);
    }
    const boosts = loadedInRange(s, s.u32(this.boosts.length), 0, 64, 'interleave boosts');
    if (s.loading) this.boosts.length = boosts;
    for (let i = 0; i < boosts; i++) {
      const b = this.boosts[i] ?? { requested: 0n, expire: 0n };
      b.requested = bigField(s, b.requested, 0n, AS_PER_SECOND, 'interleave boost');
      b.expire = near('interleave boost expiry', b.expire);
      this.boosts[i] = b;
    }
    loadedInRange(s, s.u32(this.timers.length), this.timers.length, this.timers.length, 'timer count');
    for (const t of this.timers) {
      const what = `timer ${t.owner.tag}.${t.name}`;
      // A stopped timer (Infinity) is saved as -1.
      const w = loadedInRange(s, s.f64(t.when === Infinity ? -1 : t.when), -1, maxTicks, what);
      t.when = w < 0 ? Infinity : w;
      t.period = loadedInRange(s, s.f64(t.period), 0, maxTicks, `${what} period`);
      t.param = s.i32(t.param);
      // a timer may be armed far ahead (a 3 s watchdog), never more than an hour; none is due in the past
      const whenAs = t.when === Infinity ? bigField(s, t.whenAs, NEVER, NEVER, what) : bigField(s, t.whenAs, timeAs - AS_PER_SECOND, timeAs + AS_PER_SECOND * 3600n, what);
      const periodAs = bigField(s, t.periodAs, 0n, AS_PER_SECOND * 3600n, `${what} period`);
      t.seq = loadedInRange(s, s.f64(t.seq), 0, maxTicks, `${what} sequence`);
      if (!s.loading) continue;
      t.whenAs = whenAs;
      t.periodAs = periodAs;
      if (t.when !== Infinity) this.checkTicksAs(s, t.when, whenAs, what);
      this.checkTicksAs(s, t.period, periodAs, `${what} period`);
      if ((t.period > 0) !== (periodAs > 0n)) throw new StateFormatError(`${what} period: ${t.period} ticks and ${periodAs} attoseconds disagree`);
      if (periodAs !== 0n && periodAs < MIN_PERIOD_AS) throw new StateFormatError(`${what} period ${periodAs} attoseconds is shorter than any hardware timer`);
    }
  }

  /** While loading: a time in ticks and the same in attoseconds must agree to within a tick or so. */
  private checkTicksAs(s: Serializer, ticks: number, as: bigint, what: string): void {
    if (!s.loading) return;
    const diff = this.ticksToAs(Math.round(ticks)) - as;
    const perTick = this.perTickA.toBig();
    const slack = 2n * perTick + (as < 0n ? -as : as) / 10_000n + 1_000_000n;
    if (diff > slack || diff < -slack) throw new StateFormatError(`${what}: ${ticks} ticks and ${as} attoseconds disagree`);
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
