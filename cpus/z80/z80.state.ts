/**
 * The Z80's state: registers, interrupt lines, counters and the bus it reads. The classes build on each
 * other: Z80State → Z80Alu (z80.alu.ts: bus, ALU, block instructions) → Z80Exec (z80.gen.ts, generated:
 * the instructions) → Z80 (z80.ts: the device: run, interrupts, registers, save states). Methods, not free
 * functions, so that V8 calls them directly on the hot path (measured on the peer benchmark: imported
 * module functions made the run loop ~15% slower).
 */
import { Device } from '../../src/core/device';
import type { AddressSpace } from '../../src/core/memory';

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
