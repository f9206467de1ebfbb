/**
 * Intel 8086/8088, NEC V20/V30 and Intel 80186/80188: one instruction-stepped core, the variant
 * chosen at construction (MAME derives the same family from one i86 core and one nec core).
 *
 * Games: Gottlieb Q*bert / Mad Planets (8088 at 5 MHz), Irem M72 R-Type (V30 at 8 MHz).
 * Sources: Intel iAPX 86/88 User's Manual (instruction set, timing, interrupts); Intel 80C186 data
 * sheet; NEC V20/V30 User's Manual (extended instructions, flags); SingleStepTests/8086 vectors
 * recorded from a real P80C86A (undocumented forms, flags, divide-error and REP quirks); MAME's
 * `i86` and `nec` cores for facts named where used.
 *
 * Bus: `program` is a 20-bit little-endian space; `io` a 16-bit port space. Word accesses use
 * `read16/write16` except at offset 0xffff, where the 8086 wraps inside the segment.
 *
 * Timing: table clocks by default; `biu = true` (8086) adds the prefetch-queue / bus interface unit
 * model of i8086.biu.ts. Not emulated: the queue's contents (self-modifying code within 6 bytes of IP
 * sees the new bytes at once), the 8080 emulation mode of the V20/V30 (BRKEM is
 * treated as an undefined opcode), the 80186's integrated peripherals (timers, DMA, interrupt
 * controller, chip selects: separate devices if a board needs them), the V20/V30 BRKXA/RETXA
 * extended addressing (V33 only anyway), LOCK and the bus arbitration pins.
 */
import { Device, type Serializer } from '../../src/core/device';
import type { CpuDevice, Disassembly, RegisterInfo } from '../../src/core/cpu';
import type { AddressSpace } from '../../src/core/memory';
import { disassembleX86 } from './i8086.dasm';
import { biuExtra } from './i8086.biu';
import { HANDLERS, runFast, TIMING_8086, TIMING_80186, TIMING_V30, type X86Timing } from './i8086.gen';
import { HAS_MODRM, insnLength, isPrefix, WIDE_OPERAND } from './i8086.ops';
import { AF, BP, BX, CF, CS, DI, DS, ES, IF, LAZY_ADD16, LAZY_INC16, LAZY_LOGIC16, LAZY_NONE, LAZY_SUB16, OF, PAR, PF, R8, SF, ZF, REP_C, REP_NC, REP_NONE, REP_NZ, REP_Z, SI, SP, SS, TF, type X86Variant } from './i8086.state';
import { opAddrFromStart } from './i8086.string';

export * from './i8086.state';
export type { X86Timing } from './i8086.gen';

export class I8086 extends Device implements CpuDevice {
  readonly r16 = new Uint16Array(8);
  /** byte view of r16 (AL = 0, AH = 1, …): assumes a little-endian host, as every JS engine target is */
  readonly r8 = new Uint8Array(this.r16.buffer);
  readonly sreg = new Uint16Array(4);
  ip = 0;
  csBase = 0;
  /**
   * FLAGS as stored: the control bits (TF IF DF) and fixed bits are always current; the arithmetic
   * bits (CF PF AF ZF SF OF) are stale while `lazyKind` is set and then derive from the last ADD/SUB/
   * logic/INC/DEC's operands and result (v86 and MAME's i386 core keep flags the same way: most are
   * overwritten before anything reads them). Read and write FLAGS through `flags`.
   */
  fl = 0xf002;
  /** LAZY_* kind of the last flag-setting ALU operation, LAZY_NONE when `fl` holds every flag */
  lazyKind = LAZY_NONE;
  /** its operands and unmasked result (a + b + carry, a - b - borrow) */
  lazyA = 0;
  lazyB = 0;
  lazyRes = 0;

