/**
 * What the generated instruction code (z80.gen.ts) calls: bus access through the program space's page
 * tables, the stack, the ALU with its flags (including the undocumented X/Y bits, Q and WZ), and the
 * ED page's block and I/O instructions. Flag rules: Sean Young, "The Undocumented Z80 Documented";
 * WZ: boo_boo & V. Kladov, "MEMPTR, esoteric register of the Z80"; SCF/CCF: Patrik Rak; repeating block
 * instructions: David Banks (2018). The SingleStepTests/z80 vectors confirm every rule.
 */
import type { Z80 } from './z80';
import { DEC_F, FC, FH, FN, FPV, FS, FX, FXY, FY, FZ, INC_F, SZ, SZP } from './z80.state';

// ---- bus ------------------------------------------------------------------------------------------

// Page lookups inlined from AddressSpace.read8/write8 (same tables; handler pages fall back to the space).
export function rd(cpu: Z80, addr: number): number {
  const o = cpu.rdBase[addr >> 8];
  return o >= 0 ? cpu.mem[o + (addr & 0xff)] : cpu.program.read8(addr);
}
export function wr(cpu: Z80, addr: number, v: number): void {
  const o = cpu.wrBase[addr >> 8];
  if (o >= 0) cpu.mem[o + (addr & 0xff)] = v;
  else cpu.program.write8(addr, v);
}
export function imm8(cpu: Z80): number {
  const pc = cpu.pc, o = cpu.rdBase[pc >> 8];
  cpu.pc = (pc + 1) & 0xffff;
  return o >= 0 ? cpu.mem[o + (pc & 0xff)] : cpu.program.read8(pc);
}
export function imm16(cpu: Z80): number {
  const lo = imm8(cpu);
  return lo | (imm8(cpu) << 8);
}
export function push(cpu: Z80, v: number): void {
  cpu.sp = (cpu.sp - 1) & 0xffff;
  wr(cpu, cpu.sp, v >> 8);
  cpu.sp = (cpu.sp - 1) & 0xffff;
  wr(cpu, cpu.sp, v & 0xff);
}
export function pop(cpu: Z80): number {
  const lo = rd(cpu, cpu.sp);
  const hi = rd(cpu, (cpu.sp + 1) & 0xffff);
  cpu.sp = (cpu.sp + 2) & 0xffff;
  return lo | (hi << 8);
}
/** (IX+d)/(IY+d): fetch d, form the address, latch it in WZ. */
export function disp(cpu: Z80, base: number): number {
  const d = imm8(cpu);
  return (cpu.wz = (base + ((d << 24) >> 24)) & 0xffff);
}
export function setHl(cpu: Z80, v: number): void { cpu.h = v >> 8; cpu.l = v & 0xff; }

// ---- 8-bit ALU ------------------------------------------------------------------------------------

