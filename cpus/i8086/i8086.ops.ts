/**
 * The x86 opcode table: one operand pattern per opcode of the 8086 map, with the 80186/V30 rows that
 * replace the 8086's aliases and the NEC 0x0F page. The disassembler (i8086.dasm.ts) prints from it;
 * HAS_MODRM, IMM_BYTES and insnLength (the BIU timing model's instruction lengths, i8086.biu.ts) are
 * derived from it, so a new opcode is described once.
 *
 * Pattern: mnemonic, then operands. `E` = ModRM r/m, `G` = ModRM reg, `S` = segment register from
 * ModRM reg, `R` = register from ModRM r/m (NEC INS/EXT), `M` = memory only, `I` = immediate, `J` =
 * relative target, `O` = direct offset, `A` = far pointer; the suffix is the size (`b` byte, `w` word,
 * `s` sign-extended byte, `p` far pointer, `?` ESC's unsized operand). Lower-case operands are fixed
 * registers or constants. Group opcodes (`alu`, `shift`, `grp3`, `grp5`) take their mnemonic from
 * ModRM reg. Sources: Intel iAPX 86/88 User's Manual (opcode map), Intel 80186 data sheet, NEC V20/V30
 * User's Manual; the 8086 aliases (0x60-0x6F as Jcc, 0xC0/0xC1/0xC8/0xC9 as RET/RETF) from the
 * SingleStepTests/8086 metadata.
 */

export const R8N = ['al', 'cl', 'dl', 'bl', 'ah', 'ch', 'dh', 'bh'];
export const R16N = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'];
export const SEGN = ['es', 'cs', 'ss', 'ds'];
export const EAN = ['bx+si', 'bx+di', 'bp+si', 'bp+di', 'si', 'di', 'bp', 'bx'];
export const CC = ['o', 'no', 'b', 'nb', 'z', 'nz', 'be', 'nbe', 's', 'ns', 'p', 'np', 'l', 'nl', 'le', 'nle'];
export const ALU = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'];
export const SHIFT = ['rol', 'ror', 'rcl', 'rcr', 'shl', 'shr', 'setmo', 'sar'];
export const GRP3 = ['test', 'test', 'not', 'neg', 'mul', 'imul', 'div', 'idiv'];
export const GRP5 = ['inc', 'dec', 'call', 'call far', 'jmp', 'jmp far', 'push', 'push'];

/** The 8086 table (index = opcode). Groups are resolved from ModRM reg. */
export const BASE: string[] = [];
for (let i = 0; i < 8; i++) {
  const b = i << 3;
  BASE[b] = `${ALU[i]} Eb,Gb`; BASE[b + 1] = `${ALU[i]} Ew,Gw`; BASE[b + 2] = `${ALU[i]} Gb,Eb`;
  BASE[b + 3] = `${ALU[i]} Gw,Ew`; BASE[b + 4] = `${ALU[i]} al,Ib`; BASE[b + 5] = `${ALU[i]} ax,Iw`;
}
Object.assign(BASE, {
  0x06: 'push es', 0x07: 'pop es', 0x0e: 'push cs', 0x0f: 'pop cs', 0x16: 'push ss', 0x17: 'pop ss',
  0x1e: 'push ds', 0x1f: 'pop ds', 0x27: 'daa', 0x2f: 'das', 0x37: 'aaa', 0x3f: 'aas',
  0x84: 'test Eb,Gb', 0x85: 'test Ew,Gw', 0x86: 'xchg Eb,Gb', 0x87: 'xchg Ew,Gw',
  0x88: 'mov Eb,Gb', 0x89: 'mov Ew,Gw', 0x8a: 'mov Gb,Eb', 0x8b: 'mov Gw,Ew', 0x8c: 'mov Ew,Sw',
  0x8d: 'lea Gw,M', 0x8e: 'mov Sw,Ew', 0x8f: 'pop Ew', 0x90: 'nop', 0x98: 'cbw', 0x99: 'cwd',
  0x9a: 'call Ap', 0x9b: 'wait', 0x9c: 'pushf', 0x9d: 'popf', 0x9e: 'sahf', 0x9f: 'lahf',
  0xa0: 'mov al,Ob', 0xa1: 'mov ax,Ow', 0xa2: 'mov Ob,al', 0xa3: 'mov Ow,ax',
  0xa4: 'movsb', 0xa5: 'movsw', 0xa6: 'cmpsb', 0xa7: 'cmpsw', 0xa8: 'test al,Ib', 0xa9: 'test ax,Iw',
  0xaa: 'stosb', 0xab: 'stosw', 0xac: 'lodsb', 0xad: 'lodsw', 0xae: 'scasb', 0xaf: 'scasw',
  0xc2: 'ret Iw', 0xc3: 'ret', 0xc4: 'les Gw,M', 0xc5: 'lds Gw,M', 0xc6: 'mov Eb,Ib', 0xc7: 'mov Ew,Iw',
  0xca: 'retf Iw', 0xcb: 'retf', 0xcc: 'int3', 0xcd: 'int Ib', 0xce: 'into', 0xcf: 'iret',
  0xd4: 'aam Ib', 0xd5: 'aad Ib', 0xd6: 'salc', 0xd7: 'xlatb',
  0xe0: 'loopne Jb', 0xe1: 'loope Jb', 0xe2: 'loop Jb', 0xe3: 'jcxz Jb',
  0xe4: 'in al,Ib', 0xe5: 'in ax,Ib', 0xe6: 'out Ib,al', 0xe7: 'out Ib,ax',
  0xe8: 'call Jw', 0xe9: 'jmp Jw', 0xea: 'jmp Ap', 0xeb: 'jmp Jb',
  0xec: 'in al,dx', 0xed: 'in ax,dx', 0xee: 'out dx,al', 0xef: 'out dx,ax',
  0xf4: 'hlt', 0xf5: 'cmc', 0xf8: 'clc', 0xf9: 'stc', 0xfa: 'cli', 0xfb: 'sti', 0xfc: 'cld', 0xfd: 'std',
});
for (let i = 0; i < 8; i++) {
  BASE[0x40 + i] = `inc ${R16N[i]}`; BASE[0x48 + i] = `dec ${R16N[i]}`;
  BASE[0x50 + i] = `push ${R16N[i]}`; BASE[0x58 + i] = `pop ${R16N[i]}`;
  if (i) BASE[0x90 + i] = `xchg ${R16N[i]},ax`;
  BASE[0xb0 + i] = `mov ${R8N[i]},Ib`; BASE[0xb8 + i] = `mov ${R16N[i]},Iw`;
  BASE[0xd8 + i] = 'esc E?';
}
for (let i = 0; i < 16; i++) BASE[0x70 + i] = `j${CC[i]} Jb`;