  // run state
  icount = 0;
  budget = 0;
  halted = 0;
  irqLine = 0;
  nmiLine = 0;
  nmiPending = 0;
  trapPending = 0;
  /** set by MOV/POP to a segment register: no interrupt before the next instruction */
  inhibit = 0;
  /** an interrupted REP string op resumes without paying its start-up clocks again */
  repResume = 0;
  /** repResume as it was when the current instruction started */
  resuming = 0;
  /**
   * Non-zero while the run loop must take its slow turn: an interrupt to take (NMI, or INTR with IF
   * set), a single-step trap, an inhibit, HALT or a REP resume. One field for the fast path to test;
   * whatever sets one of those sets it (`updatePending()` recomputes it exactly).
   */
  pending = 0;
  /**
   * Accurate timing (8086 only): time each instruction against the prefetch queue and bus interface
   * unit model of `i8086.biu.ts` instead of the instruction tables alone. Slower; the conformance
   * adapter turns it on, machines that need bus-exact timing may too.
   */
  biu = false;
  /** bytes in the prefetch queue when the next instruction starts (-1: as full as it gets, 6 or 5) */
  queueAtStart = -1;
  /** prefix bytes of the instruction last decoded with prefixes (the BIU model's instruction layout) */
  npre = 0;
  /** instructions retired (REP iterations each count once), for benchmarks */
  instructions = 0;

  // decode state of the current instruction
  segOvr = -1;
  rep = REP_NONE;
  insStart = 0;
  mod = 0;
  reg = 0;
  rm = 0;
  eaOff = 0;
  eaSeg = 0;

  // variant configuration
  readonly variant: X86Variant;
  readonly t: X86Timing;
  /** 80186-class additions (0x60-0x6f, 0xc0/0xc1, 0xc8/0xc9) */
  readonly ext186: boolean;
  readonly nec: boolean;
  readonly intel86: boolean;
  /** word-transfer penalties: 8-bit bus → every word; 16-bit bus → odd addresses */
  readonly busWord: number;
  readonly busOdd: number;
  /** flags bits that always read as 1 (8086: 15-12 and 1) */
  readonly flagsFixed: number;
  readonly prefixTable = new Uint8Array(256);
  /** the program space's page tables, read directly on the hot path (4 KB pages of a 20-bit space) */
  readonly pmem: Uint8Array;
  readonly prd: Int32Array;
  readonly pwr: Int32Array;

  /** INTR acknowledge: returns the vector number (an 8259-style PIC is a separate device). */
  irqAck: () => number = () => 0xff;

  constructor(
    tag: string,
    clock: number,
    readonly program: AddressSpace,
    readonly io: AddressSpace,
    variant: X86Variant = '8086',
  ) {
    super(tag, clock);
    // a space with another page size or width always goes through read8/write8 (all pages "-1")
    const direct = program.addrBits === 20 && program.pageBits === 12;
    this.pmem = program.mem;
    this.prd = direct ? program.rdBase : new Int32Array(256).fill(-1);
    this.pwr = direct ? program.wrBase : new Int32Array(256).fill(-1);
    this.variant = variant;
    this.nec = variant === 'v20' || variant === 'v30';
    this.ext186 = variant !== '8086' && variant !== '8088';
    this.intel86 = !this.ext186;
    this.t = this.nec ? TIMING_V30 : this.ext186 ? TIMING_80186 : TIMING_8086;
    const bus8 = variant === '8088' || variant === 'v20' || variant === '80188';
    this.busWord = bus8 ? 4 : 0;
    this.busOdd = bus8 ? 0 : 4;
    // 8086/80186: bits 15-12 read as 1 (Intel); V30: bit 15 is MD (1 in native mode), 14-12 read 1.
    this.flagsFixed = 0xf002;
    for (let op = 0; op < 256; op++) this.prefixTable[op] = isPrefix(op, this.intel86, this.nec) ? 1 : 0;
    this.reset();
  }

  get flags(): number {
    return this.lazyKind === LAZY_NONE ? this.fl : this.materializeFlags();
  }

  set flags(v: number) {
    const old = this.fl;
    this.fl = v;
    this.lazyKind = LAZY_NONE;
    if (((old ^ v) & (TF | IF)) !== 0) this.updatePending();
  }