export function add8(cpu: Z80, v: number): void {
  const a = cpu.a, r = a + v;
  cpu.a = r & 0xff;
  cpu.q = cpu.f = SZ[r & 0xff] | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ r) & (v ^ r) & 0x80) >> 5);
}
export function adc8(cpu: Z80, v: number): void {
  const a = cpu.a, r = a + v + (cpu.f & FC);
  cpu.a = r & 0xff;
  cpu.q = cpu.f = SZ[r & 0xff] | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ r) & (v ^ r) & 0x80) >> 5);
}
export function sub8(cpu: Z80, v: number): void {
  const a = cpu.a, r = a - v;
  cpu.a = r & 0xff;
  cpu.q = cpu.f = SZ[r & 0xff] | FN | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ v) & (a ^ r) & 0x80) >> 5);
}
export function sbc8(cpu: Z80, v: number): void {
  const a = cpu.a, r = a - v - (cpu.f & FC);
  cpu.a = r & 0xff;
  cpu.q = cpu.f = SZ[r & 0xff] | FN | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ v) & (a ^ r) & 0x80) >> 5);
}
export function and8(cpu: Z80, v: number): void { cpu.a &= v; cpu.q = cpu.f = SZP[cpu.a] | FH; }
export function xor8(cpu: Z80, v: number): void { cpu.a ^= v; cpu.q = cpu.f = SZP[cpu.a]; }
export function or8(cpu: Z80, v: number): void { cpu.a |= v; cpu.q = cpu.f = SZP[cpu.a]; }
/** CP takes X/Y from the operand, not the result (Young §4.1). */
export function cp8(cpu: Z80, v: number): void {
  const a = cpu.a, r = a - v;
  cpu.q = cpu.f = (SZ[r & 0xff] & (FS | FZ)) | (v & FXY) | FN | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) |
    (((a ^ v) & (a ^ r) & 0x80) >> 5);
}
export function inc8(cpu: Z80, v: number): number {
  const r = (v + 1) & 0xff;
  cpu.q = cpu.f = (cpu.f & FC) | INC_F[r];
  return r;
}
export function dec8(cpu: Z80, v: number): number {
  const r = (v - 1) & 0xff;
  cpu.q = cpu.f = (cpu.f & FC) | DEC_F[r];
  return r;
}
/** NEG: A = 0 - A with SUB's flags. */
export function neg(cpu: Z80): void { const v = cpu.a; cpu.a = 0; sub8(cpu, v); }

export function daa(cpu: Z80): void {
  const a = cpu.a;
  let corr = 0, c = cpu.f & FC;
  if ((cpu.f & FH) !== 0 || (a & 0x0f) > 9) corr = 0x06;
  if (c !== 0 || a > 0x99) { corr |= 0x60; c = FC; }
  const r = ((cpu.f & FN) !== 0 ? a - corr : a + corr) & 0xff;
  cpu.a = r;
  cpu.q = cpu.f = SZP[r] | (cpu.f & FN) | c | ((a ^ r) & FH);
}
export function cpl(cpu: Z80): void {
  cpu.a ^= 0xff;
  cpu.q = cpu.f = (cpu.f & (FS | FZ | FPV | FC)) | FH | FN | (cpu.a & FXY);
}
/** SCF: X/Y = (Q ^ F) | A (Rak): from A when the previous instruction wrote F, else F|A. */
export function scf(cpu: Z80): void {
  cpu.q = cpu.f = (cpu.f & (FS | FZ | FPV)) | FC | (((cpu.lastQ ^ cpu.f) | cpu.a) & FXY);
}
/** CCF: H = old C; X/Y as SCF. */
export function ccf(cpu: Z80): void {
  const f = cpu.f;
  cpu.q = cpu.f = ((f & (FS | FZ | FPV)) | ((f & FC) << 4) | (((cpu.lastQ ^ f) | cpu.a) & FXY) | (f & FC)) ^ FC;
}

// ---- rotates and shifts -------------------------------------------------------------------------

// A-register rotates keep S, Z, P/V (UM0080); X/Y from the result.
export function rlca(cpu: Z80): void {
  const a = cpu.a;
  cpu.a = ((a << 1) | (a >> 7)) & 0xff;
  cpu.q = cpu.f = (cpu.f & (FS | FZ | FPV)) | (cpu.a & (FXY | FC));
}
export function rrca(cpu: Z80): void {
  const a = cpu.a, c = a & 1;
  cpu.a = (a >> 1) | (c << 7);
  cpu.q = cpu.f = (cpu.f & (FS | FZ | FPV)) | (cpu.a & FXY) | c;
}
export function rla(cpu: Z80): void {
  const a = cpu.a;
  cpu.a = ((a << 1) | (cpu.f & FC)) & 0xff;
  cpu.q = cpu.f = (cpu.f & (FS | FZ | FPV)) | (cpu.a & FXY) | (a >> 7);
}
export function rra(cpu: Z80): void {
  const a = cpu.a;
  cpu.a = (a >> 1) | ((cpu.f & FC) << 7);
  cpu.q = cpu.f = (cpu.f & (FS | FZ | FPV)) | (cpu.a & FXY) | (a & FC);
}

