/**
 * 80186/80188 and NEC V20/V30 additions. No recorded vectors exist for these here, so every expected
 * value is worked out by hand from the documentation:
 * - Intel "80C186/80C188 data sheet" and "iAPX 86/88, 186/188 User's Manual" (instruction set
 *   reference: PUSHA/POPA order, PUSH imm sign extension, IMUL imm flags, shift/rotate by immediate,
 *   BOUND → INT 5 with CS:IP of the BOUND, ENTER/LEAVE algorithm, INS/OUTS, the 5-bit shift-count mask,
 *   unused-opcode exception type 6).
 * - NEC "V20/V30 User's Manual" (TEST1/SET1/CLR1/NOT1 bit operations and their flags, ADD4S/SUB4S/
 *   CMP4S packed-BCD strings of CL digits, ROL4/ROR4 digit rotation through AL, bit-field INS/EXT with
 *   the bit offset in the first operand and length - 1 in the second, REPC/REPNC).
 */
import { describe, expect, it } from 'vitest';
import type { X86Variant } from '../../cpus/i8086/i8086';
import { CF, CODE_SEG, DATA_SEG, DF, EXTRA_SEG, OF, STACK_SEG, ZF, machine } from './i8086/machine';

const EXT_VARIANTS: X86Variant[] = ['80186', '80188', 'v20', 'v30'];
const NEC: X86Variant[] = ['v20', 'v30'];

