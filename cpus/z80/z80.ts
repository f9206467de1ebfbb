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
 * Model: registers are integer fields. The instructions are generated from the opcode table (z80.ops.ts →
 * tools/gen-z80.ts → z80.gen.ts): one `switch` per opcode page returning the instruction's T-states, and
 * the run loop with the main page inline so the common case costs no call. This file is the device:
 * state, reset, interrupts, HALT, debugger registers, save states. Memory goes through the program
 * space's page tables, read inline; handler pages fall back to `AddressSpace.read8/write8`. A DD/FD prefix
 * followed by another prefix is executed as a 4 T-state no-op chained to the next opcode in the same step,
 * so no interrupt is taken between them (as on the chip).
 *
 * Not emulated: the order and timing of bus accesses inside an instruction (`sliceCycles()` is exact at
 * instruction boundaries only); WAIT states; BUSREQ; IM 0 with instructions other than single-byte opcodes
 * and CALL nn on the data bus; CMOS differences (OUT (C),0 drives 0 as NMOS parts do).
 */
import type { CpuDevice, Disassembly, RegisterInfo } from '../../src/core/cpu';
import type { Serializer } from '../../src/core/device';
import { disassembleZ80 } from './z80.dasm';
import { F_PV } from './z80.alu';
import { Z80Exec } from './z80.gen';

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

export class Z80 extends Z80Exec implements CpuDevice {
  /** part name shown in the library and -listxml (class names do not survive minification) */
  readonly chipName = 'Zilog Z80';

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
    this.runSlice();
    this.totalCycles += this.used;
    return this.used;
  }

  /**
   * HALT: the chip keeps fetching (and ignoring) the next opcode, 4 T-states and one R step each, until an
   * interrupt; nothing else can change before the slice ends, so skip ahead in one go.
   */
  idleInHalt(): void {
    const n = Math.ceil((this.budget - this.used) / 4);
    this.r = (this.r & 0x80) | ((this.r + n) & 0x7f);
    this.used += 4 * n;
    this.haltCycles += 4 * n;
    this.q = 0; this.p = 0; this.ei = 0;
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
  acceptInterrupt(): number {
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
    if (this.p !== 0) this.f &= ~F_PV;
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
}
