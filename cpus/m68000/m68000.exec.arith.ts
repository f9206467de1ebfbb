/**
 * MC68000 arithmetic and logic: ADD/SUB/AND/OR/EOR/CMP in every form, immediates, quick, ADDX/SUBX,
 * CMPM, BCD, the one-operand ops (CLR NEG NEGX NOT TST TAS Scc), MUL, DIV and CHK.
 * Part of the instruction handlers (m68000.exec.ts lists them all): each performs the instruction's bus
 * accesses in the order the chip makes them so that cycle counts and address errors come out as on the
 * chip; the facts behind each ordering are the shared vectors (MAME's microcoded 68000) unless noted.
 * Comments give the bus sequence: np prefetch, nr/nw read/write, n idle (2 clocks each unit noted).
 */
import type { M68000 } from './m68000';

/** Read-modify-write store: a long goes low word first (vectors' bus order). */
function wrRmw(c: M68000, a: number, sz: number, v: number): void {
  if (sz === 2) c.wr32lo(a, v); else c.wrSz(a, sz, v);
}

/** standard size field bits 7-6 */
export function stdSize(op: number): number { return (op >> 6) & 3; }

/** <ea>,Dn for ADD/SUB/AND/OR/CMP: ea np (+n2, n4 for .l from Dn/An/#) */
function aluToReg(c: M68000, op: number, kind: number, sz: number): void {
  const mode = (op >> 3) & 7, reg = op & 7, dn = (op >> 9) & 7;
  const s = c.readEa(mode, reg, sz);
  const d = c.r[dn] & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1);
  let r: number;
  switch (kind) {
    case 0: r = c.add(sz, s, d, 0); break;
    case 1: r = c.sub(sz, s, d, 0, 0); break;
    case 2: r = c.logic(sz, s & d); break;
    case 3: r = c.logic(sz, s | d); break;
    default: c.sub(sz, s, d, 0, 1); r = -1;
  }
  c.np();
  if (sz === 2) c.cycles += kind === 4 ? 2 : mode <= 1 || (mode === 7 && reg === 4) ? 4 : 2;
  if (kind !== 4) c.setD(dn, sz, r);
}
// Entry points pass the size as a constant so that V8 specialises the inlined body per size.
export function add(c: M68000, op: number): void {
  const sz = stdSize(op);
  if (sz === 0) aluToReg(c, op, 0, 0); else if (sz === 1) aluToReg(c, op, 0, 1); else aluToReg(c, op, 0, 2);
}
export function sub(c: M68000, op: number): void {
  const sz = stdSize(op);
  if (sz === 0) aluToReg(c, op, 1, 0); else if (sz === 1) aluToReg(c, op, 1, 1); else aluToReg(c, op, 1, 2);
}
export function and(c: M68000, op: number): void {
  const sz = stdSize(op);
  if (sz === 0) aluToReg(c, op, 2, 0); else if (sz === 1) aluToReg(c, op, 2, 1); else aluToReg(c, op, 2, 2);
}
export function or(c: M68000, op: number): void {
  const sz = stdSize(op);
  if (sz === 0) aluToReg(c, op, 3, 0); else if (sz === 1) aluToReg(c, op, 3, 1); else aluToReg(c, op, 3, 2);
}
export function cmp(c: M68000, op: number): void {
  const sz = stdSize(op);
  if (sz === 0) aluToReg(c, op, 4, 0); else if (sz === 1) aluToReg(c, op, 4, 1); else aluToReg(c, op, 4, 2);
}

