// Z80 interrupts, HALT and the EI delay, with T-states from the Zilog manual (UM0080, "Z80 CPU User Manual",
// UM008007-0715):
// - p.19 "CPU Response": an NMI is a restart to 0066h; IM 0 executes the byte on the bus taking "two more than
//   the normal number" of T-states (the 2 wait states of the acknowledge cycle), so RST p = 11 + 2 = 13 and
//   CALL nn = 17 + 2 = 19; IM 1 is a restart to 0038h, also two more than normal: 13.
// - p.19-20 "Mode 2": the acknowledge M1 (4 + 2 wait + 1) pushes PC (2 x 3) and reads the 16-bit pointer at
//   (I << 8 | vector) (2 x 3): 19 T-states. NMI: 5 T-state M1 + 2 x 3 stack writes = 11 (same as RST, p.19).
// - EI (instruction page "EI"): "interrupts are not sampled until after the execution of the instruction
//   following EI", so an IRQ held across EI waits one more instruction; this makes `EI; HALT` sleep at least once.
// - HALT (instruction page "HALT"): the CPU executes NOPs (4 T-states each, memory refresh continues, so R counts)
//   until an interrupt; the pushed return address is the one after HALT.
// - NMI (p.18 "Nonmaskable Interrupt"): IFF1 is cleared, IFF2 keeps the old state for RETN to restore.
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/core/memory';
import { StateReader, StateWriter } from '../../src/core/serializer';
import { Z80 } from '../../cpus/z80/z80';

function machine(code: number[], at = 0x0000): { cpu: Z80; mem: Uint8Array; io: AddressSpace } {
  const program = AddressSpace.flatRam({ name: 'program', addrBits: 16 });
  const io = AddressSpace.flatRam({ name: 'io', addrBits: 16 });
  program.mem.set(code, at);
  const cpu = new Z80('maincpu', 3_072_000, program, io);
  cpu.reset();
  cpu.pc = at;
  cpu.sp = 0x8000;
  return { cpu, mem: program.mem, io };
}

const stackWord = (mem: Uint8Array, sp: number): number => mem[sp] | (mem[sp + 1] << 8);

