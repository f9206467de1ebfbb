/** The x86 one-byte opcode map: `exec` runs the instruction whose opcode (after any prefixes) is `op`. */
import type { I8086 } from './i8086';
import { AX, BX, CF, CS, CX, DF, DS, DX, ES, IF, OF, PF, R8, REP_NONE, SF, SP, SS, ZF } from './i8086.state';
import { alu16, alu8, dec16, inc16, shift } from './i8086.alu';
import { exec186, invalidOpcode } from './i8086.ext186';
import { aaa, aad, aam, aas, daa, das, grp3_16, grp3_8, grp4, grp5 } from './i8086.group';
import { repString, string1 } from './i8086.string';
import { execNec0F } from './v30';

export function exec(cpu: I8086, op: number): void {
  const r16 = cpu.r16, r8 = cpu.r8, t = cpu.t;
  switch (op) {
    // ALU r/m,reg and reg,r/m; acc,imm
    case 0x00: case 0x08: case 0x10: case 0x18: case 0x20: case 0x28: case 0x30: case 0x38:
      aluRmR8(cpu, op >> 3); return;
    case 0x01: case 0x09: case 0x11: case 0x19: case 0x21: case 0x29: case 0x31: case 0x39:
      aluRmR16(cpu, op >> 3); return;
    case 0x02: case 0x0a: case 0x12: case 0x1a: case 0x22: case 0x2a: case 0x32: case 0x3a: {
      cpu.modrm();
      const d = R8[cpu.reg];
      const v = alu8(cpu, op >> 3, r8[d], cpu.getRM8());
      if (op !== 0x3a) r8[d] = v;
      cpu.icount -= cpu.mod === 3 ? t.aluRR : t.aluRM;
      return;
    }
    case 0x03: case 0x0b: case 0x13: case 0x1b: case 0x23: case 0x2b: case 0x33: case 0x3b: {
      cpu.modrm();
      const v = alu16(cpu, op >> 3, r16[cpu.reg], cpu.getRM16());
      if (op !== 0x3b) r16[cpu.reg] = v;
      cpu.icount -= cpu.mod === 3 ? t.aluRR : t.aluRM;
      return;
    }
    case 0x04: case 0x0c: case 0x14: case 0x1c: case 0x24: case 0x2c: case 0x34: case 0x3c: {
      const v = alu8(cpu, op >> 3, r8[0], cpu.fetch8());
      if (op !== 0x3c) r8[0] = v;
      cpu.icount -= t.aluAI;
      return;
    }
    case 0x05: case 0x0d: case 0x15: case 0x1d: case 0x25: case 0x2d: case 0x35: case 0x3d: {
      const v = alu16(cpu, op >> 3, r16[AX], cpu.fetch16());
      if (op !== 0x3d) r16[AX] = v;
      cpu.icount -= t.aluAI;
      return;
    }
    // PUSH/POP segment registers
    case 0x06: case 0x0e: case 0x16: case 0x1e:
      cpu.push16(cpu.sreg[op >> 3]); cpu.icount -= t.pushS; return;
    case 0x07: case 0x17: case 0x1f: {
      const s = op >> 3;
      cpu.sreg[s] = cpu.pop16();
      cpu.inhibit = 1;
      cpu.icount -= t.popS;
      return;
    }
    case 0x0f:
      if (cpu.nec) { execNec0F(cpu); return; }
      if (cpu.intel86) { cpu.loadCs(cpu.pop16()); cpu.icount -= t.popS; return; } // POP CS (8086 only)
      invalidOpcode(cpu); return;
    case 0x27: daa(cpu); return;
    case 0x2f: das(cpu); return;
    case 0x37: aaa(cpu); return;
    case 0x3f: aas(cpu); return;
    // INC/DEC reg16
    case 0x40: case 0x41: case 0x42: case 0x43: case 0x44: case 0x45: case 0x46: case 0x47:
      r16[op & 7] = inc16(cpu, r16[op & 7]); cpu.icount -= t.incR16; return;
    case 0x48: case 0x49: case 0x4a: case 0x4b: case 0x4c: case 0x4d: case 0x4e: case 0x4f:
      r16[op & 7] = dec16(cpu, r16[op & 7]); cpu.icount -= t.incR16; return;
    case 0x50: case 0x51: case 0x52: case 0x53: case 0x55: case 0x56: case 0x57:
      cpu.push16(r16[op & 7]); cpu.icount -= t.pushR; return;
    case 0x54: {
      // 8086/80186/V30 push the already decremented SP (286 and later push the old value)
      const sp = (r16[SP] - 2) & 0xffff;
      r16[SP] = sp;
      cpu.wr16(cpu.sreg[SS] << 4, sp, sp);
      cpu.icount -= t.pushR;
      return;
    }
    case 0x58: case 0x59: case 0x5a: case 0x5b: case 0x5c: case 0x5d: case 0x5e: case 0x5f: {
      const v = cpu.pop16();
      r16[op & 7] = v;
      cpu.icount -= t.popR;
      return;
    }
    case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65: case 0x66: case 0x67:
    case 0x68: case 0x69: case 0x6a: case 0x6b: case 0x6c: case 0x6d: case 0x6e: case 0x6f:
      // 8086: 0x60-0x6f decode as the conditional jumps 0x70-0x7f (vectors: metadata "alias")
      if (cpu.intel86) { jcc(cpu, op & 15); return; }
      exec186(cpu, op); return;
    case 0x70: case 0x71: case 0x72: case 0x73: case 0x74: case 0x75: case 0x76: case 0x77:
    case 0x78: case 0x79: case 0x7a: case 0x7b: case 0x7c: case 0x7d: case 0x7e: case 0x7f:
      jcc(cpu, op & 15); return;
    case 0x80: case 0x82: {
      cpu.modrm();
      const imm = cpu.fetch8();
      const v = alu8(cpu, cpu.reg, cpu.getRM8(), imm);
      if (cpu.reg !== 7) cpu.setRM8(v);
      cpu.icount -= cpu.mod === 3 ? t.aluRI : cpu.reg === 7 ? t.cmpMI : t.aluMI;
      return;
    }
    case 0x81: case 0x83: {
      cpu.modrm();
      const imm = op === 0x81 ? cpu.fetch16() : ((cpu.fetch8() << 24) >> 24) & 0xffff;
      const v = alu16(cpu, cpu.reg, cpu.getRM16(), imm);
      if (cpu.reg !== 7) cpu.setRM16(v);
      cpu.icount -= cpu.mod === 3 ? t.aluRI : cpu.reg === 7 ? t.cmpMI : t.aluMI;
      return;
    }
    case 0x84: cpu.modrm(); alu8(cpu, 4, cpu.getRM8(), r8[R8[cpu.reg]]); cpu.icount -= cpu.mod === 3 ? t.testRR : t.testRM; return;
    case 0x85: cpu.modrm(); alu16(cpu, 4, cpu.getRM16(), r16[cpu.reg]); cpu.icount -= cpu.mod === 3 ? t.testRR : t.testRM; return;
    case 0x86: {
      cpu.modrm();
      const d = R8[cpu.reg];
      const v = cpu.getRM8();
      cpu.setRM8(r8[d]);
      r8[d] = v;
      cpu.icount -= cpu.mod === 3 ? t.xchgRR : t.xchgRM;
      return;
    }
    case 0x87: {
      cpu.modrm();
      const v = cpu.getRM16();
      cpu.setRM16(r16[cpu.reg]);
      r16[cpu.reg] = v;
      cpu.icount -= cpu.mod === 3 ? t.xchgRR : t.xchgRM;
      return;
    }
    case 0x88: cpu.modrm(); cpu.setRM8(r8[R8[cpu.reg]]); cpu.icount -= cpu.mod === 3 ? t.movRR : t.movMR; return;
    case 0x89: cpu.modrm(); cpu.setRM16(r16[cpu.reg]); cpu.icount -= cpu.mod === 3 ? t.movRR : t.movMR; return;
    case 0x8a: cpu.modrm(); r8[R8[cpu.reg]] = cpu.getRM8(); cpu.icount -= cpu.mod === 3 ? t.movRR : t.movRM; return;
    case 0x8b: cpu.modrm(); r16[cpu.reg] = cpu.getRM16(); cpu.icount -= cpu.mod === 3 ? t.movRR : t.movRM; return;
    case 0x8c:
      // the 8086 decodes only reg bits 0-1 (vectors: 8C with reg 4-7)
      cpu.modrm(); cpu.setRM16(cpu.sreg[cpu.reg & 3]); cpu.icount -= cpu.mod === 3 ? t.movRS : t.movMS; return;
    case 0x8d:
      cpu.modrm();
      // LEA with a register operand is undefined; the 8086 leaves the last EA (not covered by vectors)
      r16[cpu.reg] = cpu.eaOff;
      cpu.icount -= t.lea;
      return;
    case 0x8e: {
      cpu.modrm();
      const v = cpu.getRM16();
      const s = cpu.reg & 3;
      cpu.sreg[s] = v;
      if (s === CS) cpu.csBase = v << 4;
      cpu.inhibit = 1;
      cpu.icount -= cpu.mod === 3 ? t.movSR : t.movSM;
      return;
    }
    case 0x8f: {
      cpu.modrm();
      const v = cpu.pop16();
      cpu.setRM16(v);
      cpu.icount -= cpu.mod === 3 ? t.popR : t.popM;
      return;
    }
    case 0x90: cpu.icount -= t.nop; return;
    case 0x91: case 0x92: case 0x93: case 0x94: case 0x95: case 0x96: case 0x97: {
      const v = r16[op & 7];
      r16[op & 7] = r16[AX];
      r16[AX] = v;
      cpu.icount -= t.xchgRA;
      return;
    }
    case 0x98: r16[AX] = ((r8[0] << 24) >> 24) & 0xffff; cpu.icount -= t.cbw; return;
    case 0x99:
      // 8086 microcode: one more clock when AX is negative (vectors 99)
      if (r16[AX] & 0x8000) { r16[DX] = 0xffff; cpu.icount -= t.cwd + (cpu.intel86 ? 1 : 0); }
      else { r16[DX] = 0; cpu.icount -= t.cwd; }
      return;
    case 0x9a: {
      const ip = cpu.fetch16();
      const cs = cpu.fetch16();
      cpu.push16(cpu.sreg[CS]);
      cpu.push16(cpu.ip);
      cpu.ip = ip;
      cpu.loadCs(cs);
      cpu.icount -= t.callFar;
      return;
    }
    case 0x9b: cpu.icount -= t.wait; return; // TEST pin inactive (no coprocessor): WAIT falls through
    case 0x9c: cpu.push16(cpu.flags); cpu.icount -= t.pushf; return;
    case 0x9d: cpu.flags = (cpu.pop16() & 0x0fd5) | cpu.flagsFixed; cpu.icount -= t.popf; return;
    case 0x9e: cpu.flags = (cpu.flags & 0xff00) | (r8[1] & 0xd5) | 0x02; cpu.icount -= t.sahf; return;
    case 0x9f: r8[1] = cpu.flags & 0xff; cpu.icount -= t.lahf; return;
    case 0xa0: r8[0] = cpu.rd8(cpu.dsBase(), cpu.fetch16()); cpu.icount -= t.movAM; return;
    case 0xa1: r16[AX] = cpu.rd16(cpu.dsBase(), cpu.fetch16()); cpu.icount -= t.movAM; return;
    case 0xa2: cpu.wr8(cpu.dsBase(), cpu.fetch16(), r8[0]); cpu.icount -= t.movMA; return;
    case 0xa3: cpu.wr16(cpu.dsBase(), cpu.fetch16(), r16[AX]); cpu.icount -= t.movMA; return;
    case 0xa4: case 0xa5: case 0xa6: case 0xa7: case 0xaa: case 0xab: case 0xac: case 0xad: case 0xae: case 0xaf:
      if (cpu.rep !== REP_NONE) repString(cpu, op); else string1(cpu, op);
      return;
    case 0xa8: alu8(cpu, 4, r8[0], cpu.fetch8()); cpu.icount -= t.aluAI; return;
    case 0xa9: alu16(cpu, 4, r16[AX], cpu.fetch16()); cpu.icount -= t.aluAI; return;
    case 0xb0: case 0xb1: case 0xb2: case 0xb3: case 0xb4: case 0xb5: case 0xb6: case 0xb7:
      r8[R8[op & 7]] = cpu.fetch8(); cpu.icount -= t.movRI; return;
    case 0xb8: case 0xb9: case 0xba: case 0xbb: case 0xbc: case 0xbd: case 0xbe: case 0xbf:
      r16[op & 7] = cpu.fetch16(); cpu.icount -= t.movRI; return;
    case 0xc0: case 0xc1:
      // 8086: aliases of C2/C3 (vectors: metadata "alias")
      if (cpu.intel86) { exec(cpu, op | 2); return; }
      exec186(cpu, op); return;
    case 0xc2: { const n = cpu.fetch16(); cpu.ip = cpu.pop16(); r16[SP] += n; cpu.icount -= t.retImm; return; }
    case 0xc3: cpu.ip = cpu.pop16(); cpu.icount -= t.ret; return;
    case 0xc4: case 0xc5: {
      cpu.modrm();
      // register forms are undefined (not covered by the vectors): treat like a memory operand at the last EA
      r16[cpu.reg] = cpu.mod === 3 ? cpu.rd16(cpu.eaSeg, cpu.eaOff) : cpu.getRM16();
      cpu.sreg[op === 0xc4 ? ES : DS] = cpu.getRM16Next();
      cpu.icount -= t.ldsLes;
      return;
    }
    case 0xc6: cpu.modrm(); cpu.setRM8(cpu.fetch8()); cpu.icount -= cpu.mod === 3 ? t.movRI : t.movMI; return;
    case 0xc7: cpu.modrm(); cpu.setRM16(cpu.fetch16()); cpu.icount -= cpu.mod === 3 ? t.movRI : t.movMI; return;
    case 0xc8: case 0xc9:
      if (cpu.intel86) { exec(cpu, op | 2); return; } // 8086: aliases of CA/CB
      exec186(cpu, op); return;
    case 0xca: {
      const n = cpu.fetch16();
      cpu.ip = cpu.pop16();
      cpu.loadCs(cpu.pop16());
      r16[SP] += n;
      cpu.icount -= t.retfImm;
      return;
    }
    case 0xcb: cpu.ip = cpu.pop16(); cpu.loadCs(cpu.pop16()); cpu.icount -= t.retf; return;
    case 0xcc: cpu.interrupt(3); cpu.icount -= t.int3; return;
    case 0xcd: { const v = cpu.fetch8(); cpu.interrupt(v); cpu.icount -= t.int; return; }
    case 0xce:
      if (cpu.flags & OF) { cpu.interrupt(4); cpu.icount -= t.intoTaken; } else cpu.icount -= t.intoNot;
      return;
    case 0xcf:
      cpu.ip = cpu.pop16();
      cpu.loadCs(cpu.pop16());
      cpu.flags = (cpu.pop16() & 0x0fd5) | cpu.flagsFixed;
      cpu.icount -= t.iret;
      return;
    case 0xd0: case 0xd1: case 0xd2: case 0xd3: {
      cpu.modrm();
      const count = op < 0xd2 ? 1 : shiftCount(cpu, r8[2]);
      if (op & 1) cpu.setRM16(shift(cpu, cpu.reg, cpu.getRM16(), count, 16));
      else cpu.setRM8(shift(cpu, cpu.reg, cpu.getRM8(), count, 8));
      if (op < 0xd2) cpu.icount -= cpu.mod === 3 ? t.shift1R : t.shift1M;
      else cpu.icount -= (cpu.mod === 3 ? t.shiftClR : t.shiftClM) + count * t.shiftPerBit;
      return;
    }
    case 0xd4: aam(cpu, cpu.fetch8()); return;
    case 0xd5: aad(cpu, cpu.fetch8()); return;
    case 0xd6:
      // SALC: AL = CF ? 0xff : 0 (undocumented on Intel parts, vectors D6; SETALC in MAME's nec core)
      r8[0] = cpu.flags & CF ? 0xff : 0;
      // 8086: one clock less when CF is clear (vectors D6)
      cpu.icount -= t.salc - (cpu.intel86 && (cpu.flags & CF) === 0 ? 1 : 0);
      return;
    case 0xd7: r8[0] = cpu.rd8(cpu.dsBase(), (r16[BX] + r8[0]) & 0xffff); cpu.icount -= t.xlat; return;
    case 0xd8: case 0xd9: case 0xda: case 0xdb: case 0xdc: case 0xdd: case 0xde: case 0xdf:
      // ESC without a coprocessor: the EA is computed and (for memory forms) a word read and dropped
      cpu.modrm();
      if (cpu.mod !== 3) { cpu.rd16(cpu.eaSeg, cpu.eaOff); cpu.icount -= t.escM; } else cpu.icount -= t.escR;
      return;
    case 0xe0: case 0xe1: case 0xe2: {
      const d = (cpu.fetch8() << 24) >> 24;
      const cx = (r16[CX] - 1) & 0xffff;
      r16[CX] = cx;
      const z = cpu.flags & ZF;
      const take = cx !== 0 && (op === 0xe2 || (op === 0xe1 ? z !== 0 : z === 0));
      if (take) cpu.ip = (cpu.ip + d) & 0xffff;
      cpu.icount -= op === 0xe2 ? (take ? t.loopTaken : t.loopNot)
        : op === 0xe1 ? (take ? t.loopeTaken : t.loopeNot) : (take ? t.loopneTaken : t.loopneNot);
      return;
    }
    case 0xe3: {
      const d = (cpu.fetch8() << 24) >> 24;
      if (r16[CX] === 0) { cpu.ip = (cpu.ip + d) & 0xffff; cpu.icount -= t.jcxzTaken; } else cpu.icount -= t.jcxzNot;
      return;
    }
    case 0xe4: r8[0] = cpu.io.read8(cpu.fetch8()); cpu.icount -= t.inFixed; return;
    case 0xe5: r16[AX] = inWord(cpu, cpu.fetch8()); cpu.icount -= t.inFixed; return;
    case 0xe6: cpu.io.write8(cpu.fetch8(), r8[0]); cpu.icount -= t.outFixed; return;
    case 0xe7: outWord(cpu, cpu.fetch8(), r16[AX]); cpu.icount -= t.outFixed; return;
    case 0xe8: {
      const d = cpu.fetch16();
      cpu.push16(cpu.ip);
      cpu.ip = (cpu.ip + d) & 0xffff;
      cpu.icount -= t.callNear;
      return;
    }
    case 0xe9: { const d = cpu.fetch16(); cpu.ip = (cpu.ip + d) & 0xffff; cpu.icount -= t.jmpNear; return; }
    case 0xea: { const ip = cpu.fetch16(); const cs = cpu.fetch16(); cpu.ip = ip; cpu.loadCs(cs); cpu.icount -= t.jmpFar; return; }
    case 0xeb: { const d = (cpu.fetch8() << 24) >> 24; cpu.ip = (cpu.ip + d) & 0xffff; cpu.icount -= t.jmpShort; return; }
    case 0xec: r8[0] = cpu.io.read8(r16[DX]); cpu.icount -= t.inDx; return;
    case 0xed: r16[AX] = inWord(cpu, r16[DX]); cpu.icount -= t.inDx; return;
    case 0xee: cpu.io.write8(r16[DX], r8[0]); cpu.icount -= t.outDx; return;
    case 0xef: outWord(cpu, r16[DX], r16[AX]); cpu.icount -= t.outDx; return;
    case 0xf4: cpu.halted = 1; cpu.icount -= t.hlt; return;
    case 0xf5: cpu.flags ^= CF; cpu.icount -= t.flagOp; return;
    case 0xf6: grp3_8(cpu); return;
    case 0xf7: grp3_16(cpu); return;
    case 0xf8: cpu.flags &= ~CF; cpu.icount -= t.flagOp; return;
    case 0xf9: cpu.flags |= CF; cpu.icount -= t.flagOp; return;
    case 0xfa: cpu.flags &= ~IF; cpu.icount -= t.flagOp; return;
    case 0xfb: cpu.flags |= IF; cpu.icount -= t.flagOp; return;
    case 0xfc: cpu.flags &= ~DF; cpu.icount -= t.flagOp; return;
    case 0xfd: cpu.flags |= DF; cpu.icount -= t.flagOp; return;
    case 0xfe: grp4(cpu); return;
    case 0xff: grp5(cpu); return;
    default:
      // 0x26/0x2e/0x36/0x3e/0xf0-0xf3 only arrive here when the prefix table omits them (never),
      // and NEC 0x64/0x65; 0xf1 on non-Intel-8086 parts
      invalidOpcode(cpu);
  }
}

