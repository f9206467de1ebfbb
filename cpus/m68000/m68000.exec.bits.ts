/**
 * MC68000 bit operations and shifts: BTST/BCHG/BCLR/BSET (bit number in a register or immediate), and
 * the shifts and rotates on registers and memory.
 * Part of the instruction handlers (m68000.exec.ts lists them all): each performs the instruction's bus
 * accesses in the order the chip makes them so that cycle counts and address errors come out as on the
 * chip; the facts behind each ordering are the shared vectors (MAME's microcoded 68000) unless noted.
 * Comments give the bus sequence: np prefetch, nr/nw read/write, n idle (2 clocks each unit noted).
 */
import type { M68000 } from './m68000';
import { stdSize } from './m68000.exec.arith';

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
