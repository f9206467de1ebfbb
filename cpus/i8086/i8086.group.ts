/** x86 BCD adjusts and the ModRM-reg groups 3/4/5 (MUL/IMUL/DIV/IDIV, INC/DEC, CALL/JMP/PUSH). */
import type { I8086 } from './i8086';
import { AAD_BASE_8086, AAM_BASE_8086, AF, ARITH, AX, CF, CS, DIV_BASE_8086, DIV_ERR_8086, DIV_MEM_8086, DX, MUL_BASE_8086, MUL_MEM_8086, OF, PAR, PF, REP_NONE, SF, SP, SS, SZP8, ZF, popcount } from './i8086.state';
import { add8, alu16, alu8, dec16, dec8, inc16, inc8, sub16, sub8 } from './i8086.alu';
import { invalidOpcode } from './i8086.ext186';
import { callFar } from './i8086.exec';

// ---- BCD adjust -------------------------------------------------------------------------------

/**
 * DAA/DAS as the 8086 does them (vectors 27/2F: the second test uses 0x9f when AF was set, 0x99
 * otherwise; OF undefined and masked). The same rule is used for all variants.
 */
export function daa(cpu: I8086): void {
  const al = cpu.r8[0], f = cpu.flags;
  const af = f & AF, cf = f & CF;
  let v = al, nf = f & ~(CF | AF);
  if ((al & 0x0f) > 9 || af) { v += 6; nf |= AF; }
  if (al > (af ? 0x9f : 0x99) || cf) { v += 0x60; nf |= CF; }
  v &= 0xff;
  cpu.r8[0] = v;
  cpu.flags = (nf & ~(SF | ZF | PF | OF)) | SZP8[v] | ((~al & v & 0x80) << 4);
  cpu.icount -= cpu.t.daa;
}

export function das(cpu: I8086): void {
  const al = cpu.r8[0], f = cpu.flags;
  const af = f & AF, cf = f & CF;
  let v = al, nf = f & ~(CF | AF);
  if ((al & 0x0f) > 9 || af) { v -= 6; nf |= AF; }
  if (al > (af ? 0x9f : 0x99) || cf) { v -= 0x60; nf |= CF; }
  v &= 0xff;
  cpu.r8[0] = v;
  cpu.flags = (nf & ~(SF | ZF | PF | OF)) | SZP8[v] | ((al & ~v & 0x80) << 4);
  cpu.icount -= cpu.t.daa;
}

/** AAA/AAS: the 8086 adjusts AL and AH separately (no carry from AL into AH, unlike the 286). */
export function aaa(cpu: I8086): void { asciiAdjust(cpu, 1); }
export function aas(cpu: I8086): void { asciiAdjust(cpu, -1); }

/** AAA (`step` +1) / AAS (-1): adjust AL to an unpacked BCD digit, carrying into AH. */
function asciiAdjust(cpu: I8086, step: number): void {
  const r8 = cpu.r8;
  if ((r8[0] & 0x0f) > 9 || (cpu.flags & AF)) {
    r8[0] = (r8[0] + 6 * step) & 0x0f;
    r8[1] = r8[1] + step;
    cpu.flags |= AF | CF;
  } else {
    r8[0] &= 0x0f;
    cpu.flags &= ~(AF | CF);
    if (cpu.intel86) cpu.icount--; // 8086 microcode: the no-adjust path is 1 clock longer (vectors 37/3F)
  }
  cpu.flags = (cpu.flags & ~(SF | ZF | PF)) | SZP8[r8[0]];
  cpu.icount -= cpu.t.aaa;
}

export function aam(cpu: I8086, base: number): void {
  if (cpu.nec) base = 10;
  if (cpu.intel86) {
    // the 8086 runs AAM through the CORD division loop (AH:AL = 0:AL / base)
    const clk = cord(cpu, 0, cpu.r8[0], base, 8);
    cpu.icount -= clk < 0 ? AAM_BASE_8086 - clk + DIV_ERR_8086 : AAM_BASE_8086 + clk;
  } else cpu.icount -= cpu.t.aam;
  if (base === 0) { divideError(cpu); return; }
  const al = cpu.r8[0];
  cpu.r8[1] = (al / base) | 0;
  cpu.r8[0] = al % base;
  cpu.flags = (cpu.flags & ~(SF | ZF | PF)) | SZP8[cpu.r8[0]];
}

