/**
 * Z80 disassembler: Zilog mnemonics, lowercase, `$` hex. Undocumented forms are named as commonly written
 * (Young, "The Undocumented Z80 Documented"): `sll`, `ixh`/`ixl`/`iyh`/`iyl`, `in (c)`, `out (c),0`,
 * `rlc (ix+$05),b` for DDCB forms that also copy to a register, duplicate `neg`/`retn`/`im`.
 * Decoding follows the opcode's x/y/z/p/q bit fields (the same split the core's switches use).
 *
 * A DD/FD prefix that does not change the next opcode is shown as `db $dd` (length 1), as MAME does;
 * ED opcodes the chip does not define (they execute as 8 T-state no-ops) are shown as `???` (length 2).
 */
import type { Disassembly } from '../../src/core/cpu';

const R = ['b', 'c', 'd', 'e', 'h', 'l', '(hl)', 'a'];
const RP = ['bc', 'de', 'hl', 'sp'];
const RP2 = ['bc', 'de', 'hl', 'af'];
const CC = ['nz', 'z', 'nc', 'c', 'po', 'pe', 'p', 'm'];
const ALU = ['add a,', 'adc a,', 'sub ', 'sbc a,', 'and ', 'xor ', 'or ', 'cp '];
const ROT = ['rlc', 'rrc', 'rl', 'rr', 'sla', 'sra', 'sll', 'srl'];
const IM = ['0', '0', '1', '2', '0', '0', '1', '2'];
const MISC = ['rlca', 'rrca', 'rla', 'rra', 'daa', 'cpl', 'scf', 'ccf'];
const BLOCK = [
  ['ldi', 'cpi', 'ini', 'outi'], ['ldd', 'cpd', 'ind', 'outd'],
  ['ldir', 'cpir', 'inir', 'otir'], ['lddr', 'cpdr', 'indr', 'otdr'],
];

function h8(v: number): string { return '$' + (v & 0xff).toString(16).padStart(2, '0'); }
function h16(v: number): string { return '$' + (v & 0xffff).toString(16).padStart(4, '0'); }

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

  let op = next();
  let ix = '';
  if (op === 0xdd || op === 0xfd) {
    const follow = peek((addr + 1) & 0xffff) & 0xff;
    if (!usesIndex(follow)) return { text: `db ${h8(op)}`, length: 1 };
    ix = op === 0xdd ? 'ix' : 'iy';
    op = next();
  }

  // Operand names for the current prefix. `(hl)` becomes `(ix+$dd)` with the displacement read in order.
  let dispText = '';
  const mem = (): string => {
    if (!ix) return '(hl)';
    if (!dispText) {
      const d = (next() << 24) >> 24;
      dispText = `(${ix}${d < 0 ? '-' : '+'}${h8(Math.abs(d))})`;
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

  if (op === 0xcb) {
    if (ix) {
      const where = mem();
      const sub = next();
      const x = sub >> 6, y = (sub >> 3) & 7, z = sub & 7;
      if (x === 1) return done(`bit ${y},${where}`);
      const base = x === 0 ? `${ROT[y]} ${where}` : `${x === 2 ? 'res' : 'set'} ${y},${where}`;
      return done(z === 6 ? base : `${base},${R[z]}`);
    }
    const sub = next();
    const x = sub >> 6, y = (sub >> 3) & 7, z = sub & 7;
    if (x === 0) return done(`${ROT[y]} ${R[z]}`);
    return done(`${['', 'bit', 'res', 'set'][x]} ${y},${R[z]}`);
  }

  if (op === 0xed) {
    const sub = next();
    const x = sub >> 6, y = (sub >> 3) & 7, z = sub & 7, p = y >> 1, q = y & 1;
    if (x === 1) {
      switch (z) {
        case 0: return done(y === 6 ? 'in (c)' : `in ${R[y]},(c)`);
        case 1: return done(y === 6 ? 'out (c),0' : `out (c),${R[y]}`);
        case 2: return done(`${q ? 'adc' : 'sbc'} hl,${RP[p]}`);
        case 3: { const nn = imm16(); return done(q ? `ld ${RP[p]},(${h16(nn)})` : `ld (${h16(nn)}),${RP[p]}`); }
        case 4: return done('neg');
        case 5: return done(y === 1 ? 'reti' : 'retn');
        case 6: return done(`im ${IM[y]}`);
        default: {
          const t = ['ld i,a', 'ld r,a', 'ld a,i', 'ld a,r', 'rrd', 'rld', '', ''][y];
          return t ? done(t) : done('???');
        }
      }
    }
    if (x === 2 && z <= 3 && y >= 4) return done(BLOCK[y - 4][z]);
    return done('???');
  }

  const x = op >> 6, y = (op >> 3) & 7, z = op & 7, p = y >> 1, q = y & 1;
  if (x === 1) {
    if (op === 0x76) return done('halt');
    // With (ix+d) on one side, the other side stays the real H/L.
    const half = y !== 6 && z !== 6;
    return done(`ld ${reg(y, half)},${reg(z, half)}`);
  }
  if (x === 2) return done(`${ALU[y]}${reg(z, true)}`);
  if (x === 0) {
    switch (z) {
      case 0:
        if (y === 0) return done('nop');
        if (y === 1) return done("ex af,af'");
        {
          const d = (next() << 24) >> 24;
          const target = h16(addr + len + d);
          if (y === 2) return done(`djnz ${target}`);
          if (y === 3) return done(`jr ${target}`);
          return done(`jr ${CC[y - 4]},${target}`);
        }
      case 1: return q ? done(`add ${hl},${rp(p)}`) : done(`ld ${rp(p)},${h16(imm16())}`);
      case 2: {
        const forms = ['ld (bc),a', 'ld a,(bc)', 'ld (de),a', 'ld a,(de)'];
        if (p < 2) return done(forms[y]);
        const nn = h16(imm16());
        if (p === 2) return done(q ? `ld ${hl},(${nn})` : `ld (${nn}),${hl}`);
        return done(q ? `ld a,(${nn})` : `ld (${nn}),a`);
      }
      case 3: return done(`${q ? 'dec' : 'inc'} ${rp(p)}`);
      case 4: return done(`inc ${reg(y, true)}`);
      case 5: return done(`dec ${reg(y, true)}`);
      case 6: { const r = reg(y, true); return done(`ld ${r},${h8(next())}`); }
      default: return done(MISC[y]);
    }
  }
  // x === 3
  switch (z) {
    case 0: return done(`ret ${CC[y]}`);
    case 1:
      if (q === 0) return done(`pop ${p === 2 ? hl : RP2[p]}`);
      return done(['ret', 'exx', `jp (${hl})`, `ld sp,${hl}`][p]);
    case 2: return done(`jp ${CC[y]},${h16(imm16())}`);
    case 3:
      switch (y) {
        case 0: return done(`jp ${h16(imm16())}`);
        case 2: return done(`out (${h8(next())}),a`);
        case 3: return done(`in a,(${h8(next())})`);
        case 4: return done(`ex (sp),${hl}`);
        case 5: return done('ex de,hl');
        case 6: return done('di');
        default: return done('ei');
      }
    case 4: return done(`call ${CC[y]},${h16(imm16())}`);
    case 5:
      if (q === 0) return done(`push ${p === 2 ? hl : RP2[p]}`);
      return done(`call ${h16(imm16())}`); // (DD/ED/FD handled above)
    case 6: return done(`${ALU[y]}${h8(next())}`);
    default: return done(`rst ${h8(y * 8)}`);
  }
}
