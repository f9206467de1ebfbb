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
import { TIMING_8086, TIMING_80186, TIMING_V30, type X86Timing } from './i8086.timing';
import { disassembleX86 } from './i8086.dasm';
import { execNec0F } from './v30';
import { biuExtra, HAS_MODRM, insnLength, wideOperand } from './i8086.biu';

export type X86Variant = '8086' | '8088' | 'v20' | 'v30' | '80186' | '80188';

// FLAGS bits (Intel names)
export const CF = 0x0001, PF = 0x0004, AF = 0x0010, ZF = 0x0040, SF = 0x0080, TF = 0x0100, IF = 0x0200,
  DF = 0x0400, OF = 0x0800;
const ARITH = CF | PF | AF | ZF | SF | OF;

// register indices in ModRM order
export const AX = 0, CX = 1, DX = 2, BX = 3, SP = 4, BP = 5, SI = 6, DI = 7;
export const ES = 0, CS = 1, SS = 2, DS = 3;

/** ModRM byte-register number → index into the little-endian byte view of the word registers. */
export const R8 = new Uint8Array([0, 2, 4, 6, 1, 3, 5, 7]);

/** SF, ZF, PF for every byte value. */
export const SZP8 = new Uint8Array(256);
/** PF for every byte value. */
export const PAR = new Uint8Array(256);
for (let v = 0; v < 256; v++) {
  let bits = 0;
  for (let b = v; b; b >>= 1) bits += b & 1;
  PAR[v] = bits & 1 ? 0 : PF;
  SZP8[v] = PAR[v] | (v === 0 ? ZF : 0) | (v & 0x80 ? SF : 0);
}
export function szp16(v: number): number {
  return PAR[v & 0xff] | (v === 0 ? ZF : 0) | ((v >> 8) & SF);
}

/**
 * Fitted 8086 multiply/divide overheads around the microcode loops (decode, operand fetch, write-back;
 * measured on the SingleStepTests/8086 vectors, register forms; memory forms add MUL_MEM_8086 + EA).
 */
const AAM_BASE_8086 = 7, AAD_BASE_8086 = 59; // fitted: vectors D4/D5 (AAD: one clock per 1 bit of the base)
const MUL_BASE_8086 = 13, MUL_MEM_8086 = 5, DIV_BASE_8086 = 3, DIV_MEM_8086 = 5, DIV_ERR_8086 = -4;

function popcount(v: number): number {
  let n = 0;
  for (; v; v &= v - 1) n++;
  return n;
}

// prefix kinds (the `rep` field)
const REP_NONE = 0, REP_Z = 1, REP_NZ = 2, REP_C = 3, REP_NC = 4;

export class I8086 extends Device implements CpuDevice {
  readonly r16 = new Uint16Array(8);
  /** byte view of r16 (AL = 0, AH = 1, …): assumes a little-endian host, as every JS engine target is */
  readonly r8 = new Uint8Array(this.r16.buffer);
  readonly sreg = new Uint16Array(4);
  ip = 0;
  flags = 0xf002;
  csBase = 0;

