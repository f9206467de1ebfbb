/**
 * What the generated instruction code (z80.gen.ts) calls: bus access through the program space's page
 * tables, the stack, the ALU with its flags (including the undocumented X/Y bits, Q and WZ), and the
 * ED page's block and I/O instructions. Flag rules: Sean Young, "The Undocumented Z80 Documented";
 * WZ: boo_boo & V. Kladov, "MEMPTR, esoteric register of the Z80"; SCF/CCF: Patrik Rak; repeating block
 * instructions: David Banks (2018). The SingleStepTests/z80 vectors confirm every rule.
 */
import { Z80State } from './z80.state';

// The flag constants and tables are module-private on purpose: V8 folds a non-exported module `const`
// into optimized code, but loads and checks an exported or imported binding at every use (measured on
// the peer benchmark: several % of the run loop). The generated code writes the flag bits as literals.

// F register bits (Zilog names; X and Y are the undocumented bits 3 and 5, Young §4.1).
const FC = 0x01, FN = 0x02, FPV = 0x04, FX = 0x08, FH = 0x10, FY = 0x20, FZ = 0x40, FS = 0x80;
const FXY = FX | FY;

/** S, Z and the X/Y copies of a result byte. */
const SZ = new Uint8Array(256);
/** SZ plus even parity in P/V. */
const SZP = new Uint8Array(256);
/** Flags (without C) after INC produced the byte: H on a carry out of bit 3, V on 0x7f→0x80. */
const INC_F = new Uint8Array(256);
/** Flags (without C) after DEC produced the byte: H on a borrow into bit 3, V on 0x80→0x7f. */
const DEC_F = new Uint8Array(256);
for (let v = 0; v < 256; v++) {
  let p = v;
  p ^= p >> 4; p ^= p >> 2; p ^= p >> 1;
  SZ[v] = (v & (FS | FXY)) | (v === 0 ? FZ : 0);
  SZP[v] = SZ[v] | ((p & 1) === 0 ? FPV : 0);
  INC_F[v] = SZ[v] | ((v & 0x0f) === 0 ? FH : 0) | (v === 0x80 ? FPV : 0);
  DEC_F[v] = SZ[v] | FN | ((v & 0x0f) === 0x0f ? FH : 0) | (v === 0x7f ? FPV : 0);
}

/** The P/V bit of F, for the device's interrupt logic (an exported copy; see above). */
export const F_PV = FPV;

export abstract class Z80Alu extends Z80State {
  // ---- bus ------------------------------------------------------------------------------------------

  // Page lookups inlined from AddressSpace.read8/write8 (same tables; handler pages fall back to the space).
  rd(addr: number): number {
    const o = this.rdBase[addr >> 8];
    return o >= 0 ? this.mem[o + (addr & 0xff)] : this.program.read8(addr);
  }
  wr(addr: number, v: number): void {
    const o = this.wrBase[addr >> 8];
    if (o >= 0) this.mem[o + (addr & 0xff)] = v;
    else this.program.write8(addr, v);
  }
  imm8(): number {
    const pc = this.pc, o = this.rdBase[pc >> 8];
    this.pc = (pc + 1) & 0xffff;
    return o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
  }
  imm16(): number {
    const lo = this.imm8();
    return lo | (this.imm8() << 8);
  }
  push(v: number): void {
    this.sp = (this.sp - 1) & 0xffff;
    this.wr(this.sp, v >> 8);
    this.sp = (this.sp - 1) & 0xffff;
    this.wr(this.sp, v & 0xff);
  }
  pop(): number {
    const lo = this.rd(this.sp);
    const hi = this.rd((this.sp + 1) & 0xffff);
    this.sp = (this.sp + 2) & 0xffff;
    return lo | (hi << 8);
  }
  /** JP cc,nn: WZ = nn whether or not the jump is taken. */
  jumpIf(cond: boolean): void {
    const ea = this.imm16();
    this.wz = ea;
    if (cond) this.pc = ea;
  }
  /** CALL cc,nn: true when taken. WZ = nn either way. */
  callIf(cond: boolean): boolean {
    const ea = this.imm16();
    this.wz = ea;
    if (!cond) return false;
    this.push(this.pc);
    this.pc = ea;
    return true;
  }
  /** RET cc: true when taken. */
  retIf(cond: boolean): boolean {
    if (!cond) return false;
    this.pc = this.wz = this.pop();
    return true;
  }
  rst(addr: number): void {
    this.push(this.pc);
    this.pc = this.wz = addr;
  }
  /** (IX+d)/(IY+d): fetch d, form the address, latch it in WZ. */
  disp(base: number): number {
    const d = this.imm8();
    return (this.wz = (base + ((d << 24) >> 24)) & 0xffff);
  }
  setHl(v: number): void { this.h = v >> 8; this.l = v & 0xff; }

