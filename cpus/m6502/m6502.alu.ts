/**
 * The helpers every generated 6502 opcode function (m6502.gen.ts) calls: bus access with its cycle
 * count, the split flag representation, and the ALU operations that are more than one line.
 * Hand-written and type-checked here; tools/gen-m6502.ts only emits calls to them.
 */
import type { M6502 } from './m6502';

// ---- bus: one cycle per access -------------------------------------------------------------

export function rd(c: M6502, a: number): number {
  const v = c.program.read8(a);
  c.cyc++;
  return v;
}

export function wr(c: M6502, a: number, v: number): void {
  c.program.write8(a, v);
  c.cyc++;
}

export function fetch(c: M6502): number {
  const pc = c.pc;
  const v = c.program.read8(pc);
  c.cyc++;
  c.pc = (pc + 1) & 0xffff;
  return v;
}

// ---- flags: N is bit 7 of `fn`, Z is set when `fz` is 0; C V D I are 0/1 -----------------

/** P as pushed by IRQ/NMI (bit 5 set, B clear); PHP and BRK add B. */
export function getP(c: M6502): number {
  return (c.fn & 0x80) | (c.fv << 6) | 0x20 | (c.fd << 3) | (c.fi << 2) | (c.fz === 0 ? 2 : 0) | c.fc;
}

/** Load P (PLP, RTI, debugger): bits 4 and 5 are not flags on the chip. */
export function setP(c: M6502, v: number): void {
  c.fn = v & 0x80;
  c.fv = (v >> 6) & 1;
  c.fd = (v >> 3) & 1;
  c.fi = (v >> 2) & 1;
  c.fz = (v & 2) ^ 2;
  c.fc = v & 1;
}

// ---- ALU -----------------------------------------------------------------------------------

export function compare(c: M6502, r: number, v: number): void {
  const t = r - v;
  c.fc = t >= 0 ? 1 : 0;
  c.fn = c.fz = t & 0xff;
}

export function adc(c: M6502, v: number): void {
  if (c.fd !== 0) { adcDecimal(c, v); return; }
  const a = c.a, t = a + v + c.fc;
  c.fv = ((~(a ^ v) & (a ^ t)) >> 7) & 1;
  c.fc = t >> 8;
  c.a = c.fn = c.fz = t & 0xff;
}

export function sbc(c: M6502, v: number): void {
  if (c.fd !== 0) { sbcDecimal(c, v); return; }
  const a = c.a, w = v ^ 0xff, t = a + w + c.fc;
  c.fv = ((~(a ^ w) & (a ^ t)) >> 7) & 1;
  c.fc = t >> 8;
  c.a = c.fn = c.fz = t & 0xff;
}

// NMOS decimal mode (Bruce Clark, "Decimal Mode", 6502.org tutorial, appendices A and B): ADC takes
// N and V from the sum after the low-nibble adjust, Z from the binary sum; SBC's flags are all binary.
export function adcDecimal(c: M6502, v: number): void {
  const a = c.a;
  c.fz = (a + v + c.fc) & 0xff;
  let lo = (a & 0x0f) + (v & 0x0f) + c.fc;
  if (lo >= 0x0a) lo = ((lo + 0x06) & 0x0f) + 0x10;
  let t = (a & 0xf0) + (v & 0xf0) + lo;
  c.fn = t & 0x80;
  c.fv = ((~(a ^ v) & (a ^ t)) >> 7) & 1;
  if (t >= 0xa0) t += 0x60;
  c.fc = t >= 0x100 ? 1 : 0;
  c.a = t & 0xff;
}

export function sbcDecimal(c: M6502, v: number): void {
  const a = c.a, w = v ^ 0xff, b = a + w + c.fc;
  c.fv = ((~(a ^ w) & (a ^ b)) >> 7) & 1;
  c.fn = c.fz = b & 0xff;
  let lo = (a & 0x0f) - (v & 0x0f) + c.fc - 1;
  if (lo < 0) lo = ((lo - 0x06) & 0x0f) - 0x10;
  let t = (a & 0xf0) - (v & 0xf0) + lo;
  if (t < 0) t -= 0x60;
  c.fc = b >> 8;
  c.a = t & 0xff;
}

// ARR (undocumented): AND then ROR, with V/C from bits 6 and 5; in decimal mode the NMOS chip
// applies a BCD-like fix-up ("No More Secrets", ARR).
export function arr(c: M6502, v: number): void {
  const t = c.a & v;
  let r = (t >> 1) | (c.fc << 7);
  if (c.fd === 0) {
    c.a = c.fn = c.fz = r;
    c.fc = (r >> 6) & 1;
    c.fv = ((r >> 6) ^ (r >> 5)) & 1;
    return;
  }
  c.fn = r;
  c.fz = r;
  c.fv = ((t ^ r) >> 6) & 1;
  if ((t & 0x0f) + (t & 0x01) > 5) r = (r & 0xf0) | ((r + 6) & 0x0f);
  if ((t & 0xf0) + (t & 0x10) > 0x50) { r = (r + 0x60) & 0xff; c.fc = 1; } else c.fc = 0;
  c.a = r;
}