  /** Recomputes `pending` from the fields it summarizes. */
  updatePending(): void {
    const f = this.fl;
    this.pending = this.inhibit | this.nmiPending | this.trapPending | this.halted | this.repResume | ((f >> 8) & 1) | (this.irqLine & (f >> 9) & 1);
  }

  /** Writes the arithmetic flags of the pending lazy operation into `fl`; returns FLAGS. */
  materializeFlags(): number {
    const k = this.lazyKind, a = this.lazyA, b = this.lazyB, r = this.lazyRes;
    const byte = (k & 1) !== 0, msb = byte ? 0x80 : 0x8000;
    let f = this.fl & ~(PF | ZF | SF | AF | OF);
    f |= PAR[r & 0xff] | ((r & (byte ? 0xff : 0xffff)) === 0 ? ZF : 0) | ((r & msb) !== 0 ? SF : 0);
    if (k <= LAZY_SUB16) {
      f = (f & ~CF) | ((r >> (byte ? 8 : 16)) & CF) | ((a ^ b ^ r) & AF);
      f |= (k <= LAZY_ADD16 ? (r ^ a) & (r ^ b) & msb : (a ^ b) & (a ^ r) & msb) !== 0 ? OF : 0;
    } else if (k <= LAZY_LOGIC16) {
      f &= ~CF;
    } else {
      // INC/DEC keep CF (already in fl)
      f |= ((a ^ b ^ r) & AF) | ((k <= LAZY_INC16 ? (r ^ a) & (r ^ b) & msb : (a ^ b) & (a ^ r) & msb) !== 0 ? OF : 0);
    }
    this.fl = f;
    this.lazyKind = LAZY_NONE;
    return f;
  }

  /** CF without materializing the other flags. */
  carry(): number {
    const k = this.lazyKind;
    if (k === LAZY_NONE || k > LAZY_LOGIC16) return this.fl & CF;
    if (k > LAZY_SUB16) return 0;
    return (this.lazyRes >> ((k & 1) !== 0 ? 8 : 16)) & CF;
  }

  /** ZF as 0/1 without materializing the other flags. */
  zero(): number {
    const k = this.lazyKind;
    if (k === LAZY_NONE) return (this.fl >> 6) & 1;
    return (this.lazyRes & ((k & 1) !== 0 ? 0xff : 0xffff)) === 0 ? 1 : 0;
  }

  reset(): void {
    this.r16.fill(0);
    this.sreg.fill(0);
    this.sreg[CS] = 0xffff;
    this.csBase = 0xffff0;
    this.ip = 0;
    this.flags = this.flagsFixed;
    this.halted = 0;
    this.nmiPending = 0;
    this.trapPending = 0;
    this.inhibit = 0;
    this.repResume = 0;
  }

  // ---- CpuDevice --------------------------------------------------------------------------------

  run(budget: number): number {
    this.icount = budget;
    this.budget = budget;
    if (this.biu) return this.runStepped();
    this.updatePending(); // fields may have been set from outside (tests, save states)
    runFast(this); // i8086.gen.ts: fetch and dispatch while nothing is pending
    return this.budget - this.icount;
  }

  /** One turn of the run loop off the fast path (pending interrupt, trap, inhibit, HALT, REP resume); true: stop. */
  slowStep(f: number): boolean {
    if (this.inhibit !== 0) this.inhibit = 0;
    else if ((this.nmiPending | this.trapPending | this.irqLine) !== 0 && this.serviceInterrupts()) { this.updatePending(); return false; }
    if (this.halted !== 0) { this.icount = 0; return true; }
    this.step();
    // the fast path relies on these being clear between instructions
    this.resuming = 0;
    this.segOvr = -1;
    this.rep = REP_NONE;
    this.instructions++;
    if ((f & TF) !== 0 && this.repResume === 0) this.trapPending = 1;
    this.updatePending();
    return false;
  }

