/**
 * MC68000 unit tests. Expected values come from the MC68000 User's Manual (M68000UM/AD rev.8,
 * "UM"), the M68000 Programmer's Reference Manual (M68000PM/AD rev.1, "PRM"), and, for the
 * disassembler, encodings produced by GNU as (`m68k-linux-gnu-as -m68000`).
 */
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/core/memory';
import { StateReader, StateWriter } from '../../src/core/serializer';
import { M68000 } from '../../cpus/m68000/m68000';
import { disassembleM68000 } from '../../cpus/m68000/m68000.dasm';

const RESET_SSP = 0x00_8000;
const RESET_PC = 0x00_1000;

/** A CPU on 16 MB of RAM with the reset vectors set and `words` at RESET_PC; reset done. */
function rig(words: number[], setup?: (mem: Uint8Array) => void) {
  const space = AddressSpace.flatRam({ name: 'program', addrBits: 24, endian: 'big', dataBits: 16 });
  const mem = space.mem;
  const w32 = (a: number, v: number) => { mem[a] = v >>> 24; mem[a + 1] = (v >>> 16) & 0xff; mem[a + 2] = (v >>> 8) & 0xff; mem[a + 3] = v & 0xff; };
  w32(0, RESET_SSP);
  w32(4, RESET_PC);
  words.forEach((w, i) => { mem[RESET_PC + 2 * i] = w >> 8; mem[RESET_PC + 2 * i + 1] = w & 0xff; });
  setup?.(mem);
  const cpu = new M68000('maincpu', 10_000_000, space);
  cpu.reset();
  const r16 = (a: number) => (mem[a] << 8) | mem[a + 1];
  const r32 = (a: number) => ((r16(a) << 16) | r16(a + 2)) >>> 0;
  return { cpu, mem, w32, r16, r32 };
}

/** Handler addresses for vectors: each handler is a `nop`-filled area. */
function vectorTo(w32: (a: number, v: number) => void, vector: number, handler: number) { w32(vector * 4, handler); }

const NOP = 0x4e71;

describe('m68000 reset', () => {
  it('loads SSP from 0 and PC from 4, supervisor mode, mask 7 (UM 6.2.1)', () => {
    const { cpu } = rig([NOP]);
    expect(cpu.getRegister('a7')).toBe(RESET_SSP);
    expect(cpu.getRegister('sr')).toBe(0x2700);
    expect(cpu.pcValue()).toBe(RESET_PC);
    expect(cpu.ir).toBe(NOP);
  });
});