describe.each(EXT_VARIANTS)('80186-class additions on %s', (variant) => {
  it('PUSHA pushes AX CX DX BX, the original SP, BP SI DI; POPA restores all but SP', () => {
    const m = machine(variant, [0x60, 0x61]);
    const c = m.cpu;
    ['ax', 'cx', 'dx', 'bx'].forEach((r, i) => c.setRegister(r, i + 1));
    c.setRegister('bp', 6); c.setRegister('si', 7); c.setRegister('di', 8);
    m.step();
    expect(c.getRegister('sp')).toBe(0x0ff0);
    const stacked = Array.from({ length: 8 }, (_, i) => m.peek16(STACK_SEG, 0x0ff0 + 2 * i));
    expect(stacked).toEqual([8, 7, 6, 0x1000, 4, 3, 2, 1]);
    ['ax', 'cx', 'dx', 'bx', 'bp', 'si', 'di'].forEach((r) => c.setRegister(r, 0xdead));
    m.poke16(STACK_SEG, 0x0ff0 + 6, 0x5555); // the stored SP is skipped by POPA
    m.step();
    expect(['ax', 'cx', 'dx', 'bx', 'bp', 'si', 'di', 'sp'].map((r) => c.getRegister(r))).toEqual([1, 2, 3, 4, 6, 7, 8, 0x1000]);
  });

  it('PUSH imm16 and PUSH imm8 (sign-extended)', () => {
    const m = machine(variant, [0x68, 0x34, 0x12, 0x6a, 0x80, 0x6a, 0x7f]);
    m.step(3);
    expect(m.cpu.getRegister('sp')).toBe(0x0ffa);
    expect([m.peek16(STACK_SEG, 0x0ffe), m.peek16(STACK_SEG, 0x0ffc), m.peek16(STACK_SEG, 0x0ffa)]).toEqual([0x1234, 0xff80, 0x007f]);
  });

  it('IMUL reg, r/m, imm: signed product; CF = OF = 1 only when it does not fit 16 bits', () => {
    // imul cx, bx, 0x0003 (69 CB 03 00) with BX = -2 → -6; imul ax, bx, 5 (6B C3 05) with BX = 0x4000 → 0x14000
    const m = machine(variant, [0x69, 0xcb, 0x03, 0x00, 0x6b, 0xc3, 0x05]);
    const c = m.cpu;
    c.setRegister('bx', 0xfffe);
    c.setRegister('flags', CF | OF);
    m.step();
    expect(c.getRegister('cx')).toBe(0xfffa);
    expect(c.getRegister('flags') & (CF | OF)).toBe(0);
    c.setRegister('bx', 0x4000);
    m.step();
    expect(c.getRegister('ax')).toBe(0x4000);
    expect(c.getRegister('flags') & (CF | OF)).toBe(CF | OF);
  });

  it('IMUL reg, mem, imm8 reads the memory operand', () => {
    // imul dx, [bx], -3 (6B 17 FD), [DS:0x20] = 7 → -21 = 0xffeb
    const m = machine(variant, [0x6b, 0x17, 0xfd]);
    m.cpu.setRegister('bx', 0x20);
    m.poke16(DATA_SEG, 0x20, 7);
    m.step();
    expect(m.cpu.getRegister('dx')).toBe(0xffeb);
  });

  it('shifts and rotates by an immediate count', () => {
    // shl ax, 4 (C1 E0 04): 0x1234 → 0x2340, last bit out = old bit 12 = 1
    // shr al, 3 (C0 E8 03): 0x81 → 0x10, last bit out = old bit 2 = 0
    // rol word [bx], 8 (C1 07 08): 0xabcd → 0xcdab, CF = new bit 0 = 1
    // sar dl, 2 (C0 FA 02): 0x80 → 0xe0
    const m = machine(variant, [0xc1, 0xe0, 0x04, 0xc0, 0xe8, 0x03, 0xc1, 0x07, 0x08, 0xc0, 0xfa, 0x02]);
    const c = m.cpu;
    c.setRegister('ax', 0x1234);
    m.step();
    expect(c.getRegister('ax')).toBe(0x2340);
    expect(c.getRegister('flags') & CF).toBe(CF);
    c.setRegister('al', 0x81);
    m.step();
    expect(c.getRegister('al')).toBe(0x10);
    expect(c.getRegister('flags') & CF).toBe(0);
    c.setRegister('bx', 0x40);
    m.poke16(DATA_SEG, 0x40, 0xabcd);
    m.step();
    expect(m.peek16(DATA_SEG, 0x40)).toBe(0xcdab);
    expect(c.getRegister('flags') & CF).toBe(CF);
    c.setRegister('dl', 0x80);
    m.step();
    expect(c.getRegister('dl')).toBe(0xe0);
  });

  it('BOUND: no trap inside the signed bounds, INT 5 with CS:IP of the BOUND outside them', () => {
    // bound ax, [bx] (62 07) three times: in range, below (signed), above
    const m = machine(variant, [0x62, 0x07, 0x62, 0x07, 0x62, 0x07]);
    const c = m.cpu;
    c.setRegister('bx', 0x10);
    m.poke16(DATA_SEG, 0x10, 0xfffe); // low  = -2
    m.poke16(DATA_SEG, 0x12, 0x0020); // high = 32
    m.poke16(0, 5 * 4, 0x0100); // INT 5 vector → 0500:0100
    m.poke16(0, 5 * 4 + 2, 0x0500);
    c.setRegister('ax', 0xffff); // -1: inside
    m.step();
    expect(c.getRegister('ip')).toBe(2);
    c.setRegister('ax', 0x0021); // 33: above
    m.step();
    expect([c.getRegister('cs'), c.getRegister('ip')]).toEqual([0x0500, 0x0100]);
    expect(m.peek16(STACK_SEG, 0x0ffa)).toBe(2); // return IP = the BOUND itself
    expect(m.peek16(STACK_SEG, 0x0ffc)).toBe(CODE_SEG);
  });

  it('ENTER size,0 and LEAVE build and drop a frame', () => {
    // enter 8, 0 (C8 08 00 00); leave (C9)
    const m = machine(variant, [0xc8, 0x08, 0x00, 0x00, 0xc9]);
    const c = m.cpu;
    c.setRegister('bp', 0x1234);
    m.step();
    expect(m.peek16(STACK_SEG, 0x0ffe)).toBe(0x1234);
    expect([c.getRegister('bp'), c.getRegister('sp')]).toEqual([0x0ffe, 0x0ff6]);
    m.step();
    expect([c.getRegister('bp'), c.getRegister('sp')]).toEqual([0x1234, 0x1000]);
  });

  it('ENTER with nesting level 2 copies the outer frame pointer and pushes the new one', () => {
    // enter 4, 2 (C8 04 00 02): push BP; copy [BP-2] of the old frame; push the new frame pointer
    const m = machine(variant, [0xc8, 0x04, 0x00, 0x02]);
    const c = m.cpu;
    c.setRegister('bp', 0x0f00);
    m.poke16(STACK_SEG, 0x0efe, 0xaaaa);
    m.step();
    expect([m.peek16(STACK_SEG, 0x0ffe), m.peek16(STACK_SEG, 0x0ffc), m.peek16(STACK_SEG, 0x0ffa)]).toEqual([0x0f00, 0xaaaa, 0x0ffe]);
    expect([c.getRegister('bp'), c.getRegister('sp')]).toEqual([0x0ffe, 0x0ff6]);
  });

  it('INSB/INSW store port DX at ES:DI; OUTSB/OUTSW send DS:SI to port DX; DF steps down', () => {
    // insb; insw; outsb; outsw (6C 6D 6E 6F)
    const m = machine(variant, [0x6c, 0x6d, 0x6e, 0x6f]);
    const c = m.cpu;
    c.setRegister('dx', 0x0080);
    m.ports[0x80] = 0x5a; m.ports[0x81] = 0xa5;
    c.setRegister('di', 0x10);
    m.step(2);
    expect(Array.from(m.mem.subarray(m.at(EXTRA_SEG, 0x10), m.at(EXTRA_SEG, 0x13)))).toEqual([0x5a, 0x5a, 0xa5]);
    expect(c.getRegister('di')).toBe(0x13);
    c.setRegister('si', 0x20);
    m.mem[m.at(DATA_SEG, 0x20)] = 0x11;
    m.poke16(DATA_SEG, 0x21, 0xbeef);
    m.step(2);
    expect(m.portWrites).toEqual([[0x80, 0x11], [0x80, 0xef], [0x81, 0xbe]]);
    expect(c.getRegister('si')).toBe(0x23);
  });

  it('REP INSB repeats CX times (DF = 1 decrements DI)', () => {
    const m = machine(variant, [0xf3, 0x6c]);
    const c = m.cpu;
    c.setRegister('cx', 3);
    c.setRegister('di', 0x10);
    c.setRegister('dx', 0x44);
    c.setRegister('flags', DF);
    m.ports[0x44] = 0x77;
    m.step();
    expect([c.getRegister('cx'), c.getRegister('di')]).toEqual([0, 0x0d]);
    expect(Array.from(m.mem.subarray(m.at(EXTRA_SEG, 0x0e), m.at(EXTRA_SEG, 0x11)))).toEqual([0x77, 0x77, 0x77]);
  });
});