// CB page: S Z P from the result, C the bit shifted out, H N cleared.
function shifted(cpu: Z80, r: number, c: number): number { cpu.q = cpu.f = SZP[r] | c; return r; }
export function rlc(cpu: Z80, v: number): number { return shifted(cpu, ((v << 1) | (v >> 7)) & 0xff, v >> 7); }
export function rrc(cpu: Z80, v: number): number { return shifted(cpu, (v >> 1) | ((v & 1) << 7), v & 1); }
export function rl(cpu: Z80, v: number): number { return shifted(cpu, ((v << 1) | (cpu.f & FC)) & 0xff, v >> 7); }
export function rr(cpu: Z80, v: number): number { return shifted(cpu, (v >> 1) | ((cpu.f & FC) << 7), v & 1); }
export function sla(cpu: Z80, v: number): number { return shifted(cpu, (v << 1) & 0xff, v >> 7); }
export function sra(cpu: Z80, v: number): number { return shifted(cpu, (v >> 1) | (v & 0x80), v & 1); }
/** SLL (undocumented): shifts a 1 in. */
export function sll(cpu: Z80, v: number): number { return shifted(cpu, ((v << 1) | 1) & 0xff, v >> 7); }
export function srl(cpu: Z80, v: number): number { return shifted(cpu, v >> 1, v & 1); }

/**
 * BIT n: `m` is the operand AND the bit mask. X/Y come from `xy`: the operand for a register, WZ's
 * high byte for (HL) and the address's high byte for (IX+d) (MEMPTR doc).
 */
export function bit(cpu: Z80, m: number, xy: number): void {
  cpu.q = cpu.f = (cpu.f & FC) | FH | (m === 0 ? FZ | FPV : 0) | (m & FS) | (xy & FXY);
}

// ---- 16-bit ALU -----------------------------------------------------------------------------------

/** ADD HL/IX/IY,rr: S, Z, P/V kept; H from bit 11, X/Y from the high byte; WZ = operand+1. */
export function add16(cpu: Z80, x: number, v: number): number {
  const r = x + v;
  cpu.wz = (x + 1) & 0xffff;
  cpu.q = cpu.f = (cpu.f & (FS | FZ | FPV)) | ((r >> 16) & FC) | ((r >> 8) & FXY) | (((x ^ v ^ r) >> 8) & FH);
  return r & 0xffff;
}
export function adcHl(cpu: Z80, v: number): void {
  const x = (cpu.h << 8) | cpu.l, r = x + v + (cpu.f & FC);
  cpu.wz = (x + 1) & 0xffff;
  cpu.q = cpu.f = ((r >> 8) & (FS | FXY)) | ((r & 0xffff) === 0 ? FZ : 0) | (((x ^ v ^ r) >> 8) & FH) |
    (((x ^ r) & (v ^ r) & 0x8000) >> 13) | ((r >> 16) & FC);
  setHl(cpu, r & 0xffff);
}
export function sbcHl(cpu: Z80, v: number): void {
  const x = (cpu.h << 8) | cpu.l, r = x - v - (cpu.f & FC);
  cpu.wz = (x + 1) & 0xffff;
  cpu.q = cpu.f = ((r >> 8) & (FS | FXY)) | ((r & 0xffff) === 0 ? FZ : 0) | FN | (((x ^ v ^ r) >> 8) & FH) |
    (((x ^ v) & (x ^ r) & 0x8000) >> 13) | ((r >> 16) & FC);
  setHl(cpu, r & 0xffff);
}

// ---- exchanges --------------------------------------------------------------------------------------