  /** The run loop one step() at a time (the accurate path: each instruction timed by the BIU model). */
  private runStepped(): number {
    do {
      if (this.inhibit !== 0) this.inhibit = 0;
      else if ((this.nmiPending | this.trapPending | this.irqLine) !== 0 && this.serviceInterrupts()) continue;
      if (this.halted !== 0) { this.icount = 0; break; }
      const tf = this.flags & TF;
      if (this.biu) this.stepBiu(); else this.step();
      this.instructions++;
      if (tf !== 0 && this.repResume === 0) this.trapPending = 1;
    } while (this.icount > 0);
    return this.budget - this.icount;
  }

  endSlice(): void {
    this.budget -= this.icount;
    this.icount = 0;
  }

  sliceCycles(): number {
    return this.budget - this.icount;
  }

  setIrq(state: number): void {
    this.irqLine = state ? 1 : 0;
    this.updatePending();
  }

  setNmi(state: number): void {
    if (state && !this.nmiLine) { this.nmiPending = 1; this.pending = 1; }
    this.nmiLine = state ? 1 : 0;
  }

  pcValue(): number {
    return (this.csBase + this.ip) & 0xfffff;
  }

  /** True while a REP string instruction has been cut by the cycle budget and will resume. */
  get inRep(): boolean {
    return this.repResume !== 0;
  }

  registerInfo(): readonly RegisterInfo[] {
    return REGISTERS;
  }

  getRegister(name: string): number {
    const i = regIndex(name);
    if (i < 8) return this.r16[i];
    if (i < 12) return this.sreg[i - 8];
    if (i === 12) return this.ip;
    if (i === 13) return this.flags;
    if (i < 22) return this.r8[R8[i - 14]];
    throw new Error(`${this.tag}: no register '${name}'`);
  }

  setRegister(name: string, value: number): void {
    const i = regIndex(name);
    if (i < 8) this.r16[i] = value;
    else if (i < 12) { this.sreg[i - 8] = value; if (i - 8 === CS) this.csBase = (value & 0xffff) << 4; }
    else if (i === 12) this.ip = value & 0xffff;
    else if (i === 13) this.flags = (value & 0x0fd5) | this.flagsFixed;
    else if (i < 22) this.r8[R8[i - 14]] = value;
    else throw new Error(`${this.tag}: no register '${name}'`);
  }

  disassemble(addr: number, peek: (addr: number) => number): Disassembly {
    // branch targets relative to the current CS when `addr` lies in its segment
    return disassembleX86(addr, peek, this.variant, (addr - this.csBase) & 0xffff);
  }

  serialize(s: Serializer): void {
    s.block(this.r16);
    s.block(this.sreg);
    this.ip = s.u16(this.ip);
    this.flags = s.u16(this.flags);
    this.halted = s.u8(this.halted);
    this.irqLine = s.u8(this.irqLine);
    this.nmiLine = s.u8(this.nmiLine);
    this.nmiPending = s.u8(this.nmiPending);
    this.trapPending = s.u8(this.trapPending);
    this.inhibit = s.u8(this.inhibit);
    this.repResume = s.u8(this.repResume);
    if (s.loading) this.postLoad();
  }

  override postLoad(): void {
    this.csBase = this.sreg[CS] << 4;
  }

  // ---- interrupts -------------------------------------------------------------------------------

  /** Takes the highest-priority pending interrupt (NMI > INTR > single step); true if one was taken. */
  serviceInterrupts(): boolean {
    if (this.repResume !== 0 && this.intel86 && (this.nmiPending | (this.irqLine & (this.flags >> 9))) !== 0) {
      // a REP string op cut by the budget is interrupted now: same return address as inside the loop
      this.ip = (opAddrFromStart(this) - 1) & 0xffff;
    }
    if (this.nmiPending !== 0) {
      this.nmiPending = 0;
      this.halted = 0;
      this.interrupt(2);
      this.icount -= this.t.nmi;
      return true;
    }
    if (this.irqLine !== 0 && (this.flags & IF) !== 0) {
      this.halted = 0;
      this.trapPending = 0;
      const v = this.irqAck() & 0xff;
      this.interrupt(v);
      this.icount -= this.t.intr;
      return true;
    }
    if (this.trapPending !== 0) {
      this.trapPending = 0;
      this.interrupt(1);
      this.icount -= this.t.int;
      return true;
    }
    return false;
  }

