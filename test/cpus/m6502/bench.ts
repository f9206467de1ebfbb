/**
 * Test bench for the 6502: 64 KB of RAM behind handler pages that log every bus access (address,
 * data, read/write, cycle index within the current `run`) and can call a hook on each access, so a
 * test can raise IRQ/NMI at an exact cycle the way a board device would.
 *
 * Memory layout used by the timing tests: code at $0200, IRQ/BRK handler at $0300, NMI handler at
 * $0400, vectors RESET=$0200 IRQ=$0300 NMI=$0400, all handlers filled with NOP ($ea).
 */
import { AddressSpace } from '../../../src/core/memory';
import { M6502 } from '../../../cpus/m6502/m6502';

export interface Access { addr: number; data: number; write: boolean; cycle: number }

export class Bench {
  readonly ram = new Uint8Array(0x10000);
  readonly space = new AddressSpace({ name: 'program', addrBits: 16 }, new Uint8Array(0));
  readonly cpu = new M6502('maincpu', 1_500_000, this.space);
  readonly log: Access[] = [];
  /** Called after each access is logged; `index` counts accesses since the bench started logging. */
  hook: ((a: Access, index: number) => void) | null = null;

  constructor() {
    this.space.mapHandler(0x0000, 0xffff, {
      read: (addr) => { const data = this.ram[addr]; this.record(addr, data, false); return data; },
      write: (addr, data) => { this.ram[addr] = data; this.record(addr, data, true); },
      peek: (addr) => this.ram[addr],
    });
    this.ram.fill(0xea, 0x0300, 0x0500);
    this.ram[0xfffa] = 0x00; this.ram[0xfffb] = 0x04;
    this.ram[0xfffc] = 0x00; this.ram[0xfffd] = 0x02;
    this.ram[0xfffe] = 0x00; this.ram[0xffff] = 0x03;
  }

  private record(addr: number, data: number, write: boolean): void {
    const a = { addr, data, write, cycle: this.cpu.sliceCycles() };
    this.log.push(a);
    this.hook?.(a, this.log.length - 1);
  }

  /** Put code at `addr`; registers: PC there, S $fd, the given P. Clears the log. */
  load(addr: number, code: number[], p = 0x24): this {
    this.ram.set(code, addr);
    this.cpu.clearLatches();
    this.cpu.pc = addr; this.cpu.s = 0xfd; this.cpu.p = p;
    this.log.length = 0;
    return this;
  }

  /** Run `n` steps of run(1) (instructions or interrupt sequences); returns the cycles of each. */
  steps(n: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(this.cpu.run(1));
    return out;
  }

  /** Run whole steps until `total` cycles have elapsed since the log was cleared (or more). */
  runCycles(total: number): void {
    let used = 0;
    while (used < total) used += this.cpu.run(1);
  }

  /** Index (in the log) of the first access of the interrupt sequence that pushes `pc`, or -1. */
  pushIndex(pc: number): number {
    for (let i = 0; i + 1 < this.log.length; i++) {
      const a = this.log[i], b = this.log[i + 1];
      if (a.write && b.write && (a.addr & 0xff00) === 0x0100 && a.data === pc >> 8 && b.data === (pc & 0xff)) return i;
    }
    return -1;
  }

  /** The log as compact strings: "r 0200 ea" / "w 01fd 02". */
  trace(from = 0, to = this.log.length): string[] {
    return this.log.slice(from, to).map((a) => `${a.write ? 'w' : 'r'} ${a.addr.toString(16).padStart(4, '0')} ${a.data.toString(16).padStart(2, '0')}`);
  }
}
