/**
 * The x86 opcode table: the one description of the instruction set. One row per handler: its
 * opcodes, the operand pattern of each (8086, and the 80186/V30 row where it replaces an 8086
 * alias), the handler that runs it (in i8086.exec.ts, i8086.group.ts, i8086.ext186.ts, v30.ts) and
 * the clock counts it charges, per family.
 *
 * - `tools/gen-i8086.ts` generates `i8086.gen.ts` from it: the opcode → handler tables, the fast run
 *   loop's dispatch, the `X86Timing` interface and the per-family clock tables the handlers read as
 *   `cpu.t.<name>` (test/cpus/i8086.generated.test.ts checks the file is current).
 * - The disassembler (i8086.dasm.ts) prints from the patterns; `HAS_MODRM`, `IMM_BYTES` and
 *   `insnLength` (the BIU model's instruction lengths, i8086.biu.ts) derive from them.
 *
 * Pattern: mnemonic, then operands. `E` = ModRM r/m, `G` = ModRM reg, `S` = segment register from
 * ModRM reg, `R` = register from ModRM r/m (NEC INS/EXT), `M` = memory only, `I` = immediate, `J` =
 * relative target, `O` = direct offset, `A` = far pointer; the suffix is the size (`b` byte, `w` word,
 * `s` sign-extended byte, `p` far pointer, `?` ESC's unsized operand). Lower-case operands are fixed
 * registers or constants. Group opcodes (`alu`, `shift`, `grp3`, `grp5`) take their mnemonic from
 * ModRM reg. Sources: Intel iAPX 86/88 User's Manual (opcode map), Intel 80186 data sheet, NEC V20/V30
 * User's Manual; the 8086 aliases (0x60-0x6F as Jcc, 0xC0/0xC1/0xC8/0xC9 as RET/RETF) from the
 * SingleStepTests/8086 metadata.
 *
 * Clocks `[8086, V30, 80186]` (same figures for the 8088, V20 and 80188; the core adds the bus
 * penalties):
 * - 8086/8088: Intel "iAPX 86/88 User's Manual" instruction timing table (clocks without wait states;
 *   EA clocks added separately by the core; "+4 per word transfer" at odd addresses on the 8086 and on
 *   every word transfer on the 8088, applied by the core's bus penalty). The conformance vectors (a
 *   real 8086) show that real counts also depend on the prefetch queue; these are the data-sheet
 *   counts, and the accurate path adds the queue model of i8086.biu.ts.
 * - V20/V30: NEC's clock counts as tabulated in MAME's `nec` core (necinstr.hxx, the V30 column,
 *   even-address figures; the core adds the odd/8-bit-bus penalty). NEC computes the EA in hardware,
 *   so `ea` is all zeros.
 * - 80186/80188: Intel 80C186 data sheet instruction set summary (from memory of the table; the
 *   figures are the register/memory base values, EA included as on that chip). guess: verify against
 *   the data sheet before relying on 80186 cycle exactness; no board we target uses an 80186.
 * A clock is declared on the first row that charges it; later rows name it in `uses`.
 */

/** A clock count per family: 8086/8088, V20/V30, 80186/80188 (a list where the count depends on a sub-field). */
export type Clocks = readonly [number, number, number] | readonly [readonly number[], readonly number[], readonly number[]];

export interface OpRow {
  /** the opcodes this row covers */
  readonly ops: readonly number[];
  /** 8086 operand pattern, one for all `ops` or one each ('' for prefix bytes) */
  readonly pattern: string | readonly string[];
  /** 80186/V30 pattern where it differs from the 8086's (an 8086 alias); null = undefined opcode there */
  readonly ext?: readonly (string | null)[] | null;
  /** name of the handler `(cpu, op) => void` */
  readonly exec: string;
  /** clocks first charged by this row */
  readonly clocks?: Readonly<Record<string, Clocks>>;
  /** clocks declared on earlier rows that this row's handler also charges */
  readonly uses?: readonly string[];
}