  /** Push FLAGS, CS, IP; clear IF and TF; load CS:IP from the vector table at 0000:4n. */
  interrupt(vector: number): void {
    const a = vector << 2;
    this.repResume = 0; // an interrupted REP restarts from its prefix after IRET
    this.push16(this.flags);
    this.flags &= ~(IF | TF);
    this.push16(this.sreg[CS]);
    this.push16(this.ip);
    this.ip = this.program.read8(a) | (this.program.read8(a + 1) << 8);
    this.loadCs(this.program.read8(a + 2) | (this.program.read8(a + 3) << 8));
  }

  loadCs(v: number): void {
    this.sreg[CS] = v;
    this.csBase = v << 4;
  }

  // ---- bus helpers ------------------------------------------------------------------------------

  fetch8(): number {
    const ip = this.ip;
    const a = (this.csBase + ip) & 0xfffff;
    const o = this.prd[a >>> 12];
    this.ip = (ip + 1) & 0xffff;
    return o >= 0 ? this.pmem[o + (a & 0xfff)] : this.program.read8(a);
  }

  fetch16(): number {
    const ip = this.ip;
    if (ip !== 0xffff) {
      this.ip = (ip + 2) & 0xffff;
      return this.rdw((this.csBase + ip) & 0xfffff);
    }
    return this.fetch8() | (this.fetch8() << 8);
  }

  rd8(seg: number, off: number): number {
    const a = (seg + off) & 0xfffff;
    const o = this.prd[a >>> 12];
    return o >= 0 ? this.pmem[o + (a & 0xfff)] : this.program.read8(a);
  }

  wr8(seg: number, off: number, v: number): void {
    const a = (seg + off) & 0xfffff;
    const o = this.pwr[a >>> 12];
    if (o >= 0) this.pmem[o + (a & 0xfff)] = v;
    else this.program.write8(a, v & 0xff);
  }

  /** Word at a linear address (no segment wrap; the space handles page crossings and handlers). */
  rdw(a: number): number {
    const o = this.prd[a >>> 12], i = a & 0xfff;
    if (o >= 0 && i !== 0xfff) { const m = this.pmem, j = o + i; return m[j] | (m[j + 1] << 8); }
    return this.program.read16(a);
  }

  rd16(seg: number, off: number): number {
    this.icount -= this.busWord + (off & 1) * this.busOdd;
    if (off === 0xffff) return this.rd8(seg, 0xffff) | (this.rd8(seg, 0) << 8);
    return this.rdw((seg + off) & 0xfffff);
  }

  wr16(seg: number, off: number, v: number): void {
    this.icount -= this.busWord + (off & 1) * this.busOdd;
    if (off === 0xffff) { this.wr8(seg, 0xffff, v & 0xff); this.wr8(seg, 0, (v >> 8) & 0xff); return; }
    const a = (seg + off) & 0xfffff;
    const o = this.pwr[a >>> 12], i = a & 0xfff;
    if (o >= 0 && i !== 0xfff) { const m = this.pmem, j = o + i; m[j] = v; m[j + 1] = v >> 8; return; }
    this.program.write16(a, v & 0xffff);
  }

  push16(v: number): void {
    const sp = (this.r16[SP] - 2) & 0xffff;
    this.r16[SP] = sp;
    this.wr16(this.sreg[SS] << 4, sp, v & 0xffff);
  }

  pop16(): number {
    const sp = this.r16[SP];
    this.r16[SP] = sp + 2;
    return this.rd16(this.sreg[SS] << 4, sp);
  }

  /** Segment base for a default-DS access, honouring an override prefix. */
  dsBase(): number {
    return this.sreg[this.segOvr >= 0 ? this.segOvr : DS] << 4;
  }

