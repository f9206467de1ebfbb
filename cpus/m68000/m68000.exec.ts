/**
 * MC68000 instruction handlers, one function per entry name of `m68000.ops.ts`. Each performs the
 * instruction's bus accesses in the order the chip makes them (comments: np prefetch, nr/nw
 * read/write, n idle clocks) so that cycle counts and address errors come out as on the chip; the
 * facts behind each ordering are the shared vectors (MAME's microcoded 68000) unless noted.
 */
import type { M68000 } from './m68000';


export type Handler = (c: M68000, op: number) => void;

// ---- instruction handlers ---------------------------------------------------------------------
// Comments give the bus sequence: np prefetch, nr/nw read/write, n idle (2 clocks each unit noted).

/** Read-modify-write store: a long goes low word first (vectors' bus order). */
function wrRmw(c: M68000, a: number, sz: number, v: number): void {
  if (sz === 2) c.wr32lo(a, v); else c.wrSz(a, sz, v);
}

/** standard size field bits 7-6 */
function stdSize(op: number): number { return (op >> 6) & 3; }

export function illegal(c: M68000): void { c.trapHere(4); }
export function linea(c: M68000): void { c.trapHere(10); }
export function linef(c: M68000): void { c.trapHere(11); }
function privilege(c: M68000): void { c.trapHere(8); }

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

export function swap(c: M68000, op: number): void {
  const reg = op & 7, v = c.r[reg];
  c.r[reg] = (v >>> 16) | (v << 16);
  c.logic(2, c.r[reg]);
  c.np();
}
export function extw(c: M68000, op: number): void {
  const reg = op & 7;
  const v = (c.r[reg] << 24) >> 24;
  c.setD(reg, 1, v);
  c.logic(1, v);
  c.np();
}
export function extl(c: M68000, op: number): void {
  const reg = op & 7;
  const v = (c.r[reg] << 16) >> 16;
  c.r[reg] = v;
  c.logic(2, v);
  c.np();
}
export function exg(c: M68000, op: number): void {
  const mode = (op >> 3) & 31;
  const rx = (op >> 9) & 7, ry = op & 7;
  const i = mode === 8 ? rx : mode === 9 ? 8 + rx : rx;
  const j = mode === 8 ? ry : 8 + ry;
  const t = c.r[i]; c.r[i] = c.r[j]; c.r[j] = t;
  c.np();
  c.cycles += 2;
}

/**
 * MOVE's store. A byte store cannot fault; a word store that faults has already set N/Z of the word
 * with V/C clear (SingleStepTests/m68000 MOVE.w: every faulting test). When a long store faults on its
 * first word, the flags show how far the microcode got; `flags` is the rule for the destination mode:
 * - 0 untouched: Dn/An/#imm source to (An) or (An)+ (vectors), and a memory source to (xxx).l —
 *   its microcode (MAME m68000-sdf.cpp, the mall1-mall3 sequence of the memory-to-abs.L MOVE.l
 *   handlers) sets N/Z/V/C only after the first write completes, and the suite's larger slice has
 *   `MOVE.l (A5)+,(xxx).l` faulting with the flags it started with;
 * - 1 N/Z of the low word, V/C clear: memory source to (An) or (An)+ (vectors);
 * - 2 N/Z of the high word, V/C clear: -(An) and (xxx).w, (xxx).l from a register or #imm, and a
 *   memory source to d16(An) or d8(An,Xn) (vectors);
 * - 3 N/Z of the high word, V/C kept: Dn/An/#imm source to d16(An) or d8(An,Xn) (vectors).
 * test/cpus/m68000.move-fault.test.ts checks one case of each.
 */
function moveStore(c: M68000, a: number, sz: number, v: number, flags: number, lowFirst: number): void {
  if (sz !== 2) { c.logic(sz, v); c.wrSz(a, sz, v); return; }
  if ((a & 1) !== 0) {
    if (flags === 1) { c.n = (v >>> 15) & 1; c.z = (v & 0xffff) === 0 ? 1 : 0; c.v = 0; c.c = 0; }
    else if (flags !== 0) {
      c.n = (v >>> 31) & 1; c.z = (v >>> 16) === 0 ? 1 : 0;
      if (flags === 2) { c.v = 0; c.c = 0; }
    }
    c.fault(lowFirst ? a + 2 : a, 0, 0);
  }
  c.logic(2, v);
  if (lowFirst) c.wr32lo(a, v); else c.wr32(a, v);
}