/** Dn,<ea> memory: nr np nw */
function aluToMem(c: M68000, op: number, kind: number): void {
  const sz = stdSize(op), dn = (op >> 9) & 7;
  const a = c.ea((op >> 3) & 7, op & 7, sz);
  const d = c.rdSz(a, sz);
  const s = c.r[dn] & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1);
  let r: number;
  switch (kind) {
    case 0: r = c.add(sz, s, d, 0); break;
    case 1: r = c.sub(sz, s, d, 0, 0); break;
    case 2: r = c.logic(sz, s & d); break;
    case 3: r = c.logic(sz, s | d); break;
    default: r = c.logic(sz, s ^ d);
  }
  c.np();
  c.aeAdj = -2;
  wrRmw(c, a, sz, r);
}
export function addm(c: M68000, op: number): void { aluToMem(c, op, 0); }
export function subm(c: M68000, op: number): void { aluToMem(c, op, 1); }
export function andm(c: M68000, op: number): void { aluToMem(c, op, 2); }
export function orm(c: M68000, op: number): void { aluToMem(c, op, 3); }
export function eor(c: M68000, op: number): void {
  const mode = (op >> 3) & 7;
  if (mode === 0) {
    const sz = stdSize(op), reg = op & 7;
    const r = c.logic(sz, c.r[reg] ^ c.r[(op >> 9) & 7]);
    c.np();
    if (sz === 2) c.cycles += 4;
    c.setD(reg, sz, r);
    return;
  }
  aluToMem(c, op, 4);
}

/** ADDA/SUBA/CMPA: size bit 8; word sources are sign-extended */
function addrOp(c: M68000, op: number, kind: number): void {
  const long = (op >> 8) & 1, mode = (op >> 3) & 7, reg = op & 7, an = 8 + ((op >> 9) & 7);
  let s = c.readEa(mode, reg, long ? 2 : 1);
  if (!long) s = (s << 16) >> 16;
  const d = c.r[an];
  c.np();
  if (kind === 2) {
    c.sub(2, s, d, 0, 1);
    c.cycles += 2;
    return;
  }
  c.cycles += !long || mode <= 1 || (mode === 7 && reg === 4) ? 4 : 2;
  c.r[an] = kind === 0 ? (d + s) | 0 : (d - s) | 0;
}
export function adda(c: M68000, op: number): void { addrOp(c, op, 0); }
export function suba(c: M68000, op: number): void { addrOp(c, op, 1); }
export function cmpa(c: M68000, op: number): void { addrOp(c, op, 2); }

/** ORI/ANDI/SUBI/ADDI/EORI/CMPI #imm,<ea> */
function immOp(c: M68000, op: number, kind: number): void {
  const sz = stdSize(op), mode = (op >> 3) & 7, reg = op & 7;
  const s = sz === 2 ? c.ext32() : sz === 0 ? c.ext() & 0xff : c.ext();
  if (mode === 0) {
    const d = c.r[reg] & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1);
    let r: number;
    switch (kind) {
      case 0: r = c.logic(sz, s | d); break;
      case 1: r = c.logic(sz, s & d); break;
      case 2: r = c.sub(sz, s, d, 0, 0); break;
      case 3: r = c.add(sz, s, d, 0); break;
      case 4: r = c.logic(sz, s ^ d); break;
      default: c.sub(sz, s, d, 0, 1); c.np(); if (sz === 2) c.cycles += 2; return;
    }
    c.np();
    if (sz === 2) c.cycles += 4;
    c.setD(reg, sz, r);
    return;
  }
  const a = c.ea(mode, reg, sz);
  const d = c.rdSz(a, sz);
  let r: number;
  switch (kind) {
    case 0: r = c.logic(sz, s | d); break;
    case 1: r = c.logic(sz, s & d); break;
    case 2: r = c.sub(sz, s, d, 0, 0); break;
    case 3: r = c.add(sz, s, d, 0); break;
    case 4: r = c.logic(sz, s ^ d); break;
    default: c.sub(sz, s, d, 0, 1); c.np(); return;
  }
  c.np();
  c.aeAdj = -2;
  wrRmw(c, a, sz, r);
}
export function ori(c: M68000, op: number): void { immOp(c, op, 0); }
export function andi(c: M68000, op: number): void { immOp(c, op, 1); }
export function subi(c: M68000, op: number): void { immOp(c, op, 2); }
export function addi(c: M68000, op: number): void { immOp(c, op, 3); }
export function eori(c: M68000, op: number): void { immOp(c, op, 4); }
export function cmpi(c: M68000, op: number): void { immOp(c, op, 5); }

