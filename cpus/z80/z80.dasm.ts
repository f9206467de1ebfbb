/**
 * Z80 disassembler whose text is MAME 0.251's, character for character, so our traces diff cleanly
 * against MAME's `trace` output (test/debug/z80-dasm-mame.tsv holds MAME's text for every opcode pattern).
 *
 * The format, as MAME 0.251's debugger prints it: Zilog mnemonics in lowercase, padded to four characters
 * and a space when operands follow (`ld   a,$0F`, `djnz $015F`); addresses and immediates in uppercase
 * `$` hex, index displacements in lowercase (`(ix-$7b)`); undocumented forms `sll`, `ixh`/`ixl`,
 * `in 0,(c)`, `out (c),0`, duplicate ED `neg *`; DDCB forms that also copy the result to a register name
 * it before the operand (`rlc b=(ix+$0e)`, `set a=7,(iy-$10)`); `rrd (hl)`/`rld (hl)`.
 * A DD/FD prefix that does not change the next opcode, and an ED opcode the chip does not define, are
 * shown as `db $dd` / `db $ed` of length 1, as MAME steps over them.
 * Decoding follows the opcode's x/y/z/p/q bit fields (the same split the core's switches use).
 */
import type { Disassembly } from '../../src/core/cpu';

const R = ['b', 'c', 'd', 'e', 'h', 'l', '(hl)', 'a'];
const RP = ['bc', 'de', 'hl', 'sp'];
const RP2 = ['bc', 'de', 'hl', 'af'];
const CC = ['nz', 'z', 'nc', 'c', 'po', 'pe', 'p', 'm'];
const ALU = ['add  a,', 'adc  a,', 'sub  ', 'sbc  a,', 'and  ', 'xor  ', 'or   ', 'cp   '];
const ROT = ['rlc', 'rrc', 'rl', 'rr', 'sla', 'sra', 'sll', 'srl'];
const IM = ['0', '0', '1', '2', '0', '0', '1', '2'];
const MISC = ['rlca', 'rrca', 'rla', 'rra', 'daa', 'cpl', 'scf', 'ccf'];
const BLOCK = [
  ['ldi', 'cpi', 'ini', 'outi'], ['ldd', 'cpd', 'ind', 'outd'],
  ['ldir', 'cpir', 'inir', 'otir'], ['lddr', 'cpdr', 'indr', 'otdr'],
];

function h8(v: number): string { return '$' + (v & 0xff).toString(16).toUpperCase().padStart(2, '0'); }
function h16(v: number): string { return '$' + (v & 0xffff).toString(16).toUpperCase().padStart(4, '0'); }
/** MAME's layout: the mnemonic padded to four characters and a space before the operands. */
function op(mnemonic: string, operands = ''): string { return operands ? mnemonic.padEnd(4) + ' ' + operands : mnemonic; }

/** Opcodes whose DD/FD form differs from the unprefixed one (they use H, L, (HL), HL or are DD CB). */
function usesIndex(op: number): boolean {
  const x = op >> 6, y = (op >> 3) & 7, z = op & 7;
  if (x === 1) return op !== 0x76 && (y === 4 || y === 5 || y === 6 || z === 4 || z === 5 || z === 6);
  if (x === 2) return z === 4 || z === 5 || z === 6;
  if (x === 0) {
    if (z === 1) return (y & 1) === 1 || y === 4; // add ix,rr for every rr; ld ix,nn
    if (op === 0x22 || op === 0x2a || op === 0x23 || op === 0x2b) return true;
    return y === 4 || y === 5 || y === 6 ? z === 4 || z === 5 || z === 6 : false;
  }
  return op === 0xcb || op === 0xe1 || op === 0xe3 || op === 0xe5 || op === 0xe9 || op === 0xf9;
}

