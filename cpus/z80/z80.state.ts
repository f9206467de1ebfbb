/**
 * Shared facts of the Z80 core: the F register bits and the flag tables computed once at load. Used by
 * the device (z80.ts), the helpers (z80.alu.ts) and the generated instruction code (z80.gen.ts).
 */

// F register bits (Zilog names; X and Y are the undocumented bits 3 and 5, Young §4.1).
export const FC = 0x01, FN = 0x02, FPV = 0x04, FX = 0x08, FH = 0x10, FY = 0x20, FZ = 0x40, FS = 0x80;
export const FXY = FX | FY;

/** S, Z and the X/Y copies of a result byte. */
export const SZ = new Uint8Array(256);
/** SZ plus even parity in P/V. */
export const SZP = new Uint8Array(256);
/** Flags (without C) after INC produced the byte: H on a carry out of bit 3, V on 0x7f→0x80. */
export const INC_F = new Uint8Array(256);
/** Flags (without C) after DEC produced the byte: H on a borrow into bit 3, V on 0x80→0x7f. */
export const DEC_F = new Uint8Array(256);
for (let v = 0; v < 256; v++) {
  let p = v;
  p ^= p >> 4; p ^= p >> 2; p ^= p >> 1;
  SZ[v] = (v & (FS | FXY)) | (v === 0 ? FZ : 0);
  SZP[v] = SZ[v] | ((p & 1) === 0 ? FPV : 0);
  INC_F[v] = SZ[v] | ((v & 0x0f) === 0 ? FH : 0) | (v === 0x80 ? FPV : 0);
  DEC_F[v] = SZ[v] | FN | ((v & 0x0f) === 0x0f ? FH : 0) | (v === 0x7f ? FPV : 0);
}
