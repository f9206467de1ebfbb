/**
 * NEC V20/V30 extended instructions behind the 0x0f prefix (the 8086's POP CS slot).
 *
 * Sources: NEC "V20/V30 User's Manual" (16-bit microprocessors: instruction set) for the operations
 * and flags; MAME's `nec` core (necinstr.hxx) for the clock counts and the decimal-string loop.
 * Encodings: 0F 10-17 TEST1/CLR1/SET1/NOT1 r/m,CL; 0F 18-1F the same with an imm3/imm4 bit number;
 * 0F 20 ADD4S, 0F 22 SUB4S, 0F 26 CMP4S; 0F 28 ROL4 r/m8, 0F 2A ROR4 r/m8; 0F 31 INS reg8,reg8,
 * 0F 33 EXT reg8,reg8, 0F 39 INS reg8,imm4, 0F 3B EXT reg8,imm4 (ModRM 11 reg rm: rm = first
 * operand, the bit offset; reg = second, the field length - 1); 0F FF BRKEM (8080 mode, not emulated).
 */
import type { I8086 } from './i8086';
import { invalidOpcode } from './i8086.ext186';
import { NEC0F_HANDLERS } from './i8086.gen';

const CF = 0x0001, ZF = 0x0040, OF = 0x0800;
const AX = 0, SI = 6, DI = 7;
const ES = 0;
const R8 = [0, 2, 4, 6, 1, 3, 5, 7];

/** 0x0F on a V20/V30: the sub-opcode that follows selects the instruction (i8086.ops.ts NEC0F_OPS). */
export function execNec0F(cpu: I8086): void {
  const op = cpu.fetch8();
  NEC0F_HANDLERS[op](cpu, op);
}

/** ROL4: AL low digit → operand low digit, operand low → high, high → AL low. */
export function necRol4(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.modrm();
  const v = cpu.getRM8();
  const al = cpu.r8[0];
  cpu.setRM8(((v << 4) | (al & 0x0f)) & 0xff);
  cpu.r8[0] = (al & 0xf0) | (v >> 4);
  cpu.icount -= cpu.mod === 3 ? t.rol4R : t.rol4M;
}

/** ROR4: AL low digit → operand high digit, operand high → low, low → AL low. */
export function necRor4(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.modrm();
  const v = cpu.getRM8();
  const al = cpu.r8[0];
  cpu.setRM8(((al & 0x0f) << 4) | (v >> 4));
  cpu.r8[0] = (al & 0xf0) | (v & 0x0f);
  cpu.icount -= cpu.mod === 3 ? t.rol4R + 4 : t.rol4M + 4;
}

/** Undefined sub-opcodes, and BRKEM (0xff), which would enter 8080 emulation mode: not emulated. */
export function necUndefined(cpu: I8086, _op: number): void {
  invalidOpcode(cpu);
}

/** TEST1/CLR1/SET1/NOT1: bit number from CL (0F 10-17) or an immediate (0F 18-1F), masked to the operand width. */
export function necBitOp(cpu: I8086, op: number): void {
  const t = cpu.t;
  cpu.modrm();
  const word = (op & 1) !== 0;
  const v = word ? cpu.getRM16() : cpu.getRM8();
  const n = ((op & 8) !== 0 ? cpu.fetch8() : cpu.r8[2]) & (word ? 15 : 7);
  const bit = 1 << n;
  cpu.icount -= ((op & 8) !== 0 ? t.bitImm : t.bitCl)[(op >> 1) & 3];
  switch ((op >> 1) & 3) {
    case 0: // TEST1: Z = 1 when the bit is 0; CY = V = 0 (NEC manual: S, AC, P undefined, kept)
      cpu.flags = (cpu.flags & ~(ZF | CF | OF)) | ((v & bit) === 0 ? ZF : 0);
      return;
    case 1: if (word) cpu.setRM16(v & ~bit); else cpu.setRM8(v & ~bit); return; // CLR1
    case 2: if (word) cpu.setRM16(v | bit); else cpu.setRM8(v | bit); return; // SET1
    default: if (word) cpu.setRM16(v ^ bit); else cpu.setRM8(v ^ bit); return; // NOT1
  }
}

