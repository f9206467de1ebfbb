/**
 * The Z80's state (registers, interrupt lines, counters, the bus it reads), the F register bits and the
 * flag tables computed once at load. The classes build on each other: Z80State → Z80Alu (z80.alu.ts:
 * bus, ALU, block instructions) → Z80Exec (z80.gen.ts, generated: the instructions) → Z80 (z80.ts: the
 * device: run, interrupts, registers, save states). Methods, not free functions, so that V8 calls them
 * directly on the hot path (measured: ~20% faster than imported module functions in the run loop).
 */
import { Device } from '../../src/core/device';
import type { AddressSpace } from '../../src/core/memory';

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

export abstract class Z80State extends Device {
  // Main set (datasheet names), shadow set as pairs, index, control.
  a = 0xff; f = 0xff; b = 0; c = 0; d = 0; e = 0; h = 0; l = 0;
  af_ = 0xffff; bc_ = 0; de_ = 0; hl_ = 0;
  ix = 0xffff; iy = 0xffff; sp = 0xffff; pc = 0;
  i = 0; r = 0;
  /** MEMPTR: internal address latch, visible through BIT n,(HL) X/Y flags. */
  wz = 0;
  iff1 = 0; iff2 = 0; im = 0; halted = 0;
  /** F as written by the last instruction, or 0 if it left F alone (SCF/CCF X/Y flags read it). */
  q = 0;
  /** 1 when the last instruction was LD A,I or LD A,R: an IRQ accepted now clears P/V (NMOS bug). */
  p = 0;
  /** 1 when the last instruction was EI: maskable interrupts wait one more instruction. */
  ei = 0;
  /** Input lines: IRQ level, NMI level and its latched edge. */
  irqLine = 0; nmiLine = 0; nmiPending = 0;
  /** Instructions executed (HALT idle steps and interrupt acceptances not counted); for benchmarks. */
  instructions = 0;
  /** T-states executed since power-on (all run() calls). */
  totalCycles = 0;
  /** Of those, T-states spent idling in HALT (CPU-load statistics; lets benchmarks stop the clock at HALT). */
  haltCycles = 0;
  /** Called at interrupt acknowledge; returns the byte on the data bus (IM0 opcode / IM2 vector low byte). */
  irqAck: () => number = () => 0xff;

  // Read and written by the generated instruction code (z80.gen.ts) and its helpers (z80.alu.ts);
  // not part of the device API.
  /** Q of the previous instruction, for SCF/CCF. */
  lastQ = 0;
  /** T-states this slice may use, and has used. */
  budget = 0;
  used = 0;
  /** The program space's page tables and arena, read directly on the hot path (see z80.alu.ts `rd`). */
  readonly rdBase: Int32Array;
  readonly wrBase: Int32Array;
  mem: Uint8Array;

  constructor(
    tag: string,
    clock: number,
    readonly program: AddressSpace,
    readonly io: AddressSpace,
  ) {
    super(tag, clock);
    // The inlined page lookups assume the default 16-bit space with 256-byte pages; any other layout gets
    // tables that send every access through the space's own read8/write8 (correct, just slower).
    const direct = program.addrBits === 16 && program.pageBits === 8;
    this.rdBase = direct ? program.rdBase : new Int32Array(256).fill(-1);
    this.wrBase = direct ? program.wrBase : new Int32Array(256).fill(-1);
    this.mem = program.mem;
  }

  /** Takes a pending NMI or IRQ; returns its T-states (z80.ts). */
  abstract acceptInterrupt(): number;
  /** Spends the rest of the slice halted (z80.ts). */
  abstract idleInHalt(): void;
}
