/**
 * 6502 core: reset sequence, save/load, registers, SO pin, JAM, disassembler syntax.
 * Reset facts: nesdev wiki "CPU power up state" (reset: S decremented by 3 without writes, I set,
 * PC from $fffc/$fffd) and visual6502 (S is 0 at power-up, so the first reset leaves $fd).
 */
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/core/memory';
import { StateReader, StateWriter } from '../../src/core/serializer';
import { M6502 } from '../../cpus/m6502/m6502';
import { disassembleM6502 } from '../../cpus/m6502/m6502.dasm';
import { OPCODES } from '../../cpus/m6502/m6502.ops';
import { Bench } from './m6502/bench';

describe('6502 reset', () => {
  it('performs the 7-cycle reset sequence: two reads at PC, three stack reads, the vector at $fffc', () => {
    const b = new Bench();
    b.cpu.pc = 0x1234;
    b.cpu.s = 0x00;
    b.cpu.p = 0x20; // I clear
    b.cpu.reset();
    expect(b.trace()).toEqual([
      'r 1234 00', 'r 1234 00', 'r 0100 00', 'r 01ff 00', 'r 01fe 00', 'r fffc 00', 'r fffd 02',
    ]);
    expect(b.cpu.pc).toBe(0x0200);
    expect(b.cpu.s).toBe(0xfd);
    expect(b.cpu.p & 0x04).toBe(0x04);
    expect(b.log.every((a) => !a.write)).toBe(true);
  });

  it('reset releases a jammed CPU', () => {
    const b = new Bench().load(0x0200, [0x02, NOP_]);
    b.cpu.run(1);
    expect(b.cpu.isJammed).toBe(true);
    expect(b.cpu.pc).toBe(0x0200);
    const before = b.log.length;
    expect(b.cpu.run(100)).toBe(100); // idles without bus activity
    expect(b.log.length).toBe(before);
    b.cpu.setNmi(1); // NMOS JAM ignores interrupts
    b.cpu.run(10);
    expect(b.cpu.pc).toBe(0x0200);
    b.ram[0xfffd] = 0x03; // restart in the NOPs at $0300
    b.cpu.reset();
    expect(b.cpu.isJammed).toBe(false);
    expect(b.cpu.pc).toBe(0x0300);
    expect(b.cpu.run(1)).toBe(2);
  });
});
const NOP_ = 0xea;

describe('6502 state', () => {
  function machine() {
    const space = AddressSpace.flatRam({ name: 'program', addrBits: 16 });
    // a loop that mixes flags, stack and memory: counter in $10, sum in $11
    space.mem.set([0xa2, 0x00, 0x18, 0x8a, 0x65, 0x11, 0x85, 0x11, 0x08, 0x28, 0xe8, 0xd0, 0xf5, 0x4c, 0x00, 0x02], 0x0200);
    space.mem[0xfffc] = 0x00; space.mem[0xfffd] = 0x02;
    const cpu = new M6502('maincpu', 1_500_000, space);
    cpu.reset();
    return { cpu, space };
  }

  it('save → load → save gives identical bytes, and the loaded CPU runs on identically', () => {
    const a = machine();
    a.cpu.run(1234);
    a.cpu.setIrq(1); // held line with I set: part of the state
    const w1 = new StateWriter();
    a.cpu.serialize(w1);
    const bytes = w1.bytes();

    const b = machine();
    b.space.mem.set(a.space.mem);
    b.cpu.serialize(new StateReader(bytes));
    const w2 = new StateWriter();
    b.cpu.serialize(w2);
    expect(w2.bytes()).toEqual(bytes);

    for (const m of [a, b]) m.cpu.run(5000);
    for (const r of ['pc', 'a', 'x', 'y', 's', 'p']) expect(b.cpu.getRegister(r)).toBe(a.cpu.getRegister(r));
    expect(b.space.mem).toEqual(a.space.mem);
  });

  it('a truncated state is refused', () => {
    const a = machine();
    const w = new StateWriter();
    a.cpu.serialize(w);
    expect(() => machine().cpu.serialize(new StateReader(w.bytes().slice(0, 5)))).toThrow();
  });

  it('registers: names, widths, get/set; P keeps bit 5 set and B clear', () => {
    const { cpu } = machine();
    expect(cpu.registerInfo().map((r) => r.name)).toEqual(['pc', 'a', 'x', 'y', 's', 'p']);
    cpu.setRegister('a', 0x1ff);
    expect(cpu.getRegister('a')).toBe(0xff);
    cpu.setRegister('p', 0xff);
    expect(cpu.getRegister('p')).toBe(0xef);
    cpu.setRegister('p', 0x00);
    expect(cpu.getRegister('p')).toBe(0x20);
    cpu.setRegister('sp', 0x80);
    expect(cpu.s).toBe(0x80);
    expect(cpu.pcValue()).toBe(cpu.pc);
    expect(() => cpu.getRegister('q')).toThrow();
  });

  it('SO pin: asserting it sets V (BVS then branches)', () => {
    const b = new Bench().load(0x0200, [0x70, 0x10], 0x20); // BVS +$10
    b.cpu.setSo(1);
    b.cpu.run(1);
    expect(b.cpu.pc).toBe(0x0212);
  });
});

describe('6502 disassembler', () => {
  const dis = (bytes: number[], at = 0x1000) => disassembleM6502(at, (a) => bytes[a - at] ?? 0);
  it('uses standard syntax for each addressing mode', () => {
    expect(dis([0xa9, 0x05])).toEqual({ text: 'lda #$05', length: 2 });
    expect(dis([0xb1, 0x12])).toEqual({ text: 'lda ($12),y', length: 2 });
    expect(dis([0xa1, 0x12])).toEqual({ text: 'lda ($12,x)', length: 2 });
    expect(dis([0x6c, 0xfc, 0xff])).toEqual({ text: 'jmp ($fffc)', length: 3 });
    expect(dis([0x0a])).toEqual({ text: 'asl a', length: 1 });
    expect(dis([0x96, 0x80])).toEqual({ text: 'stx $80,y', length: 2 });
    expect(dis([0xd0, 0xfe])).toEqual({ text: 'bne $1000', length: 2 });
    expect(dis([0x9d, 0x00, 0x40])).toEqual({ text: 'sta $4000,x', length: 3 });
  });
  it('names undocumented opcodes with their common names', () => {
    expect(dis([0xa7, 0x10]).text).toBe('lax $10');
    expect(dis([0xc7, 0x10]).text).toBe('dcp $10');
    expect(dis([0x02]).text).toBe('jam');
    expect(dis([0xcb, 0x01]).text).toBe('sbx #$01');
    expect(dis([0x9b, 0x00, 0x30]).text).toBe('tas $3000,y');
  });
  it('the table has 151 documented opcodes and names all 256', () => {
    expect(OPCODES.filter((o) => !o.undocumented)).toHaveLength(151);
    expect(new Set(OPCODES.map((o) => o.mnemonic)).size).toBe(56 + 21);
  });
});

describe('6502 generated code', () => {
  it('m6502.gen.ts is what tools/gen-m6502.ts generates from the opcode table', async () => {
    const { generate, GENERATED_FILE } = await import('../../tools/gen-m6502');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generate());
  });
});