describe('m68000 interrupts', () => {
  it('masks levels at or below I2-I0 and takes a higher one, autovectored (UM 6.3.2, PRM 1.x table of vectors)', () => {
    const { cpu, w32, r16, r32 } = rig([0x46fc, 0x2300 /* move.w #$2300,sr */, NOP, NOP, NOP]);
    for (let level = 1; level <= 7; level++) vectorTo(w32, 24 + level, 0x4000 + level * 0x100);
    cpu.run(1); // move to SR: mask 3
    expect(cpu.getRegister('sr')).toBe(0x2300);
    cpu.setIrq(3); // level 3 is masked at mask 3 (an interrupt is taken only above the mask)
    cpu.run(1);
    expect(cpu.pcValue()).toBe(RESET_PC + 6);
    cpu.setIrq(4);
    const used = cpu.run(1);
    // autovector for level 4 is vector 28 at $70
    expect(cpu.pcValue()).toBe(0x4400);
    // new SR: S set, T clear, mask raised to the level being serviced
    expect(cpu.getRegister('sr')).toBe(0x2400);
    const sp = cpu.getRegister('a7');
    expect(sp).toBe(RESET_SSP - 6);
    expect(r16(sp)).toBe(0x2300); // stacked SR
    expect(r32(sp + 2)).toBe(RESET_PC + 6); // stacked PC: the next instruction
    expect(used).toBe(44); // UM table 8-14: interrupt 44 clocks
  });

  it('level 7 is not maskable and is edge-triggered (UM 6.3.2)', () => {
    const { cpu, w32 } = rig(new Array(16).fill(NOP), (mem) => {
      for (let a = 0x5000; a < 0x5100; a += 2) { mem[a] = NOP >> 8; mem[a + 1] = NOP & 0xff; }
    });
    vectorTo(w32, 31, 0x5000);
    expect(cpu.getRegister('sr') & 0x0700).toBe(0x0700); // mask 7 after reset
    cpu.setIrq(7);
    cpu.run(1);
    expect(cpu.pcValue()).toBe(0x5000);
    expect(cpu.getRegister('sr') & 0x0700).toBe(0x0700);
    // the line stays at 7: no second interrupt while it does
    cpu.run(1);
    expect(cpu.pcValue()).toBe(0x5002);
    cpu.setIrq(0);
    cpu.setIrq(7);
    cpu.run(1);
    expect(cpu.pcValue()).toBe(0x5000);
  });

  it('setNmi requests level 7 on a rising edge without changing the IPL level', () => {
    const { cpu, w32 } = rig(new Array(16).fill(NOP), (mem) => {
      for (let a = 0x5000; a < 0x5100; a += 2) { mem[a] = NOP >> 8; mem[a + 1] = NOP & 0xff; }
    });
    vectorTo(w32, 31, 0x5000);
    cpu.setIrq(2);
    cpu.setNmi(1);
    cpu.run(1);
    expect(cpu.pcValue()).toBe(0x5000);
    expect(cpu.irqLevel).toBe(2);
    cpu.run(1); // still high: no new request
    expect(cpu.pcValue()).toBe(0x5002);
  });

  it('acknowledges with the current level; the highest pending level wins', () => {
    const { cpu, w32 } = rig([0x46fc, 0x2000 /* mask 0 */, NOP, NOP]);
    for (let level = 1; level <= 7; level++) vectorTo(w32, 24 + level, 0x4000 + level * 0x100);
    const acks: number[] = [];
    cpu.irqAck = (level) => { acks.push(level); return M68000.AUTOVECTOR; };
    cpu.run(1);
    // two devices on levels 2 and 5: the board's priority encoder presents 5 on IPL
    cpu.setIrq(5);
    cpu.run(1);
    expect(acks).toEqual([5]);
    expect(cpu.pcValue()).toBe(0x4500);
  });

  it('vectored acknowledge uses the device vector number, spurious uses vector 24 (UM 6.3.2, table 6-2)', () => {
    const { cpu, w32 } = rig([0x46fc, 0x2000, NOP, NOP]);
    vectorTo(w32, 0x40, 0x6000);
    vectorTo(w32, 24, 0x6800);
    vectorTo(w32, 24 + 2, 0x7000);
    cpu.irqAck = () => 0x40;
    cpu.run(1);
    cpu.setIrq(2);
    cpu.run(1);
    expect(cpu.pcValue()).toBe(0x6000); // vector $40 at $100
    // spurious: clear mask again, acknowledge answers spurious
    cpu.setRegister('sr', 0x2000);
    cpu.irqAck = () => M68000.SPURIOUS;
    cpu.run(1);
    expect(cpu.pcValue()).toBe(0x6800);
  });

  it('STOP loads SR and waits; an interrupt resumes after the STOP (PRM STOP)', () => {
    const { cpu, w32, r32 } = rig([0x4e72, 0x2000 /* stop #$2000 */, NOP]);
    vectorTo(w32, 24 + 1, 0x4100);
    cpu.run(1);
    expect(cpu.stopped).toBe(1);
    expect(cpu.getRegister('sr')).toBe(0x2000);
    cpu.run(100); // still stopped
    expect(cpu.stopped).toBe(1);
    cpu.setIrq(1);
    cpu.run(1);
    expect(cpu.pcValue()).toBe(0x4100);
    expect(r32(cpu.getRegister('a7') + 2)).toBe(RESET_PC + 4); // returns to the instruction after STOP
  });
});

