/**
 * MOS 6502 (NMOS), bus-exact: Centipede, Millipede, Missile Command, Asteroids, Q*bert's sound board.
 *
 * Every cycle of the 6502 is one bus access, and this core performs each of them through
 * `program.read8/write8` in the chip's order: dummy reads (implied operands, indexed fix-ups, stack
 * reads, branch fix-ups), the read-modify-write double write, JSR's pushes before its high-byte fetch.
 * The instruction bodies are generated (`tools/gen-m6502.ts` → `m6502.gen.ts`) from the opcode table
 * `m6502.ops.ts`, which also drives the disassembler.
 *
 * Sources: SingleStepTests 6502 vectors (every opcode incl. undocumented, whole bus trace);
 * "6502_cpu.txt" (64doc) cycle tables; nesdev wiki "CPU interrupts" (poll at the end of the
 * second-to-last cycle, CLI/SEI/PLP delay, branch polling, interrupt hijacking); visual6502 wiki
 * (reset sequence); Bruce Clark "Decimal Mode" (NMOS ADC/SBC flags).
 *
 * Interrupt timing model (instruction-stepped core, timed exactly):
 * - `sliceCycles()` during an access is the index of the cycle performing it. A line change made by
 *   a memory handler during cycle j counts as made during that cycle (before the end of its φ2, so a
 *   poll at the end of cycle j sees it); a change made between `run()` calls happens before the
 *   next instruction.
 * - IRQ (level) and NMI (edge, latched) are polled at the end of the instruction's second-to-last
 *   cycle. CLI, SEI and PLP change I after that poll (one-instruction delay); RTI before it.
 *   Branches poll after their opcode fetch and, when a taken branch crosses a page, again before
 *   the PCH fix-up; a taken branch that stays in its page therefore delays an IRQ raised in its
 *   last two cycles by one instruction.
 * - Interrupt sequences (IRQ, NMI, BRK) do not poll: the handler's first instruction always runs.
 *   An NMI seen by the end of their 4th cycle (after the PCL push) takes the NMI vector: NMI
 *   hijacks BRK and IRQ (B stays set in the P pushed by a hijacked BRK).
 * - JAM/KIL opcodes: the vectors' three cycles, then the CPU idles without bus activity until reset;
 *   IRQ and NMI are ignored.
 *
 * Not emulated: the RDY line (no arcade board in our list uses it on the 6502), the SO pin's exact
 * sampling cycle (`setSo` sets V at once), the bus activity of a jammed CPU, multiple changes of one
 * line within a single instruction beyond the last two.
 */
import type { CpuDevice, Disassembly, RegisterInfo } from '../../src/core/cpu';
import { Device, type Serializer } from '../../src/core/device';
import type { AddressSpace } from '../../src/core/memory';
import { disassembleM6502 } from './m6502.dasm';
import { OPS } from './m6502.gen';
import { getP, setP } from './m6502.alu';

const REGISTERS: readonly RegisterInfo[] = [
  { name: 'pc', bits: 16 },
  { name: 'a', bits: 8 },
  { name: 'x', bits: 8 },
  { name: 'y', bits: 8 },
  { name: 's', bits: 8, aliases: ['sp'] },
  { name: 'p', bits: 8 },
];

const NO_INT = 0, INT_IRQ = 1, INT_NMI = 2;
const JMP_ABS = 0x4c;

export class M6502 extends Device implements CpuDevice {
  /** part name shown in the library and -listxml (class names do not survive minification) */
  readonly chipName = 'MOS Technology 6502';
  // registers; flags kept apart: N = bit 7 of fn, Z = (fz === 0), the others 0/1
  a = 0;
  x = 0;
  y = 0;
  s = 0; // visual6502: S powers up as 0, so the reset sequence leaves $fd
  pc = 0;
  fn = 0;
  fz = 1;
  fc = 0;
  fv = 0;
  fd = 0;
  fi = 1;

  /** Cycles used so far in the current `run` (one per bus access). */
  cyc = 0;
  /** Instructions completed in the current (or last) `run` call; interrupt sequences not counted. */
  sliceInstructions = 0;
  private end = 0;
  /** Non-zero when the slow path must run around instructions: a line high or changed, an NMI edge, a decided interrupt, JAM. */
  private attention = 0;