export const R8N = ['al', 'cl', 'dl', 'bl', 'ah', 'ch', 'dh', 'bh'];
export const R16N = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'];
export const SEGN = ['es', 'cs', 'ss', 'ds'];
export const EAN = ['bx+si', 'bx+di', 'bp+si', 'bp+di', 'si', 'di', 'bp', 'bx'];
export const CC = ['o', 'no', 'b', 'nb', 'z', 'nz', 'be', 'nbe', 's', 'ns', 'p', 'np', 'l', 'nl', 'le', 'nle'];
export const ALU = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'];
export const SHIFT = ['rol', 'ror', 'rcl', 'rcr', 'shl', 'shr', 'setmo', 'sar'];
export const GRP3 = ['test', 'test', 'not', 'neg', 'mul', 'imul', 'div', 'idiv'];
export const GRP5 = ['inc', 'dec', 'call', 'call far', 'jmp', 'jmp far', 'push', 'push'];

/** `n` opcodes from `first`, `step` apart. */
function run(first: number, n: number, step = 1): number[] {
  return Array.from({ length: n }, (_, i) => first + i * step);
}
const aluRow = (operands: string) => ALU.map((m) => `${m} ${operands}`);
const z = [0, 0, 0, 0];

/** The one-byte opcode map (every opcode in exactly one row). */
export const OPS: readonly OpRow[] = [
  { ops: run(0x00, 8, 8), pattern: aluRow('Eb,Gb'), exec: 'op00_38', clocks: { aluRR: [3, 2, 3], aluMR: [16, 16, 10], cmpMR: [9, 11, 10] } },
  { ops: run(0x01, 8, 8), pattern: aluRow('Ew,Gw'), exec: 'op01_39', uses: ['aluRR', 'aluMR', 'cmpMR'] },
  { ops: run(0x02, 8, 8), pattern: aluRow('Gb,Eb'), exec: 'op02_3a', clocks: { aluRM: [9, 11, 10] }, uses: ['aluRR'] },
  { ops: run(0x03, 8, 8), pattern: aluRow('Gw,Ew'), exec: 'op03_3b', uses: ['aluRR', 'aluRM'] },
  { ops: run(0x04, 8, 8), pattern: aluRow('al,Ib'), exec: 'op04_3c', clocks: { aluAI: [4, 4, 3] } },
  { ops: run(0x05, 8, 8), pattern: aluRow('ax,Iw'), exec: 'op05_3d', uses: ['aluAI'] },
  { ops: run(0x06, 4, 8), pattern: SEGN.map((s) => `push ${s}`), exec: 'op06_1e', clocks: { pushS: [10, 8, 9] } },
  { ops: [0x07, 0x17, 0x1f], pattern: ['pop es', 'pop ss', 'pop ds'], exec: 'op07_1f', clocks: { popS: [8, 8, 8] } },
  // 8086: POP CS; V20/V30: the 0x0F page (NEC0F below); 80186: undefined
  { ops: [0x0f], pattern: 'pop cs', ext: [null], exec: 'op0f', uses: ['popS'] },
  { ops: [0x26, 0x2e, 0x36, 0x3e, 0xf0, 0xf1, 0xf2, 0xf3], pattern: '', exec: 'opPrefix', clocks: { prefix: [2, 2, 2] } },
  { ops: [0x27], pattern: 'daa', exec: 'op27', clocks: { daa: [4, 3, 4] } },
  { ops: [0x2f], pattern: 'das', exec: 'op2f', uses: ['daa'] },
  { ops: [0x37], pattern: 'aaa', exec: 'op37', clocks: { aaa: [8, 7, 8] } },
  { ops: [0x3f], pattern: 'aas', exec: 'op3f', uses: ['aaa'] },
  { ops: run(0x40, 8), pattern: R16N.map((r) => `inc ${r}`), exec: 'op40_47', clocks: { incR16: [2, 2, 3] } },
  { ops: run(0x48, 8), pattern: R16N.map((r) => `dec ${r}`), exec: 'op48_4f', uses: ['incR16'] },
  { ops: [0x50, 0x51, 0x52, 0x53, 0x55, 0x56, 0x57], pattern: ['push ax', 'push cx', 'push dx', 'push bx', 'push bp', 'push si', 'push di'], exec: 'op50_57', clocks: { pushR: [11, 8, 10] } },
  { ops: [0x54], pattern: 'push sp', exec: 'op54', uses: ['pushR'] },
  { ops: run(0x58, 8), pattern: R16N.map((r) => `pop ${r}`), exec: 'op58_5f', clocks: { popR: [8, 8, 10] } },
  {
    ops: run(0x60, 16), pattern: CC.map((c) => `j${c} Jb`), exec: 'op60_6f',
    ext: ['pusha', 'popa', 'bound Gw,M', null, null, null, null, null, 'push Iw', 'imul Gw,Ew,Iw', 'push Is', 'imul Gw,Ew,Is', 'insb', 'insw', 'outsb', 'outsw'],
    clocks: {
      pusha: [0, 35, 36], popa: [0, 43, 51], bound: [0, 20, 33], pushImm: [0, 8, 10], pushImm8: [0, 7, 10],
      /** IMUL reg, r/m, imm8 (0x6b) */
      imulImmR: [0, 31, 22], imulImmM: [0, 39, 29],
      /** IMUL reg, r/m, imm16 (0x69) */
      imulImm16R: [0, 38, 22], imulImm16M: [0, 47, 29],
      ins: [0, 8, 14], insRep: [0, 2, 8], insPer: [0, 8, 8], outs: [0, 8, 14], outsRep: [0, 2, 8], outsPer: [0, 8, 8],
    },
    uses: ['jccTaken', 'jccNot'],
  },
  { ops: run(0x70, 16), pattern: CC.map((c) => `j${c} Jb`), exec: 'op70_7f', clocks: { jccTaken: [17, 14, 13], jccNot: [4, 4, 4] } },
  { ops: [0x80, 0x82], pattern: 'alu Eb,Ib', exec: 'op80_82', clocks: { aluRI: [4, 4, 4], aluMI: [17, 18, 16], cmpMI: [11, 13, 10] } },
  { ops: [0x81, 0x83], pattern: ['alu Ew,Iw', 'alu Ew,Is'], exec: 'op81_83', uses: ['aluRI', 'aluMI', 'cmpMI'] },
  { ops: [0x84], pattern: 'test Eb,Gb', exec: 'op84', clocks: { testRR: [3, 2, 3], testRM: [9, 10, 10] } },
  { ops: [0x85], pattern: 'test Ew,Gw', exec: 'op85', uses: ['testRR', 'testRM'] },
  { ops: [0x86], pattern: 'xchg Eb,Gb', exec: 'op86', clocks: { xchgRR: [4, 3, 4], xchgRM: [17, 16, 17] } },
  { ops: [0x87], pattern: 'xchg Ew,Gw', exec: 'op87', uses: ['xchgRR', 'xchgRM'] },
  { ops: [0x88], pattern: 'mov Eb,Gb', exec: 'op88', clocks: { movRR: [2, 2, 2], movMR: [9, 9, 12] } },
  { ops: [0x89], pattern: 'mov Ew,Gw', exec: 'op89', uses: ['movRR', 'movMR'] },
  { ops: [0x8a], pattern: 'mov Gb,Eb', exec: 'op8a', clocks: { movRM: [8, 11, 9] }, uses: ['movRR'] },
  { ops: [0x8b], pattern: 'mov Gw,Ew', exec: 'op8b', uses: ['movRR', 'movRM'] },
  { ops: [0x8c], pattern: 'mov Ew,Sw', exec: 'op8c', clocks: { movRS: [2, 2, 2], movMS: [8, 10, 11] } },
  { ops: [0x8d], pattern: 'lea Gw,M', exec: 'op8d', clocks: { lea: [2, 4, 6] } },
  { ops: [0x8e], pattern: 'mov Sw,Ew', exec: 'op8e', clocks: { movSR: [2, 2, 2], movSM: [8, 11, 9] } },
  { ops: [0x8f], pattern: 'pop Ew', exec: 'op8f', clocks: { popM: [17, 21, 20] }, uses: ['popR'] },
  { ops: [0x90], pattern: 'nop', exec: 'op90', clocks: { nop: [3, 3, 3] } },
  { ops: run(0x91, 7), pattern: R16N.slice(1).map((r) => `xchg ${r},ax`), exec: 'op91_97', clocks: { xchgRA: [3, 3, 3] } },
  { ops: [0x98], pattern: 'cbw', exec: 'op98', clocks: { cbw: [2, 2, 2] } },
  { ops: [0x99], pattern: 'cwd', exec: 'op99', clocks: { cwd: [5, 4, 4] } },
  { ops: [0x9a], pattern: 'call Ap', exec: 'op9a', clocks: { callFar: [29, 29, 23] } },
  { ops: [0x9b], pattern: 'wait', exec: 'op9b', clocks: { wait: [3, 5, 6] } },
  { ops: [0x9c], pattern: 'pushf', exec: 'op9c', clocks: { pushf: [10, 8, 9] } },
  { ops: [0x9d], pattern: 'popf', exec: 'op9d', clocks: { popf: [8, 8, 8] } },
  { ops: [0x9e], pattern: 'sahf', exec: 'op9e', clocks: { sahf: [4, 3, 3] } },
  { ops: [0x9f], pattern: 'lahf', exec: 'op9f', clocks: { lahf: [2, 2, 2] } },
  { ops: [0xa0], pattern: 'mov al,Ob', exec: 'opa0', clocks: { movAM: [10, 10, 8] } },
  { ops: [0xa1], pattern: 'mov ax,Ow', exec: 'opa1', uses: ['movAM'] },
  { ops: [0xa2], pattern: 'mov Ob,al', exec: 'opa2', clocks: { movMA: [11, 9, 9] } },
  { ops: [0xa3], pattern: 'mov Ow,ax', exec: 'opa3', uses: ['movMA'] },
  {
    // single, REP start-up, per REP iteration
    ops: [0xa4, 0xa5, 0xa6, 0xa7, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf],
    pattern: ['movsb', 'movsw', 'cmpsb', 'cmpsw', 'stosb', 'stosw', 'lodsb', 'lodsw', 'scasb', 'scasw'], exec: 'opa4_af',
    clocks: {
      movs: [18, 8, 14], movsRep: [9, 2, 8], movsPer: [17, 8, 8], cmps: [22, 14, 22], cmpsRep: [9, 2, 5], cmpsPer: [22, 14, 22],
      stos: [11, 4, 10], stosRep: [9, 2, 6], stosPer: [10, 4, 9], lods: [12, 4, 12], lodsRep: [9, 2, 6], lodsPer: [13, 4, 11],
      scas: [15, 4, 15], scasRep: [9, 2, 5], scasPer: [15, 4, 15],
    },
  },
  { ops: [0xa8], pattern: 'test al,Ib', exec: 'opa8', uses: ['aluAI'] },
  { ops: [0xa9], pattern: 'test ax,Iw', exec: 'opa9', uses: ['aluAI'] },
  { ops: run(0xb0, 8), pattern: R8N.map((r) => `mov ${r},Ib`), exec: 'opb0_b7', clocks: { movRI: [4, 4, 3] } },
  { ops: run(0xb8, 8), pattern: R16N.map((r) => `mov ${r},Iw`), exec: 'opb8_bf', uses: ['movRI'] },
  { ops: [0xc0, 0xc1], pattern: ['ret Iw', 'ret'], ext: ['shift Eb,Ib', 'shift Ew,Ib'], exec: 'opc0_c1', clocks: { shiftImmR: [0, 7, 5], shiftImmM: [0, 19, 17] }, uses: ['shiftPerBit', 'retImm', 'ret'] },
  { ops: [0xc2], pattern: 'ret Iw', exec: 'opc2', clocks: { retImm: [21, 24, 18] } },
  { ops: [0xc3], pattern: 'ret', exec: 'opc3', clocks: { ret: [16, 19, 16] } },
  { ops: [0xc4, 0xc5], pattern: ['les Gw,M', 'lds Gw,M'], exec: 'opc4_c5', clocks: { ldsLes: [16, 18, 18] } },
  { ops: [0xc6], pattern: 'mov Eb,Ib', exec: 'opc6', clocks: { movMI: [10, 11, 12] }, uses: ['movRI'] },
  { ops: [0xc7], pattern: 'mov Ew,Iw', exec: 'opc7', uses: ['movRI', 'movMI'] },
  { ops: [0xc8, 0xc9], pattern: ['retf Iw', 'retf'], ext: ['enter Iw,Ib', 'leave'], exec: 'opc8_c9', clocks: { enter: [0, 23, 15], enterPerLevel: [0, 16, 16], leave: [0, 8, 8] }, uses: ['retfImm', 'retf'] },
  { ops: [0xca], pattern: 'retf Iw', exec: 'opca', clocks: { retfImm: [28, 32, 25] } },
  { ops: [0xcb], pattern: 'retf', exec: 'opcb', clocks: { retf: [26, 29, 22] } },
  { ops: [0xcc], pattern: 'int3', exec: 'opcc', clocks: { int3: [52, 50, 45] } },
  // `int` is also what the core charges for the exceptions (divide error, BOUND, unused opcode, single step)
  { ops: [0xcd], pattern: 'int Ib', exec: 'opcd', clocks: { int: [52, 50, 47] } },
  { ops: [0xce], pattern: 'into', exec: 'opce', clocks: { intoTaken: [53, 52, 48], intoNot: [4, 3, 4] } },
  { ops: [0xcf], pattern: 'iret', exec: 'opcf', clocks: { iret: [32, 39, 28] } },
  {
    ops: [0xd0, 0xd1, 0xd2, 0xd3], pattern: ['shift Eb,1', 'shift Ew,1', 'shift Eb,cl', 'shift Ew,cl'], exec: 'opd0_d3',
    clocks: { shift1R: [2, 6, 2], shift1M: [15, 16, 15], shiftClR: [8, 7, 5], shiftClM: [20, 19, 17], shiftPerBit: [4, 1, 1] },
  },
  { ops: [0xd4], pattern: 'aam Ib', exec: 'opd4', clocks: { aam: [83, 15, 19] } },
  { ops: [0xd5], pattern: 'aad Ib', exec: 'opd5', clocks: { aad: [60, 7, 15] } },
  { ops: [0xd6], pattern: 'salc', exec: 'opd6', clocks: { salc: [4, 3, 3] } },
  { ops: [0xd7], pattern: 'xlatb', exec: 'opd7', clocks: { xlat: [11, 9, 11] } },
  { ops: run(0xd8, 8), pattern: 'esc E?', exec: 'opd8_df', clocks: { escR: [2, 2, 6], escM: [8, 2, 6] } },
  {
    ops: [0xe0, 0xe1, 0xe2], pattern: ['loopne Jb', 'loope Jb', 'loop Jb'], exec: 'ope0_e2',
    clocks: { loopTaken: [17, 13, 16], loopNot: [5, 5, 6], loopeTaken: [18, 14, 16], loopeNot: [6, 5, 6], loopneTaken: [18, 14, 16], loopneNot: [6, 5, 6] },
  },
  { ops: [0xe3], pattern: 'jcxz Jb', exec: 'ope3', clocks: { jcxzTaken: [18, 13, 16], jcxzNot: [6, 5, 6] } },
  { ops: [0xe4], pattern: 'in al,Ib', exec: 'ope4', clocks: { inFixed: [10, 9, 10] } },
  { ops: [0xe5], pattern: 'in ax,Ib', exec: 'ope5', uses: ['inFixed'] },
  { ops: [0xe6], pattern: 'out Ib,al', exec: 'ope6', clocks: { outFixed: [11, 8, 9] } },
  { ops: [0xe7], pattern: 'out Ib,ax', exec: 'ope7', uses: ['outFixed'] },
  { ops: [0xe8], pattern: 'call Jw', exec: 'ope8', clocks: { callNear: [19, 24, 15] } },
  { ops: [0xe9], pattern: 'jmp Jw', exec: 'ope9', clocks: { jmpNear: [15, 15, 13] } },
  { ops: [0xea], pattern: 'jmp Ap', exec: 'opea', clocks: { jmpFar: [15, 27, 13] } },
  { ops: [0xeb], pattern: 'jmp Jb', exec: 'opeb', clocks: { jmpShort: [15, 12, 13] } },
  { ops: [0xec], pattern: 'in al,dx', exec: 'opec', clocks: { inDx: [8, 8, 8] } },
  { ops: [0xed], pattern: 'in ax,dx', exec: 'oped', uses: ['inDx'] },
  { ops: [0xee], pattern: 'out dx,al', exec: 'opee', clocks: { outDx: [8, 8, 7] } },
  { ops: [0xef], pattern: 'out dx,ax', exec: 'opef', uses: ['outDx'] },
  { ops: [0xf4], pattern: 'hlt', exec: 'opf4', clocks: { hlt: [2, 2, 2] } },
  { ops: [0xf5], pattern: 'cmc', exec: 'opf5', clocks: { flagOp: [2, 2, 2] } },
  {
    ops: [0xf6], pattern: 'grp3 Eb', exec: 'opf6',
    clocks: {
      testRI: [5, 4, 4], testMI: [11, 11, 10], negR: [3, 2, 3], negM: [15, 16, 10],
      mulR8: [70, 30, 26], mulR16: [118, 30, 35], imulR8: [80, 30, 25], imulR16: [128, 30, 34],
      divR8: [80, 43, 29], divR16: [144, 43, 38], idivR8: [101, 43, 44], idivR16: [165, 43, 53],
      /** memory forms add this to the register form (plus EA) */
      mulMemExtra: [6, 6, 6],
    },
  },
  { ops: [0xf7], pattern: 'grp3 Ew', exec: 'opf7', uses: ['testRI', 'testMI', 'negR', 'negM', 'mulR16', 'imulR16', 'divR16', 'idivR16', 'mulMemExtra'] },
  { ops: [0xf8], pattern: 'clc', exec: 'opf8', uses: ['flagOp'] },
  { ops: [0xf9], pattern: 'stc', exec: 'opf9', uses: ['flagOp'] },
  { ops: [0xfa], pattern: 'cli', exec: 'opfa', uses: ['flagOp'] },
  { ops: [0xfb], pattern: 'sti', exec: 'opfb', uses: ['flagOp'] },
  { ops: [0xfc], pattern: 'cld', exec: 'opfc', uses: ['flagOp'] },
  { ops: [0xfd], pattern: 'std', exec: 'opfd', uses: ['flagOp'] },
  { ops: [0xfe], pattern: 'grp5 Eb', exec: 'opfe', clocks: { incR8: [3, 2, 3], incM: [15, 16, 15] } },
  {
    ops: [0xff], pattern: 'grp5 Ew', exec: 'opff',
    clocks: { callR: [16, 16, 13], callM: [21, 20, 19], callMFar: [37, 26, 38], jmpR: [11, 13, 11], jmpM: [16, 13, 17], jmpMFar: [24, 15, 26], pushM: [16, 18, 16] },
    uses: ['incR16', 'incM', 'pushR'],
  },
];

