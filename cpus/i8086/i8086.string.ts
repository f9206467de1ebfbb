/** x86 string instructions, single and REP-prefixed (resumable when the cycle budget cuts a long REP). */
import type { I8086 } from './i8086';
import { AF, AX, CF, CX, DF, DI, DX, ES, REP_C, REP_Z, SI, ZF } from './i8086.state';
import { sub16, sub8 } from './i8086.alu';
import { inWord, outWord } from './i8086.exec';

// ---- strings ----------------------------------------------------------------------------------

/** One iteration of a string instruction (no REP). */
export function string1(cpu: I8086, op: number): void {
  const t = cpu.t;
  switch (op) {
    case 0xa4: movs(cpu, 1); cpu.icount -= t.movs; return;
    case 0xa5: movs(cpu, 2); cpu.icount -= t.movs; return;
    case 0xa6: cmps(cpu, 1); cpu.icount -= t.cmps; return;
    case 0xa7: cmps(cpu, 2); cpu.icount -= t.cmps; return;
    case 0xaa: stos(cpu, 1); cpu.icount -= t.stos; return;
    case 0xab: stos(cpu, 2); cpu.icount -= t.stos; return;
    case 0xac: lods(cpu, 1); cpu.icount -= t.lods; return;
    case 0xad: lods(cpu, 2); cpu.icount -= t.lods; return;
    case 0xae: scas(cpu, 1); cpu.icount -= t.scas; return;
    case 0xaf: scas(cpu, 2); cpu.icount -= t.scas; return;
    case 0x6c: ins(cpu, 1); cpu.icount -= t.ins; return;
    case 0x6d: ins(cpu, 2); cpu.icount -= t.ins; return;
    case 0x6e: outs(cpu, 1); cpu.icount -= t.outs; return;
    default: outs(cpu, 2); cpu.icount -= t.outs; return;
  }
}

/**
 * REP-prefixed string op: iterates while CX != 0 (and the Z/C condition for CMPS/SCAS or REPC/REPNC)
 * until the cycle budget runs out or an interrupt is pending; then IP goes back to the first prefix
 * so the instruction resumes (Intel: string instructions are interruptible between iterations).
 */
export function repString(cpu: I8086, op: number): void {
  const t = cpu.t;
  let base: number, per: number;
  switch (op) {
    case 0xa4: case 0xa5: base = t.movsRep; per = t.movsPer; break;
    case 0xa6: case 0xa7: base = t.cmpsRep; per = t.cmpsPer; break;
    case 0xaa: case 0xab: base = t.stosRep; per = t.stosPer; break;
    case 0xac: case 0xad: base = t.lodsRep; per = t.lodsPer; break;
    case 0xae: case 0xaf: base = t.scasRep; per = t.scasPer; break;
    case 0x6c: case 0x6d: base = t.insRep; per = t.insPer; break;
    default: base = t.outsRep; per = t.outsPer; break;
  }
  if (cpu.resuming === 0) cpu.icount -= base;
  // 8086 microcode: a REP with CX = 0 skips 2 clocks of the set-up (vectors A4-AF with CX = 0)
  if (cpu.intel86 && cpu.resuming === 0 && cpu.r16[CX] === 0) cpu.icount += 2;
  const compares = op === 0xa6 || op === 0xa7 || op === 0xae || op === 0xaf;
  const rep = cpu.rep;
  const r16 = cpu.r16;
  while (r16[CX] !== 0) {
    switch (op) {
      case 0xa4: movs(cpu, 1); break;
      case 0xa5: movs(cpu, 2); break;
      case 0xa6: cmps(cpu, 1); break;
      case 0xa7: cmps(cpu, 2); break;
      case 0xaa: stos(cpu, 1); break;
      case 0xab: stos(cpu, 2); break;
      case 0xac: lods(cpu, 1); break;
      case 0xad: lods(cpu, 2); break;
      case 0xae: scas(cpu, 1); break;
      case 0xaf: scas(cpu, 2); break;
      case 0x6c: ins(cpu, 1); break;
      case 0x6d: ins(cpu, 2); break;
      case 0x6e: outs(cpu, 1); break;
      default: outs(cpu, 2); break;
    }
    r16[CX]--;
    cpu.icount -= per;
    if (rep >= REP_C) {
      // NEC REPC/REPNC test CY after every iteration, for every string op (MAME nec; V20/V30 manual)
      const c = cpu.flags & CF;
      if (rep === REP_C ? c === 0 : c !== 0) return;
    } else if (compares) {
      const z = cpu.flags & ZF;
      // 8086: leaving on the Z condition with CX left is 1 clock shorter than running CX out (vectors A6/A7/AE/AF)
      if (rep === REP_Z ? z === 0 : z !== 0) { if (cpu.intel86 && r16[CX] !== 0) cpu.icount++; return; }
    }
    if (r16[CX] === 0) return;
    cpu.instructions++;
    if (cpu.icount <= 0 || (cpu.nmiPending | (cpu.irqLine & (cpu.flags >> 9))) !== 0) {
      cpu.repResume = 1;
      cpu.pending = 1;
      cpu.ip = cpu.insStart;
      if (cpu.intel86 && (cpu.nmiPending | (cpu.irqLine & (cpu.flags >> 9))) !== 0) {
        // 8086/8088: the return address of an interrupted string op is the last prefix byte, so
        // earlier prefixes (a segment override before REP) are lost (Intel 8086 User's Manual,
        // string instructions note; the well-known "multiple prefix" errata)
        cpu.ip = (opAddrFromStart(cpu) - 1) & 0xffff;
        cpu.repResume = 0;
      }
      return;
    }
  }
}

