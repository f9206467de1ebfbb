/**
 * The Z80 opcode table: every instruction of every opcode page, as MAME 0.251's disassembler prints it
 * (lowercase Zilog mnemonics), with its T-states. It drives the code generator (`tools/gen-z80.ts` →
 * `z80.gen.ts`: the run loop and the page switches) and the disassembler (`z80.dasm.ts`), so the two
 * can never disagree.
 *
 * Operand placeholders: `n` an immediate byte, `nn` an immediate word, `(n)`/`(nn)` the same as a port or
 * address, `e` the displacement of `jr`/`djnz` (printed as the target address), `(ix+d)`/`(iy+d)` an
 * index register plus a signed displacement byte. Everything else is literal (`rst $38`, `im 1`).
 *
 * T-states: Zilog UM0080 "Z80 CPU User Manual" instruction tables; `a/b` = not taken / taken (or, for
 * repeating block instructions, last / repeating step). Undocumented opcodes and their timings: Sean Young,
 * "The Undocumented Z80 Documented" v0.91 (SLL, IXH/IXL, `in 0,(c)`, `out (c),0`, duplicate NEG/RETN/IM,
 * DD CB register copies); the SingleStepTests/z80 vectors confirm every count.
 *
 * Pages: `main` (unprefixed), `cb`, `ed`, `dd`/`fd` (derived from `main`: see `indexedPage`), and the
 * DD CB / FD CB page (derived from `cb`: see `indexedCbPage`).
 */

export type Page = 'main' | 'cb' | 'ed' | 'dd' | 'fd' | 'xycb';

export interface OpInfo {
  readonly code: number;
  /** MAME's text with placeholders, mnemonic and operands separated by one space (`ld b,n`). */
  readonly text: string;
  readonly mnemonic: string;
  /** Operands split at commas (`['b', 'n']`); empty for none. */
  readonly operands: readonly string[];
  /** T-states (not taken / last step for conditional and repeating instructions), prefixes included. */
  readonly cycles: number;
  /** T-states when the condition holds or the block instruction repeats; equal to `cycles` otherwise. */
  readonly taken: number;
  /** Set for the opcodes that select another page (CB, DD, ED, FD on the main page; CB on DD/FD). */
  readonly prefix?: Page;
}

function op(code: number, cell: string, prefix?: Page): OpInfo {
  const m = /^(.*?) (\d+)(?:\/(\d+))?$/.exec(cell.trim());
  if (!m) throw new Error(`z80 opcode table: bad cell '${cell}'`);
  const text = m[1];
  const sp = text.indexOf(' ');
  const mnemonic = sp < 0 ? text : text.slice(0, sp);
  const operands = sp < 0 ? [] : text.slice(sp + 1).split(',');
  const cycles = Number(m[2]);
  return { code, text, mnemonic, operands, cycles, taken: m[3] ? Number(m[3]) : cycles, prefix };
}

function rows(cells: string[][], first: number): OpInfo[] {
  return cells.flat().map((cell, k) => op(first + k, cell));
}
const split = (row: string): string[] => row.split('|');

/** Register operands by the opcode's 3-bit register field (6 = the byte at HL). */
export const R8 = ['b', 'c', 'd', 'e', 'h', 'l', '(hl)', 'a'];
const ALU = ['add a,', 'adc a,', 'sub ', 'sbc a,', 'and ', 'xor ', 'or ', 'cp '];
const ROT = ['rlc', 'rrc', 'rl', 'rr', 'sla', 'sra', 'sll', 'srl'];

// ---- main page ------------------------------------------------------------------------------------

const MAIN_00_3F = [
  'nop 4|ld bc,nn 10|ld (bc),a 7|inc bc 6|inc b 4|dec b 4|ld b,n 7|rlca 4|ex af,af\' 4|add hl,bc 11|ld a,(bc) 7|dec bc 6|inc c 4|dec c 4|ld c,n 7|rrca 4',
  'djnz e 8/13|ld de,nn 10|ld (de),a 7|inc de 6|inc d 4|dec d 4|ld d,n 7|rla 4|jr e 12|add hl,de 11|ld a,(de) 7|dec de 6|inc e 4|dec e 4|ld e,n 7|rra 4',
  'jr nz,e 7/12|ld hl,nn 10|ld (nn),hl 16|inc hl 6|inc h 4|dec h 4|ld h,n 7|daa 4|jr z,e 7/12|add hl,hl 11|ld hl,(nn) 16|dec hl 6|inc l 4|dec l 4|ld l,n 7|cpl 4',
  'jr nc,e 7/12|ld sp,nn 10|ld (nn),a 13|inc sp 6|inc (hl) 11|dec (hl) 11|ld (hl),n 10|scf 4|jr c,e 7/12|add hl,sp 11|ld a,(nn) 13|dec sp 6|inc a 4|dec a 4|ld a,n 7|ccf 4',
].map(split);