  private irqLine = 0;
  private irqPrev = 0; // level before the last change
  private irqAt = -1; // cycle of the last change in this run, -1 = before it
  private nmiLine = 0;
  private nmiEdge = 0; // latched falling edge on /NMI not yet serviced
  private nmiAt = -1;
  private pendingInt = NO_INT; // decided at the last poll, sequence not yet run
  private jammed = 0;
  private soLine = 0;
  /** I before CLI/SEI/PLP changed it (those change I after the interrupt poll). */
  iOld = 0;
  /**
   * MAME's interrupt timing (opt-in, for boards compared with MAME frame by frame). MAME 0.251's m6502
   * polls interrupts in `prefetch()`, the opcode fetch it counts as the last cycle of the previous
   * instruction, and ends slices at exact cycles, even inside an instruction. This core counts that fetch
   * as the first cycle of the next instruction and runs whole instructions, so when a slice ends the
   * poll for the next instruction is always still ahead in MAME's terms: a line another device changes
   * between slices (a timer callback, another CPU) is seen by that poll. With this set, such a change
   * decides the interrupt at the start of the next `run()`, with I as the poll sees it (before a last
   * CLI/SEI/PLP changed it, as those change I after their prefetch).
   */
  mameIrqTiming = false;
  private inRun = false;
  /** a line changed between slices (decided when the next slice starts) */
  private changedBetweenSlices = 0;
  private lastOp = 0xea;
  /** the last `run` ended past its budget (its last instruction crossed the slice end) */
  private overshot = 0;
  /**
   * With `mameIrqTiming`: the lines are driven by a CPU that runs before this one in each slice (Gottlieb:
   * the main CPU's sound command reaches the sound board's RIOT, whose IRQ drives this 6502). Such a change
   * is made while this CPU's time is still behind, so MAME's poll at this CPU's next opcode fetch always
   * sees it; a change from a timer at this CPU's own slice end (Centipede's scanline IRQ) is seen only
   * when the slice ended inside an instruction (`overshot`). Measured: cendemo needs the latter on its
   * 900 golden frames, gottdemo the former on its 600.
   */
  mameLinesFromAheadCpu = false;
  /**
   * With `mameIrqTiming`: cycles that pass in the CPU's first slice before its first opcode fetch, as
   * MAME runs the reset sequence inside that slice. Measured per board against MAME 0.251, where it also
   * absorbs when the board's other devices start: Centipede 8 (cendemo: every RAM byte, the stacked
   * return addresses of timer IRQs and POKEY RANDOM reads agree on 600 frames; 7 and 9 do not), Gottlieb
   * sound board 7 (gottdemo: the first RIOT write lands where MAME's does); boards set their own.
   */
  mameResetCycles = 8;
  private resetCyclesLeft = 0;

  constructor(tag: string, clock: number, readonly program: AddressSpace) {
    super(tag, clock);
  }

  // ---- Device --------------------------------------------------------------------------------

  /**
   * The reset sequence as visual6502 shows it: two reads at PC, three stack "pushes" done as reads
   * (S decrements by 3), then the vector at $fffc/$fffd; I is set, D left alone (NMOS). The 7 cycles
   * happen here, outside any `run()` slice (the reset line is released between slices), so they are
   * not counted in a slice's cycles.
   */
  reset(): void {
    this.cyc = 0;
    this.jammed = 0;
    this.pendingInt = NO_INT;
    this.nmiEdge = 0;
    const p = this.program;
    p.read8(this.pc);
    p.read8(this.pc);
    for (let i = 0; i < 3; i++) { p.read8(0x100 | this.s); this.s = (this.s - 1) & 0xff; }
    this.fi = 1;
    const lo = p.read8(0xfffc);
    this.pc = lo | (p.read8(0xfffd) << 8);
    this.resetCyclesLeft = this.mameIrqTiming ? this.mameResetCycles : 0;
    this.updateAttention();
  }

  /**
   * Power-on state of the internal latches (no JAM, no interrupt decided or latched, lines idle),
   * without the bus activity of the reset sequence. For test benches that load register states.
   */
  clearLatches(): void {
    this.jammed = 0;
    this.pendingInt = NO_INT;
    this.nmiEdge = 0;
    this.nmiLine = 0;
    this.irqLine = this.irqPrev = 0;
    this.soLine = 0;
    this.updateAttention();
  }

  serialize(s: Serializer): void {
    this.a = s.u8(this.a);
    this.x = s.u8(this.x);
    this.y = s.u8(this.y);
    this.s = s.u8(this.s);
    this.pc = s.u16(this.pc);
    const p = s.u8(getP(this));
    if (s.loading) setP(this, p);
    this.irqLine = s.u8(this.irqLine);
    this.nmiLine = s.u8(this.nmiLine);
    this.nmiEdge = s.u8(this.nmiEdge);
    this.pendingInt = s.u8(this.pendingInt);
    this.jammed = s.u8(this.jammed);
    this.soLine = s.u8(this.soLine);
    this.lastOp = s.u8(this.lastOp);
    this.changedBetweenSlices = s.u8(this.changedBetweenSlices);
    this.overshot = s.u8(this.overshot);
    this.resetCyclesLeft = s.u8(this.resetCyclesLeft);
    if (s.loading) {
      this.irqPrev = this.irqLine;
      this.irqAt = -1;
      this.nmiAt = -1;
      this.updateAttention();
    }
  }

