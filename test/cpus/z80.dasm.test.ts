// Z80 disassembler: every opcode of the shared vectors disassembles without "???" except the undefined ED
// opcodes, and the text assembles back to the same bytes with an outside assembler (Debian z80asm).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVectorFile, vectorFiles } from '../../cpus/z80/conformance';
import { disassembleZ80 } from '../../cpus/z80/z80.dasm';
import { cpuVectors } from '../support/cpu-vectors';

const { dir } = cpuVectors('z80');

let cached: { file: string; bytes: number[] }[] | null = null;
/** Instruction bytes of the first 3 tests of every vector file (read at `pc` from the initial RAM). */
function vectorInstructions(): { file: string; bytes: number[] }[] {
  if (cached) return cached;
  const out: { file: string; bytes: number[] }[] = [];
  for (const file of vectorFiles(dir)) {
    for (const v of loadVectorFile(join(dir, file)).slice(0, 3)) {
      const ram = new Map(v.initial.ram);
      const pc = v.initial.pc as number;
      const bytes: number[] = [];
      for (let k = 0; k < 4; k++) bytes.push(ram.get((pc + k) & 0xffff) ?? 0);
      out.push({ file, bytes });
    }
  }
  cached = out;
  return out;
}

/** ED opcodes the Z80 does not define: 00-3F, 77, 7F, 80-FF except the 16 block instructions. */
function undefinedEd(b: number[]): boolean {
  if (b[0] !== 0xed) return false;
  const op = b[1];
  if (op >= 0x40 && op < 0x80) return op === 0x77 || op === 0x7f;
  return !(op >= 0xa0 && op < 0xc0 && (op & 7) < 4);
}

const at = (b: number[]) => (a: number) => b[a] ?? 0;

