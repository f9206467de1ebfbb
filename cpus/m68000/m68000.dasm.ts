/**
 * MC68000 disassembler, Motorola syntax as in the M68000 Programmer's Reference Manual:
 * `move.l d0,(a0)+`, `lea $10(a1,d2.w),a3`, `movem.l d0-d7/a0-a6,-(a7)`, `bne.s $001234`.
 * Hex numbers carry `$`; branch targets are absolute. Decoding uses the core's opcode table
 * (`m68000.ops.ts`), so the disassembler and the core agree on what is legal.
 */
import { decodeTable, HANDLER_NAMES } from './m68000.ops';

const CC = ['t', 'f', 'hi', 'ls', 'cc', 'cs', 'ne', 'eq', 'vc', 'vs', 'pl', 'mi', 'ge', 'lt', 'gt', 'le'];
const SZ = ['.b', '.w', '.l'];

function hex(v: number, digits = 0): string {
  return '$' + (v >>> 0).toString(16).padStart(digits, '0');
}
function shex(v: number): string {
  return v < 0 ? '-$' + (-v).toString(16) : '$' + v.toString(16);
}

class Reader {
  pos: number;
  constructor(readonly addr: number, readonly peek: (a: number) => number) { this.pos = addr + 2; }
  word(): number {
    const a = this.pos;
    this.pos += 2;
    return ((this.peek(a & 0xffffff) << 8) | this.peek((a + 1) & 0xffffff)) & 0xffff;
  }
  long(): number { const hi = this.word(); return ((hi << 16) | this.word()) >>> 0; }
}

function ea(r: Reader, mode: number, reg: number, sz: number): string {
  switch (mode) {
    case 0: return `d${reg}`;
    case 1: return `a${reg}`;
    case 2: return `(a${reg})`;
    case 3: return `(a${reg})+`;
    case 4: return `-(a${reg})`;
    case 5: return `${shex((r.word() << 16) >> 16)}(a${reg})`;
    case 6: return indexed(r, `a${reg}`);
  }
  switch (reg) {
    case 0: return `(${hex(r.word(), 4)}).w`;
    case 1: return `(${hex(r.long(), 8)}).l`;
    case 2: { const base = r.pos; return `${hex((base + ((r.word() << 16) >> 16)) & 0xffffff, 6)}(pc)`; }
    case 3: { const base = r.pos; const e = r.word(); return `${hex((base + ((e << 24) >> 24)) & 0xffffff, 6)}(pc,${xn(e)})`; }
    case 4:
      if (sz === 2) return '#' + hex(r.long());
      return '#' + hex(sz === 0 ? r.word() & 0xff : r.word());
  }
  return '?';
}

function xn(e: number): string {
  return `${e & 0x8000 ? 'a' : 'd'}${(e >> 12) & 7}${e & 0x800 ? '.l' : '.w'}`;
}

function indexed(r: Reader, base: string): string {
  const e = r.word();
  return `${shex((e << 24) >> 24)}(${base},${xn(e)})`;
}

/** d0-d3/a0/a6 style register list; `reversed` for the -(An) form (bit 0 = a7). */
function regList(mask: number, reversed: boolean): string {
  const bits: number[] = [];
  for (let i = 0; i < 16; i++) if ((mask >> i) & 1) bits.push(reversed ? 15 - i : i);
  bits.sort((a, b) => a - b);
  const name = (i: number): string => (i < 8 ? `d${i}` : `a${i - 8}`);
  const out: string[] = [];
  for (let k = 0; k < bits.length; k++) {
    let j = k;
    while (j + 1 < bits.length && bits[j + 1] === bits[j] + 1 && (bits[j + 1] < 8) === (bits[k] < 8)) j++;
    out.push(j > k ? `${name(bits[k])}-${name(bits[j])}` : name(bits[k]));
    k = j;
  }
  return out.join('/') || '0';
}

