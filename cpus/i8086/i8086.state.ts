/**
 * Shared facts of the x86 core: the variants, FLAGS bits, register numbering, the parity/sign/zero
 * tables, prefix kinds and the fitted multiply/divide overheads. Used by the device (i8086.ts) and the
 * instruction files (i8086.exec.ts, i8086.alu.ts, i8086.string.ts, i8086.group.ts, i8086.ext186.ts).
 */
export type X86Variant = '8086' | '8088' | 'v20' | 'v30' | '80186' | '80188';

// FLAGS bits (Intel names)
export const CF = 0x0001, PF = 0x0004, AF = 0x0010, ZF = 0x0040, SF = 0x0080, TF = 0x0100, IF = 0x0200,
  DF = 0x0400, OF = 0x0800;
export const ARITH = CF | PF | AF | ZF | SF | OF;

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
export const AAM_BASE_8086 = 7, AAD_BASE_8086 = 59; // fitted: vectors D4/D5 (AAD: one clock per 1 bit of the base)
export const MUL_BASE_8086 = 13, MUL_MEM_8086 = 5, DIV_BASE_8086 = 3, DIV_MEM_8086 = 5, DIV_ERR_8086 = -4;

export function popcount(v: number): number {
  let n = 0;
  for (; v; v &= v - 1) n++;
  return n;
}

// prefix kinds (the `rep` field)
export const REP_NONE = 0, REP_Z = 1, REP_NZ = 2, REP_C = 3, REP_NC = 4;

// lazy arithmetic flags (I8086.lazyKind): odd kinds are byte operations, even ones word operations
export const LAZY_NONE = 0, LAZY_ADD8 = 1, LAZY_ADD16 = 2, LAZY_SUB8 = 3, LAZY_SUB16 = 4, LAZY_LOGIC8 = 5,
  LAZY_LOGIC16 = 6, LAZY_INC8 = 7, LAZY_INC16 = 8, LAZY_DEC8 = 9, LAZY_DEC16 = 10;