describe('m68000 exceptions', () => {
  it('address error: 14-byte group 0 frame (UM 6.3.9.1, figure 6-7)', () => {
    // move.w (a0),d0 with a0 odd, in supervisor mode
    const { cpu, w32, r16, r32 } = rig([0x3010, NOP, NOP]);
    vectorTo(w32, 3, 0x4000);
    cpu.setRegister('a0', 0x0001_2345);
    cpu.run(1);
    const sp = cpu.getRegister('a7');
    expect(sp).toBe(RESET_SSP - 14);
    // word 0: bits 15-5 undefined (the chip leaves IR there), R/W = 1 (read), I/N = 0, FC = 101 (supervisor data)
    expect(r16(sp) & 0x1f).toBe(0x15);
    expect(r32(sp + 2)).toBe(0x0001_2345); // access address
    expect(r16(sp + 6)).toBe(0x3010); // instruction register
    expect(r16(sp + 8)).toBe(0x2700); // SR at the fault
    // PC: the UM only says it lies 2-10 bytes past the instruction; the shared vectors (MAME's
    // microcode) give instruction + 2 for (An)
    expect(r32(sp + 10)).toBe(RESET_PC + 2);
    expect(cpu.pcValue()).toBe(0x4000);
    expect(cpu.getRegister('sr')).toBe(0x2700);
  });

  it('address error on a write from user mode reports R/W = 0 and FC = 001 (UM figure 6-7)', () => {
    // move.w d0,(a1) at user level
    const { cpu, w32, r16, r32 } = rig([0x3280, NOP, NOP]);
    vectorTo(w32, 3, 0x4000);
    cpu.setRegister('sr', 0x0000);
    cpu.setRegister('usp', 0x9000);
    cpu.setRegister('a1', 0x0002_0003);
    cpu.setRegister('d0', 0x1234); // MOVE sets N/Z before the write: positive, non-zero keeps CCR 0
    cpu.run(1);
    const sp = cpu.getRegister('a7');
    expect(sp).toBe(RESET_SSP - 14);
    expect(r16(sp) & 0x1f).toBe(0x01);
    expect(r32(sp + 2)).toBe(0x0002_0003);
    expect(r16(sp + 8)).toBe(0x0000);
    expect(cpu.getRegister('usp')).toBe(0x9000);
    expect(cpu.getRegister('sr') & 0x2000).toBe(0x2000);
  });

  it('an address error while stacking an address error halts the CPU (UM 6.3.9, double bus fault)', () => {
    const { cpu } = rig([0x3010, NOP]);
    cpu.setRegister('a0', 0x0001_2345);
    cpu.setRegister('a7', 0x0000_7fff); // odd SSP: the frame cannot be written
    cpu.run(1);
    expect(cpu.halted).toBe(1);
  });

  it('privilege violation from user mode: vector 8, PC of the offending instruction, 34 clocks (UM 6.3.6, table 8-14)', () => {
    // move.w #$2700,sr in user mode
    const { cpu, w32, r16, r32 } = rig([0x46fc, 0x2700, NOP]);
    vectorTo(w32, 8, 0x4800);
    cpu.setRegister('sr', 0x0004); // user, Z set
    cpu.setRegister('usp', 0x9000);
    const used = cpu.run(1);
    expect(used).toBe(34);
    expect(cpu.pcValue()).toBe(0x4800);
    expect(cpu.getRegister('sr')).toBe(0x2004); // S set, T clear, CCR kept
    const sp = cpu.getRegister('a7');
    expect(sp).toBe(RESET_SSP - 6);
    expect(r16(sp)).toBe(0x0004);
    expect(r32(sp + 2)).toBe(RESET_PC); // the privileged instruction itself
    expect(cpu.getRegister('usp')).toBe(0x9000);
  });

  it('TRAP #n stacks the next instruction and uses vector 32+n (PRM TRAP)', () => {
    const { cpu, w32, r32 } = rig([0x4e45 /* trap #5 */, NOP]);
    vectorTo(w32, 37, 0x4400);
    cpu.run(1);
    expect(cpu.pcValue()).toBe(0x4400);
    expect(r32(cpu.getRegister('a7') + 2)).toBe(RESET_PC + 2);
  });

  it('divide by zero: vector 5 (PRM DIVU)', () => {
    const { cpu, w32 } = rig([0x80c1 /* divu.w d1,d0 */, NOP]);
    vectorTo(w32, 5, 0x4200);
    cpu.setRegister('d1', 0);
    cpu.run(1);
    expect(cpu.pcValue()).toBe(0x4200);
  });

  it('trace: a traced instruction is followed by a trace exception (vector 9, UM 6.3.8)', () => {
    const { cpu, w32, r32 } = rig([NOP, NOP, NOP]);
    vectorTo(w32, 9, 0x4300);
    cpu.setRegister('sr', 0xa700);
    cpu.run(1); // nop, traced
    expect(cpu.pcValue()).toBe(RESET_PC + 2);
    cpu.run(1); // trace exception
    expect(cpu.pcValue()).toBe(0x4300);
    expect(cpu.getRegister('sr') & 0x8000).toBe(0);
    expect(r32(cpu.getRegister('a7') + 2)).toBe(RESET_PC + 2);
  });

  it('RESET pulses the reset output and takes 132 clocks (UM table 8-12)', () => {
    const { cpu } = rig([0x4e70, NOP]);
    const seen: number[] = [];
    cpu.resetOut = (s) => seen.push(s);
    expect(cpu.run(1)).toBe(132);
    expect(seen).toEqual([1, 0]);
  });
});