export function aad(cpu: I8086, base: number): void {
  if (cpu.nec) base = 10;
  const v = (cpu.r8[0] + cpu.r8[1] * base) & 0xff;
  // flags as an 8-bit ADD of AL and AH*base (vectors D5: o, a, c undefined and masked)
  add8(cpu, cpu.r8[0], (cpu.r8[1] * base) & 0xff, 0);
  cpu.r16[AX] = v;
  // the 8086 runs AAD through the CORX multiply loop: one extra clock per 1 bit of the multiplier
  cpu.icount -= cpu.intel86 ? AAD_BASE_8086 + popcount(base) : cpu.t.aad;
}

// ---- group 3/4/5 ------------------------------------------------------------------------------

export function grp3_8(cpu: I8086): void {
  cpu.modrm();
  const t = cpu.t, mem = cpu.mod !== 3;
  const v = cpu.getRM8();
  const r8 = cpu.r8;
  switch (cpu.reg) {
    case 0: case 1: // TEST (1 is an undocumented alias on the 8086; vectors F6.1)
      alu8(cpu, 4, v, cpu.fetch8()); cpu.icount -= mem ? t.testMI : t.testRI; return;
    case 2: cpu.setRM8(~v & 0xff); cpu.icount -= mem ? t.negM : t.negR; return;
    case 3: cpu.setRM8(sub8(cpu, 0, v, 0)); cpu.icount -= mem ? t.negM : t.negR; return;
    case 4: {
      const a = r8[0];
      const p = a * v;
      cpu.r16[AX] = p;
      mulFlags(cpu, p > 0xff, p & 0xff);
      cpu.icount -= cpu.intel86 ? mulClocks(cpu, a, v, 8, false, p > 0xff) + (mem ? MUL_MEM_8086 : 0)
        : t.mulR8 + (mem ? t.mulMemExtra : 0);
      return;
    }
    case 5: {
      const a = r8[0];
      let p = ((a << 24) >> 24) * ((v << 24) >> 24);
      if (cpu.intel86 && cpu.rep !== REP_NONE) p = -p; // 8086 microcode: REP prefix negates (as IDIV)
      cpu.r16[AX] = p & 0xffff;
      mulFlags(cpu, p !== ((p << 24) >> 24), p & 0xff);
      cpu.icount -= cpu.intel86 ? mulClocks(cpu, a, v, 8, true, p !== ((p << 24) >> 24)) + (mem ? MUL_MEM_8086 : 0)
        : t.imulR8 + (mem ? t.mulMemExtra : 0);
      return;
    }
    case 6: {
      const n = cpu.r16[AX];
      if (cpu.intel86) {
        // CORD first subtracts the divisor from AH; no borrow means the quotient cannot fit (divisor 0
        // included), and the flags of that subtraction are what INT 0 pushes (vectors F6.6)
        const clk = cord(cpu, r8[1], r8[0], v, 8);
        cpu.icount -= (mem ? DIV_MEM_8086 : 0) + (clk < 0 ? DIV_BASE_8086 + 5 - clk + DIV_ERR_8086 : DIV_BASE_8086 + 7 + clk);
        if (clk < 0) { divideError(cpu); return; }
      } else {
        cpu.icount -= t.divR8 + (mem ? t.mulMemExtra : 0);
        if (r8[1] >= v) { divideError(cpu); return; }
      }
      const q = (n / v) | 0;
      r8[0] = q;
      r8[1] = n % v;
      return;
    }
    default: {
      if (cpu.intel86) { idiv8086(cpu, cpu.r16[AX], v, 8, mem); return; }
      cpu.icount -= t.idivR8 + (mem ? t.mulMemExtra : 0);
      const n = (cpu.r16[AX] << 16) >> 16, d = (v << 24) >> 24;
      if (d === 0) { divideError(cpu); return; }
      const q = (n / d) | 0;
      if (q > 127 || q < -128) { divideError(cpu); return; }
      r8[0] = q & 0xff;
      r8[1] = (n % d) & 0xff;
      return;
    }
  }
}

