/** x86 ALU operations with the FLAGS they set (iAPX 86/88 User's Manual; undocumented SETMO from the SingleStepTests/8086 vectors). */
import type { I8086 } from './i8086';
import { ARITH, CF, LAZY_ADD16, LAZY_ADD8, LAZY_DEC16, LAZY_DEC8, LAZY_INC16, LAZY_INC8, LAZY_LOGIC16, LAZY_LOGIC8, LAZY_SUB16, LAZY_SUB8, OF, SZP8, szp16 } from './i8086.state';

// ---- ALU --------------------------------------------------------------------------------------

// ADD/SUB/logic/INC/DEC leave their flags lazy (I8086.materializeFlags derives them when read).

export function add8(cpu: I8086, a: number, b: number, c: number): number {
  const r = a + b + c;
  cpu.lazyA = a; cpu.lazyB = b; cpu.lazyRes = r; cpu.lazyKind = LAZY_ADD8;
  return r & 0xff;
}

export function sub8(cpu: I8086, a: number, b: number, c: number): number {
  const r = a - b - c;
  cpu.lazyA = a; cpu.lazyB = b; cpu.lazyRes = r; cpu.lazyKind = LAZY_SUB8;
  return r & 0xff;
}

export function add16(cpu: I8086, a: number, b: number, c: number): number {
  const r = a + b + c;
  cpu.lazyA = a; cpu.lazyB = b; cpu.lazyRes = r; cpu.lazyKind = LAZY_ADD16;
  return r & 0xffff;
}

export function sub16(cpu: I8086, a: number, b: number, c: number): number {
  const r = a - b - c;
  cpu.lazyA = a; cpu.lazyB = b; cpu.lazyRes = r; cpu.lazyKind = LAZY_SUB16;
  return r & 0xffff;
}

/** ADD OR ADC SBB AND SUB XOR CMP on bytes (CMP returns `a` unchanged). */
export function alu8(cpu: I8086, op: number, a: number, b: number): number {
  switch (op) {
    case 0: return add8(cpu, a, b, 0);
    case 1: a |= b; break;
    case 2: return add8(cpu, a, b, cpu.carry());
    case 3: return sub8(cpu, a, b, cpu.carry());
    case 4: a &= b; break;
    case 5: return sub8(cpu, a, b, 0);
    case 6: a ^= b; break;
    default: sub8(cpu, a, b, 0); return a;
  }
  cpu.lazyRes = a; cpu.lazyKind = LAZY_LOGIC8;
  return a;
}

export function alu16(cpu: I8086, op: number, a: number, b: number): number {
  switch (op) {
    case 0: return add16(cpu, a, b, 0);
    case 1: a |= b; break;
    case 2: return add16(cpu, a, b, cpu.carry());
    case 3: return sub16(cpu, a, b, cpu.carry());
    case 4: a &= b; break;
    case 5: return sub16(cpu, a, b, 0);
    case 6: a ^= b; break;
    default: sub16(cpu, a, b, 0); return a;
  }
  cpu.lazyRes = a; cpu.lazyKind = LAZY_LOGIC16;
  return a;
}

/** INC/DEC keep CF: it moves into `fl` before the operation goes lazy. */
function incDec(cpu: I8086, a: number, r: number, kind: number): void {
  const cf = cpu.carry();
  cpu.fl = (cpu.fl & ~CF) | cf;
  cpu.lazyA = a; cpu.lazyB = 1; cpu.lazyRes = r; cpu.lazyKind = kind;
}

export function inc8(cpu: I8086, a: number): number {
  const r = a + 1;
  incDec(cpu, a, r, LAZY_INC8);
  return r & 0xff;
}

export function dec8(cpu: I8086, a: number): number {
  const r = a - 1;
  incDec(cpu, a, r, LAZY_DEC8);
  return r & 0xff;
}

export function inc16(cpu: I8086, a: number): number {
  const r = a + 1;
  incDec(cpu, a, r, LAZY_INC16);
  return r & 0xffff;
}

export function dec16(cpu: I8086, a: number): number {
  const r = a - 1;
  incDec(cpu, a, r, LAZY_DEC16);
  return r & 0xffff;
}

/**
 * Rotate/shift group (ROL ROR RCL RCR SHL SHR SETMO SAR) by `count` (0 = no change at all).
 * The 8086 does not mask the count (vectors D2/D3 with CL up to 255); one bit per step keeps the
 * flags of every count exact. `bits` is 8 or 16. /6 is the undocumented SETMO on the 8086 (vectors
 * D0.6-D3.6: result all ones); NEC and 80186 parts treat it as SHL (80186) or do nothing (NEC).
 */
export function shift(cpu: I8086, op: number, v: number, count: number, bits: number): number {
  if (count === 0) return v;
  const msb = bits === 8 ? 0x80 : 0x8000;
  const mask = bits === 8 ? 0xff : 0xffff;
  let cf = 0;
  switch (op) {
    case 0: // ROL
      for (let i = 0; i < count; i++) { cf = v & msb ? 1 : 0; v = ((v << 1) | cf) & mask; }
      cpu.flags = (cpu.flags & ~(CF | OF)) | cf | (((v & msb ? 1 : 0) ^ cf) ? OF : 0);
      return v;
    case 1: // ROR
      for (let i = 0; i < count; i++) { cf = v & 1; v = (v >> 1) | (cf ? msb : 0); }
      cpu.flags = (cpu.flags & ~(CF | OF)) | cf | (((v ^ (v << 1)) & msb) ? OF : 0);
      return v;
    case 2: // RCL
      cf = cpu.carry();
      for (let i = 0; i < count; i++) { const out = v & msb ? 1 : 0; v = ((v << 1) | cf) & mask; cf = out; }
      cpu.flags = (cpu.flags & ~(CF | OF)) | cf | (((v & msb ? 1 : 0) ^ cf) ? OF : 0);
      return v;
    case 3: // RCR
      cf = cpu.carry();
      for (let i = 0; i < count; i++) { const out = v & 1; v = (v >> 1) | (cf ? msb : 0); cf = out; }
      cpu.flags = (cpu.flags & ~(CF | OF)) | cf | (((v ^ (v << 1)) & msb) ? OF : 0);
      return v;
    case 4: // SHL
      for (let i = 0; i < count; i++) { cf = v & msb ? 1 : 0; v = (v << 1) & mask; }
      break;
    case 5: // SHR
      for (let i = 0; i < count; i++) { cf = v & 1; v >>= 1; }
      break;
    case 6: // SETMO (8086 undocumented): every step shifts a one in
      if (!cpu.intel86) {
        if (cpu.nec) return v; // NEC: undefined, no operation (MAME nec)
        for (let i = 0; i < count; i++) { cf = v & msb ? 1 : 0; v = (v << 1) & mask; } // 80186: SHL
        break;
      }
      // vectors D0.6-D3.6: the result is all ones for any non-zero count; flags are undefined there
      v = mask;
      cf = 0;
      break;
    default: // SAR
      for (let i = 0; i < count; i++) { cf = v & 1; v = (v >> 1) | (v & msb); }
      break;
  }
  const szp = bits === 8 ? SZP8[v] : szp16(v);
  let of = 0;
  if (op === 4 || op === 6) of = ((v & msb) !== 0) !== (cf !== 0) ? OF : 0;
  else if (op === 5) of = ((v ^ (v << 1)) & msb) !== 0 ? OF : 0;
  cpu.flags = (cpu.fl & ~ARITH) | cf | szp | of; // every arithmetic flag is set here
  return v;
}