/** ADDQ/SUBQ */
function quick(c: M68000, op: number, subtract: number): void {
  const sz = stdSize(op), mode = (op >> 3) & 7, reg = op & 7;
  const q = ((op >> 9) & 7) || 8;
  if (mode === 1) {
    // address register: whole 32 bits, no flags
    c.np();
    c.cycles += 4;
    c.r[8 + reg] = subtract ? (c.r[8 + reg] - q) | 0 : (c.r[8 + reg] + q) | 0;
    return;
  }
  if (mode === 0) {
    const d = c.r[reg] & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1);
    const r = subtract ? c.sub(sz, q, d, 0, 0) : c.add(sz, q, d, 0);
    c.np();
    if (sz === 2) c.cycles += 4;
    c.setD(reg, sz, r);
    return;
  }
  const a = c.ea(mode, reg, sz);
  const d = c.rdSz(a, sz);
  const r = subtract ? c.sub(sz, q, d, 0, 0) : c.add(sz, q, d, 0);
  c.np();
  c.aeAdj = -2;
  wrRmw(c, a, sz, r);
}
export function addq(c: M68000, op: number): void { quick(c, op, 0); }
export function subq(c: M68000, op: number): void { quick(c, op, 1); }

export function moveq(c: M68000, op: number): void {
  const v = (op << 24) >> 24;
  c.r[(op >> 9) & 7] = v;
  c.n = v < 0 ? 1 : 0; c.z = v === 0 ? 1 : 0; c.v = 0; c.c = 0;
  c.np();
}

/** ADDX/SUBX: Dy,Dx np (+n4 .l) ; -(Ay),-(Ax): n2 nr nr np nw */
/**
 * Reads the -(An) operand of ADDX/SUBX and leaves An decremented. A long is read low word first and An
 * is written after both reads; A7 steps by 2 for bytes to keep the stack word aligned.
 */
function readPredecrement(c: M68000, reg: number, sz: number): number {
  if (sz === 2) {
    const a = c.r[8 + reg];
    const lo = c.rd16(a - 2);
    const hi = c.rd16((a - 4) | 0);
    c.r[8 + reg] = (a - 4) | 0;
    return (hi << 16) | lo;
  }
  const a = (c.r[8 + reg] - (sz === 1 || reg === 7 ? 2 : 1)) | 0;
  c.r[8 + reg] = a;
  return c.rdSz(a, sz);
}

function extOp(c: M68000, op: number, subtract: number): void {
  const sz = stdSize(op), ry = op & 7, rx = (op >> 9) & 7;
  if ((op & 8) === 0) {
    const s = c.r[ry] & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1), d = c.r[rx] & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1);
    const r = subtract ? c.sub(sz, s, d, c.x, 0, 1) : c.add(sz, s, d, c.x, 1);
    c.np();
    if (sz === 2) c.cycles += 4;
    c.setD(rx, sz, r);
    return;
  }
  c.cycles += 2;
  c.aeAdj = 0;
  const s = readPredecrement(c, ry, sz);
  const d = readPredecrement(c, rx, sz);
  const ad = c.r[8 + rx];
  const r = subtract ? c.sub(sz, s, d, c.x, 0, 1) : c.add(sz, s, d, c.x, 1);
  c.aeAdj = -2;
  if (sz === 2) {
    // bus order: low word, prefetch, high word
    c.cycles += 4;
    c.program.write16(ad + 2, r & 0xffff);
    c.np();
    c.cycles += 4;
    c.program.write16(ad, r >>> 16);
    return;
  }
  c.np();
  c.wrSz(ad, sz, r);
}
export function addx(c: M68000, op: number): void { extOp(c, op, 0); }
export function subx(c: M68000, op: number): void { extOp(c, op, 1); }

