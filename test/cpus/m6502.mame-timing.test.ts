/**
 * The 6502's opt-in MAME 0.251 timing (`mameIrqTiming`, used by boards compared with MAME frame by frame):
 * MAME's m6502 checks interrupts at the opcode fetch that ends each instruction and stops its slices at
 * exact cycles, so a line changed between slices is taken before the next instruction; and MAME counts
 * the reset sequence inside the first slice. Without the option, the core keeps the data-sheet poll
 * (nesdev "CPU interrupts"): a change before an instruction is seen by that instruction's poll.
 * The MAME side was measured with gottdemo (test/golden/gottdemo/README.md).
 */
import { describe, expect, it } from 'vitest';
import { Bench } from './m6502/bench';

const NOP = 0xea;

describe('6502 mameIrqTiming', () => {
  it('an IRQ a CPU running ahead raises between run() calls is taken before the next instruction', () => {
    const b = new Bench().load(0x0200, [NOP, NOP, NOP], 0x20);
    b.cpu.mameIrqTiming = true;
    b.cpu.mameLinesFromAheadCpu = true;
    b.cpu.setIrq(1);
    expect(b.steps(2)).toEqual([7, 2]); // IRQ sequence first, then the handler's NOP
    expect(b.pushIndex(0x0200)).toBeGreaterThanOrEqual(0);
  });

  it('a timer\'s IRQ at a slice end that fell between instructions waits for the next poll (MAME polled already)', () => {
    const b = new Bench().load(0x0200, [NOP, NOP, NOP], 0x20);
    b.cpu.mameIrqTiming = true;
    expect(b.cpu.run(2)).toBe(2); // one NOP, ending exactly at the budget
    b.cpu.setIrq(1);
    expect(b.steps(2)).toEqual([2, 7]);
  });

  it('a timer\'s IRQ at a slice end inside an instruction is taken before the next one', () => {
    const b = new Bench().load(0x0200, [NOP, NOP, NOP], 0x20);
    b.cpu.mameIrqTiming = true;
    expect(b.cpu.run(1)).toBe(2); // the NOP ran past the slice end
    b.cpu.setIrq(1);
    expect(b.steps(2)).toEqual([7, 2]);
  });

  it('without it, the same IRQ waits for the next instruction to finish (data-sheet poll)', () => {
    const b = new Bench().load(0x0200, [NOP, NOP, NOP], 0x20);
    b.cpu.setIrq(1);
    expect(b.steps(2)).toEqual([2, 7]);
  });

  it('counts MAME reset cycles in the first slice after reset', () => {
    const b = new Bench().load(0x0200, [NOP, NOP], 0x24);
    b.cpu.mameIrqTiming = true;
    b.cpu.mameResetCycles = 7;
    b.cpu.reset();
    const pc = b.cpu.pc;
    expect(b.cpu.run(3)).toBe(3); // the reset sequence's cycles use the first budgets
    expect(b.cpu.run(4)).toBe(4);
    expect(b.cpu.pc).toBe(pc);
    expect(b.cpu.run(1)).toBe(2); // then the first instruction
  });
});
