/**
 * Clock counts per variant, one table per chip family, read by the core through `cpu.t.<field>`.
 *
 * Sources:
 * - 8086/8088: Intel "iAPX 86/88 User's Manual" instruction timing table (clocks without wait states;
 *   EA clocks added separately by the core; "+4 per word transfer" at odd addresses on the 8086 and on
 *   every word transfer on the 8088, applied by the core's bus penalty).
 * - V20/V30: NEC's clock counts as tabulated in MAME's `nec` core (necinstr.hxx, the V30 column,
 *   even-address figures; the core adds the odd/8-bit-bus penalty). NEC computes the EA in hardware,
 *   so `ea` is all zeros.
 * - 80186/80188: Intel 80C186 data sheet instruction set summary (from memory of the table; the
 *   figures are the register/memory base values, EA included as on that chip). guess: verify against
 *   the data sheet before relying on 80186 cycle exactness; no board we target uses an 80186.
 *
 * The conformance vectors (real 8086) show that real counts also depend on the prefetch queue; these
 * tables give the data-sheet count, and the accurate path adds the queue model of i8086.biu.ts.
 */

export interface X86Timing {
  /** EA calculation clocks by ModRM rm (mod 0, mod 1/2 add `eaDisp`); index 8 = direct address [disp16]. */
  ea: readonly number[];
  eaDisp: number;
  prefix: number;
  // ALU (ADD/OR/ADC/SBB/AND/SUB/XOR): reg,reg | reg,mem | mem,reg | reg,imm | mem,imm | acc,imm
  aluRR: number; aluRM: number; aluMR: number; aluRI: number; aluMI: number; aluAI: number;
  // CMP forms that do not write memory
  cmpMR: number; cmpMI: number;
  // TEST: reg,reg | mem,reg | reg,imm | mem,imm
  testRR: number; testRM: number; testRI: number; testMI: number;
  // MOV: reg,reg | reg,mem | mem,reg | reg,imm | mem,imm | acc<-mem | mem<-acc | sreg<-reg | sreg<-mem | reg<-sreg | mem<-sreg
  movRR: number; movRM: number; movMR: number; movRI: number; movMI: number; movAM: number; movMA: number;
  movSR: number; movSM: number; movRS: number; movMS: number;
  xchgRA: number; xchgRR: number; xchgRM: number;
  lea: number; ldsLes: number; xlat: number; lahf: number; sahf: number; pushf: number; popf: number;
  pushR: number; pushS: number; pushM: number; popR: number; popS: number; popM: number;
  incR16: number; incR8: number; incM: number; negR: number; negM: number;
  daa: number; aaa: number; aam: number; aad: number; cbw: number; cwd: number;
  mulR8: number; mulR16: number; imulR8: number; imulR16: number; divR8: number; divR16: number;
  idivR8: number; idivR16: number;
  /** memory forms add this to the register form (plus EA) */
  mulMemExtra: number;
  shift1R: number; shift1M: number; shiftClR: number; shiftClM: number; shiftPerBit: number;
  // strings: single | REP base | REP per iteration
  movs: number; movsRep: number; movsPer: number;
  cmps: number; cmpsRep: number; cmpsPer: number;
  scas: number; scasRep: number; scasPer: number;
  lods: number; lodsRep: number; lodsPer: number;
  stos: number; stosRep: number; stosPer: number;
  ins: number; insRep: number; insPer: number;
  outs: number; outsRep: number; outsPer: number;
  callNear: number; callR: number; callM: number; callFar: number; callMFar: number;
  jmpShort: number; jmpNear: number; jmpFar: number; jmpR: number; jmpM: number; jmpMFar: number;
  ret: number; retImm: number; retf: number; retfImm: number;
  jccTaken: number; jccNot: number;
  loopTaken: number; loopNot: number; loopeTaken: number; loopeNot: number; loopneTaken: number; loopneNot: number;
  jcxzTaken: number; jcxzNot: number;
  int: number; int3: number; intoTaken: number; intoNot: number; iret: number; intr: number; nmi: number;
  inFixed: number; inDx: number; outFixed: number; outDx: number;
  flagOp: number; hlt: number; wait: number; escR: number; escM: number; nop: number; salc: number; invalid: number;
  // 80186 / V30 additions
  pusha: number; popa: number; pushImm: number; pushImm8: number; imulImmR: number; imulImmM: number;
  /** IMUL reg, r/m, imm16 (0x69); the imm8 form (0x6b) uses imulImmR/M */
  imulImm16R: number; imulImm16M: number;
  shiftImmR: number; shiftImmM: number; bound: number; enter: number; enterPerLevel: number; leave: number;
  // NEC only
  /** TEST1/CLR1/SET1/NOT1 by CL and by immediate, in that order */
  bitCl: readonly number[]; bitImm: readonly number[]; bcd4sPer: number; rol4R: number; rol4M: number;
  insExt: number;
}