/** Offset of the opcode byte of the current instruction (IP is past it during execution). */
export function opAddrFromStart(cpu: I8086): number {
  let a = cpu.insStart;
  while (cpu.prefixTable[cpu.program.read8(cpu.csBase + a)] !== 0) a = (a + 1) & 0xffff;
  return a;
}

export function delta(cpu: I8086, size: number): number {
  return cpu.fl & DF ? -size : size;
}

export function movs(cpu: I8086, size: number): void {
  const r16 = cpu.r16, src = cpu.dsBase(), dst = cpu.sreg[ES] << 4;
  if (size === 1) cpu.wr8(dst, r16[DI], cpu.rd8(src, r16[SI]));
  else cpu.wr16(dst, r16[DI], cpu.rd16(src, r16[SI]));
  const d = delta(cpu, size);
  r16[SI] += d;
  r16[DI] += d;
}

export function cmps(cpu: I8086, size: number): void {
  const r16 = cpu.r16, src = cpu.dsBase(), dst = cpu.sreg[ES] << 4;
  if (size === 1) sub8(cpu, cpu.rd8(src, r16[SI]), cpu.rd8(dst, r16[DI]), 0);
  else sub16(cpu, cpu.rd16(src, r16[SI]), cpu.rd16(dst, r16[DI]), 0);
  const d = delta(cpu, size);
  r16[SI] += d;
  r16[DI] += d;
}

export function stos(cpu: I8086, size: number): void {
  const r16 = cpu.r16, dst = cpu.sreg[ES] << 4;
  if (size === 1) cpu.wr8(dst, r16[DI], cpu.r8[0]);
  else cpu.wr16(dst, r16[DI], r16[AX]);
  r16[DI] += delta(cpu, size);
}

export function lods(cpu: I8086, size: number): void {
  const r16 = cpu.r16, src = cpu.dsBase();
  if (size === 1) cpu.r8[0] = cpu.rd8(src, r16[SI]);
  else r16[AX] = cpu.rd16(src, r16[SI]);
  r16[SI] += delta(cpu, size);
}

export function scas(cpu: I8086, size: number): void {
  const r16 = cpu.r16, dst = cpu.sreg[ES] << 4;
  if (size === 1) sub8(cpu, cpu.r8[0], cpu.rd8(dst, r16[DI]), 0);
  else sub16(cpu, r16[AX], cpu.rd16(dst, r16[DI]), 0);
  r16[DI] += delta(cpu, size);
}

export function ins(cpu: I8086, size: number): void {
  const r16 = cpu.r16, dst = cpu.sreg[ES] << 4;
  if (size === 1) cpu.wr8(dst, r16[DI], cpu.io.read8(r16[DX]));
  else cpu.wr16(dst, r16[DI], inWord(cpu, r16[DX]));
  r16[DI] += delta(cpu, size);
}

export function outs(cpu: I8086, size: number): void {
  const r16 = cpu.r16, src = cpu.dsBase();
  if (size === 1) cpu.io.write8(r16[DX], cpu.rd8(src, r16[SI]));
  else outWord(cpu, r16[DX], cpu.rd16(src, r16[SI]));
  r16[SI] += delta(cpu, size);
}