/** Clocks that belong to no opcode: effective addresses, interrupts taken, undefined opcodes. */
export const CORE_CLOCKS: Readonly<Record<string, Clocks>> = {
  /** EA calculation clocks by ModRM rm (mod 0; mod 1/2 add `eaDisp`); index 8 = direct address [disp16].
   * 8086: [bx+si] 7, [bx+di] 8, [bp+si] 8, [bp+di] 7, [si] 5, [di] 5, [bp] 5 (mod 1/2 only), [bx] 5; direct 6 */
  ea: [[7, 8, 8, 7, 5, 5, 5, 5, 6], [0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0]],
  eaDisp: [4, 0, 0],
  /** INTR and NMI acknowledged */
  intr: [61, 50, 56],
  nmi: [50, 50, 47],
  /** an undefined opcode (80186: before the type 6 exception; NEC: the whole no-op) */
  invalid: [2, 10, 2],
};

/**
 * The NEC V20/V30 page behind 0x0F (V20/V30 User's Manual mnemonics); sub-opcodes not listed are
 * undefined (`necUndefined`). BRKEM (0xFF) would enter 8080 emulation mode, not emulated.
 */
export const NEC0F_OPS: readonly OpRow[] = [
  {
    // TEST1/CLR1/SET1/NOT1 by CL, then by immediate: the clocks are per operation, in that order
    ops: run(0x10, 16),
    pattern: ['test1 Eb,cl', 'test1 Ew,cl', 'clr1 Eb,cl', 'clr1 Ew,cl', 'set1 Eb,cl', 'set1 Ew,cl', 'not1 Eb,cl', 'not1 Ew,cl',
      'test1 Eb,Ib', 'test1 Ew,Ib', 'clr1 Eb,Ib', 'clr1 Ew,Ib', 'set1 Eb,Ib', 'set1 Ew,Ib', 'not1 Eb,Ib', 'not1 Ew,Ib'],
    exec: 'necBitOp', clocks: { bitCl: [z, [3, 5, 4, 4], z], bitImm: [z, [4, 6, 5, 5], z] },
  },
  { ops: [0x20, 0x22, 0x26], pattern: ['add4s', 'sub4s', 'cmp4s'], exec: 'necBcdString', clocks: { bcd4sPer: [0, 19, 0] } },
  { ops: [0x28], pattern: 'rol4 Eb', exec: 'necRol4', clocks: { rol4R: [0, 13, 0], rol4M: [0, 28, 0] } },
  { ops: [0x2a], pattern: 'ror4 Eb', exec: 'necRor4', uses: ['rol4R', 'rol4M'] },
  // guess: MAME does not implement INS/EXT; a V20 tutorial quotes 21-52 clocks by operand
  { ops: [0x31, 0x39], pattern: ['ins Rb,Gb', 'ins Rb,Ib'], exec: 'necIns', clocks: { insExt: [0, 20, 0] } },
  { ops: [0x33, 0x3b], pattern: ['ext Rb,Gb', 'ext Rb,Ib'], exec: 'necExt', uses: ['insExt'] },
  { ops: [0xff], pattern: 'brkem Ib', exec: 'necUndefined' },
];