describe('z80 maskable interrupts', () => {
  it('IM 1: EI delays acceptance by one instruction, then RST 38h in 13 T-states', () => {
    // ed 56 im 1 / fb ei / 00 nop / 00 nop
    const { cpu, mem } = machine([0xed, 0x56, 0xfb, 0x00, 0x00]);
    cpu.setIrq(1); // held asserted through the whole sequence
    expect(cpu.run(1)).toBe(8); // IM 1: 8 T-states
    expect(cpu.im).toBe(1);
    expect(cpu.run(1)).toBe(4); // EI
    expect(cpu.iff1).toBe(1);
    expect(cpu.run(1)).toBe(4); // the NOP after EI still runs although IRQ is held
    expect(cpu.pc).toBe(0x0004);
    expect(cpu.run(1)).toBe(13); // acceptance
    expect(cpu.pc).toBe(0x0038);
    expect(cpu.iff1).toBe(0);
    expect(cpu.iff2).toBe(0);
    expect(cpu.sp).toBe(0x7ffe);
    expect(stackWord(mem, cpu.sp)).toBe(0x0004);
  });

  it('an IRQ held across a chain of EIs is taken only after the first non-EI instruction', () => {
    // ed 56 im 1 / fb ei / fb ei / fb ei / 00 nop
    const { cpu } = machine([0xed, 0x56, 0xfb, 0xfb, 0xfb, 0x00, 0x00]);
    cpu.setIrq(1);
    cpu.run(1);
    expect(cpu.run(1)).toBe(4);
    expect(cpu.run(1)).toBe(4);
    expect(cpu.run(1)).toBe(4);
    expect(cpu.pc).toBe(0x0005);
    expect(cpu.run(1)).toBe(4); // the NOP
    expect(cpu.pc).toBe(0x0006);
    expect(cpu.run(1)).toBe(13);
    expect(cpu.pc).toBe(0x0038);
  });

  it('DI masks the IRQ level; it is taken as soon as interrupts are enabled again (level, not edge)', () => {
    // f3 di / 00 nop / 00 nop / fb ei / 00 nop / 00 nop
    const { cpu } = machine([0xf3, 0x00, 0x00, 0xfb, 0x00, 0x00]);
    cpu.im = 1;
    cpu.iff1 = cpu.iff2 = 1;
    cpu.run(1); // DI
    cpu.setIrq(1);
    expect(cpu.run(1)).toBe(4);
    expect(cpu.run(1)).toBe(4);
    expect(cpu.run(1)).toBe(4); // EI
    expect(cpu.run(1)).toBe(4); // one more instruction
    expect(cpu.run(1)).toBe(13);
    expect(cpu.pc).toBe(0x0038);
    cpu.setIrq(0);
  });

  it('IM 2: vector byte from irqAck, pointer at (I:vector), 19 T-states', () => {
    const { cpu, mem } = machine([0x00, 0x00]);
    cpu.im = 2;
    cpu.iff1 = cpu.iff2 = 1;
    cpu.i = 0x12;
    mem[0x1234] = 0xcd;
    mem[0x1235] = 0xab; // handler at 0xabcd
    let acks = 0;
    cpu.irqAck = () => { acks++; return 0x34; }; // Pac-Man: the byte last written to port 0
    cpu.setIrq(1);
    expect(cpu.run(1)).toBe(19);
    expect(acks).toBe(1);
    expect(cpu.pc).toBe(0xabcd);
    expect(stackWord(mem, cpu.sp)).toBe(0x0000);
    expect(cpu.iff1).toBe(0);
  });

  it('IM 0: RST from the bus takes 11 + 2 = 13 T-states', () => {
    const { cpu, mem } = machine([0x00, 0x00], 0x4000);
    cpu.im = 0;
    cpu.iff1 = cpu.iff2 = 1;
    cpu.irqAck = () => 0xd7; // RST 10h
    cpu.setIrq(1);
    expect(cpu.run(1)).toBe(13);
    expect(cpu.pc).toBe(0x0010);
    expect(stackWord(mem, cpu.sp)).toBe(0x4000);
  });

  it('IM 0: default bus byte 0xff (pull-ups) is RST 38h', () => {
    const { cpu } = machine([0x00], 0x4000);
    cpu.iff1 = cpu.iff2 = 1;
    cpu.setIrq(1);
    expect(cpu.run(1)).toBe(13);
    expect(cpu.pc).toBe(0x0038);
  });

  it('IM 0: CALL nn from the bus takes 17 + 2 = 19 T-states', () => {
    const { cpu, mem } = machine([0x00], 0x4000);
    cpu.iff1 = cpu.iff2 = 1;
    const bus = [0xcd, 0x78, 0x56];
    cpu.irqAck = () => bus.shift() ?? 0xff;
    cpu.setIrq(1);
    expect(cpu.run(1)).toBe(19);
    expect(cpu.pc).toBe(0x5678);
    expect(stackWord(mem, cpu.sp)).toBe(0x4000);
  });

  it('EI; HALT: the HALT executes, then the interrupt wakes it and returns after the HALT', () => {
    // ed 56 im 1 / fb ei / 76 halt / 00 nop
    const { cpu, mem } = machine([0xed, 0x56, 0xfb, 0x76, 0x00]);
    cpu.setIrq(1);
    cpu.run(1);
    expect(cpu.run(1)).toBe(4); // EI
    expect(cpu.run(1)).toBe(4); // HALT is not pre-empted
    expect(cpu.halted).toBe(1);
    expect(cpu.run(1)).toBe(13);
    expect(cpu.halted).toBe(0);
    expect(cpu.pc).toBe(0x0038);
    expect(stackWord(mem, cpu.sp)).toBe(0x0004);
  });

  it('LD A,I right before an accepted IRQ reads P/V as 0 (NMOS, Young "Undocumented Z80" §5.2)', () => {
    // ed 57 ld a,i
    const { cpu } = machine([0xed, 0x57, 0x00]);
    cpu.im = 1;
    cpu.iff1 = cpu.iff2 = 1;
    expect(cpu.run(1)).toBe(9);
    expect(cpu.f & 0x04).toBe(0x04); // P/V = IFF2 = 1
    cpu.setIrq(1);
    expect(cpu.run(1)).toBe(13);
    expect(cpu.f & 0x04).toBe(0);
  });
});