  // ---- ModRM ------------------------------------------------------------------------------------

  /** Reads the ModRM byte; for memory forms computes the EA (offset and segment base) and charges EA clocks. */
  modrm(): void {
    this.decodeModrm(this.fetch8());
  }

  /** `modrm()` for a ModRM byte already fetched (hot handlers test for the register form first). */
  decodeModrm(m: number): void {
    const mod = m >> 6, rm = m & 7;
    this.mod = mod;
    this.reg = (m >> 3) & 7;
    this.rm = rm;
    if (mod !== 3) this.decodeEA(m);
  }

  /**
   * The EA of a memory-form ModRM byte `m` (offset and segment base; EA clocks charged), without
   * recording mod/reg/rm: for handlers that take them from `m` themselves.
   */
  decodeEA(m: number): void {
    const mod = m >> 6, rm = m & 7;
    const r = this.r16;
    let off = 0, seg = DS;
    switch (rm) {
      case 0: off = r[BX] + r[SI]; break;
      case 1: off = r[BX] + r[DI]; break;
      case 2: off = r[BP] + r[SI]; seg = SS; break;
      case 3: off = r[BP] + r[DI]; seg = SS; break;
      case 4: off = r[SI]; break;
      case 5: off = r[DI]; break;
      case 6:
        if (mod === 0) { off = this.fetch16(); this.icount -= this.t.ea[8]; }
        else { off = r[BP]; seg = SS; }
        break;
      default: off = r[BX]; break;
    }
    if (mod === 1) { off += (this.fetch8() << 24) >> 24; this.icount -= this.t.eaDisp; }
    else if (mod === 2) { off += this.fetch16(); this.icount -= this.t.eaDisp; }
    if (mod !== 0 || rm !== 6) this.icount -= this.t.ea[rm];
    this.eaOff = off & 0xffff;
    this.eaSeg = this.sreg[this.segOvr >= 0 ? this.segOvr : seg] << 4;
  }

  getRM8(): number {
    return this.mod === 3 ? this.r8[R8[this.rm]] : this.rd8(this.eaSeg, this.eaOff);
  }

  setRM8(v: number): void {
    if (this.mod === 3) this.r8[R8[this.rm]] = v;
    else this.wr8(this.eaSeg, this.eaOff, v);
  }

  getRM16(): number {
    return this.mod === 3 ? this.r16[this.rm] : this.rd16(this.eaSeg, this.eaOff);
  }

  setRM16(v: number): void {
    if (this.mod === 3) this.r16[this.rm] = v;
    else this.wr16(this.eaSeg, this.eaOff, v);
  }

  /** The word after the EA operand (far pointers, BOUND): offset + 2 wraps inside the segment. */
  getRM16Next(): number {
    return this.rd16(this.eaSeg, (this.eaOff + 2) & 0xffff);
  }

  // ---- instruction dispatch ---------------------------------------------------------------------

  /** One instruction (prefixes included). */
  step(): void {
    this.resuming = this.repResume;
    this.repResume = 0;
    this.insStart = this.ip;
    this.segOvr = -1;
    this.rep = REP_NONE;
    let op = this.fetch8();
    if (this.prefixTable[op] !== 0) op = this.prefixes(op);
    HANDLERS[op](this, op);
  }