/** Intel 8086/8088 (iAPX 86/88 User's Manual, table of instruction timings). */
export const TIMING_8086: X86Timing = {
  // [bx+si] 7, [bx+di] 8, [bp+si] 8, [bp+di] 7, [si] 5, [di] 5, [bp] 5 (mod 1/2 only), [bx] 5; direct 6
  ea: [7, 8, 8, 7, 5, 5, 5, 5, 6], eaDisp: 4, prefix: 2,
  aluRR: 3, aluRM: 9, aluMR: 16, aluRI: 4, aluMI: 17, aluAI: 4,
  cmpMR: 9, cmpMI: 11,
  testRR: 3, testRM: 9, testRI: 5, testMI: 11,
  movRR: 2, movRM: 8, movMR: 9, movRI: 4, movMI: 10, movAM: 10, movMA: 11,
  movSR: 2, movSM: 8, movRS: 2, movMS: 8,
  xchgRA: 3, xchgRR: 4, xchgRM: 17,
  lea: 2, ldsLes: 16, xlat: 11, lahf: 2, sahf: 4, pushf: 10, popf: 8,
  pushR: 11, pushS: 10, pushM: 16, popR: 8, popS: 8, popM: 17,
  incR16: 2, incR8: 3, incM: 15, negR: 3, negM: 15,
  daa: 4, aaa: 8, aam: 83, aad: 60, cbw: 2, cwd: 5,
  mulR8: 70, mulR16: 118, imulR8: 80, imulR16: 128, divR8: 80, divR16: 144, idivR8: 101, idivR16: 165,
  mulMemExtra: 6,
  shift1R: 2, shift1M: 15, shiftClR: 8, shiftClM: 20, shiftPerBit: 4,
  movs: 18, movsRep: 9, movsPer: 17,
  cmps: 22, cmpsRep: 9, cmpsPer: 22,
  scas: 15, scasRep: 9, scasPer: 15,
  lods: 12, lodsRep: 9, lodsPer: 13,
  stos: 11, stosRep: 9, stosPer: 10,
  ins: 0, insRep: 0, insPer: 0, outs: 0, outsRep: 0, outsPer: 0,
  callNear: 19, callR: 16, callM: 21, callFar: 29, callMFar: 37,
  jmpShort: 15, jmpNear: 15, jmpFar: 15, jmpR: 11, jmpM: 16, jmpMFar: 24,
  ret: 16, retImm: 21, retf: 26, retfImm: 28,
  jccTaken: 17, jccNot: 4,
  loopTaken: 17, loopNot: 5, loopeTaken: 18, loopeNot: 6, loopneTaken: 18, loopneNot: 6,
  jcxzTaken: 18, jcxzNot: 6,
  int: 52, int3: 52, intoTaken: 53, intoNot: 4, iret: 32, intr: 61, nmi: 50,
  inFixed: 10, inDx: 8, outFixed: 11, outDx: 8,
  flagOp: 2, hlt: 2, wait: 3, escR: 2, escM: 8, nop: 3, salc: 4, invalid: 2,
  pusha: 0, popa: 0, pushImm: 0, pushImm8: 0, imulImmR: 0, imulImmM: 0, imulImm16R: 0, imulImm16M: 0,
  shiftImmR: 0, shiftImmM: 0, bound: 0,
  enter: 0, enterPerLevel: 0, leave: 0,
  bitCl: [0, 0, 0, 0], bitImm: [0, 0, 0, 0], bcd4sPer: 0, rol4R: 0, rol4M: 0, insExt: 0,
};

