/**
 * The MC68000 opcode table: one declarative list that drives the decoder (`m68000.ts` builds a
 * 65536-entry `Uint16Array` opcode → handler id from it at module load) and the disassembler
 * (`m68000.dasm.ts` uses the same entries). Cycle counts are not in this table: the core counts
 * every bus access (4 clocks) and the internal idle states where the microcode spends them, which
 * is what makes address-error timing and the stacked PC come out right.
 *
 * Sources: M68000 Programmer's Reference Manual (M68000PM/AD rev.1) section 8 "Instruction format
 * summary" for the encodings and the legal addressing modes of each instruction; the MC68000 User's
 * Manual (M68000UM/AD rev.8) section 8 for timings.
 *
 * Pattern syntax: 16 characters (spaces ignored), `0`/`1` fixed bits, anything else free.
 * - `ea` restricts bits 5-0 (mode, reg) to a class of addressing modes.
 * - `ea2` restricts bits 11-6 (MOVE's destination: reg in 11-9, mode in 8-6).
 * - `size` `std` forbids the size field 00/01/10 = 11 in bits 7-6.
 * - `noAnByte`: byte size (bits 7-6 = 00, or MOVE.b) may not use An as the source/target.
 * First match wins, so specific encodings come before the general ones.
 */

/** Addressing-mode kinds: Dn An (An) (An)+ -(An) d16(An) d8(An,Xn) abs.W abs.L d16(PC) d8(PC,Xn) #imm */
export const EA_KIND_NAMES = ['Dn', 'An', '(An)', '(An)+', '-(An)', 'd16(An)', 'd8(An,Xn)', 'abs.W', 'abs.L', 'd16(PC)', 'd8(PC,Xn)', '#imm'];

/** Addressing-mode classes of the PRM (section 2.2.2, table 2-4), as bit sets over the kinds. */
export const EA = {
  all: 0xfff,
  data: 0xffd,
  dataNoImm: 0x7fd,
  memory: 0xffc,
  control: 0x7e4,
  alterable: 0x1ff,
  dataAlt: 0x1fd,
  memAlt: 0x1fc,
  ctrlAlt: 0x1e4,
  /** MOVEM registers → memory: control alterable or -(An) */
  movemStore: 0x1f4,
  /** MOVEM memory → registers: control or (An)+ */
  movemLoad: 0x7ec,
} as const;

/** Kind index of a mode/reg pair, or -1 for the unused mode 7 encodings. */
export function eaKind(mode: number, reg: number): number {
  if (mode < 7) return mode;
  return reg <= 4 ? 7 + reg : -1;
}

export interface OpEntry {
  /** handler name: a function exported by `m68000.exec.ts` (HANDLER_FNS), also the disassembler's key */
  h: string;
  pat: string;
  ea?: number;
  ea2?: number;
  size?: 'std';
  noAnByte?: boolean;
}