describe('m68000 scheduling contract (src/core/cpu.ts)', () => {
  it('endSlice() from a memory handler ends run() after the current instruction, with an exact count', () => {
    // move.w d0,($2000).w ; nop ; nop …
    const { cpu } = rig([0x31c0, 0x2000, NOP, NOP, NOP, NOP]);
    const space = cpu.program;
    let seen = -1;
    space.mapHandler(0x2000, 0x2fff, {
      read: () => 0,
      write: () => { seen = cpu.sliceCycles(); cpu.endSlice(); },
    });
    const used = cpu.run(1000);
    // UM table 8-2: MOVE.w Dn,(xxx).W = 12 clocks; the write is the 2nd of its 3 bus cycles
    expect(used).toBe(12);
    expect(seen).toBe(8);
    expect(cpu.pcValue()).toBe(RESET_PC + 4);
  });

  it('run(1) executes exactly one instruction', () => {
    const { cpu } = rig([0x7001 /* moveq #1,d0 */, 0x5280 /* addq.l #1,d0 */, NOP]);
    expect(cpu.run(1)).toBe(4);
    expect(cpu.getRegister('d0')).toBe(1);
    expect(cpu.run(1)).toBe(8); // UM table 8-5: ADDQ.l #,Dn 8
    expect(cpu.getRegister('d0')).toBe(2);
  });
});

describe('m68000 save state', () => {
  it('save → load → run matches the original run; save → load → save gives the same bytes', () => {
    // loop: addq.l #1,d0 ; move.l d0,(a0)+ ; bra.s -6
    const prog = [0x5280, 0x20c0, 0x60fa];
    const a = rig(prog);
    a.cpu.setRegister('a0', 0x2000);
    a.cpu.run(200);
    const w = new StateWriter();
    a.cpu.serialize(w);
    const saved = w.bytes();
    const ram = a.mem.slice(0, 0x10000); // RAM belongs to the machine; saved beside the CPU
    a.cpu.run(500);

    const b = rig([]);
    b.mem.set(ram);
    b.cpu.serialize(new StateReader(saved));
    const again = new StateWriter();
    b.cpu.serialize(again);
    expect(again.bytes()).toEqual(saved);
    b.cpu.run(500);
    for (const name of ['d0', 'a0', 'a7', 'usp', 'sr', 'pc', 'ir', 'irc']) expect(b.cpu.getRegister(name)).toBe(a.cpu.getRegister(name));
    expect(b.cpu.getRegister('d0')).toBeGreaterThan(10);
    expect(Buffer.from(b.mem.subarray(0x2000, 0x3000)).equals(Buffer.from(a.mem.subarray(0x2000, 0x3000)))).toBe(true);
  });
});