export function disassembleM68000(addr: number, peek: (addr: number) => number): { text: string; length: number } {
  const r = new Reader(addr, peek);
  const op = ((peek(addr & 0xffffff) << 8) | peek((addr + 1) & 0xffffff)) & 0xffff;
  const h = HANDLER_NAMES[decodeTable()[op]];
  const mode = (op >> 3) & 7, reg = op & 7, rx = (op >> 9) & 7;
  const sz = (op >> 6) & 3;
  const e = (s: number): string => ea(r, mode, reg, s);
  let text: string;
  switch (h) {
    case 'illegal': text = op === 0x4afc ? 'illegal' : `dc.w ${hex(op, 4)}`; break;
    case 'linea': case 'linef': text = `dc.w ${hex(op, 4)}`; break;
    case 'oriccr': case 'andiccr': case 'eoriccr':
      text = `${h.slice(0, -3)}.b #${hex(r.word() & 0xff)},ccr`; break;
    case 'orisr': case 'andisr': case 'eorisr':
      text = `${h.slice(0, -2)}.w #${hex(r.word())},sr`; break;
    case 'ori': case 'andi': case 'subi': case 'addi': case 'eori': case 'cmpi': {
      const imm = sz === 2 ? r.long() : sz === 0 ? r.word() & 0xff : r.word();
      text = `${h}${SZ[sz]} #${hex(imm)},${e(sz)}`; break;
    }
    case 'movep': {
      const d = shex((r.word() << 16) >> 16);
      const s = op & 0x40 ? '.l' : '.w';
      text = op & 0x80 ? `movep${s} d${rx},${d}(a${reg})` : `movep${s} ${d}(a${reg}),d${rx}`; break;
    }
    case 'btst': case 'bchg': case 'bclr': case 'bset':
      text = `${h} d${rx},${e(0)}`; break;
    case 'btsti': case 'bchgi': case 'bclri': case 'bseti': {
      const bit = r.word() & 0xff;
      text = `${h.slice(0, -1)} #${bit},${e(0)}`; break;
    }
    case 'move': case 'movea': {
      const s = op >> 12 === 1 ? 0 : op >> 12 === 3 ? 1 : 2;
      const src = e(s);
      const dst = ea(r, (op >> 6) & 7, rx, s);
      text = `${h}${SZ[s]} ${src},${dst}`; break;
    }
    case 'movefromsr': text = `move.w sr,${e(1)}`; break;
    case 'movetoccr': text = `move.w ${e(1)},ccr`; break;
    case 'movetosr': text = `move.w ${e(1)},sr`; break;
    case 'negx': case 'clr': case 'neg': case 'not': case 'tst':
      text = `${h}${SZ[sz]} ${e(sz)}`; break;
    case 'chk': text = `chk.w ${e(1)},d${rx}`; break;
    case 'lea': text = `lea ${e(2)},a${rx}`; break;
    case 'pea': text = `pea ${e(2)}`; break;
    case 'nbcd': text = `nbcd ${e(0)}`; break;
    case 'tas': text = `tas ${e(0)}`; break;
    case 'swap': text = `swap d${reg}`; break;
    case 'extw': text = `ext.w d${reg}`; break;
    case 'extl': text = `ext.l d${reg}`; break;
    case 'movemstore': case 'movemload': {
      const mask = r.word();
      const s = op & 0x40 ? '.l' : '.w';
      text = h === 'movemstore' ? `movem${s} ${regList(mask, mode === 4)},${e(2)}` : `movem${s} ${e(2)},${regList(mask, false)}`;
      break;
    }
    case 'trap': text = `trap #${op & 15}`; break;
    case 'link': text = `link a${reg},#${shex((r.word() << 16) >> 16)}`; break;
    case 'unlk': text = `unlk a${reg}`; break;
    case 'movetousp': text = `move.l a${reg},usp`; break;
    case 'movefromusp': text = `move.l usp,a${reg}`; break;
    case 'reset': case 'nop': case 'rte': case 'rts': case 'trapv': case 'rtr': text = h; break;
    case 'stop': text = `stop #${hex(r.word(), 4)}`; break;
    case 'jsr': case 'jmp': text = `${h} ${e(2)}`; break;
    case 'dbcc': {
      const base = r.pos;
      const d = (r.word() << 16) >> 16;
      text = `db${op >> 8 === 0x51 ? 'ra' : CC[(op >> 8) & 15]} d${reg},${hex((base + d) & 0xffffff, 6)}`; break;
    }
    case 'scc': text = `s${CC[(op >> 8) & 15]} ${e(0)}`; break;
    case 'addq': case 'subq': text = `${h}${SZ[sz]} #${rx || 8},${e(sz)}`; break;
    case 'bsr': case 'bra': case 'bcc': {
      const base = r.pos;
      let d = (op << 24) >> 24, s = '.s';
      if (d === 0) { d = (r.word() << 16) >> 16; s = '.w'; }
      const name = h === 'bcc' ? 'b' + CC[(op >> 8) & 15] : h;
      text = `${name}${s} ${hex((base + d) & 0xffffff, 6)}`; break;
    }
    case 'moveq': text = `moveq #${shex((op << 24) >> 24)},d${rx}`; break;
    case 'divu': case 'divs': case 'mulu': case 'muls': text = `${h}.w ${e(1)},d${rx}`; break;
    case 'sbcd': case 'abcd':
      text = op & 8 ? `${h} -(a${reg}),-(a${rx})` : `${h} d${reg},d${rx}`; break;
    case 'subx': case 'addx':
      text = op & 8 ? `${h}${SZ[sz]} -(a${reg}),-(a${rx})` : `${h}${SZ[sz]} d${reg},d${rx}`; break;
    case 'cmpm': text = `cmpm${SZ[sz]} (a${reg})+,(a${rx})+`; break;
    case 'or': case 'sub': case 'and': case 'add': case 'cmp':
      text = `${h}${SZ[sz]} ${e(sz)},d${rx}`; break;
    case 'orm': case 'subm': case 'andm': case 'addm': case 'eor':
      text = `${h.replace(/m$/, '')}${SZ[sz]} d${rx},${e(sz)}`; break;
    case 'suba': case 'cmpa': case 'adda': {
      const s = op & 0x100 ? 2 : 1;
      text = `${h}${SZ[s]} ${e(s)},a${rx}`; break;
    }
    case 'exg': {
      const m = (op >> 3) & 31;
      text = m === 8 ? `exg d${rx},d${reg}` : m === 9 ? `exg a${rx},a${reg}` : `exg d${rx},a${reg}`; break;
    }
    case 'shiftm': {
      const kind = ['as', 'ls', 'rox', 'ro'][(op >> 9) & 3];
      text = `${kind}${op & 0x100 ? 'l' : 'r'}.w ${e(1)}`; break;
    }
    case 'shiftr': {
      const kind = ['as', 'ls', 'rox', 'ro'][(op >> 3) & 3];
      const cnt = op & 0x20 ? `d${rx}` : `#${rx || 8}`;
      text = `${kind}${op & 0x100 ? 'l' : 'r'}${SZ[sz]} ${cnt},d${reg}`; break;
    }
    default: text = `dc.w ${hex(op, 4)}`;
  }
  return { text, length: r.pos - addr };
}
