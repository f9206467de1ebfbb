/** A small 8086-family test machine: flat 1 MB RAM, a port space backed by an array with a write log. */
import { AddressSpace } from '../../../src/core/memory';
import { I8086, type X86Variant } from '../../../cpus/i8086/i8086';

export const CODE_SEG = 0x1000, STACK_SEG = 0x2000, DATA_SEG = 0x3000, EXTRA_SEG = 0x4000;

export interface TestMachine {
  cpu: I8086;
  mem: Uint8Array;
  ports: Uint8Array;
  portWrites: [number, number][];
  /** linear address of seg:off */
  at(seg: number, off: number): number;
  poke16(seg: number, off: number, v: number): void;
  peek16(seg: number, off: number): number;
  /** run `n` instructions */
  step(n?: number): number;
}

export function machine(variant: X86Variant, code: number[]): TestMachine {
  const program = AddressSpace.flatRam({ name: 'program', addrBits: 20, endian: 'little', dataBits: 16 });
  const ports = new Uint8Array(0x10000);
  const portWrites: [number, number][] = [];
  const io = new AddressSpace({ name: 'io', addrBits: 16 }, new Uint8Array(0));
  io.mapHandler(0x0000, 0xffff, { read: (a) => ports[a], write: (a, d) => { portWrites.push([a, d]); } });
  const cpu = new I8086('maincpu', 8_000_000, program, io, variant);
  const mem = program.mem;
  const at = (seg: number, off: number): number => ((seg << 4) + (off & 0xffff)) & 0xfffff;
  mem.set(code, at(CODE_SEG, 0));
  cpu.setRegister('cs', CODE_SEG);
  cpu.setRegister('ip', 0);
  cpu.setRegister('ss', STACK_SEG);
  cpu.setRegister('sp', 0x1000);
  cpu.setRegister('ds', DATA_SEG);
  cpu.setRegister('es', EXTRA_SEG);
  return {
    cpu, mem, ports, portWrites, at,
    poke16: (seg, off, v) => { mem[at(seg, off)] = v & 0xff; mem[at(seg, off + 1)] = (v >> 8) & 0xff; },
    peek16: (seg, off) => mem[at(seg, off)] | (mem[at(seg, off + 1)] << 8),
    // a REP string op cut by the 1-cycle budget resumes until it completes: one step = one instruction
    step: (n = 1) => { let c = 0; for (let i = 0; i < n; i++) do c += cpu.run(1); while (cpu.inRep); return c; },
  };
}

export const CF = 0x0001, PF = 0x0004, AF = 0x0010, ZF = 0x0040, SF = 0x0080, TF = 0x0100, IF = 0x0200,
  DF = 0x0400, OF = 0x0800;
