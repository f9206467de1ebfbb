/**
 * The 8086 BIU / prefetch-queue timing model (cpus/i8086/i8086.biu.ts) on hand-built cases. Each
 * expected count is the length of a real P80C86A bus trace in SingleStepTests/8086 (file and test
 * named per case; the register values are that test's), i.e. recorded, not produced by this core.
 * The same instruction differs only by where the prefetch queue's code fetches fall.
 */
import { describe, expect, it } from 'vitest';
import { SS, DS, BX, SI, SP } from '../../cpus/i8086/i8086';
import { flat8086 } from '../../cpus/i8086/conformance';

interface Case { cs: number; ip: number; bytes: number[]; queue: number; regs?: [number, number][]; ss?: number; ds?: number }

/** Clocks of one instruction, accurate path (biu) or fast path (instruction tables). */
function clocks(c: Case, biu: boolean): number {
  const { cpu, mem } = flat8086();
  cpu.biu = biu;
  cpu.reset();
  cpu.loadCs(c.cs);
  cpu.ip = c.ip;
  cpu.sreg[SS] = c.ss ?? 0x2000;
  cpu.sreg[DS] = c.ds ?? 0x3000;
  for (const [r, v] of c.regs ?? []) cpu.r16[r] = v;
  const at = (c.cs << 4) + c.ip;
  mem.set([...c.bytes, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90], at);
  cpu.queueAtStart = c.queue;
  const n = cpu.run(1);
  return n;
}

describe('8086 prefetch queue timing (accurate path)', () => {
  it('PUSH AX: 10 clocks from a 6-byte queue; 11 at an odd address, where a code fetch holds the bus (50.json.gz)', () => {
    // "push ax" ip C6F2 (even, queue 6, SP 5374): 10 clocks; "push ax" ip 96D3 (odd, queue 5, SP 3F28): 11
    expect(clocks({ cs: 0x7571, ip: 0xc6f2, bytes: [0x50], queue: 6, ss: 0xed99, regs: [[SP, 0x5374]] }, true)).toBe(10);
    expect(clocks({ cs: 0x1385, ip: 0x96d3, bytes: [0x50], queue: 5, ss: 0xe9b6, regs: [[SP, 0x3f28]] }, true)).toBe(11);
  });

  it('JMP short: 15 clocks at an even address, 17 at an odd one, where the suspend waits for a fetch (EB.json.gz)', () => {
    // "jmp FFAEh" ip 9116 (queue 6): 15; "jmp 000Bh" ip B3AD (queue 5): 17
    expect(clocks({ cs: 0x4dd2, ip: 0x9116, bytes: [0xeb, 0xac], queue: 6 }, true)).toBe(15);
    expect(clocks({ cs: 0x0e97, ip: 0xb3ad, bytes: [0xeb, 0x09], queue: 5 }, true)).toBe(17);
  });

  it('ADD word [BX+SI+disp], imm16: the write waits for the fetch the immediate bytes started (81.0.json.gz)', () => {
    // "add word [ds:bx+si+DE2h], 92E7h" ip 2442: 30 clocks; "add word [ds:bx+si+49h], FFB5h" ip 3E6C: 28
    expect(clocks({
      cs: 0x94c7, ip: 0x2442, bytes: [0x81, 0x80, 0xe2, 0x0d, 0xe7, 0x92], queue: 6, ds: 0x07ad,
      regs: [[BX, 0x2292], [SI, 0x348e]],
    }, true)).toBe(30);
    expect(clocks({
      cs: 0x1e30, ip: 0x3e6c, bytes: [0x81, 0x40, 0x49, 0xb5, 0xff], queue: 6, ds: 0xc1fd,
      regs: [[BX, 0x56e0], [SI, 0x4adb]],
    }, true)).toBe(28);
  });

  it('the fast path keeps the instruction-table count wherever the instruction sits', () => {
    const even = clocks({ cs: 0x4dd2, ip: 0x9116, bytes: [0xeb, 0xac], queue: 6 }, false);
    const odd = clocks({ cs: 0x0e97, ip: 0xb3ad, bytes: [0xeb, 0x09], queue: 5 }, false);
    expect(even).toBe(odd);
  });
});
