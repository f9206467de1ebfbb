/**
 * The x86 one-byte opcode map's handlers, `(cpu, op)` each, named after the opcodes they run; the
 * opcode table (i8086.ops.ts) maps opcodes to them, and i8086.gen.ts holds the resulting tables.
 */
import type { I8086 } from './i8086';
import { AX, BX, CF, CS, CX, DF, DS, DX, ES, IF, OF, R8, REP_NONE, SP, SS } from './i8086.state';
import { add16, alu16, alu8, dec16, inc16, shift } from './i8086.alu';
import { exec186, invalidOpcode } from './i8086.ext186';
import { aaa, aad, aam, aas, daa, das, grp3_16, grp3_8, grp4, grp5 } from './i8086.group';
import { repString, string1 } from './i8086.string';
import { execNec0F } from './v30';

// ALU r/m,reg and reg,r/m; acc,imm
export function op00_38(cpu: I8086, op: number): void {
  aluRmR8(cpu, op >> 3);
}

export function op01_39(cpu: I8086, op: number): void {
  aluRmR16(cpu, op >> 3);
}

export function op02_3a(cpu: I8086, op: number): void {
  const r8 = cpu.r8, m = cpu.fetch8(), d = R8[(m >> 3) & 7];
  let v: number;
  if (m >= 0xc0) { v = alu8(cpu, op >> 3, r8[d], r8[R8[m & 7]]); cpu.icount -= cpu.t.aluRR; }
  else { cpu.decodeEA(m); v = alu8(cpu, op >> 3, r8[d], cpu.rd8(cpu.eaSeg, cpu.eaOff)); cpu.icount -= cpu.t.aluRM; }
  if (op !== 0x3a) r8[d] = v;
}

export function op03_3b(cpu: I8086, op: number): void {
  const r16 = cpu.r16, m = cpu.fetch8(), d = (m >> 3) & 7;
  let v: number;
  if (m >= 0xc0) { v = alu16(cpu, op >> 3, r16[d], r16[m & 7]); cpu.icount -= cpu.t.aluRR; }
  else { cpu.decodeEA(m); v = alu16(cpu, op >> 3, r16[d], cpu.rd16(cpu.eaSeg, cpu.eaOff)); cpu.icount -= cpu.t.aluRM; }
  if (op !== 0x3b) r16[d] = v;
}

export function op04_3c(cpu: I8086, op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  const v = alu8(cpu, op >> 3, r8[0], cpu.fetch8());
  if (op !== 0x3c) r8[0] = v;
  cpu.icount -= t.aluAI;
}

export function op05_3d(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  const v = alu16(cpu, op >> 3, r16[AX], cpu.fetch16());
  if (op !== 0x3d) r16[AX] = v;
  cpu.icount -= t.aluAI;
}

// PUSH/POP segment registers
export function op06_1e(cpu: I8086, op: number): void {
  const t = cpu.t;
  cpu.push16(cpu.sreg[op >> 3]); cpu.icount -= t.pushS;
}

export function op07_1f(cpu: I8086, op: number): void {
  const t = cpu.t;
  const s = op >> 3;
  cpu.sreg[s] = cpu.pop16();
  cpu.inhibit = 1;
  cpu.pending = 1;
  cpu.icount -= t.popS;
}

export function op0f(cpu: I8086, _op: number): void {
  const t = cpu.t;
  if (cpu.nec) { execNec0F(cpu); return; }
  if (cpu.intel86) { cpu.loadCs(cpu.pop16()); cpu.icount -= t.popS; return; } // POP CS (8086 only)
  invalidOpcode(cpu);
}

export function op27(cpu: I8086, _op: number): void {
  daa(cpu);
}

export function op2f(cpu: I8086, _op: number): void {
  das(cpu);
}

export function op37(cpu: I8086, _op: number): void {
  aaa(cpu);
}

export function op3f(cpu: I8086, _op: number): void {
  aas(cpu);
}

// INC/DEC reg16
export function op40_47(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  r16[op & 7] = inc16(cpu, r16[op & 7]); cpu.icount -= t.incR16;
}