  // ---- 8-bit ALU ------------------------------------------------------------------------------------

  add8(v: number): void {
    const a = this.a, r = a + v;
    this.a = r & 0xff;
    this.q = this.f = SZ[r & 0xff] | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ r) & (v ^ r) & 0x80) >> 5);
  }
  adc8(v: number): void {
    const a = this.a, r = a + v + (this.f & FC);
    this.a = r & 0xff;
    this.q = this.f = SZ[r & 0xff] | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ r) & (v ^ r) & 0x80) >> 5);
  }
  sub8(v: number): void {
    const a = this.a, r = a - v;
    this.a = r & 0xff;
    this.q = this.f = SZ[r & 0xff] | FN | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ v) & (a ^ r) & 0x80) >> 5);
  }
  sbc8(v: number): void {
    const a = this.a, r = a - v - (this.f & FC);
    this.a = r & 0xff;
    this.q = this.f = SZ[r & 0xff] | FN | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ v) & (a ^ r) & 0x80) >> 5);
  }
  and8(v: number): void { this.a &= v; this.q = this.f = SZP[this.a] | FH; }
  xor8(v: number): void { this.a ^= v; this.q = this.f = SZP[this.a]; }
  or8(v: number): void { this.a |= v; this.q = this.f = SZP[this.a]; }
  /** CP takes X/Y from the operand, not the result (Young §4.1). */
  cp8(v: number): void {
    const a = this.a, r = a - v;
    this.q = this.f = (SZ[r & 0xff] & (FS | FZ)) | (v & FXY) | FN | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) |
      (((a ^ v) & (a ^ r) & 0x80) >> 5);
  }
  inc8(v: number): number {
    const r = (v + 1) & 0xff;
    this.q = this.f = (this.f & FC) | INC_F[r];
    return r;
  }
  dec8(v: number): number {
    const r = (v - 1) & 0xff;
    this.q = this.f = (this.f & FC) | DEC_F[r];
    return r;
  }
  /** NEG: A = 0 - A with SUB's flags. */
  neg(): void { const v = this.a; this.a = 0; this.sub8(v); }

  daa(): void {
    const a = this.a;
    let corr = 0, c = this.f & FC;
    if ((this.f & FH) !== 0 || (a & 0x0f) > 9) corr = 0x06;
    if (c !== 0 || a > 0x99) { corr |= 0x60; c = FC; }
    const r = ((this.f & FN) !== 0 ? a - corr : a + corr) & 0xff;
    this.a = r;
    this.q = this.f = SZP[r] | (this.f & FN) | c | ((a ^ r) & FH);
  }
  cpl(): void {
    this.a ^= 0xff;
    this.q = this.f = (this.f & (FS | FZ | FPV | FC)) | FH | FN | (this.a & FXY);
  }
  /** SCF: X/Y = (Q ^ F) | A (Rak): from A when the previous instruction wrote F, else F|A. */
  scf(): void {
    this.q = this.f = (this.f & (FS | FZ | FPV)) | FC | (((this.lastQ ^ this.f) | this.a) & FXY);
  }
  /** CCF: H = old C; X/Y as SCF. */
  ccf(): void {
    const f = this.f;
    this.q = this.f = ((f & (FS | FZ | FPV)) | ((f & FC) << 4) | (((this.lastQ ^ f) | this.a) & FXY) | (f & FC)) ^ FC;
  }

  // ---- rotates and shifts -------------------------------------------------------------------------

  // A-register rotates keep S, Z, P/V (UM0080); X/Y from the result.
  rlca(): void {
    const a = this.a;
    this.a = ((a << 1) | (a >> 7)) & 0xff;
    this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & (FXY | FC));
  }
  rrca(): void {
    const a = this.a, c = a & 1;
    this.a = (a >> 1) | (c << 7);
    this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & FXY) | c;
  }
  rla(): void {
    const a = this.a;
    this.a = ((a << 1) | (this.f & FC)) & 0xff;
    this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & FXY) | (a >> 7);
  }
  rra(): void {
    const a = this.a;
    this.a = (a >> 1) | ((this.f & FC) << 7);
    this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & FXY) | (a & FC);
  }

  // CB page: S Z P from the result, C the bit shifted out, H N cleared.
  protected shifted(r: number, c: number): number { this.q = this.f = SZP[r] | c; return r; }
  rlc(v: number): number { return this.shifted(((v << 1) | (v >> 7)) & 0xff, v >> 7); }
  rrc(v: number): number { return this.shifted((v >> 1) | ((v & 1) << 7), v & 1); }
  rl(v: number): number { return this.shifted(((v << 1) | (this.f & FC)) & 0xff, v >> 7); }
  rr(v: number): number { return this.shifted((v >> 1) | ((this.f & FC) << 7), v & 1); }
  sla(v: number): number { return this.shifted((v << 1) & 0xff, v >> 7); }
  sra(v: number): number { return this.shifted((v >> 1) | (v & 0x80), v & 1); }
  /** SLL (undocumented): shifts a 1 in. */
  sll(v: number): number { return this.shifted(((v << 1) | 1) & 0xff, v >> 7); }
  srl(v: number): number { return this.shifted(v >> 1, v & 1); }

  /**
   * BIT n: `m` is the operand AND the bit mask. X/Y come from `xy`: the operand for a register, WZ's
   * high byte for (HL) and the address's high byte for (IX+d) (MEMPTR doc).
   */
  bit(m: number, xy: number): void {
    this.q = this.f = (this.f & FC) | FH | (m === 0 ? FZ | FPV : 0) | (m & FS) | (xy & FXY);
  }

  // ---- 16-bit ALU -----------------------------------------------------------------------------------

  /** ADD HL/IX/IY,rr: S, Z, P/V kept; H from bit 11, X/Y from the high byte; WZ = operand+1. */
  add16(x: number, v: number): number {
    const r = x + v;
    this.wz = (x + 1) & 0xffff;
    this.q = this.f = (this.f & (FS | FZ | FPV)) | ((r >> 16) & FC) | ((r >> 8) & FXY) | (((x ^ v ^ r) >> 8) & FH);
    return r & 0xffff;
  }
  adcHl(v: number): void {
    const x = (this.h << 8) | this.l, r = x + v + (this.f & FC);
    this.wz = (x + 1) & 0xffff;
    this.q = this.f = ((r >> 8) & (FS | FXY)) | ((r & 0xffff) === 0 ? FZ : 0) | (((x ^ v ^ r) >> 8) & FH) |
      (((x ^ r) & (v ^ r) & 0x8000) >> 13) | ((r >> 16) & FC);
    this.setHl(r & 0xffff);
  }
  sbcHl(v: number): void {
    const x = (this.h << 8) | this.l, r = x - v - (this.f & FC);
    this.wz = (x + 1) & 0xffff;
    this.q = this.f = ((r >> 8) & (FS | FXY)) | ((r & 0xffff) === 0 ? FZ : 0) | FN | (((x ^ v ^ r) >> 8) & FH) |
      (((x ^ v) & (x ^ r) & 0x8000) >> 13) | ((r >> 16) & FC);
    this.setHl(r & 0xffff);
  }

  // ---- exchanges --------------------------------------------------------------------------------------

  exAf(): void {
    const t = (this.a << 8) | this.f;
    this.a = this.af_ >> 8; this.f = this.af_ & 0xff; this.af_ = t;
  }
  exx(): void {
    let t = this.bc_; this.bc_ = (this.b << 8) | this.c; this.b = t >> 8; this.c = t & 0xff;
    t = this.de_; this.de_ = (this.d << 8) | this.e; this.d = t >> 8; this.e = t & 0xff;
    t = this.hl_; this.hl_ = (this.h << 8) | this.l; this.h = t >> 8; this.l = t & 0xff;
  }
  /** EX (SP),rr: returns the word read from the stack after writing `v` there; WZ = that word. */
  exSp(v: number): number {
    const sp = this.sp, lo = this.rd(sp), hi = this.rd((sp + 1) & 0xffff);
    this.wr((sp + 1) & 0xffff, v >> 8); this.wr(sp, v & 0xff);
    return (this.wz = (hi << 8) | lo);
  }

  // ---- ED page ----------------------------------------------------------------------------------------

  /** IN r,(C): BC on the address bus; S Z P from the byte, H N cleared, C kept; WZ = BC+1. */
  inC(): number {
    const port = (this.b << 8) | this.c, v = this.io.read8(port);
    this.wz = (port + 1) & 0xffff;
    this.q = this.f = (this.f & FC) | SZP[v];
    return v;
  }
  outC(v: number): void {
    const port = (this.b << 8) | this.c;
    this.io.write8(port, v);
    this.wz = (port + 1) & 0xffff;
  }
  /** RETN and RETI both copy IFF2 to IFF1 (UM0080; RETI differs only to Z80 peripherals watching the bus). */
  retn(): void { this.iff1 = this.iff2; this.pc = this.wz = this.pop(); }
  /** LD A,I / LD A,R: P/V = IFF2; an IRQ accepted right after sees the flag cleared (`p`, see Z80.acceptInterrupt). */
  ldAIR(v: number): void {
    this.a = v;
    this.q = this.f = (this.f & FC) | SZ[v] | (this.iff2 !== 0 ? FPV : 0);
    this.p = 1;
  }
  rrd(): void {
    const a = (this.h << 8) | this.l, v = this.rd(a);
    this.wr(a, ((this.a << 4) | (v >> 4)) & 0xff);
    this.a = (this.a & 0xf0) | (v & 0x0f);
    this.q = this.f = (this.f & FC) | SZP[this.a];
    this.wz = (a + 1) & 0xffff;
  }
  rld(): void {
    const a = (this.h << 8) | this.l, v = this.rd(a);
    this.wr(a, ((v << 4) | (this.a & 0x0f)) & 0xff);
    this.a = (this.a & 0xf0) | (v >> 4);
    this.q = this.f = (this.f & FC) | SZP[this.a];
    this.wz = (a + 1) & 0xffff;
  }

  /** LDI/LDD: X = bit 3 and Y = bit 1 of (byte + A); P/V = BC != 0. */
  ldi(dir: number): void {
    const hl = (this.h << 8) | this.l, de = (this.d << 8) | this.e;
    const v = this.rd(hl);
    this.wr(de, v);
    this.setHl((hl + dir) & 0xffff);
    const nde = (de + dir) & 0xffff;
    this.d = nde >> 8; this.e = nde & 0xff;
    const bc = (((this.b << 8) | this.c) - 1) & 0xffff;
    this.b = bc >> 8; this.c = bc & 0xff;
    const n = v + this.a;
    this.q = this.f = (this.f & (FS | FZ | FC)) | (bc !== 0 ? FPV : 0) | (n & FX) | ((n << 4) & FY);
  }

  /** CPI/CPD: like CP without C; X/Y from (A - byte - H); WZ steps with HL. */
  cpi(dir: number): void {
    const hl = (this.h << 8) | this.l, v = this.rd(hl), r = this.a - v;
    this.setHl((hl + dir) & 0xffff);
    const bc = (((this.b << 8) | this.c) - 1) & 0xffff;
    this.b = bc >> 8; this.c = bc & 0xff;
    this.wz = (this.wz + dir) & 0xffff;
    const hf = (this.a ^ v ^ r) & FH;
    const n = r - (hf >> 4);
    this.q = this.f = (this.f & FC) | FN | (SZ[r & 0xff] & (FS | FZ)) | hf | (bc !== 0 ? FPV : 0) | (n & FX) | ((n << 4) & FY);
  }

  /**
   * LDIR/LDDR/CPIR/CPDR after their step: repeats while BC != 0 (true). A repeating step puts PC back on
   * the instruction, sets WZ = PC+1 and takes X/Y from PC's high byte (Banks 2018; the vectors agree).
   */
  ldRepeat(): boolean {
    if (this.b === 0 && this.c === 0) return false;
    this.pc = (this.pc - 2) & 0xffff;
    this.wz = (this.pc + 1) & 0xffff;
    this.q = this.f = (this.f & ~FXY) | ((this.pc >> 8) & FXY);
    return true;
  }

  /** INI/IND: port BC is read before B is decremented; WZ = BC±1. Returns the byte. */
  ini(dir: number): number {
    const port = (this.b << 8) | this.c;
    const t = this.io.read8(port);
    this.wz = (port + dir) & 0xffff;
    this.b = (this.b - 1) & 0xff;
    const hl = (this.h << 8) | this.l;
    this.wr(hl, t);
    this.setHl((hl + dir) & 0xffff);
    this.ioFlags(t, t + ((this.c + dir) & 0xff));
    return t;
  }

  /** OUTI/OUTD: B is decremented before BC goes out on the address bus; WZ = BC±1 (after the decrement). */
  outi(dir: number): number {
    const hl = (this.h << 8) | this.l;
    const t = this.rd(hl);
    this.b = (this.b - 1) & 0xff;
    const port = (this.b << 8) | this.c;
    this.wz = (port + dir) & 0xffff;
    this.io.write8(port, t);
    this.setHl((hl + dir) & 0xffff);
    this.ioFlags(t, t + this.l);
    return t;
  }

  /** Block I/O flags (Young §4.3): S Z X Y from B, N = bit 7 of the byte, H = C = k > 255, P = parity((k & 7) ^ B). */
  protected ioFlags(t: number, k: number): void {
    this.q = this.f = SZ[this.b] | ((t >> 6) & FN) | (k > 0xff ? FH | FC : 0) | (SZP[(k & 7) ^ this.b] & FPV);
  }

  /**
   * INIR/INDR/OTIR/OTDR after their step (`t` the byte moved): repeats while B != 0 (true). A repeating
   * step also changes X/Y (from PC's high byte), and H and P/V as if B were decremented once more
   * (Banks 2018; the vectors agree).
   */
  ioRepeat(t: number): boolean {
    const b = this.b;
    if (b === 0) return false;
    this.pc = (this.pc - 2) & 0xffff;
    this.wz = (this.pc + 1) & 0xffff;
    const f = this.f;
    let pv = f & FPV, h = 0;
    if ((f & FC) !== 0) {
      if ((t & 0x80) !== 0) {
        pv ^= (SZP[(b - 1) & 7] & FPV) ^ FPV;
        h = (b & 0x0f) === 0x00 ? FH : 0;
      } else {
        pv ^= (SZP[(b + 1) & 7] & FPV) ^ FPV;
        h = (b & 0x0f) === 0x0f ? FH : 0;
      }
    } else {
      pv ^= (SZP[b & 7] & FPV) ^ FPV;
    }
    this.q = this.f = (f & ~(FXY | FH | FPV)) | ((this.pc >> 8) & FXY) | h | pv;
    return true;
  }
}