/** 80186 / V30 rows that replace the 8086's aliases. */
export const EXT186: Record<number, string> = {
  0x60: 'pusha', 0x61: 'popa', 0x62: 'bound Gw,M', 0x68: 'push Iw', 0x69: 'imul Gw,Ew,Iw', 0x6a: 'push Is',
  0x6b: 'imul Gw,Ew,Is', 0x6c: 'insb', 0x6d: 'insw', 0x6e: 'outsb', 0x6f: 'outsw',
  0xc0: 'shift Eb,Ib', 0xc1: 'shift Ew,Ib', 0xc8: 'enter Iw,Ib', 0xc9: 'leave',
};

/** NEC 0x0f xx rows (V20/V30 User's Manual mnemonics). */
export const NEC0F: Record<number, string> = {
  0x10: 'test1 Eb,cl', 0x11: 'test1 Ew,cl', 0x12: 'clr1 Eb,cl', 0x13: 'clr1 Ew,cl',
  0x14: 'set1 Eb,cl', 0x15: 'set1 Ew,cl', 0x16: 'not1 Eb,cl', 0x17: 'not1 Ew,cl',
  0x18: 'test1 Eb,Ib', 0x19: 'test1 Ew,Ib', 0x1a: 'clr1 Eb,Ib', 0x1b: 'clr1 Ew,Ib',
  0x1c: 'set1 Eb,Ib', 0x1d: 'set1 Ew,Ib', 0x1e: 'not1 Eb,Ib', 0x1f: 'not1 Ew,Ib',
  0x20: 'add4s', 0x22: 'sub4s', 0x26: 'cmp4s', 0x28: 'rol4 Eb', 0x2a: 'ror4 Eb',
  0x31: 'ins Rb,Gb', 0x33: 'ext Rb,Gb', 0x39: 'ins Rb,Ib', 0x3b: 'ext Rb,Ib', 0xff: 'brkem Ib',
};

/** Pattern of a ModRM-reg group opcode (0x80-0x83, 0xD0-0xD3, 0xF6/0xF7, 0xFE/0xFF), else undefined. */
export function groupPattern(op: number): string | undefined {
  const size = op & 1 ? 'Ew' : 'Eb';
  if (op >= 0x80 && op <= 0x83) return `alu ${size},${op === 0x81 ? 'Iw' : op === 0x83 ? 'Is' : 'Ib'}`;
  if (op >= 0xd0 && op <= 0xd3) return `shift ${size},${op < 0xd2 ? '1' : 'cl'}`;
  if (op === 0xf6 || op === 0xf7) return `grp3 ${size}`;
  if (op === 0xfe || op === 0xff) return `grp5 ${size}`;
  return undefined;
}

/** The pattern an 8086/8088 executes for `op` (aliases resolved; 0x0F is POP CS). */
export function pattern8086(op: number): string {
  if (op >= 0x60 && op <= 0x6f) return BASE[op + 0x10];
  if (op === 0xc0 || op === 0xc1 || op === 0xc8 || op === 0xc9) return BASE[op | 2];
  return groupPattern(op) ?? BASE[op] ?? '';
}

const OPERAND_BYTES: Record<string, number> = { Ib: 1, Is: 1, Iw: 2, Jb: 1, Jw: 2, Ob: 2, Ow: 2, Ap: 4 };

/** Opcodes with a ModRM byte (8086 map; 0xD8-0xDF ESC included, 0x0F POP CS not). */
export const HAS_MODRM = new Uint8Array(256);
/** Immediate/displacement bytes after the opcode and ModRM (8086 map; the F6/F7 TEST immediate aside). */
export const IMM_BYTES = new Uint8Array(256);
for (let op = 0; op < 256; op++) {
  const p = pattern8086(op);
  const sp = p.indexOf(' ');
  for (const o of sp < 0 ? [] : p.slice(sp + 1).split(',')) {
    if ('EGSMR'.includes(o[0])) HAS_MODRM[op] = 1;
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
 * Length of the instruction whose opcode is `b[npre]` after `npre` prefix bytes (F6/F7 /0-1 TEST
 * carries an immediate the other forms do not).
 */
export function insnLength(b: Uint8Array, npre: number): number {
  const op = b[npre];
  let n = npre + 1 + IMM_BYTES[op];
  if (HAS_MODRM[op] !== 0) {
    const m = b[npre + 1];
    n += 1 + dispBytes(m);
    if ((op === 0xf6 || op === 0xf7) && (m & 0x30) === 0) n += op === 0xf6 ? 1 : 2;
  }
  return n;
}