/** MOVE: source ea, then the destination in the bus order of UM table 8-2 */
export function move(c: M68000, op: number): void {
  const szf = op >> 12;
  const sz = szf === 1 ? 0 : szf === 3 ? 1 : 2;
  const smode = (op >> 3) & 7;
  const v = c.readEa(smode, op & 7, sz);
  const regSrc = smode <= 1 || (op & 0x3f) === 0x3c ? 1 : 0;
  const dmode = (op >> 6) & 7, dreg = (op >> 9) & 7;
  switch (dmode) {
    case 0:
      c.logic(sz, v);
      c.np();
      c.setD(dreg, sz, v);
      return;
    case 2:
      c.aeAdj = 0;
      moveStore(c, c.r[8 + dreg], sz, v, regSrc ? 0 : 1, 0);
      c.np();
      return;
    case 3: {
      const a = c.r[8 + dreg];
      c.aeAdj = 0;
      if (sz === 1 && (a & 1) !== 0) { c.logic(sz, v); c.fault(a, 0, 0); } // faults before An is incremented
      const step = sz === 2 ? 4 : sz === 1 || dreg === 7 ? 2 : 1;
      if (sz === 2) { moveStore(c, a, sz, v, regSrc ? 0 : 1, 0); c.r[8 + dreg] = a + step; }
      else { c.r[8 + dreg] = a + step; moveStore(c, a, sz, v, 0, 0); }
      c.np();
      return;
    }
    case 4: {
      // the prefetch comes before the store; a long store goes low word first
      const a = (c.r[8 + dreg] - (sz === 2 ? 4 : sz === 1 || dreg === 7 ? 2 : 1)) | 0;
      c.aeAdj = -2;
      if (sz === 2) {
        // the prefetch read happens first, but IR takes the new word only after the store
        const next = c.irc;
        c.cycles += 4;
        c.irc = c.program.read16(c.pc);
        c.pc = (c.pc + 2) | 0;
        moveStore(c, a, sz, v, 2, 1);
        c.r[8 + dreg] = a;
        c.ir = next;
      } else {
        c.np();
        c.r[8 + dreg] = a;
        moveStore(c, a, sz, v, 0, 0);
      }
      return;
    }
    case 5: {
      const a = (c.r[8 + dreg] + ((c.ext() << 16) >> 16)) | 0;
      c.aeAdj = -2;
      moveStore(c, a, sz, v, regSrc ? 3 : 2, 0);
      c.np();
      return;
    }
    case 6: {
      c.cycles += 2;
      const a = (c.r[8 + dreg] + c.index(c.ext())) | 0;
      c.aeAdj = -2;
      moveStore(c, a, sz, v, regSrc ? 3 : 2, 0);
      c.np();
      return;
    }
    default:
      if (dreg === 0) {
        const a = (c.ext() << 16) >> 16;
        c.aeAdj = -2;
        moveStore(c, a, sz, v, 2, 0);
        c.np();
      } else if (regSrc) {
        const a = c.ext32();
        c.aeAdj = -2;
        moveStore(c, a, sz, v, 2, 0);
        c.np();
      } else {
        // memory source: the low address word is still in irc at the store (np nw np np)
        const hi = c.ext();
        const a = (hi << 16) | c.irc;
        c.aeAdj = -2;
        moveStore(c, a, sz, v, 0, 0);
        c.ext();
        c.np();
      }
  }
}

export function movea(c: M68000, op: number): void {
  const long = (op >> 12) === 2;
  let v = c.readEa((op >> 3) & 7, op & 7, long ? 2 : 1);
  if (!long) v = (v << 16) >> 16;
  c.r[8 + ((op >> 9) & 7)] = v;
  c.np();
}

