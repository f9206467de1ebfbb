/**
 * Z80 disassembler, driven by the opcode table (`z80.ops.ts`), whose text is MAME 0.251's character
 * for character, so our traces diff cleanly against MAME's `trace` output (test/debug/z80-dasm-mame.tsv
 * holds MAME's text for every opcode pattern).
 *
 * The format, as MAME 0.251's debugger prints it: the mnemonic padded to four characters and a space when
 * operands follow (`ld   a,$0F`, `djnz $015F`); addresses and immediates in uppercase `$` hex, index
 * displacements in lowercase (`(ix-$7b)`). A DD/FD prefix that does not change the next opcode, and an
 * ED opcode the chip does not define, are shown as `db $dd` / `db $ed` of length 1, as MAME steps over them.
 */
import type { Disassembly } from '../../src/core/cpu';
import { CB, DD, ED, FD, MAIN, XYCB, type OpInfo } from './z80.ops';

function h8(v: number): string { return '$' + (v & 0xff).toString(16).toUpperCase().padStart(2, '0'); }
function h16(v: number): string { return '$' + (v & 0xffff).toString(16).toUpperCase().padStart(4, '0'); }
const db = (prefix: number): Disassembly => ({ text: 'db   $' + prefix.toString(16), length: 1 });

export function disassembleZ80(addr: number, peek: (a: number) => number): Disassembly {
  let len = 0;
  const next = (): number => peek((addr + len++) & 0xffff) & 0xff;

  const first = next();
  let entry: OpInfo | undefined = MAIN[first];
  let xy = '';
  if (first === 0xdd || first === 0xfd) {
    entry = (first === 0xdd ? DD : FD)[peek((addr + 1) & 0xffff) & 0xff];
    if (!entry) return db(first);
    xy = first === 0xdd ? 'ix' : 'iy';
    len++;
  }
  // (ix+d) operand: its displacement byte comes right after the opcode (before the DD CB sub-opcode).
  let dispText = '';
  const disp = (): string => {
    if (!dispText) {
      const d = (next() << 24) >> 24;
      dispText = `(${xy}${d < 0 ? '-' : '+'}${h8(Math.abs(d)).toLowerCase()})`;
    }
    return dispText;
  };
  if (entry.prefix === 'cb') entry = CB[next()];
  else if (entry.prefix === 'xycb') { disp(); entry = XYCB[next()]; }
  else if (entry.prefix === 'ed') {
    entry = ED[next()];
    if (!entry) return db(0xed);
  }

  const relative = entry.mnemonic === 'jr' || entry.mnemonic === 'djnz';
  const operands = entry.operands.map((o) => {
    switch (o) {
      case 'n': return h8(next());
      case '(n)': return `(${h8(next())})`;
      case 'nn': { const lo = next(); return h16(lo | (next() << 8)); }
      case '(nn)': { const lo = next(); return `(${h16(lo | (next() << 8))})`; }
      case 'e': if (relative) { const d = (next() << 24) >> 24; return h16(addr + len + d); } return o;
      default: {
        const at = o.indexOf('(ix+d)') >= 0 ? o.indexOf('(ix+d)') : o.indexOf('(iy+d)');
        return at < 0 ? o : o.slice(0, at) + disp() + o.slice(at + 6);
      }
    }
  });
  const text = operands.length ? entry.mnemonic.padEnd(4) + ' ' + operands.join(',') : entry.mnemonic;
  return { text, length: len };
}