export function grp3_16(cpu: I8086): void {
  cpu.modrm();
  const t = cpu.t, mem = cpu.mod !== 3;
  const v = cpu.getRM16();
  const r16 = cpu.r16;
  switch (cpu.reg) {
    case 0: case 1:
      alu16(cpu, 4, v, cpu.fetch16()); cpu.icount -= mem ? t.testMI : t.testRI; return;
    case 2: cpu.setRM16(~v & 0xffff); cpu.icount -= mem ? t.negM : t.negR; return;
    case 3: cpu.setRM16(sub16(cpu, 0, v, 0)); cpu.icount -= mem ? t.negM : t.negR; return;
    case 4: {
      const a = r16[AX];
      const p = a * v;
      r16[AX] = p;
      const hi = Math.floor(p / 0x10000);
      r16[DX] = hi;
      mulFlags(cpu, hi !== 0, p & 0xffff);
      cpu.icount -= cpu.intel86 ? mulClocks(cpu, a, v, 16, false, hi !== 0) + (mem ? MUL_MEM_8086 : 0)
        : t.mulR16 + (mem ? t.mulMemExtra : 0);
      return;
    }
    case 5: {
      const a = r16[AX];
      let p = Math.imul((a << 16) >> 16, (v << 16) >> 16);
      if (cpu.intel86 && cpu.rep !== REP_NONE) p = -p | 0;
      r16[AX] = p;
      r16[DX] = p >> 16;
      mulFlags(cpu, p !== ((p << 16) >> 16), p & 0xffff);
      cpu.icount -= cpu.intel86 ? mulClocks(cpu, a, v, 16, true, p !== ((p << 16) >> 16)) + (mem ? MUL_MEM_8086 : 0)
        : t.imulR16 + (mem ? t.mulMemExtra : 0);
      return;
    }
    case 6: {
      if (cpu.intel86) {
        const clk = cord(cpu, r16[DX], r16[AX], v, 16);
        cpu.icount -= (mem ? DIV_MEM_8086 : 0) + (clk < 0 ? DIV_BASE_8086 + 5 - clk + DIV_ERR_8086 : DIV_BASE_8086 + 7 + clk);
        if (clk < 0) { divideError(cpu); return; }
      } else {
        cpu.icount -= t.divR16 + (mem ? t.mulMemExtra : 0);
        if (r16[DX] >= v) { divideError(cpu); return; }
      }
      const n = r16[DX] * 0x10000 + r16[AX];
      const q = Math.floor(n / v);
      r16[AX] = q;
      r16[DX] = n % v;
      return;
    }
    default: {
      if (cpu.intel86) { idiv8086(cpu, r16[DX] * 0x10000 + r16[AX], v, 16, mem); return; }
      cpu.icount -= t.idivR16 + (mem ? t.mulMemExtra : 0);
      const n = (r16[DX] << 16) | r16[AX], d = (v << 16) >> 16;
      if (d === 0) { divideError(cpu); return; }
      const q = Math.trunc(n / d);
      if (q > 32767 || q < -32768) { divideError(cpu); return; }
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
export function idiv8086(cpu: I8086, dividend: number, divisor: number, bits: number, mem: boolean): void {
  const mask = bits === 8 ? 0xff : 0xffff, top = bits === 8 ? 0x80 : 0x8000, span = mask + 1;
  const dividendNeg = dividend >= top * span;
  const divisorNeg = (divisor & top) !== 0;
  const n = dividendNeg ? span * span - dividend : dividend;
  const d = divisorNeg ? (span - divisor) & mask : divisor;
  const hi = Math.floor(n / span), lo = n % span;
  const neg = (dividendNeg ? 1 : 0) ^ (divisorNeg ? 1 : 0) ^ (cpu.rep !== REP_NONE ? 1 : 0);
  // PREIDIV: NEGATE entered at the top for a negative dividend, else at its divisor test
  let clk = DIV_BASE_8086 + (mem ? DIV_MEM_8086 : 0) + 6 + (dividendNeg ? 8 : 4) + (divisorNeg ? 2 : 3) + 2;
  const loop = cord(cpu, hi, lo, d, bits);
  if (loop < 0) { cpu.icount -= clk - loop + DIV_ERR_8086; divideError(cpu); return; }
  clk += loop + 2 + 2;
  const q = Math.floor(n / d), r = n % d;
  if (q & top) {
    // POSTIDIV: a quotient with its top bit set does not fit; CF comes from CORD's final rotate
    cpu.icount -= clk + 1 + DIV_ERR_8086;
    cpu.flags &= ~CF;
    divideError(cpu);
    return;
  }
  cpu.icount -= clk + 3 + 1 + 2 + 1 + 2;
  cpu.flags &= ~(CF | OF);
  const qs = neg ? (span - q) & mask : q;
  const rs = dividendNeg ? (span - r) & mask : r;
  if (bits === 8) { cpu.r8[0] = qs; cpu.r8[1] = rs; } else { cpu.r16[AX] = qs; cpu.r16[DX] = rs; }
}

/**
 * Clocks of the 8086 multiply microcode: the CORX shift-and-add loop costs 6 clocks per bit plus one
 * per 1 bit of the (absolute) accumulator operand; the signed form adds the PREIMUL sign handling,
 * an optional NEGATE (negative result, or REP) and the IMULCOF range test. Line-by-line costs follow
 * Ken Shirriff's reading of the 8086 microcode; the fixed overhead is fitted to the vectors (F6.4-F7.5).
 */
export function mulClocks(cpu: I8086, a: number, b: number, bits: number, signed: boolean, wide: boolean): number {
  const top = bits === 8 ? 0x80 : 0x8000, mask = bits === 8 ? 0xff : 0xffff;
  let c = MUL_BASE_8086 + bits * 6 - 1;
  if (!signed) return c + popcount(a & mask) + 6 + (wide ? 3 : 4);
  const aNeg = (a & top) !== 0, bNeg = (b & top) !== 0;
  const aa = aNeg ? (-a & mask) : a, bb = bNeg ? (-b & mask) : b;
  c += popcount(aa);
  c += 3 + (aNeg ? 3 : 1) + 3 + (bNeg ? 2 : 3); // PREIMUL and NEGATE entered at the divisor test
  if (aNeg !== bNeg !== (cpu.rep !== REP_NONE)) c += 1 + 5 + 3 + ((bb & top) !== 0 ? 2 : 3); // NEGATE product
  return c + 1 + 3 + (wide ? 3 : 4) + 2; // IMULCOF
}

/**
 * Runs the 8086 CORD division loop on tmpa:tmpc / tmpb for its clock count (per-line costs as in
 * Ken Shirriff's microcode analysis) and leaves the flags of its last flag-setting subtraction.
 * Returns -clocks when the first subtraction shows the quotient cannot fit (divide error).
 */
export function cord(cpu: I8086, a: number, c: number, b: number, bits: number): number {
  const mask = bits === 8 ? 0xff : 0xffff, shift = bits - 1;
  let clk = 3;
  if (bits === 8) sub8(cpu, a, b, 0); else sub16(cpu, a, b, 0);
  if (a >= b) return -(clk + 1);
  let carry = 1;
  for (let i = bits; i > 0; i--) {
    clk += 4;
    const cOut = (c >> shift) & 1;
    c = ((c << 1) | carry) & mask;
    const aOut = (a >> shift) & 1;
    a = ((a << 1) | cOut) & mask;
    if (aOut) { a = (a - b) & mask; carry = 0; clk += 3 + (i > 1 ? 1 : 2); continue; }
    if (bits === 8) sub8(cpu, a, b, 0); else sub16(cpu, a, b, 0);
    clk += 2;
    carry = a < b ? 1 : 0;
    if (!carry) { a = (a - b) & mask; clk += 2 + (i > 1 ? 1 : 2); } else clk += 1 + (i > 1 ? 1 : 0);
  }
  return clk + 4;
}

/** MUL/IMUL: CF = OF = upper half significant; S, Z, P, A undefined (set from the low half here). */
export function mulFlags(cpu: I8086, wide: boolean, low: number): void {
  cpu.flags = (cpu.flags & ~ARITH) | (wide ? CF | OF : 0) | (low === 0 ? ZF : 0) | PAR[low & 0xff];
}

/**
 * Divide error (type 0). The 8086/8088 push the address of the next instruction; the 80186 and NEC
 * parts push the address of the DIV itself so it can be restarted (80C186 data sheet "divide error
 * exception"; guess for the V30, as MAME's nec core does).
 */
export function divideError(cpu: I8086): void {
  if (!cpu.intel86) cpu.ip = cpu.insStart;
  cpu.interrupt(0);
  cpu.icount -= cpu.t.int;
}

export function grp4(cpu: I8086): void {
  cpu.modrm();
  const t = cpu.t;
  switch (cpu.reg) {
    case 0: cpu.setRM8(inc8(cpu, cpu.getRM8())); break;
    case 1: cpu.setRM8(dec8(cpu, cpu.getRM8())); break;
    default:
      // FE /2-/7 are undefined (no vectors): the 8086 runs the FF row on a byte operand; modelled
      // for /2-/6 as the word forms, /7 as /6.
      if (!cpu.intel86) { invalidOpcode(cpu); return; }
      grp5Op(cpu, cpu.reg === 7 ? 6 : cpu.reg, cpu.getRM8() | 0xff00);
      return;
  }
  cpu.icount -= cpu.mod === 3 ? t.incR8 : t.incM;
}

export function grp5(cpu: I8086): void {
  cpu.modrm();
  const reg = cpu.reg;
  if (reg === 3 || reg === 5) { grp5Op(cpu, reg, 0); return; } // far forms read their own operand
  grp5Op(cpu, reg === 7 && cpu.intel86 ? 6 : reg, cpu.getRM16());
}

export function grp5Op(cpu: I8086, reg: number, v: number): void {
  const t = cpu.t, mem = cpu.mod !== 3;
  switch (reg) {
    case 0: cpu.setRM16(inc16(cpu, v)); cpu.icount -= mem ? t.incM : t.incR16; return;
    case 1: cpu.setRM16(dec16(cpu, v)); cpu.icount -= mem ? t.incM : t.incR16; return;
    case 2: cpu.push16(cpu.ip); cpu.ip = v; cpu.icount -= mem ? t.callM : t.callR; return;
    case 3: {
      // CALL FAR m16:16 (a register operand is undefined: uses the last EA, not covered by vectors)
      callFar(cpu, cpu.rd16(cpu.eaSeg, cpu.eaOff), cpu.getRM16Next());
      cpu.icount -= t.callMFar;
      return;
    }
    case 4: cpu.ip = v; cpu.icount -= mem ? t.jmpM : t.jmpR; return;
    case 5: {
      const ip = cpu.rd16(cpu.eaSeg, cpu.eaOff);
      const cs = cpu.getRM16Next();
      cpu.ip = ip;
      cpu.loadCs(cs);
      cpu.icount -= t.jmpMFar;
      return;
    }
    case 6: {
      // PUSH r/m; PUSH SP via FF /6 pushes the decremented value like 0x54
      const sp = (cpu.r16[SP] - 2) & 0xffff;
      cpu.r16[SP] = sp;
      cpu.wr16(cpu.sreg[SS] << 4, sp, cpu.mod === 3 && cpu.rm === SP ? sp : v);
      cpu.icount -= mem ? t.pushM : t.pushR;
      return;
    }
    default: invalidOpcode(cpu); return;
  }
}
