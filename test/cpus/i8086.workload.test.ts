/**
 * Every variant runs the 8086 benchmark program of the peer harness (../shared/bench/workloads/8086, our
 * own program; a copy and its source are in test/fixtures/workloads/8086, and a test below rebuilds it with
 * nasm), plain 8086 code: sieve + CRC-16, and must produce the results its README documents:
 * ITERS = 1 → SUM 61593, COUNT 564, CRC 61029; ITERS = 16 → SUM 23688, CRC 26166.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/core/memory';
import { I8086, type X86Variant } from '../../cpus/i8086/i8086';

const image = resolve(__dirname, '../fixtures/workloads/8086/sieve_crc.bin');

function runWorkload(variant: X86Variant, iters: number, biu = false) {
  const program = AddressSpace.flatRam({ name: 'program', addrBits: 20, endian: 'little' });
  const bin = new Uint8Array(readFileSync(image));
  bin[0x10] = iters & 0xff;
  bin[0x11] = iters >> 8;
  program.mem.set(bin, 0xf0000);
  const io = new AddressSpace({ name: 'io', addrBits: 16 }, new Uint8Array(0));
  let done = false;
  const cpu: I8086 = new I8086('maincpu', 8_000_000, program, io, variant);
  cpu.biu = biu;
  io.mapHandler(0x0000, 0x00ff, { write: (port) => { if (port === 0xe0) { done = true; cpu.endSlice(); } } });
  let cycles = 0;
  for (let slices = 0; !done && slices < 10_000; slices++) cycles += cpu.run(100_000);
  const m = program.mem, w = (a: number) => m[a] | (m[a + 1] << 8);
  return { done, sum: w(0x11000), count: w(0x11002), crc: w(0x11004), cycles, instructions: cpu.instructions };
}

describe('shared 8086 workload on every variant', () => {
  it('has the workload image, and nasm rebuilds it byte for byte from its source', () => {
    expect(existsSync(image), `no workload at ${image}`).toBe(true);
    const out = join(mkdtempSync(join(tmpdir(), 'sieve86-')), 'sieve_crc.bin');
    execFileSync('nasm', ['-f', 'bin', '-o', out, image.replace(/\.bin$/, '.asm')]);
    expect(readFileSync(out).equals(readFileSync(image))).toBe(true);
  });

  it.each(['8086', '8088', 'v20', 'v30', '80186', '80188'] as X86Variant[])('%s computes the documented results', (variant) => {
    expect(runWorkload(variant, 1)).toMatchObject({ done: true, sum: 61593, count: 564, crc: 61029 });
    expect(runWorkload(variant, 16)).toMatchObject({ done: true, sum: 23688, count: 564, crc: 26166 });
  });

  it('8086 on the accurate path (BIU / prefetch-queue model) computes the same results', () => {
    expect(runWorkload('8086', 1, true)).toMatchObject({ done: true, sum: 61593, count: 564, crc: 61029 });
  });

  it('an 8088 needs more clocks than an 8086, a V30 fewer (8-bit bus word penalty; NEC timings)', () => {
    const c86 = runWorkload('8086', 1).cycles, c88 = runWorkload('8088', 1).cycles, v30 = runWorkload('v30', 1).cycles;
    expect(c88).toBeGreaterThan(c86);
    expect(v30).toBeLessThan(c86);
  });
});