describe('80186/80188 only', () => {
  it.each(['80186', '80188'] as X86Variant[])('%s masks shift counts to 5 bits', (variant) => {
    // shl al, 0x21 (C0 E0 21) shifts by 1
    const m = machine(variant, [0xc0, 0xe0, 0x21]);
    m.cpu.setRegister('al', 0x81);
    m.step();
    expect(m.cpu.getRegister('al')).toBe(0x02);
    expect(m.cpu.getRegister('flags') & CF).toBe(CF);
  });

  it.each(['80186', '80188'] as X86Variant[])('%s raises the unused-opcode exception (type 6) with CS:IP of the opcode', (variant) => {
    const m = machine(variant, [0x90, 0x63]);
    m.poke16(0, 6 * 4, 0x0200);
    m.poke16(0, 6 * 4 + 2, 0x0600);
    m.step(2);
    expect([m.cpu.getRegister('cs'), m.cpu.getRegister('ip')]).toEqual([0x0600, 0x0200]);
    expect(m.peek16(STACK_SEG, 0x0ffa)).toBe(1);
  });
});

describe.each(NEC)('NEC extensions on %s', (variant) => {
  it('TEST1 sets Z when the bit is 0, clears CY and V; bit number from CL or an immediate', () => {
    // test1 al, cl (0F 10 C0); test1 ax, 15 (0F 19 C0 0F)
    const m = machine(variant, [0x0f, 0x10, 0xc0, 0x0f, 0x10, 0xc0, 0x0f, 0x19, 0xc0, 0x0f]);
    const c = m.cpu;
    c.setRegister('ax', 0x8004);
    c.setRegister('cl', 2);
    c.setRegister('flags', CF | OF);
    m.step();
    expect(c.getRegister('flags') & (ZF | CF | OF)).toBe(0);
    c.setRegister('cl', 3 + 8); // bit number taken modulo 8 for a byte operand
    m.step();
    expect(c.getRegister('flags') & ZF).toBe(ZF);
    m.step();
    expect(c.getRegister('flags') & ZF).toBe(0);
  });

  it('SET1 / CLR1 / NOT1 on memory and registers', () => {
    // set1 byte [bx], cl (0F 14 07); clr1 word [bx], 4 (0F 1B 07 04); not1 dl, 0 (0F 1E C2 00); not1 dx, cl (0F 17 C2)
    const m = machine(variant, [0x0f, 0x14, 0x07, 0x0f, 0x1b, 0x07, 0x04, 0x0f, 0x1e, 0xc2, 0x00, 0x0f, 0x17, 0xc2]);
    const c = m.cpu;
    c.setRegister('bx', 0x30);
    c.setRegister('cl', 7);
    m.poke16(DATA_SEG, 0x30, 0x0011);
    m.step();
    expect(m.peek16(DATA_SEG, 0x30)).toBe(0x0091);
    m.step();
    expect(m.peek16(DATA_SEG, 0x30)).toBe(0x0081);
    c.setRegister('dx', 0x1201);
    m.step();
    expect(c.getRegister('dx')).toBe(0x1200);
    c.setRegister('cl', 12);
    m.step();
    expect(c.getRegister('dx')).toBe(0x0200);
  });

  function bcd(op: number, src: number[], dst: number[], digits: number) {
    const m = machine(variant, [0x0f, op]);
    m.cpu.setRegister('si', 0x10);
    m.cpu.setRegister('di', 0x20);
    m.cpu.setRegister('cl', digits);
    m.mem.set(src, m.at(DATA_SEG, 0x10));
    m.mem.set(dst, m.at(EXTRA_SEG, 0x20));
    m.step();
    return {
      dst: Array.from(m.mem.subarray(m.at(EXTRA_SEG, 0x20), m.at(EXTRA_SEG, 0x20 + dst.length))),
      cy: m.cpu.getRegister('flags') & CF, z: m.cpu.getRegister('flags') & ZF,
      si: m.cpu.getRegister('si'), di: m.cpu.getRegister('di'),
    };
  }

  it('ADD4S adds the packed-BCD string at DS:SI to ES:DI (CL digits, low byte first)', () => {
    // 1234 + 5678 = 6912
    expect(bcd(0x20, [0x34, 0x12], [0x78, 0x56], 4)).toEqual({ dst: [0x12, 0x69], cy: 0, z: 0, si: 0x10, di: 0x20 });
    // 9999 + 0001 = (1)0000: carry out, zero result
    expect(bcd(0x20, [0x01, 0x00], [0x99, 0x99], 4)).toEqual({ dst: [0x00, 0x00], cy: CF, z: ZF, si: 0x10, di: 0x20 });
  });

  it('SUB4S subtracts DS:SI from ES:DI with borrow', () => {
    expect(bcd(0x22, [0x34, 0x12], [0x78, 0x56], 4)).toEqual({ dst: [0x44, 0x44], cy: 0, z: 0, si: 0x10, di: 0x20 });
    // 1234 - 5678 = -4444 → 10000 - 4444 = 5556 with borrow
    expect(bcd(0x22, [0x78, 0x56], [0x34, 0x12], 4)).toEqual({ dst: [0x56, 0x55], cy: CF, z: 0, si: 0x10, di: 0x20 });
  });

  it('CMP4S sets the flags of SUB4S without storing', () => {
    expect(bcd(0x26, [0x78, 0x56], [0x34, 0x12], 4)).toEqual({ dst: [0x34, 0x12], cy: CF, z: 0, si: 0x10, di: 0x20 });
    expect(bcd(0x26, [0x34, 0x12], [0x34, 0x12], 4)).toEqual({ dst: [0x34, 0x12], cy: 0, z: ZF, si: 0x10, di: 0x20 });
  });

  it('ROL4 / ROR4 rotate a digit through the low nibble of AL', () => {
    // rol4 byte [bx] (0F 28 07): [bx] = 0x12, AL = 0xa5 → [bx] = 0x25, AL = 0xa1
    // ror4 byte [bx] (0F 2A 07): [bx] = 0x12, AL = 0xa5 → [bx] = 0x51, AL = 0xa2
    const m = machine(variant, [0x0f, 0x28, 0x07, 0x0f, 0x2a, 0x07]);
    const c = m.cpu;
    c.setRegister('bx', 0x40);
    m.mem[m.at(DATA_SEG, 0x40)] = 0x12;
    c.setRegister('al', 0xa5);
    m.step();
    expect([m.mem[m.at(DATA_SEG, 0x40)], c.getRegister('al')]).toEqual([0x25, 0xa1]);
    m.mem[m.at(DATA_SEG, 0x40)] = 0x12;
    c.setRegister('al', 0xa5);
    m.step();
    expect([m.mem[m.at(DATA_SEG, 0x40)], c.getRegister('al')]).toEqual([0x51, 0xa2]);
  });

  it('INS stores AX bit fields at ES:DI and advances the offset, then DI past a word', () => {
    // ins cl, dl (0F 31 D1): offset CL, length DL + 1 bits
    const m = machine(variant, [0x0f, 0x31, 0xd1, 0x0f, 0x31, 0xd1, 0x0f, 0x39, 0xc1, 0x03]);
    const c = m.cpu;
    c.setRegister('di', 0x50);
    c.setRegister('cl', 4);
    c.setRegister('dl', 7);
    c.setRegister('ax', 0x00ab);
    m.step();
    expect(m.peek16(EXTRA_SEG, 0x50)).toBe(0x0ab0);
    expect([c.getRegister('cl'), c.getRegister('di')]).toEqual([12, 0x50]);
    c.setRegister('ax', 0xffcd); // only the low 8 bits are stored
    m.step();
    expect([m.peek16(EXTRA_SEG, 0x50), m.peek16(EXTRA_SEG, 0x52)]).toEqual([0xdab0, 0x000c]);
    expect([c.getRegister('cl'), c.getRegister('di')]).toEqual([4, 0x52]);
    // ins cl, 3 (0F 39 C1 03): 4 bits of AX at offset 4 of the word at the new DI
    c.setRegister('ax', 0x0009);
    m.step();
    expect(m.peek16(EXTRA_SEG, 0x52)).toBe(0x009c);
    expect(c.getRegister('cl')).toBe(8);
  });

  it('EXT loads a bit field from DS:SI into AX, zero-extended', () => {
    // ext cl, dl (0F 33 D1): 8 bits at offset 4 of 0xabcd → 0xbc; then 8 bits at offset 12 span two words
    const m = machine(variant, [0x0f, 0x33, 0xd1, 0x0f, 0x33, 0xd1, 0x0f, 0x3b, 0xc1, 0x0f]);
    const c = m.cpu;
    c.setRegister('si', 0x60);
    m.poke16(DATA_SEG, 0x60, 0xabcd);
    m.poke16(DATA_SEG, 0x62, 0x1234);
    c.setRegister('cl', 4);
    c.setRegister('dl', 7);
    m.step();
    expect([c.getRegister('ax'), c.getRegister('cl'), c.getRegister('si')]).toEqual([0xbc, 12, 0x60]);
    m.step();
    expect([c.getRegister('ax'), c.getRegister('cl'), c.getRegister('si')]).toEqual([0x4a, 4, 0x62]);
    // ext cl, 15 (0F 3B C1 0F): 16 bits at offset 4 of 0x1234, 0x0000 → 0x0123
    m.step();
    expect([c.getRegister('ax'), c.getRegister('cl'), c.getRegister('si')]).toEqual([0x0123, 4, 0x64]);
  });

  it('REPC CMPSB repeats while CY = 1; REPNC SCASB repeats while CY = 0', () => {
    // repc cmpsb (65 A6): [SI] - [DI] borrows for 1-5, not for 9-5
    const m = machine(variant, [0x65, 0xa6, 0x64, 0xae]);
    const c = m.cpu;
    m.mem.set([1, 9, 1], m.at(DATA_SEG, 0x10));
    m.mem.set([5, 5, 5], m.at(EXTRA_SEG, 0x20));
    c.setRegister('si', 0x10); c.setRegister('di', 0x20); c.setRegister('cx', 3);
    m.step();
    expect([c.getRegister('cx'), c.getRegister('si'), c.getRegister('di')]).toEqual([1, 0x12, 0x22]);
    expect(c.getRegister('flags') & CF).toBe(0);
    // repnc scasb (64 AE): AL - [DI]: 5-1, 5-2 no borrow, 5-7 borrows → stop after 3
    m.mem.set([1, 2, 7, 3], m.at(EXTRA_SEG, 0x30));
    c.setRegister('di', 0x30); c.setRegister('cx', 4); c.setRegister('al', 5);
    m.step();
    expect([c.getRegister('cx'), c.getRegister('di')]).toEqual([1, 0x33]);
    expect(c.getRegister('flags') & CF).toBe(CF);
  });

  it('0x0F is the extension prefix, not POP CS', () => {
    const m = machine(variant, [0x0f, 0x14, 0xc0]); // set1 al, cl
    m.cpu.setRegister('cl', 1);
    m.step();
    expect([m.cpu.getRegister('cs'), m.cpu.getRegister('ip'), m.cpu.getRegister('al')]).toEqual([CODE_SEG, 3, 2]);
  });
});

