/**
 * x86 disassembler (Intel syntax, nasm-style operands) for the 8086/8088, 80186/80188 and NEC V20/V30.
 *
 * One operand-pattern table per opcode row (the v86 `x86_table.js` idea): `E` = ModRM r/m, `G` = ModRM
 * reg, `S` = segment register from ModRM reg, `Z` = register in the opcode's low 3 bits, `I` =
 * immediate, `J` = relative target, `O` = direct offset, `A` = far pointer, `M` = memory only; the
 * suffix is the size (`b` byte, `w` word, `s` sign-extended byte). Mnemonics follow Intel's manuals;
 * NEC-only instructions use the mnemonics of NEC's V20/V30 manual with Intel register names.
 */
import type { Disassembly } from '../../src/core/cpu';
import type { X86Variant } from './i8086';

const R8N = ['al', 'cl', 'dl', 'bl', 'ah', 'ch', 'dh', 'bh'];
const R16N = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'];
const SEGN = ['es', 'cs', 'ss', 'ds'];
const EAN = ['bx+si', 'bx+di', 'bp+si', 'bp+di', 'si', 'di', 'bp', 'bx'];
const CC = ['o', 'no', 'b', 'nb', 'z', 'nz', 'be', 'nbe', 's', 'ns', 'p', 'np', 'l', 'nl', 'le', 'nle'];
const ALU = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'];
const SHIFT = ['rol', 'ror', 'rcl', 'rcr', 'shl', 'shr', 'setmo', 'sar'];
const GRP3 = ['test', 'test', 'not', 'neg', 'mul', 'imul', 'div', 'idiv'];
const GRP5 = ['inc', 'dec', 'call', 'call far', 'jmp', 'jmp far', 'push', 'push'];

/** The 8086 table (index = opcode). Groups are resolved from ModRM reg. */
const BASE: string[] = [];
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
const EXT186: Record<number, string> = {
  0x60: 'pusha', 0x61: 'popa', 0x62: 'bound Gw,M', 0x68: 'push Iw', 0x69: 'imul Gw,Ew,Iw', 0x6a: 'push Is',
  0x6b: 'imul Gw,Ew,Is', 0x6c: 'insb', 0x6d: 'insw', 0x6e: 'outsb', 0x6f: 'outsw',
  0xc0: 'shift Eb,Ib', 0xc1: 'shift Ew,Ib', 0xc8: 'enter Iw,Ib', 0xc9: 'leave',
};

/** NEC 0x0f xx rows (V20/V30 User's Manual mnemonics). */
const NEC0F: Record<number, string> = {
  0x10: 'test1 Eb,cl', 0x11: 'test1 Ew,cl', 0x12: 'clr1 Eb,cl', 0x13: 'clr1 Ew,cl',
  0x14: 'set1 Eb,cl', 0x15: 'set1 Ew,cl', 0x16: 'not1 Eb,cl', 0x17: 'not1 Ew,cl',
  0x18: 'test1 Eb,Ib', 0x19: 'test1 Ew,Ib', 0x1a: 'clr1 Eb,Ib', 0x1b: 'clr1 Ew,Ib',
  0x1c: 'set1 Eb,Ib', 0x1d: 'set1 Ew,Ib', 0x1e: 'not1 Eb,Ib', 0x1f: 'not1 Ew,Ib',
  0x20: 'add4s', 0x22: 'sub4s', 0x26: 'cmp4s', 0x28: 'rol4 Eb', 0x2a: 'ror4 Eb',
  0x31: 'ins Rb,Gb', 0x33: 'ext Rb,Gb', 0x39: 'ins Rb,Ib', 0x3b: 'ext Rb,Ib', 0xff: 'brkem Ib',
};

function hex(v: number, digits: number): string {
  return '0x' + v.toString(16).padStart(digits, '0');
}

/**
 * Disassembles one instruction at linear address `addr` (CS:IP already combined). Relative branch
 * targets are shown as 16-bit offsets in the code segment; `ip` is the offset of `addr` there
 * (default: its low 16 bits, right when CS is a multiple of 0x1000).
 */