/** d8(An,Xn) or d8(PC,Xn) */
function isIndexed(op: number): boolean {
  const m = (op >> 3) & 7;
  return m === 6 || (m === 7 && (op & 7) === 3);
}

export function lea(c: M68000, op: number): void {
  const a = c.ea((op >> 3) & 7, op & 7, 2);
  if (isIndexed(op)) c.cycles += 2; // UM table 8-15: LEA (d8,An,Xn) 12
  c.np();
  c.r[8 + ((op >> 9) & 7)] = a;
}

export function pea(c: M68000, op: number): void {
  const mode = (op >> 3) & 7;
  const a = c.ea(mode, op & 7, 2);
  if (isIndexed(op)) c.cycles += 2; // UM table 8-15: PEA (d8,An,Xn) 20
  const sp = (c.r[15] - 4) | 0;
  c.r[15] = sp;
  if (mode === 7 && (op & 7) <= 1) {
    // absolute: push, then the prefetch (vectors' bus order)
    c.aeAdj = 2;
    c.wr32(sp, a);
    c.np();
  } else {
    // the prefetch read comes first, IR takes the word after the push
    const next = c.prefetchEarly();
    c.aeAdj = -2;
    c.wr32(sp, a);
    c.ir = next;
  }
}

export function link(c: M68000, op: number): void {
  const an = 8 + (op & 7);
  const v = c.r[an]; // vectors: LINK A7 pushes the value before the decrement
  const disp = (c.ext() << 16) >> 16; // bus order: displacement prefetch, push, prefetch
  const sp = (c.r[15] - 4) | 0;
  c.r[15] = sp;
  c.aeAdj = -2;
  c.wr32(sp, v);
  c.r[an] = sp;
  c.r[15] = (sp + disp) | 0;
  c.np();
}

export function unlk(c: M68000, op: number): void {
  const an = 8 + (op & 7);
  const a = c.r[an];
  c.aeAdj = 0;
  const v = c.rd32(a); // a fault leaves A7 as it was (vectors)
  c.r[15] = (a + 4) | 0;
  c.r[an] = v;
  c.np();
}

/** MOVEM registers → memory: np (mask) ea nw… np */
export function movemstore(c: M68000, op: number): void {
  const long = (op >> 6) & 1, mode = (op >> 3) & 7, reg = op & 7;
  const mask = c.ext();
  c.aeAdj = 0;
  if (mode === 4) {
    // predecrement: registers go a7…d0 downwards; the mask bit 0 is a7
    let a = c.r[8 + reg];
    for (let i = 0; i < 16; i++) {
      if ((mask >> i) & 1) {
        const v = c.r[15 - i];
        if (long) { a = (a - 4) | 0; c.wr32lo(a, v); } else { a = (a - 2) | 0; c.wr16(a, v); }
      }
    }
    c.r[8 + reg] = a;
    c.np();
    return;
  }
  let a = c.ea(mode, reg, long ? 2 : 1);
  c.aeAdj = 0;
  for (let i = 0; i < 16; i++) {
    if ((mask >> i) & 1) {
      if (long) { c.wr32(a, c.r[i]); a = (a + 4) | 0; } else { c.wr16(a, c.r[i]); a = (a + 2) | 0; }
    }
  }
  c.np();
}

/** MOVEM memory → registers: np (mask) ea nr… nr (one extra word) np */
export function movemload(c: M68000, op: number): void {
  const long = (op >> 6) & 1, mode = (op >> 3) & 7, reg = op & 7;
  const mask = c.ext();
  let a: number;
  if (mode === 3) a = c.r[8 + reg];
  else a = c.ea(mode, reg, long ? 2 : 1);
  const prog = mode === 7 && reg >= 2;
  c.aeAdj = 0;
  for (let i = 0; i < 16; i++) {
    if ((mask >> i) & 1) {
      if (long) {
        const v = prog ? (c.rdp16(a) << 16) | c.rdp16(a + 2) : c.rd32(a);
        c.r[i] = v;
        a = (a + 4) | 0;
      } else {
        c.r[i] = ((prog ? c.rdp16(a) : c.rd16(a)) << 16) >> 16;
        a = (a + 2) | 0;
      }
      if (mode === 3) c.r[8 + reg] = a;
    }
  }
  if (prog) c.rdp16(a); else c.rd16(a);
  if (mode === 3) c.r[8 + reg] = a;
  c.np();
}

