/**
 * The debugger's stand-in for a CPU's run loop (see `Scheduler.setExecutor`): it runs the CPU one step at a
 * time through the CPU's own `run(1)` (the CpuDevice contract: exactly one instruction, interrupt
 * acceptance or HALT idle step) and asks the debugger before and after each step whether to stop. The CPU
 * core itself is untouched; the executor is installed only while something needs it (a breakpoint,
 * watchpoint, trace, step or history), so a machine with the debugger attached but idle runs the cores'
 * own loops at full speed.
 *
 * Budget semantics match a core's `run(budget)`: steps continue while fewer than `budget` cycles are used,
 * `endSlice()` ends the run after the current step, and `sliceCycles()` counts the cycles of the steps
 * done plus those of the step in progress.
 */
import type { CpuDevice } from '../cpu';
import type { CpuExecutor, Scheduler } from '../scheduler';

/**
 * What a step was, as MAME's debugger sees it (its instruction hook runs before instructions only):
 * an instruction; an idle step while halted (MAME's Z80 calls its hook for each, with the PC after HALT);
 * an interrupt acceptance (no instruction: MAME's hook sees the handler's first instruction next).
 */
export type StepKind = 'instruction' | 'halt' | 'interrupt';

/**
 * Tells the kind of a step from counters the cores keep for benchmarks and their HALT flag: an adapter
 * outside the cores, so no core needs a debugger hook. `instructions` (a running total: Z80, 68000, x86)
 * or `sliceInstructions` (per `run` call: 6502) tell whether the step executed an instruction; a step that
 * did not was an interrupt acceptance, a reset sequence or a HALT idle step. A core with neither counter
 * has every step taken as an instruction.
 */
export class StepClassifier {
  private readonly counter: { instructions?: number; sliceInstructions?: number; halted?: number };
  private instr0 = 0;
  private halted0 = 0;
  /** whether idle HALT steps count as traced instructions (MAME's Z80 hooks them; 6502/68000/x86 do not) */
  readonly haltIsTraced: boolean;

  constructor(cpu: CpuDevice) {
    this.counter = cpu as unknown as { instructions?: number; sliceInstructions?: number; halted?: number };
    this.haltIsTraced = /z80/i.test((cpu as unknown as { chipName?: string }).chipName ?? cpu.constructor.name);
  }

  before(): void {
    this.instr0 = this.counter.instructions ?? 0;
    this.halted0 = this.counter.halted ?? 0;
  }

  after(): StepKind {
    const c = this.counter;
    let executed: boolean;
    if (c.instructions !== undefined) executed = c.instructions !== this.instr0;
    else if (c.sliceInstructions !== undefined) executed = c.sliceInstructions > 0;
    else return 'instruction';
    if (executed) return 'instruction';
    if (this.halted0 !== 0 && (c.halted ?? 0) !== 0) return 'halt';
    return 'interrupt';
  }
}

/** The debugger side of an executor. */
export interface StepHooks {
  /** before a step at `pc`, machine time `tick` of this CPU: true stops the machine here */
  beforeStep(exec: DebugExecutor, pc: number, tick: number): boolean;
  /** after the step that began at `pc`/`tick`: true stops the machine before the next step */
  afterStep(exec: DebugExecutor, pc: number, tick: number, kind: StepKind, cycles: number): boolean;
}

export class DebugExecutor implements CpuExecutor {
  private budget = 0;
  private used = 0;
  private ended = false;
  private inStep = false;
  /** this CPU's time in ticks when the current `run` began */
  private base = 0;
  readonly ticksPerCycle: number;
  readonly classifier: StepClassifier;

  constructor(
    readonly cpu: CpuDevice,
    readonly index: number,
    private readonly scheduler: Scheduler,
    private readonly hooks: StepHooks,
  ) {
    this.ticksPerCycle = scheduler.ticksPerSecond / cpu.clock;
    this.classifier = new StepClassifier(cpu);
  }

  /** This CPU's time in ticks at the current step boundary. */
  tick(): number {
    return this.base + this.used * this.ticksPerCycle;
  }

  run(budget: number): number {
    this.budget = budget;
    this.used = 0;
    this.ended = false;
    this.base = this.scheduler.cpuTime(this.cpu);
    while (this.used < this.budget && !this.ended) {
      const pc = this.cpu.pcValue();
      const tick = this.tick();
      if (this.hooks.beforeStep(this, pc, tick)) { this.scheduler.requestBreak(); break; }
      this.classifier.before();
      this.inStep = true;
      const n = this.cpu.run(1);
      this.inStep = false;
      this.used += n;
      if (this.hooks.afterStep(this, pc, tick, this.classifier.after(), n)) { this.scheduler.requestBreak(); break; }
    }
    return this.used;
  }

  endSlice(): void {
    this.ended = true;
    if (this.inStep) this.cpu.endSlice();
  }

  sliceCycles(): number {
    return this.inStep ? this.used + this.cpu.sliceCycles() : this.used;
  }
}