export function op48_4f(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  r16[op & 7] = dec16(cpu, r16[op & 7]); cpu.icount -= t.incR16;
}

export function op50_57(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  cpu.push16(r16[op & 7]); cpu.icount -= t.pushR;
}

export function op54(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  // 8086/80186/V30 push the already decremented SP (286 and later push the old value)
  const sp = (r16[SP] - 2) & 0xffff;
  r16[SP] = sp;
  cpu.wr16(cpu.sreg[SS] << 4, sp, sp);
  cpu.icount -= t.pushR;
}

export function op58_5f(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  const v = cpu.pop16();
  r16[op & 7] = v;
  cpu.icount -= t.popR;
}

export function op60_6f(cpu: I8086, op: number): void {
  // 8086: 0x60-0x6f decode as the conditional jumps 0x70-0x7f (vectors: metadata "alias")
  if (cpu.intel86) { jcc(cpu, op & 15); return; }
  exec186(cpu, op);
}

export function op70_7f(cpu: I8086, op: number): void {
  jcc(cpu, op & 15);
}

export function op80_82(cpu: I8086, _op: number): void {
  const t = cpu.t, m = cpu.fetch8(), reg = (m >> 3) & 7;
  if (m >= 0xc0) {
    const r8 = cpu.r8, d = R8[m & 7];
    const v = alu8(cpu, reg, r8[d], cpu.fetch8());
    if (reg !== 7) r8[d] = v;
    cpu.icount -= t.aluRI;
    return;
  }
  cpu.decodeEA(m);
  const imm = cpu.fetch8();
  const v = alu8(cpu, reg, cpu.rd8(cpu.eaSeg, cpu.eaOff), imm);
  if (reg !== 7) cpu.wr8(cpu.eaSeg, cpu.eaOff, v);
  cpu.icount -= reg === 7 ? t.cmpMI : t.aluMI;
}

export function op81_83(cpu: I8086, op: number): void {
  const t = cpu.t, m = cpu.fetch8();
  if (m >= 0xc0) {
    // register form without the EA bookkeeping (the hot case: CMP/ADD/XOR reg,imm)
    const reg = (m >> 3) & 7, rm = m & 7, r16 = cpu.r16;
    const imm = op === 0x81 ? cpu.fetch16() : ((cpu.fetch8() << 24) >> 24) & 0xffff;
    const v = alu16(cpu, reg, r16[rm], imm);
    if (reg !== 7) r16[rm] = v;
    cpu.icount -= t.aluRI;
    return;
  }
  cpu.decodeEA(m);
  const reg = (m >> 3) & 7;
  const imm = op === 0x81 ? cpu.fetch16() : ((cpu.fetch8() << 24) >> 24) & 0xffff;
  const v = alu16(cpu, reg, cpu.rd16(cpu.eaSeg, cpu.eaOff), imm);
  if (reg !== 7) cpu.wr16(cpu.eaSeg, cpu.eaOff, v);
  cpu.icount -= reg === 7 ? t.cmpMI : t.aluMI;
}

export function op84(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  cpu.modrm(); alu8(cpu, 4, cpu.getRM8(), r8[R8[cpu.reg]]); cpu.icount -= cpu.mod === 3 ? t.testRR : t.testRM;
}

export function op85(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  cpu.modrm(); alu16(cpu, 4, cpu.getRM16(), r16[cpu.reg]); cpu.icount -= cpu.mod === 3 ? t.testRR : t.testRM;
}

export function op86(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  cpu.modrm();
  const d = R8[cpu.reg];
  const v = cpu.getRM8();
  cpu.setRM8(r8[d]);
  r8[d] = v;
  cpu.icount -= cpu.mod === 3 ? t.xchgRR : t.xchgRM;
}

export function op87(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  cpu.modrm();
  const v = cpu.getRM16();
  cpu.setRM16(r16[cpu.reg]);
  r16[cpu.reg] = v;
  cpu.icount -= cpu.mod === 3 ? t.xchgRR : t.xchgRM;
}