export function shiftCount(cpu: I8086, cl: number): number {
  // 80186 masks the count to 5 bits (Intel 80186 data sheet); the 8086 and the V30 do not
  // (vectors for the 8086; MAME's nec core loops over the full CL)
  return cpu.ext186 && !cpu.nec ? cl & 0x1f : cl;
}

export function aluRmR8(cpu: I8086, op: number): void {
  cpu.modrm();
  const s = cpu.r8[R8[cpu.reg]];
  if (cpu.mod === 3) {
    const d = R8[cpu.rm];
    const v = alu8(cpu, op, cpu.r8[d], s);
    if (op !== 7) cpu.r8[d] = v;
    cpu.icount -= cpu.t.aluRR;
  } else {
    const v = alu8(cpu, op, cpu.rd8(cpu.eaSeg, cpu.eaOff), s);
    if (op !== 7) { cpu.wr8(cpu.eaSeg, cpu.eaOff, v); cpu.icount -= cpu.t.aluMR; } else cpu.icount -= cpu.t.cmpMR;
  }
}

export function aluRmR16(cpu: I8086, op: number): void {
  cpu.modrm();
  const s = cpu.r16[cpu.reg];
  if (cpu.mod === 3) {
    const v = alu16(cpu, op, cpu.r16[cpu.rm], s);
    if (op !== 7) cpu.r16[cpu.rm] = v;
    cpu.icount -= cpu.t.aluRR;
  } else {
    const v = alu16(cpu, op, cpu.rd16(cpu.eaSeg, cpu.eaOff), s);
    if (op !== 7) { cpu.wr16(cpu.eaSeg, cpu.eaOff, v); cpu.icount -= cpu.t.aluMR; } else cpu.icount -= cpu.t.cmpMR;
  }
}

/** Condition codes 0-15 in Jcc order (O NO B AE E NE BE A S NS P NP L GE LE G). */
export function cond(cpu: I8086, cc: number): boolean {
  const f = cpu.flags;
  let r: boolean;
  switch (cc >> 1) {
    case 0: r = (f & OF) !== 0; break;
    case 1: r = (f & CF) !== 0; break;
    case 2: r = (f & ZF) !== 0; break;
    case 3: r = (f & (CF | ZF)) !== 0; break;
    case 4: r = (f & SF) !== 0; break;
    case 5: r = (f & PF) !== 0; break;
    case 6: r = ((f & SF) !== 0) !== ((f & OF) !== 0); break;
    default: r = (f & ZF) !== 0 || ((f & SF) !== 0) !== ((f & OF) !== 0); break;
  }
  return (cc & 1) === 0 ? r : !r;
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
