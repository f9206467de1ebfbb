/**
 * 6502 interrupt timing, every expectation taken from 6502 documentation:
 * - nesdev wiki, "CPU interrupts" (detailed interrupt behavior): IRQ and NMI are polled at the end
 *   of the second-to-last cycle of an instruction; interrupt sequences do not poll, so the handler's
 *   first instruction always runs; CLI, SEI and PLP change I after the poll (one-instruction delay,
 *   SEI still lets a pending IRQ in), RTI before it; branches poll before their operand fetch and,
 *   for taken page-crossing branches, before the PCH fix-up only; interrupt hijacking: an NMI during
 *   the first four cycles of BRK (or of an IRQ sequence) takes the NMI vector, BRK keeps B set.
 * - "6502_cpu.txt" (64doc): interrupt sequence cycles (two reads at PC, push PCH, PCL, P, vector).
 * Cycle numbers below are 0-based access indices in the bus log (one access per cycle).
 */
import { describe, expect, it } from 'vitest';
import { Bench } from './m6502/bench';

const CLI = 0x58, SEI = 0x78, PLP = 0x28, RTI = 0x40, NOP = 0xea, BRK = 0x00;

describe('6502 IRQ/NMI sequences', () => {
  it('IRQ raised between instructions is taken after the next instruction, with the 7-cycle sequence', () => {
    const b = new Bench().load(0x0200, [NOP, NOP, NOP], 0x20); // I clear
    b.cpu.setIrq(1);
    expect(b.steps(3)).toEqual([2, 7, 2]); // NOP, IRQ sequence, first handler NOP
    // 64doc: IRQ/NMI = read PC twice (PC not incremented), push PCH, PCL, P (B clear), read vector
    expect(b.trace(0, 9)).toEqual([
      'r 0200 ea', 'r 0201 ea',
      'r 0201 ea', 'r 0201 ea', 'w 01fd 02', 'w 01fc 01', 'w 01fb 20', 'r fffe 00', 'r ffff 03',
    ]);
    expect(b.cpu.getRegister('p') & 0x04).toBe(4);
    expect(b.log[9].addr).toBe(0x0300);
  });

  it('a held IRQ is ignored while I is set', () => {
    const b = new Bench().load(0x0200, [NOP, NOP, NOP, NOP], 0x24);
    b.cpu.setIrq(1);
    b.steps(4);
    expect(b.pushIndex(0x0201)).toBe(-1);
    expect(b.cpu.pc).toBe(0x0204);
  });

  it('NMI is an edge: one sequence per falling edge, even if held', () => {
    const b = new Bench().load(0x0200, [NOP, NOP, NOP], 0x24);
    b.cpu.setNmi(1);
    expect(b.steps(2)).toEqual([2, 7]);
    expect(b.trace(6, 9)).toEqual(['w 01fb 24', 'r fffa 00', 'r fffb 04']);
    b.steps(5); // NMI handler NOPs: no second NMI while the line stays asserted
    expect(b.cpu.pc).toBe(0x0405);
    b.cpu.setNmi(0);
    b.cpu.setNmi(1);
    expect(b.steps(2)).toEqual([2, 7]);
    expect(b.cpu.pc).toBe(0x0400);
  });
});