export function op88(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, m = cpu.fetch8(), v = r8[R8[(m >> 3) & 7]];
  if (m >= 0xc0) { r8[R8[m & 7]] = v; cpu.icount -= cpu.t.movRR; return; }
  cpu.decodeEA(m); cpu.wr8(cpu.eaSeg, cpu.eaOff, v); cpu.icount -= cpu.t.movMR;
}

export function op89(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, m = cpu.fetch8(), v = r16[(m >> 3) & 7];
  if (m >= 0xc0) { r16[m & 7] = v; cpu.icount -= cpu.t.movRR; return; }
  cpu.decodeEA(m); cpu.wr16(cpu.eaSeg, cpu.eaOff, v); cpu.icount -= cpu.t.movMR;
}

export function op8a(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, m = cpu.fetch8(), d = R8[(m >> 3) & 7];
  if (m >= 0xc0) { r8[d] = r8[R8[m & 7]]; cpu.icount -= cpu.t.movRR; return; }
  cpu.decodeEA(m); r8[d] = cpu.rd8(cpu.eaSeg, cpu.eaOff); cpu.icount -= cpu.t.movRM;
}

export function op8b(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, m = cpu.fetch8(), d = (m >> 3) & 7;
  if (m >= 0xc0) { r16[d] = r16[m & 7]; cpu.icount -= cpu.t.movRR; return; }
  cpu.decodeEA(m); r16[d] = cpu.rd16(cpu.eaSeg, cpu.eaOff); cpu.icount -= cpu.t.movRM;
}

export function op8c(cpu: I8086, _op: number): void {
  const t = cpu.t;
  // the 8086 decodes only reg bits 0-1 (vectors: 8C with reg 4-7)
  cpu.modrm(); cpu.setRM16(cpu.sreg[cpu.reg & 3]); cpu.icount -= cpu.mod === 3 ? t.movRS : t.movMS;
}

export function op8d(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  cpu.modrm();
  // LEA with a register operand is undefined; the 8086 leaves the last EA (not covered by vectors)
  r16[cpu.reg] = cpu.eaOff;
  cpu.icount -= t.lea;
 
}

export function op8e(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.modrm();
  const v = cpu.getRM16();
  const s = cpu.reg & 3;
  cpu.sreg[s] = v;
  if (s === CS) cpu.csBase = v << 4;
  cpu.inhibit = 1;
  cpu.pending = 1;
  cpu.icount -= cpu.mod === 3 ? t.movSR : t.movSM;
}

export function op8f(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.modrm();
  const v = cpu.pop16();
  cpu.setRM16(v);
  cpu.icount -= cpu.mod === 3 ? t.popR : t.popM;
}

export function op90(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.icount -= t.nop;
}

export function op91_97(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  const v = r16[op & 7];
  r16[op & 7] = r16[AX];
  r16[AX] = v;
  cpu.icount -= t.xchgRA;
}

export function op98(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, r8 = cpu.r8, t = cpu.t;
  r16[AX] = ((r8[0] << 24) >> 24) & 0xffff; cpu.icount -= t.cbw;
}

export function op99(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  // 8086 microcode: one more clock when AX is negative (vectors 99)
  if (r16[AX] & 0x8000) { r16[DX] = 0xffff; cpu.icount -= t.cwd + (cpu.intel86 ? 1 : 0); }
  else { r16[DX] = 0; cpu.icount -= t.cwd; }
 
}

export function op9a(cpu: I8086, _op: number): void {
  const ip = cpu.fetch16();
  callFar(cpu, ip, cpu.fetch16());
  cpu.icount -= cpu.t.callFar;
}

/** Push CS and IP, then jump to cs:ip (CALL FAR direct and indirect). */
export function callFar(cpu: I8086, ip: number, cs: number): void {
  cpu.push16(cpu.sreg[CS]);
  cpu.push16(cpu.ip);
  cpu.ip = ip;
  cpu.loadCs(cs);
}

export function op9b(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.icount -= t.wait; return; // TEST pin inactive (no coprocessor): WAIT falls through
}

export function op9c(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.push16(cpu.flags); cpu.icount -= t.pushf;
}

export function op9d(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.flags = (cpu.pop16() & 0x0fd5) | cpu.flagsFixed; cpu.icount -= t.popf;
}