describe('z80 NMI and HALT', () => {
  it('HALT idles in 4 T-state NOPs that advance R, PC stays after the HALT', () => {
    const { cpu } = machine([0x76]);
    cpu.r = 0x80;
    expect(cpu.run(1)).toBe(4);
    expect(cpu.pc).toBe(0x0001);
    expect(cpu.r).toBe(0x81);
    expect(cpu.run(1)).toBe(4);
    expect(cpu.r).toBe(0x82);
    expect(cpu.run(100)).toBe(100); // 25 NOPs
    expect(cpu.r).toBe(0x80 | (0x82 + 25)); // bit 7 of R is kept
    expect(cpu.run(101)).toBe(104); // the last NOP overshoots
    expect(cpu.pc).toBe(0x0001);
  });

  it('NMI during HALT: 11 T-states to 0066h, pushes the address after HALT; RETN restores IFF1 from IFF2', () => {
    // 0000: 76 halt ; 0066: ed 45 retn
    const { cpu, mem } = machine([0x76]);
    mem[0x66] = 0xed;
    mem[0x67] = 0x45;
    cpu.iff1 = cpu.iff2 = 1;
    cpu.run(1);
    cpu.run(40);
    expect(cpu.halted).toBe(1);
    cpu.setNmi(1);
    expect(cpu.run(1)).toBe(11);
    expect(cpu.halted).toBe(0);
    expect(cpu.pc).toBe(0x0066);
    expect(cpu.iff1).toBe(0);
    expect(cpu.iff2).toBe(1);
    expect(stackWord(mem, cpu.sp)).toBe(0x0001);
    expect(cpu.run(1)).toBe(14); // RETN
    expect(cpu.pc).toBe(0x0001);
    expect(cpu.iff1).toBe(1);
  });

  it('NMI is edge-triggered: a held line is taken once; it wins over a pending IRQ', () => {
    const { cpu } = machine(new Array(16).fill(0x00));
    cpu.im = 1;
    cpu.iff1 = cpu.iff2 = 1;
    cpu.setIrq(1);
    cpu.setNmi(1);
    expect(cpu.run(1)).toBe(11);
    expect(cpu.pc).toBe(0x0066);
    cpu.setIrq(0);
    expect(cpu.run(1)).toBe(4); // NOP at 0066h: still held, no new edge
    cpu.setNmi(0);
    cpu.setNmi(1);
    expect(cpu.run(1)).toBe(11);
  });

  it('endSlice() from a memory handler ends run() after the current instruction with an exact count', () => {
    // 3e 01 ld a,1 / 32 00 90 ld ($9000),a / 00 nop ...
    const program = AddressSpace.flatRam({ name: 'program', addrBits: 16 });
    const io = AddressSpace.flatRam({ name: 'io', addrBits: 16 });
    program.mem.set([0x3e, 0x01, 0x32, 0x00, 0x90, 0x00, 0x00, 0x00]);
    const cpu = new Z80('maincpu', 3_072_000, program, io);
    cpu.reset();
    let seen = -1;
    program.mapHandler(0x9000, 0x90ff, { write: () => { seen = cpu.sliceCycles(); cpu.endSlice(); } });
    expect(cpu.run(1000)).toBe(7 + 13);
    expect(seen).toBe(7); // instruction-start granularity
    expect(cpu.pc).toBe(0x0005);
  });
});

describe('z80 I/O ports', () => {
  it('IN A,(n) / OUT (n),A put A on A15-A8; IN r,(C) / OUT (C),r put B there', () => {
    // 3e 12 ld a,$12 / d3 34 out ($34),a / db 56 in a,($56) / 01 78 9a ld bc,$9a78 / ed 41 out (c),b / ed 50 in d,(c)
    const { cpu, io } = machine([0x3e, 0x12, 0xd3, 0x34, 0xdb, 0x56, 0x01, 0x78, 0x9a, 0xed, 0x41, 0xed, 0x50]);
    const log: string[] = [];
    io.mapHandler(0x0000, 0xffff, {
      read: (p) => { log.push(`r ${p.toString(16)}`); return 0x5a; },
      write: (p, d) => { log.push(`w ${p.toString(16)}=${d.toString(16)}`); },
    });
    expect([cpu.run(1), cpu.run(1), cpu.run(1), cpu.run(1), cpu.run(1), cpu.run(1)]).toEqual([7, 11, 11, 10, 12, 12]);
    expect(log).toEqual(['w 1234=12', 'r 1256', 'w 9a78=9a', 'r 9a78']);
    expect(cpu.a).toBe(0x5a);
    expect(cpu.d).toBe(0x5a);
  });
});

