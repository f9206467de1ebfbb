/**
 * x86 disassembler (Intel syntax, nasm-style operands) for the 8086/8088, 80186/80188 and NEC V20/V30,
 * driven by the opcode table of i8086.ops.ts (the same table gives the BIU model its instruction
 * lengths). Mnemonics follow Intel's manuals; NEC-only instructions use the mnemonics of NEC's V20/V30
 * manual with Intel register names.
 */
import type { Disassembly } from '../../src/core/cpu';
import type { X86Variant } from './i8086';
import { ALU, EAN, GRP3, GRP5, PREFIXES, R16N, R8N, SEGN, SHIFT, isPrefix, nec0fPattern, opPattern } from './i8086.ops';

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
  while (isPrefix(op, !ext, nec) && pos < 15) {
    const name = PREFIXES[op].name;
    if (op === 0x26 || op === 0x2e || op === 0x36 || op === 0x3e) seg = name; else prefixes.push(name);
    op = byte();
  }

  const pattern = op === 0x0f && nec ? nec0fPattern(byte()) : opPattern(op, ext);
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
