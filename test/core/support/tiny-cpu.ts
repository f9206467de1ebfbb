/**
 * A test-only CPU with a seven-instruction ISA, used to prove the scheduler, timers, interrupts and
 * save states without depending on a real core. Each instruction has a fixed cycle count, so the
 * expected times in the tests are worked out by hand from this table:
 *
 *   00        NOP          2 cycles
 *   01 nn     LDA #nn      2
 *   02 lo hi  LDA addr     4
 *   03 lo hi  STA addr     4
 *   04 nn     ADD #nn      2
 *   05 lo hi  JMP addr     3
 *   06        WAI          2 per idle step (waits for an interrupt, like HALT)
 *   07        RTI          3 (returns and re-enables interrupts)
 *   08 lo hi  INC addr     6
 *   09        EI           2
 *
 * An interrupt (level, when enabled) costs 5 cycles: acknowledges (`irqAck`), saves the PC and jumps to
 * 0x0100 with interrupts off.
 */
import type { CpuDevice, Disassembly, RegisterInfo } from '../../../src/core/cpu';
import { Device, type Serializer } from '../../../src/core/device';
import type { AddressSpace } from '../../../src/core/memory';

const LENGTHS = [1, 2, 3, 3, 2, 3, 1, 1, 3, 1];
const NAMES = ['nop', 'lda #', 'lda', 'sta', 'add #', 'jmp', 'wai', 'rti', 'inc', 'ei'];

export class TinyCpu extends Device implements CpuDevice {
  a = 0;
  pc = 0;
  savedPc = 0;
  ie = 0;
  irqLine = 0;
  waiting = 0;
  private icount = 0;
  private budget = 0;
  /** interrupt acknowledge cycle (the machine clears a held line here); the returned byte is unused */
  irqAck: (level: number) => number = () => 0;
  /** (cycle-at-start-of-instruction within slice, opcode) log for tests; not machine state */
  trace: string[] | null = null;

  constructor(
    tag: string,
    clock: number,
    readonly program: AddressSpace,
  ) {
    super(tag, clock);
  }

  reset(): void {
    this.a = 0; this.pc = 0; this.savedPc = 0; this.ie = 0; this.waiting = 0;
  }

  serialize(s: Serializer): void {
    this.a = s.u8(this.a);
    this.pc = s.u16(this.pc);
    this.savedPc = s.u16(this.savedPc);
    this.ie = s.u8(this.ie);
    this.irqLine = s.u8(this.irqLine);
    this.waiting = s.u8(this.waiting);
  }

  setIrq(state: number): void { this.irqLine = state ? 1 : 0; }
  setNmi(_state: number): void {}
  endSlice(): void { this.budget -= this.icount; this.icount = 0; }
  sliceCycles(): number { return this.budget - this.icount; }
  pcValue(): number { return this.pc; }

  private fetch(): number {
    const v = this.program.read8(this.pc);
    this.pc = (this.pc + 1) & 0xffff;
    return v;
  }
  private word(): number { const lo = this.fetch(); return lo | (this.fetch() << 8); }

  run(budget: number): number {
    this.budget = budget;
    this.icount = budget;
    while (this.icount > 0) {
      if (this.irqLine && this.ie) {
        this.irqAck(0);
        this.savedPc = this.pc; this.pc = 0x0100; this.ie = 0; this.waiting = 0;
        this.icount -= 5;
        continue;
      }
      if (this.waiting) { this.icount -= 2; continue; }
      const op = this.fetch();
      switch (op) {
        case 0x00: this.icount -= 2; break;
        case 0x01: this.a = this.fetch(); this.icount -= 2; break;
        case 0x02: this.a = this.program.read8(this.word()); this.icount -= 4; break;
        case 0x03: { const ad = this.word(); this.icount -= 4; this.program.write8(ad, this.a); break; }
        case 0x04: this.a = (this.a + this.fetch()) & 0xff; this.icount -= 2; break;
        case 0x05: this.pc = this.word(); this.icount -= 3; break;
        case 0x06: this.waiting = 1; this.icount -= 2; break;
        case 0x07: this.pc = this.savedPc; this.ie = 1; this.icount -= 3; break;
        case 0x08: { const ad = this.word(); this.program.write8(ad, (this.program.read8(ad) + 1) & 0xff); this.icount -= 6; break; }
        case 0x09: this.ie = 1; this.icount -= 2; break;
        default: throw new Error(`TinyCpu: bad opcode ${op.toString(16)} at ${(this.pc - 1).toString(16)}`);
      }
    }
    return this.budget - this.icount;
  }

  registerInfo(): readonly RegisterInfo[] {
    return [{ name: 'a', bits: 8 }, { name: 'pc', bits: 16 }];
  }
  getRegister(name: string): number { return name === 'a' ? this.a : this.pc; }
  setRegister(name: string, v: number): void { if (name === 'a') this.a = v; else this.pc = v; }
  disassemble(addr: number, peek: (a: number) => number): Disassembly {
    const op = peek(addr);
    const len = LENGTHS[op] ?? 1;
    const arg = len === 2 ? peek(addr + 1) : len === 3 ? peek(addr + 1) | (peek(addr + 2) << 8) : -1;
    return { text: (NAMES[op] ?? '???') + (arg >= 0 ? ` $${arg.toString(16)}` : ''), length: len };
  }
}

/** Assembles the ISA above from [opcode, operand?] pairs; operands ≥ 0x100 or for word ops are words. */
export function assemble(program: (number | [number, number])[]): Uint8Array {
  const out: number[] = [];
  for (const ins of program) {
    if (typeof ins === 'number') { out.push(ins); continue; }
    const [op, arg] = ins;
    out.push(op);
    if (LENGTHS[op] === 2) out.push(arg & 0xff);
    else { out.push(arg & 0xff, (arg >> 8) & 0xff); }
  }
  return Uint8Array.from(out);
}