/** CMPM (Ay)+,(Ax)+: nr nr np */
export function cmpm(c: M68000, op: number): void {
  const sz = stdSize(op);
  c.aeAdj = 0; // vectors: stacked PC is the instruction address + 4
  const ay = c.r[8 + (op & 7)];
  if (sz !== 0 && (ay & 1) !== 0) { c.r[8 + (op & 7)] = ay + 2; c.fault(ay, 1, 0); } // Ay moves one word
  const as = c.ea(3, op & 7, sz);
  const s = c.rdSz(as, sz);
  const rx = 8 + ((op >> 9) & 7);
  const ad = c.r[rx];
  c.aeAdj = 0;
  if (sz !== 0 && (ad & 1) !== 0) c.fault(ad, 1, 0); // the second operand faults before Ax moves
  const d = c.rdSz(c.ea(3, rx - 8, sz), sz);
  c.sub(sz, s, d, 0, 1);
  c.np();
}

// BCD arithmetic after Flamewing's hardware tests: binary sum/difference, then the decimal
// correction from the nibble carries; V is set when the correction flips bit 7 the "wrong" way.
function bcdAdd(c: M68000, s: number, d: number): number {
  const bin = (d + s + c.x) & 0x1ff;
  const carries = ((d & s) | (~bin & d) | (~bin & s)) & 0x88; // binary carries out of each nibble
  const dec = (((bin + 0x66) ^ bin) & 0x110) >> 1; // nibbles that went past 9
  const need = carries | dec;
  const corr = (need - (need >> 2)) & 0xff; // 0x06 / 0x60 / 0x66
  const res = (bin + corr) & 0x1ff;
  const r = res & 0xff;
  c.c = c.x = (((carries | (bin & ~res)) >> 7) & 1) | ((bin >> 8) & 1) | ((res >> 8) & 1) ? 1 : 0;
  c.v = ((~bin & r) >> 7) & 1;
  c.n = (r >> 7) & 1;
  if (r !== 0) c.z = 0;
  return r;
}
function bcdSub(c: M68000, s: number, d: number): number {
  const diff = (d - s - c.x) & 0x1ff;
  const borrows = ((~d & s) | (diff & ~d) | (diff & s)) & 0x88;
  const corr = (borrows - (borrows >> 2)) & 0xff;
  const res = (diff - corr) & 0x1ff;
  const r = res & 0xff;
  c.c = c.x = (((borrows | (~diff & res)) >> 7) & 1) | ((diff >> 8) & 1) ? 1 : 0;
  c.v = ((diff & ~r) >> 7) & 1;
  c.n = (r >> 7) & 1;
  if (r !== 0) c.z = 0;
  return r;
}

/** ABCD/SBCD: Dy,Dx np n2 ; -(Ay),-(Ax): n2 nr nr np nw */
function bcdOp(c: M68000, op: number, subtract: number): void {
  const ry = op & 7, rx = (op >> 9) & 7;
  if ((op & 8) === 0) {
    const s = c.r[ry] & 0xff, d = c.r[rx] & 0xff;
    const r = subtract ? bcdSub(c, s, d) : bcdAdd(c, s, d);
    c.np();
    c.cycles += 2;
    c.setD(rx, 0, r);
    return;
  }
  c.cycles += 2;
  const as = (c.r[8 + ry] - (ry === 7 ? 2 : 1)) | 0;
  c.r[8 + ry] = as;
  const s = c.rd8(as);
  const ad = (c.r[8 + rx] - (rx === 7 ? 2 : 1)) | 0;
  c.r[8 + rx] = ad;
  const d = c.rd8(ad);
  const r = subtract ? bcdSub(c, s, d) : bcdAdd(c, s, d);
  c.np();
  c.wr8(ad, r);
}
export function abcd(c: M68000, op: number): void { bcdOp(c, op, 0); }
export function sbcd(c: M68000, op: number): void { bcdOp(c, op, 1); }

export function nbcd(c: M68000, op: number): void {
  const mode = (op >> 3) & 7, reg = op & 7;
  if (mode === 0) {
    const r = bcdSub(c, c.r[reg] & 0xff, 0);
    c.np();
    c.cycles += 2;
    c.setD(reg, 0, r);
    return;
  }
  const a = c.ea(mode, reg, 0);
  const r = bcdSub(c, c.rd8(a), 0);
  c.np();
  c.wr8(a, r);
}