export function disassembleX86(addr: number, peek: (addr: number) => number, variant: X86Variant = '8086', ip = addr & 0xffff): Disassembly {
  const nec = variant === 'v20' || variant === 'v30';
  const ext = variant !== '8086' && variant !== '8088';
  let pos = 0;
  const byte = (): number => peek((addr + pos++) & 0xfffff) & 0xff;
  const word = (): number => byte() | (byte() << 8);
  let seg = '';
  const prefixes: string[] = [];
  let op = byte();
  for (;;) {
    if (op === 0x26 || op === 0x2e || op === 0x36 || op === 0x3e) seg = SEGN[(op >> 3) & 3];
    else if (op === 0xf0 || (op === 0xf1 && !ext)) prefixes.push('lock');
    else if (op === 0xf2) prefixes.push('repne');
    else if (op === 0xf3) prefixes.push('rep');
    else if (nec && op === 0x64) prefixes.push('repnc');
    else if (nec && op === 0x65) prefixes.push('repc');
    else break;
    if (pos >= 15) break;
    op = byte();
  }

  let pattern: string | undefined;
  if (op === 0x0f && nec) {
    pattern = NEC0F[byte()];
  } else if (ext && EXT186[op] !== undefined) {
    pattern = EXT186[op];
  } else if (!ext && op >= 0x60 && op <= 0x6f) {
    pattern = BASE[op + 0x10]; // 8086 alias of Jcc
  } else if (!ext && (op === 0xc0 || op === 0xc1 || op === 0xc8 || op === 0xc9)) {
    pattern = BASE[op | 2]; // 8086 alias of RET/RETF
  } else if (op >= 0x80 && op <= 0x83) {
    pattern = `alu ${op & 1 ? 'Ew' : 'Eb'},${op === 0x81 ? 'Iw' : op === 0x83 ? 'Is' : 'Ib'}`;
  } else if (op >= 0xd0 && op <= 0xd3) {
    pattern = `shift ${op & 1 ? 'Ew' : 'Eb'},${op < 0xd2 ? '1' : 'cl'}`;
  } else if (op === 0xf6 || op === 0xf7) {
    pattern = `grp3 ${op & 1 ? 'Ew' : 'Eb'}`;
  } else if (op === 0xfe || op === 0xff) {
    pattern = `grp5 ${op & 1 ? 'Ew' : 'Eb'}`;
  } else if (op === 0x0f && ext) {
    pattern = undefined;
  } else {
    pattern = BASE[op];
  }
  if (pattern === undefined) {
    return { text: [...prefixes, `db ${hex(op, 2)}`].join(' '), length: pos };
  }

  const sp = pattern.indexOf(' ');
  let mnem = sp < 0 ? pattern : pattern.slice(0, sp);
  const ops = sp < 0 ? [] : pattern.slice(sp + 1).split(',');

  // ModRM, fetched lazily once
  let modrm = -1;
  const getModrm = (): number => (modrm < 0 ? (modrm = byte()) : modrm);
  const needsModrm = ops.some((o) => o[0] === 'E' || o[0] === 'G' || o[0] === 'S' || o[0] === 'M' || o[0] === 'R');
  if (needsModrm) getModrm();
  const reg = (modrm >> 3) & 7;
  if (mnem === 'alu') mnem = ALU[reg];
  else if (mnem === 'shift') mnem = SHIFT[reg];
  else if (mnem === 'grp3') {
    mnem = GRP3[reg];
    if (reg < 2) ops.push(ops[0][1] === 'w' ? 'Iw' : 'Ib');
  } else if (mnem === 'grp5') {
    mnem = op === 0xfe && reg > 1 ? 'db' : GRP5[reg];
    if (mnem.endsWith(' far')) { mnem = mnem.slice(0, -4); ops[0] = 'F'; }
  } else if (mnem === 'esc') {
    ops.unshift(hex(((op & 7) << 3) | reg, 2));
  }
  if (mnem === 'db') return { text: `db ${hex(op, 2)}`, length: pos };

  // memory operand text (computed when first needed so displacement bytes come after ModRM)
  let memText: string | null = null;
  const mem = (): string => {
    if (memText !== null) return memText;
    const mod = modrm >> 6, rm = modrm & 7;
    let inner: string;
    if (mod === 0 && rm === 6) inner = hex(word(), 4);
    else {
      inner = EAN[rm];
      if (mod === 1) { const d = (byte() << 24) >> 24; inner += d < 0 ? `-${hex(-d, 2)}` : `+${hex(d, 2)}`; }
      else if (mod === 2) inner += `+${hex(word(), 4)}`;
    }
    memText = `[${seg ? seg + ':' : ''}${inner}]`;
    return memText;
  };
  const hasReg = ops.some((o) => o[0] === 'G' || o[0] === 'S' || o[0] === 'R' || /^(al|ax|dx)$/.test(o));
  const sizeOf = (o: string): string => (o[1] === 'w' ? 'word ' : o[1] === 'b' ? 'byte ' : '');

  const out: string[] = [];
  for (const o of ops) {
    const k = o[0];
    if (k === 'E') {
      if ((modrm >> 6) === 3) out.push(o[1] === 'w' ? R16N[modrm & 7] : o[1] === '?' ? R16N[modrm & 7] : R8N[modrm & 7]);
      else out.push((hasReg && o[1] !== '?' ? '' : sizeOf(o)) + mem());
    } else if (k === 'M' || k === 'F') {
      if ((modrm >> 6) === 3) out.push(R16N[modrm & 7]);
      else out.push((k === 'F' ? 'far ' : '') + mem());
    } else if (k === 'G') out.push(o[1] === 'w' ? R16N[reg] : R8N[reg]);
    else if (k === 'R') out.push(R8N[modrm & 7]);
    else if (k === 'S') out.push(SEGN[reg & 3]);
    else if (k === 'I') {
      if (o[1] === 'w') out.push(hex(word(), 4));
      else if (o[1] === 's') { const v = (byte() << 24) >> 24; out.push(v < 0 ? `-${hex(-v, 2)}` : hex(v, 2)); }
      else out.push(hex(byte(), 2));
    } else if (k === 'J') {
      const d = o[1] === 'w' ? (word() << 16) >> 16 : (byte() << 24) >> 24;
      out.push(hex((ip + pos + d) & 0xffff, 4));
    } else if (k === 'O') out.push(`[${seg ? seg + ':' : ''}${hex(word(), 4)}]`);
    else if (k === 'A') { const ip = word(); const cs = word(); out.push(`${hex(cs, 4)}:${hex(ip, 4)}`); }
    else out.push(o);
  }
  // string ops with an explicit segment override show it as a prefix
  const pre = [...prefixes];
  if (seg && !needsModrm && !ops.some((o) => o[0] === 'O')) pre.push(seg);
  const text = [...pre, out.length ? `${mnem} ${out.join(', ')}` : mnem].join(' ');
  return { text, length: pos };
}