/**
 * Opcodes the fast run loop calls directly instead of through the handler table, so V8 can inline
 * them: the most frequent rows of ordinary code (jumps, ALU r/m forms, MOV, INC/DEC, shifts, LOOP).
 * Their handlers must not read `insStart` (the fast loop sets it only for the others).
 */
export const HOT_OPCODES: readonly number[] = [
  ...run(0x70, 16), 0x81, 0x83, 0x80, 0x82, 0x88, 0x89, 0x8a, 0x8b, ...run(0x01, 8, 8), ...run(0x03, 8, 8),
  ...run(0x40, 16), 0xc6, 0xd0, 0xd1, 0xd2, 0xd3, 0xeb, 0xe2,
];

/** Prefix bytes and their disassembly; `8086` = Intel 8086/8088 only, `nec` = V20/V30 only. */
export const PREFIXES: Readonly<Record<number, { readonly name: string; readonly only?: '8086' | 'nec' }>> = {
  0x26: { name: 'es' }, 0x2e: { name: 'cs' }, 0x36: { name: 'ss' }, 0x3e: { name: 'ds' },
  0xf0: { name: 'lock' }, 0xf2: { name: 'repne' }, 0xf3: { name: 'rep' },
  // 0xf1 is an undocumented LOCK alias on the 8086 (vectors: metadata marks it "prefix")
  0xf1: { name: 'lock', only: '8086' },
  // NEC REPNC (0x64) / REPC (0x65) (V20/V30 User's Manual)
  0x64: { name: 'repnc', only: 'nec' }, 0x65: { name: 'repc', only: 'nec' },
};

