/**
 * MC68000 program flow, exceptions and the status register: Bcc/BRA/BSR/DBcc, JMP/JSR, RTS/RTR/RTE,
 * TRAP/TRAPV, illegal and line A/F opcodes, privilege violations, NOP, RESET, STOP, and the CCR/SR/USP
 * moves.
 * Part of the instruction handlers (m68000.exec.ts lists them all): each performs the instruction's bus
 * accesses in the order the chip makes them so that cycle counts and address errors come out as on the
 * chip; the facts behind each ordering are the shared vectors (MAME's microcoded 68000) unless noted.
 * Comments give the bus sequence: np prefetch, nr/nw read/write, n idle (2 clocks each unit noted).
 */
import type { M68000 } from './m68000';

export function illegal(c: M68000): void { c.trapHere(4); }
export function linea(c: M68000): void { c.trapHere(10); }
export function linef(c: M68000): void { c.trapHere(11); }
function privilege(c: M68000): void { c.trapHere(8); }

// ---- program flow -----------------------------------------------------------------------------

export function bra(c: M68000, op: number): void {
  let disp = (op << 24) >> 24;
  if (disp === 0) disp = (c.irc << 16) >> 16;
  c.cycles += 2;
  c.jump((c.pc - 2 + disp) | 0, 0, -2);
}

export function bcc(c: M68000, op: number): void {
  const cc = (op >> 8) & 15;
  let disp = (op << 24) >> 24;
  if (c.cond(cc)) {
    const base = c.pc - 2;
    if (disp === 0) disp = (c.irc << 16) >> 16;
    c.cycles += 2;
    c.jump((base + disp) | 0, 0, -2);
    return;
  }
  c.cycles += 4;
  if (disp === 0) c.ext();
  c.np();
}

export function bsr(c: M68000, op: number): void {
  let disp = (op << 24) >> 24;
  const base = c.pc - 2;
  let ret = base;
  if (disp === 0) { disp = (c.irc << 16) >> 16; ret = c.pc; }
  c.cycles += 2;
  const sp = (c.r[15] - 4) | 0;
  c.r[15] = sp;
  c.aeAdj = -2;
  c.wr32(sp, ret);
  const to = (base + disp) | 0;
  if ((to & 1) !== 0) { c.pc = to; c.aeAdj = 0; c.fault(to, 1, 1); } // stacked PC is the target
  c.jump(to, 0, -2);
}

export function dbcc(c: M68000, op: number): void {
  if (c.cond((op >> 8) & 15)) {
    c.cycles += 4;
    c.ext();
    c.np();
    return;
  }
  const reg = op & 7;
  const cnt = ((c.r[reg] & 0xffff) - 1) & 0xffff;
  c.cycles += 2;
  if (cnt !== 0xffff) {
    // an odd target faults before Dn is written back (vectors)
    c.jump((c.pc - 2 + ((c.irc << 16) >> 16)) | 0, 0, 0);
    c.setD(reg, 1, cnt);
    return;
  }
  c.setD(reg, 1, cnt);
  c.cycles += 4;
  c.ext();
  c.np();
}

/** JMP/JSR target: (An) 0, d16 n2, d8 n6, abs.W n2, abs.L np; PC modes like An's */
function jumpTarget(c: M68000, op: number): number {
  const mode = (op >> 3) & 7, reg = op & 7;
  switch (mode) {
    case 2: return c.r[8 + reg];
    case 5: c.cycles += 2; return (c.r[8 + reg] + ((c.irc << 16) >> 16)) | 0;
    case 6: c.cycles += 6; return (c.r[8 + reg] + c.index(c.irc)) | 0;
  }
  switch (reg) {
    case 0: c.cycles += 2; return (c.irc << 16) >> 16;
    case 1: { const hi = c.irc; c.ext(); return (hi << 16) | c.irc; }
    case 2: c.cycles += 2; return (c.pc - 2 + ((c.irc << 16) >> 16)) | 0;
    default: c.cycles += 6; return (c.pc - 2 + c.index(c.irc)) | 0;
  }
}

export function jmp(c: M68000, op: number): void {
  const to = jumpTarget(c, op);
  c.jump(to, 0, (op & 0x3f) === 0x39 ? -4 : -2);
}

export function jsr(c: M68000, op: number): void {
  const mode = (op >> 3) & 7, reg = op & 7;
  // return address: after the extension words
  const ret = mode === 2 ? c.pc - 2 : mode === 7 && reg === 1 ? c.pc + 2 : c.pc;
  const to = jumpTarget(c, op);
  if ((to & 1) !== 0) { c.aeAdj = mode === 2 ? -2 : 0; c.fault(to, 1, 1); }
  // JSR fetches the first word at the target, pushes, then fetches the second
  c.cycles += 4;
  const first = c.program.read16(to);
  const sp = (c.r[15] - 4) | 0;
  c.r[15] = sp;
  c.aeAdj = 0;
  c.wr32(sp, ret);
  c.ir = first;
  c.cycles += 4;
  c.irc = c.program.read16(to + 2);
  c.pc = (to + 4) | 0;
}

