/**
 * MC68000 data movement: MOVE (with its store-fault flag rules), MOVEA, LEA, PEA, LINK, UNLK, MOVEM,
 * MOVEP, SWAP, EXT and EXG.
 * Part of the instruction handlers (m68000.exec.ts lists them all): each performs the instruction's bus
 * accesses in the order the chip makes them so that cycle counts and address errors come out as on the
 * chip; the facts behind each ordering are the shared vectors (MAME's microcoded 68000) unless noted.
 * Comments give the bus sequence: np prefetch, nr/nw read/write, n idle (2 clocks each unit noted).
 */
import type { M68000 } from './m68000';

export function swap(c: M68000, op: number): void {
  const reg = op & 7, v = c.r[reg];
  c.r[reg] = (v >>> 16) | (v << 16);
  c.logic(2, c.r[reg]);
  c.np();
}
export function extw(c: M68000, op: number): void {
  const reg = op & 7;
  const v = (c.r[reg] << 24) >> 24;
  c.setD(reg, 1, v);
  c.logic(1, v);
  c.np();
}
export function extl(c: M68000, op: number): void {
  const reg = op & 7;
  const v = (c.r[reg] << 16) >> 16;
  c.r[reg] = v;
  c.logic(2, v);
  c.np();
}
export function exg(c: M68000, op: number): void {
  const mode = (op >> 3) & 31;
  const rx = (op >> 9) & 7, ry = op & 7;
  const i = mode === 8 ? rx : mode === 9 ? 8 + rx : rx;
  const j = mode === 8 ? ry : 8 + ry;
  const t = c.r[i]; c.r[i] = c.r[j]; c.r[j] = t;
  c.np();
  c.cycles += 2;
}

/**
 * MOVE's store. A byte store cannot fault; a word store that faults has already set N/Z of the word
 * with V/C clear (SingleStepTests/m68000 MOVE.w: every faulting test). When a long store faults on its
 * first word, the flags show how far the microcode got; `flags` is the rule for the destination mode:
 * - 0 untouched: Dn/An/#imm source to (An) or (An)+ (vectors), and a memory source to (xxx).l —
 *   its microcode (MAME m68000-sdf.cpp, the mall1-mall3 sequence of the memory-to-abs.L MOVE.l
 *   handlers) sets N/Z/V/C only after the first write completes, and the suite's larger slice has
 *   `MOVE.l (A5)+,(xxx).l` faulting with the flags it started with;
 * - 1 N/Z of the low word, V/C clear: memory source to (An) or (An)+ (vectors);
 * - 2 N/Z of the high word, V/C clear: -(An) and (xxx).w, (xxx).l from a register or #imm, and a
 *   memory source to d16(An) or d8(An,Xn) (vectors);
 * - 3 N/Z of the high word, V/C kept: Dn/An/#imm source to d16(An) or d8(An,Xn) (vectors).
 * test/cpus/m68000.move-fault.test.ts checks one case of each.
 */
function moveStore(c: M68000, a: number, sz: number, v: number, flags: number, lowFirst: number): void {
  if (sz !== 2) { c.logic(sz, v); c.wrSz(a, sz, v); return; }
  if ((a & 1) !== 0) {
    if (flags === 1) { c.n = (v >>> 15) & 1; c.z = (v & 0xffff) === 0 ? 1 : 0; c.v = 0; c.c = 0; }
    else if (flags !== 0) {
      c.n = (v >>> 31) & 1; c.z = (v >>> 16) === 0 ? 1 : 0;
      if (flags === 2) { c.v = 0; c.c = 0; }
    }
    c.fault(lowFirst ? a + 2 : a, 0, 0);
  }
  c.logic(2, v);
  if (lowFirst) c.wr32lo(a, v); else c.wr32(a, v);
}