/** True when `op` is a prefix byte on this kind of part. */
export function isPrefix(op: number, intel86: boolean, nec: boolean): boolean {
  const p = PREFIXES[op];
  return p !== undefined && (p.only === undefined || (p.only === '8086' ? intel86 : nec));
}

function byOpcode(rows: readonly OpRow[]): { row: (OpRow | undefined)[]; index: Uint8Array } {
  const row: (OpRow | undefined)[] = new Array(256).fill(undefined);
  const index = new Uint8Array(256);
  for (const r of rows) {
    r.ops.forEach((op, i) => {
      if (row[op] !== undefined) throw new Error(`i8086.ops: opcode 0x${op.toString(16)} in two rows`);
      row[op] = r;
      index[op] = i;
    });
  }
  return { row, index };
}

const MAIN = byOpcode(OPS);
const NEC0F = byOpcode(NEC0F_OPS);
if (MAIN.row.some((r) => r === undefined)) throw new Error('i8086.ops: the one-byte map has a hole');

/** The row that runs `op` (every opcode has one). */
export function opRow(op: number): OpRow {
  return MAIN.row[op] as OpRow;
}

/** The row of NEC 0x0F page sub-opcode `op`, if defined. */
export function nec0fRow(op: number): OpRow | undefined {
  return NEC0F.row[op];
}