export function disassembleZ80(addr: number, peek: (a: number) => number): Disassembly {
  let len = 0;
  const next = (): number => peek((addr + len++) & 0xffff) & 0xff;
  const imm16 = (): number => { const lo = next(); return lo | (next() << 8); };

  let code = next();
  let ix = '';
  if (code === 0xdd || code === 0xfd) {
    const follow = peek((addr + 1) & 0xffff) & 0xff;
    if (!usesIndex(follow)) return { text: op('db', h8(code).toLowerCase()), length: 1 };
    ix = code === 0xdd ? 'ix' : 'iy';
    code = next();
  }

  // Operand names for the current prefix. `(hl)` becomes `(ix+$dd)` with the displacement read in order.
  let dispText = '';
  const mem = (): string => {
    if (!ix) return '(hl)';
    if (!dispText) {
      const d = (next() << 24) >> 24;
      dispText = `(${ix}${d < 0 ? '-' : '+'}${h8(Math.abs(d)).toLowerCase()})`;
    }
    return dispText;
  };
  const reg = (z: number, allowHalf: boolean): string => {
    if (z === 6) return mem();
    if (ix && allowHalf && (z === 4 || z === 5)) return ix + (z === 4 ? 'h' : 'l');
    return R[z];
  };
  const hl = ix || 'hl';
  const rp = (p: number): string => (p === 2 ? hl : RP[p]);
  const done = (text: string): Disassembly => ({ text, length: len });

  if (code === 0xcb) {
    if (ix) {
      const where = mem();
      const sub = next();
      const x = sub >> 6, y = (sub >> 3) & 7, z = sub & 7;
      const copy = z === 6 ? '' : `${R[z]}=`;
      if (x === 0) return done(op(ROT[y], copy + where));
      return done(op(['', 'bit', 'res', 'set'][x], `${copy}${y},${where}`));
    }
    const sub = next();
    const x = sub >> 6, y = (sub >> 3) & 7, z = sub & 7;
    if (x === 0) return done(op(ROT[y], R[z]));
    return done(op(['', 'bit', 'res', 'set'][x], `${y},${R[z]}`));
  }

  if (code === 0xed) {
    const sub = next();
    const x = sub >> 6, y = (sub >> 3) & 7, z = sub & 7, p = y >> 1, q = y & 1;
    const undefinedEd = (): Disassembly => ({ text: op('db', '$ed'), length: 1 });
    if (x === 1) {
      switch (z) {
        case 0: return done(op('in', `${y === 6 ? '0' : R[y]},(c)`));
        case 1: return done(op('out', `(c),${y === 6 ? '0' : R[y]}`));
        case 2: return done(op(q ? 'adc' : 'sbc', `hl,${RP[p]}`));
        case 3: { const nn = imm16(); return done(op('ld', q ? `${RP[p]},(${h16(nn)})` : `(${h16(nn)}),${RP[p]}`)); }
        case 4: return done(y === 0 ? 'neg' : op('neg', '*'));
        case 5: return done(q ? 'reti' : 'retn');
        case 6: return done(op('im', IM[y]));
        default: {
          const t = ['ld   i,a', 'ld   r,a', 'ld   a,i', 'ld   a,r', 'rrd  (hl)', 'rld  (hl)', '', ''][y];
          return t ? done(t) : undefinedEd();
        }
      }
    }
    if (x === 2 && z <= 3 && y >= 4) return done(BLOCK[y - 4][z]);
    return undefinedEd();
  }

  const x = code >> 6, y = (code >> 3) & 7, z = code & 7, p = y >> 1, q = y & 1;
  if (x === 1) {
    if (code === 0x76) return done('halt');
    // With (ix+d) on one side, the other side stays the real H/L.
    const half = y !== 6 && z !== 6;
    const dst = reg(y, half);
    return done(op('ld', `${dst},${reg(z, half)}`));
  }
  if (x === 2) return done(ALU[y] + reg(z, true));
  if (x === 0) {
    switch (z) {
      case 0:
        if (y === 0) return done('nop');
        if (y === 1) return done(op('ex', "af,af'"));
        {
          const d = (next() << 24) >> 24;
          const target = h16(addr + len + d);
          if (y === 2) return done(op('djnz', target));
          if (y === 3) return done(op('jr', target));
          return done(op('jr', `${CC[y - 4]},${target}`));
        }
      case 1: return q ? done(op('add', `${hl},${rp(p)}`)) : done(op('ld', `${rp(p)},${h16(imm16())}`));
      case 2: {
        const forms = ['(bc),a', 'a,(bc)', '(de),a', 'a,(de)'];
        if (p < 2) return done(op('ld', forms[y]));
        const nn = h16(imm16());
        if (p === 2) return done(op('ld', q ? `${hl},(${nn})` : `(${nn}),${hl}`));
        return done(op('ld', q ? `a,(${nn})` : `(${nn}),a`));
      }
      case 3: return done(op(q ? 'dec' : 'inc', rp(p)));
      case 4: return done(op('inc', reg(y, true)));
      case 5: return done(op('dec', reg(y, true)));
      case 6: { const r = reg(y, true); return done(op('ld', `${r},${h8(next())}`)); }
      default: return done(MISC[y]);
    }
  }
  // x === 3
  switch (z) {
    case 0: return done(op('ret', CC[y]));
    case 1:
      if (q === 0) return done(op('pop', p === 2 ? hl : RP2[p]));
      return done(['ret', 'exx', op('jp', `(${hl})`), op('ld', `sp,${hl}`)][p]);
    case 2: return done(op('jp', `${CC[y]},${h16(imm16())}`));
    case 3:
      switch (y) {
        case 0: return done(op('jp', h16(imm16())));
        case 2: return done(op('out', `(${h8(next())}),a`));
        case 3: return done(op('in', `a,(${h8(next())})`));
        case 4: return done(op('ex', `(sp),${hl}`));
        case 5: return done(op('ex', 'de,hl'));
        case 6: return done('di');
        default: return done('ei');
      }
    case 4: return done(op('call', `${CC[y]},${h16(imm16())}`));
    case 5:
      if (q === 0) return done(op('push', p === 2 ? hl : RP2[p]));
      return done(op('call', h16(imm16()))); // (DD/ED/FD handled above)
    case 6: return done(ALU[y] + h8(next()));
    default: return done(op('rst', h8(y * 8)));
  }
}