export function op9e(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  cpu.flags = (cpu.flags & 0xff00) | (r8[1] & 0xd5) | 0x02; cpu.icount -= t.sahf;
}

export function op9f(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  r8[1] = cpu.flags & 0xff; cpu.icount -= t.lahf;
}

export function opa0(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  r8[0] = cpu.rd8(cpu.dsBase(), cpu.fetch16()); cpu.icount -= t.movAM;
}

export function opa1(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  r16[AX] = cpu.rd16(cpu.dsBase(), cpu.fetch16()); cpu.icount -= t.movAM;
}

export function opa2(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  cpu.wr8(cpu.dsBase(), cpu.fetch16(), r8[0]); cpu.icount -= t.movMA;
}

export function opa3(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  cpu.wr16(cpu.dsBase(), cpu.fetch16(), r16[AX]); cpu.icount -= t.movMA;
}

export function opa4_af(cpu: I8086, op: number): void {
  if (cpu.rep !== REP_NONE) repString(cpu, op); else string1(cpu, op);
 
}

export function opa8(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  alu8(cpu, 4, r8[0], cpu.fetch8()); cpu.icount -= t.aluAI;
}

export function opa9(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  alu16(cpu, 4, r16[AX], cpu.fetch16()); cpu.icount -= t.aluAI;
}

export function opb0_b7(cpu: I8086, op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  r8[R8[op & 7]] = cpu.fetch8(); cpu.icount -= t.movRI;
}

export function opb8_bf(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  r16[op & 7] = cpu.fetch16(); cpu.icount -= t.movRI;
}

export function opc0_c1(cpu: I8086, op: number): void {
  // 8086: aliases of C2/C3 (vectors: metadata "alias")
  if (cpu.intel86) { if (op === 0xc0) opc2(cpu, 0xc2); else opc3(cpu, 0xc3); return; }
  exec186(cpu, op);
}

export function opc2(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  const n = cpu.fetch16(); cpu.ip = cpu.pop16(); r16[SP] += n; cpu.icount -= t.retImm; return; 
}

export function opc3(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.ip = cpu.pop16(); cpu.icount -= t.ret;
}

export function opc4_c5(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  cpu.modrm();
  // register forms are undefined (not covered by the vectors): treat like a memory operand at the last EA
  r16[cpu.reg] = cpu.mod === 3 ? cpu.rd16(cpu.eaSeg, cpu.eaOff) : cpu.getRM16();
  cpu.sreg[op === 0xc4 ? ES : DS] = cpu.getRM16Next();
  cpu.icount -= t.ldsLes;
}

export function opc6(cpu: I8086, _op: number): void {
  const m = cpu.fetch8();
  if (m >= 0xc0) { cpu.r8[R8[m & 7]] = cpu.fetch8(); cpu.icount -= cpu.t.movRI; return; }
  cpu.decodeEA(m); cpu.wr8(cpu.eaSeg, cpu.eaOff, cpu.fetch8()); cpu.icount -= cpu.t.movMI;
}

export function opc7(cpu: I8086, _op: number): void {
  const m = cpu.fetch8();
  if (m >= 0xc0) { cpu.r16[m & 7] = cpu.fetch16(); cpu.icount -= cpu.t.movRI; return; }
  cpu.decodeEA(m); cpu.wr16(cpu.eaSeg, cpu.eaOff, cpu.fetch16()); cpu.icount -= cpu.t.movMI;
}

export function opc8_c9(cpu: I8086, op: number): void {
  // 8086: aliases of CA/CB (vectors: metadata "alias")
  if (cpu.intel86) { if (op === 0xc8) opca(cpu, 0xca); else opcb(cpu, 0xcb); return; }
  exec186(cpu, op);
}

export function opca(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  const n = cpu.fetch16();
  cpu.ip = cpu.pop16();
  cpu.loadCs(cpu.pop16());
  r16[SP] += n;
  cpu.icount -= t.retfImm;
}

export function opcb(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.ip = cpu.pop16(); cpu.loadCs(cpu.pop16()); cpu.icount -= t.retf;
}