export function rts(c: M68000): void {
  const sp = c.r[15];
  c.aeAdj = -2;
  const to = c.rd32(sp);
  c.r[15] = (sp + 4) | 0;
  c.jump(to, 0, -2);
}

export function rtr(c: M68000): void {
  const sp = c.r[15];
  c.aeAdj = -2;
  const ccr = c.rd16(sp);
  const to = c.rd32(sp + 2);
  c.r[15] = (sp + 6) | 0;
  c.setCCR(ccr);
  c.jump(to, 0, -2);
}

export function rte(c: M68000): void {
  if (!c.s) { privilege(c); return; }
  const sp = c.r[15];
  c.aeAdj = -2;
  const sr = c.rd16(sp);
  const to = c.rd32(sp + 2);
  c.r[15] = (sp + 6) | 0;
  c.setSR(sr);
  c.jump(to, 0, -2);
}

export function trap(c: M68000, op: number): void { c.exception(32 + (op & 15), c.pc - 2, 4); }

export function trapv(c: M68000): void {
  if (c.v) { c.np(); c.exception(7, c.pc - 4, 0); return; }
  c.np();
}

export function nop(c: M68000): void { c.np(); }

export function reset(c: M68000): void {
  if (!c.s) { privilege(c); return; }
  // UM table 8-12: RESET 132 clocks; the RESET pin is asserted for 124 of them
  c.resetOut(1);
  c.resetOut(0);
  c.cycles += 128;
  c.np();
}

export function stop(c: M68000): void {
  if (!c.s) { privilege(c); return; }
  // vectors: the immediate is taken from irc without a prefetch; pc stays after the operand
  c.setSR(c.irc);
  c.cycles += 4;
  c.stopped = 1;
  c.updateAttn();
}

// ---- status register ops -----------------------------------------------------------------------

function ccrImm(c: M68000, kind: number): void {
  const v = c.ext() & 0x1f;
  const ccr = c.getSR() & 0x1f;
  c.setCCR(kind === 0 ? ccr | v : kind === 1 ? ccr & v : ccr ^ v);
  c.cycles += 8;
  c.jump(c.pc - 2, 0, 0);
}
function srImm(c: M68000, kind: number): void {
  if (!c.s) { privilege(c); return; }
  const v = c.ext();
  const sr = c.getSR();
  c.setSR((kind === 0 ? sr | v : kind === 1 ? sr & v : sr ^ v) & 0xa71f);
  c.cycles += 8;
  c.jump(c.pc - 2, 0, 0);
}
export function oriccr(c: M68000): void { ccrImm(c, 0); }
export function andiccr(c: M68000): void { ccrImm(c, 1); }
export function eoriccr(c: M68000): void { ccrImm(c, 2); }
export function orisr(c: M68000): void { srImm(c, 0); }
export function andisr(c: M68000): void { srImm(c, 1); }
export function eorisr(c: M68000): void { srImm(c, 2); }

export function movetoccr(c: M68000, op: number): void {
  const v = c.readEa((op >> 3) & 7, op & 7, 1);
  c.setCCR(v);
  c.cycles += 4;
  c.jump(c.pc - 2, 0, 0);
}
export function movetosr(c: M68000, op: number): void {
  if (!c.s) { privilege(c); return; }
  const v = c.readEa((op >> 3) & 7, op & 7, 1);
  c.setSR(v & 0xa71f);
  c.cycles += 4;
  c.jump(c.pc - 2, 0, 0);
}
export function movefromsr(c: M68000, op: number): void {
  const mode = (op >> 3) & 7, reg = op & 7;
  const sr = c.getSR();
  if (mode === 0) {
    c.np();
    c.cycles += 2;
    c.setD(reg, 1, sr);
    return;
  }
  const a = c.ea(mode, reg, 1);
  c.rd16(a);
  c.np();
  c.aeAdj = -2;
  c.wr16(a, sr);
}
export function movetousp(c: M68000, op: number): void {
  if (!c.s) { privilege(c); return; }
  c.osp = c.r[8 + (op & 7)];
  c.np();
}
export function movefromusp(c: M68000, op: number): void {
  if (!c.s) { privilege(c); return; }
  c.r[8 + (op & 7)] = c.osp;
  c.np();
}