// 40-7F: LD r,r' (4 T-states, 7 with (HL)); 76 would be LD (HL),(HL) and is HALT.
const MAIN_40_7F = R8.map((dst) =>
  R8.map((src) => (dst === '(hl)' && src === '(hl)' ? 'halt 4' : `ld ${dst},${src} ${dst === '(hl)' || src === '(hl)' ? 7 : 4}`)));

// 80-BF: the eight ALU operations on A and each register (4 T-states, 7 with (HL)).
const MAIN_80_BF = ALU.map((alu) => R8.map((src) => `${alu}${src} ${src === '(hl)' ? 7 : 4}`));

const MAIN_C0_FF = [
  'ret nz 5/11|pop bc 10|jp nz,nn 10|jp nn 10|call nz,nn 10/17|push bc 11|add a,n 7|rst $00 11|ret z 5/11|ret 10|jp z,nn 10|cb 4|call z,nn 10/17|call nn 17|adc a,n 7|rst $08 11',
  'ret nc 5/11|pop de 10|jp nc,nn 10|out (n),a 11|call nc,nn 10/17|push de 11|sub n 7|rst $10 11|ret c 5/11|exx 4|jp c,nn 10|in a,(n) 11|call c,nn 10/17|dd 4|sbc a,n 7|rst $18 11',
  'ret po 5/11|pop hl 10|jp po,nn 10|ex (sp),hl 19|call po,nn 10/17|push hl 11|and n 7|rst $20 11|ret pe 5/11|jp (hl) 4|jp pe,nn 10|ex de,hl 4|call pe,nn 10/17|ed 4|xor n 7|rst $28 11',
  'ret p 5/11|pop af 10|jp p,nn 10|di 4|call p,nn 10/17|push af 11|or n 7|rst $30 11|ret m 5/11|ld sp,hl 6|jp m,nn 10|ei 4|call m,nn 10/17|fd 4|cp n 7|rst $38 11',
].map(split);

const PREFIXES: Record<string, Page> = { cb: 'cb', dd: 'dd', ed: 'ed', fd: 'fd' };

export const MAIN: readonly OpInfo[] = [
  ...rows(MAIN_00_3F, 0x00), ...rows(MAIN_40_7F, 0x40), ...rows(MAIN_80_BF, 0x80), ...rows(MAIN_C0_FF, 0xc0),
].map((o) => (o.text in PREFIXES ? { ...o, prefix: PREFIXES[o.text] } : o));

// ---- CB page: rotates/shifts, BIT, RES, SET on each register ---------------------------------------

export const CB: readonly OpInfo[] = Array.from({ length: 256 }, (_, code) => {
  const x = code >> 6, y = (code >> 3) & 7, r = R8[code & 7], mem = r === '(hl)';
  if (x === 0) return op(code, `${ROT[y]} ${r} ${mem ? 15 : 8}`);
  if (x === 1) return op(code, `bit ${y},${r} ${mem ? 12 : 8}`);
  return op(code, `${x === 2 ? 'res' : 'set'} ${y},${r} ${mem ? 15 : 8}`);
});

// ---- ED page ----------------------------------------------------------------------------------------

// 40-7F; `neg *` and `im 0` at 4E/6E are the undocumented duplicates (IM 0/1/2 by bits 4-3: 0 0 1 2).
const ED_40_7F = [
  'in b,(c) 12|out (c),b 12|sbc hl,bc 15|ld (nn),bc 20|neg 8|retn 14|im 0 8|ld i,a 9',
  'in c,(c) 12|out (c),c 12|adc hl,bc 15|ld bc,(nn) 20|neg * 8|reti 14|im 0 8|ld r,a 9',
  'in d,(c) 12|out (c),d 12|sbc hl,de 15|ld (nn),de 20|neg * 8|retn 14|im 1 8|ld a,i 9',
  'in e,(c) 12|out (c),e 12|adc hl,de 15|ld de,(nn) 20|neg * 8|reti 14|im 2 8|ld a,r 9',
  'in h,(c) 12|out (c),h 12|sbc hl,hl 15|ld (nn),hl 20|neg * 8|retn 14|im 0 8|rrd (hl) 18',
  'in l,(c) 12|out (c),l 12|adc hl,hl 15|ld hl,(nn) 20|neg * 8|reti 14|im 0 8|rld (hl) 18',
  'in 0,(c) 12|out (c),0 12|sbc hl,sp 15|ld (nn),sp 20|neg * 8|retn 14|im 1 8|',
  'in a,(c) 12|out (c),a 12|adc hl,sp 15|ld sp,(nn) 20|neg * 8|reti 14|im 2 8|',
].map(split);