export function opcc(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.interrupt(3); cpu.icount -= t.int3;
}

export function opcd(cpu: I8086, _op: number): void {
  const t = cpu.t;
  const v = cpu.fetch8(); cpu.interrupt(v); cpu.icount -= t.int; return; 
}

export function opce(cpu: I8086, _op: number): void {
  const t = cpu.t;
  if (cpu.flags & OF) { cpu.interrupt(4); cpu.icount -= t.intoTaken; } else cpu.icount -= t.intoNot;
 
}

export function opcf(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.ip = cpu.pop16();
  cpu.loadCs(cpu.pop16());
  cpu.flags = (cpu.pop16() & 0x0fd5) | cpu.flagsFixed;
  cpu.icount -= t.iret;
 
}

export function opd0_d3(cpu: I8086, op: number): void {
  const r8 = cpu.r8, t = cpu.t, m = cpu.fetch8(), reg = (m >> 3) & 7;
  const count = op < 0xd2 ? 1 : shiftCount(cpu, r8[2]);
  if (m >= 0xc0) {
    if (op === 0xd1 && reg === 4) {
      // SHL r16, 1: the hot case (CRC and multiply loops). Its flags are those of ADD v,v (CF the bit
      // shifted out, OF = CF ^ MSB, SZP of the result) and stay lazy; AF too: the chip leaves bit 4
      // of the result there (vectors D1.4, where AF is masked as undefined: 24 of 24 register forms)
      const r16 = cpu.r16, v = r16[m & 7];
      r16[m & 7] = add16(cpu, v, v, 0);
      cpu.icount -= t.shift1R;
      return;
    }
    if (op & 1) { const r16 = cpu.r16; r16[m & 7] = shift(cpu, reg, r16[m & 7], count, 16); }
    else { const d = R8[m & 7]; r8[d] = shift(cpu, reg, r8[d], count, 8); }
    cpu.icount -= op < 0xd2 ? t.shift1R : t.shiftClR + count * t.shiftPerBit;
    return;
  }
  cpu.decodeEA(m);
  const seg = cpu.eaSeg, off = cpu.eaOff;
  if (op & 1) cpu.wr16(seg, off, shift(cpu, reg, cpu.rd16(seg, off), count, 16));
  else cpu.wr8(seg, off, shift(cpu, reg, cpu.rd8(seg, off), count, 8));
  cpu.icount -= op < 0xd2 ? t.shift1M : t.shiftClM + count * t.shiftPerBit;
}

export function opd4(cpu: I8086, _op: number): void {
  aam(cpu, cpu.fetch8());
}

export function opd5(cpu: I8086, _op: number): void {
  aad(cpu, cpu.fetch8());
}

export function opd6(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  // SALC: AL = CF ? 0xff : 0 (undocumented on Intel parts, vectors D6; SETALC in MAME's nec core)
  r8[0] = cpu.flags & CF ? 0xff : 0;
  // 8086: one clock less when CF is clear (vectors D6)
  cpu.icount -= t.salc - (cpu.intel86 && (cpu.flags & CF) === 0 ? 1 : 0);
 
}

export function opd7(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, r8 = cpu.r8, t = cpu.t;
  r8[0] = cpu.rd8(cpu.dsBase(), (r16[BX] + r8[0]) & 0xffff); cpu.icount -= t.xlat;
}

export function opd8_df(cpu: I8086, _op: number): void {
  const t = cpu.t;
  // ESC without a coprocessor: the EA is computed and (for memory forms) a word read and dropped
  cpu.modrm();
  if (cpu.mod !== 3) { cpu.rd16(cpu.eaSeg, cpu.eaOff); cpu.icount -= t.escM; } else cpu.icount -= t.escR;
 
}

export function ope0_e2(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  const d = (cpu.fetch8() << 24) >> 24;
  const cx = (r16[CX] - 1) & 0xffff;
  r16[CX] = cx;
  const take = cx !== 0 && (op === 0xe2 || (op === 0xe1 ? cpu.zero() !== 0 : cpu.zero() === 0));
  if (take) cpu.ip = (cpu.ip + d) & 0xffff;
  cpu.icount -= op === 0xe2 ? (take ? t.loopTaken : t.loopNot)
    : op === 0xe1 ? (take ? t.loopeTaken : t.loopeNot) : (take ? t.loopneTaken : t.loopneNot);
}