export function exAf(cpu: Z80): void {
  const t = (cpu.a << 8) | cpu.f;
  cpu.a = cpu.af_ >> 8; cpu.f = cpu.af_ & 0xff; cpu.af_ = t;
}
export function exx(cpu: Z80): void {
  let t = cpu.bc_; cpu.bc_ = (cpu.b << 8) | cpu.c; cpu.b = t >> 8; cpu.c = t & 0xff;
  t = cpu.de_; cpu.de_ = (cpu.d << 8) | cpu.e; cpu.d = t >> 8; cpu.e = t & 0xff;
  t = cpu.hl_; cpu.hl_ = (cpu.h << 8) | cpu.l; cpu.h = t >> 8; cpu.l = t & 0xff;
}
/** EX (SP),rr: returns the word read from the stack after writing `v` there; WZ = that word. */
export function exSp(cpu: Z80, v: number): number {
  const sp = cpu.sp, lo = rd(cpu, sp), hi = rd(cpu, (sp + 1) & 0xffff);
  wr(cpu, (sp + 1) & 0xffff, v >> 8); wr(cpu, sp, v & 0xff);
  return (cpu.wz = (hi << 8) | lo);
}

// ---- ED page ----------------------------------------------------------------------------------------

/** IN r,(C): BC on the address bus; S Z P from the byte, H N cleared, C kept; WZ = BC+1. */
export function inC(cpu: Z80): number {
  const port = (cpu.b << 8) | cpu.c, v = cpu.io.read8(port);
  cpu.wz = (port + 1) & 0xffff;
  cpu.q = cpu.f = (cpu.f & FC) | SZP[v];
  return v;
}
export function outC(cpu: Z80, v: number): void {
  const port = (cpu.b << 8) | cpu.c;
  cpu.io.write8(port, v);
  cpu.wz = (port + 1) & 0xffff;
}
/** RETN and RETI both copy IFF2 to IFF1 (UM0080; RETI differs only to Z80 peripherals watching the bus). */
export function retn(cpu: Z80): void { cpu.iff1 = cpu.iff2; cpu.pc = cpu.wz = pop(cpu); }
/** LD A,I / LD A,R: P/V = IFF2; an IRQ accepted right after sees the flag cleared (`p`, see Z80.acceptInterrupt). */
export function ldAIR(cpu: Z80, v: number): void {
  cpu.a = v;
  cpu.q = cpu.f = (cpu.f & FC) | SZ[v] | (cpu.iff2 !== 0 ? FPV : 0);
  cpu.p = 1;
}
export function rrd(cpu: Z80): void {
  const a = (cpu.h << 8) | cpu.l, v = rd(cpu, a);
  wr(cpu, a, ((cpu.a << 4) | (v >> 4)) & 0xff);
  cpu.a = (cpu.a & 0xf0) | (v & 0x0f);
  cpu.q = cpu.f = (cpu.f & FC) | SZP[cpu.a];
  cpu.wz = (a + 1) & 0xffff;
}
export function rld(cpu: Z80): void {
  const a = (cpu.h << 8) | cpu.l, v = rd(cpu, a);
  wr(cpu, a, ((v << 4) | (cpu.a & 0x0f)) & 0xff);
  cpu.a = (cpu.a & 0xf0) | (v >> 4);
  cpu.q = cpu.f = (cpu.f & FC) | SZP[cpu.a];
  cpu.wz = (a + 1) & 0xffff;
}

/** LDI/LDD: X = bit 3 and Y = bit 1 of (byte + A); P/V = BC != 0. */
export function ldi(cpu: Z80, dir: number): void {
  const hl = (cpu.h << 8) | cpu.l, de = (cpu.d << 8) | cpu.e;
  const v = rd(cpu, hl);
  wr(cpu, de, v);
  setHl(cpu, (hl + dir) & 0xffff);
  const nde = (de + dir) & 0xffff;
  cpu.d = nde >> 8; cpu.e = nde & 0xff;
  const bc = (((cpu.b << 8) | cpu.c) - 1) & 0xffff;
  cpu.b = bc >> 8; cpu.c = bc & 0xff;
  const n = v + cpu.a;
  cpu.q = cpu.f = (cpu.f & (FS | FZ | FC)) | (bc !== 0 ? FPV : 0) | (n & FX) | ((n << 4) & FY);
}