  // ---- execution -----------------------------------------------------------------------------

  run(budget: number): number {
    this.cyc = 0;
    this.sliceInstructions = 0;
    this.end = budget;
    this.irqAt = -1; // changes made before this slice happened before its first instruction
    this.nmiAt = -1;
    const ops = OPS, program = this.program;
    this.inRun = true;
    if (this.resetCyclesLeft > 0) {
      const n = Math.min(this.resetCyclesLeft, budget);
      this.cyc = n;
      this.resetCyclesLeft -= n;
    }
    if (this.changedBetweenSlices !== 0) this.decideBetweenSlices();
    // `used` is read in the loop test so the exit path has no property access of its own: an
    // on-stack-replaced loop would otherwise deoptimize at every return (no type feedback there).
    let used = 0;
    while ((used = this.cyc) < this.end) {
      if (this.attention !== 0 && this.beforeInstruction()) continue;
      const start = this.cyc;
      const pc = this.pc;
      const op = program.read8(pc);
      if (op === JMP_ABS && this.attention === 0 && this.spinToSliceEnd(pc)) continue;
      this.cyc++;
      this.pc = (pc + 1) & 0xffff;
      ops[op](this);
      this.lastOp = op;
      this.sliceInstructions++;
      if (this.attention !== 0) this.poll(op, start);
    }
    this.inRun = false;
    this.overshot = used > this.end ? 1 : 0;
    return used;
  }

  /**
   * `JMP *` (a jump to itself, the usual "wait for the interrupt" loop) with no interrupt coming: its
   * three reads (opcode, address low, high) are plain memory, so nothing can change until the slice
   * ends; the remaining iterations are counted at once, each 3 cycles, ending exactly where running
   * them would (the overshoot included). Reads through a handler or a debugger watchpoint are executed.
   */
  private spinToSliceEnd(pc: number): boolean {
    const p = this.program, rd = p.rdBase, bits = p.pageBits, mask = p.addrMask;
    const a1 = (pc + 1) & 0xffff, a2 = (pc + 2) & 0xffff;
    if (rd[(pc & mask) >>> bits] < 0 || rd[(a1 & mask) >>> bits] < 0 || rd[(a2 & mask) >>> bits] < 0) return false;
    if ((p.read8(a1) | (p.read8(a2) << 8)) !== pc) return false;
    const n = Math.ceil((this.end - this.cyc) / 3);
    this.cyc += 3 * n;
    this.sliceInstructions += n;
    this.lastOp = JMP_ABS;
    return true;
  }

  endSlice(): void { this.end = this.cyc; }

  sliceCycles(): number { return this.cyc; }

  setIrq(state: number): void {
    const v = state ? 1 : 0;
    if (v === this.irqLine) return;
    this.irqPrev = this.irqLine;
    this.irqLine = v;
    this.irqAt = this.cyc;
    this.attention = 1;
    if (this.mameIrqTiming && !this.inRun && (this.overshot !== 0 || this.mameLinesFromAheadCpu)) this.changedBetweenSlices = 1;
  }

  setNmi(state: number): void {
    const v = state ? 1 : 0;
    if (v && !this.nmiLine && !this.nmiEdge) {
      this.nmiEdge = 1;
      this.nmiAt = this.cyc;
      this.attention = 1;
      if (this.mameIrqTiming && !this.inRun && (this.overshot !== 0 || this.mameLinesFromAheadCpu)) this.changedBetweenSlices = 1;
    }
    this.nmiLine = v;
  }

  /** SO pin: asserting it (falling edge on the real pin) sets V. */
  setSo(state: number): void {
    const v = state ? 1 : 0;
    if (v && !this.soLine) this.fv = 1;
    this.soLine = v;
  }

  /** Called by JAM opcodes (generated code). */
  jam(): void {
    this.jammed = 1;
    this.attention = 1;
  }

  /** BRK and interrupt sequences: the vector after the PCL push; a pending NMI seen by then wins. */
  vectorAfterPushes(vector: number): number {
    // 4 cycles done: an edge stamped at cycle ≤ start + 3 (i.e. < cyc) is seen.
    if (this.nmiEdge !== 0 && this.nmiAt < this.cyc) {
      this.nmiEdge = 0;
      return 0xfffa;
    }
    return vector;
  }