function pick(p: string | readonly (string | null)[], i: number): string | undefined {
  const s = typeof p === 'string' ? p : p[i];
  return s ? s : undefined;
}

/** The pattern `op` has on an 8086/8088 (`ext` false) or an 80186/V30 (`ext` true); undefined: none (prefix, undefined opcode). */
export function opPattern(op: number, ext: boolean): string | undefined {
  const r = opRow(op), i = MAIN.index[op];
  if (ext && r.ext !== undefined) return r.ext === null ? undefined : pick(r.ext, i);
  return pick(r.pattern, i);
}

/** The pattern of NEC 0x0F page sub-opcode `op`, if defined. */
export function nec0fPattern(op: number): string | undefined {
  const r = NEC0F.row[op];
  return r === undefined ? undefined : pick(r.pattern, NEC0F.index[op]);
}

const OPERAND_BYTES: Record<string, number> = { Ib: 1, Is: 1, Iw: 2, Jb: 1, Jw: 2, Ob: 2, Ow: 2, Ap: 4 };

/** Opcodes with a ModRM byte (8086 map; 0xD8-0xDF ESC included, 0x0F POP CS not). */
export const HAS_MODRM = new Uint8Array(256);
/** Immediate/displacement bytes after the opcode and ModRM (8086 map; the F6/F7 TEST immediate aside). */
export const IMM_BYTES = new Uint8Array(256);
/** Opcodes whose ModRM reg field selects the operation (8086 map; the vectors' `NN.r` files). */
export const GROUP = new Uint8Array(256);
/** Opcodes whose ModRM memory operand is a word (its bus cycles double at an odd address). */
export const WIDE_OPERAND = new Uint8Array(256);
for (let op = 0; op < 256; op++) {
  const p = opPattern(op, false) ?? '';
  const sp = p.indexOf(' ');
  if (sp < 0) continue;
  const mnem = p.slice(0, sp);
  if (mnem === 'alu' || mnem === 'shift' || mnem === 'grp3' || mnem === 'grp5') GROUP[op] = 1;
  for (const o of p.slice(sp + 1).split(',')) {
    if ('EGSMR'.includes(o[0])) HAS_MODRM[op] = 1;
    // ESC's unsized operand follows the opcode's W bit (bit 0), like every other r/m form
    if (o === 'Ew' || o === 'M' || (o === 'E?' && (op & 1) !== 0)) WIDE_OPERAND[op] = 1;
    IMM_BYTES[op] += OPERAND_BYTES[o] ?? 0;
  }
}

/** Displacement bytes of a ModRM form. */
export function dispBytes(modrm: number): number {
  const mod = modrm >> 6;
  if (mod === 1) return 1;
  if (mod === 2 || (mod === 0 && (modrm & 7) === 6)) return 2;
  return 0;
}

/**
 * Length of an 8086 instruction: `npre` prefix bytes, opcode `op`, its ModRM byte `modrm` (when it
 * has one) and what follows (F6/F7 /0-1 TEST carries an immediate the other forms do not).
 */
export function insnLength(op: number, modrm: number, npre: number): number {
  let n = npre + 1 + IMM_BYTES[op];
  if (HAS_MODRM[op] !== 0) {
    n += 1 + dispBytes(modrm);
    if ((op === 0xf6 || op === 0xf7) && (modrm & 0x30) === 0) n += op === 0xf6 ? 1 : 2;
  }
  return n;
}