/** CLR/NEG/NEGX/NOT: Dn np (+n2 .l) ; memory nr np nw (the 68000 reads before CLR writes) */
function unary(c: M68000, op: number, kind: number): void {
  const sz = stdSize(op), mode = (op >> 3) & 7, reg = op & 7;
  if (mode === 0) {
    const d = c.r[reg] & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1);
    const r = unaryOp(c, sz, d, kind);
    c.np();
    if (sz === 2) c.cycles += 2;
    c.setD(reg, sz, r);
    return;
  }
  const a = c.ea(mode, reg, sz);
  const d = c.rdSz(a, sz);
  const r = unaryOp(c, sz, d, kind);
  c.np();
  c.aeAdj = -2;
  wrRmw(c, a, sz, r);
}
function unaryOp(c: M68000, sz: number, d: number, kind: number): number {
  switch (kind) {
    case 0: return c.logic(sz, 0);
    case 1: return c.sub(sz, d, 0, 0, 0);
    case 2: return c.sub(sz, d, 0, c.x, 0, 1);
    default: return c.logic(sz, ~d);
  }
}
export function clr(c: M68000, op: number): void { unary(c, op, 0); }
export function neg(c: M68000, op: number): void { unary(c, op, 1); }
export function negx(c: M68000, op: number): void { unary(c, op, 2); }
export function not(c: M68000, op: number): void { unary(c, op, 3); }

export function tst(c: M68000, op: number): void {
  const sz = stdSize(op);
  c.logic(sz, c.readEa((op >> 3) & 7, op & 7, sz));
  c.np();
}

export function tas(c: M68000, op: number): void {
  const mode = (op >> 3) & 7, reg = op & 7;
  if (mode === 0) {
    const d = c.r[reg] & 0xff;
    c.logic(0, d);
    c.np();
    c.setD(reg, 0, d | 0x80);
    return;
  }
  // read-modify-write cycle (10 clocks on the bus) then the prefetch
  const a = c.ea(mode, reg, 0);
  const d = c.rd8(a);
  c.logic(0, d);
  c.cycles += 2;
  c.wr8(a, d | 0x80);
  c.np();
}

export function scc(c: M68000, op: number): void {
  const mode = (op >> 3) & 7, reg = op & 7;
  const t = c.cond((op >> 8) & 15);
  if (mode === 0) {
    c.np();
    if (t) c.cycles += 2;
    c.setD(reg, 0, t ? 0xff : 0);
    return;
  }
  const a = c.ea(mode, reg, 0);
  c.rd8(a);
  c.np();
  c.wr8(a, t ? 0xff : 0);
}

export function mulu(c: M68000, op: number): void {
  const s = c.readEa((op >> 3) & 7, op & 7, 1);
  const dn = (op >> 9) & 7;
  const r = Math.imul(c.r[dn] & 0xffff, s) | 0;
  c.np();
  // UM table 8-9: 38 + 2n, n = ones in the source
  let ones = 0;
  for (let v = s; v !== 0; v &= v - 1) ones++;
  c.cycles += 34 + 2 * ones;
  c.r[dn] = r;
  c.n = r < 0 ? 1 : 0; c.z = r === 0 ? 1 : 0; c.v = 0; c.c = 0;
}
export function muls(c: M68000, op: number): void {
  const s = c.readEa((op >> 3) & 7, op & 7, 1);
  const dn = (op >> 9) & 7;
  const r = Math.imul((c.r[dn] << 16) >> 16, (s << 16) >> 16) | 0;
  c.np();
  // 38 + 2n, n = number of 01/10 pairs in the source with a 0 appended below bit 0
  let pairs = 0;
  const w = (s << 1) & 0x1ffff;
  for (let i = 0; i < 16; i++) if (((w >> i) & 3) === 1 || ((w >> i) & 3) === 2) pairs++;
  c.cycles += 34 + 2 * pairs;
  c.r[dn] = r;
  c.n = r < 0 ? 1 : 0; c.z = r === 0 ? 1 : 0; c.v = 0; c.c = 0;
}