export function ope3(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  const d = (cpu.fetch8() << 24) >> 24;
  if (r16[CX] === 0) { cpu.ip = (cpu.ip + d) & 0xffff; cpu.icount -= t.jcxzTaken; } else cpu.icount -= t.jcxzNot;
}

export function ope4(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  r8[0] = cpu.io.read8(cpu.fetch8()); cpu.icount -= t.inFixed;
}

export function ope5(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  r16[AX] = inWord(cpu, cpu.fetch8()); cpu.icount -= t.inFixed;
}

export function ope6(cpu: I8086, _op: number): void {
  const r8 = cpu.r8, t = cpu.t;
  cpu.io.write8(cpu.fetch8(), r8[0]); cpu.icount -= t.outFixed;
}

export function ope7(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  outWord(cpu, cpu.fetch8(), r16[AX]); cpu.icount -= t.outFixed;
}

export function ope8(cpu: I8086, _op: number): void {
  const t = cpu.t;
  const d = cpu.fetch16();
  cpu.push16(cpu.ip);
  cpu.ip = (cpu.ip + d) & 0xffff;
  cpu.icount -= t.callNear;
}

export function ope9(cpu: I8086, _op: number): void {
  const t = cpu.t;
  const d = cpu.fetch16(); cpu.ip = (cpu.ip + d) & 0xffff; cpu.icount -= t.jmpNear; return; 
}

export function opea(cpu: I8086, _op: number): void {
  const t = cpu.t;
  const ip = cpu.fetch16(); const cs = cpu.fetch16(); cpu.ip = ip; cpu.loadCs(cs); cpu.icount -= t.jmpFar; return; 
}

export function opeb(cpu: I8086, _op: number): void {
  const t = cpu.t;
  const d = (cpu.fetch8() << 24) >> 24; cpu.ip = (cpu.ip + d) & 0xffff; cpu.icount -= t.jmpShort; return; 
}

export function opec(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, r8 = cpu.r8, t = cpu.t;
  r8[0] = cpu.io.read8(r16[DX]); cpu.icount -= t.inDx;
}

export function oped(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  r16[AX] = inWord(cpu, r16[DX]); cpu.icount -= t.inDx;
}

export function opee(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, r8 = cpu.r8, t = cpu.t;
  cpu.io.write8(r16[DX], r8[0]); cpu.icount -= t.outDx;
}

export function opef(cpu: I8086, _op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  outWord(cpu, r16[DX], r16[AX]); cpu.icount -= t.outDx;
}

export function opf4(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.halted = 1; cpu.pending = 1; cpu.icount -= t.hlt;
}

export function opf5(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.flags ^= CF; cpu.icount -= t.flagOp;
}

export function opf6(cpu: I8086, _op: number): void {
  grp3_8(cpu);
}

export function opf7(cpu: I8086, _op: number): void {
  grp3_16(cpu);
}

export function opf8(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.flags &= ~CF; cpu.icount -= t.flagOp;
}

export function opf9(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.flags |= CF; cpu.icount -= t.flagOp;
}

export function opfa(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.flags &= ~IF; cpu.icount -= t.flagOp;
}

export function opfb(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.flags |= IF; cpu.icount -= t.flagOp;
}

export function opfc(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.flags &= ~DF; cpu.icount -= t.flagOp;
}

export function opfd(cpu: I8086, _op: number): void {
  const t = cpu.t;
  cpu.flags |= DF; cpu.icount -= t.flagOp;
}

export function opfe(cpu: I8086, _op: number): void {
  grp4(cpu);
}

export function opff(cpu: I8086, _op: number): void {
  grp5(cpu);
}

/** A prefix byte reaches its handler only where it is not a prefix: 0xf1 on the 80186 and NEC parts. */
export function opPrefix(cpu: I8086, _op: number): void {
  invalidOpcode(cpu);
}