/**
 * ADD4S/SUB4S/CMP4S: packed-BCD strings of CL digits ((CL + 1) / 2 bytes, low byte first) at
 * DS0:IX (source; segment override honoured) and DS1:IY (destination). ADD4S/SUB4S store the result
 * at DS1:IY; CMP4S only sets flags. CY = final carry/borrow, Z = every result byte zero; IX/IY unchanged.
 */
export function necBcdString(cpu: I8086, op: number): void {
  const r16 = cpu.r16;
  const count = (cpu.r8[2] + 1) >> 1;
  const src = cpu.dsBase(), dst = cpu.sreg[ES] << 4;
  let si = r16[SI], di = r16[DI];
  let carry = 0, nonzero = 0;
  for (let i = 0; i < count; i++) {
    const a = cpu.rd8(dst, di), b = cpu.rd8(src, si);
    const va = (a >> 4) * 10 + (a & 0x0f), vb = (b >> 4) * 10 + (b & 0x0f);
    let r: number;
    if (op === 0x20) {
      r = va + vb + carry;
      carry = r > 99 ? 1 : 0;
      if (carry) r -= 100;
    } else {
      r = va - vb - carry;
      carry = r < 0 ? 1 : 0;
      if (carry) r += 100;
    }
    const packed = ((((r / 10) | 0) << 4) | (r % 10)) & 0xff;
    if (op !== 0x26) cpu.wr8(dst, di, packed);
    if (packed !== 0) nonzero = 1;
    si = (si + 1) & 0xffff;
    di = (di + 1) & 0xffff;
    cpu.icount -= cpu.t.bcd4sPer;
  }
  cpu.icount -= 7;
  cpu.flags = (cpu.flags & ~(CF | ZF)) | carry | (nonzero ? 0 : ZF);
}

/**
 * INS reg8,reg8 / INS reg8,imm4: stores the low (len + 1) bits of AW into the bit field at DS1:IY,
 * starting at bit offset (first operand & 15) of the word there; the offset advances by the length
 * and IY by 2 when it passes bit 15. No flags change.
 */
export function necIns(cpu: I8086, op: number): void {
  const imm = op === 0x39;
  cpu.modrm();
  const offReg = R8[cpu.rm];
  const len = ((imm ? cpu.fetch8() : cpu.r8[R8[cpu.reg]]) & 0x0f) + 1;
  const off = cpu.r8[offReg] & 0x0f;
  const seg = cpu.sreg[ES] << 4, iy = cpu.r16[DI];
  // the field spans at most 31 bits from bit 0 of the word at IY: work on 32 bits
  const lo = cpu.rd16(seg, iy), hi = cpu.rd16(seg, (iy + 2) & 0xffff);
  let v = (lo | (hi << 16)) >>> 0;
  const mask = (((1 << len) - 1) << off) >>> 0;
  v = ((v & ~mask) | ((cpu.r16[AX] << off) & mask)) >>> 0;
  cpu.wr16(seg, iy, v & 0xffff);
  if (off + len > 16) cpu.wr16(seg, (iy + 2) & 0xffff, v >>> 16);
  advance(cpu, offReg, DI, off + len);
}

/** EXT reg8,reg8 / EXT reg8,imm4: loads the (len + 1)-bit field at DS0:IX, bit offset (first operand & 15), into AW. */
export function necExt(cpu: I8086, op: number): void {
  const imm = op === 0x3b;
  cpu.modrm();
  const offReg = R8[cpu.rm];
  const len = ((imm ? cpu.fetch8() : cpu.r8[R8[cpu.reg]]) & 0x0f) + 1;
  const off = cpu.r8[offReg] & 0x0f;
  const seg = cpu.dsBase(), ix = cpu.r16[SI];
  const lo = cpu.rd16(seg, ix), hi = cpu.rd16(seg, (ix + 2) & 0xffff);
  const v = (lo | (hi << 16)) >>> 0;
  cpu.r16[AX] = (v >>> off) & ((1 << len) - 1);
  advance(cpu, offReg, SI, off + len);
}

function advance(cpu: I8086, offReg: number, ptr: number, end: number): void {
  cpu.r8[offReg] = end & 0x0f;
  if (end > 15) cpu.r16[ptr] = (cpu.r16[ptr] + 2) & 0xffff;
  cpu.icount -= cpu.t.insExt;
}