describe('8086/8088 keep their own decoding of the 80186 opcodes', () => {
  it.each(['8086', '8088'] as X86Variant[])('%s: 0x60-0x6F are Jcc, 0xC0/0xC1 RET imm/RET, 0x0F POP CS', (variant) => {
    // 0x64 = JZ alias (vectors: metadata "alias"); 0x0f pops CS
    const m = machine(variant, [0x64, 0x02, 0x90, 0x90, 0x0f]);
    const c = m.cpu;
    c.setRegister('flags', ZF);
    m.step();
    expect(c.getRegister('ip')).toBe(4);
    m.poke16(STACK_SEG, 0x1000, 0x7777);
    c.setRegister('sp', 0x1000);
    m.step();
    expect(c.getRegister('cs')).toBe(0x7777);
  });
});

describe('NEC V20/V30 behaviour where the Intel parts differ (MAME nec core)', () => {
  it.each(NEC)('%s executes undefined opcodes as no-ops (0x63, 0xF1, FE /7)', (variant) => {
    const m = machine(variant, [0x63, 0xf1, 0xfe, 0xf8, 0x90]);
    m.step(3);
    expect([m.cpu.getRegister('cs'), m.cpu.getRegister('ip'), m.cpu.getRegister('sp')]).toEqual([CODE_SEG, 4, 0x1000]);
  });

  it.each(NEC)('%s AAM/AAD use base 10 whatever the second byte', (variant) => {
    // aam 16 (D4 10): AL = 57 → AH 5, AL 7; aad 16 (D5 10): AH 5, AL 7 → AL 57
    const m = machine(variant, [0xd4, 0x10, 0xd5, 0x10]);
    m.cpu.setRegister('ax', 57);
    m.step();
    expect(m.cpu.getRegister('ax')).toBe(0x0507);
    m.step();
    expect(m.cpu.getRegister('ax')).toBe(57);
  });

  it('the 8086 honours the AAM/AAD base (undocumented, vectors D4/D5)', () => {
    const m = machine('8086', [0xd4, 0x10, 0xd5, 0x10]);
    m.cpu.setRegister('ax', 57);
    m.step();
    expect(m.cpu.getRegister('ax')).toBe(0x0309);
    m.step();
    expect(m.cpu.getRegister('ax')).toBe(57);
  });
});

describe('bus width in the clock counts', () => {
  // mov ax, [bx] (8B 07): Intel 8086/8088 tables: 8 + EA(5) = 13, +4 for a word at an odd address
  // on the 8086, +4 for every word transfer on the 8088. NEC (MAME nec): 11 even / 15 odd on the V30,
  // 15 on the V20 (8-bit bus).
  it.each([
    ['8086', 0x20, 13], ['8086', 0x21, 17], ['8088', 0x20, 17], ['8088', 0x21, 17],
    ['v30', 0x20, 11], ['v30', 0x21, 15], ['v20', 0x20, 15],
  ] as [X86Variant, number, number][])('%s mov ax,[bx] at offset %i takes %i clocks', (variant, bx, clocks) => {
    const m = machine(variant, [0x8b, 0x07]);
    m.cpu.setRegister('bx', bx);
    expect(m.step()).toBe(clocks);
  });
});