/** CPI/CPD: like CP without C; X/Y from (A - byte - H); WZ steps with HL. */
export function cpi(cpu: Z80, dir: number): void {
  const hl = (cpu.h << 8) | cpu.l, v = rd(cpu, hl), r = cpu.a - v;
  setHl(cpu, (hl + dir) & 0xffff);
  const bc = (((cpu.b << 8) | cpu.c) - 1) & 0xffff;
  cpu.b = bc >> 8; cpu.c = bc & 0xff;
  cpu.wz = (cpu.wz + dir) & 0xffff;
  const hf = (cpu.a ^ v ^ r) & FH;
  const n = r - (hf >> 4);
  cpu.q = cpu.f = (cpu.f & FC) | FN | (SZ[r & 0xff] & (FS | FZ)) | hf | (bc !== 0 ? FPV : 0) | (n & FX) | ((n << 4) & FY);
}

/**
 * LDIR/LDDR/CPIR/CPDR after their step: repeats while BC != 0 (true). A repeating step puts PC back on
 * the instruction, sets WZ = PC+1 and takes X/Y from PC's high byte (Banks 2018; the vectors agree).
 */
export function ldRepeat(cpu: Z80): boolean {
  if (cpu.b === 0 && cpu.c === 0) return false;
  cpu.pc = (cpu.pc - 2) & 0xffff;
  cpu.wz = (cpu.pc + 1) & 0xffff;
  cpu.q = cpu.f = (cpu.f & ~FXY) | ((cpu.pc >> 8) & FXY);
  return true;
}

/** INI/IND: port BC is read before B is decremented; WZ = BC±1. Returns the byte. */
export function ini(cpu: Z80, dir: number): number {
  const port = (cpu.b << 8) | cpu.c;
  const t = cpu.io.read8(port);
  cpu.wz = (port + dir) & 0xffff;
  cpu.b = (cpu.b - 1) & 0xff;
  const hl = (cpu.h << 8) | cpu.l;
  wr(cpu, hl, t);
  setHl(cpu, (hl + dir) & 0xffff);
  ioFlags(cpu, t, t + ((cpu.c + dir) & 0xff));
  return t;
}

/** OUTI/OUTD: B is decremented before BC goes out on the address bus; WZ = BC±1 (after the decrement). */
export function outi(cpu: Z80, dir: number): number {
  const hl = (cpu.h << 8) | cpu.l;
  const t = rd(cpu, hl);
  cpu.b = (cpu.b - 1) & 0xff;
  const port = (cpu.b << 8) | cpu.c;
  cpu.wz = (port + dir) & 0xffff;
  cpu.io.write8(port, t);
  setHl(cpu, (hl + dir) & 0xffff);
  ioFlags(cpu, t, t + cpu.l);
  return t;
}

/** Block I/O flags (Young §4.3): S Z X Y from B, N = bit 7 of the byte, H = C = k > 255, P = parity((k & 7) ^ B). */
function ioFlags(cpu: Z80, t: number, k: number): void {
  cpu.q = cpu.f = SZ[cpu.b] | ((t >> 6) & FN) | (k > 0xff ? FH | FC : 0) | (SZP[(k & 7) ^ cpu.b] & FPV);
}

/**
 * INIR/INDR/OTIR/OTDR after their step (`t` the byte moved): repeats while B != 0 (true). A repeating
 * step also changes X/Y (from PC's high byte), and H and P/V as if B were decremented once more
 * (Banks 2018; the vectors agree).
 */
export function ioRepeat(cpu: Z80, t: number): boolean {
  const b = cpu.b;
  if (b === 0) return false;
  cpu.pc = (cpu.pc - 2) & 0xffff;
  cpu.wz = (cpu.pc + 1) & 0xffff;
  const f = cpu.f;
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
  cpu.q = cpu.f = (f & ~(FXY | FH | FPV)) | ((cpu.pc >> 8) & FXY) | h | pv;
  return true;
}