/** MOVE: source ea, then the destination in the bus order of UM table 8-2 */
export function move(c: M68000, op: number): void {
  const szf = op >> 12;
  const sz = szf === 1 ? 0 : szf === 3 ? 1 : 2;
  const smode = (op >> 3) & 7;
  const v = c.readEa(smode, op & 7, sz);
  const regSrc = smode <= 1 || (op & 0x3f) === 0x3c ? 1 : 0;
  const dmode = (op >> 6) & 7, dreg = (op >> 9) & 7;
  switch (dmode) {
    case 0:
      c.logic(sz, v);
      c.np();
      c.setD(dreg, sz, v);
      return;
    case 2:
      c.aeAdj = 0;
      moveStore(c, c.r[8 + dreg], sz, v, regSrc ? 0 : 1, 0);
      c.np();
      return;
    case 3: {
      const a = c.r[8 + dreg];
      c.aeAdj = 0;
      if (sz === 1 && (a & 1) !== 0) { c.logic(sz, v); c.fault(a, 0, 0); } // faults before An is incremented
      const step = sz === 2 ? 4 : sz === 1 || dreg === 7 ? 2 : 1;
      if (sz === 2) { moveStore(c, a, sz, v, regSrc ? 0 : 1, 0); c.r[8 + dreg] = a + step; }
      else { c.r[8 + dreg] = a + step; moveStore(c, a, sz, v, 0, 0); }
      c.np();
      return;
    }
    case 4: {
      // the prefetch comes before the store; a long store goes low word first
      const a = (c.r[8 + dreg] - (sz === 2 ? 4 : sz === 1 || dreg === 7 ? 2 : 1)) | 0;
      c.aeAdj = -2;
      if (sz === 2) {
        // the prefetch read happens first, but IR takes the new word only after the store
        const next = c.irc;
        c.cycles += 4;
        c.irc = c.program.read16(c.pc);
        c.pc = (c.pc + 2) | 0;
        moveStore(c, a, sz, v, 2, 1);
        c.r[8 + dreg] = a;
        c.ir = next;
      } else {
        c.np();
        c.r[8 + dreg] = a;
        moveStore(c, a, sz, v, 0, 0);
      }
      return;
    }
    case 5: {
      const a = (c.r[8 + dreg] + ((c.ext() << 16) >> 16)) | 0;
      c.aeAdj = -2;
      moveStore(c, a, sz, v, regSrc ? 3 : 2, 0);
      c.np();
      return;
    }
    case 6: {
      c.cycles += 2;
      const a = (c.r[8 + dreg] + c.index(c.ext())) | 0;
      c.aeAdj = -2;
      moveStore(c, a, sz, v, regSrc ? 3 : 2, 0);
      c.np();
      return;
    }
    default:
      if (dreg === 0) {
        const a = (c.ext() << 16) >> 16;
        c.aeAdj = -2;
        moveStore(c, a, sz, v, 2, 0);
        c.np();
      } else if (regSrc) {
        const a = c.ext32();
        c.aeAdj = -2;
        moveStore(c, a, sz, v, 2, 0);
        c.np();
      } else {
        // memory source: the low address word is still in irc at the store (np nw np np)
        const hi = c.ext();
        const a = (hi << 16) | c.irc;
        c.aeAdj = -2;
        moveStore(c, a, sz, v, 0, 0);
        c.ext();
        c.np();
      }
  }
}

export function movea(c: M68000, op: number): void {
  const long = (op >> 12) === 2;
  let v = c.readEa((op >> 3) & 7, op & 7, long ? 2 : 1);
  if (!long) v = (v << 16) >> 16;
  c.r[8 + ((op >> 9) & 7)] = v;
  c.np();
}

/** d8(An,Xn) or d8(PC,Xn) */
function isIndexed(op: number): boolean {
  const m = (op >> 3) & 7;
  return m === 6 || (m === 7 && (op & 7) === 3);
}

export function lea(c: M68000, op: number): void {
  const a = c.ea((op >> 3) & 7, op & 7, 2);
  if (isIndexed(op)) c.cycles += 2; // UM table 8-15: LEA (d8,An,Xn) 12
  c.np();
  c.r[8 + ((op >> 9) & 7)] = a;
}

export function pea(c: M68000, op: number): void {
  const mode = (op >> 3) & 7;
  const a = c.ea(mode, op & 7, 2);
  if (isIndexed(op)) c.cycles += 2; // UM table 8-15: PEA (d8,An,Xn) 20
  const sp = (c.r[15] - 4) | 0;
  c.r[15] = sp;
  if (mode === 7 && (op & 7) <= 1) {
    // absolute: push, then the prefetch (vectors' bus order)
    c.aeAdj = 2;
    c.wr32(sp, a);
    c.np();
  } else {
    // the prefetch read comes first, IR takes the word after the push
    const next = c.prefetchEarly();
    c.aeAdj = -2;
    c.wr32(sp, a);
    c.ir = next;
  }
}

