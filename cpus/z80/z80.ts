/**
 * Zilog Z80 (NMOS) CPU core: instruction-stepped, exact in T-states per instruction and per interrupt
 * acceptance. Used by Pac-Man (main CPU), 1942 and the sound CPU of most later boards.
 *
 * Sources:
 * - Zilog UM0080 "Z80 CPU User Manual" (instruction T-states, interrupt response, IFF1/IFF2, EI delay).
 * - Sean Young, "The Undocumented Z80 Documented" v0.91 (X/Y flags, SLL, IXH/IXL, OUT (C),0, DDCB register
 *   copies, LD A,I/LD A,R P/V quirk, HALT fetches).
 * - boo_boo & Vladimir Kladov, "MEMPTR, esoteric register of the Z80" (WZ updates, BIT n,(HL) X/Y flags).
 * - Patrik Rak's Q findings (SCF/CCF X/Y flags depend on whether the previous instruction wrote F).
 * - David Banks (hoglet67), 2018: X/Y/H/P flags of interrupted (repeating) block instructions.
 * - SingleStepTests/z80 vectors (../shared/cpu-tests/z80): the arbiter for all of the above, every field.
 *
 * Model: registers are integer fields; one `switch` per opcode page (main, CB, ED, DD/FD, DDCB/FDCB)
 * returns the instruction's T-states. `run()` holds a generated copy of the main-page switch
 * (gen-run-loop.mjs) so the common case costs no call. Memory goes through the program space's page
 * tables, read inline; handler pages fall back to `AddressSpace.read8/write8`. A DD/FD prefix followed by another prefix is executed as a 4 T-state
 * no-op chained to the next opcode in the same step, so no interrupt is taken between them (as on the chip).
 *
 * Not emulated: the order and timing of bus accesses inside an instruction (`sliceCycles()` is exact at
 * instruction boundaries only); WAIT states; BUSREQ; IM 0 with instructions other than single-byte opcodes
 * and CALL nn on the data bus; CMOS differences (OUT (C),0 drives 0 as NMOS parts do).
 */
import type { CpuDevice, Disassembly, RegisterInfo } from '../../src/core/cpu';
import { Device, type Serializer } from '../../src/core/device';
import type { AddressSpace } from '../../src/core/memory';
import { disassembleZ80 } from './z80.dasm';

// F register bits (Zilog names; X and Y are the undocumented bits 3 and 5).
const FC = 0x01, FN = 0x02, FPV = 0x04, FX = 0x08, FH = 0x10, FY = 0x20, FZ = 0x40, FS = 0x80;
const FXY = FX | FY;

/** S, Z and the X/Y copies of a result byte. */
const SZ = new Uint8Array(256);
/** SZ plus even parity in P/V. */
const SZP = new Uint8Array(256);
/** Flags (without C) after INC produced the byte: H on a carry out of bit 3, V on 0x7f→0x80. */
const INC_F = new Uint8Array(256);
/** Flags (without C) after DEC produced the byte: H on a borrow into bit 3, V on 0x80→0x7f. */
const DEC_F = new Uint8Array(256);
for (let v = 0; v < 256; v++) {
  let p = v;
  p ^= p >> 4; p ^= p >> 2; p ^= p >> 1;
  SZ[v] = (v & (FS | FXY)) | (v === 0 ? FZ : 0);
  SZP[v] = SZ[v] | ((p & 1) === 0 ? FPV : 0);
  INC_F[v] = SZ[v] | ((v & 0x0f) === 0 ? FH : 0) | (v === 0x80 ? FPV : 0);
  DEC_F[v] = SZ[v] | FN | ((v & 0x0f) === 0x0f ? FH : 0) | (v === 0x7f ? FPV : 0);
}

/** IM values selected by ED 46/4E/56/5E/66/6E/76/7E (the undocumented 4E/6E select mode 0, vectors agree). */
const IM_OF_Y = [0, 0, 1, 2, 0, 0, 1, 2];

const REGISTERS: readonly RegisterInfo[] = [
  { name: 'pc', bits: 16 }, { name: 'sp', bits: 16 },
  { name: 'af', bits: 16 }, { name: 'bc', bits: 16 }, { name: 'de', bits: 16 }, { name: 'hl', bits: 16 },
  { name: 'ix', bits: 16 }, { name: 'iy', bits: 16 },
  { name: 'af_', bits: 16, aliases: ["af'"] }, { name: 'bc_', bits: 16, aliases: ["bc'"] },
  { name: 'de_', bits: 16, aliases: ["de'"] }, { name: 'hl_', bits: 16, aliases: ["hl'"] },
  { name: 'a', bits: 8 }, { name: 'f', bits: 8 }, { name: 'b', bits: 8 }, { name: 'c', bits: 8 },
  { name: 'd', bits: 8 }, { name: 'e', bits: 8 }, { name: 'h', bits: 8 }, { name: 'l', bits: 8 },
  { name: 'i', bits: 8 }, { name: 'r', bits: 8 }, { name: 'wz', bits: 16, aliases: ['memptr'] },
  { name: 'iff1', bits: 1 }, { name: 'iff2', bits: 1 }, { name: 'im', bits: 2 }, { name: 'halted', bits: 1 },
  { name: 'q', bits: 8 }, { name: 'p', bits: 1 }, { name: 'ei', bits: 1 },
];

export class Z80 extends Device implements CpuDevice {
  /** part name shown in the library and -listxml (class names do not survive minification) */
  readonly chipName = 'Zilog Z80';
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

  /** The index register a DD/FD instruction works on (copied in, written back after). */
  private xy = 0;
  /** Q of the previous instruction, for SCF/CCF. */
  private lastQ = 0;
  private budget = 0;
  private used = 0;
  /** The program space's page tables and arena, read directly on the hot path (see `rd`). */
  private readonly rdBase: Int32Array;
  private readonly wrBase: Int32Array;
  private mem: Uint8Array;

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

  // ---- CpuDevice --------------------------------------------------------------------------------

  reset(): void {
    // Young §2.4: reset clears PC, I, R, IFF1/2, IM; AF and SP read 0xffff afterwards on real parts.
    this.pc = 0; this.i = 0; this.r = 0; this.iff1 = 0; this.iff2 = 0; this.im = 0;
    this.a = 0xff; this.f = 0xff; this.sp = 0xffff; this.wz = 0;
    this.halted = 0; this.q = 0; this.p = 0; this.ei = 0; this.lastQ = 0; this.nmiPending = 0;
  }