  /** `step()` plus the BIU model's clocks (first EU bus cycles and prefetch suspend against the queue). */
  stepBiu(): void {
    if (this.variant !== '8086' || this.repResume !== 0) { this.queueAtStart = -1; this.step(); return; }
    const ip0 = this.ip, cs0 = this.sreg[CS], base = this.csBase;
    this.resuming = 0;
    this.insStart = ip0;
    this.segOvr = -1;
    this.rep = REP_NONE;
    this.npre = 0;
    let op = this.fetch8();
    if (this.prefixTable[op] !== 0) op = this.prefixes(op);
    // the ModRM byte as it is before the instruction runs (it could overwrite it): the instruction's length
    const modrm = HAS_MODRM[op] !== 0 ? this.program.peek8((base + this.ip) & 0xfffff) : 0;
    HANDLERS[op](this, op);
    const npre = this.npre, rep = this.rep !== REP_NONE;
    const len = insnLength(op, modrm, npre);
    const q0 = this.queueAtStart >= 0 ? this.queueAtStart : (base + ip0) & 1 ? 5 : 6;
    this.queueAtStart = -1;
    // REP string ops keep the per-iteration table clocks
    if (this.repResume !== 0 || (rep && ((op >= 0xa4 && op <= 0xa7) || (op >= 0xaa && op <= 0xaf)))) return;
    const flushed = this.sreg[CS] !== cs0 || this.ip !== ((ip0 + len) & 0xffff);
    this.icount -= biuExtra(q0, npre, len, op, modrm, flushed, WIDE_OPERAND[op] !== 0 && (this.eaOff & 1) !== 0);
  }

  prefixes(op: number): number {
    const resume = this.resuming;
    let n = 0;
    while (this.prefixTable[op] !== 0) {
      n++;
      switch (op) {
        case 0x26: this.segOvr = ES; break;
        case 0x2e: this.segOvr = CS; break;
        case 0x36: this.segOvr = SS; break;
        case 0x3e: this.segOvr = DS; break;
        case 0xf2: this.rep = REP_NZ; break;
        case 0xf3: this.rep = REP_Z; break;
        case 0x64: this.rep = REP_NC; break;
        case 0x65: this.rep = REP_C; break;
        default: break; // LOCK: accepted, no bus arbitration modelled
      }
      if (resume === 0) this.icount -= this.t.prefix;
      op = this.fetch8();
    }
    this.npre = n;
    return op;
  }

}

const REGISTERS: readonly RegisterInfo[] = [
  { name: 'ax', bits: 16, aliases: ['aw'] },
  { name: 'cx', bits: 16, aliases: ['cw'] },
  { name: 'dx', bits: 16, aliases: ['dw'] },
  { name: 'bx', bits: 16, aliases: ['bw'] },
  { name: 'sp', bits: 16 },
  { name: 'bp', bits: 16 },
  { name: 'si', bits: 16, aliases: ['ix'] },
  { name: 'di', bits: 16, aliases: ['iy'] },
  { name: 'es', bits: 16, aliases: ['ds1'] },
  { name: 'cs', bits: 16, aliases: ['ps'] },
  { name: 'ss', bits: 16 },
  { name: 'ds', bits: 16, aliases: ['ds0'] },
  { name: 'ip', bits: 16, aliases: ['pc'] },
  { name: 'flags', bits: 16, aliases: ['psw'] },
];

const REG_NAMES: Record<string, number> = {};
REGISTERS.forEach((r, i) => {
  REG_NAMES[r.name] = i;
  for (const a of r.aliases ?? []) REG_NAMES[a] = i;
});
['al', 'cl', 'dl', 'bl', 'ah', 'ch', 'dh', 'bh'].forEach((n, i) => { REG_NAMES[n] = 14 + i; });

function regIndex(name: string): number {
  const i = REG_NAMES[name.toLowerCase()];
  return i === undefined ? 99 : i;
}

/** NEC V20 (8-bit bus). */
export class V20 extends I8086 {
  constructor(tag: string, clock: number, program: AddressSpace, io: AddressSpace) { super(tag, clock, program, io, 'v20'); }
}
/** NEC V30 (16-bit bus). */
export class V30 extends I8086 {
  constructor(tag: string, clock: number, program: AddressSpace, io: AddressSpace) { super(tag, clock, program, io, 'v30'); }
}
/** Intel 8088 (8-bit bus). */
export class I8088 extends I8086 {
  /** MAME's device name (listxml) */
  readonly chipName = 'Intel 8088';
  constructor(tag: string, clock: number, program: AddressSpace, io: AddressSpace) { super(tag, clock, program, io, '8088'); }
}