export function link(c: M68000, op: number): void {
  const an = 8 + (op & 7);
  const v = c.r[an]; // vectors: LINK A7 pushes the value before the decrement
  const disp = (c.ext() << 16) >> 16; // bus order: displacement prefetch, push, prefetch
  const sp = (c.r[15] - 4) | 0;
  c.r[15] = sp;
  c.aeAdj = -2;
  c.wr32(sp, v);
  c.r[an] = sp;
  c.r[15] = (sp + disp) | 0;
  c.np();
}

export function unlk(c: M68000, op: number): void {
  const an = 8 + (op & 7);
  const a = c.r[an];
  c.aeAdj = 0;
  const v = c.rd32(a); // a fault leaves A7 as it was (vectors)
  c.r[15] = (a + 4) | 0;
  c.r[an] = v;
  c.np();
}

/** MOVEM registers → memory: np (mask) ea nw… np */
export function movemstore(c: M68000, op: number): void {
  const long = (op >> 6) & 1, mode = (op >> 3) & 7, reg = op & 7;
  const mask = c.ext();
  c.aeAdj = 0;
  if (mode === 4) {
    // predecrement: registers go a7…d0 downwards; the mask bit 0 is a7
    let a = c.r[8 + reg];
    for (let i = 0; i < 16; i++) {
      if ((mask >> i) & 1) {
        const v = c.r[15 - i];
        if (long) { a = (a - 4) | 0; c.wr32lo(a, v); } else { a = (a - 2) | 0; c.wr16(a, v); }
      }
    }
    c.r[8 + reg] = a;
    c.np();
    return;
  }
  let a = c.ea(mode, reg, long ? 2 : 1);
  c.aeAdj = 0;
  for (let i = 0; i < 16; i++) {
    if ((mask >> i) & 1) {
      if (long) { c.wr32(a, c.r[i]); a = (a + 4) | 0; } else { c.wr16(a, c.r[i]); a = (a + 2) | 0; }
    }
  }
  c.np();
}

/** MOVEM memory → registers: np (mask) ea nr… nr (one extra word) np */
export function movemload(c: M68000, op: number): void {
  const long = (op >> 6) & 1, mode = (op >> 3) & 7, reg = op & 7;
  const mask = c.ext();
  let a: number;
  if (mode === 3) a = c.r[8 + reg];
  else a = c.ea(mode, reg, long ? 2 : 1);
  const prog = mode === 7 && reg >= 2;
  c.aeAdj = 0;
  for (let i = 0; i < 16; i++) {
    if ((mask >> i) & 1) {
      if (long) {
        const v = prog ? (c.rdp16(a) << 16) | c.rdp16(a + 2) : c.rd32(a);
        c.r[i] = v;
        a = (a + 4) | 0;
      } else {
        c.r[i] = ((prog ? c.rdp16(a) : c.rd16(a)) << 16) >> 16;
        a = (a + 2) | 0;
      }
      if (mode === 3) c.r[8 + reg] = a;
    }
  }
  if (prog) c.rdp16(a); else c.rd16(a);
  if (mode === 3) c.r[8 + reg] = a;
  c.np();
}

/** MOVEP: alternate bytes, Dn→mem np nw… np ; mem→Dn np nr… np */
export function movep(c: M68000, op: number): void {
  const dn = (op >> 9) & 7, an = 8 + (op & 7), opm = (op >> 6) & 7;
  const a = (c.r[an] + ((c.ext() << 16) >> 16)) | 0;
  switch (opm) {
    case 4: { const v = (c.rd8(a) << 8) | c.rd8(a + 2); c.setD(dn, 1, v); break; }
    case 5: { c.r[dn] = (c.rd8(a) << 24) | (c.rd8(a + 2) << 16) | (c.rd8(a + 4) << 8) | c.rd8(a + 6); break; }
    case 6: { const v = c.r[dn]; c.wr8(a, v >> 8); c.wr8(a + 2, v); break; }
    default: { const v = c.r[dn]; c.wr8(a, v >>> 24); c.wr8(a + 2, v >> 16); c.wr8(a + 4, v >> 8); c.wr8(a + 6, v); }
  }
  c.np();
}