/** MOVEP: alternate bytes, Dn→mem np nw… np ; mem→Dn np nr… np */
export function movep(c: M68000, op: number): void {
  const dn = (op >> 9) & 7, an = 8 + (op & 7), opm = (op >> 6) & 7;
  const a = (c.r[an] + ((c.ext() << 16) >> 16)) | 0;
  switch (opm) {
    case 4: { const v = (c.rd8(a) << 8) | c.rd8(a + 2); c.setD(dn, 1, v); break; }
    case 5: { c.r[dn] = (c.rd8(a) << 24) | (c.rd8(a + 2) << 16) | (c.rd8(a + 4) << 8) | c.rd8(a + 6); break; }
    case 6: { const v = c.r[dn]; c.wr8(a, v >> 8); c.wr8(a + 2, v); break; }
    default: { const v = c.r[dn]; c.wr8(a, v >>> 24); c.wr8(a + 2, v >> 16); c.wr8(a + 4, v >> 8); c.wr8(a + 6, v); }
  }
  c.np();
}

/** Bit number and Dn/memory operand for BTST/BCHG/BCLR/BSET; kind 0 tst 1 chg 2 clr 3 set */
function bitOp(c: M68000, op: number, bit: number, kind: number): void {
  const mode = (op >> 3) & 7, reg = op & 7;
  if (mode === 0) {
    bit &= 31;
    const d = c.r[reg];
    c.z = ((d >>> bit) & 1) ^ 1;
    c.np();
    if (kind === 0) { c.cycles += 2; return; }
    const m = 1 << bit;
    c.r[reg] = kind === 1 ? d ^ m : kind === 2 ? d & ~m : d | m;
    c.cycles += (kind === 2 ? 4 : 2) + (bit >= 16 ? 2 : 0);
    return;
  }
  bit &= 7;
  const a = c.ea(mode, reg, 0);
  const d = mode === 7 && reg >= 2 ? c.readPc8(a) : c.rd8(a);
  c.z = ((d >> bit) & 1) ^ 1;
  c.np();
  if (kind === 0) return;
  const m = 1 << bit;
  c.wr8(a, kind === 1 ? d ^ m : kind === 2 ? d & ~m : d | m);
}
export function btst(c: M68000, op: number): void {
  const mode = (op >> 3) & 7;
  if (mode === 7 && (op & 7) === 4) {
    // BTST Dn,#imm: the immediate byte is the operand
    const d = c.ext() & 0xff;
    c.z = ((d >> (c.r[(op >> 9) & 7] & 7)) & 1) ^ 1;
    c.np();
    c.cycles += 2;
    return;
  }
  bitOp(c, op, c.r[(op >> 9) & 7], 0);
}
export function bchg(c: M68000, op: number): void { bitOp(c, op, c.r[(op >> 9) & 7], 1); }
export function bclr(c: M68000, op: number): void { bitOp(c, op, c.r[(op >> 9) & 7], 2); }
export function bset(c: M68000, op: number): void { bitOp(c, op, c.r[(op >> 9) & 7], 3); }
export function btsti(c: M68000, op: number): void { bitOp(c, op, c.ext(), 0); }
export function bchgi(c: M68000, op: number): void { bitOp(c, op, c.ext(), 1); }
export function bclri(c: M68000, op: number): void { bitOp(c, op, c.ext(), 2); }
export function bseti(c: M68000, op: number): void { bitOp(c, op, c.ext(), 3); }

