/**
 * Fuzz: every CPU core on random memory and random registers (fixed seeds). A core must never throw,
 * every register must stay inside its width, and the same seed must give the same registers, cycle
 * count and memory (determinism, which save states and replays rely on).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { I8086 } from '../../cpus/i8086/i8086';
import { M6502 } from '../../cpus/m6502/m6502';
import { M68000 } from '../../cpus/m68000/m68000';
import { Z80 } from '../../cpus/z80/z80';
import type { CpuDevice } from '../../src/core/cpu';
import { AddressSpace } from '../../src/core/memory';
import { rng } from '../support/pacdemo';

const SEEDS = 12;
const CYCLES = 20_000;

interface Rig { cpu: CpuDevice; mem: Uint8Array; randomSpan: number }

const CORES: Record<string, () => Rig> = {
  z80: () => {
    const program = AddressSpace.flatRam({ name: 'program', addrBits: 16 });
    const io = AddressSpace.flatRam({ name: 'io', addrBits: 16 });
    return { cpu: new Z80('cpu', 3_072_000, program, io), mem: program.mem, randomSpan: 1 << 16 };
  },
  '6502': () => {
    const program = AddressSpace.flatRam({ name: 'program', addrBits: 16 });
    return { cpu: new M6502('cpu', 1_500_000, program), mem: program.mem, randomSpan: 1 << 16 };
  },
  m68000: () => {
    const program = AddressSpace.flatRam({ name: 'program', addrBits: 24, endian: 'big', dataBits: 16 });
    // random code and data in the first 256 KB; vectors point there too (the rest stays 0)
    return { cpu: new M68000('cpu', 8_000_000, program), mem: program.mem, randomSpan: 1 << 18 };
  },
  '8086': () => {
    const program = AddressSpace.flatRam({ name: 'program', addrBits: 20, endian: 'little', dataBits: 16 });
    const io = AddressSpace.flatRam({ name: 'io', addrBits: 16 });
    return { cpu: new I8086('cpu', 5_000_000, program, io, '8086'), mem: program.mem, randomSpan: 1 << 20 };
  },
};

function runSeed(make: () => Rig, seed: number): { regs: number[]; cycles: number; mem: string } {
  const { cpu, mem, randomSpan } = make();
  const next = rng(seed);
  for (let i = 0; i < randomSpan; i++) mem[i] = (next() * 256) | 0;
  cpu.reset();
  const info = cpu.registerInfo();
  for (const r of info) cpu.setRegister(r.name, Math.floor(next() * 2 ** Math.min(r.bits, 32)));
  let cycles = 0;
  while (cycles < CYCLES) {
    const used = cpu.run(1 + ((next() * 200) | 0));
    expect(Number.isInteger(used) && used > 0).toBe(true);
    cycles += used;
    if (next() < 0.01) cpu.setIrq((next() * 2) | 0);
    if (next() < 0.002) cpu.setNmi(1), cpu.setNmi(0);
  }
  const regs = info.map((r) => cpu.getRegister(r.name));
  info.forEach((r, i) => {
    const v = regs[i];
    if (!(Number.isInteger(v) && v >= 0 && v < 2 ** r.bits)) throw new Error(`seed ${seed}: register ${r.name} = ${v} is outside ${r.bits} bits`);
  });
  return { regs, cycles, mem: createHash('sha1').update(mem).digest('hex') };
}

describe('CPU cores on random memory and registers', () => {
  it.each(Object.keys(CORES))('%s: no throw, registers in range, deterministic', (name) => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const a = runSeed(CORES[name], seed * 7919);
      if (seed <= 3) expect(runSeed(CORES[name], seed * 7919)).toEqual(a);
    }
  }, 10_000);
});