export function divu(c: M68000, op: number): void {
  const s = c.readEa((op >> 3) & 7, op & 7, 1);
  const dn = (op >> 9) & 7;
  const dividend = c.r[dn] >>> 0;
  if (s === 0) { divZero(c); return; }
  // Cwik: overflow detected in 10 clocks; otherwise 38 + 2 per iteration where the shifted-out
  // bit is 0, minus 1 when the trial subtraction succeeds
  if (((dividend >>> 16) & 0xffff) >= s) {
    c.cycles += 6;
    c.v = 1; c.c = 0; c.n = 1; c.z = 0;
    c.np();
    return;
  }
  let mc = 38;
  let rem = dividend;
  const hd = s * 65536;
  for (let i = 0; i < 15; i++) {
    const top = rem >= 0x80000000;
    rem = (rem * 2) % 0x100000000;
    if (top) rem -= hd;
    else {
      mc += 2;
      if (rem >= hd) { rem -= hd; mc--; }
    }
    if (rem < 0) rem += 0x100000000;
  }
  c.cycles += mc * 2 - 4;
  c.np();
  const q = Math.floor(dividend / s), rm = dividend % s;
  c.r[dn] = (rm << 16) | (q & 0xffff);
  c.n = (q >> 15) & 1; c.z = q === 0 ? 1 : 0; c.v = 0; c.c = 0;
}
export function divs(c: M68000, op: number): void {
  const s = (c.readEa((op >> 3) & 7, op & 7, 1) << 16) >> 16;
  const dn = (op >> 9) & 7;
  const dividend = c.r[dn];
  if (s === 0) { divZero(c); return; }
  let mc = 6;
  if (dividend < 0) mc++;
  const ad = Math.abs(dividend), as = Math.abs(s);
  if (Math.floor(ad / 65536) >= as) {
    c.cycles += (mc + 2) * 2 - 4;
    c.v = 1; c.c = 0; c.n = 1; c.z = 0;
    c.np();
    return;
  }
  let aq = Math.floor(ad / as);
  mc += 55;
  if (s >= 0) mc += dividend >= 0 ? -1 : 1;
  for (let i = 0; i < 15; i++) {
    if ((aq & 0x8000) === 0) mc++;
    aq = (aq << 1) & 0xffff;
  }
  c.cycles += mc * 2 - 4;
  c.np();
  const q = Math.trunc(dividend / s), rm = dividend - q * s;
  if (q > 32767 || q < -32768) {
    c.v = 1; c.c = 0; c.n = 1; c.z = 0;
    return;
  }
  c.r[dn] = (rm << 16) | (q & 0xffff);
  c.n = (q >> 15) & 1; c.z = q === 0 ? 1 : 0; c.v = 0; c.c = 0;
}
function divZero(c: M68000): void {
  c.n = 0; c.z = 0; c.v = 0; c.c = 0;
  c.exception(5, c.pc - 2, 8);
}

export function chk(c: M68000, op: number): void {
  const bound = (c.readEa((op >> 3) & 7, op & 7, 1) << 16) >> 16;
  const d = (c.r[(op >> 9) & 7] << 16) >> 16;
  // vectors: V and C clear, N = Dn < 0. A negative Dn traps after 8 idle clocks when bit 15 of
  // (bound - Dn) is set, else after 10 (the microcode tests the subtraction's sign before Dn's);
  // Dn > bound traps after 8.
  c.z = d === 0 ? 1 : 0; c.v = 0; c.c = 0; c.n = d < 0 ? 1 : 0;
  if (d < 0) { c.exception(6, c.pc - 2, ((bound - d) & 0x8000) !== 0 ? 8 : 10); return; }
  if (d > bound) { c.exception(6, c.pc - 2, 8); return; }
  c.cycles += 6;
  c.np();
}