describe('z80 save state', () => {
  it('save → load restores every register and the run continues identically; save → load → save is byte-identical', () => {
    // A small loop that touches flags, WZ, shadow registers and the stack:
    // 21 00 40 ld hl,$4000 / 06 10 ld b,16 / 7e ld a,(hl) / 87 add a,a / 77 ld (hl),a / 23 inc hl / d9 exx /
    // 08 ex af,af' / cb 46 bit 0,(hl) / e5 push hl / e1 pop hl / 10 f4 djnz -12 / 76 halt
    const code = [0x21, 0x00, 0x40, 0x06, 0x10, 0x7e, 0x87, 0x77, 0x23, 0xd9, 0x08, 0xcb, 0x46, 0xe5, 0xe1, 0x10, 0xf4, 0x76];
    const a = machine(code);
    for (let i = 0; i < 0x100; i++) a.mem[0x4000 + i] = (i * 37) & 0xff;
    a.cpu.im = 2; a.cpu.i = 0x3f; a.cpu.iff1 = 1; a.cpu.iff2 = 1;
    for (let i = 0; i < 23; i++) a.cpu.run(1);
    a.cpu.setNmi(1); // a latched edge must survive the save
    const w = new StateWriter();
    a.cpu.serialize(w);
    const saved = w.bytes();

    const b = machine([]);
    b.mem.set(a.mem);
    b.cpu.serialize(new StateReader(saved));
    for (const { name } of a.cpu.registerInfo()) expect(b.cpu.getRegister(name), name).toBe(a.cpu.getRegister(name));
    expect(b.cpu.nmiPending).toBe(1);

    const w2 = new StateWriter();
    b.cpu.serialize(w2);
    expect(w2.bytes()).toEqual(saved);

    let ta = 0, tb = 0;
    for (let i = 0; i < 200; i++) { ta += a.cpu.run(1); tb += b.cpu.run(1); }
    expect(tb).toBe(ta);
    for (const { name } of a.cpu.registerInfo()) expect(b.cpu.getRegister(name), name).toBe(a.cpu.getRegister(name));
    expect(b.mem).toEqual(a.mem);
  });

  it('a truncated state is refused', () => {
    const { cpu } = machine([]);
    const w = new StateWriter();
    cpu.serialize(w);
    const bytes = w.bytes();
    expect(() => cpu.serialize(new StateReader(bytes.subarray(0, bytes.length - 3)))).toThrow();
  });
});

describe('z80 program spaces', () => {
  it('a space with other page sizes works through its own read8/write8 (same results, same T-states)', () => {
    // 21 00 40 ld hl,$4000 / 36 5a ld (hl),$5a / 7e ld a,(hl) / 3c inc a / 77 ld (hl),a / 76 halt
    const code = [0x21, 0x00, 0x40, 0x36, 0x5a, 0x7e, 0x3c, 0x77, 0x76];
    const results: number[][] = [];
    for (const pageBits of [8, 4, 12]) {
      const program = AddressSpace.flatRam({ name: 'program', addrBits: 16, pageBits });
      const io = AddressSpace.flatRam({ name: 'io', addrBits: 16 });
      program.mem.set(code);
      const cpu = new Z80('maincpu', 3_072_000, program, io);
      cpu.reset();
      const t = [cpu.run(1), cpu.run(1), cpu.run(1), cpu.run(1), cpu.run(1)];
      results.push([...t, cpu.a, program.mem[0x4000], cpu.pc]);
    }
    expect(results[0]).toEqual([10, 10, 7, 4, 7, 0x5b, 0x5b, 0x0008]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});