/** Shifts/rotates on Dn; kind 0 AS 1 LS 2 ROX 3 RO; bit 8 = left */
export function shiftr(c: M68000, op: number): void {
  const sz = stdSize(op), reg = op & 7, left = (op >> 8) & 1, kind = (op >> 3) & 3;
  const cnt = (op & 0x20) !== 0 ? c.r[(op >> 9) & 7] & 63 : ((op >> 9) & 7) || 8;
  const r = shiftVal(c, sz, c.r[reg] & (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1), cnt, left, kind);
  c.np();
  c.cycles += (sz === 2 ? 4 : 2) + 2 * cnt;
  c.setD(reg, sz, r);
}
export function shiftm(c: M68000, op: number): void {
  const a = c.ea((op >> 3) & 7, op & 7, 1);
  const d = c.rd16(a);
  const r = shiftVal(c, 1, d, 1, (op >> 8) & 1, (op >> 9) & 3);
  c.np();
  c.aeAdj = -2;
  c.wr16(a, r);
}

function shiftVal(c: M68000, sz: number, d: number, cnt: number, left: number, kind: number): number {
  const bits = 8 << sz, mask = (sz === 0 ? 0xff : sz === 1 ? 0xffff : -1), m = bits - 1;
  let r = d, cf = 0, vf = 0;
  if (cnt === 0) {
    c.c = kind === 2 ? c.x : 0;
    c.v = 0;
    r = d & mask;
    c.n = (r >>> m) & 1; c.z = r === 0 ? 1 : 0;
    return r;
  }
  switch (kind) {
    case 0: // ASL/ASR
      if (left) {
        for (let i = 0; i < cnt; i++) {
          cf = (r >>> m) & 1;
          const nr = (r << 1) & mask;
          if (((nr >>> m) & 1) !== ((r >>> m) & 1)) vf = 1;
          r = nr;
        }
      } else {
        const sign = (r >>> m) & 1;
        for (let i = 0; i < cnt; i++) {
          cf = r & 1;
          r = ((r >>> 1) | (sign << m)) & mask;
        }
      }
      c.x = cf;
      break;
    case 1: // LSL/LSR
      for (let i = 0; i < cnt; i++) {
        if (left) { cf = (r >>> m) & 1; r = (r << 1) & mask; } else { cf = r & 1; r = (r >>> 1) & mask; }
      }
      c.x = cf;
      break;
    case 2: { // ROXL/ROXR
      let xf = c.x;
      for (let i = 0; i < cnt; i++) {
        if (left) { const o = (r >>> m) & 1; r = ((r << 1) | xf) & mask; xf = o; } else { const o = r & 1; r = ((r >>> 1) | (xf << m)) & mask; xf = o; }
      }
      c.x = xf;
      cf = xf;
      break;
    }
    default: // ROL/ROR
      for (let i = 0; i < cnt; i++) {
        if (left) { cf = (r >>> m) & 1; r = ((r << 1) | cf) & mask; } else { cf = r & 1; r = ((r >>> 1) | (cf << m)) & mask; }
      }
  }
  c.c = cf;
  c.v = vf;
  c.n = (r >>> m) & 1;
  c.z = (r & mask) === 0 ? 1 : 0;
  return r;
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

// ---- program flow -----------------------------------------------------------------------------

export function bra(c: M68000, op: number): void {
  let disp = (op << 24) >> 24;
  if (disp === 0) disp = (c.irc << 16) >> 16;
  c.cycles += 2;
  c.jump((c.pc - 2 + disp) | 0, 0, -2);
}

export function bcc(c: M68000, op: number): void {
  const cc = (op >> 8) & 15;
  let disp = (op << 24) >> 24;
  if (c.cond(cc)) {
    const base = c.pc - 2;
    if (disp === 0) disp = (c.irc << 16) >> 16;
    c.cycles += 2;
    c.jump((base + disp) | 0, 0, -2);
    return;
  }
  c.cycles += 4;
  if (disp === 0) c.ext();
  c.np();
}

export function bsr(c: M68000, op: number): void {
  let disp = (op << 24) >> 24;
  const base = c.pc - 2;
  let ret = base;
  if (disp === 0) { disp = (c.irc << 16) >> 16; ret = c.pc; }
  c.cycles += 2;
  const sp = (c.r[15] - 4) | 0;
  c.r[15] = sp;
  c.aeAdj = -2;
  c.wr32(sp, ret);
  const to = (base + disp) | 0;
  if ((to & 1) !== 0) { c.pc = to; c.aeAdj = 0; c.fault(to, 1, 1); } // stacked PC is the target
  c.jump(to, 0, -2);
}

export function dbcc(c: M68000, op: number): void {
  if (c.cond((op >> 8) & 15)) {
    c.cycles += 4;
    c.ext();
    c.np();
    return;
  }
  const reg = op & 7;
  const cnt = ((c.r[reg] & 0xffff) - 1) & 0xffff;
  c.cycles += 2;
  if (cnt !== 0xffff) {
    // an odd target faults before Dn is written back (vectors)
    c.jump((c.pc - 2 + ((c.irc << 16) >> 16)) | 0, 0, 0);
    c.setD(reg, 1, cnt);
    return;
  }
  c.setD(reg, 1, cnt);
  c.cycles += 4;
  c.ext();
  c.np();
}

/** JMP/JSR target: (An) 0, d16 n2, d8 n6, abs.W n2, abs.L np; PC modes like An's */
function jumpTarget(c: M68000, op: number): number {
  const mode = (op >> 3) & 7, reg = op & 7;
  switch (mode) {
    case 2: return c.r[8 + reg];
    case 5: c.cycles += 2; return (c.r[8 + reg] + ((c.irc << 16) >> 16)) | 0;
    case 6: c.cycles += 6; return (c.r[8 + reg] + c.index(c.irc)) | 0;
  }
  switch (reg) {
    case 0: c.cycles += 2; return (c.irc << 16) >> 16;
    case 1: { const hi = c.irc; c.ext(); return (hi << 16) | c.irc; }
    case 2: c.cycles += 2; return (c.pc - 2 + ((c.irc << 16) >> 16)) | 0;
    default: c.cycles += 6; return (c.pc - 2 + c.index(c.irc)) | 0;
  }
}

export function jmp(c: M68000, op: number): void {
  const to = jumpTarget(c, op);
  c.jump(to, 0, (op & 0x3f) === 0x39 ? -4 : -2);
}

export function jsr(c: M68000, op: number): void {
  const mode = (op >> 3) & 7, reg = op & 7;
  // return address: after the extension words
  const ret = mode === 2 ? c.pc - 2 : mode === 7 && reg === 1 ? c.pc + 2 : c.pc;
  const to = jumpTarget(c, op);
  if ((to & 1) !== 0) { c.aeAdj = mode === 2 ? -2 : 0; c.fault(to, 1, 1); }
  // JSR fetches the first word at the target, pushes, then fetches the second
  c.cycles += 4;
  const first = c.program.read16(to);
  const sp = (c.r[15] - 4) | 0;
  c.r[15] = sp;
  c.aeAdj = 0;
  c.wr32(sp, ret);
  c.ir = first;
  c.cycles += 4;
  c.irc = c.program.read16(to + 2);
  c.pc = (to + 4) | 0;
}

export function rts(c: M68000): void {
  const sp = c.r[15];
  c.aeAdj = -2;
  const to = c.rd32(sp);
  c.r[15] = (sp + 4) | 0;
  c.jump(to, 0, -2);
}

export function rtr(c: M68000): void {
  const sp = c.r[15];
  c.aeAdj = -2;
  const ccr = c.rd16(sp);
  const to = c.rd32(sp + 2);
  c.r[15] = (sp + 6) | 0;
  c.setCCR(ccr);
  c.jump(to, 0, -2);
}

export function rte(c: M68000): void {
  if (!c.s) { privilege(c); return; }
  const sp = c.r[15];
  c.aeAdj = -2;
  const sr = c.rd16(sp);
  const to = c.rd32(sp + 2);
  c.r[15] = (sp + 6) | 0;
  c.setSR(sr);
  c.jump(to, 0, -2);
}

export function trap(c: M68000, op: number): void { c.exception(32 + (op & 15), c.pc - 2, 4); }

export function trapv(c: M68000): void {
  if (c.v) { c.np(); c.exception(7, c.pc - 4, 0); return; }
  c.np();
}

export function nop(c: M68000): void { c.np(); }

export function reset(c: M68000): void {
  if (!c.s) { privilege(c); return; }
  // UM table 8-12: RESET 132 clocks; the RESET pin is asserted for 124 of them
  c.resetOut(1);
  c.resetOut(0);
  c.cycles += 128;
  c.np();
}

export function stop(c: M68000): void {
  if (!c.s) { privilege(c); return; }
  // vectors: the immediate is taken from irc without a prefetch; pc stays after the operand
  c.setSR(c.irc);
  c.cycles += 4;
  c.stopped = 1;
  c.updateAttn();
}

// ---- status register ops -----------------------------------------------------------------------

function ccrImm(c: M68000, kind: number): void {
  const v = c.ext() & 0x1f;
  const ccr = c.getSR() & 0x1f;
  c.setCCR(kind === 0 ? ccr | v : kind === 1 ? ccr & v : ccr ^ v);
  c.cycles += 8;
  c.jump(c.pc - 2, 0, 0);
}
function srImm(c: M68000, kind: number): void {
  if (!c.s) { privilege(c); return; }
  const v = c.ext();
  const sr = c.getSR();
  c.setSR((kind === 0 ? sr | v : kind === 1 ? sr & v : sr ^ v) & 0xa71f);
  c.cycles += 8;
  c.jump(c.pc - 2, 0, 0);
}
export function oriccr(c: M68000): void { ccrImm(c, 0); }
export function andiccr(c: M68000): void { ccrImm(c, 1); }
export function eoriccr(c: M68000): void { ccrImm(c, 2); }
export function orisr(c: M68000): void { srImm(c, 0); }
export function andisr(c: M68000): void { srImm(c, 1); }
export function eorisr(c: M68000): void { srImm(c, 2); }

export function movetoccr(c: M68000, op: number): void {
  const v = c.readEa((op >> 3) & 7, op & 7, 1);
  c.setCCR(v);
  c.cycles += 4;
  c.jump(c.pc - 2, 0, 0);
}
export function movetosr(c: M68000, op: number): void {
  if (!c.s) { privilege(c); return; }
  const v = c.readEa((op >> 3) & 7, op & 7, 1);
  c.setSR(v & 0xa71f);
  c.cycles += 4;
  c.jump(c.pc - 2, 0, 0);
}
export function movefromsr(c: M68000, op: number): void {
  const mode = (op >> 3) & 7, reg = op & 7;
  const sr = c.getSR();
  if (mode === 0) {
    c.np();
    c.cycles += 2;
    c.setD(reg, 1, sr);
    return;
  }
  const a = c.ea(mode, reg, 1);
  c.rd16(a);
  c.np();
  c.aeAdj = -2;
  c.wr16(a, sr);
}
export function movetousp(c: M68000, op: number): void {
  if (!c.s) { privilege(c); return; }
  c.osp = c.r[8 + (op & 7)];
  c.np();
}
export function movefromusp(c: M68000, op: number): void {
  if (!c.s) { privilege(c); return; }
  c.r[8 + (op & 7)] = c.osp;
  c.np();
}

export const HANDLER_FNS: Record<string, Handler> = {
  illegal, linea, linef, add, sub, and, or, cmp, addm, subm, andm, orm, eor, adda, suba, cmpa,
  ori, andi, subi, addi, eori, cmpi, addq, subq, moveq, addx, subx, cmpm, abcd, sbcd, nbcd,
  clr, neg, negx, not, tst, tas, scc, swap, extw, extl, exg, move, movea, lea, pea, link, unlk,
  movemstore, movemload, movep, btst, bchg, bclr, bset, btsti, bchgi, bclri, bseti, shiftr, shiftm,
  mulu, muls, divu, divs, chk, bra, bcc, bsr, dbcc, jmp, jsr, rts, rtr, rte, trap, trapv, nop, reset, stop,
  oriccr, andiccr, eoriccr, orisr, andisr, eorisr, movetoccr, movetosr, movefromsr, movetousp, movefromusp,
};