describe('m68000 disassembler', () => {
  // bytes from `m68k-linux-gnu-as -m68000` of the Motorola-syntax source in each row
  const rows: [number[], string][] = [
    [[0x46fc, 0x2700], 'move.w #$2700,sr'],
    [[0x3010], 'move.w (a0),d0'],
    [[0x4e71], 'nop'],
    [[0x20c0], 'move.l d0,(a0)+'],
    [[0x47f1, 0x2010], 'lea $10(a1,d2.w),a3'],
    [[0x48e7, 0xfffe], 'movem.l d0-d7/a0-a6,-(a7)'],
    [[0x4c9f, 0x0205], 'movem.w (a7)+,d0/d2/a1'],
    [[0x023c, 0x0012], 'andi.b #$12,ccr'],
    [[0x83fc, 0x0003], 'divs.w #$3,d1'],
    [[0x07ca, 0x0008], 'movep.l d3,$8(a2)'],
    [[0x0811, 0x0005], 'btst #5,(a1)'],
    [[0x0945], 'bchg d4,d5'],
    [[0xe780], 'asl.l #3,d0'],
    [[0xe4d2], 'roxr.w (a2)'],
    [[0xd509], 'addx.b -(a1),-(a2)'],
    [[0xc38a], 'exg d1,a2'],
    [[0x4e4f], 'trap #15'],
    [[0x4e72, 0x2000], 'stop #$2000'],
    [[0x4e66], 'move.l a6,usp'],
    [[0x5188], 'subq.l #8,a0'],
    [[0xb348], 'cmpm.w (a0)+,(a1)+'],
    [[0x4eb9, 0x0012, 0x3456], 'jsr ($00123456).l'],
    [[0x4e56, 0xfff8], 'link a6,#-$8'],
    [[0x4581], 'chk.w d1,d2'],
    [[0x8501], 'sbcd d1,d2'],
    [[0x42b8, 0x1234], 'clr.l ($1234).w'],
    [[0x1f28, 0x0003], 'move.b $3(a0),-(a7)'],
  ];
  it.each(rows)('%j → %s', (words, text) => {
    const bytes = words.flatMap((w) => [w >> 8, w & 0xff]);
    const d = disassembleM68000(0, (a) => bytes[a] ?? 0);
    expect(d.text).toBe(text);
    expect(d.length).toBe(bytes.length);
  });
  it('every opcode disassembles to some text with a plausible length', () => {
    for (let op = 0; op < 65536; op++) {
      const bytes = [op >> 8, op & 0xff, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0];
      const d = disassembleM68000(0, (a) => bytes[a] ?? 0);
      if (d.text.length === 0 || d.length < 2 || d.length > 10 || (d.length & 1) !== 0) throw new Error(`${op.toString(16)}: ${d.text} ${d.length}`);
    }
  });

  it('branches show absolute targets', () => {
    // at $16: bne.s .+$10 → $26 ; at $18: dbra d1,.-4 → $14 (GNU as)
    const mem = new Uint8Array(0x40);
    mem.set([0x66, 0x0e], 0x16);
    mem.set([0x51, 0xc9, 0xff, 0xfa], 0x18);
    expect(disassembleM68000(0x16, (a) => mem[a]).text).toBe('bne.s $000026');
    expect(disassembleM68000(0x18, (a) => mem[a]).text).toBe('dbra d1,$000014');
  });
});
