/** 80186 / NEC V20/V30 additions to the opcode map (0x60-0x6f, 0xc0/0xc1, 0xc8/0xc9) and undefined opcodes. */
import type { I8086 } from './i8086';
import { AX, BP, BX, CF, CX, DI, DX, OF, REP_NONE, SI, SP, SS } from './i8086.state';
import { shift } from './i8086.alu';
import { shiftCount } from './i8086.exec';
import { mulFlags } from './i8086.group';
import { repString, string1 } from './i8086.string';

// ---- 80186 / V30 additions --------------------------------------------------------------------

/** 0x60-0x6f, 0xc0/0xc1, 0xc8/0xc9 on the 80186 and NEC parts (Intel 80186 data sheet; NEC V20/V30 manual). */
export function exec186(cpu: I8086, op: number): void {
  const r16 = cpu.r16, t = cpu.t;
  switch (op) {
    case 0x60: { // PUSHA: AX CX DX BX SP(original) BP SI DI
      const sp = r16[SP];
      for (let i = 0; i < 8; i++) cpu.push16(i === SP ? sp : r16[i]);
      cpu.icount -= t.pusha;
      return;
    }
    case 0x61: // POPA: the stored SP is skipped
      for (let i = 7; i >= 0; i--) { const v = cpu.pop16(); if (i !== SP) r16[i] = v; }
      cpu.icount -= t.popa;
      return;
    case 0x62: { // BOUND reg, m16&16: INT 5 unless low <= reg <= high (signed)
      cpu.modrm();
      const lo = (cpu.getRM16() << 16) >> 16;
      const hi = (cpu.getRM16Next() << 16) >> 16;
      const v = (r16[cpu.reg] << 16) >> 16;
      cpu.icount -= t.bound;
      if (v < lo || v > hi) {
        // the return address points at BOUND itself (80186 data sheet: "array bounds exception")
        cpu.ip = cpu.insStart;
        cpu.interrupt(5);
        cpu.icount -= t.int;
      }
      return;
    }
    case 0x68: cpu.push16(cpu.fetch16()); cpu.icount -= t.pushImm; return;
    case 0x6a: cpu.push16(((cpu.fetch8() << 24) >> 24) & 0xffff); cpu.icount -= t.pushImm8; return;
    case 0x69: case 0x6b: { // IMUL reg, r/m, imm: CF = OF = product does not fit 16 bits
      cpu.modrm();
      const a = (cpu.getRM16() << 16) >> 16;
      const b = op === 0x69 ? (cpu.fetch16() << 16) >> 16 : (cpu.fetch8() << 24) >> 24;
      const p = Math.imul(a, b);
      r16[cpu.reg] = p;
      mulFlags(cpu, p !== ((p << 16) >> 16), p & 0xffff);
      if (op === 0x69) cpu.icount -= cpu.mod === 3 ? t.imulImm16R : t.imulImm16M;
      else cpu.icount -= cpu.mod === 3 ? t.imulImmR : t.imulImmM;
      return;
    }
    case 0x6c: case 0x6d: case 0x6e: case 0x6f:
      if (cpu.rep !== REP_NONE) repString(cpu, op); else string1(cpu, op);
      return;
    case 0xc0: case 0xc1: {
      cpu.modrm();
      const count = shiftCount(cpu, cpu.fetch8());
      if (op & 1) cpu.setRM16(shift(cpu, cpu.reg, cpu.getRM16(), count, 16));
      else cpu.setRM8(shift(cpu, cpu.reg, cpu.getRM8(), count, 8));
      cpu.icount -= (cpu.mod === 3 ? t.shiftImmR : t.shiftImmM) + count * t.shiftPerBit;
      return;
    }
    case 0xc8: { // ENTER imm16, imm8 (Intel 80186 data sheet algorithm; level taken mod 32)
      const size = cpu.fetch16();
      const level = cpu.fetch8() & 0x1f;
      cpu.push16(r16[BP]);
      const frame = r16[SP];
      const ss = cpu.sreg[SS] << 4;
      if (level > 0) {
        let bp = r16[BP];
        for (let i = 1; i < level; i++) {
          bp = (bp - 2) & 0xffff;
          cpu.push16(cpu.rd16(ss, bp));
          cpu.icount -= t.enterPerLevel;
        }
        cpu.push16(frame);
      }
      r16[BP] = frame;
      r16[SP] = r16[SP] - size;
      cpu.icount -= t.enter;
      return;
    }
    case 0xc9: // LEAVE
      r16[SP] = r16[BP];
      r16[BP] = cpu.pop16();
      cpu.icount -= t.leave;
      return;
    default:
      invalidOpcode(cpu);
  }
}

/**
 * Undefined opcodes: the 80186/80188 raise the unused-opcode exception (type 6, return address at
 * the opcode; Intel 80186 data sheet); NEC parts execute them as a no-operation (MAME nec
 * `i_invalid`, 10 clocks); on the 8086 every opcode does something, so cpu is unreachable there.
 */
export function invalidOpcode(cpu: I8086): void {
  if (cpu.ext186 && !cpu.nec) {
    cpu.ip = cpu.insStart;
    cpu.interrupt(6);
    cpu.icount -= cpu.t.int;
    return;
  }
  cpu.icount -= cpu.t.invalid;
}