describe('6502 I-flag changes and the interrupt poll (nesdev "CPU interrupts")', () => {
  it('CLI: a pending IRQ waits for the instruction after CLI', () => {
    const b = new Bench().load(0x0200, [CLI, NOP, NOP, NOP], 0x24);
    b.cpu.setIrq(1);
    b.runCycles(2 + 2 + 7);
    // CLI at 0-1, NOP at 2-3, IRQ sequence at 4-10 pushing $0202 (the address after that NOP)
    expect(b.pushIndex(0x0202)).toBe(6);
    expect(b.log[4].addr).toBe(0x0202);
  });

  it('SEI: an IRQ raised before SEI\'s poll is still taken right after SEI, with I set in the pushed P', () => {
    // STA $5000 raises IRQ in its last cycle (after its poll), so SEI's poll is the first to see it.
    const b = new Bench().load(0x0200, [0x8d, 0x00, 0x50, SEI, NOP], 0x20);
    b.hook = (a) => { if (a.write && a.addr === 0x5000) b.cpu.setIrq(1); };
    b.runCycles(4 + 2 + 7);
    expect(b.pushIndex(0x0204)).toBe(8); // STA 0-3, SEI 4-5, sequence 6-12
    expect(b.log[10].data & 0x14).toBe(0x04); // pushed P: I set (SEI done), B clear
    expect(b.cpu.pc).toBe(0x0300);
  });

  it('without SEI the same late IRQ is taken after the next instruction (control for the test above)', () => {
    const b = new Bench().load(0x0200, [0x8d, 0x00, 0x50, NOP, NOP], 0x20);
    b.hook = (a) => { if (a.write && a.addr === 0x5000) b.cpu.setIrq(1); };
    b.runCycles(4 + 2 + 7);
    expect(b.pushIndex(0x0204)).toBe(8);
    expect(b.log[10].data & 0x04).toBe(0x00);
  });

  it('PLP clearing I: a pending IRQ waits for the next instruction', () => {
    const b = new Bench().load(0x0200, [PLP, NOP, NOP], 0x24);
    b.ram[0x01fe] = 0x20; // pulled P: I clear
    b.cpu.setIrq(1);
    b.runCycles(4 + 2 + 7);
    expect(b.pushIndex(0x0202)).toBe(8); // PLP 0-3, NOP 4-5, sequence 6-12
  });

  it('PLP setting I: an IRQ pending at its poll is still taken right after PLP', () => {
    const b = new Bench().load(0x0200, [0x8d, 0x00, 0x50, PLP, NOP], 0x20);
    b.ram[0x01fe] = 0x24; // pulled P: I set
    b.hook = (a) => { if (a.write && a.addr === 0x5000) b.cpu.setIrq(1); };
    b.runCycles(4 + 4 + 7);
    expect(b.pushIndex(0x0204)).toBe(10); // STA 0-3, PLP 4-7, sequence 8-14
  });

  it('RTI clearing I: a pending IRQ is taken immediately after RTI', () => {
    const b = new Bench().load(0x0200, [RTI], 0x24);
    b.ram[0x01fe] = 0x20; b.ram[0x01ff] = 0x34; b.ram[0x0100] = 0x12; // P, PCL, PCH → $1234
    b.ram[0x1234] = NOP;
    b.cpu.setIrq(1);
    b.runCycles(6 + 7);
    expect(b.pushIndex(0x1234)).toBe(8); // RTI 0-5, sequence 6-12: the NOP at $1234 did not run
    expect(b.log.some((a) => a.addr === 0x1235)).toBe(false);
  });
});

describe('6502 branches and the interrupt poll (nesdev "CPU interrupts", branch instructions)', () => {
  // IRQ raised by the board during the branch's operand fetch (its 2nd cycle): after the poll
  // before that cycle. Only a taken page-crossing branch polls again (before the PCH fix-up).
  const raiseOnOperand = (b: Bench, operandAddr: number) => {
    b.hook = (a) => { if (!a.write && a.addr === operandAddr && a.cycle === 1) b.cpu.setIrq(1); };
  };

  it('taken branch within the page: the IRQ waits for one more instruction', () => {
    const b = new Bench().load(0x0200, [0xd0, 0x02, NOP, NOP, NOP, NOP], 0x20); // BNE +2 (Z clear)
    raiseOnOperand(b, 0x0201);
    b.runCycles(3 + 2 + 7);
    expect(b.pushIndex(0x0205)).toBe(7); // BNE 0-2 to $0204, NOP 3-4, sequence 5-11
  });

  it('taken branch crossing a page: the second poll sees the IRQ, taken right after the branch', () => {
    const b = new Bench().load(0x02f0, [0xd0, 0x20], 0x20); // BNE to $0312
    b.ram.fill(NOP, 0x0312, 0x0316);
    raiseOnOperand(b, 0x02f1);
    b.runCycles(4 + 7);
    expect(b.trace(0, 4)).toEqual(['r 02f0 d0', 'r 02f1 20', 'r 02f2 00', 'r 0212 00']); // dummy reads at PC, then PCH unfixed
    expect(b.pushIndex(0x0312)).toBe(6); // BNE 0-3, sequence 4-10
  });

  it('branch not taken (2 cycles): the IRQ raised in its last cycle waits for the next instruction', () => {
    const b = new Bench().load(0x0200, [0xf0, 0x02, NOP, NOP], 0x20); // BEQ not taken (Z clear)
    raiseOnOperand(b, 0x0201);
    b.runCycles(2 + 2 + 7);
    expect(b.pushIndex(0x0203)).toBe(6); // BEQ 0-1, NOP 2-3, sequence 4-10
  });

  it('a 3-cycle non-branch instruction polls in its 2nd cycle: the same IRQ is taken right after it', () => {
    const b = new Bench().load(0x0200, [0xa5, 0x10, NOP], 0x20); // LDA $10
    raiseOnOperand(b, 0x0201);
    b.runCycles(3 + 7);
    expect(b.pushIndex(0x0202)).toBe(5);
  });

  it('IRQ raised before a taken in-page branch is seen by the poll before its operand fetch', () => {
    const b = new Bench().load(0x0200, [0xd0, 0x02, NOP, NOP, NOP], 0x20);
    b.hook = (a) => { if (!a.write && a.addr === 0x0200 && a.cycle === 0) b.cpu.setIrq(1); }; // during the opcode fetch
    b.runCycles(3 + 7);
    expect(b.pushIndex(0x0204)).toBe(5);
  });
});