/** NEC V20/V30 (clock counts as tabulated per chip in MAME's `nec` core, V30 column). */
export const TIMING_V30: X86Timing = {
  ea: [0, 0, 0, 0, 0, 0, 0, 0, 0], eaDisp: 0, prefix: 2,
  aluRR: 2, aluRM: 11, aluMR: 16, aluRI: 4, aluMI: 18, aluAI: 4,
  cmpMR: 11, cmpMI: 13,
  testRR: 2, testRM: 10, testRI: 4, testMI: 11,
  movRR: 2, movRM: 11, movMR: 9, movRI: 4, movMI: 11, movAM: 10, movMA: 9,
  movSR: 2, movSM: 11, movRS: 2, movMS: 10,
  xchgRA: 3, xchgRR: 3, xchgRM: 16,
  lea: 4, ldsLes: 18, xlat: 9, lahf: 2, sahf: 3, pushf: 8, popf: 8,
  pushR: 8, pushS: 8, pushM: 18, popR: 8, popS: 8, popM: 21,
  incR16: 2, incR8: 2, incM: 16, negR: 2, negM: 16,
  daa: 3, aaa: 7, aam: 15, aad: 7, cbw: 2, cwd: 4,
  mulR8: 30, mulR16: 30, imulR8: 30, imulR16: 30, divR8: 43, divR16: 43, idivR8: 43, idivR16: 43,
  mulMemExtra: 6,
  shift1R: 6, shift1M: 16, shiftClR: 7, shiftClM: 19, shiftPerBit: 1,
  movs: 8, movsRep: 2, movsPer: 8,
  cmps: 14, cmpsRep: 2, cmpsPer: 14,
  scas: 4, scasRep: 2, scasPer: 4,
  lods: 4, lodsRep: 2, lodsPer: 4,
  stos: 4, stosRep: 2, stosPer: 4,
  ins: 8, insRep: 2, insPer: 8, outs: 8, outsRep: 2, outsPer: 8,
  callNear: 24, callR: 16, callM: 20, callFar: 29, callMFar: 26,
  jmpShort: 12, jmpNear: 15, jmpFar: 27, jmpR: 13, jmpM: 13, jmpMFar: 15,
  ret: 19, retImm: 24, retf: 29, retfImm: 32,
  jccTaken: 14, jccNot: 4,
  loopTaken: 13, loopNot: 5, loopeTaken: 14, loopeNot: 5, loopneTaken: 14, loopneNot: 5,
  jcxzTaken: 13, jcxzNot: 5,
  int: 50, int3: 50, intoTaken: 52, intoNot: 3, iret: 39, intr: 50, nmi: 50,
  inFixed: 9, inDx: 8, outFixed: 8, outDx: 8,
  flagOp: 2, hlt: 2, wait: 5, escR: 2, escM: 2, nop: 3, salc: 3, invalid: 10,
  pusha: 35, popa: 43, pushImm: 8, pushImm8: 7, imulImmR: 31, imulImmM: 39, imulImm16R: 38, imulImm16M: 47,
  shiftImmR: 7, shiftImmM: 19, bound: 20,
  enter: 23, enterPerLevel: 16, leave: 8,
  bitCl: [3, 5, 4, 4], bitImm: [4, 6, 5, 5], bcd4sPer: 19, rol4R: 13, rol4M: 28,
  insExt: 20, // guess: MAME does not implement INS/EXT; a V20 tutorial quotes 21-52 clocks by operand
};

/** Intel 80186/80188 (80C186 data sheet instruction set summary; see the header note). */
export const TIMING_80186: X86Timing = {
  ea: [0, 0, 0, 0, 0, 0, 0, 0, 0], eaDisp: 0, prefix: 2,
  aluRR: 3, aluRM: 10, aluMR: 10, aluRI: 4, aluMI: 16, aluAI: 3,
  cmpMR: 10, cmpMI: 10,
  testRR: 3, testRM: 10, testRI: 4, testMI: 10,
  movRR: 2, movRM: 9, movMR: 12, movRI: 3, movMI: 12, movAM: 8, movMA: 9,
  movSR: 2, movSM: 9, movRS: 2, movMS: 11,
  xchgRA: 3, xchgRR: 4, xchgRM: 17,
  lea: 6, ldsLes: 18, xlat: 11, lahf: 2, sahf: 3, pushf: 9, popf: 8,
  pushR: 10, pushS: 9, pushM: 16, popR: 10, popS: 8, popM: 20,
  incR16: 3, incR8: 3, incM: 15, negR: 3, negM: 10,
  daa: 4, aaa: 8, aam: 19, aad: 15, cbw: 2, cwd: 4,
  mulR8: 26, mulR16: 35, imulR8: 25, imulR16: 34, divR8: 29, divR16: 38, idivR8: 44, idivR16: 53,
  mulMemExtra: 6,
  shift1R: 2, shift1M: 15, shiftClR: 5, shiftClM: 17, shiftPerBit: 1,
  movs: 14, movsRep: 8, movsPer: 8,
  cmps: 22, cmpsRep: 5, cmpsPer: 22,
  scas: 15, scasRep: 5, scasPer: 15,
  lods: 12, lodsRep: 6, lodsPer: 11,
  stos: 10, stosRep: 6, stosPer: 9,
  ins: 14, insRep: 8, insPer: 8, outs: 14, outsRep: 8, outsPer: 8,
  callNear: 15, callR: 13, callM: 19, callFar: 23, callMFar: 38,
  jmpShort: 13, jmpNear: 13, jmpFar: 13, jmpR: 11, jmpM: 17, jmpMFar: 26,
  ret: 16, retImm: 18, retf: 22, retfImm: 25,
  jccTaken: 13, jccNot: 4,
  loopTaken: 16, loopNot: 6, loopeTaken: 16, loopeNot: 6, loopneTaken: 16, loopneNot: 6,
  jcxzTaken: 16, jcxzNot: 6,
  int: 47, int3: 45, intoTaken: 48, intoNot: 4, iret: 28, intr: 56, nmi: 47,
  inFixed: 10, inDx: 8, outFixed: 9, outDx: 7,
  flagOp: 2, hlt: 2, wait: 6, escR: 6, escM: 6, nop: 3, salc: 3, invalid: 2,
  pusha: 36, popa: 51, pushImm: 10, pushImm8: 10, imulImmR: 22, imulImmM: 29, imulImm16R: 22, imulImm16M: 29,
  shiftImmR: 5, shiftImmM: 17, bound: 33,
  enter: 15, enterPerLevel: 16, leave: 8,
  bitCl: [0, 0, 0, 0], bitImm: [0, 0, 0, 0], bcd4sPer: 0, rol4R: 0, rol4M: 0, insExt: 0,
};
