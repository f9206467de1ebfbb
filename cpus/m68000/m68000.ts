/**
 * Motorola MC68000 (NMOS, 16-bit data bus, 24-bit address bus).
 * Used by: Snow Bros (Toaplan), Capcom CPS-1 and most late-1980s arcade boards.
 *
 * Sources:
 * - M68000 Programmer's Reference Manual (M68000PM/AD rev.1): instruction semantics and flags.
 * - MC68000 User's Manual (M68000UM/AD rev.8): section 6 (exception processing, group 0 frame),
 *   section 8 (instruction timings).
 * - The SingleStepTests/m68000 vectors (../shared/cpu-tests/m68000, recorded from MAME's microcoded
 *   68000): bus order, the stacked PC of address errors, the prefetch queue, undefined flags of
 *   CHK/DIVx/BCD, division timing.
 * - Jorge Cwik's analysis of the 68000 DIVU/DIVS microcode (cycle counts of the division loop).
 * - Flamewing's documentation of ABCD/SBCD/NBCD on real hardware (undefined V flag).
 *
 * Model: instruction-stepped, but every bus access costs its 4 clocks at the point where the chip
 * makes it and internal states are added where the microcode idles, so an address error aborts an
 * instruction at the right cycle. `pc` is the address of the next prefetch: the two-word queue is
 * `ir` (the opcode being executed, later the next one) and `irc` (the word after it), exactly what
 * the vectors call `prefetch`. The address bus is 24 bits; `pc` and address registers keep 32.
 *
 * Not emulated: bus errors (no board asserts BERR here), the E-clock/VPA synchronisation of
 * autovectored acknowledge (extra clocks that depend on the E-clock phase), HALT/BR/BG arbitration, TAS's
 * indivisible cycle (done as a read then a write).
 */
import { Device, type Serializer, type WriteLine, unconnected } from '../../src/core/device';
import type { AddressSpace } from '../../src/core/memory';
import type { CpuDevice, Disassembly, RegisterInfo } from '../../src/core/cpu';
import { decodeTable, HANDLER_NAMES } from './m68000.ops';
import { HANDLER_FNS, type Handler } from './m68000.exec';
import { disassembleM68000 } from './m68000.dasm';

/** Thrown (as this constant, no allocation) when a word/long access hits an odd address. */
const ADDRESS_ERROR = { addressError: true };