  /** Slow path before an instruction: run a decided interrupt sequence, or idle when jammed. */
  private beforeInstruction(): boolean {
    if (this.jammed !== 0) {
      this.cyc = this.end;
      return true;
    }
    if (this.pendingInt === NO_INT) return false;
    // Interrupt sequence (64doc, nesdev): opcode fetch and a second read at PC, both discarded and
    // PC not incremented, pushes of PCH, PCL, P (B clear), vector fetch; I set.
    const p = this.program, nmi = this.pendingInt === INT_NMI;
    this.pendingInt = NO_INT;
    p.read8(this.pc); this.cyc++;
    p.read8(this.pc); this.cyc++;
    p.write8(0x100 | this.s, this.pc >> 8); this.cyc++; this.s = (this.s - 1) & 0xff;
    p.write8(0x100 | this.s, this.pc & 0xff); this.cyc++; this.s = (this.s - 1) & 0xff;
    const vec = nmi ? 0xfffa : this.vectorAfterPushes(0xfffe);
    p.write8(0x100 | this.s, getP(this)); this.cyc++; this.s = (this.s - 1) & 0xff;
    this.fi = 1;
    const lo = p.read8(vec); this.cyc++;
    this.pc = lo | (p.read8((vec + 1) & 0xffff) << 8); this.cyc++;
    this.updateAttention();
    return true;
  }

  /** `mameIrqTiming`: the poll MAME makes at the next opcode fetch, for a line changed between slices. */
  private decideBetweenSlices(): void {
    this.changedBetweenSlices = 0;
    if (this.pendingInt !== NO_INT || this.jammed !== 0) return;
    const op = this.lastOp;
    const i = op === 0x58 || op === 0x78 || op === 0x28 ? this.iOld : this.fi; // CLI, SEI, PLP
    if (this.nmiEdge !== 0) { this.nmiEdge = 0; this.pendingInt = INT_NMI; }
    else if (this.irqLine !== 0 && i === 0) this.pendingInt = INT_IRQ;
    this.updateAttention();
  }

  /** Slow path after an instruction: the interrupt poll at the instruction's poll point(s). */
  private poll(op: number, start: number): void {
    if (this.jammed !== 0 || op === 0x00) { this.updateAttention(); return; } // BRK is a sequence: no poll
    const n = this.cyc - start;
    let at = start + n - 2; // end of the second-to-last cycle
    let first = at;
    if ((op & 0x1f) === 0x10) { // branches poll after the opcode fetch, and before PCH fix-up if crossing
      first = start;
      if (n === 3) at = start;
    }
    let take = NO_INT;
    if (this.nmiEdge !== 0 && this.nmiAt <= at) {
      this.nmiEdge = 0;
      take = INT_NMI;
    } else {
      const masked = op === 0x58 || op === 0x78 || op === 0x28 ? this.iOld : this.fi;
      if (masked === 0) {
        const levelAt = this.irqAt <= at ? this.irqLine : this.irqPrev;
        const levelFirst = this.irqAt <= first ? this.irqLine : this.irqPrev;
        if (levelAt | levelFirst) take = INT_IRQ;
      }
    }
    this.pendingInt = take;
    this.updateAttention();
    // a change after the poll point still matters to the next poll, which sees it as "before"
    if (this.irqAt > at) this.attention = 1;
  }

  private updateAttention(): void {
    this.attention = this.irqLine | this.nmiEdge | this.pendingInt | this.jammed;
  }

  // ---- debugger ------------------------------------------------------------------------------

  pcValue(): number { return this.pc; }

  /** Processor status as PHP would push it without B (bit 5 set). */
  get p(): number { return getP(this); }
  set p(v: number) { setP(this, v); }

  registerInfo(): readonly RegisterInfo[] { return REGISTERS; }

  getRegister(name: string): number {
    switch (name) {
      case 'pc': return this.pc;
      case 'a': return this.a;
      case 'x': return this.x;
      case 'y': return this.y;
      case 's': case 'sp': return this.s;
      case 'p': return getP(this);
    }
    throw new Error(`m6502: no register '${name}'`);
  }

  setRegister(name: string, value: number): void {
    switch (name) {
      case 'pc': this.pc = value & 0xffff; return;
      case 'a': this.a = value & 0xff; return;
      case 'x': this.x = value & 0xff; return;
      case 'y': this.y = value & 0xff; return;
      case 's': case 'sp': this.s = value & 0xff; return;
      case 'p': setP(this, value & 0xff); this.updateAttention(); return;
    }
    throw new Error(`m6502: no register '${name}'`);
  }

  disassemble(addr: number, peek: (addr: number) => number): Disassembly {
    return disassembleM6502(addr, peek);
  }

  /** True after a JAM opcode until reset. */
  get isJammed(): boolean { return this.jammed !== 0; }
}