describe('z80 disassembler', () => {
  it('spot checks (Zilog mnemonics; undocumented forms as Young names them)', () => {
    const cases: [number[], string, number][] = [
      [[0x00], 'nop', 1],
      [[0xdd, 0x7e, 0x05], 'ld a,(ix+$05)', 3],
      [[0xfd, 0x77, 0xfe], 'ld (iy-$02),a', 3],
      [[0xdd, 0x36, 0x80, 0x12], 'ld (ix-$80),$12', 4],
      [[0xdd, 0x26, 0x12], 'ld ixh,$12', 3],
      [[0xfd, 0x85], 'add a,iyl', 2],
      [[0xdd, 0x66, 0x01], 'ld h,(ix+$01)', 3],
      [[0xcb, 0x30], 'sll b', 2],
      [[0xed, 0x71], 'out (c),0', 2],
      [[0xed, 0x70], 'in (c)', 2],
      [[0xdd, 0xcb, 0x05, 0x06], 'rlc (ix+$05)', 4],
      [[0xdd, 0xcb, 0x05, 0x00], 'rlc (ix+$05),b', 4],
      [[0xfd, 0xcb, 0xff, 0x87], 'res 0,(iy-$01),a', 4],
      [[0xdd, 0xcb, 0x05, 0x41], 'bit 0,(ix+$05)', 4],
      [[0x18, 0xfe], 'jr $1000', 2],
      [[0x10, 0x00], 'djnz $1002', 2],
      [[0xed, 0x4e], 'im 0', 2],
      [[0xed, 0xb0], 'ldir', 2],
      [[0xdd, 0x00], 'db $dd', 1],
      [[0xed, 0x00], '???', 2],
      [[0xdd, 0xe9], 'jp (ix)', 2],
      [[0x08], "ex af,af'", 1],
      [[0xed, 0x63, 0x34, 0x12], 'ld ($1234),hl', 4],
      [[0xed, 0x6b, 0x34, 0x12], 'ld hl,($1234)', 4],
      [[0xed, 0x4c], 'neg', 2],
      [[0xed, 0x7d], 'retn', 2],
    ];
    for (const [bytes, text, length] of cases) {
      expect(disassembleZ80(0x1000, (a) => bytes[a - 0x1000] ?? 0), bytes.map((b) => b.toString(16)).join(' ')).toEqual({ text, length });
    }
  });

  it('every opcode in the vectors disassembles without "???" except undefined ED opcodes', () => {
    expect(existsSync(dir), `no vectors at ${dir}`).toBe(true);
    const bad: string[] = [];
    for (const { file, bytes } of vectorInstructions()) {
      const d = disassembleZ80(0, at(bytes));
      if (d.text.includes('???') !== undefinedEd(bytes)) bad.push(`${file}: ${d.text}`);
    }
    expect(bad).toEqual([]);
  });

  const z80asm = spawnSync('z80asm', ['--version']).status === 0;
  it.skipIf(!z80asm)('the text assembles back to the same bytes (z80asm)', () => {
    expect(existsSync(dir), `no vectors at ${dir}`).toBe(true);
    // Lay the instructions out one after another from address 0, so relative jumps print targets that the
    // assembler turns back into the same displacement.
    const image: number[] = [];
    const lines: string[] = ['org 0'];
    const listed: { text: string; from: number; length: number; src: string }[] = [];
    for (const { file, bytes } of vectorInstructions()) {
      if (undefinedEd(bytes)) continue;
      const from = image.length;
      const d = disassembleZ80(from, (a) => bytes[a - from] ?? 0);
      image.push(...bytes.slice(0, d.length));
      listed.push({ text: d.text, from, length: d.length, src: file });
      // z80asm spells two undocumented forms differently and ignores the DDCB register-copy operand
      // (the copy register is checked against the opcode's low bits below instead).
      let t = d.text.replace(/^sll /, 'sli ').replace(/^in \(c\)$/, 'in f,(c)');
      const m = /^((?:rlc|rrc|rl|rr|sla|sra|sll|srl|res \d|set \d)[ ,]\(i[xy][+-]\$[0-9a-f]{2}\)),([bcdehla])$/.exec(t);
      if (m) t = m[1].replace(/^sll /, 'sli ');
      // ED 63/6B are 4-byte duplicates of ld (nn),hl / ld hl,(nn), which an assembler encodes as 22/2A:
      // listed as raw bytes (their text is in the spot checks).
      if (bytes[0] === 0xed && (bytes[1] === 0x63 || bytes[1] === 0x6b)) {
        lines.push(` db ${bytes.slice(0, 4).map((b) => '$' + b.toString(16).padStart(2, '0')).join(',')}`);
        continue;
      }
      // z80asm does not know ixh/ixl/iyh/iyl everywhere; their encoding is the prefix plus the H/L form.
      const half = /\bi([xy])([hl])\b/.exec(t);
      if (half) {
        lines.push(` db $${half[1] === 'x' ? 'dd' : 'fd'}`);
        t = t.replace(/\bi[xy]([hl])\b/g, '$1');
      }
      lines.push(' ' + t);
    }
    const tmp = mkdtempSync(join(tmpdir(), 'z80dasm-'));
    try {
      writeFileSync(join(tmp, 'all.asm'), lines.join('\n') + '\n');
      execFileSync('z80asm', ['-o', join(tmp, 'all.bin'), join(tmp, 'all.asm')], { stdio: 'pipe' });
      const bin = readFileSync(join(tmp, 'all.bin'));
      expect(bin.length).toBe(image.length);
      const REG = ['b', 'c', 'd', 'e', 'h', 'l', '', 'a'];
      const bad: string[] = [];
      for (const { text, from, length, src } of listed) {
        const want = image.slice(from, from + length);
        const got = [...bin.subarray(from, from + length)];
        if (want.join() === got.join()) continue;
        // DDCB register copies: z80asm emitted the (ix+d)-only form (low bits 110).
        const ddcb = (want[0] === 0xdd || want[0] === 0xfd) && want[1] === 0xcb;
        if (ddcb && got[3] === ((want[3] & 0xf8) | 6) && text.endsWith(',' + REG[want[3] & 7])) continue;
        // DDCB BIT with register bits other than 110 are duplicates of bit n,(ix+d) (no register copy).
        if (ddcb && (want[3] & 0xc0) === 0x40 && got[3] === ((want[3] & 0xf8) | 6) && text.startsWith('bit ')) continue;
        // Duplicate encodings (ED neg/retn/im copies) assemble to the canonical opcode with the same text.
        if (disassembleZ80(0, at(got)).text === text && want[0] === 0xed) continue;
        bad.push(`${src}: '${text}' ${want.map((b) => b.toString(16)).join(' ')} -> ${got.map((b) => b.toString(16)).join(' ')}`);
      }
      expect(bad).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