export function shiftCount(cpu: I8086, cl: number): number {
  // 80186 masks the count to 5 bits (Intel 80186 data sheet); the 8086 and the V30 do not
  // (vectors for the 8086; MAME's nec core loops over the full CL)
  return cpu.ext186 && !cpu.nec ? cl & 0x1f : cl;
}

export function aluRmR8(cpu: I8086, op: number): void {
  const m = cpu.fetch8(), r8 = cpu.r8;
  const s = r8[R8[(m >> 3) & 7]];
  if (m >= 0xc0) {
    const d = R8[m & 7];
    const v = alu8(cpu, op, r8[d], s);
    if (op !== 7) r8[d] = v;
    cpu.icount -= cpu.t.aluRR;
    return;
  }
  cpu.decodeEA(m);
  const v = alu8(cpu, op, cpu.rd8(cpu.eaSeg, cpu.eaOff), s);
  if (op !== 7) { cpu.wr8(cpu.eaSeg, cpu.eaOff, v); cpu.icount -= cpu.t.aluMR; } else cpu.icount -= cpu.t.cmpMR;
}

export function aluRmR16(cpu: I8086, op: number): void {
  const m = cpu.fetch8(), r16 = cpu.r16;
  const s = r16[(m >> 3) & 7];
  if (m >= 0xc0) {
    const rm = m & 7;
    const v = alu16(cpu, op, r16[rm], s);
    if (op !== 7) r16[rm] = v;
    cpu.icount -= cpu.t.aluRR;
    return;
  }
  cpu.decodeEA(m);
  const v = alu16(cpu, op, cpu.rd16(cpu.eaSeg, cpu.eaOff), s);
  if (op !== 7) { cpu.wr16(cpu.eaSeg, cpu.eaOff, v); cpu.icount -= cpu.t.aluMR; } else cpu.icount -= cpu.t.cmpMR;
}

/**
 * Condition codes 0-15 in Jcc order (O NO B AE E NE BE A S NS P NP L GE LE G), tabulated over the five
 * flags they read: index (cc << 5) | CF | PF >> 1 | ZF >> 4 | SF >> 4 | OF >> 7.
 */
const COND = new Uint8Array(16 * 32);
for (let cc = 0; cc < 16; cc++) {
  for (let f5 = 0; f5 < 32; f5++) {
    const c = f5 & 1, p = (f5 >> 1) & 1, z = (f5 >> 2) & 1, sg = (f5 >> 3) & 1, o = (f5 >> 4) & 1;
    const r = [o, c, z, c | z, sg, p, sg ^ o, z | (sg ^ o)][cc >> 1];
    COND[(cc << 5) | f5] = (cc & 1) === 0 ? r : r ^ 1;
  }
}

export function cond(cpu: I8086, cc: number): boolean {
  // B/AE, E/NE, BE/A read CF and ZF only: no need to derive the other lazy flags
  const h = cc >> 1;
  if (h >= 1 && h <= 3) {
    const r = h === 1 ? cpu.carry() : h === 2 ? cpu.zero() : cpu.carry() | cpu.zero();
    return (r ^ (cc & 1)) !== 0;
  }
  const f = cpu.flags;
  return COND[(cc << 5) | (f & CF) | ((f >> 1) & 2) | ((f >> 4) & 12) | ((f >> 7) & 16)] !== 0;
}

export function jcc(cpu: I8086, cc: number): void {
  const d = (cpu.fetch8() << 24) >> 24;
  if (cond(cpu, cc)) { cpu.ip = (cpu.ip + d) & 0xffff; cpu.icount -= cpu.t.jccTaken; }
  else cpu.icount -= cpu.t.jccNot;
}

export function inWord(cpu: I8086, port: number): number {
  cpu.icount -= cpu.busWord + (port & 1) * cpu.busOdd;
  return cpu.io.read8(port) | (cpu.io.read8((port + 1) & 0xffff) << 8);
}

export function outWord(cpu: I8086, port: number, v: number): void {
  cpu.icount -= cpu.busWord + (port & 1) * cpu.busOdd;
  cpu.io.write8(port, v & 0xff);
  cpu.io.write8((port + 1) & 0xffff, v >> 8);
}
