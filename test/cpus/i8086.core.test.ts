/**
 * Interrupts, REP interruption, save/load and the disassembler of the x86 core.
 * Expected behaviour from the Intel iAPX 86/88 User's Manual (interrupt sequence: push FLAGS, CS, IP;
 * clear IF and TF; vector at 0000:4n; NMI = type 2, single step = type 1; HLT resumes after an
 * interrupt; MOV/POP to a segment register holds off interrupts for one instruction) and, for the
 * disassembler, from the names the SingleStepTests/8086 vectors give each recorded instruction.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StateReader, StateWriter } from '../../src/core/serializer';
import { disassembleX86 } from '../../cpus/i8086/i8086.dasm';
import { loadVectors, vectorFiles } from '../../cpus/i8086/conformance';
import { CODE_SEG, DATA_SEG, IF, STACK_SEG, TF, machine } from './i8086/machine';
import { cpuVectors } from '../support/cpu-vectors';

function setVector(m: ReturnType<typeof machine>, n: number, cs: number, ip: number): void {
  m.poke16(0, n * 4, ip);
  m.poke16(0, n * 4 + 2, cs);
}

describe('interrupts', () => {
  it('INTR: taken when IF = 1 with the vector from irqAck; pushes FLAGS, CS, IP; clears IF', () => {
    const m = machine('8086', [0x90, 0x90, 0x90]);
    const c = m.cpu;
    setVector(m, 0x20, 0x0800, 0x0010);
    c.irqAck = () => 0x20;
    c.setRegister('flags', IF);
    m.step();
    c.setIrq(1);
    m.step();
    expect([c.getRegister('cs'), c.getRegister('ip')]).toEqual([0x0800, 0x0010]);
    expect(c.getRegister('flags') & IF).toBe(0);
    expect([m.peek16(STACK_SEG, 0x0ffa), m.peek16(STACK_SEG, 0x0ffc), m.peek16(STACK_SEG, 0x0ffe) & IF]).toEqual([1, CODE_SEG, IF]);
  });

  it('INTR is ignored while IF = 0; NMI (type 2) is taken anyway, once per rising edge', () => {
    const m = machine('v30', [0x90, 0x90, 0x90, 0x90]);
    const c = m.cpu;
    setVector(m, 2, 0x0900, 0x0000);
    m.mem.set([0x90, 0x90], m.at(0x0900, 0));
    c.setRegister('flags', 0);
    c.setIrq(1);
    m.step();
    expect(c.getRegister('ip')).toBe(1);
    c.setNmi(1);
    m.step();
    expect([c.getRegister('cs'), c.getRegister('ip')]).toEqual([0x0900, 0]);
    m.step();
    c.setNmi(1); // still high: no new edge
    m.step();
    expect([c.getRegister('cs'), c.getRegister('ip')]).toEqual([0x0900, 2]);
  });

  it('HLT waits until an interrupt; the return address is after the HLT', () => {
    const m = machine('8088', [0xfb, 0xf4, 0x90]);
    const c = m.cpu;
    setVector(m, 8, 0x0a00, 0x0000);
    c.irqAck = () => 8;
    m.step(2);
    expect(c.halted).toBe(1);
    expect(c.run(1000)).toBe(1000); // idles the whole budget
    c.setIrq(1);
    m.step();
    expect([c.getRegister('cs'), c.getRegister('ip'), m.peek16(STACK_SEG, 0x0ffa)]).toEqual([0x0a00, 0, 2]);
  });

  it('single step: with TF set, INT 1 follows each instruction; the handler runs with TF clear', () => {
    const m = machine('8086', [0x40, 0x40]);
    const c = m.cpu;
    setVector(m, 1, 0x0b00, 0x0000);
    m.mem[m.at(0x0b00, 0)] = 0xcf; // IRET
    c.setRegister('flags', TF);
    m.step(); // inc ax
    expect(c.getRegister('ax')).toBe(1);
    m.step(); // trap
    expect([c.getRegister('cs'), c.getRegister('ip')]).toEqual([0x0b00, 0]);
    expect(c.getRegister('flags') & TF).toBe(0);
    m.step(); // iret restores TF
    expect([c.getRegister('cs'), c.getRegister('ip')]).toEqual([CODE_SEG, 1]);
    m.step(); // inc ax
    expect(c.getRegister('ax')).toBe(2);
  });

  it('MOV SS holds off a pending interrupt for one instruction', () => {
    // mov ss, ax (8E D0); mov sp, 0x0800 (BC 00 08); nop
    const m = machine('8086', [0x8e, 0xd0, 0xbc, 0x00, 0x08, 0x90]);
    const c = m.cpu;
    setVector(m, 9, 0x0c00, 0);
    c.irqAck = () => 9;
    c.setRegister('ax', 0x2100);
    c.setRegister('flags', IF);
    c.setIrq(1);
    m.step(); // would be interrupted before, not after: taken first
    expect(c.getRegister('cs')).toBe(0x0c00);
    c.setRegister('cs', CODE_SEG); c.setRegister('ip', 0); c.setRegister('flags', IF);
    c.setIrq(0);
    m.step(); // mov ss
    c.setIrq(1);
    m.step(); // mov sp runs before the interrupt
    expect(c.getRegister('sp')).toBe(0x0800);
    m.step();
    expect(c.getRegister('cs')).toBe(0x0c00);
  });

  it('divide by zero: the 8086 pushes the address after DIV, the V30/80186 the DIV itself', () => {
    for (const [variant, ret] of [['8086', 2], ['80186', 0], ['v30', 0]] as const) {
      const m = machine(variant, [0xf6, 0xf3]); // div bl
      setVector(m, 0, 0x0d00, 0);
      m.cpu.setRegister('ax', 0x0100);
      m.step();
      expect(m.cpu.getRegister('cs')).toBe(0x0d00);
      expect(m.peek16(STACK_SEG, 0x0ffa)).toBe(ret);
    }
  });

  it('a REP string op cut by the cycle budget resumes where it stopped; an interrupt in between returns to it', () => {
    // rep stosb (F3 AA) with CX = 50
    const m = machine('8086', [0xf3, 0xaa, 0x90]);
    const c = m.cpu;
    setVector(m, 0x30, 0x0e00, 0);
    m.mem[m.at(0x0e00, 0)] = 0xcf; // IRET
    c.irqAck = () => 0x30;
    c.setRegister('cx', 50);
    c.setRegister('al', 0x5a);
    c.setRegister('flags', IF);
    c.run(60); // a few iterations
    expect(c.inRep).toBe(true);
    const left = c.getRegister('cx');
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(50);
    expect(c.getRegister('ip')).toBe(0);
    c.setIrq(1);
    m.step(); // interrupt taken between iterations
    c.setIrq(0);
    expect(c.getRegister('cs')).toBe(0x0e00);
    expect(m.peek16(STACK_SEG, 0x0ffa)).toBe(0); // returns to the REP prefix
    m.step(2); // iret, then the rest of the REP
    expect([c.getRegister('cs'), c.getRegister('ip'), c.getRegister('cx'), c.getRegister('di')]).toEqual([CODE_SEG, 2, 0, 50]);
    const stored = m.mem.subarray(m.at(0x4000, 0), m.at(0x4000, 50));
    expect(stored.every((b) => b === 0x5a)).toBe(true);
  });

  it('8086: an interrupted REP with two prefixes returns to the last prefix (the REP before it is lost)', () => {
    // rep cs movsb (F3 2E A4), CX = 40; Intel's 8086 manual warns that only the last prefix survives
    const m = machine('8086', [0xf3, 0x2e, 0xa4, 0x90]);
    const c = m.cpu;
    setVector(m, 0x31, 0x0e00, 0);
    m.mem[m.at(0x0e00, 0)] = 0xcf; // IRET
    c.irqAck = () => 0x31;
    c.setRegister('cx', 40);
    c.setRegister('flags', IF);
    c.run(80);
    const left = c.getRegister('cx');
    expect(left).toBeGreaterThan(0);
    c.setIrq(1);
    m.step();
    c.setIrq(0);
    expect(m.peek16(STACK_SEG, 0x0ffa)).toBe(1); // return IP = the CS prefix
    m.step(2); // IRET, then "cs movsb" once
    expect([c.getRegister('ip'), c.getRegister('cx')]).toEqual([3, left]);
  });

  it('endSlice() from a memory handler stops after the current instruction with an exact count', () => {
    const m = machine('8086', [0xa2, 0x00, 0x00, 0x90, 0x90]); // mov [0], al; nop; nop
    const c = m.cpu;
    const program = c.program;
    program.mapHandler(m.at(DATA_SEG, 0), m.at(DATA_SEG, 0) + 0xfff, { write: () => c.endSlice() });
    const used = c.run(1000);
    expect(c.getRegister('ip')).toBe(3);
    expect(used).toBe(11); // MOV mem,AL: 11 clocks (every A2 vector of SingleStepTests/8086)
  });
});

describe('save states', () => {
  // a loop that touches registers, memory, flags and the stack
  const code = [
    0xb9, 0x00, 0x01, // mov cx, 0x100
    0x01, 0xc8, // l: add ax, cx
    0xd1, 0xd3, // rcl bx, 1
    0x89, 0x07, // mov [bx], ax
    0x50, 0x5a, // push ax; pop dx
    0xe2, 0xf6, // loop l
    0xeb, 0xf1, // jmp start
  ];

  it('save → run → load → run gives the same state; save → load → save gives identical bytes', () => {
    for (const variant of ['8086', 'v30', '80188'] as const) {
      const a = machine(variant, code);
      a.cpu.setRegister('bx', 0x1234);
      a.cpu.run(5000);
      const w = new StateWriter();
      a.cpu.serialize(w);
      const saved = w.bytes();
      const memCopy = a.mem.slice();
      a.cpu.run(3000);
      const after = a.cpu.registerInfo().map((r) => a.cpu.getRegister(r.name));

      const b = machine(variant, []);
      b.mem.set(memCopy);
      b.cpu.serialize(new StateReader(saved));
      const w2 = new StateWriter();
      b.cpu.serialize(w2);
      expect(Buffer.compare(w2.bytes(), saved)).toBe(0);
      b.cpu.run(3000);
      expect(b.cpu.registerInfo().map((r) => b.cpu.getRegister(r.name))).toEqual(after);
      expect(Buffer.compare(b.mem, a.mem)).toBe(0);
    }
  });
});

describe('register view', () => {
  it('uses Intel names with NEC names as aliases', () => {
    const m = machine('v30', []);
    const names = m.cpu.registerInfo().map((r) => r.name);
    expect(names).toEqual(['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di', 'es', 'cs', 'ss', 'ds', 'ip', 'flags']);
    m.cpu.setRegister('aw', 0x1234);
    m.cpu.setRegister('ix', 0x0042);
    m.cpu.setRegister('ps', 0x2000);
    expect([m.cpu.getRegister('ax'), m.cpu.getRegister('si'), m.cpu.getRegister('cs')]).toEqual([0x1234, 0x42, 0x2000]);
    expect(m.cpu.pcValue()).toBe(0x20000 + m.cpu.getRegister('ip'));
  });
});

describe('disassembler', () => {
  const dis = (bytes: number[], variant: Parameters<typeof disassembleX86>[2]) =>
    disassembleX86(0x100, (a) => bytes[a - 0x100] ?? 0, variant);

  it('shows each variant its own extra instructions', () => {
    expect(dis([0x60], '80186')).toEqual({ text: 'pusha', length: 1 });
    expect(dis([0xc8, 0x08, 0x00, 0x01], '80186')).toEqual({ text: 'enter 0x0008, 0x01', length: 4 });
    expect(dis([0xc1, 0xe0, 0x04], 'v30')).toEqual({ text: 'shl ax, 0x04', length: 3 });
    expect(dis([0x62, 0x07], '80188')).toEqual({ text: 'bound ax, [bx]', length: 2 });
    expect(dis([0x6b, 0xc3, 0xfd], 'v20')).toEqual({ text: 'imul ax, bx, -0x03', length: 3 });
    expect(dis([0x6a, 0x80], '80186').text).toBe('push -0x80');
    expect(dis([0xf3, 0x6d], '80186').text).toBe('rep insw');
    expect(dis([0x0f, 0x10, 0xc0], 'v30')).toEqual({ text: 'test1 al, cl', length: 3 });
    expect(dis([0x0f, 0x1d, 0x07, 0x05], 'v30')).toEqual({ text: 'set1 word [bx], 0x05', length: 4 });
    expect(dis([0x0f, 0x20], 'v20')).toEqual({ text: 'add4s', length: 2 });
    expect(dis([0x0f, 0x28, 0x47, 0x10], 'v30')).toEqual({ text: 'rol4 byte [bx+0x10]', length: 4 });
    expect(dis([0x0f, 0x31, 0xd1], 'v30')).toEqual({ text: 'ins cl, dl', length: 3 });
    expect(dis([0x0f, 0x3b, 0xc1, 0x0f], 'v30')).toEqual({ text: 'ext cl, 0x0f', length: 4 });
    expect(dis([0x65, 0xa6], 'v30')).toEqual({ text: 'repc cmpsb', length: 2 });
    expect(dis([0x64, 0xae], 'v20')).toEqual({ text: 'repnc scasb', length: 2 });
    // the same bytes on the 8086 are its aliases
    expect(dis([0x60, 0x02], '8086')).toEqual({ text: 'jo 0x0104', length: 2 });
    expect(dis([0xc1], '8088')).toEqual({ text: 'ret', length: 1 });
    expect(dis([0x0f], '8086')).toEqual({ text: 'pop cs', length: 1 });
    expect(dis([0x64, 0xae], '8086').text).toBe('jz 0x00b0');
    // and 0x0F on an 80186 is an unused opcode
    expect(dis([0x0f], '80186').text).toBe('db 0x0f');
  });

  it('agrees with the recorded instruction names and lengths of the 8086 vectors', () => {
    const { dir, perFile } = cpuVectors('8086');
    expect(existsSync(dir), `no vectors at ${dir}`).toBe(true);
    // vector names that differ only in spelling
    const same: Record<string, string> = { retn: 'ret', callf: 'call', jmpf: 'jmp', xlat: 'xlatb', setmoc: 'setmo' };
    const skip = new Set(['cs', 'ds', 'es', 'ss', 'rep', 'repe', 'repne', 'repz', 'repnz', 'lock']);
    const mnemonic = (s: string) => {
      const w = s.split(' ').filter((x) => !skip.has(x))[0];
      return same[w] ?? w;
    };
    const bad: string[] = [];
    let checked = 0;
    for (const file of vectorFiles(dir)) {
      for (const v of loadVectors(dir, file).slice(0, 25)) {
        const lin = (v.initial.regs.cs * 16 + v.initial.regs.ip) & 0xfffff;
        const d = disassembleX86(lin, (a) => v.bytes[(a - lin) & 0xfffff] ?? 0x90, '8086');
        checked++;
        if (d.length !== v.bytes.length || mnemonic(d.text) !== mnemonic(v.name)) bad.push(`${file} ${v.name} → ${d.text} (${d.length})`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(300 * Math.min(perFile, 25));
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