  run(budget: number): number {
    this.mem = this.program.mem; // (re)read once per slice in case the machine swapped its arena
    this.budget = budget;
    this.used = 0;
    while (this.used < this.budget) {
      if ((this.nmiPending | (this.irqLine & this.iff1 & (this.ei ^ 1))) !== 0) {
        this.used += this.acceptInterrupt();
        continue;
      }
      if (this.halted !== 0) {
        // HALT: the chip keeps fetching (and ignoring) the next opcode, 4 T-states and one R step each,
        // until an interrupt; nothing else can change before the slice ends, so skip ahead in one go.
        const n = Math.ceil((this.budget - this.used) / 4);
        this.r = (this.r & 0x80) | ((this.r + n) & 0x7f);
        this.used += 4 * n;
        this.haltCycles += 4 * n;
        this.q = 0; this.p = 0; this.ei = 0;
        continue;
      }
      this.ei = 0;
      this.p = 0;
      this.lastQ = this.q;
      this.q = 0;
      this.instructions++;
      this.r = (this.r & 0x80) | ((this.r + 1) & 0x7f);
      const pc = this.pc, o = this.rdBase[pc >> 8];
      const op = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
      this.pc = (pc + 1) & 0xffff;
      // The body of execMain(op), copied here by gen-run-loop.mjs with `return n` turned into
      // `used += n; continue`: one call less per instruction is worth ~1.7x in V8 (measured).
      // <generated:run-loop>
      switch (op) {
        case 0x00: { this.used += 4; continue; }
        case 0x01: this.c = this.imm8(); this.b = this.imm8(); { this.used += 10; continue; }
        case 0x02: { const a = ((this.b << 8) | this.c); this.wr(a, this.a); this.wz = ((a + 1) & 0xff) | (this.a << 8); { this.used += 7; continue; } }
        case 0x03: if (++this.c === 0x100) { this.c = 0; this.b = (this.b + 1) & 0xff; } { this.used += 6; continue; }
        case 0x04: this.b = this.inc8(this.b); { this.used += 4; continue; }
        case 0x05: this.b = this.dec8(this.b); { this.used += 4; continue; }
        case 0x06: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.b = n; { this.used += 7; continue; } }
        case 0x07: {
          const a = this.a;
          this.a = ((a << 1) | (a >> 7)) & 0xff;
          this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & (FXY | FC));
          { this.used += 4; continue; }
        }
        case 0x08: {
          const t = (this.a << 8) | this.f;
          this.a = this.af_ >> 8; this.f = this.af_ & 0xff; this.af_ = t;
          { this.used += 4; continue; }
        }
        case 0x09: this.setHl(this.add16(((this.h << 8) | this.l), ((this.b << 8) | this.c))); { this.used += 11; continue; }
        case 0x0a: { const a = ((this.b << 8) | this.c); this.a = this.rd(a); this.wz = (a + 1) & 0xffff; { this.used += 7; continue; } }
        case 0x0b: if (--this.c < 0) { this.c = 0xff; this.b = (this.b - 1) & 0xff; } { this.used += 6; continue; }
        case 0x0c: this.c = this.inc8(this.c); { this.used += 4; continue; }
        case 0x0d: this.c = this.dec8(this.c); { this.used += 4; continue; }
        case 0x0e: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.c = n; { this.used += 7; continue; } }
        case 0x0f: {
          const a = this.a, c = a & 1;
          this.a = (a >> 1) | (c << 7);
          this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & FXY) | c;
          { this.used += 4; continue; }
        }

        case 0x10: {
          const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
          this.b = (this.b - 1) & 0xff;
          if (this.b === 0) { this.used += 8; continue; }
          this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
          { this.used += 13; continue; }
        }
        case 0x11: this.e = this.imm8(); this.d = this.imm8(); { this.used += 10; continue; }
        case 0x12: { const a = ((this.d << 8) | this.e); this.wr(a, this.a); this.wz = ((a + 1) & 0xff) | (this.a << 8); { this.used += 7; continue; } }
        case 0x13: if (++this.e === 0x100) { this.e = 0; this.d = (this.d + 1) & 0xff; } { this.used += 6; continue; }
        case 0x14: this.d = this.inc8(this.d); { this.used += 4; continue; }
        case 0x15: this.d = this.dec8(this.d); { this.used += 4; continue; }
        case 0x16: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.d = n; { this.used += 7; continue; } }
        case 0x17: {
          const a = this.a;
          this.a = ((a << 1) | (this.f & FC)) & 0xff;
          this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & FXY) | (a >> 7);
          { this.used += 4; continue; }
        }
        case 0x18: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff; { this.used += 12; continue; } }
        case 0x19: this.setHl(this.add16(((this.h << 8) | this.l), ((this.d << 8) | this.e))); { this.used += 11; continue; }
        case 0x1a: { const a = ((this.d << 8) | this.e); this.a = this.rd(a); this.wz = (a + 1) & 0xffff; { this.used += 7; continue; } }
        case 0x1b: if (--this.e < 0) { this.e = 0xff; this.d = (this.d - 1) & 0xff; } { this.used += 6; continue; }
        case 0x1c: this.e = this.inc8(this.e); { this.used += 4; continue; }
        case 0x1d: this.e = this.dec8(this.e); { this.used += 4; continue; }
        case 0x1e: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.e = n; { this.used += 7; continue; } }
        case 0x1f: {
          const a = this.a;
          this.a = (a >> 1) | ((this.f & FC) << 7);
          this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & FXY) | (a & FC);
          { this.used += 4; continue; }
        }

        case 0x20: {
          const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
          if (!((this.f & FZ) === 0)) { this.used += 7; continue; }
          this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
          { this.used += 12; continue; }
        }
        case 0x21: this.l = this.imm8(); this.h = this.imm8(); { this.used += 10; continue; }
        case 0x22: { const a = this.imm16(); this.wr(a, this.l); this.wr((a + 1) & 0xffff, this.h); this.wz = (a + 1) & 0xffff; { this.used += 16; continue; } }
        case 0x23: if (++this.l === 0x100) { this.l = 0; this.h = (this.h + 1) & 0xff; } { this.used += 6; continue; }
        case 0x24: this.h = this.inc8(this.h); { this.used += 4; continue; }
        case 0x25: this.h = this.dec8(this.h); { this.used += 4; continue; }
        case 0x26: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.h = n; { this.used += 7; continue; } }
        case 0x27: this.daa(); { this.used += 4; continue; }
        case 0x28: {
          const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
          if (!((this.f & FZ) !== 0)) { this.used += 7; continue; }
          this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
          { this.used += 12; continue; }
        }
        case 0x29: this.setHl(this.add16(((this.h << 8) | this.l), ((this.h << 8) | this.l))); { this.used += 11; continue; }
        case 0x2a: { const a = this.imm16(); this.l = this.rd(a); this.h = this.rd((a + 1) & 0xffff); this.wz = (a + 1) & 0xffff; { this.used += 16; continue; } }
        case 0x2b: if (--this.l < 0) { this.l = 0xff; this.h = (this.h - 1) & 0xff; } { this.used += 6; continue; }
        case 0x2c: this.l = this.inc8(this.l); { this.used += 4; continue; }
        case 0x2d: this.l = this.dec8(this.l); { this.used += 4; continue; }
        case 0x2e: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.l = n; { this.used += 7; continue; } }
        case 0x2f: this.a ^= 0xff; this.q = this.f = (this.f & (FS | FZ | FPV | FC)) | FH | FN | (this.a & FXY); { this.used += 4; continue; }

        case 0x30: {
          const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
          if (!((this.f & FC) === 0)) { this.used += 7; continue; }
          this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
          { this.used += 12; continue; }
        }
        case 0x31: this.sp = this.imm16(); { this.used += 10; continue; }
        case 0x32: { const a = this.imm16(); this.wr(a, this.a); this.wz = ((a + 1) & 0xff) | (this.a << 8); { this.used += 13; continue; } }
        case 0x33: this.sp = (this.sp + 1) & 0xffff; { this.used += 6; continue; }
        case 0x34: { const a = ((this.h << 8) | this.l); this.wr(a, this.inc8(this.rd(a))); { this.used += 11; continue; } }
        case 0x35: { const a = ((this.h << 8) | this.l); this.wr(a, this.dec8(this.rd(a))); { this.used += 11; continue; } }
        case 0x36: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.wr((this.h << 8) | this.l, n); { this.used += 10; continue; } }
        case 0x37: // SCF: X/Y = (Q ^ F) | A (Rak): from A when the previous instruction wrote F, else F|A
          this.q = this.f = (this.f & (FS | FZ | FPV)) | FC | (((this.lastQ ^ this.f) | this.a) & FXY);
          { this.used += 4; continue; }
        case 0x38: {
          const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
          if (!((this.f & FC) !== 0)) { this.used += 7; continue; }
          this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
          { this.used += 12; continue; }
        }
        case 0x39: this.setHl(this.add16(((this.h << 8) | this.l), this.sp)); { this.used += 11; continue; }
        case 0x3a: { const a = this.imm16(); this.a = this.rd(a); this.wz = (a + 1) & 0xffff; { this.used += 13; continue; } }
        case 0x3b: this.sp = (this.sp - 1) & 0xffff; { this.used += 6; continue; }
        case 0x3c: this.a = this.inc8(this.a); { this.used += 4; continue; }
        case 0x3d: this.a = this.dec8(this.a); { this.used += 4; continue; }
        case 0x3e: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.a = n; { this.used += 7; continue; } }
        case 0x3f: { // CCF: H = old C
          const f = this.f;
          this.q = this.f = ((f & (FS | FZ | FPV)) | ((f & FC) << 4) | (((this.lastQ ^ f) | this.a) & FXY) | (f & FC)) ^ FC;
          { this.used += 4; continue; }
        }

        case 0x40: { this.used += 4; continue; }
        case 0x41: this.b = this.c; { this.used += 4; continue; }
        case 0x42: this.b = this.d; { this.used += 4; continue; }
        case 0x43: this.b = this.e; { this.used += 4; continue; }
        case 0x44: this.b = this.h; { this.used += 4; continue; }
        case 0x45: this.b = this.l; { this.used += 4; continue; }
        case 0x46: this.b = this.rd(((this.h << 8) | this.l)); { this.used += 7; continue; }
        case 0x47: this.b = this.a; { this.used += 4; continue; }
        case 0x48: this.c = this.b; { this.used += 4; continue; }
        case 0x49: { this.used += 4; continue; }
        case 0x4a: this.c = this.d; { this.used += 4; continue; }
        case 0x4b: this.c = this.e; { this.used += 4; continue; }
        case 0x4c: this.c = this.h; { this.used += 4; continue; }
        case 0x4d: this.c = this.l; { this.used += 4; continue; }
        case 0x4e: this.c = this.rd(((this.h << 8) | this.l)); { this.used += 7; continue; }
        case 0x4f: this.c = this.a; { this.used += 4; continue; }
        case 0x50: this.d = this.b; { this.used += 4; continue; }
        case 0x51: this.d = this.c; { this.used += 4; continue; }
        case 0x52: { this.used += 4; continue; }
        case 0x53: this.d = this.e; { this.used += 4; continue; }
        case 0x54: this.d = this.h; { this.used += 4; continue; }
        case 0x55: this.d = this.l; { this.used += 4; continue; }
        case 0x56: this.d = this.rd(((this.h << 8) | this.l)); { this.used += 7; continue; }
        case 0x57: this.d = this.a; { this.used += 4; continue; }
        case 0x58: this.e = this.b; { this.used += 4; continue; }
        case 0x59: this.e = this.c; { this.used += 4; continue; }
        case 0x5a: this.e = this.d; { this.used += 4; continue; }
        case 0x5b: { this.used += 4; continue; }
        case 0x5c: this.e = this.h; { this.used += 4; continue; }
        case 0x5d: this.e = this.l; { this.used += 4; continue; }
        case 0x5e: this.e = this.rd(((this.h << 8) | this.l)); { this.used += 7; continue; }
        case 0x5f: this.e = this.a; { this.used += 4; continue; }
        case 0x60: this.h = this.b; { this.used += 4; continue; }
        case 0x61: this.h = this.c; { this.used += 4; continue; }
        case 0x62: this.h = this.d; { this.used += 4; continue; }
        case 0x63: this.h = this.e; { this.used += 4; continue; }
        case 0x64: { this.used += 4; continue; }
        case 0x65: this.h = this.l; { this.used += 4; continue; }
        case 0x66: this.h = this.rd(((this.h << 8) | this.l)); { this.used += 7; continue; }
        case 0x67: this.h = this.a; { this.used += 4; continue; }
        case 0x68: this.l = this.b; { this.used += 4; continue; }
        case 0x69: this.l = this.c; { this.used += 4; continue; }
        case 0x6a: this.l = this.d; { this.used += 4; continue; }
        case 0x6b: this.l = this.e; { this.used += 4; continue; }
        case 0x6c: this.l = this.h; { this.used += 4; continue; }
        case 0x6d: { this.used += 4; continue; }
        case 0x6e: this.l = this.rd(((this.h << 8) | this.l)); { this.used += 7; continue; }
        case 0x6f: this.l = this.a; { this.used += 4; continue; }
        case 0x70: this.wr(((this.h << 8) | this.l), this.b); { this.used += 7; continue; }
        case 0x71: this.wr(((this.h << 8) | this.l), this.c); { this.used += 7; continue; }
        case 0x72: this.wr(((this.h << 8) | this.l), this.d); { this.used += 7; continue; }
        case 0x73: this.wr(((this.h << 8) | this.l), this.e); { this.used += 7; continue; }
        case 0x74: this.wr(((this.h << 8) | this.l), this.h); { this.used += 7; continue; }
        case 0x75: this.wr(((this.h << 8) | this.l), this.l); { this.used += 7; continue; }
        case 0x77: this.wr(((this.h << 8) | this.l), this.a); { this.used += 7; continue; }
        case 0x78: this.a = this.b; { this.used += 4; continue; }
        case 0x79: this.a = this.c; { this.used += 4; continue; }
        case 0x7a: this.a = this.d; { this.used += 4; continue; }
        case 0x7b: this.a = this.e; { this.used += 4; continue; }
        case 0x7c: this.a = this.h; { this.used += 4; continue; }
        case 0x7d: this.a = this.l; { this.used += 4; continue; }
        case 0x7e: this.a = this.rd(((this.h << 8) | this.l)); { this.used += 7; continue; }
        case 0x7f: { this.used += 4; continue; }
        case 0x80: this.add8(this.b); { this.used += 4; continue; }
        case 0x81: this.add8(this.c); { this.used += 4; continue; }
        case 0x82: this.add8(this.d); { this.used += 4; continue; }
        case 0x83: this.add8(this.e); { this.used += 4; continue; }
        case 0x84: this.add8(this.h); { this.used += 4; continue; }
        case 0x85: this.add8(this.l); { this.used += 4; continue; }
        case 0x86: this.add8(this.rd(((this.h << 8) | this.l))); { this.used += 7; continue; }
        case 0x87: this.add8(this.a); { this.used += 4; continue; }
        case 0x88: this.adc8(this.b); { this.used += 4; continue; }
        case 0x89: this.adc8(this.c); { this.used += 4; continue; }
        case 0x8a: this.adc8(this.d); { this.used += 4; continue; }
        case 0x8b: this.adc8(this.e); { this.used += 4; continue; }
        case 0x8c: this.adc8(this.h); { this.used += 4; continue; }
        case 0x8d: this.adc8(this.l); { this.used += 4; continue; }
        case 0x8e: this.adc8(this.rd(((this.h << 8) | this.l))); { this.used += 7; continue; }
        case 0x8f: this.adc8(this.a); { this.used += 4; continue; }
        case 0x90: this.sub8(this.b); { this.used += 4; continue; }
        case 0x91: this.sub8(this.c); { this.used += 4; continue; }
        case 0x92: this.sub8(this.d); { this.used += 4; continue; }
        case 0x93: this.sub8(this.e); { this.used += 4; continue; }
        case 0x94: this.sub8(this.h); { this.used += 4; continue; }
        case 0x95: this.sub8(this.l); { this.used += 4; continue; }
        case 0x96: this.sub8(this.rd(((this.h << 8) | this.l))); { this.used += 7; continue; }
        case 0x97: this.sub8(this.a); { this.used += 4; continue; }
        case 0x98: this.sbc8(this.b); { this.used += 4; continue; }
        case 0x99: this.sbc8(this.c); { this.used += 4; continue; }
        case 0x9a: this.sbc8(this.d); { this.used += 4; continue; }
        case 0x9b: this.sbc8(this.e); { this.used += 4; continue; }
        case 0x9c: this.sbc8(this.h); { this.used += 4; continue; }
        case 0x9d: this.sbc8(this.l); { this.used += 4; continue; }
        case 0x9e: this.sbc8(this.rd(((this.h << 8) | this.l))); { this.used += 7; continue; }
        case 0x9f: this.sbc8(this.a); { this.used += 4; continue; }
        case 0xa0: this.and8(this.b); { this.used += 4; continue; }
        case 0xa1: this.and8(this.c); { this.used += 4; continue; }
        case 0xa2: this.and8(this.d); { this.used += 4; continue; }
        case 0xa3: this.and8(this.e); { this.used += 4; continue; }
        case 0xa4: this.and8(this.h); { this.used += 4; continue; }
        case 0xa5: this.and8(this.l); { this.used += 4; continue; }
        case 0xa6: this.and8(this.rd(((this.h << 8) | this.l))); { this.used += 7; continue; }
        case 0xa7: this.and8(this.a); { this.used += 4; continue; }
        case 0xa8: this.xor8(this.b); { this.used += 4; continue; }
        case 0xa9: this.xor8(this.c); { this.used += 4; continue; }
        case 0xaa: this.xor8(this.d); { this.used += 4; continue; }
        case 0xab: this.xor8(this.e); { this.used += 4; continue; }
        case 0xac: this.xor8(this.h); { this.used += 4; continue; }
        case 0xad: this.xor8(this.l); { this.used += 4; continue; }
        case 0xae: this.xor8(this.rd(((this.h << 8) | this.l))); { this.used += 7; continue; }
        case 0xaf: this.xor8(this.a); { this.used += 4; continue; }
        case 0xb0: this.or8(this.b); { this.used += 4; continue; }
        case 0xb1: this.or8(this.c); { this.used += 4; continue; }
        case 0xb2: this.or8(this.d); { this.used += 4; continue; }
        case 0xb3: this.or8(this.e); { this.used += 4; continue; }
        case 0xb4: this.or8(this.h); { this.used += 4; continue; }
        case 0xb5: this.or8(this.l); { this.used += 4; continue; }
        case 0xb6: this.or8(this.rd(((this.h << 8) | this.l))); { this.used += 7; continue; }
        case 0xb7: this.or8(this.a); { this.used += 4; continue; }
        case 0xb8: this.cp8(this.b); { this.used += 4; continue; }
        case 0xb9: this.cp8(this.c); { this.used += 4; continue; }
        case 0xba: this.cp8(this.d); { this.used += 4; continue; }
        case 0xbb: this.cp8(this.e); { this.used += 4; continue; }
        case 0xbc: this.cp8(this.h); { this.used += 4; continue; }
        case 0xbd: this.cp8(this.l); { this.used += 4; continue; }
        case 0xbe: this.cp8(this.rd(((this.h << 8) | this.l))); { this.used += 7; continue; }
        case 0xbf: this.cp8(this.a); { this.used += 4; continue; }
        case 0x76: this.halted = 1; { this.used += 4; continue; }

        case 0xc0: { this.used += this.retCc((this.f & FZ) === 0); continue; }
        case 0xc1: this.c = this.rd(this.sp); this.b = this.rd((this.sp + 1) & 0xffff); this.sp = (this.sp + 2) & 0xffff; { this.used += 10; continue; }
        case 0xc2: { this.used += this.jpCc((this.f & FZ) === 0); continue; }
        case 0xc3: this.pc = this.wz = this.imm16(); { this.used += 10; continue; }
        case 0xc4: { this.used += this.callCc((this.f & FZ) === 0); continue; }
        case 0xc5: this.push((this.b << 8) | this.c); { this.used += 11; continue; }
        case 0xc6: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.add8(n); { this.used += 7; continue; } }
        case 0xc7: { this.used += this.rst(0x00); continue; }
        case 0xc8: { this.used += this.retCc((this.f & FZ) !== 0); continue; }
        case 0xc9: this.pc = this.wz = this.pop(); { this.used += 10; continue; }
        case 0xca: { this.used += this.jpCc((this.f & FZ) !== 0); continue; }
        case 0xcb: { this.used += this.execCB(); continue; }
        case 0xcc: { this.used += this.callCc((this.f & FZ) !== 0); continue; }
        case 0xcd: { const a = this.imm16(); this.wz = a; this.push(this.pc); this.pc = a; { this.used += 17; continue; } }
        case 0xce: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.adc8(n); { this.used += 7; continue; } }
        case 0xcf: { this.used += this.rst(0x08); continue; }

        case 0xd0: { this.used += this.retCc((this.f & FC) === 0); continue; }
        case 0xd1: this.e = this.rd(this.sp); this.d = this.rd((this.sp + 1) & 0xffff); this.sp = (this.sp + 2) & 0xffff; { this.used += 10; continue; }
        case 0xd2: { this.used += this.jpCc((this.f & FC) === 0); continue; }
        case 0xd3: { // OUT (n),A: A drives A15-A8 (UM0080); WZ low = n+1, high = A
          const n = this.imm8();
          this.io.write8((this.a << 8) | n, this.a);
          this.wz = ((n + 1) & 0xff) | (this.a << 8);
          { this.used += 11; continue; }
        }
        case 0xd4: { this.used += this.callCc((this.f & FC) === 0); continue; }
        case 0xd5: this.push((this.d << 8) | this.e); { this.used += 11; continue; }
        case 0xd6: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.sub8(n); { this.used += 7; continue; } }
        case 0xd7: { this.used += this.rst(0x10); continue; }
        case 0xd8: { this.used += this.retCc((this.f & FC) !== 0); continue; }
        case 0xd9: {
          let t = this.bc_; this.bc_ = (this.b << 8) | this.c; this.b = t >> 8; this.c = t & 0xff;
          t = this.de_; this.de_ = (this.d << 8) | this.e; this.d = t >> 8; this.e = t & 0xff;
          t = this.hl_; this.hl_ = (this.h << 8) | this.l; this.h = t >> 8; this.l = t & 0xff;
          { this.used += 4; continue; }
        }
        case 0xda: { this.used += this.jpCc((this.f & FC) !== 0); continue; }
        case 0xdb: { // IN A,(n): A drives A15-A8
          const port = (this.a << 8) | this.imm8();
          this.a = this.io.read8(port);
          this.wz = (port + 1) & 0xffff;
          { this.used += 11; continue; }
        }
        case 0xdc: { this.used += this.callCc((this.f & FC) !== 0); continue; }
        case 0xdd: { this.used += this.prefixed(0); continue; }
        case 0xde: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.sbc8(n); { this.used += 7; continue; } }
        case 0xdf: { this.used += this.rst(0x18); continue; }

        case 0xe0: { this.used += this.retCc((this.f & FPV) === 0); continue; }
        case 0xe1: this.l = this.rd(this.sp); this.h = this.rd((this.sp + 1) & 0xffff); this.sp = (this.sp + 2) & 0xffff; { this.used += 10; continue; }
        case 0xe2: { this.used += this.jpCc((this.f & FPV) === 0); continue; }
        case 0xe3: {
          const sp = this.sp, lo = this.rd(sp), hi = this.rd((sp + 1) & 0xffff);
          this.wr((sp + 1) & 0xffff, this.h); this.wr(sp, this.l);
          this.h = hi; this.l = lo; this.wz = (hi << 8) | lo;
          { this.used += 19; continue; }
        }
        case 0xe4: { this.used += this.callCc((this.f & FPV) === 0); continue; }
        case 0xe5: this.push((this.h << 8) | this.l); { this.used += 11; continue; }
        case 0xe6: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.and8(n); { this.used += 7; continue; } }
        case 0xe7: { this.used += this.rst(0x20); continue; }
        case 0xe8: { this.used += this.retCc((this.f & FPV) !== 0); continue; }
        case 0xe9: this.pc = ((this.h << 8) | this.l); { this.used += 4; continue; }
        case 0xea: { this.used += this.jpCc((this.f & FPV) !== 0); continue; }
        case 0xeb: { let t = this.d; this.d = this.h; this.h = t; t = this.e; this.e = this.l; this.l = t; { this.used += 4; continue; } }
        case 0xec: { this.used += this.callCc((this.f & FPV) !== 0); continue; }
        case 0xed: { this.used += this.execED(); continue; }
        case 0xee: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.xor8(n); { this.used += 7; continue; } }
        case 0xef: { this.used += this.rst(0x28); continue; }

        case 0xf0: { this.used += this.retCc((this.f & FS) === 0); continue; }
        case 0xf1: this.f = this.rd(this.sp); this.a = this.rd((this.sp + 1) & 0xffff); this.sp = (this.sp + 2) & 0xffff; { this.used += 10; continue; }
        case 0xf2: { this.used += this.jpCc((this.f & FS) === 0); continue; }
        case 0xf3: this.iff1 = 0; this.iff2 = 0; { this.used += 4; continue; }
        case 0xf4: { this.used += this.callCc((this.f & FS) === 0); continue; }
        case 0xf5: this.push((this.a << 8) | this.f); { this.used += 11; continue; }
        case 0xf6: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.or8(n); { this.used += 7; continue; } }
        case 0xf7: { this.used += this.rst(0x30); continue; }
        case 0xf8: { this.used += this.retCc((this.f & FS) !== 0); continue; }
        case 0xf9: this.sp = ((this.h << 8) | this.l); { this.used += 6; continue; }
        case 0xfa: { this.used += this.jpCc((this.f & FS) !== 0); continue; }
        case 0xfb: this.iff1 = 1; this.iff2 = 1; this.ei = 1; { this.used += 4; continue; }
        case 0xfc: { this.used += this.callCc((this.f & FS) !== 0); continue; }
        case 0xfd: { this.used += this.prefixed(1); continue; }
        case 0xfe: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.cp8(n); { this.used += 7; continue; } }
        default: { this.used += this.rst(0x38); continue; } // 0xff: the only opcode not listed above
      }
      // </generated:run-loop>
    }
    this.totalCycles += this.used;
    return this.used;
  }

  endSlice(): void { this.budget = 0; }
  sliceCycles(): number { return this.used; }

  setIrq(state: number): void { this.irqLine = state ? 1 : 0; }

  setNmi(state: number): void {
    const s = state ? 1 : 0;
    if (s === 1 && this.nmiLine === 0) this.nmiPending = 1;
    this.nmiLine = s;
  }

  pcValue(): number { return this.pc; }
  registerInfo(): readonly RegisterInfo[] { return REGISTERS; }

  getRegister(name: string): number {
    switch (name.toLowerCase()) {
      case 'pc': return this.pc;
      case 'sp': return this.sp;
      case 'af': return (this.a << 8) | this.f;
      case 'bc': return (this.b << 8) | this.c;
      case 'de': return (this.d << 8) | this.e;
      case 'hl': return (this.h << 8) | this.l;
      case 'ix': return this.ix;
      case 'iy': return this.iy;
      case 'af_': case "af'": return this.af_;
      case 'bc_': case "bc'": return this.bc_;
      case 'de_': case "de'": return this.de_;
      case 'hl_': case "hl'": return this.hl_;
      case 'a': return this.a;
      case 'f': return this.f;
      case 'b': return this.b;
      case 'c': return this.c;
      case 'd': return this.d;
      case 'e': return this.e;
      case 'h': return this.h;
      case 'l': return this.l;
      case 'i': return this.i;
      case 'r': return this.r;
      case 'wz': case 'memptr': return this.wz;
      case 'iff1': return this.iff1;
      case 'iff2': return this.iff2;
      case 'im': return this.im;
      case 'halted': return this.halted;
      case 'q': return this.q;
      case 'p': return this.p;
      case 'ei': return this.ei;
    }
    throw new Error(`z80: no register '${name}'`);
  }

  setRegister(name: string, value: number): void {
    const v8 = value & 0xff, v16 = value & 0xffff, v1 = value ? 1 : 0;
    switch (name.toLowerCase()) {
      case 'pc': this.pc = v16; return;
      case 'sp': this.sp = v16; return;
      case 'af': this.a = v16 >> 8; this.f = v16 & 0xff; return;
      case 'bc': this.b = v16 >> 8; this.c = v16 & 0xff; return;
      case 'de': this.d = v16 >> 8; this.e = v16 & 0xff; return;
      case 'hl': this.h = v16 >> 8; this.l = v16 & 0xff; return;
      case 'ix': this.ix = v16; return;
      case 'iy': this.iy = v16; return;
      case 'af_': case "af'": this.af_ = v16; return;
      case 'bc_': case "bc'": this.bc_ = v16; return;
      case 'de_': case "de'": this.de_ = v16; return;
      case 'hl_': case "hl'": this.hl_ = v16; return;
      case 'a': this.a = v8; return;
      case 'f': this.f = v8; return;
      case 'b': this.b = v8; return;
      case 'c': this.c = v8; return;
      case 'd': this.d = v8; return;
      case 'e': this.e = v8; return;
      case 'h': this.h = v8; return;
      case 'l': this.l = v8; return;
      case 'i': this.i = v8; return;
      case 'r': this.r = v8; return;
      case 'wz': case 'memptr': this.wz = v16; return;
      case 'iff1': this.iff1 = v1; return;
      case 'iff2': this.iff2 = v1; return;
      case 'im': this.im = value & 3; return;
      case 'halted': this.halted = v1; return;
      case 'q': this.q = v8; return;
      case 'p': this.p = v1; return;
      case 'ei': this.ei = v1; return;
    }
    throw new Error(`z80: no register '${name}'`);
  }

  disassemble(addr: number, peek: (addr: number) => number): Disassembly {
    return disassembleZ80(addr, peek);
  }

  serialize(s: Serializer): void {
    this.a = s.u8(this.a); this.f = s.u8(this.f); this.b = s.u8(this.b); this.c = s.u8(this.c);
    this.d = s.u8(this.d); this.e = s.u8(this.e); this.h = s.u8(this.h); this.l = s.u8(this.l);
    this.af_ = s.u16(this.af_); this.bc_ = s.u16(this.bc_); this.de_ = s.u16(this.de_); this.hl_ = s.u16(this.hl_);
    this.ix = s.u16(this.ix); this.iy = s.u16(this.iy); this.sp = s.u16(this.sp); this.pc = s.u16(this.pc);
    this.i = s.u8(this.i); this.r = s.u8(this.r); this.wz = s.u16(this.wz);
    this.iff1 = s.u8(this.iff1); this.iff2 = s.u8(this.iff2); this.im = s.u8(this.im); this.halted = s.u8(this.halted);
    this.q = s.u8(this.q); this.p = s.u8(this.p); this.ei = s.u8(this.ei);
    this.irqLine = s.u8(this.irqLine); this.nmiLine = s.u8(this.nmiLine); this.nmiPending = s.u8(this.nmiPending);
    this.instructions = s.f64(this.instructions); this.totalCycles = s.f64(this.totalCycles);
    this.haltCycles = s.f64(this.haltCycles);
  }

  // ---- interrupts -------------------------------------------------------------------------------

  /**
   * T-states (Zilog UM0080, "Interrupt Response" and the IM 0/1/2 and NMI timing figures): NMI 11 (5 T-state
   * M1 + two 3 T-state stack writes); IM 0 = the instruction's own count + 2 wait states of the acknowledge
   * cycle (RST 13, CALL 19); IM 1 13; IM 2 19 (ack M1 7 + two stack writes + two vector reads).
   */
  private acceptInterrupt(): number {
    this.halted = 0; // PC already points past the HALT opcode, so it is what gets pushed
    this.r = (this.r & 0x80) | ((this.r + 1) & 0x7f);
    this.lastQ = this.q;
    this.q = 0;
    this.ei = 0;
    if (this.nmiPending !== 0) {
      this.nmiPending = 0;
      this.p = 0;
      this.iff1 = 0; // IFF2 keeps the pre-NMI state for RETN
      this.push(this.pc);
      this.pc = 0x0066;
      this.wz = 0x0066;
      return 11;
    }
    // Young §5.2: on NMOS parts an IRQ accepted right after LD A,I / LD A,R leaves P/V reset, because the
    // flag is latched after IFF2 was cleared by the acceptance.
    if (this.p !== 0) this.f &= ~FPV;
    this.p = 0;
    this.iff1 = 0;
    this.iff2 = 0;
    const bus = this.irqAck() & 0xff;
    switch (this.im) {
      case 2: {
        const vec = (this.i << 8) | bus;
        this.push(this.pc);
        this.pc = this.rd(vec) | (this.rd((vec + 1) & 0xffff) << 8);
        this.wz = this.pc;
        return 19;
      }
      case 1:
        this.push(this.pc);
        this.pc = 0x0038;
        this.wz = 0x0038;
        return 13;
      default:
        if ((bus & 0xc7) === 0xc7) { // RST p
          this.push(this.pc);
          this.pc = bus & 0x38;
          this.wz = this.pc;
          return 13;
        }
        if (bus === 0xcd) { // CALL nn: the two operand bytes come from further acknowledge reads
          const lo = this.irqAck() & 0xff;
          const nn = lo | ((this.irqAck() & 0xff) << 8);
          this.push(this.pc);
          this.pc = nn;
          this.wz = nn;
          return 19;
        }
        // Any other single-byte instruction runs as fetched from the bus, PC not advanced.
        return 2 + this.execMain(bus);
    }
  }

  // ---- bus helpers ------------------------------------------------------------------------------

  // Page lookups inlined from AddressSpace.read8/write8 (same tables; handler pages fall back to the space).
  private rd(addr: number): number {
    const o = this.rdBase[addr >> 8];
    return o >= 0 ? this.mem[o + (addr & 0xff)] : this.program.read8(addr);
  }
  private wr(addr: number, v: number): void {
    const o = this.wrBase[addr >> 8];
    if (o >= 0) this.mem[o + (addr & 0xff)] = v;
    else this.program.write8(addr, v);
  }

  private imm8(): number {
    const pc = this.pc, o = this.rdBase[pc >> 8];
    this.pc = (pc + 1) & 0xffff;
    return o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
  }

  private imm16(): number {
    const lo = this.imm8();
    return lo | (this.imm8() << 8);
  }

  private push(v: number): void {
    this.sp = (this.sp - 1) & 0xffff;
    this.wr(this.sp, v >> 8);
    this.sp = (this.sp - 1) & 0xffff;
    this.wr(this.sp, v & 0xff);
  }

  private pop(): number {
    const lo = this.rd(this.sp);
    const hi = this.rd((this.sp + 1) & 0xffff);
    this.sp = (this.sp + 2) & 0xffff;
    return lo | (hi << 8);
  }

  private hl(): number { return (this.h << 8) | this.l; }
  private setHl(v: number): void { this.h = v >> 8; this.l = v & 0xff; }
  private bc(): number { return (this.b << 8) | this.c; }
  private de(): number { return (this.d << 8) | this.e; }

  /** (IX+d)/(IY+d): fetch d, form the address, latch it in WZ. */
  private xyDisp(): number {
    const d = this.imm8();
    const addr = (this.xy + ((d << 24) >> 24)) & 0xffff;
    this.wz = addr;
    return addr;
  }

  // ---- ALU ----------------------------------------------------------------------------------------

  private add8(v: number): void {
    const a = this.a, r = a + v;
    this.a = r & 0xff;
    this.q = this.f = SZ[r & 0xff] | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ r) & (v ^ r) & 0x80) >> 5);
  }
  private adc8(v: number): void {
    const a = this.a, r = a + v + (this.f & FC);
    this.a = r & 0xff;
    this.q = this.f = SZ[r & 0xff] | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ r) & (v ^ r) & 0x80) >> 5);
  }
  private sub8(v: number): void {
    const a = this.a, r = a - v;
    this.a = r & 0xff;
    this.q = this.f = SZ[r & 0xff] | FN | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ v) & (a ^ r) & 0x80) >> 5);
  }
  private sbc8(v: number): void {
    const a = this.a, r = a - v - (this.f & FC);
    this.a = r & 0xff;
    this.q = this.f = SZ[r & 0xff] | FN | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) | (((a ^ v) & (a ^ r) & 0x80) >> 5);
  }
  private and8(v: number): void { this.a &= v; this.q = this.f = SZP[this.a] | FH; }
  private xor8(v: number): void { this.a ^= v; this.q = this.f = SZP[this.a]; }
  private or8(v: number): void { this.a |= v; this.q = this.f = SZP[this.a]; }
  /** CP takes X/Y from the operand, not the result (Young §4.1). */
  private cp8(v: number): void {
    const a = this.a, r = a - v;
    this.q = this.f = (SZ[r & 0xff] & (FS | FZ)) | (v & FXY) | FN | ((r >> 8) & FC) | ((a ^ v ^ r) & FH) |
      (((a ^ v) & (a ^ r) & 0x80) >> 5);
  }
  private inc8(v: number): number {
    const r = (v + 1) & 0xff;
    this.q = this.f = (this.f & FC) | INC_F[r];
    return r;
  }
  private dec8(v: number): number {
    const r = (v - 1) & 0xff;
    this.q = this.f = (this.f & FC) | DEC_F[r];
    return r;
  }

  /** ADD HL/IX/IY,rr: S, Z, P/V kept; H from bit 11, X/Y from the high byte; WZ = operand+1. */
  private add16(x: number, v: number): number {
    const r = x + v;
    this.wz = (x + 1) & 0xffff;
    this.q = this.f = (this.f & (FS | FZ | FPV)) | ((r >> 16) & FC) | ((r >> 8) & FXY) | (((x ^ v ^ r) >> 8) & FH);
    return r & 0xffff;
  }
  private adcHl(v: number): void {
    const x = ((this.h << 8) | this.l), r = x + v + (this.f & FC);
    this.wz = (x + 1) & 0xffff;
    this.q = this.f = ((r >> 8) & (FS | FXY)) | ((r & 0xffff) === 0 ? FZ : 0) | (((x ^ v ^ r) >> 8) & FH) |
      (((x ^ r) & (v ^ r) & 0x8000) >> 13) | ((r >> 16) & FC);
    this.setHl(r & 0xffff);
  }
  private sbcHl(v: number): void {
    const x = ((this.h << 8) | this.l), r = x - v - (this.f & FC);
    this.wz = (x + 1) & 0xffff;
    this.q = this.f = ((r >> 8) & (FS | FXY)) | ((r & 0xffff) === 0 ? FZ : 0) | FN | (((x ^ v ^ r) >> 8) & FH) |
      (((x ^ v) & (x ^ r) & 0x8000) >> 13) | ((r >> 16) & FC);
    this.setHl(r & 0xffff);
  }

  /** CB-page rotates and shifts, selected by bits 5-3: RLC RRC RL RR SLA SRA SLL SRL. */
  private rot(y: number, v: number): number {
    let r: number, c: number;
    switch (y) {
      case 0: c = v >> 7; r = ((v << 1) | c) & 0xff; break;
      case 1: c = v & 1; r = (v >> 1) | (c << 7); break;
      case 2: c = v >> 7; r = ((v << 1) | (this.f & FC)) & 0xff; break;
      case 3: c = v & 1; r = (v >> 1) | ((this.f & FC) << 7); break;
      case 4: c = v >> 7; r = (v << 1) & 0xff; break;
      case 5: c = v & 1; r = (v >> 1) | (v & 0x80); break;
      case 6: c = v >> 7; r = ((v << 1) | 1) & 0xff; break; // SLL (undocumented): shifts a 1 in
      default: c = v & 1; r = v >> 1; break;
    }
    this.q = this.f = SZP[r] | c;
    return r;
  }

  private daa(): void {
    const a = this.a;
    let corr = 0, c = this.f & FC;
    if ((this.f & FH) !== 0 || (a & 0x0f) > 9) corr = 0x06;
    if (c !== 0 || a > 0x99) { corr |= 0x60; c = FC; }
    const r = ((this.f & FN) !== 0 ? a - corr : a + corr) & 0xff;
    this.a = r;
    this.q = this.f = SZP[r] | (this.f & FN) | c | ((a ^ r) & FH);
  }

  // ---- main page ----------------------------------------------------------------------------------

  /** Executes an unprefixed opcode (already fetched); returns its T-states (UM0080 instruction tables). */
  private execMain(op: number): number {
    // @switch-begin (gen-run-loop.mjs copies this switch into run())
    switch (op) {
      case 0x00: return 4;
      case 0x01: this.c = this.imm8(); this.b = this.imm8(); return 10;
      case 0x02: { const a = ((this.b << 8) | this.c); this.wr(a, this.a); this.wz = ((a + 1) & 0xff) | (this.a << 8); return 7; }
      case 0x03: if (++this.c === 0x100) { this.c = 0; this.b = (this.b + 1) & 0xff; } return 6;
      case 0x04: this.b = this.inc8(this.b); return 4;
      case 0x05: this.b = this.dec8(this.b); return 4;
      case 0x06: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.b = n; return 7; }
      case 0x07: {
        const a = this.a;
        this.a = ((a << 1) | (a >> 7)) & 0xff;
        this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & (FXY | FC));
        return 4;
      }
      case 0x08: {
        const t = (this.a << 8) | this.f;
        this.a = this.af_ >> 8; this.f = this.af_ & 0xff; this.af_ = t;
        return 4;
      }
      case 0x09: this.setHl(this.add16(((this.h << 8) | this.l), ((this.b << 8) | this.c))); return 11;
      case 0x0a: { const a = ((this.b << 8) | this.c); this.a = this.rd(a); this.wz = (a + 1) & 0xffff; return 7; }
      case 0x0b: if (--this.c < 0) { this.c = 0xff; this.b = (this.b - 1) & 0xff; } return 6;
      case 0x0c: this.c = this.inc8(this.c); return 4;
      case 0x0d: this.c = this.dec8(this.c); return 4;
      case 0x0e: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.c = n; return 7; }
      case 0x0f: {
        const a = this.a, c = a & 1;
        this.a = (a >> 1) | (c << 7);
        this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & FXY) | c;
        return 4;
      }

      case 0x10: {
        const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
        this.b = (this.b - 1) & 0xff;
        if (this.b === 0) return 8;
        this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
        return 13;
      }
      case 0x11: this.e = this.imm8(); this.d = this.imm8(); return 10;
      case 0x12: { const a = ((this.d << 8) | this.e); this.wr(a, this.a); this.wz = ((a + 1) & 0xff) | (this.a << 8); return 7; }
      case 0x13: if (++this.e === 0x100) { this.e = 0; this.d = (this.d + 1) & 0xff; } return 6;
      case 0x14: this.d = this.inc8(this.d); return 4;
      case 0x15: this.d = this.dec8(this.d); return 4;
      case 0x16: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.d = n; return 7; }
      case 0x17: {
        const a = this.a;
        this.a = ((a << 1) | (this.f & FC)) & 0xff;
        this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & FXY) | (a >> 7);
        return 4;
      }
      case 0x18: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff; return 12; }
      case 0x19: this.setHl(this.add16(((this.h << 8) | this.l), ((this.d << 8) | this.e))); return 11;
      case 0x1a: { const a = ((this.d << 8) | this.e); this.a = this.rd(a); this.wz = (a + 1) & 0xffff; return 7; }
      case 0x1b: if (--this.e < 0) { this.e = 0xff; this.d = (this.d - 1) & 0xff; } return 6;
      case 0x1c: this.e = this.inc8(this.e); return 4;
      case 0x1d: this.e = this.dec8(this.e); return 4;
      case 0x1e: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.e = n; return 7; }
      case 0x1f: {
        const a = this.a;
        this.a = (a >> 1) | ((this.f & FC) << 7);
        this.q = this.f = (this.f & (FS | FZ | FPV)) | (this.a & FXY) | (a & FC);
        return 4;
      }

      case 0x20: {
        const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
        if (!((this.f & FZ) === 0)) return 7;
        this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
        return 12;
      }
      case 0x21: this.l = this.imm8(); this.h = this.imm8(); return 10;
      case 0x22: { const a = this.imm16(); this.wr(a, this.l); this.wr((a + 1) & 0xffff, this.h); this.wz = (a + 1) & 0xffff; return 16; }
      case 0x23: if (++this.l === 0x100) { this.l = 0; this.h = (this.h + 1) & 0xff; } return 6;
      case 0x24: this.h = this.inc8(this.h); return 4;
      case 0x25: this.h = this.dec8(this.h); return 4;
      case 0x26: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.h = n; return 7; }
      case 0x27: this.daa(); return 4;
      case 0x28: {
        const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
        if (!((this.f & FZ) !== 0)) return 7;
        this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
        return 12;
      }
      case 0x29: this.setHl(this.add16(((this.h << 8) | this.l), ((this.h << 8) | this.l))); return 11;
      case 0x2a: { const a = this.imm16(); this.l = this.rd(a); this.h = this.rd((a + 1) & 0xffff); this.wz = (a + 1) & 0xffff; return 16; }
      case 0x2b: if (--this.l < 0) { this.l = 0xff; this.h = (this.h - 1) & 0xff; } return 6;
      case 0x2c: this.l = this.inc8(this.l); return 4;
      case 0x2d: this.l = this.dec8(this.l); return 4;
      case 0x2e: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.l = n; return 7; }
      case 0x2f: this.a ^= 0xff; this.q = this.f = (this.f & (FS | FZ | FPV | FC)) | FH | FN | (this.a & FXY); return 4;

      case 0x30: {
        const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
        if (!((this.f & FC) === 0)) return 7;
        this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
        return 12;
      }
      case 0x31: this.sp = this.imm16(); return 10;
      case 0x32: { const a = this.imm16(); this.wr(a, this.a); this.wz = ((a + 1) & 0xff) | (this.a << 8); return 13; }
      case 0x33: this.sp = (this.sp + 1) & 0xffff; return 6;
      case 0x34: { const a = ((this.h << 8) | this.l); this.wr(a, this.inc8(this.rd(a))); return 11; }
      case 0x35: { const a = ((this.h << 8) | this.l); this.wr(a, this.dec8(this.rd(a))); return 11; }
      case 0x36: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.wr((this.h << 8) | this.l, n); return 10; }
      case 0x37: // SCF: X/Y = (Q ^ F) | A (Rak): from A when the previous instruction wrote F, else F|A
        this.q = this.f = (this.f & (FS | FZ | FPV)) | FC | (((this.lastQ ^ this.f) | this.a) & FXY);
        return 4;
      case 0x38: {
        const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);
        if (!((this.f & FC) !== 0)) return 7;
        this.pc = this.wz = (pc + 1 + ((n << 24) >> 24)) & 0xffff;
        return 12;
      }
      case 0x39: this.setHl(this.add16(((this.h << 8) | this.l), this.sp)); return 11;
      case 0x3a: { const a = this.imm16(); this.a = this.rd(a); this.wz = (a + 1) & 0xffff; return 13; }
      case 0x3b: this.sp = (this.sp - 1) & 0xffff; return 6;
      case 0x3c: this.a = this.inc8(this.a); return 4;
      case 0x3d: this.a = this.dec8(this.a); return 4;
      case 0x3e: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.a = n; return 7; }
      case 0x3f: { // CCF: H = old C
        const f = this.f;
        this.q = this.f = ((f & (FS | FZ | FPV)) | ((f & FC) << 4) | (((this.lastQ ^ f) | this.a) & FXY) | (f & FC)) ^ FC;
        return 4;
      }

      case 0x40: return 4;
      case 0x41: this.b = this.c; return 4;
      case 0x42: this.b = this.d; return 4;
      case 0x43: this.b = this.e; return 4;
      case 0x44: this.b = this.h; return 4;
      case 0x45: this.b = this.l; return 4;
      case 0x46: this.b = this.rd(((this.h << 8) | this.l)); return 7;
      case 0x47: this.b = this.a; return 4;
      case 0x48: this.c = this.b; return 4;
      case 0x49: return 4;
      case 0x4a: this.c = this.d; return 4;
      case 0x4b: this.c = this.e; return 4;
      case 0x4c: this.c = this.h; return 4;
      case 0x4d: this.c = this.l; return 4;
      case 0x4e: this.c = this.rd(((this.h << 8) | this.l)); return 7;
      case 0x4f: this.c = this.a; return 4;
      case 0x50: this.d = this.b; return 4;
      case 0x51: this.d = this.c; return 4;
      case 0x52: return 4;
      case 0x53: this.d = this.e; return 4;
      case 0x54: this.d = this.h; return 4;
      case 0x55: this.d = this.l; return 4;
      case 0x56: this.d = this.rd(((this.h << 8) | this.l)); return 7;
      case 0x57: this.d = this.a; return 4;
      case 0x58: this.e = this.b; return 4;
      case 0x59: this.e = this.c; return 4;
      case 0x5a: this.e = this.d; return 4;
      case 0x5b: return 4;
      case 0x5c: this.e = this.h; return 4;
      case 0x5d: this.e = this.l; return 4;
      case 0x5e: this.e = this.rd(((this.h << 8) | this.l)); return 7;
      case 0x5f: this.e = this.a; return 4;
      case 0x60: this.h = this.b; return 4;
      case 0x61: this.h = this.c; return 4;
      case 0x62: this.h = this.d; return 4;
      case 0x63: this.h = this.e; return 4;
      case 0x64: return 4;
      case 0x65: this.h = this.l; return 4;
      case 0x66: this.h = this.rd(((this.h << 8) | this.l)); return 7;
      case 0x67: this.h = this.a; return 4;
      case 0x68: this.l = this.b; return 4;
      case 0x69: this.l = this.c; return 4;
      case 0x6a: this.l = this.d; return 4;
      case 0x6b: this.l = this.e; return 4;
      case 0x6c: this.l = this.h; return 4;
      case 0x6d: return 4;
      case 0x6e: this.l = this.rd(((this.h << 8) | this.l)); return 7;
      case 0x6f: this.l = this.a; return 4;
      case 0x70: this.wr(((this.h << 8) | this.l), this.b); return 7;
      case 0x71: this.wr(((this.h << 8) | this.l), this.c); return 7;
      case 0x72: this.wr(((this.h << 8) | this.l), this.d); return 7;
      case 0x73: this.wr(((this.h << 8) | this.l), this.e); return 7;
      case 0x74: this.wr(((this.h << 8) | this.l), this.h); return 7;
      case 0x75: this.wr(((this.h << 8) | this.l), this.l); return 7;
      case 0x77: this.wr(((this.h << 8) | this.l), this.a); return 7;
      case 0x78: this.a = this.b; return 4;
      case 0x79: this.a = this.c; return 4;
      case 0x7a: this.a = this.d; return 4;
      case 0x7b: this.a = this.e; return 4;
      case 0x7c: this.a = this.h; return 4;
      case 0x7d: this.a = this.l; return 4;
      case 0x7e: this.a = this.rd(((this.h << 8) | this.l)); return 7;
      case 0x7f: return 4;
      case 0x80: this.add8(this.b); return 4;
      case 0x81: this.add8(this.c); return 4;
      case 0x82: this.add8(this.d); return 4;
      case 0x83: this.add8(this.e); return 4;
      case 0x84: this.add8(this.h); return 4;
      case 0x85: this.add8(this.l); return 4;
      case 0x86: this.add8(this.rd(((this.h << 8) | this.l))); return 7;
      case 0x87: this.add8(this.a); return 4;
      case 0x88: this.adc8(this.b); return 4;
      case 0x89: this.adc8(this.c); return 4;
      case 0x8a: this.adc8(this.d); return 4;
      case 0x8b: this.adc8(this.e); return 4;
      case 0x8c: this.adc8(this.h); return 4;
      case 0x8d: this.adc8(this.l); return 4;
      case 0x8e: this.adc8(this.rd(((this.h << 8) | this.l))); return 7;
      case 0x8f: this.adc8(this.a); return 4;
      case 0x90: this.sub8(this.b); return 4;
      case 0x91: this.sub8(this.c); return 4;
      case 0x92: this.sub8(this.d); return 4;
      case 0x93: this.sub8(this.e); return 4;
      case 0x94: this.sub8(this.h); return 4;
      case 0x95: this.sub8(this.l); return 4;
      case 0x96: this.sub8(this.rd(((this.h << 8) | this.l))); return 7;
      case 0x97: this.sub8(this.a); return 4;
      case 0x98: this.sbc8(this.b); return 4;
      case 0x99: this.sbc8(this.c); return 4;
      case 0x9a: this.sbc8(this.d); return 4;
      case 0x9b: this.sbc8(this.e); return 4;
      case 0x9c: this.sbc8(this.h); return 4;
      case 0x9d: this.sbc8(this.l); return 4;
      case 0x9e: this.sbc8(this.rd(((this.h << 8) | this.l))); return 7;
      case 0x9f: this.sbc8(this.a); return 4;
      case 0xa0: this.and8(this.b); return 4;
      case 0xa1: this.and8(this.c); return 4;
      case 0xa2: this.and8(this.d); return 4;
      case 0xa3: this.and8(this.e); return 4;
      case 0xa4: this.and8(this.h); return 4;
      case 0xa5: this.and8(this.l); return 4;
      case 0xa6: this.and8(this.rd(((this.h << 8) | this.l))); return 7;
      case 0xa7: this.and8(this.a); return 4;
      case 0xa8: this.xor8(this.b); return 4;
      case 0xa9: this.xor8(this.c); return 4;
      case 0xaa: this.xor8(this.d); return 4;
      case 0xab: this.xor8(this.e); return 4;
      case 0xac: this.xor8(this.h); return 4;
      case 0xad: this.xor8(this.l); return 4;
      case 0xae: this.xor8(this.rd(((this.h << 8) | this.l))); return 7;
      case 0xaf: this.xor8(this.a); return 4;
      case 0xb0: this.or8(this.b); return 4;
      case 0xb1: this.or8(this.c); return 4;
      case 0xb2: this.or8(this.d); return 4;
      case 0xb3: this.or8(this.e); return 4;
      case 0xb4: this.or8(this.h); return 4;
      case 0xb5: this.or8(this.l); return 4;
      case 0xb6: this.or8(this.rd(((this.h << 8) | this.l))); return 7;
      case 0xb7: this.or8(this.a); return 4;
      case 0xb8: this.cp8(this.b); return 4;
      case 0xb9: this.cp8(this.c); return 4;
      case 0xba: this.cp8(this.d); return 4;
      case 0xbb: this.cp8(this.e); return 4;
      case 0xbc: this.cp8(this.h); return 4;
      case 0xbd: this.cp8(this.l); return 4;
      case 0xbe: this.cp8(this.rd(((this.h << 8) | this.l))); return 7;
      case 0xbf: this.cp8(this.a); return 4;
      case 0x76: this.halted = 1; return 4;

      case 0xc0: return this.retCc((this.f & FZ) === 0);
      case 0xc1: this.c = this.rd(this.sp); this.b = this.rd((this.sp + 1) & 0xffff); this.sp = (this.sp + 2) & 0xffff; return 10;
      case 0xc2: return this.jpCc((this.f & FZ) === 0);
      case 0xc3: this.pc = this.wz = this.imm16(); return 10;
      case 0xc4: return this.callCc((this.f & FZ) === 0);
      case 0xc5: this.push((this.b << 8) | this.c); return 11;
      case 0xc6: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.add8(n); return 7; }
      case 0xc7: return this.rst(0x00);
      case 0xc8: return this.retCc((this.f & FZ) !== 0);
      case 0xc9: this.pc = this.wz = this.pop(); return 10;
      case 0xca: return this.jpCc((this.f & FZ) !== 0);
      case 0xcb: return this.execCB();
      case 0xcc: return this.callCc((this.f & FZ) !== 0);
      case 0xcd: { const a = this.imm16(); this.wz = a; this.push(this.pc); this.pc = a; return 17; }
      case 0xce: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.adc8(n); return 7; }
      case 0xcf: return this.rst(0x08);

      case 0xd0: return this.retCc((this.f & FC) === 0);
      case 0xd1: this.e = this.rd(this.sp); this.d = this.rd((this.sp + 1) & 0xffff); this.sp = (this.sp + 2) & 0xffff; return 10;
      case 0xd2: return this.jpCc((this.f & FC) === 0);
      case 0xd3: { // OUT (n),A: A drives A15-A8 (UM0080); WZ low = n+1, high = A
        const n = this.imm8();
        this.io.write8((this.a << 8) | n, this.a);
        this.wz = ((n + 1) & 0xff) | (this.a << 8);
        return 11;
      }
      case 0xd4: return this.callCc((this.f & FC) === 0);
      case 0xd5: this.push((this.d << 8) | this.e); return 11;
      case 0xd6: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.sub8(n); return 7; }
      case 0xd7: return this.rst(0x10);
      case 0xd8: return this.retCc((this.f & FC) !== 0);
      case 0xd9: {
        let t = this.bc_; this.bc_ = (this.b << 8) | this.c; this.b = t >> 8; this.c = t & 0xff;
        t = this.de_; this.de_ = (this.d << 8) | this.e; this.d = t >> 8; this.e = t & 0xff;
        t = this.hl_; this.hl_ = (this.h << 8) | this.l; this.h = t >> 8; this.l = t & 0xff;
        return 4;
      }
      case 0xda: return this.jpCc((this.f & FC) !== 0);
      case 0xdb: { // IN A,(n): A drives A15-A8
        const port = (this.a << 8) | this.imm8();
        this.a = this.io.read8(port);
        this.wz = (port + 1) & 0xffff;
        return 11;
      }
      case 0xdc: return this.callCc((this.f & FC) !== 0);
      case 0xdd: return this.prefixed(0);
      case 0xde: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.sbc8(n); return 7; }
      case 0xdf: return this.rst(0x18);

      case 0xe0: return this.retCc((this.f & FPV) === 0);
      case 0xe1: this.l = this.rd(this.sp); this.h = this.rd((this.sp + 1) & 0xffff); this.sp = (this.sp + 2) & 0xffff; return 10;
      case 0xe2: return this.jpCc((this.f & FPV) === 0);
      case 0xe3: {
        const sp = this.sp, lo = this.rd(sp), hi = this.rd((sp + 1) & 0xffff);
        this.wr((sp + 1) & 0xffff, this.h); this.wr(sp, this.l);
        this.h = hi; this.l = lo; this.wz = (hi << 8) | lo;
        return 19;
      }
      case 0xe4: return this.callCc((this.f & FPV) === 0);
      case 0xe5: this.push((this.h << 8) | this.l); return 11;
      case 0xe6: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.and8(n); return 7; }
      case 0xe7: return this.rst(0x20);
      case 0xe8: return this.retCc((this.f & FPV) !== 0);
      case 0xe9: this.pc = ((this.h << 8) | this.l); return 4;
      case 0xea: return this.jpCc((this.f & FPV) !== 0);
      case 0xeb: { let t = this.d; this.d = this.h; this.h = t; t = this.e; this.e = this.l; this.l = t; return 4; }
      case 0xec: return this.callCc((this.f & FPV) !== 0);
      case 0xed: return this.execED();
      case 0xee: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.xor8(n); return 7; }
      case 0xef: return this.rst(0x28);

      case 0xf0: return this.retCc((this.f & FS) === 0);
      case 0xf1: this.f = this.rd(this.sp); this.a = this.rd((this.sp + 1) & 0xffff); this.sp = (this.sp + 2) & 0xffff; return 10;
      case 0xf2: return this.jpCc((this.f & FS) === 0);
      case 0xf3: this.iff1 = 0; this.iff2 = 0; return 4;
      case 0xf4: return this.callCc((this.f & FS) === 0);
      case 0xf5: this.push((this.a << 8) | this.f); return 11;
      case 0xf6: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.or8(n); return 7; }
      case 0xf7: return this.rst(0x30);
      case 0xf8: return this.retCc((this.f & FS) !== 0);
      case 0xf9: this.sp = ((this.h << 8) | this.l); return 6;
      case 0xfa: return this.jpCc((this.f & FS) !== 0);
      case 0xfb: this.iff1 = 1; this.iff2 = 1; this.ei = 1; return 4;
      case 0xfc: return this.callCc((this.f & FS) !== 0);
      case 0xfd: return this.prefixed(1);
      case 0xfe: { const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc); this.cp8(n); return 7; }
      default: return this.rst(0x38); // 0xff: the only opcode not listed above
    }
    // @switch-end
  }

  private jpCc(cond: boolean): number {
    const a = this.imm16();
    this.wz = a;
    if (cond) this.pc = a;
    return 10;
  }
  private callCc(cond: boolean): number {
    const a = this.imm16();
    this.wz = a;
    if (!cond) return 10;
    this.push(this.pc);
    this.pc = a;
    return 17;
  }
  private retCc(cond: boolean): number {
    if (!cond) return 5;
    this.pc = this.wz = this.pop();
    return 11;
  }
  private rst(addr: number): number {
    this.push(this.pc);
    this.pc = this.wz = addr;
    return 11;
  }

  // ---- CB page ------------------------------------------------------------------------------------

  private execCB(): number {
    const op = this.imm8();
    this.r = (this.r & 0x80) | ((this.r + 1) & 0x7f); // the CB opcode byte is an M1 cycle
    const z = op & 7, y = (op >> 3) & 7;
    let v: number;
    switch (z) {
      case 0: v = this.b; break;
      case 1: v = this.c; break;
      case 2: v = this.d; break;
      case 3: v = this.e; break;
      case 4: v = this.h; break;
      case 5: v = this.l; break;
      case 6: v = this.rd(((this.h << 8) | this.l)); break;
      default: v = this.a; break;
    }
    let r: number;
    switch (op >> 6) {
      case 0: r = this.rot(y, v); break;
      case 1: {
        // BIT: X/Y come from the operand register, or for (HL) from WZ's high byte (MEMPTR doc).
        const m = v & (1 << y);
        this.q = this.f = (this.f & FC) | FH | (m === 0 ? FZ | FPV : 0) | (m & FS) | ((z === 6 ? this.wz >> 8 : v) & FXY);
        return z === 6 ? 12 : 8;
      }
      case 2: r = v & ~(1 << y); break;
      default: r = v | (1 << y); break;
    }
    switch (z) {
      case 0: this.b = r; return 8;
      case 1: this.c = r; return 8;
      case 2: this.d = r; return 8;
      case 3: this.e = r; return 8;
      case 4: this.h = r; return 8;
      case 5: this.l = r; return 8;
      case 6: this.wr(((this.h << 8) | this.l), r); return 15;
      default: this.a = r; return 8;
    }
  }

  // ---- DD / FD pages ------------------------------------------------------------------------------

  /** After a DD (iy=0) or FD (iy=1) prefix: fetch the next opcode (an M1) and run it on IX or IY. */
  private prefixed(iy: number): number {
    const op = this.imm8();
    this.r = (this.r & 0x80) | ((this.r + 1) & 0x7f);
    if (op === 0xdd || op === 0xfd || op === 0xed) {
      // The prefix only cost its 4 T-states; the next prefix (or ED) starts over (Young §3.2).
      return 4 + this.execMain(op);
    }
    this.xy = iy !== 0 ? this.iy : this.ix;
    const t = this.execIndexed(op);
    if (iy !== 0) this.iy = this.xy; else this.ix = this.xy;
    return t;
  }

  /** One DD/FD-prefixed opcode on `xy`; T-states include the prefix. Opcodes without H, L or (HL) run unchanged. */
  private execIndexed(op: number): number {
    switch (op) {
      case 0x09: this.xy = this.add16(this.xy, ((this.b << 8) | this.c)); return 15;
      case 0x19: this.xy = this.add16(this.xy, ((this.d << 8) | this.e)); return 15;
      case 0x21: this.xy = this.imm16(); return 14;
      case 0x22: { const a = this.imm16(); this.wr(a, this.xy & 0xff); this.wr((a + 1) & 0xffff, this.xy >> 8); this.wz = (a + 1) & 0xffff; return 20; }
      case 0x23: this.xy = (this.xy + 1) & 0xffff; return 10;
      case 0x24: this.xy = (this.xy & 0x00ff) | (this.inc8(this.xy >> 8) << 8); return 8;
      case 0x25: this.xy = (this.xy & 0x00ff) | (this.dec8(this.xy >> 8) << 8); return 8;
      case 0x26: this.xy = (this.xy & 0x00ff) | (this.imm8() << 8); return 11;
      case 0x29: this.xy = this.add16(this.xy, this.xy); return 15;
      case 0x2a: { const a = this.imm16(); this.xy = this.rd(a) | (this.rd((a + 1) & 0xffff) << 8); this.wz = (a + 1) & 0xffff; return 20; }
      case 0x2b: this.xy = (this.xy - 1) & 0xffff; return 10;
      case 0x2c: this.xy = (this.xy & 0xff00) | this.inc8(this.xy & 0xff); return 8;
      case 0x2d: this.xy = (this.xy & 0xff00) | this.dec8(this.xy & 0xff); return 8;
      case 0x2e: this.xy = (this.xy & 0xff00) | this.imm8(); return 11;
      case 0x34: { const a = this.xyDisp(); this.wr(a, this.inc8(this.rd(a))); return 23; }
      case 0x35: { const a = this.xyDisp(); this.wr(a, this.dec8(this.rd(a))); return 23; }
      case 0x36: { const a = this.xyDisp(); this.wr(a, this.imm8()); return 19; }
      case 0x39: this.xy = this.add16(this.xy, this.sp); return 15;
      case 0x40: return 8;
      case 0x44: this.b = (this.xy >> 8); return 8;
      case 0x45: this.b = (this.xy & 0xff); return 8;
      case 0x46: this.b = this.rd(this.xyDisp()); return 19;
      case 0x49: return 8;
      case 0x4c: this.c = (this.xy >> 8); return 8;
      case 0x4d: this.c = (this.xy & 0xff); return 8;
      case 0x4e: this.c = this.rd(this.xyDisp()); return 19;
      case 0x52: return 8;
      case 0x54: this.d = (this.xy >> 8); return 8;
      case 0x55: this.d = (this.xy & 0xff); return 8;
      case 0x56: this.d = this.rd(this.xyDisp()); return 19;
      case 0x5b: return 8;
      case 0x5c: this.e = (this.xy >> 8); return 8;
      case 0x5d: this.e = (this.xy & 0xff); return 8;
      case 0x5e: this.e = this.rd(this.xyDisp()); return 19;
      case 0x60: this.xy = (this.xy & 0x00ff) | (this.b << 8); return 8;
      case 0x61: this.xy = (this.xy & 0x00ff) | (this.c << 8); return 8;
      case 0x62: this.xy = (this.xy & 0x00ff) | (this.d << 8); return 8;
      case 0x63: this.xy = (this.xy & 0x00ff) | (this.e << 8); return 8;
      case 0x64: return 8;
      case 0x65: this.xy = (this.xy & 0x00ff) | ((this.xy & 0xff) << 8); return 8;
      case 0x66: this.h = this.rd(this.xyDisp()); return 19;
      case 0x67: this.xy = (this.xy & 0x00ff) | (this.a << 8); return 8;
      case 0x68: this.xy = (this.xy & 0xff00) | this.b; return 8;
      case 0x69: this.xy = (this.xy & 0xff00) | this.c; return 8;
      case 0x6a: this.xy = (this.xy & 0xff00) | this.d; return 8;
      case 0x6b: this.xy = (this.xy & 0xff00) | this.e; return 8;
      case 0x6c: this.xy = (this.xy & 0xff00) | (this.xy >> 8); return 8;
      case 0x6d: return 8;
      case 0x6e: this.l = this.rd(this.xyDisp()); return 19;
      case 0x6f: this.xy = (this.xy & 0xff00) | this.a; return 8;
      case 0x70: this.wr(this.xyDisp(), this.b); return 19;
      case 0x71: this.wr(this.xyDisp(), this.c); return 19;
      case 0x72: this.wr(this.xyDisp(), this.d); return 19;
      case 0x73: this.wr(this.xyDisp(), this.e); return 19;
      case 0x74: this.wr(this.xyDisp(), this.h); return 19;
      case 0x75: this.wr(this.xyDisp(), this.l); return 19;
      case 0x77: this.wr(this.xyDisp(), this.a); return 19;
      case 0x7c: this.a = (this.xy >> 8); return 8;
      case 0x7d: this.a = (this.xy & 0xff); return 8;
      case 0x7e: this.a = this.rd(this.xyDisp()); return 19;
      case 0x7f: return 8;
      case 0x84: this.add8((this.xy >> 8)); return 8;
      case 0x85: this.add8((this.xy & 0xff)); return 8;
      case 0x86: this.add8(this.rd(this.xyDisp())); return 19;
      case 0x8c: this.adc8((this.xy >> 8)); return 8;
      case 0x8d: this.adc8((this.xy & 0xff)); return 8;
      case 0x8e: this.adc8(this.rd(this.xyDisp())); return 19;
      case 0x94: this.sub8((this.xy >> 8)); return 8;
      case 0x95: this.sub8((this.xy & 0xff)); return 8;
      case 0x96: this.sub8(this.rd(this.xyDisp())); return 19;
      case 0x9c: this.sbc8((this.xy >> 8)); return 8;
      case 0x9d: this.sbc8((this.xy & 0xff)); return 8;
      case 0x9e: this.sbc8(this.rd(this.xyDisp())); return 19;
      case 0xa4: this.and8((this.xy >> 8)); return 8;
      case 0xa5: this.and8((this.xy & 0xff)); return 8;
      case 0xa6: this.and8(this.rd(this.xyDisp())); return 19;
      case 0xac: this.xor8((this.xy >> 8)); return 8;
      case 0xad: this.xor8((this.xy & 0xff)); return 8;
      case 0xae: this.xor8(this.rd(this.xyDisp())); return 19;
      case 0xb4: this.or8((this.xy >> 8)); return 8;
      case 0xb5: this.or8((this.xy & 0xff)); return 8;
      case 0xb6: this.or8(this.rd(this.xyDisp())); return 19;
      case 0xbc: this.cp8((this.xy >> 8)); return 8;
      case 0xbd: this.cp8((this.xy & 0xff)); return 8;
      case 0xbe: this.cp8(this.rd(this.xyDisp())); return 19;
      case 0xcb: return this.execIndexedCB();
      case 0xe1: this.xy = this.pop(); return 14;
      case 0xe3: {
        const sp = this.sp, lo = this.rd(sp), hi = this.rd((sp + 1) & 0xffff);
        this.wr((sp + 1) & 0xffff, this.xy >> 8); this.wr(sp, this.xy & 0xff);
        this.xy = this.wz = (hi << 8) | lo;
        return 23;
      }
      case 0xe5: this.push(this.xy); return 15;
      case 0xe9: this.pc = this.xy; return 8;
      case 0xf9: this.sp = this.xy; return 10;
      default: return 4 + this.execMain(op);
    }
  }

  /**
   * DD CB d op / FD CB d op: d and op are plain reads (not M1, R not counted). Results go to (XY+d) and,
   * for register encodings other than 6, also to that register (Young §3.5). BIT takes X/Y from WZ high.
   */
  private execIndexedCB(): number {
    const addr = this.xyDisp();
    const op = this.imm8();
    const v = this.rd(addr), y = (op >> 3) & 7;
    let r: number;
    switch (op >> 6) {
      case 0: r = this.rot(y, v); break;
      case 1: {
        const m = v & (1 << y);
        this.q = this.f = (this.f & FC) | FH | (m === 0 ? FZ | FPV : 0) | (m & FS) | ((addr >> 8) & FXY);
        return 20;
      }
      case 2: r = v & ~(1 << y); break;
      default: r = v | (1 << y); break;
    }
    this.wr(addr, r);
    switch (op & 7) {
      case 0: this.b = r; break;
      case 1: this.c = r; break;
      case 2: this.d = r; break;
      case 3: this.e = r; break;
      case 4: this.h = r; break;
      case 5: this.l = r; break;
      case 7: this.a = r; break;
    }
    return 23;
  }

  // ---- ED page ------------------------------------------------------------------------------------

  /** IN r,(C): BC on the address bus; S Z P from the byte, H N cleared, C kept; WZ = BC+1. */
  private inC(): number {
    const port = ((this.b << 8) | this.c), v = this.io.read8(port);
    this.wz = (port + 1) & 0xffff;
    this.q = this.f = (this.f & FC) | SZP[v];
    return v;
  }
  private outC(v: number): void {
    const port = ((this.b << 8) | this.c);
    this.io.write8(port, v);
    this.wz = (port + 1) & 0xffff;
  }
  private ldNnRr(v: number): number {
    const a = this.imm16();
    this.wr(a, v & 0xff);
    this.wr((a + 1) & 0xffff, v >> 8);
    this.wz = (a + 1) & 0xffff;
    return 20;
  }
  private ldRrNn(): number {
    const a = this.imm16();
    const v = this.rd(a) | (this.rd((a + 1) & 0xffff) << 8);
    this.wz = (a + 1) & 0xffff;
    return v;
  }
  private neg(): number { const v = this.a; this.a = 0; this.sub8(v); return 8; }
  /** RETN and RETI both copy IFF2 to IFF1 (UM0080; RETI differs only to Z80 peripherals watching the bus). */
  private retn(): number { this.iff1 = this.iff2; this.pc = this.wz = this.pop(); return 14; }

  private execED(): number {
    const op = this.imm8();
    this.r = (this.r & 0x80) | ((this.r + 1) & 0x7f);
    switch (op) {
      case 0x40: this.b = this.inC(); return 12;
      case 0x48: this.c = this.inC(); return 12;
      case 0x50: this.d = this.inC(); return 12;
      case 0x58: this.e = this.inC(); return 12;
      case 0x60: this.h = this.inC(); return 12;
      case 0x68: this.l = this.inC(); return 12;
      case 0x70: this.inC(); return 12; // IN (C) / IN F,(C): flags only
      case 0x78: this.a = this.inC(); return 12;
      case 0x41: this.outC(this.b); return 12;
      case 0x49: this.outC(this.c); return 12;
      case 0x51: this.outC(this.d); return 12;
      case 0x59: this.outC(this.e); return 12;
      case 0x61: this.outC(this.h); return 12;
      case 0x69: this.outC(this.l); return 12;
      case 0x71: this.outC(0); return 12; // OUT (C),0 on NMOS parts
      case 0x79: this.outC(this.a); return 12;
      case 0x42: this.sbcHl(((this.b << 8) | this.c)); return 15;
      case 0x52: this.sbcHl(((this.d << 8) | this.e)); return 15;
      case 0x62: this.sbcHl(((this.h << 8) | this.l)); return 15;
      case 0x72: this.sbcHl(this.sp); return 15;
      case 0x4a: this.adcHl(((this.b << 8) | this.c)); return 15;
      case 0x5a: this.adcHl(((this.d << 8) | this.e)); return 15;
      case 0x6a: this.adcHl(((this.h << 8) | this.l)); return 15;
      case 0x7a: this.adcHl(this.sp); return 15;
      case 0x43: return this.ldNnRr(((this.b << 8) | this.c));
      case 0x53: return this.ldNnRr(((this.d << 8) | this.e));
      case 0x63: return this.ldNnRr(((this.h << 8) | this.l));
      case 0x73: return this.ldNnRr(this.sp);
      case 0x4b: { const v = this.ldRrNn(); this.b = v >> 8; this.c = v & 0xff; return 20; }
      case 0x5b: { const v = this.ldRrNn(); this.d = v >> 8; this.e = v & 0xff; return 20; }
      case 0x6b: { const v = this.ldRrNn(); this.h = v >> 8; this.l = v & 0xff; return 20; }
      case 0x7b: this.sp = this.ldRrNn(); return 20;
      case 0x44: case 0x4c: case 0x54: case 0x5c: case 0x64: case 0x6c: case 0x74: case 0x7c: return this.neg();
      case 0x45: case 0x4d: case 0x55: case 0x5d: case 0x65: case 0x6d: case 0x75: case 0x7d: return this.retn();
      case 0x46: case 0x4e: case 0x56: case 0x5e: case 0x66: case 0x6e: case 0x76: case 0x7e:
        this.im = IM_OF_Y[(op >> 3) & 7];
        return 8;
      case 0x47: this.i = this.a; return 9;
      case 0x4f: this.r = this.a; return 9;
      case 0x57: // LD A,I: P/V = IFF2
        this.a = this.i;
        this.q = this.f = (this.f & FC) | SZ[this.a] | (this.iff2 !== 0 ? FPV : 0);
        this.p = 1;
        return 9;
      case 0x5f: // LD A,R
        this.a = this.r;
        this.q = this.f = (this.f & FC) | SZ[this.a] | (this.iff2 !== 0 ? FPV : 0);
        this.p = 1;
        return 9;
      case 0x67: { // RRD
        const a = ((this.h << 8) | this.l), v = this.rd(a);
        this.wr(a, ((this.a << 4) | (v >> 4)) & 0xff);
        this.a = (this.a & 0xf0) | (v & 0x0f);
        this.q = this.f = (this.f & FC) | SZP[this.a];
        this.wz = (a + 1) & 0xffff;
        return 18;
      }
      case 0x6f: { // RLD
        const a = ((this.h << 8) | this.l), v = this.rd(a);
        this.wr(a, ((v << 4) | (this.a & 0x0f)) & 0xff);
        this.a = (this.a & 0xf0) | (v >> 4);
        this.q = this.f = (this.f & FC) | SZP[this.a];
        this.wz = (a + 1) & 0xffff;
        return 18;
      }

      case 0xa0: this.ldi(1); return 16;
      case 0xa8: this.ldi(-1); return 16;
      case 0xb0: this.ldi(1); return this.ldRepeat();
      case 0xb8: this.ldi(-1); return this.ldRepeat();
      case 0xa1: this.cpi(1); return 16;
      case 0xa9: this.cpi(-1); return 16;
      case 0xb1: this.cpi(1); return (this.f & FZ) === 0 ? this.ldRepeat() : 16;
      case 0xb9: this.cpi(-1); return (this.f & FZ) === 0 ? this.ldRepeat() : 16;
      case 0xa2: this.ini(1); return 16;
      case 0xaa: this.ini(-1); return 16;
      case 0xb2: return this.ioRepeat(this.ini(1));
      case 0xba: return this.ioRepeat(this.ini(-1));
      case 0xa3: this.outi(1); return 16;
      case 0xab: this.outi(-1); return 16;
      case 0xb3: return this.ioRepeat(this.outi(1));
      case 0xbb: return this.ioRepeat(this.outi(-1));
      default: return 8; // undefined ED opcodes: an 8 T-state no-op (Young §3.3)
    }
  }

  /** LDI/LDD: X = bit 3 and Y = bit 1 of (byte + A); P/V = BC != 0. */
  private ldi(dir: number): void {
    const hl = ((this.h << 8) | this.l), de = ((this.d << 8) | this.e);
    const v = this.rd(hl);
    this.wr(de, v);
    this.setHl((hl + dir) & 0xffff);
    const nde = (de + dir) & 0xffff;
    this.d = nde >> 8; this.e = nde & 0xff;
    const bc = (((this.b << 8) | this.c) - 1) & 0xffff;
    this.b = bc >> 8; this.c = bc & 0xff;
    const n = v + this.a;
    this.q = this.f = (this.f & (FS | FZ | FC)) | (bc !== 0 ? FPV : 0) | (n & FX) | ((n << 4) & FY);
  }

  /** CPI/CPD: like CP without C; X/Y from (A - byte - H); WZ steps with HL. */
  private cpi(dir: number): void {
    const hl = ((this.h << 8) | this.l), v = this.rd(hl), r = this.a - v;
    this.setHl((hl + dir) & 0xffff);
    const bc = (((this.b << 8) | this.c) - 1) & 0xffff;
    this.b = bc >> 8; this.c = bc & 0xff;
    this.wz = (this.wz + dir) & 0xffff;
    const hf = (this.a ^ v ^ r) & FH;
    const n = r - (hf >> 4);
    this.q = this.f = (this.f & FC) | FN | (SZ[r & 0xff] & (FS | FZ)) | hf | (bc !== 0 ? FPV : 0) | (n & FX) | ((n << 4) & FY);
  }

  /**
   * LDIR/LDDR/CPIR/CPDR when BC != 0 (and, for CP, no match): PC steps back onto the instruction, WZ = PC+1,
   * and X/Y are taken from PC's high byte (Banks 2018; the vectors agree). 21 T-states.
   */
  private ldRepeat(): number {
    if (this.b === 0 && this.c === 0) return 16;
    this.pc = (this.pc - 2) & 0xffff;
    this.wz = (this.pc + 1) & 0xffff;
    this.q = this.f = (this.f & ~FXY) | ((this.pc >> 8) & FXY);
    return 21;
  }

  /** INI/IND: port BC is read before B is decremented; WZ = BC±1. Returns the byte. */
  private ini(dir: number): number {
    const port = ((this.b << 8) | this.c);
    const t = this.io.read8(port);
    this.wz = (port + dir) & 0xffff;
    this.b = (this.b - 1) & 0xff;
    const hl = ((this.h << 8) | this.l);
    this.wr(hl, t);
    this.setHl((hl + dir) & 0xffff);
    this.ioFlags(t, t + ((this.c + dir) & 0xff));
    return t;
  }

  /** OUTI/OUTD: B is decremented before BC goes out on the address bus; WZ = BC±1 (after the decrement). */
  private outi(dir: number): number {
    const hl = ((this.h << 8) | this.l);
    const t = this.rd(hl);
    this.b = (this.b - 1) & 0xff;
    const port = ((this.b << 8) | this.c);
    this.wz = (port + dir) & 0xffff;
    this.io.write8(port, t);
    this.setHl((hl + dir) & 0xffff);
    this.ioFlags(t, t + this.l);
    return t;
  }

  /** Block I/O flags (Young §4.3): S Z X Y from B, N = bit 7 of the byte, H = C = k > 255, P = parity((k & 7) ^ B). */
  private ioFlags(t: number, k: number): void {
    this.q = this.f = SZ[this.b] | ((t >> 6) & FN) | (k > 0xff ? FH | FC : 0) | (SZP[(k & 7) ^ this.b] & FPV);
  }

  /**
   * INIR/INDR/OTIR/OTDR: repeat while B != 0. A repeating step also changes X/Y (from PC's high byte), and
   * H and P/V as if B were decremented once more (Banks 2018; the vectors agree). 21 T-states.
   */
  private ioRepeat(t: number): number {
    const b = this.b;
    if (b === 0) return 16;
    this.pc = (this.pc - 2) & 0xffff;
    this.wz = (this.pc + 1) & 0xffff;
    const f = this.f;
    let pv = f & FPV, h = 0;
    if ((f & FC) !== 0) {
      if ((t & 0x80) !== 0) {
        pv ^= (SZP[(b - 1) & 7] & FPV) ^ FPV;
        h = (b & 0x0f) === 0x00 ? FH : 0;
      } else {
        pv ^= (SZP[(b + 1) & 7] & FPV) ^ FPV;
        h = (b & 0x0f) === 0x0f ? FH : 0;
      }
    } else {
      pv ^= (SZP[b & 7] & FPV) ^ FPV;
    }
    this.q = this.f = (f & ~(FXY | FH | FPV)) | ((this.pc >> 8) & FXY) | h | pv;
    return 21;
  }
}