describe('6502 interrupt hijacking (nesdev "CPU interrupts", interrupt hijacking)', () => {
  it('NMI during the first four cycles of BRK: BRK pushes PC+2 and P with B, then vectors through $fffa', () => {
    const b = new Bench().load(0x0200, [BRK, 0xff], 0x24);
    b.hook = (a) => { if (a.write && a.addr === 0x01fd) b.cpu.setNmi(1); }; // BRK's 3rd cycle: push PCH
    expect(b.steps(1)).toEqual([7]);
    expect(b.trace()).toEqual([
      'r 0200 00', 'r 0201 ff', 'w 01fd 02', 'w 01fc 02', 'w 01fb 34', 'r fffa 00', 'r fffb 04',
    ]);
    expect(b.cpu.pc).toBe(0x0400);
    b.steps(3); // the NMI was serviced by the hijacked BRK: no second sequence follows
    expect(b.cpu.pc).toBe(0x0403);
  });

  it('NMI in the 4th cycle of BRK (PCL push) still hijacks it', () => {
    const b = new Bench().load(0x0200, [BRK, 0xff], 0x24);
    b.hook = (a) => { if (a.write && a.addr === 0x01fc) b.cpu.setNmi(1); };
    b.steps(1);
    expect(b.trace(5, 7)).toEqual(['r fffa 00', 'r fffb 04']);
  });

  it('NMI after the 4th cycle of BRK: BRK vector, then the NMI after the first handler instruction', () => {
    const b = new Bench().load(0x0200, [BRK, 0xff], 0x24);
    b.hook = (a) => { if (a.write && a.addr === 0x01fb) b.cpu.setNmi(1); }; // 5th cycle: push P
    b.runCycles(7 + 2 + 7);
    expect(b.trace(5, 7)).toEqual(['r fffe 00', 'r ffff 03']);
    expect(b.log[7].addr).toBe(0x0300); // BRK handler's first NOP runs (sequences do not poll)
    expect(b.pushIndex(0x0301)).toBe(11); // BRK 0-6, NOP 7-8, NMI sequence 9-15
    expect(b.trace(14, 16)).toEqual(['r fffa 00', 'r fffb 04']);
  });

  it('NMI during an IRQ sequence\'s first four cycles takes the NMI vector with B clear', () => {
    const b = new Bench().load(0x0200, [NOP, NOP], 0x20);
    b.cpu.setIrq(1);
    b.hook = (a) => { if (a.write && a.addr === 0x01fd) b.cpu.setNmi(1); };
    b.steps(2);
    expect(b.trace(2, 9)).toEqual(['r 0201 ea', 'r 0201 ea', 'w 01fd 02', 'w 01fc 01', 'w 01fb 20', 'r fffa 00', 'r fffb 04']);
  });
});

describe('6502 slices', () => {
  it('an interrupt decided at the end of a slice starts the next slice', () => {
    const b = new Bench().load(0x0200, [NOP, NOP], 0x20);
    b.cpu.setIrq(1);
    expect(b.cpu.run(1)).toBe(2);
    expect(b.cpu.run(1)).toBe(7);
    expect(b.cpu.pc).toBe(0x0300);
  });

  it('endSlice from a handler stops after the current instruction; sliceCycles is the access index', () => {
    const b = new Bench().load(0x0200, [0xee, 0x00, 0x50, NOP, NOP], 0x24); // INC $5000
    const seen: number[] = [];
    b.hook = (a) => { if (a.addr === 0x5000) { seen.push(b.cpu.sliceCycles()); b.cpu.endSlice(); } };
    expect(b.cpu.run(1000)).toBe(6);
    expect(seen).toEqual([3, 4, 5]); // read, write back the old value, write the new one
    expect(b.trace(3, 6)).toEqual(['r 5000 00', 'w 5000 00', 'w 5000 01']);
  });
});
