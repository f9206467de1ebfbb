/**
 * MOVE whose destination write takes an address error: which flags the instruction has already set
 * when the fault aborts it, for each size and destination mode (the rule in moveStore,
 * cpus/m68000/m68000.exec.ts). Expected values come from the SingleStepTests/m68000 suite (recorded
 * from MAME's microcoded 68000; the test named in each row has the same source/destination modes) and,
 * for a memory source to (xxx).l, from the microcode sequence of MAME's microcoded core
 * (m68000-sdf.cpp, move_l_*_adr32: CCR is written only after the first word is stored).
 *
 * Each row starts from CCR = X N Z V C = 0 1 1 1 1 and moves the long 0x00008000 (word 0x8000) to an
 * odd address, so the outcomes are distinct: untouched 0x0f, low word 0x08 (N), high word with V/C
 * cleared 0x04 (Z), high word with V/C kept 0x07, the word of a MOVE.w 0x08.
 * Encodings from `m68k-linux-gnu-as -m68000`.
 */
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/core/memory';
import { M68000 } from '../../cpus/m68000/m68000';

const PC = 0x1000, SSP = 0x8000, SRC = 0x102000, ODD = 0x102101;
const UNTOUCHED = 0x0f, LOW = 0x08, HIGH = 0x04, HIGH_KEEP_VC = 0x07, WORD = 0x08;

/** [instruction words, expected CCR, source of the expectation] */
const ROWS: [string, number[], number, string][] = [
  ['move.w %d0,(%a1)', [0x3280], WORD, 'MOVE.w tests with a faulting store, e.g. "MOVE.w Dn -> (An)" (4 tests)'],
  ['move.l %d0,(%a1)', [0x2280], UNTOUCHED, 'MOVE.l Dn,(An) tests with a faulting store (4 tests)'],
  ['move.l (%a5),(%a1)', [0x2295], LOW, 'MOVE.l d16(An),(An) and d8(An,Xn),(An) faulting tests'],
  ['move.l (%a5)+,(%a1)+', [0x22dd], LOW, 'MOVE.l (An),(An)+ and d8(An,Xn),(An)+ faulting tests'],
  ['move.l %d0,-(%a1)', [0x2300], HIGH, 'MOVE.l Dn,-(An) faulting tests'],
  ['move.l (%a5),-(%a1)', [0x2315], HIGH, 'MOVE.l test 109 "MOVE.l (A0), -(A5)"'],
  ['move.l %d0,0x100(%a1)', [0x2340, 0x0100], HIGH_KEEP_VC, 'MOVE.l An,d16(An) faulting tests (3 tests)'],
  ['move.l (%a5),0x100(%a1)', [0x2355, 0x0100], HIGH, 'MOVE.l (An),d16(An) and -(An),d16(An) faulting tests'],
  ['move.l %d0,0x10(%a1,%d3.w)', [0x2380, 0x3010], HIGH_KEEP_VC, 'MOVE.l An,d8(An,Xn) faulting tests (3 tests)'],
  ['move.l (%a5)+,(0x2101).w', [0x21dd, 0x2101], HIGH, 'MOVE.l test 035 "MOVE.l (A0)+, (xxx).w"'],
  ['move.l %d0,(0x102101).l', [0x23c0, 0x0010, 0x2101], HIGH, 'MOVE.l An,(xxx).l faulting test'],
  ['move.l (%a5)+,(0x102101).l', [0x23dd, 0x0010, 0x2101], UNTOUCHED, 'microcode: memory source to (xxx).l sets CCR after the first write'],
  ['move.l 0x100(%a5),(0x102101).l', [0x23ed, 0x0100, 0x0010, 0x2101], UNTOUCHED, 'microcode: memory source to (xxx).l sets CCR after the first write'],
];

function run(words: number[]) {
  const space = AddressSpace.flatRam({ name: 'program', addrBits: 24, endian: 'big', dataBits: 16 });
  const mem = space.mem;
  const w16 = (a: number, v: number) => { mem[a] = v >> 8; mem[a + 1] = v & 0xff; };
  w16(0, SSP >> 16); w16(2, SSP & 0xffff); w16(4, PC >> 16); w16(6, PC & 0xffff);
  w16(12, 0); w16(14, 0x4000); // address error handler at 0x4000
  words.forEach((w, i) => w16(PC + 2 * i, w));
  w16(SRC, 0x0000); w16(SRC + 2, 0x8000); w16(SRC + 0x100, 0x0000); w16(SRC + 0x102, 0x8000);
  const cpu = new M68000('maincpu', 8_000_000, space);
  cpu.reset();
  cpu.setRegister('sr', 0x270f);
  cpu.setRegister('d0', 0x8000);
  cpu.setRegister('d3', 0xf0);
  cpu.setRegister('a5', SRC);
  cpu.setRegister('a1', ODD);
  cpu.run(1);
  return { cpu, stackedSr: (mem[SSP - 14 + 8] << 8) | mem[SSP - 14 + 9] };
}

describe('m68000 MOVE: flags already set when the store takes an address error', () => {
  it.each(ROWS)('%s', (_text, words, ccr) => {
    const { cpu, stackedSr } = run(words);
    expect(cpu.pcValue(), 'took the address error').toBe(0x4000);
    expect(stackedSr & 0x1f).toBe(ccr);
    expect(cpu.getRegister('sr') & 0x1f).toBe(ccr);
  });

  it('a byte store to an odd address does not fault and sets N/Z of the byte', () => {
    const { cpu } = run([0x1280]); // move.b %d0,(%a1): byte 0x00
    expect(cpu.pcValue()).toBe(PC + 2);
    expect(cpu.getRegister('sr') & 0x1f).toBe(0x04);
  });
});