const REGS: RegisterInfo[] = [
  ...['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map((name) => ({ name, bits: 32 })),
  { name: 'usp', bits: 32 }, { name: 'ssp', bits: 32 }, { name: 'sr', bits: 16 }, { name: 'pc', bits: 32 },
  { name: 'ir', bits: 16 }, { name: 'irc', bits: 16 },
];

export class M68000 extends Device implements CpuDevice {
  /** part name shown in the library and -listxml (class names do not survive minification) */
  readonly chipName = 'Motorola MC68000';
  static readonly AUTOVECTOR = -1;
  static readonly SPURIOUS = -2;

  /** d0-d7 = r[0..7], a0-a7 = r[8..15]; a7 is the active stack pointer */
  readonly r = new Int32Array(16);
  /** the inactive stack pointer (usp in supervisor mode, ssp in user mode) */
  osp = 0;
  pc = 0;
  /** prefetch queue: ir = opcode word, irc = the word after it (at pc - 2) */
  ir = 0;
  irc = 0;
  // status register, split: t s im (system byte) and x n z v c (0/1 each)
  t = 0; s = 1; im = 7;
  x = 0; n = 0; z = 0; v = 0; c = 0;

  stopped = 0;
  halted = 0;
  irqLevel = 0;
  nmiPending = 0;
  nmiLine = 0;
  traceP = 0;
  /** nonzero when the fast loop must take the slow path (interrupt, trace, STOP) */
  attn = 0;
  /** cycles used in the current run() call, and where it stops */
  cycles = 0;
  target = 0;
  /** all cycles ever run (benchmarks, scheduler time) */
  totalCycles = 0;
  /** instructions executed (benchmarks) */
  instructions = 0;

  // address error bookkeeping (filled by fault(), consumed by the group 0 exception)
  aeAddr = 0;
  aeRead = 0;
  aeProg = 0;
  /** stacked PC = pc + aeAdj at the time of the fault (depends on where the microcode is) */
  aeAdj = 0;
  inGroup0 = 0;

  /** Test hook: called with (address, read) when an access faults (bus-trace comparisons). */
  faultHook: ((addr: number, read: number) => void) | null = null;

  /** Interrupt acknowledge: vector number, or AUTOVECTOR / SPURIOUS. */
  irqAck: (level: number) => number = () => M68000.AUTOVECTOR;
  /** RESET instruction pulses this line. */
  resetOut: WriteLine = unconnected;

  constructor(tag: string, clock: number, readonly program: AddressSpace) {
    super(tag, clock);
  }

  // ---- CpuDevice ------------------------------------------------------------------------------

  reset(): void {
    this.s = 1; this.t = 0; this.im = 7;
    this.stopped = 0; this.halted = 0; this.traceP = 0; this.nmiPending = 0; this.inGroup0 = 0;
    // UM 6.2.1: SSP from 0, PC from 4, then the first two prefetches
    const b = this.program;
    this.r[15] = (b.read16(0) << 16) | b.read16(2);
    this.pc = (b.read16(4) << 16) | b.read16(6);
    this.ir = b.read16(this.pc);
    this.irc = b.read16(this.pc + 2);
    this.pc = (this.pc + 4) | 0;
  }

  run(budget: number): number {
    this.cycles = 0;
    this.target = budget;
    this.updateAttn();
    while (this.cycles < this.target) {
      if (this.halted) { this.cycles = this.target; break; }
      try {
        this.execute();
      } catch (e) {
        if (e !== ADDRESS_ERROR) throw e;
        this.addressErrorException();
      }
    }
    this.totalCycles += this.cycles;
    return this.cycles;
  }

  /**
   * The fast loop: opcode → handler id (`DECODE`) → handler function (`HANDLERS`). A generated `switch`
   * over the ids with direct calls was measured slower on Node 20 (56 vs 61 on-CPU MIPS) and removed.
   */
  private execute(): void {
    const handlers = HANDLERS, decode = DECODE;
    while (this.cycles < this.target) {
      if (this.attn !== 0) { if (this.slowStep()) continue; return; }
      const op = this.ir;
      handlers[decode[op]](this, op);
      this.instructions++;
    }
  }

  /** Anything but plain execution: interrupts, trace, STOP. Returns false to leave the slice. */
  private slowStep(): boolean {
    if (this.nmiPending !== 0 || this.irqLevel > this.im || this.traceP !== 0) {
      if (this.serviceInterrupts()) { this.updateAttn(); return true; }
    }
    if (this.stopped !== 0) { this.idleStopped(); return false; }
    const tr = this.t;
    const op = this.ir;
    HANDLERS[DECODE[op]](this, op);
    this.instructions++;
    if (tr !== 0) this.traceP = 1; // UM 6.3.8: trace is taken after an instruction that began with T set
    this.updateAttn();
    return true;
  }

  /** Recompute the "leave the fast loop" flag after any change to the inputs it summarises. */
  updateAttn(): void {
    this.attn = this.nmiPending | this.traceP | this.stopped | this.t | (this.irqLevel > this.im ? 1 : 0);
  }

  /** STOP idles until an interrupt: burn the rest of the slice (at least one bus cycle). */
  private idleStopped(): void {
    this.cycles = this.target > this.cycles + 4 ? this.target : this.cycles + 4;
  }

  endSlice(): void { this.target = this.cycles; }
  sliceCycles(): number { return this.cycles; }

  setIrq(state: number): void {
    const level = state & 7;
    // level 7 is edge-triggered (UM 6.3.2): only a transition to 7 requests it
    if (level === 7 && this.irqLevel !== 7) this.nmiPending = 1;
    this.irqLevel = level;
    this.updateAttn();
  }

  /**
   * The 68000 has no NMI pin; a rising edge here requests a level-7 interrupt (what a board's
   * priority encoder does for its highest input) without touching the IPL level set by setIrq.
   */
  setNmi(state: number): void {
    if (state && !this.nmiLine) { this.nmiPending = 1; this.updateAttn(); }
    this.nmiLine = state ? 1 : 0;
  }

  // ---- register views (debugger, tests) --------------------------------------------------------

  /** d0-d7 (a view of `r`) */
  get d(): Int32Array { return this.r.subarray(0, 8); }
  /** a0-a7 (a view of `r`; a7 is the active stack pointer) */
  get a(): Int32Array { return this.r.subarray(8, 16); }
  get usp(): number { return this.getRegister('usp'); }
  set usp(v: number) { this.setRegister('usp', v); }
  get ssp(): number { return this.getRegister('ssp'); }
  set ssp(v: number) { this.setRegister('ssp', v); }
  get sr(): number { return this.getSR(); }
  set sr(v: number) { this.setSR(v); }
  /** the two-word prefetch queue [IR, IRC] */
  get prefetch(): [number, number] { return [this.ir, this.irc]; }

  pcValue(): number { return (this.pc - 4) >>> 0; }

  registerInfo(): readonly RegisterInfo[] { return REGS; }

  getRegister(name: string): number {
    const i = REG_INDEX[name];
    if (i !== undefined) return this.r[i] >>> 0;
    switch (name) {
      case 'usp': return (this.s ? this.osp : this.r[15]) >>> 0;
      case 'ssp': return (this.s ? this.r[15] : this.osp) >>> 0;
      case 'sr': return this.getSR();
      case 'pc': return this.pc >>> 0;
      case 'ir': return this.ir;
      case 'irc': return this.irc;
    }
    throw new Error(`m68000: no register ${name}`);
  }

  setRegister(name: string, value: number): void {
    const i = REG_INDEX[name];
    if (i !== undefined) { this.r[i] = value; return; }
    switch (name) {
      case 'usp': if (this.s) this.osp = value | 0; else this.r[15] = value; return;
      case 'ssp': if (this.s) this.r[15] = value; else this.osp = value | 0; return;
      case 'sr': this.setSR(value); return;
      case 'pc': this.pc = value | 0; return;
      case 'ir': this.ir = value & 0xffff; return;
      case 'irc': this.irc = value & 0xffff; return;
    }
    throw new Error(`m68000: no register ${name}`);
  }

  disassemble(addr: number, peek: (addr: number) => number): Disassembly {
    return disassembleM68000(addr, peek);
  }

  serialize(s: Serializer): void {
    s.block(this.r);
    this.osp = s.i32(this.osp);
    this.pc = s.i32(this.pc);
    this.ir = s.u16(this.ir);
    this.irc = s.u16(this.irc);
    const sr = s.u16(this.getSR());
    if (s.loading) this.loadSR(sr);
    this.stopped = s.u8(this.stopped);
    this.halted = s.u8(this.halted);
    this.irqLevel = s.u8(this.irqLevel);
    this.nmiPending = s.u8(this.nmiPending);
    this.nmiLine = s.u8(this.nmiLine);
    this.traceP = s.u8(this.traceP);
    this.totalCycles = s.f64(this.totalCycles);
  }

  // ---- status register --------------------------------------------------------------------------

  getSR(): number {
    return (this.t << 15) | (this.s << 13) | (this.im << 8) | (this.x << 4) | (this.n << 3) | (this.z << 2) | (this.v << 1) | this.c;
  }

  setCCR(v: number): void {
    this.x = (v >> 4) & 1; this.n = (v >> 3) & 1; this.z = (v >> 2) & 1; this.v = (v >> 1) & 1; this.c = v & 1;
  }

  /** Write SR, swapping stack pointers when S changes. */
  setSR(v: number): void {
    const s = (v >> 13) & 1;
    if (s !== this.s) { const t = this.r[15]; this.r[15] = this.osp; this.osp = t; this.s = s; }
    this.t = (v >> 15) & 1;
    this.im = (v >> 8) & 7;
    this.setCCR(v);
    this.updateAttn();
  }

  /** Restore SR without swapping (state load: r[15] already holds the active stack pointer). */
  private loadSR(v: number): void {
    this.s = (v >> 13) & 1;
    this.t = (v >> 15) & 1;
    this.im = (v >> 8) & 7;
    this.setCCR(v);
  }

  // ---- bus ----------------------------------------------------------------------------------------

  /** Abort the instruction with an address error (UM 6.3.1). `read` 1/0, `prog` 1 = program space. */
  fault(addr: number, read: number, prog: number): never {
    if (this.faultHook !== null) this.faultHook(addr, read);
    this.aeAddr = addr;
    this.aeRead = read;
    this.aeProg = prog;
    throw ADDRESS_ERROR;
  }

  // Data accesses take the RAM/ROM-page path of AddressSpace inline (even word addresses never
  // straddle a page) and fall back to the space's handlers otherwise.

  rd8(a: number): number {
    this.cycles += 4;
    const b = this.program;
    const o = b.rdBase[(a & b.addrMask) >>> b.pageBits];
    return o >= 0 ? b.mem[o + (a & b.offMask)] : b.read8(a);
  }
  rd16(a: number): number {
    if ((a & 1) !== 0) this.fault(a, 1, 0);
    this.cycles += 4;
    return this.fetch(a);
  }
  rd32(a: number): number {
    if ((a & 1) !== 0) this.fault(a, 1, 0);
    this.cycles += 4;
    const hi = this.fetch(a);
    this.cycles += 4;
    return (hi << 16) | this.fetch(a + 2);
  }
  wr8(a: number, d: number): void {
    this.cycles += 4;
    const b = this.program;
    const o = b.wrBase[(a & b.addrMask) >>> b.pageBits];
    if (o >= 0) b.mem[o + (a & b.offMask)] = d; else b.write8(a, d & 0xff);
  }
  /** word store without the alignment check (callers have checked) */
  private store16(a: number, d: number): void {
    const b = this.program;
    const o = b.wrBase[(a & b.addrMask) >>> b.pageBits];
    if (o >= 0) {
      const i = o + (a & b.offMask), m = b.mem;
      m[i] = d >>> 8;
      m[i + 1] = d;
    } else b.write16(a, d & 0xffff);
  }
  wr16(a: number, d: number): void {
    if ((a & 1) !== 0) this.fault(a, 0, 0);
    this.cycles += 4;
    this.store16(a, d);
  }
  /** long write, high word first */
  wr32(a: number, d: number): void {
    if ((a & 1) !== 0) this.fault(a, 0, 0);
    this.cycles += 4;
    this.store16(a, d >>> 16);
    this.cycles += 4;
    this.store16(a + 2, d);
  }
  /** long write, low word first (MOVE.l to -(An), MOVEM.l to -(An), ADDX/SUBX -(An)); a fault
   *  reports the low word's address (vectors) */
  wr32lo(a: number, d: number): void {
    if ((a & 1) !== 0) this.fault(a + 2, 0, 0);
    this.cycles += 4;
    this.store16(a + 2, d);
    this.cycles += 4;
    this.store16(a, d >>> 16);
  }

  /** Program-space byte read (PC-relative byte operands). */
  readPc8(a: number): number { this.cycles += 4; return this.program.read8(a); }

  /** Program-space read (PC-relative operands). */
  rdp16(a: number): number {
    if ((a & 1) !== 0) this.fault(a, 1, 1);
    this.cycles += 4;
    return this.program.read16(a);
  }

  /** Consume the extension word in irc and refill irc (one prefetch). */
  ext(): number {
    const v = this.irc;
    this.cycles += 4;
    this.irc = this.fetch(this.pc);
    this.pc = (this.pc + 2) | 0;
    return v;
  }

  /** Extension long word. */
  ext32(): number {
    const hi = this.ext();
    return (hi << 16) | this.ext();
  }

  /**
   * A prefetch whose bus read comes before the instruction's last writes while IR keeps the opcode
   * until they are done (vectors: the address-error frame of such a write still shows the opcode).
   * Returns the word the caller must move into `ir` afterwards.
   */
  prefetchEarly(): number {
    const next = this.irc;
    this.cycles += 4;
    this.irc = this.program.read16(this.pc);
    this.pc = (this.pc + 2) | 0;
    return next;
  }

  /**
   * Instruction-stream word read: the RAM/ROM-page path of AddressSpace.read16 without its
   * generality (the address is even, so the word never straddles a page; the space is big-endian).
   */
  fetch(a: number): number {
    const b = this.program;
    const o = b.rdBase[(a & b.addrMask) >>> b.pageBits];
    if (o >= 0) {
      const i = o + (a & b.offMask), m = b.mem;
      return (m[i] << 8) | m[i + 1];
    }
    return b.read16(a);
  }

  /** The end-of-instruction prefetch: irc moves to ir and the next word is fetched. */
  np(): void {
    this.ir = this.irc;
    this.cycles += 4;
    this.irc = this.fetch(this.pc);
    this.pc = (this.pc + 2) | 0;
  }

  /**
   * Refill the whole queue from `to` (jumps, branches, exceptions): two prefetches, `gap` idle
   * clocks between them. An odd target faults on the first one; `adj` is the stacked PC relative
   * to the current pc in that case.
   */
  jump(to: number, gap: number, adj: number): void {
    if ((to & 1) !== 0) { this.aeAdj = adj; this.fault(to, 1, 1); }
    this.pc = to;
    this.cycles += 4;
    this.ir = this.fetch(to);
    this.cycles += 4 + gap;
    this.irc = this.fetch(to + 2);
    this.pc = (to + 4) | 0;
  }

  // ---- effective addresses --------------------------------------------------------------------

  /** Index register value from a brief extension word, plus its 8-bit displacement. */
  index(e: number): number {
    const xr = this.r[(e >> 12) & 15];
    const xv = (e & 0x800) !== 0 ? xr : (xr << 16) >> 16;
    return (xv + ((e << 24) >> 24)) | 0;
  }

  /**
   * Address of a memory operand (modes 2-7, not #imm), with the microcode's extension fetches and
   * idle states; updates An for (An)+/-(An). `sz` 0 byte, 1 word, 2 long.
   * Sets aeAdj/aeProg for a fault on the first operand access (vectors: stacked PC is the
   * instruction address + 2, + 4 for -(An).b/.w and abs.W, + 6 for abs.L).
   */
  ea(mode: number, reg: number, sz: number): number {
    // (An) inline; the rest out of line so that this stays small enough for V8 to inline
    if (mode === 2) { this.aeAdj = -2; return this.r[8 + reg]; }
    return this.eaOther(mode, reg, sz);
  }

  private eaOther(mode: number, reg: number, sz: number): number {
    const r = this.r;
    switch (mode) {
      case 2:
        this.aeAdj = -2;
        return r[8 + reg];
      case 3: {
        const a = r[8 + reg];
        this.aeAdj = -2;
        // vectors: a long operand at an odd address faults before An is incremented
        if (sz === 2 && (a & 1) !== 0) this.fault(a, 1, 0);
        r[8 + reg] = a + (sz === 2 ? 4 : sz === 1 || reg === 7 ? 2 : 1);
        return a;
      }
      case 4: {
        this.cycles += 2;
        const a = (r[8 + reg] - (sz === 2 ? 4 : sz === 1 || reg === 7 ? 2 : 1)) | 0;
        r[8 + reg] = a;
        this.aeAdj = sz === 2 ? -2 : 0;
        return a;
      }
      case 5: {
        const a = (r[8 + reg] + ((this.ext() << 16) >> 16)) | 0;
        this.aeAdj = -4;
        return a;
      }
      case 6: {
        this.cycles += 2;
        const a = (r[8 + reg] + this.index(this.ext())) | 0;
        this.aeAdj = -4;
        return a;
      }
      default:
        switch (reg) {
          case 0: { const a = (this.ext() << 16) >> 16; this.aeAdj = -2; return a; }
          case 1: { const a = this.ext32(); this.aeAdj = -2; return a; }
          case 2: { const base = this.pc - 2; const a = (base + ((this.ext() << 16) >> 16)) | 0; this.aeAdj = -4; return a; }
          case 3: { this.cycles += 2; const base = this.pc - 2; const a = (base + this.index(this.ext())) | 0; this.aeAdj = -4; return a; }
        }
    }
    throw new Error('m68000: bad effective address');
  }

  /** Read an operand of any mode (value masked to the size; long as int32). */
  readEa(mode: number, reg: number, sz: number): number {
    if (mode === 0) return sz === 0 ? this.r[reg] & 0xff : sz === 1 ? this.r[reg] & 0xffff : this.r[reg];
    if (mode === 1) return sz === 1 ? this.r[8 + reg] & 0xffff : this.r[8 + reg];
    return this.readEaMem(mode, reg, sz);
  }

  /** readEa for memory and immediate operands. */
  private readEaMem(mode: number, reg: number, sz: number): number {
    if (mode === 7 && reg === 4) {
      if (sz === 2) return this.ext32();
      const v = this.ext();
      return sz === 0 ? v & 0xff : v;
    }
    const a = this.ea(mode, reg, sz);
    if (mode === 7 && reg >= 2) {
      // PC-relative operands are read from program space
      if (sz === 0) { this.cycles += 4; return this.program.read8(a); }
      if (sz === 1) return this.rdp16(a);
      const hi = this.rdp16(a);
      return (hi << 16) | this.rdp16(a + 2);
    }
    return sz === 0 ? this.rd8(a) : sz === 1 ? this.rd16(a) : this.rd32(a);
  }

  rdSz(a: number, sz: number): number {
    return sz === 0 ? this.rd8(a) : sz === 1 ? this.rd16(a) : this.rd32(a);
  }

  wrSz(a: number, sz: number, v: number): void {
    if (sz === 0) this.wr8(a, v); else if (sz === 1) this.wr16(a, v); else this.wr32(a, v);
  }

  /** Write the low `sz` part of Dn. */
  setD(reg: number, sz: number, v: number): void {
    const r = this.r;
    if (sz === 0) r[reg] = (r[reg] & ~0xff) | (v & 0xff);
    else if (sz === 1) r[reg] = (r[reg] & ~0xffff) | (v & 0xffff);
    else r[reg] = v;
  }

  // ---- condition codes ------------------------------------------------------------------------

  /** Condition cc (PRM table 3-19) from a 16-entry truth table indexed by NZVC. */
  cond(cc: number): number {
    return (COND_TABLE[cc] >> ((this.n << 3) | (this.z << 2) | (this.v << 1) | this.c)) & 1;
  }

  /** d + s (+ x), flags for ADD/ADDX (xop 1: Z only cleared); returns the result masked to the size. */
  add(sz: number, s: number, d: number, ext: number, xop = 0): number {
    const m = (sz === 0 ? 7 : sz === 1 ? 15 : 31);
    const r = (d + s + ext) & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1);
    this.c = this.x = (((s & d) | (~r & (s | d))) >>> m) & 1;
    this.v = (((s ^ r) & (d ^ r)) >>> m) & 1;
    this.n = (r >>> m) & 1;
    if (xop === 0) this.z = r === 0 ? 1 : 0; else if (r !== 0) this.z = 0;
    return r;
  }

  /** d - s (- x), flags for SUB/SUBX (xop 1); cmp = 1 leaves X alone. */
  sub(sz: number, s: number, d: number, ext: number, cmp: number, xop = 0): number {
    const m = (sz === 0 ? 7 : sz === 1 ? 15 : 31);
    const r = (d - s - ext) & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1);
    const c = (((s & ~d) | (r & ~d) | (s & r)) >>> m) & 1;
    this.c = c;
    if (cmp === 0) this.x = c;
    this.v = (((s ^ d) & (r ^ d)) >>> m) & 1;
    this.n = (r >>> m) & 1;
    if (xop === 0) this.z = r === 0 ? 1 : 0; else if (r !== 0) this.z = 0;
    return r;
  }

  logic(sz: number, r: number): number {
    r &= (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1);
    this.n = (r >>> (sz === 0 ? 7 : sz === 1 ? 15 : 31)) & 1;
    this.z = r === 0 ? 1 : 0;
    this.v = 0;
    this.c = 0;
    return r;
  }

  // ---- exceptions -----------------------------------------------------------------------------

  private enterSupervisor(): number {
    const sr = this.getSR();
    if (this.s === 0) { const t = this.r[15]; this.r[15] = this.osp; this.osp = t; this.s = 1; }
    this.t = 0;
    this.traceP = 0;
    return sr;
  }

  /**
   * Group 1/2 exception (UM 6.3): push PC and SR, load the vector, refill the queue.
   * Bus order from the vectors: PC low, SR, PC high, vector high, vector low, prefetch, idle 2, prefetch.
   */
  exception(vector: number, stackedPc: number, idle: number): void {
    const sr = this.enterSupervisor();
    this.cycles += idle;
    this.push3(sr, stackedPc);
    this.aeAdj = 0;
    const to = this.rd32(vector << 2);
    this.jumpException(to);
  }

  private push3(sr: number, pc: number): void {
    const sp = (this.r[15] - 6) | 0;
    this.r[15] = sp;
    this.wr16(sp + 4, pc);
    this.wr16(sp, sr);
    this.wr16(sp + 2, pc >>> 16);
  }

  private jumpException(to: number): void {
    if ((to & 1) !== 0) { this.aeAdj = 0; this.pc = to; this.fault(to, 1, 1); }
    this.pc = to;
    this.jump(to, 2, 0);
  }

  /** Group 0: address error, 14-byte frame (UM 6.3.9.1, figure 6-7). */
  private addressErrorException(): void {
    this.cycles += 4; // the aborted bus cycle
    if (this.inGroup0 !== 0) { this.halted = 1; return; } // double bus fault (UM 6.3.9)
    this.inGroup0 = 1;
    this.stopped = 0;
    const stackedPc = (this.pc + this.aeAdj) | 0;
    const fc = (this.s ? 4 : 0) | (this.aeProg ? 2 : 1);
    const status = (this.ir & 0xffe0) | (this.aeRead << 4) | fc;
    const addr = this.aeAddr;
    try {
      const sr = this.enterSupervisor();
      this.cycles += 8;
      const sp = (this.r[15] - 14) | 0;
      this.r[15] = sp;
      this.wr16(sp + 12, stackedPc);
      this.wr16(sp + 8, sr);
      this.wr16(sp + 10, stackedPc >>> 16);
      this.wr16(sp + 6, this.ir);
      this.wr16(sp + 4, addr);
      this.wr16(sp, status);
      this.wr16(sp + 2, addr >>> 16);
      const to = this.rd32(12);
      this.jumpException(to);
    } catch (e) {
      if (e !== ADDRESS_ERROR) throw e;
      this.cycles += 4;
      this.halted = 1;
    }
    this.inGroup0 = 0;
  }

  /** Illegal, line A/F, privilege violation: stacked PC is the instruction's own address. */
  trapHere(vector: number): void {
    this.exception(vector, this.pc - 4, 4);
  }

  /** Interrupts and trace, between instructions. Returns true when an exception was taken. */
  private serviceInterrupts(): boolean {
    if (this.traceP !== 0) {
      this.traceP = 0;
      this.exception(9, this.pc - 4, 4);
      return true;
    }
    let level = 0;
    if (this.nmiPending !== 0) { this.nmiPending = 0; level = 7; }
    else if (this.irqLevel > this.im) level = this.irqLevel;
    if (level === 0) return false;
    // UM 6.3.2 / table 8-14: interrupt 44 clocks (5 reads incl. acknowledge, 3 writes)
    const stackedPc = this.stopped !== 0 ? this.pc : this.pc - 4;
    this.stopped = 0;
    const sr = this.enterSupervisor();
    this.im = level;
    this.cycles += 6;
    const ack = this.irqAck(level);
    const vector = ack === M68000.AUTOVECTOR ? 24 + level : ack === M68000.SPURIOUS ? 24 : ack & 0xff;
    this.cycles += 4 + 4; // acknowledge cycle, then internal
    this.push3(sr, stackedPc);
    const to = this.rd32(vector << 2);
    this.jumpException(to);
    return true;
  }
}

/** Bit k of COND_TABLE[cc] is condition cc's value when NZVC = k (PRM table 3-19). */
const COND_TABLE = (() => {
  const t = new Uint16Array(16);
  for (let k = 0; k < 16; k++) {
    const n = (k >> 3) & 1, z = (k >> 2) & 1, v = (k >> 1) & 1, c = k & 1;
    const vals = [1, 0, (c | z) ^ 1, c | z, c ^ 1, c, z ^ 1, z, v ^ 1, v, n ^ 1, n, (n ^ v) ^ 1, n ^ v, ((n ^ v) | z) ^ 1, (n ^ v) | z];
    for (let cc = 0; cc < 16; cc++) t[cc] |= vals[cc] << k;
  }
  return t;
})();

const REG_INDEX: Record<string, number> = {};
['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].forEach((n, i) => { REG_INDEX[n] = i; });

const HANDLERS: Handler[] = HANDLER_NAMES.map((n) => {
  const f = HANDLER_FNS[n];
  if (!f) throw new Error(`m68000: no handler ${n}`);
  return f;
});
const DECODE = decodeTable();