  // run state
  icount = 0;
  private budget = 0;
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
  private resuming = 0;
  /**
   * Accurate timing (8086 only): time each instruction against the prefetch queue and bus interface
   * unit model of `i8086.biu.ts` instead of the instruction tables alone. Slower; the conformance
   * adapter turns it on, machines that need bus-exact timing may too.
   */
  biu = false;
  /** bytes in the prefetch queue when the next instruction starts (-1: as full as it gets, 6 or 5) */
  queueAtStart = -1;
  private readonly biuBytes = new Uint8Array(20);
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
  private readonly prefixTable = new Uint8Array(256);
  /** the program space's page tables, read directly on the hot path (4 KB pages of a 20-bit space) */
  private readonly pmem: Uint8Array;
  private readonly prd: Int32Array;
  private readonly pwr: Int32Array;

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
    for (const p of [0x26, 0x2e, 0x36, 0x3e, 0xf0, 0xf2, 0xf3]) this.prefixTable[p] = 1;
    // 0xf1 is an undocumented LOCK alias on the 8086 (vectors: metadata marks it "prefix").
    if (this.intel86) this.prefixTable[0xf1] = 1;
    // NEC REPNC (0x64) / REPC (0x65) (V20/V30 User's Manual).
    if (this.nec) { this.prefixTable[0x64] = 1; this.prefixTable[0x65] = 1; }
    this.reset();
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
  }

  setNmi(state: number): void {
    if (state && !this.nmiLine) this.nmiPending = 1;
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
  private serviceInterrupts(): boolean {
    if (this.repResume !== 0 && this.intel86 && (this.nmiPending | (this.irqLine & (this.flags >> 9))) !== 0) {
      // a REP string op cut by the budget is interrupted now: same return address as inside the loop
      this.ip = (this.opAddrFromStart() - 1) & 0xffff;
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
  private rdw(a: number): number {
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
    const m = this.fetch8();
    const mod = m >> 6, rm = m & 7;
    this.mod = mod;
    this.reg = (m >> 3) & 7;
    this.rm = rm;
    if (mod === 3) return;
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

  // ---- ALU --------------------------------------------------------------------------------------

  add8(a: number, b: number, c: number): number {
    const r = a + b + c;
    this.flags = (this.flags & ~ARITH) | ((r >> 8) & CF) | SZP8[r & 0xff] | ((a ^ b ^ r) & AF) | (((r ^ a) & (r ^ b) & 0x80) << 4);
    return r & 0xff;
  }

  sub8(a: number, b: number, c: number): number {
    const r = a - b - c;
    this.flags = (this.flags & ~ARITH) | ((r >> 8) & CF) | SZP8[r & 0xff] | ((a ^ b ^ r) & AF) | (((a ^ b) & (a ^ r) & 0x80) << 4);
    return r & 0xff;
  }

  add16(a: number, b: number, c: number): number {
    const r = a + b + c;
    this.flags = (this.flags & ~ARITH) | ((r >> 16) & CF) | szp16(r & 0xffff) | ((a ^ b ^ r) & AF) | (((r ^ a) & (r ^ b) & 0x8000) >> 4);
    return r & 0xffff;
  }

  sub16(a: number, b: number, c: number): number {
    const r = a - b - c;
    this.flags = (this.flags & ~ARITH) | ((r >> 16) & CF) | szp16(r & 0xffff) | ((a ^ b ^ r) & AF) | (((a ^ b) & (a ^ r) & 0x8000) >> 4);
    return r & 0xffff;
  }

  /** ADD OR ADC SBB AND SUB XOR CMP on bytes (CMP returns `a` unchanged). */
  alu8(op: number, a: number, b: number): number {
    switch (op) {
      case 0: return this.add8(a, b, 0);
      case 1: a |= b; break;
      case 2: return this.add8(a, b, this.flags & CF);
      case 3: return this.sub8(a, b, this.flags & CF);
      case 4: a &= b; break;
      case 5: return this.sub8(a, b, 0);
      case 6: a ^= b; break;
      default: this.sub8(a, b, 0); return a;
    }
    this.flags = (this.flags & ~ARITH) | SZP8[a];
    return a;
  }

  alu16(op: number, a: number, b: number): number {
    switch (op) {
      case 0: return this.add16(a, b, 0);
      case 1: a |= b; break;
      case 2: return this.add16(a, b, this.flags & CF);
      case 3: return this.sub16(a, b, this.flags & CF);
      case 4: a &= b; break;
      case 5: return this.sub16(a, b, 0);
      case 6: a ^= b; break;
      default: this.sub16(a, b, 0); return a;
    }
    this.flags = (this.flags & ~ARITH) | szp16(a);
    return a;
  }

  inc8(a: number): number {
    const r = (a + 1) & 0xff;
    this.flags = (this.flags & ~(ARITH & ~CF)) | SZP8[r] | ((a ^ r) & AF) | (r === 0x80 ? OF : 0);
    return r;
  }

  dec8(a: number): number {
    const r = (a - 1) & 0xff;
    this.flags = (this.flags & ~(ARITH & ~CF)) | SZP8[r] | ((a ^ r) & AF) | (r === 0x7f ? OF : 0);
    return r;
  }

  inc16(a: number): number {
    const r = (a + 1) & 0xffff;
    this.flags = (this.flags & ~(ARITH & ~CF)) | szp16(r) | ((a ^ r) & AF) | (r === 0x8000 ? OF : 0);
    return r;
  }

  dec16(a: number): number {
    const r = (a - 1) & 0xffff;
    this.flags = (this.flags & ~(ARITH & ~CF)) | szp16(r) | ((a ^ r) & AF) | (r === 0x7fff ? OF : 0);
    return r;
  }

  /**
   * Rotate/shift group (ROL ROR RCL RCR SHL SHR SETMO SAR) by `count` (0 = no change at all).
   * The 8086 does not mask the count (vectors D2/D3 with CL up to 255); one bit per step keeps the
   * flags of every count exact. `bits` is 8 or 16. /6 is the undocumented SETMO on the 8086 (vectors
   * D0.6-D3.6: result all ones); NEC and 80186 parts treat it as SHL (80186) or do nothing (NEC).
   */
  shift(op: number, v: number, count: number, bits: number): number {
    if (count === 0) return v;
    const msb = bits === 8 ? 0x80 : 0x8000;
    const mask = bits === 8 ? 0xff : 0xffff;
    let cf = this.flags & CF;
    switch (op) {
      case 0: // ROL
        for (let i = 0; i < count; i++) { cf = v & msb ? 1 : 0; v = ((v << 1) | cf) & mask; }
        this.flags = (this.flags & ~(CF | OF)) | cf | (((v & msb ? 1 : 0) ^ cf) ? OF : 0);
        return v;
      case 1: // ROR
        for (let i = 0; i < count; i++) { cf = v & 1; v = (v >> 1) | (cf ? msb : 0); }
        this.flags = (this.flags & ~(CF | OF)) | cf | (((v ^ (v << 1)) & msb) ? OF : 0);
        return v;
      case 2: // RCL
        for (let i = 0; i < count; i++) { const out = v & msb ? 1 : 0; v = ((v << 1) | cf) & mask; cf = out; }
        this.flags = (this.flags & ~(CF | OF)) | cf | (((v & msb ? 1 : 0) ^ cf) ? OF : 0);
        return v;
      case 3: // RCR
        for (let i = 0; i < count; i++) { const out = v & 1; v = (v >> 1) | (cf ? msb : 0); cf = out; }
        this.flags = (this.flags & ~(CF | OF)) | cf | (((v ^ (v << 1)) & msb) ? OF : 0);
        return v;
      case 4: // SHL
        for (let i = 0; i < count; i++) { cf = v & msb ? 1 : 0; v = (v << 1) & mask; }
        break;
      case 5: // SHR
        for (let i = 0; i < count; i++) { cf = v & 1; v >>= 1; }
        break;
      case 6: // SETMO (8086 undocumented): every step shifts a one in
        if (!this.intel86) {
          if (this.nec) return v; // NEC: undefined, no operation (MAME nec)
          for (let i = 0; i < count; i++) { cf = v & msb ? 1 : 0; v = (v << 1) & mask; } // 80186: SHL
          break;
        }
        // vectors D0.6-D3.6: the result is all ones for any non-zero count; flags are undefined there
        v = mask;
        cf = 0;
        break;
      default: // SAR
        for (let i = 0; i < count; i++) { cf = v & 1; v = (v >> 1) | (v & msb); }
        break;
    }
    const szp = bits === 8 ? SZP8[v] : szp16(v);
    let of = 0;
    if (op === 4 || op === 6) of = ((v & msb) !== 0) !== (cf !== 0) ? OF : 0;
    else if (op === 5) of = ((v ^ (v << 1)) & msb) !== 0 ? OF : 0;
    this.flags = (this.flags & ~ARITH) | cf | szp | of;
    return v;
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
    this.exec(op);
  }

  /** `step()` plus the BIU model's clocks (first EU bus cycles and prefetch suspend against the queue). */
  private stepBiu(): void {
    if (this.variant !== '8086' || this.repResume !== 0) { this.queueAtStart = -1; this.step(); return; }
    const ip0 = this.ip, cs0 = this.sreg[CS], base = this.csBase, program = this.program, b = this.biuBytes;
    let npre = 0, rep = false, k = 0;
    for (; k < 16; k++) {
      const v = program.peek8((base + ((ip0 + k) & 0xffff)) & 0xfffff);
      b[k] = v;
      if (k === npre) {
        if (this.prefixTable[v] === 0) { k++; break; }
        npre++;
        if (v === 0xf2 || v === 0xf3) rep = true;
      }
    }
    for (let j = k; j < k + 2 && j < 16; j++) b[j] = program.peek8((base + ((ip0 + j) & 0xffff)) & 0xfffff);
    const op = b[npre];
    const modrm = HAS_MODRM[op] !== 0 ? b[npre + 1] : 0;
    const len = insnLength(b, npre);
    this.step();
    const q0 = this.queueAtStart >= 0 ? this.queueAtStart : (base + ip0) & 1 ? 5 : 6;
    this.queueAtStart = -1;
    // REP string ops keep the per-iteration table clocks
    if (this.repResume !== 0 || (rep && ((op >= 0xa4 && op <= 0xa7) || (op >= 0xaa && op <= 0xaf)))) return;
    const flushed = this.sreg[CS] !== cs0 || this.ip !== ((ip0 + len) & 0xffff);
    this.icount -= biuExtra(q0, npre, len, op, modrm, flushed, wideOperand(op) && (this.eaOff & 1) !== 0);
  }

  private prefixes(op: number): number {
    const resume = this.resuming;
    while (this.prefixTable[op] !== 0) {
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
    return op;
  }

  exec(op: number): void {
    const r16 = this.r16, r8 = this.r8, t = this.t;
    switch (op) {
      // ALU r/m,reg and reg,r/m; acc,imm
      case 0x00: case 0x08: case 0x10: case 0x18: case 0x20: case 0x28: case 0x30: case 0x38:
        this.aluRmR8(op >> 3); return;
      case 0x01: case 0x09: case 0x11: case 0x19: case 0x21: case 0x29: case 0x31: case 0x39:
        this.aluRmR16(op >> 3); return;
      case 0x02: case 0x0a: case 0x12: case 0x1a: case 0x22: case 0x2a: case 0x32: case 0x3a: {
        this.modrm();
        const d = R8[this.reg];
        const v = this.alu8(op >> 3, r8[d], this.getRM8());
        if (op !== 0x3a) r8[d] = v;
        this.icount -= this.mod === 3 ? t.aluRR : t.aluRM;
        return;
      }
      case 0x03: case 0x0b: case 0x13: case 0x1b: case 0x23: case 0x2b: case 0x33: case 0x3b: {
        this.modrm();
        const v = this.alu16(op >> 3, r16[this.reg], this.getRM16());
        if (op !== 0x3b) r16[this.reg] = v;
        this.icount -= this.mod === 3 ? t.aluRR : t.aluRM;
        return;
      }
      case 0x04: case 0x0c: case 0x14: case 0x1c: case 0x24: case 0x2c: case 0x34: case 0x3c: {
        const v = this.alu8(op >> 3, r8[0], this.fetch8());
        if (op !== 0x3c) r8[0] = v;
        this.icount -= t.aluAI;
        return;
      }
      case 0x05: case 0x0d: case 0x15: case 0x1d: case 0x25: case 0x2d: case 0x35: case 0x3d: {
        const v = this.alu16(op >> 3, r16[AX], this.fetch16());
        if (op !== 0x3d) r16[AX] = v;
        this.icount -= t.aluAI;
        return;
      }
      // PUSH/POP segment registers
      case 0x06: case 0x0e: case 0x16: case 0x1e:
        this.push16(this.sreg[op >> 3]); this.icount -= t.pushS; return;
      case 0x07: case 0x17: case 0x1f: {
        const s = op >> 3;
        this.sreg[s] = this.pop16();
        this.inhibit = 1;
        this.icount -= t.popS;
        return;
      }
      case 0x0f:
        if (this.nec) { execNec0F(this); return; }
        if (this.intel86) { this.loadCs(this.pop16()); this.icount -= t.popS; return; } // POP CS (8086 only)
        this.invalidOpcode(); return;
      case 0x27: this.daa(); return;
      case 0x2f: this.das(); return;
      case 0x37: this.aaa(); return;
      case 0x3f: this.aas(); return;
      // INC/DEC reg16
      case 0x40: case 0x41: case 0x42: case 0x43: case 0x44: case 0x45: case 0x46: case 0x47:
        r16[op & 7] = this.inc16(r16[op & 7]); this.icount -= t.incR16; return;
      case 0x48: case 0x49: case 0x4a: case 0x4b: case 0x4c: case 0x4d: case 0x4e: case 0x4f:
        r16[op & 7] = this.dec16(r16[op & 7]); this.icount -= t.incR16; return;
      case 0x50: case 0x51: case 0x52: case 0x53: case 0x55: case 0x56: case 0x57:
        this.push16(r16[op & 7]); this.icount -= t.pushR; return;
      case 0x54: {
        // 8086/80186/V30 push the already decremented SP (286 and later push the old value)
        const sp = (r16[SP] - 2) & 0xffff;
        r16[SP] = sp;
        this.wr16(this.sreg[SS] << 4, sp, sp);
        this.icount -= t.pushR;
        return;
      }
      case 0x58: case 0x59: case 0x5a: case 0x5b: case 0x5c: case 0x5d: case 0x5e: case 0x5f: {
        const v = this.pop16();
        r16[op & 7] = v;
        this.icount -= t.popR;
        return;
      }
      case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65: case 0x66: case 0x67:
      case 0x68: case 0x69: case 0x6a: case 0x6b: case 0x6c: case 0x6d: case 0x6e: case 0x6f:
        // 8086: 0x60-0x6f decode as the conditional jumps 0x70-0x7f (vectors: metadata "alias")
        if (this.intel86) { this.jcc(op & 15); return; }
        this.exec186(op); return;
      case 0x70: case 0x71: case 0x72: case 0x73: case 0x74: case 0x75: case 0x76: case 0x77:
      case 0x78: case 0x79: case 0x7a: case 0x7b: case 0x7c: case 0x7d: case 0x7e: case 0x7f:
        this.jcc(op & 15); return;
      case 0x80: case 0x82: {
        this.modrm();
        const imm = this.fetch8();
        const v = this.alu8(this.reg, this.getRM8(), imm);
        if (this.reg !== 7) this.setRM8(v);
        this.icount -= this.mod === 3 ? t.aluRI : this.reg === 7 ? t.cmpMI : t.aluMI;
        return;
      }
      case 0x81: case 0x83: {
        this.modrm();
        const imm = op === 0x81 ? this.fetch16() : ((this.fetch8() << 24) >> 24) & 0xffff;
        const v = this.alu16(this.reg, this.getRM16(), imm);
        if (this.reg !== 7) this.setRM16(v);
        this.icount -= this.mod === 3 ? t.aluRI : this.reg === 7 ? t.cmpMI : t.aluMI;
        return;
      }
      case 0x84: this.modrm(); this.alu8(4, this.getRM8(), r8[R8[this.reg]]); this.icount -= this.mod === 3 ? t.testRR : t.testRM; return;
      case 0x85: this.modrm(); this.alu16(4, this.getRM16(), r16[this.reg]); this.icount -= this.mod === 3 ? t.testRR : t.testRM; return;
      case 0x86: {
        this.modrm();
        const d = R8[this.reg];
        const v = this.getRM8();
        this.setRM8(r8[d]);
        r8[d] = v;
        this.icount -= this.mod === 3 ? t.xchgRR : t.xchgRM;
        return;
      }
      case 0x87: {
        this.modrm();
        const v = this.getRM16();
        this.setRM16(r16[this.reg]);
        r16[this.reg] = v;
        this.icount -= this.mod === 3 ? t.xchgRR : t.xchgRM;
        return;
      }
      case 0x88: this.modrm(); this.setRM8(r8[R8[this.reg]]); this.icount -= this.mod === 3 ? t.movRR : t.movMR; return;
      case 0x89: this.modrm(); this.setRM16(r16[this.reg]); this.icount -= this.mod === 3 ? t.movRR : t.movMR; return;
      case 0x8a: this.modrm(); r8[R8[this.reg]] = this.getRM8(); this.icount -= this.mod === 3 ? t.movRR : t.movRM; return;
      case 0x8b: this.modrm(); r16[this.reg] = this.getRM16(); this.icount -= this.mod === 3 ? t.movRR : t.movRM; return;
      case 0x8c:
        // the 8086 decodes only reg bits 0-1 (vectors: 8C with reg 4-7)
        this.modrm(); this.setRM16(this.sreg[this.reg & 3]); this.icount -= this.mod === 3 ? t.movRS : t.movMS; return;
      case 0x8d:
        this.modrm();
        // LEA with a register operand is undefined; the 8086 leaves the last EA (not covered by vectors)
        r16[this.reg] = this.eaOff;
        this.icount -= t.lea;
        return;
      case 0x8e: {
        this.modrm();
        const v = this.getRM16();
        const s = this.reg & 3;
        this.sreg[s] = v;
        if (s === CS) this.csBase = v << 4;
        this.inhibit = 1;
        this.icount -= this.mod === 3 ? t.movSR : t.movSM;
        return;
      }
      case 0x8f: {
        this.modrm();
        const v = this.pop16();
        this.setRM16(v);
        this.icount -= this.mod === 3 ? t.popR : t.popM;
        return;
      }
      case 0x90: this.icount -= t.nop; return;
      case 0x91: case 0x92: case 0x93: case 0x94: case 0x95: case 0x96: case 0x97: {
        const v = r16[op & 7];
        r16[op & 7] = r16[AX];
        r16[AX] = v;
        this.icount -= t.xchgRA;
        return;
      }
      case 0x98: r16[AX] = ((r8[0] << 24) >> 24) & 0xffff; this.icount -= t.cbw; return;
      case 0x99:
        // 8086 microcode: one more clock when AX is negative (vectors 99)
        if (r16[AX] & 0x8000) { r16[DX] = 0xffff; this.icount -= t.cwd + (this.intel86 ? 1 : 0); }
        else { r16[DX] = 0; this.icount -= t.cwd; }
        return;
      case 0x9a: {
        const ip = this.fetch16();
        const cs = this.fetch16();
        this.push16(this.sreg[CS]);
        this.push16(this.ip);
        this.ip = ip;
        this.loadCs(cs);
        this.icount -= t.callFar;
        return;
      }
      case 0x9b: this.icount -= t.wait; return; // TEST pin inactive (no coprocessor): WAIT falls through
      case 0x9c: this.push16(this.flags); this.icount -= t.pushf; return;
      case 0x9d: this.flags = (this.pop16() & 0x0fd5) | this.flagsFixed; this.icount -= t.popf; return;
      case 0x9e: this.flags = (this.flags & 0xff00) | (r8[1] & 0xd5) | 0x02; this.icount -= t.sahf; return;
      case 0x9f: r8[1] = this.flags & 0xff; this.icount -= t.lahf; return;
      case 0xa0: r8[0] = this.rd8(this.dsBase(), this.fetch16()); this.icount -= t.movAM; return;
      case 0xa1: r16[AX] = this.rd16(this.dsBase(), this.fetch16()); this.icount -= t.movAM; return;
      case 0xa2: this.wr8(this.dsBase(), this.fetch16(), r8[0]); this.icount -= t.movMA; return;
      case 0xa3: this.wr16(this.dsBase(), this.fetch16(), r16[AX]); this.icount -= t.movMA; return;
      case 0xa4: case 0xa5: case 0xa6: case 0xa7: case 0xaa: case 0xab: case 0xac: case 0xad: case 0xae: case 0xaf:
        if (this.rep !== REP_NONE) this.repString(op); else this.string1(op);
        return;
      case 0xa8: this.alu8(4, r8[0], this.fetch8()); this.icount -= t.aluAI; return;
      case 0xa9: this.alu16(4, r16[AX], this.fetch16()); this.icount -= t.aluAI; return;
      case 0xb0: case 0xb1: case 0xb2: case 0xb3: case 0xb4: case 0xb5: case 0xb6: case 0xb7:
        r8[R8[op & 7]] = this.fetch8(); this.icount -= t.movRI; return;
      case 0xb8: case 0xb9: case 0xba: case 0xbb: case 0xbc: case 0xbd: case 0xbe: case 0xbf:
        r16[op & 7] = this.fetch16(); this.icount -= t.movRI; return;
      case 0xc0: case 0xc1:
        // 8086: aliases of C2/C3 (vectors: metadata "alias")
        if (this.intel86) { this.exec(op | 2); return; }
        this.exec186(op); return;
      case 0xc2: { const n = this.fetch16(); this.ip = this.pop16(); r16[SP] += n; this.icount -= t.retImm; return; }
      case 0xc3: this.ip = this.pop16(); this.icount -= t.ret; return;
      case 0xc4: case 0xc5: {
        this.modrm();
        // register forms are undefined (not covered by the vectors): treat like a memory operand at the last EA
        r16[this.reg] = this.mod === 3 ? this.rd16(this.eaSeg, this.eaOff) : this.getRM16();
        this.sreg[op === 0xc4 ? ES : DS] = this.getRM16Next();
        this.icount -= t.ldsLes;
        return;
      }
      case 0xc6: this.modrm(); this.setRM8(this.fetch8()); this.icount -= this.mod === 3 ? t.movRI : t.movMI; return;
      case 0xc7: this.modrm(); this.setRM16(this.fetch16()); this.icount -= this.mod === 3 ? t.movRI : t.movMI; return;
      case 0xc8: case 0xc9:
        if (this.intel86) { this.exec(op | 2); return; } // 8086: aliases of CA/CB
        this.exec186(op); return;
      case 0xca: {
        const n = this.fetch16();
        this.ip = this.pop16();
        this.loadCs(this.pop16());
        r16[SP] += n;
        this.icount -= t.retfImm;
        return;
      }
      case 0xcb: this.ip = this.pop16(); this.loadCs(this.pop16()); this.icount -= t.retf; return;
      case 0xcc: this.interrupt(3); this.icount -= t.int3; return;
      case 0xcd: { const v = this.fetch8(); this.interrupt(v); this.icount -= t.int; return; }
      case 0xce:
        if (this.flags & OF) { this.interrupt(4); this.icount -= t.intoTaken; } else this.icount -= t.intoNot;
        return;
      case 0xcf:
        this.ip = this.pop16();
        this.loadCs(this.pop16());
        this.flags = (this.pop16() & 0x0fd5) | this.flagsFixed;
        this.icount -= t.iret;
        return;
      case 0xd0: case 0xd1: case 0xd2: case 0xd3: {
        this.modrm();
        const count = op < 0xd2 ? 1 : this.shiftCount(r8[2]);
        if (op & 1) this.setRM16(this.shift(this.reg, this.getRM16(), count, 16));
        else this.setRM8(this.shift(this.reg, this.getRM8(), count, 8));
        if (op < 0xd2) this.icount -= this.mod === 3 ? t.shift1R : t.shift1M;
        else this.icount -= (this.mod === 3 ? t.shiftClR : t.shiftClM) + count * t.shiftPerBit;
        return;
      }
      case 0xd4: this.aam(this.fetch8()); return;
      case 0xd5: this.aad(this.fetch8()); return;
      case 0xd6:
        // SALC: AL = CF ? 0xff : 0 (undocumented on Intel parts, vectors D6; SETALC in MAME's nec core)
        r8[0] = this.flags & CF ? 0xff : 0;
        // 8086: one clock less when CF is clear (vectors D6)
        this.icount -= t.salc - (this.intel86 && (this.flags & CF) === 0 ? 1 : 0);
        return;
      case 0xd7: r8[0] = this.rd8(this.dsBase(), (r16[BX] + r8[0]) & 0xffff); this.icount -= t.xlat; return;
      case 0xd8: case 0xd9: case 0xda: case 0xdb: case 0xdc: case 0xdd: case 0xde: case 0xdf:
        // ESC without a coprocessor: the EA is computed and (for memory forms) a word read and dropped
        this.modrm();
        if (this.mod !== 3) { this.rd16(this.eaSeg, this.eaOff); this.icount -= t.escM; } else this.icount -= t.escR;
        return;
      case 0xe0: case 0xe1: case 0xe2: {
        const d = (this.fetch8() << 24) >> 24;
        const cx = (r16[CX] - 1) & 0xffff;
        r16[CX] = cx;
        const z = this.flags & ZF;
        const take = cx !== 0 && (op === 0xe2 || (op === 0xe1 ? z !== 0 : z === 0));
        if (take) this.ip = (this.ip + d) & 0xffff;
        this.icount -= op === 0xe2 ? (take ? t.loopTaken : t.loopNot)
          : op === 0xe1 ? (take ? t.loopeTaken : t.loopeNot) : (take ? t.loopneTaken : t.loopneNot);
        return;
      }
      case 0xe3: {
        const d = (this.fetch8() << 24) >> 24;
        if (r16[CX] === 0) { this.ip = (this.ip + d) & 0xffff; this.icount -= t.jcxzTaken; } else this.icount -= t.jcxzNot;
        return;
      }
      case 0xe4: r8[0] = this.io.read8(this.fetch8()); this.icount -= t.inFixed; return;
      case 0xe5: r16[AX] = this.inWord(this.fetch8()); this.icount -= t.inFixed; return;
      case 0xe6: this.io.write8(this.fetch8(), r8[0]); this.icount -= t.outFixed; return;
      case 0xe7: this.outWord(this.fetch8(), r16[AX]); this.icount -= t.outFixed; return;
      case 0xe8: {
        const d = this.fetch16();
        this.push16(this.ip);
        this.ip = (this.ip + d) & 0xffff;
        this.icount -= t.callNear;
        return;
      }
      case 0xe9: { const d = this.fetch16(); this.ip = (this.ip + d) & 0xffff; this.icount -= t.jmpNear; return; }
      case 0xea: { const ip = this.fetch16(); const cs = this.fetch16(); this.ip = ip; this.loadCs(cs); this.icount -= t.jmpFar; return; }
      case 0xeb: { const d = (this.fetch8() << 24) >> 24; this.ip = (this.ip + d) & 0xffff; this.icount -= t.jmpShort; return; }
      case 0xec: r8[0] = this.io.read8(r16[DX]); this.icount -= t.inDx; return;
      case 0xed: r16[AX] = this.inWord(r16[DX]); this.icount -= t.inDx; return;
      case 0xee: this.io.write8(r16[DX], r8[0]); this.icount -= t.outDx; return;
      case 0xef: this.outWord(r16[DX], r16[AX]); this.icount -= t.outDx; return;
      case 0xf4: this.halted = 1; this.icount -= t.hlt; return;
      case 0xf5: this.flags ^= CF; this.icount -= t.flagOp; return;
      case 0xf6: this.grp3_8(); return;
      case 0xf7: this.grp3_16(); return;
      case 0xf8: this.flags &= ~CF; this.icount -= t.flagOp; return;
      case 0xf9: this.flags |= CF; this.icount -= t.flagOp; return;
      case 0xfa: this.flags &= ~IF; this.icount -= t.flagOp; return;
      case 0xfb: this.flags |= IF; this.icount -= t.flagOp; return;
      case 0xfc: this.flags &= ~DF; this.icount -= t.flagOp; return;
      case 0xfd: this.flags |= DF; this.icount -= t.flagOp; return;
      case 0xfe: this.grp4(); return;
      case 0xff: this.grp5(); return;
      default:
        // 0x26/0x2e/0x36/0x3e/0xf0-0xf3 only arrive here when the prefix table omits them (never),
        // and NEC 0x64/0x65; 0xf1 on non-Intel-8086 parts
        this.invalidOpcode();
    }
  }

  private shiftCount(cl: number): number {
    // 80186 masks the count to 5 bits (Intel 80186 data sheet); the 8086 and the V30 do not
    // (vectors for the 8086; MAME's nec core loops over the full CL)
    return this.ext186 && !this.nec ? cl & 0x1f : cl;
  }

  private aluRmR8(op: number): void {
    this.modrm();
    const s = this.r8[R8[this.reg]];
    if (this.mod === 3) {
      const d = R8[this.rm];
      const v = this.alu8(op, this.r8[d], s);
      if (op !== 7) this.r8[d] = v;
      this.icount -= this.t.aluRR;
    } else {
      const v = this.alu8(op, this.rd8(this.eaSeg, this.eaOff), s);
      if (op !== 7) { this.wr8(this.eaSeg, this.eaOff, v); this.icount -= this.t.aluMR; } else this.icount -= this.t.cmpMR;
    }
  }

  private aluRmR16(op: number): void {
    this.modrm();
    const s = this.r16[this.reg];
    if (this.mod === 3) {
      const v = this.alu16(op, this.r16[this.rm], s);
      if (op !== 7) this.r16[this.rm] = v;
      this.icount -= this.t.aluRR;
    } else {
      const v = this.alu16(op, this.rd16(this.eaSeg, this.eaOff), s);
      if (op !== 7) { this.wr16(this.eaSeg, this.eaOff, v); this.icount -= this.t.aluMR; } else this.icount -= this.t.cmpMR;
    }
  }

  /** Condition codes 0-15 in Jcc order (O NO B AE E NE BE A S NS P NP L GE LE G). */
  cond(cc: number): boolean {
    const f = this.flags;
    let r: boolean;
    switch (cc >> 1) {
      case 0: r = (f & OF) !== 0; break;
      case 1: r = (f & CF) !== 0; break;
      case 2: r = (f & ZF) !== 0; break;
      case 3: r = (f & (CF | ZF)) !== 0; break;
      case 4: r = (f & SF) !== 0; break;
      case 5: r = (f & PF) !== 0; break;
      case 6: r = ((f & SF) !== 0) !== ((f & OF) !== 0); break;
      default: r = (f & ZF) !== 0 || ((f & SF) !== 0) !== ((f & OF) !== 0); break;
    }
    return (cc & 1) === 0 ? r : !r;
  }

  private jcc(cc: number): void {
    const d = (this.fetch8() << 24) >> 24;
    if (this.cond(cc)) { this.ip = (this.ip + d) & 0xffff; this.icount -= this.t.jccTaken; }
    else this.icount -= this.t.jccNot;
  }

  inWord(port: number): number {
    this.icount -= this.busWord + (port & 1) * this.busOdd;
    return this.io.read8(port) | (this.io.read8((port + 1) & 0xffff) << 8);
  }

  outWord(port: number, v: number): void {
    this.icount -= this.busWord + (port & 1) * this.busOdd;
    this.io.write8(port, v & 0xff);
    this.io.write8((port + 1) & 0xffff, v >> 8);
  }

  // ---- strings ----------------------------------------------------------------------------------

  /** One iteration of a string instruction (no REP). */
  string1(op: number): void {
    const t = this.t;
    switch (op) {
      case 0xa4: this.movs(1); this.icount -= t.movs; return;
      case 0xa5: this.movs(2); this.icount -= t.movs; return;
      case 0xa6: this.cmps(1); this.icount -= t.cmps; return;
      case 0xa7: this.cmps(2); this.icount -= t.cmps; return;
      case 0xaa: this.stos(1); this.icount -= t.stos; return;
      case 0xab: this.stos(2); this.icount -= t.stos; return;
      case 0xac: this.lods(1); this.icount -= t.lods; return;
      case 0xad: this.lods(2); this.icount -= t.lods; return;
      case 0xae: this.scas(1); this.icount -= t.scas; return;
      case 0xaf: this.scas(2); this.icount -= t.scas; return;
      case 0x6c: this.ins(1); this.icount -= t.ins; return;
      case 0x6d: this.ins(2); this.icount -= t.ins; return;
      case 0x6e: this.outs(1); this.icount -= t.outs; return;
      default: this.outs(2); this.icount -= t.outs; return;
    }
  }

  /**
   * REP-prefixed string op: iterates while CX != 0 (and the Z/C condition for CMPS/SCAS or REPC/REPNC)
   * until the cycle budget runs out or an interrupt is pending; then IP goes back to the first prefix
   * so the instruction resumes (Intel: string instructions are interruptible between iterations).
   */
  private repString(op: number): void {
    const t = this.t;
    let base: number, per: number;
    switch (op) {
      case 0xa4: case 0xa5: base = t.movsRep; per = t.movsPer; break;
      case 0xa6: case 0xa7: base = t.cmpsRep; per = t.cmpsPer; break;
      case 0xaa: case 0xab: base = t.stosRep; per = t.stosPer; break;
      case 0xac: case 0xad: base = t.lodsRep; per = t.lodsPer; break;
      case 0xae: case 0xaf: base = t.scasRep; per = t.scasPer; break;
      case 0x6c: case 0x6d: base = t.insRep; per = t.insPer; break;
      default: base = t.outsRep; per = t.outsPer; break;
    }
    if (this.resuming === 0) this.icount -= base;
    // 8086 microcode: a REP with CX = 0 skips 2 clocks of the set-up (vectors A4-AF with CX = 0)
    if (this.intel86 && this.resuming === 0 && this.r16[CX] === 0) this.icount += 2;
    const compares = op === 0xa6 || op === 0xa7 || op === 0xae || op === 0xaf;
    const rep = this.rep;
    const r16 = this.r16;
    while (r16[CX] !== 0) {
      switch (op) {
        case 0xa4: this.movs(1); break;
        case 0xa5: this.movs(2); break;
        case 0xa6: this.cmps(1); break;
        case 0xa7: this.cmps(2); break;
        case 0xaa: this.stos(1); break;
        case 0xab: this.stos(2); break;
        case 0xac: this.lods(1); break;
        case 0xad: this.lods(2); break;
        case 0xae: this.scas(1); break;
        case 0xaf: this.scas(2); break;
        case 0x6c: this.ins(1); break;
        case 0x6d: this.ins(2); break;
        case 0x6e: this.outs(1); break;
        default: this.outs(2); break;
      }
      r16[CX]--;
      this.icount -= per;
      if (rep >= REP_C) {
        // NEC REPC/REPNC test CY after every iteration, for every string op (MAME nec; V20/V30 manual)
        const c = this.flags & CF;
        if (rep === REP_C ? c === 0 : c !== 0) return;
      } else if (compares) {
        const z = this.flags & ZF;
        // 8086: leaving on the Z condition with CX left is 1 clock shorter than running CX out (vectors A6/A7/AE/AF)
        if (rep === REP_Z ? z === 0 : z !== 0) { if (this.intel86 && r16[CX] !== 0) this.icount++; return; }
      }
      if (r16[CX] === 0) return;
      this.instructions++;
      if (this.icount <= 0 || (this.nmiPending | (this.irqLine & (this.flags >> 9))) !== 0) {
        this.repResume = 1;
        this.ip = this.insStart;
        if (this.intel86 && (this.nmiPending | (this.irqLine & (this.flags >> 9))) !== 0) {
          // 8086/8088: the return address of an interrupted string op is the last prefix byte, so
          // earlier prefixes (a segment override before REP) are lost (Intel 8086 User's Manual,
          // string instructions note; the well-known "multiple prefix" errata)
          this.ip = (this.opAddrFromStart() - 1) & 0xffff;
          this.repResume = 0;
        }
        return;
      }
    }
  }

  /** Offset of the opcode byte of the current instruction (IP is past it during execution). */
  private opAddrFromStart(): number {
    let a = this.insStart;
    while (this.prefixTable[this.program.read8(this.csBase + a)] !== 0) a = (a + 1) & 0xffff;
    return a;
  }

  private delta(size: number): number {
    return this.flags & DF ? -size : size;
  }

  private movs(size: number): void {
    const r16 = this.r16, src = this.dsBase(), dst = this.sreg[ES] << 4;
    if (size === 1) this.wr8(dst, r16[DI], this.rd8(src, r16[SI]));
    else this.wr16(dst, r16[DI], this.rd16(src, r16[SI]));
    const d = this.delta(size);
    r16[SI] += d;
    r16[DI] += d;
  }

  private cmps(size: number): void {
    const r16 = this.r16, src = this.dsBase(), dst = this.sreg[ES] << 4;
    if (size === 1) this.sub8(this.rd8(src, r16[SI]), this.rd8(dst, r16[DI]), 0);
    else this.sub16(this.rd16(src, r16[SI]), this.rd16(dst, r16[DI]), 0);
    const d = this.delta(size);
    r16[SI] += d;
    r16[DI] += d;
  }

  private stos(size: number): void {
    const r16 = this.r16, dst = this.sreg[ES] << 4;
    if (size === 1) this.wr8(dst, r16[DI], this.r8[0]);
    else this.wr16(dst, r16[DI], r16[AX]);
    r16[DI] += this.delta(size);
  }

  private lods(size: number): void {
    const r16 = this.r16, src = this.dsBase();
    if (size === 1) this.r8[0] = this.rd8(src, r16[SI]);
    else r16[AX] = this.rd16(src, r16[SI]);
    r16[SI] += this.delta(size);
  }

  private scas(size: number): void {
    const r16 = this.r16, dst = this.sreg[ES] << 4;
    if (size === 1) this.sub8(this.r8[0], this.rd8(dst, r16[DI]), 0);
    else this.sub16(r16[AX], this.rd16(dst, r16[DI]), 0);
    r16[DI] += this.delta(size);
  }

  private ins(size: number): void {
    const r16 = this.r16, dst = this.sreg[ES] << 4;
    if (size === 1) this.wr8(dst, r16[DI], this.io.read8(r16[DX]));
    else this.wr16(dst, r16[DI], this.inWord(r16[DX]));
    r16[DI] += this.delta(size);
  }

  private outs(size: number): void {
    const r16 = this.r16, src = this.dsBase();
    if (size === 1) this.io.write8(r16[DX], this.rd8(src, r16[SI]));
    else this.outWord(r16[DX], this.rd16(src, r16[SI]));
    r16[SI] += this.delta(size);
  }

  // ---- BCD adjust -------------------------------------------------------------------------------

  /**
   * DAA/DAS as the 8086 does them (vectors 27/2F: the second test uses 0x9f when AF was set, 0x99
   * otherwise; OF undefined and masked). The same rule is used for all variants.
   */
  private daa(): void {
    const al = this.r8[0], f = this.flags;
    const af = f & AF, cf = f & CF;
    let v = al, nf = f & ~(CF | AF);
    if ((al & 0x0f) > 9 || af) { v += 6; nf |= AF; }
    if (al > (af ? 0x9f : 0x99) || cf) { v += 0x60; nf |= CF; }
    v &= 0xff;
    this.r8[0] = v;
    this.flags = (nf & ~(SF | ZF | PF | OF)) | SZP8[v] | ((~al & v & 0x80) << 4);
    this.icount -= this.t.daa;
  }

  private das(): void {
    const al = this.r8[0], f = this.flags;
    const af = f & AF, cf = f & CF;
    let v = al, nf = f & ~(CF | AF);
    if ((al & 0x0f) > 9 || af) { v -= 6; nf |= AF; }
    if (al > (af ? 0x9f : 0x99) || cf) { v -= 0x60; nf |= CF; }
    v &= 0xff;
    this.r8[0] = v;
    this.flags = (nf & ~(SF | ZF | PF | OF)) | SZP8[v] | ((al & ~v & 0x80) << 4);
    this.icount -= this.t.daa;
  }

  /** AAA/AAS: the 8086 adjusts AL and AH separately (no carry from AL into AH, unlike the 286). */
  private aaa(): void {
    const r8 = this.r8;
    if ((r8[0] & 0x0f) > 9 || (this.flags & AF)) {
      r8[0] = (r8[0] + 6) & 0x0f;
      r8[1] = r8[1] + 1;
      this.flags |= AF | CF;
    } else {
      r8[0] &= 0x0f;
      this.flags &= ~(AF | CF);
      if (this.intel86) this.icount--; // 8086 microcode: the no-adjust path is 1 clock longer (vectors 37/3F)
    }
    this.flags = (this.flags & ~(SF | ZF | PF)) | SZP8[r8[0]];
    this.icount -= this.t.aaa;
  }

  private aas(): void {
    const r8 = this.r8;
    if ((r8[0] & 0x0f) > 9 || (this.flags & AF)) {
      r8[0] = (r8[0] - 6) & 0x0f;
      r8[1] = r8[1] - 1;
      this.flags |= AF | CF;
    } else {
      r8[0] &= 0x0f;
      this.flags &= ~(AF | CF);
      if (this.intel86) this.icount--; // 8086 microcode: the no-adjust path is 1 clock longer (vectors 37/3F)
    }
    this.flags = (this.flags & ~(SF | ZF | PF)) | SZP8[r8[0]];
    this.icount -= this.t.aaa;
  }

  /** AAM imm8 (NEC parts always divide by 10: V20/V30 manual, MAME nec); base 0 → divide error. */
  private aam(base: number): void {
    if (this.nec) base = 10;
    if (this.intel86) {
      // the 8086 runs AAM through the CORD division loop (AH:AL = 0:AL / base)
      const clk = this.cord(0, this.r8[0], base, 8);
      this.icount -= clk < 0 ? AAM_BASE_8086 - clk + DIV_ERR_8086 : AAM_BASE_8086 + clk;
    } else this.icount -= this.t.aam;
    if (base === 0) { this.divideError(); return; }
    const al = this.r8[0];
    this.r8[1] = (al / base) | 0;
    this.r8[0] = al % base;
    this.flags = (this.flags & ~(SF | ZF | PF)) | SZP8[this.r8[0]];
  }

  private aad(base: number): void {
    if (this.nec) base = 10;
    const v = (this.r8[0] + this.r8[1] * base) & 0xff;
    // flags as an 8-bit ADD of AL and AH*base (vectors D5: o, a, c undefined and masked)
    this.add8(this.r8[0], (this.r8[1] * base) & 0xff, 0);
    this.r16[AX] = v;
    // the 8086 runs AAD through the CORX multiply loop: one extra clock per 1 bit of the multiplier
    this.icount -= this.intel86 ? AAD_BASE_8086 + popcount(base) : this.t.aad;
  }

  // ---- group 3/4/5 ------------------------------------------------------------------------------

  private grp3_8(): void {
    this.modrm();
    const t = this.t, mem = this.mod !== 3;
    const v = this.getRM8();
    const r8 = this.r8;
    switch (this.reg) {
      case 0: case 1: // TEST (1 is an undocumented alias on the 8086; vectors F6.1)
        this.alu8(4, v, this.fetch8()); this.icount -= mem ? t.testMI : t.testRI; return;
      case 2: this.setRM8(~v & 0xff); this.icount -= mem ? t.negM : t.negR; return;
      case 3: this.setRM8(this.sub8(0, v, 0)); this.icount -= mem ? t.negM : t.negR; return;
      case 4: {
        const a = r8[0];
        const p = a * v;
        this.r16[AX] = p;
        this.mulFlags(p > 0xff, p & 0xff);
        this.icount -= this.intel86 ? this.mulClocks(a, v, 8, false, p > 0xff) + (mem ? MUL_MEM_8086 : 0)
          : t.mulR8 + (mem ? t.mulMemExtra : 0);
        return;
      }
      case 5: {
        const a = r8[0];
        let p = ((a << 24) >> 24) * ((v << 24) >> 24);
        if (this.intel86 && this.rep !== REP_NONE) p = -p; // 8086 microcode: REP prefix negates (as IDIV)
        this.r16[AX] = p & 0xffff;
        this.mulFlags(p !== ((p << 24) >> 24), p & 0xff);
        this.icount -= this.intel86 ? this.mulClocks(a, v, 8, true, p !== ((p << 24) >> 24)) + (mem ? MUL_MEM_8086 : 0)
          : t.imulR8 + (mem ? t.mulMemExtra : 0);
        return;
      }
      case 6: {
        const n = this.r16[AX];
        if (this.intel86) {
          // CORD first subtracts the divisor from AH; no borrow means the quotient cannot fit (divisor 0
          // included), and the flags of that subtraction are what INT 0 pushes (vectors F6.6)
          const clk = this.cord(r8[1], r8[0], v, 8);
          this.icount -= (mem ? DIV_MEM_8086 : 0) + (clk < 0 ? DIV_BASE_8086 + 5 - clk + DIV_ERR_8086 : DIV_BASE_8086 + 7 + clk);
          if (clk < 0) { this.divideError(); return; }
        } else {
          this.icount -= t.divR8 + (mem ? t.mulMemExtra : 0);
          if (r8[1] >= v) { this.divideError(); return; }
        }
        const q = (n / v) | 0;
        r8[0] = q;
        r8[1] = n % v;
        return;
      }
      default: {
        if (this.intel86) { this.idiv8086(this.r16[AX], v, 8, mem); return; }
        this.icount -= t.idivR8 + (mem ? t.mulMemExtra : 0);
        const n = (this.r16[AX] << 16) >> 16, d = (v << 24) >> 24;
        if (d === 0) { this.divideError(); return; }
        const q = (n / d) | 0;
        if (q > 127 || q < -128) { this.divideError(); return; }
        r8[0] = q & 0xff;
        r8[1] = (n % d) & 0xff;
        return;
      }
    }
  }

  private grp3_16(): void {
    this.modrm();
    const t = this.t, mem = this.mod !== 3;
    const v = this.getRM16();
    const r16 = this.r16;
    switch (this.reg) {
      case 0: case 1:
        this.alu16(4, v, this.fetch16()); this.icount -= mem ? t.testMI : t.testRI; return;
      case 2: this.setRM16(~v & 0xffff); this.icount -= mem ? t.negM : t.negR; return;
      case 3: this.setRM16(this.sub16(0, v, 0)); this.icount -= mem ? t.negM : t.negR; return;
      case 4: {
        const a = r16[AX];
        const p = a * v;
        r16[AX] = p;
        const hi = Math.floor(p / 0x10000);
        r16[DX] = hi;
        this.mulFlags(hi !== 0, p & 0xffff);
        this.icount -= this.intel86 ? this.mulClocks(a, v, 16, false, hi !== 0) + (mem ? MUL_MEM_8086 : 0)
          : t.mulR16 + (mem ? t.mulMemExtra : 0);
        return;
      }
      case 5: {
        const a = r16[AX];
        let p = Math.imul((a << 16) >> 16, (v << 16) >> 16);
        if (this.intel86 && this.rep !== REP_NONE) p = -p | 0;
        r16[AX] = p;
        r16[DX] = p >> 16;
        this.mulFlags(p !== ((p << 16) >> 16), p & 0xffff);
        this.icount -= this.intel86 ? this.mulClocks(a, v, 16, true, p !== ((p << 16) >> 16)) + (mem ? MUL_MEM_8086 : 0)
          : t.imulR16 + (mem ? t.mulMemExtra : 0);
        return;
      }
      case 6: {
        if (this.intel86) {
          const clk = this.cord(r16[DX], r16[AX], v, 16);
          this.icount -= (mem ? DIV_MEM_8086 : 0) + (clk < 0 ? DIV_BASE_8086 + 5 - clk + DIV_ERR_8086 : DIV_BASE_8086 + 7 + clk);
          if (clk < 0) { this.divideError(); return; }
        } else {
          this.icount -= t.divR16 + (mem ? t.mulMemExtra : 0);
          if (r16[DX] >= v) { this.divideError(); return; }
        }
        const n = r16[DX] * 0x10000 + r16[AX];
        const q = Math.floor(n / v);
        r16[AX] = q;
        r16[DX] = n % v;
        return;
      }
      default: {
        if (this.intel86) { this.idiv8086(r16[DX] * 0x10000 + r16[AX], v, 16, mem); return; }
        this.icount -= t.idivR16 + (mem ? t.mulMemExtra : 0);
        const n = (r16[DX] << 16) | r16[AX], d = (v << 16) >> 16;
        if (d === 0) { this.divideError(); return; }
        const q = Math.trunc(n / d);
        if (q > 32767 || q < -32768) { this.divideError(); return; }
        r16[AX] = q & 0xffff;
        r16[DX] = (n % d) & 0xffff;
        return;
      }
    }
  }

  /**
   * IDIV as the 8086 microcode does it (Ken Shirriff's analysis of the 8086 division microcode; the
   * vectors F6.7/F7.7 confirm every case): both operands are made positive (PREIDIV), the unsigned
   * CORD loop divides, and POSTIDIV rejects a quotient with its top bit set (so -128/-32768 fault),
   * then applies the signs. A REP prefix flips the internal sign flag, negating the quotient. The flags
   * pushed by a divide error are those of CORD's last flag-setting subtraction.
   */
  private idiv8086(dividend: number, divisor: number, bits: number, mem: boolean): void {
    const mask = bits === 8 ? 0xff : 0xffff, top = bits === 8 ? 0x80 : 0x8000, span = mask + 1;
    const dividendNeg = dividend >= top * span;
    const divisorNeg = (divisor & top) !== 0;
    const n = dividendNeg ? span * span - dividend : dividend;
    const d = divisorNeg ? (span - divisor) & mask : divisor;
    const hi = Math.floor(n / span), lo = n % span;
    const neg = (dividendNeg ? 1 : 0) ^ (divisorNeg ? 1 : 0) ^ (this.rep !== REP_NONE ? 1 : 0);
    // PREIDIV: NEGATE entered at the top for a negative dividend, else at its divisor test
    let clk = DIV_BASE_8086 + (mem ? DIV_MEM_8086 : 0) + 6 + (dividendNeg ? 8 : 4) + (divisorNeg ? 2 : 3) + 2;
    const cord = this.cord(hi, lo, d, bits);
    if (cord < 0) { this.icount -= clk - cord + DIV_ERR_8086; this.divideError(); return; }
    clk += cord + 2 + 2;
    const q = Math.floor(n / d), r = n % d;
    if (q & top) {
      // POSTIDIV: a quotient with its top bit set does not fit; CF comes from CORD's final rotate
      this.icount -= clk + 1 + DIV_ERR_8086;
      this.flags &= ~CF;
      this.divideError();
      return;
    }
    this.icount -= clk + 3 + 1 + 2 + 1 + 2;
    this.flags &= ~(CF | OF);
    const qs = neg ? (span - q) & mask : q;
    const rs = dividendNeg ? (span - r) & mask : r;
    if (bits === 8) { this.r8[0] = qs; this.r8[1] = rs; } else { this.r16[AX] = qs; this.r16[DX] = rs; }
  }

  /**
   * Clocks of the 8086 multiply microcode: the CORX shift-and-add loop costs 6 clocks per bit plus one
   * per 1 bit of the (absolute) accumulator operand; the signed form adds the PREIMUL sign handling,
   * an optional NEGATE (negative result, or REP) and the IMULCOF range test. Line-by-line costs follow
   * Ken Shirriff's reading of the 8086 microcode; the fixed overhead is fitted to the vectors (F6.4-F7.5).
   */
  private mulClocks(a: number, b: number, bits: number, signed: boolean, wide: boolean): number {
    const top = bits === 8 ? 0x80 : 0x8000, mask = bits === 8 ? 0xff : 0xffff;
    let c = MUL_BASE_8086 + bits * 6 - 1;
    if (!signed) return c + popcount(a & mask) + 6 + (wide ? 3 : 4);
    const aNeg = (a & top) !== 0, bNeg = (b & top) !== 0;
    const aa = aNeg ? (-a & mask) : a, bb = bNeg ? (-b & mask) : b;
    c += popcount(aa);
    c += 3 + (aNeg ? 3 : 1) + 3 + (bNeg ? 2 : 3); // PREIMUL and NEGATE entered at the divisor test
    if (aNeg !== bNeg !== (this.rep !== REP_NONE)) c += 1 + 5 + 3 + ((bb & top) !== 0 ? 2 : 3); // NEGATE product
    return c + 1 + 3 + (wide ? 3 : 4) + 2; // IMULCOF
  }

  /**
   * Runs the 8086 CORD division loop on tmpa:tmpc / tmpb for its clock count (per-line costs as in
   * Ken Shirriff's microcode analysis) and leaves the flags of its last flag-setting subtraction.
   * Returns -clocks when the first subtraction shows the quotient cannot fit (divide error).
   */
  private cord(a: number, c: number, b: number, bits: number): number {
    const mask = bits === 8 ? 0xff : 0xffff, shift = bits - 1;
    let clk = 3;
    if (bits === 8) this.sub8(a, b, 0); else this.sub16(a, b, 0);
    if (a >= b) return -(clk + 1);
    let carry = 1;
    for (let i = bits; i > 0; i--) {
      clk += 4;
      const cOut = (c >> shift) & 1;
      c = ((c << 1) | carry) & mask;
      const aOut = (a >> shift) & 1;
      a = ((a << 1) | cOut) & mask;
      if (aOut) { a = (a - b) & mask; carry = 0; clk += 3 + (i > 1 ? 1 : 2); continue; }
      if (bits === 8) this.sub8(a, b, 0); else this.sub16(a, b, 0);
      clk += 2;
      carry = a < b ? 1 : 0;
      if (!carry) { a = (a - b) & mask; clk += 2 + (i > 1 ? 1 : 2); } else clk += 1 + (i > 1 ? 1 : 0);
    }
    return clk + 4;
  }

  /** MUL/IMUL: CF = OF = upper half significant; S, Z, P, A undefined (set from the low half here). */
  private mulFlags(wide: boolean, low: number): void {
    this.flags = (this.flags & ~ARITH) | (wide ? CF | OF : 0) | (low === 0 ? ZF : 0) | PAR[low & 0xff];
  }

  /**
   * Divide error (type 0). The 8086/8088 push the address of the next instruction; the 80186 and NEC
   * parts push the address of the DIV itself so it can be restarted (80C186 data sheet "divide error
   * exception"; guess for the V30, as MAME's nec core does).
   */
  divideError(): void {
    if (!this.intel86) this.ip = this.insStart;
    this.interrupt(0);
    this.icount -= this.t.int;
  }

  private grp4(): void {
    this.modrm();
    const t = this.t;
    switch (this.reg) {
      case 0: this.setRM8(this.inc8(this.getRM8())); break;
      case 1: this.setRM8(this.dec8(this.getRM8())); break;
      default:
        // FE /2-/7 are undefined (no vectors): the 8086 runs the FF row on a byte operand; modelled
        // for /2-/6 as the word forms, /7 as /6.
        if (!this.intel86) { this.invalidOpcode(); return; }
        this.grp5Op(this.reg === 7 ? 6 : this.reg, this.getRM8() | 0xff00);
        return;
    }
    this.icount -= this.mod === 3 ? t.incR8 : t.incM;
  }

  private grp5(): void {
    this.modrm();
    const reg = this.reg;
    if (reg === 3 || reg === 5) { this.grp5Op(reg, 0); return; } // far forms read their own operand
    this.grp5Op(reg === 7 && this.intel86 ? 6 : reg, this.getRM16());
  }

  private grp5Op(reg: number, v: number): void {
    const t = this.t, mem = this.mod !== 3;
    switch (reg) {
      case 0: this.setRM16(this.inc16(v)); this.icount -= mem ? t.incM : t.incR16; return;
      case 1: this.setRM16(this.dec16(v)); this.icount -= mem ? t.incM : t.incR16; return;
      case 2: this.push16(this.ip); this.ip = v; this.icount -= mem ? t.callM : t.callR; return;
      case 3: {
        // CALL FAR m16:16 (a register operand is undefined: uses the last EA, not covered by vectors)
        const ip = this.rd16(this.eaSeg, this.eaOff);
        const cs = this.getRM16Next();
        this.push16(this.sreg[CS]);
        this.push16(this.ip);
        this.ip = ip;
        this.loadCs(cs);
        this.icount -= t.callMFar;
        return;
      }
      case 4: this.ip = v; this.icount -= mem ? t.jmpM : t.jmpR; return;
      case 5: {
        const ip = this.rd16(this.eaSeg, this.eaOff);
        const cs = this.getRM16Next();
        this.ip = ip;
        this.loadCs(cs);
        this.icount -= t.jmpMFar;
        return;
      }
      case 6: {
        // PUSH r/m; PUSH SP via FF /6 pushes the decremented value like 0x54
        const sp = (this.r16[SP] - 2) & 0xffff;
        this.r16[SP] = sp;
        this.wr16(this.sreg[SS] << 4, sp, this.mod === 3 && this.rm === SP ? sp : v);
        this.icount -= mem ? t.pushM : t.pushR;
        return;
      }
      default: this.invalidOpcode(); return;
    }
  }

  // ---- 80186 / V30 additions --------------------------------------------------------------------

  /** 0x60-0x6f, 0xc0/0xc1, 0xc8/0xc9 on the 80186 and NEC parts (Intel 80186 data sheet; NEC V20/V30 manual). */
  private exec186(op: number): void {
    const r16 = this.r16, t = this.t;
    switch (op) {
      case 0x60: { // PUSHA: AX CX DX BX SP(original) BP SI DI
        const sp = r16[SP];
        for (let i = 0; i < 8; i++) this.push16(i === SP ? sp : r16[i]);
        this.icount -= t.pusha;
        return;
      }
      case 0x61: // POPA: the stored SP is skipped
        for (let i = 7; i >= 0; i--) { const v = this.pop16(); if (i !== SP) r16[i] = v; }
        this.icount -= t.popa;
        return;
      case 0x62: { // BOUND reg, m16&16: INT 5 unless low <= reg <= high (signed)
        this.modrm();
        const lo = (this.getRM16() << 16) >> 16;
        const hi = (this.getRM16Next() << 16) >> 16;
        const v = (r16[this.reg] << 16) >> 16;
        this.icount -= t.bound;
        if (v < lo || v > hi) {
          // the return address points at BOUND itself (80186 data sheet: "array bounds exception")
          this.ip = this.insStart;
          this.interrupt(5);
          this.icount -= t.int;
        }
        return;
      }
      case 0x68: this.push16(this.fetch16()); this.icount -= t.pushImm; return;
      case 0x6a: this.push16(((this.fetch8() << 24) >> 24) & 0xffff); this.icount -= t.pushImm8; return;
      case 0x69: case 0x6b: { // IMUL reg, r/m, imm: CF = OF = product does not fit 16 bits
        this.modrm();
        const a = (this.getRM16() << 16) >> 16;
        const b = op === 0x69 ? (this.fetch16() << 16) >> 16 : (this.fetch8() << 24) >> 24;
        const p = Math.imul(a, b);
        r16[this.reg] = p;
        this.mulFlags(p !== ((p << 16) >> 16), p & 0xffff);
        if (op === 0x69) this.icount -= this.mod === 3 ? t.imulImm16R : t.imulImm16M;
        else this.icount -= this.mod === 3 ? t.imulImmR : t.imulImmM;
        return;
      }
      case 0x6c: case 0x6d: case 0x6e: case 0x6f:
        if (this.rep !== REP_NONE) this.repString(op); else this.string1(op);
        return;
      case 0xc0: case 0xc1: {
        this.modrm();
        const count = this.shiftCount(this.fetch8());
        if (op & 1) this.setRM16(this.shift(this.reg, this.getRM16(), count, 16));
        else this.setRM8(this.shift(this.reg, this.getRM8(), count, 8));
        this.icount -= (this.mod === 3 ? t.shiftImmR : t.shiftImmM) + count * t.shiftPerBit;
        return;
      }
      case 0xc8: { // ENTER imm16, imm8 (Intel 80186 data sheet algorithm; level taken mod 32)
        const size = this.fetch16();
        const level = this.fetch8() & 0x1f;
        this.push16(r16[BP]);
        const frame = r16[SP];
        const ss = this.sreg[SS] << 4;
        if (level > 0) {
          let bp = r16[BP];
          for (let i = 1; i < level; i++) {
            bp = (bp - 2) & 0xffff;
            this.push16(this.rd16(ss, bp));
            this.icount -= t.enterPerLevel;
          }
          this.push16(frame);
        }
        r16[BP] = frame;
        r16[SP] = r16[SP] - size;
        this.icount -= t.enter;
        return;
      }
      case 0xc9: // LEAVE
        r16[SP] = r16[BP];
        r16[BP] = this.pop16();
        this.icount -= t.leave;
        return;
      default:
        this.invalidOpcode();
    }
  }

  /**
   * Undefined opcodes: the 80186/80188 raise the unused-opcode exception (type 6, return address at
   * the opcode; Intel 80186 data sheet); NEC parts execute them as a no-operation (MAME nec
   * `i_invalid`, 10 clocks); on the 8086 every opcode does something, so this is unreachable there.
   */
  invalidOpcode(): void {
    if (this.ext186 && !this.nec) {
      this.ip = this.insStart;
      this.interrupt(6);
      this.icount -= this.t.int;
      return;
    }
    this.icount -= this.t.invalid;
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