// A0-BB: block transfer, compare and I/O; the repeating forms take 21 T-states per repeated step.
const ED_BLOCK = [
  'ldi 16|cpi 16|ini 16|outi 16', 'ldd 16|cpd 16|ind 16|outd 16',
  'ldir 16/21|cpir 16/21|inir 16/21|otir 16/21', 'lddr 16/21|cpdr 16/21|indr 16/21|otdr 16/21',
].map(split);

/** The ED page by opcode; `undefined` where the chip defines nothing (an 8 T-state no-op, Young §3.3). */
export const ED: readonly (OpInfo | undefined)[] = (() => {
  const page: (OpInfo | undefined)[] = new Array(256).fill(undefined);
  ED_40_7F.flat().forEach((cell, k) => { if (cell) page[0x40 + k] = op(0x40 + k, cell); });
  ED_BLOCK.forEach((row, k) => row.forEach((cell, z) => { page[0xa0 + k * 8 + z] = op(0xa0 + k * 8 + z, cell); }));
  return page;
})();

/** T-states of an undefined ED opcode (ED + one byte, both M1 cycles). */
export const ED_UNDEFINED_CYCLES = 8;

// ---- DD / FD pages ------------------------------------------------------------------------------------

/**
 * The DD (IX) or FD (IY) form of a main-page opcode, or undefined when the prefix does not change it
 * (then the chip spends the prefix's 4 T-states and runs the opcode as usual). A prefix affects exactly
 * the opcodes naming HL, H, L or (HL), except EX DE,HL (Young §3.2): `(hl)` becomes `(ix+d)` (and H, L
 * stay themselves in that instruction), else HL becomes IX, H IXH and L IXL. T-states: 4 more for the
 * prefix; 12 more with `(ix+d)` (displacement fetch and address add), but `ld (ix+d),n` only 9 more
 * because the add overlaps the operand fetch (UM0080).
 */
function indexed(o: OpInfo, xy: 'ix' | 'iy'): OpInfo | undefined {
  if (o.prefix === 'cb') return { ...o, text: o.text, cycles: 4, taken: 4, prefix: 'xycb' };
  if (o.prefix || o.text === 'ex de,hl') return undefined;
  const names = o.operands;
  const mem = names.includes('(hl)') && o.mnemonic !== 'jp';
  if (!names.some((n) => n === 'hl' || n === 'h' || n === 'l' || n === '(hl)')) return undefined;
  const operands = names.map((n) => {
    if (mem) return n === '(hl)' ? `(${xy}+d)` : n;
    if (n === 'hl') return xy;
    if (n === '(hl)') return `(${xy})`; // jp (hl)
    if (n === 'h' || n === 'l') return xy + n;
    return n;
  });
  const extra = !mem ? 4 : o.text === 'ld (hl),n' ? 9 : 12;
  return {
    ...o,
    text: `${o.mnemonic} ${operands.join(',')}`,
    operands,
    cycles: o.cycles + extra,
    taken: o.taken + extra,
  };
}

function indexedPage(xy: 'ix' | 'iy'): readonly (OpInfo | undefined)[] {
  return MAIN.map((o) => indexed(o, xy));
}
/** DD page: the IX forms; `undefined` = the prefix is ignored. */
export const DD = indexedPage('ix');
/** FD page: the IY forms. */
export const FD = indexedPage('iy');

/**
 * DD CB d op / FD CB d op (written for IX; the FD forms read `iy`): the CB operation on (IX+d); for
 * register encodings other than 6 the result is also copied to that register (Young §3.5), which MAME
 * shows as `rlc b=(ix+d)` (and `bit b=0,(ix+d)`, where nothing is copied). 23 T-states, BIT 20.
 */
export const XYCB: readonly OpInfo[] = CB.map((o) => {
  const r = R8[o.code & 7], copy = r === '(hl)' ? '' : `${r}=`;
  const x = o.code >> 6, y = (o.code >> 3) & 7;
  const text = x === 0 ? `${o.mnemonic} ${copy}(ix+d)` : `${o.mnemonic} ${copy}${y},(ix+d)`;
  return op(o.code, `${text} ${x === 1 ? 20 : 23}`);
});

/** The table of a page, by opcode. */
export function page(p: Page): readonly (OpInfo | undefined)[] {
  switch (p) {
    case 'main': return MAIN;
    case 'cb': return CB;
    case 'ed': return ED;
    case 'dd': return DD;
    case 'fd': return FD;
    default: return XYCB;
  }
}

if (MAIN.length !== 256 || CB.length !== 256 || XYCB.length !== 256 || ED.filter(Boolean).length !== 78) {
  throw new Error('z80 opcode table is malformed');
}