export const OPS: OpEntry[] = [
  { h: 'oriccr', pat: '0000 0000 0011 1100' },
  { h: 'orisr', pat: '0000 0000 0111 1100' },
  { h: 'andiccr', pat: '0000 0010 0011 1100' },
  { h: 'andisr', pat: '0000 0010 0111 1100' },
  { h: 'eoriccr', pat: '0000 1010 0011 1100' },
  { h: 'eorisr', pat: '0000 1010 0111 1100' },
  { h: 'movep', pat: '0000 ...1 ..00 1...' },
  { h: 'btst', pat: '0000 ...1 00.. ....', ea: EA.data },
  { h: 'bchg', pat: '0000 ...1 01.. ....', ea: EA.dataAlt },
  { h: 'bclr', pat: '0000 ...1 10.. ....', ea: EA.dataAlt },
  { h: 'bset', pat: '0000 ...1 11.. ....', ea: EA.dataAlt },
  { h: 'btsti', pat: '0000 1000 00.. ....', ea: EA.dataNoImm },
  { h: 'bchgi', pat: '0000 1000 01.. ....', ea: EA.dataAlt },
  { h: 'bclri', pat: '0000 1000 10.. ....', ea: EA.dataAlt },
  { h: 'bseti', pat: '0000 1000 11.. ....', ea: EA.dataAlt },
  { h: 'ori', pat: '0000 0000 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'andi', pat: '0000 0010 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'subi', pat: '0000 0100 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'addi', pat: '0000 0110 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'eori', pat: '0000 1010 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'cmpi', pat: '0000 1100 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'movea', pat: '001. ...0 01.. ....', ea: EA.all },
  { h: 'move', pat: '0001 .... .... ....', ea: EA.all, ea2: EA.dataAlt, noAnByte: true },
  { h: 'move', pat: '001. .... .... ....', ea: EA.all, ea2: EA.dataAlt },
  { h: 'movefromsr', pat: '0100 0000 11.. ....', ea: EA.dataAlt },
  { h: 'negx', pat: '0100 0000 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'chk', pat: '0100 ...1 10.. ....', ea: EA.data },
  { h: 'lea', pat: '0100 ...1 11.. ....', ea: EA.control },
  { h: 'clr', pat: '0100 0010 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'movetoccr', pat: '0100 0100 11.. ....', ea: EA.data },
  { h: 'neg', pat: '0100 0100 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'movetosr', pat: '0100 0110 11.. ....', ea: EA.data },
  { h: 'not', pat: '0100 0110 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'swap', pat: '0100 1000 0100 0...' },
  { h: 'extw', pat: '0100 1000 1000 0...' },
  { h: 'extl', pat: '0100 1000 1100 0...' },
  { h: 'nbcd', pat: '0100 1000 00.. ....', ea: EA.dataAlt },
  { h: 'pea', pat: '0100 1000 01.. ....', ea: EA.control },
  { h: 'movemstore', pat: '0100 1000 1... ....', ea: EA.movemStore },
  { h: 'illegal', pat: '0100 1010 1111 1100' },
  { h: 'tas', pat: '0100 1010 11.. ....', ea: EA.dataAlt },
  { h: 'tst', pat: '0100 1010 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'movemload', pat: '0100 1100 1... ....', ea: EA.movemLoad },
  { h: 'trap', pat: '0100 1110 0100 ....' },
  { h: 'link', pat: '0100 1110 0101 0...' },
  { h: 'unlk', pat: '0100 1110 0101 1...' },
  { h: 'movetousp', pat: '0100 1110 0110 0...' },
  { h: 'movefromusp', pat: '0100 1110 0110 1...' },
  { h: 'reset', pat: '0100 1110 0111 0000' },
  { h: 'nop', pat: '0100 1110 0111 0001' },
  { h: 'stop', pat: '0100 1110 0111 0010' },
  { h: 'rte', pat: '0100 1110 0111 0011' },
  { h: 'rts', pat: '0100 1110 0111 0101' },
  { h: 'trapv', pat: '0100 1110 0111 0110' },
  { h: 'rtr', pat: '0100 1110 0111 0111' },
  { h: 'jsr', pat: '0100 1110 10.. ....', ea: EA.control },
  { h: 'jmp', pat: '0100 1110 11.. ....', ea: EA.control },
  { h: 'dbcc', pat: '0101 .... 1100 1...' },
  { h: 'scc', pat: '0101 .... 11.. ....', ea: EA.dataAlt },
  { h: 'addq', pat: '0101 ...0 .... ....', ea: EA.alterable, size: 'std', noAnByte: true },
  { h: 'subq', pat: '0101 ...1 .... ....', ea: EA.alterable, size: 'std', noAnByte: true },
  { h: 'bra', pat: '0110 0000 .... ....' },
  { h: 'bsr', pat: '0110 0001 .... ....' },
  { h: 'bcc', pat: '0110 .... .... ....' },
  { h: 'moveq', pat: '0111 ...0 .... ....' },
  { h: 'divu', pat: '1000 ...0 11.. ....', ea: EA.data },
  { h: 'divs', pat: '1000 ...1 11.. ....', ea: EA.data },
  { h: 'sbcd', pat: '1000 ...1 0000 ....' },
  { h: 'or', pat: '1000 ...0 .... ....', ea: EA.data, size: 'std' },
  { h: 'orm', pat: '1000 ...1 .... ....', ea: EA.memAlt, size: 'std' },
  { h: 'suba', pat: '1001 .... 11.. ....', ea: EA.all },
  { h: 'subx', pat: '1001 ...1 ..00 ....', size: 'std' },
  { h: 'sub', pat: '1001 ...0 .... ....', ea: EA.all, size: 'std', noAnByte: true },
  { h: 'subm', pat: '1001 ...1 .... ....', ea: EA.memAlt, size: 'std' },
  { h: 'linea', pat: '1010 .... .... ....' },
  { h: 'cmpa', pat: '1011 .... 11.. ....', ea: EA.all },
  { h: 'cmpm', pat: '1011 ...1 ..00 1...', size: 'std' },
  { h: 'eor', pat: '1011 ...1 .... ....', ea: EA.dataAlt, size: 'std' },
  { h: 'cmp', pat: '1011 ...0 .... ....', ea: EA.all, size: 'std', noAnByte: true },
  { h: 'mulu', pat: '1100 ...0 11.. ....', ea: EA.data },
  { h: 'muls', pat: '1100 ...1 11.. ....', ea: EA.data },
  { h: 'abcd', pat: '1100 ...1 0000 ....' },
  { h: 'exg', pat: '1100 ...1 0100 0...' },
  { h: 'exg', pat: '1100 ...1 0100 1...' },
  { h: 'exg', pat: '1100 ...1 1000 1...' },
  { h: 'and', pat: '1100 ...0 .... ....', ea: EA.data, size: 'std' },
  { h: 'andm', pat: '1100 ...1 .... ....', ea: EA.memAlt, size: 'std' },
  { h: 'adda', pat: '1101 .... 11.. ....', ea: EA.all },
  { h: 'addx', pat: '1101 ...1 ..00 ....', size: 'std' },
  { h: 'add', pat: '1101 ...0 .... ....', ea: EA.all, size: 'std', noAnByte: true },
  { h: 'addm', pat: '1101 ...1 .... ....', ea: EA.memAlt, size: 'std' },
  { h: 'shiftm', pat: '1110 0... 11.. ....', ea: EA.memAlt },
  { h: 'shiftr', pat: '1110 .... .... ....', size: 'std' },
  { h: 'linef', pat: '1111 .... .... ....' },
];

/** Handler names in id order; id 0 is the illegal-instruction handler. */
export const HANDLER_NAMES: string[] = ['illegal', ...new Set(OPS.map((o) => o.h).filter((h) => h !== 'illegal'))];

function matches(e: OpEntry, mask: number, value: number, op: number): boolean {
  if ((op & mask) !== value) return false;
  if (e.size === 'std' && ((op >> 6) & 3) === 3) return false;
  if (e.ea !== undefined) {
    const k = eaKind((op >> 3) & 7, op & 7);
    if (k < 0 || ((e.ea >> k) & 1) === 0) return false;
    if (e.noAnByte && k === 1) {
      const byte = e.h === 'move' ? (op >> 12) === 1 : ((op >> 6) & 3) === 0;
      if (byte) return false;
    }
  }
  if (e.ea2 !== undefined) {
    const k = eaKind((op >> 6) & 7, (op >> 9) & 7);
    if (k < 0 || ((e.ea2 >> k) & 1) === 0) return false;
  }
  return true;
}

let shared: Uint16Array | null = null;

/** Opcode → handler id (index into HANDLER_NAMES), built on first use and shared by core and disassembler. */
export function decodeTable(): Uint16Array {
  if (shared === null) shared = buildDecodeTable();
  return shared;
}

function buildDecodeTable(): Uint16Array {
  const ids = new Map(HANDLER_NAMES.map((n, i) => [n, i]));
  const compiled = OPS.map((e) => {
    const bits = e.pat.replace(/ /g, '');
    if (bits.length !== 16) throw new Error(`m68000.ops: bad pattern ${e.pat}`);
    let mask = 0, value = 0;
    for (let i = 0; i < 16; i++) {
      const ch = bits[i];
      if (ch === '0' || ch === '1') { mask |= 1 << (15 - i); if (ch === '1') value |= 1 << (15 - i); }
    }
    return { e, mask, value, id: ids.get(e.h)! };
  });
  const table = new Uint16Array(65536);
  for (let op = 0; op < 65536; op++) {
    for (const c of compiled) {
      if (matches(c.e, c.mask, c.value, op)) { table[op] = c.id; break; }
    }
  }
  return table;
}
