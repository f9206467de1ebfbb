// Z80 disassembler: the text of every opcode pattern equals MAME 0.251's (test/debug/z80-dasm-mame.tsv,
// recorded by tools/make-golden-z80-dasm.sh), every opcode of the shared vectors disassembles to a real
// instruction except the undefined ED opcodes, and the text assembles back to the same bytes with an
// outside assembler (Debian z80asm).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const __dirname = dirname(fileURLToPath(import.meta.url));

describe('z80 disassembler', () => {
  it("equals MAME 0.251's text and length for all 1792 opcode patterns", () => {
    const rows = readFileSync(join(__dirname, '../debug/z80-dasm-mame.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rows.length).toBe(1792);
    const bad: string[] = [];
    for (const row of rows) {
      const [addrHex, hex, length, text] = row.split('\t');
      const addr = parseInt(addrHex, 16);
      const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
      const d = disassembleZ80(addr, (a) => bytes[a - addr] ?? 0);
      if (d.text !== text || d.length !== Number(length)) bad.push(`${hex}: '${d.text}' (${d.length}), MAME '${text}' (${length})`);
    }
    expect(bad).toEqual([]);
  });

  it('every opcode in the vectors disassembles to an instruction except undefined ED opcodes (db $ed)', () => {
    expect(existsSync(dir), `no vectors at ${dir}`).toBe(true);
    const bad: string[] = [];
    for (const { file, bytes } of vectorInstructions()) {
      const d = disassembleZ80(0, at(bytes));
      if ((d.text === 'db   $ed') !== undefinedEd(bytes)) bad.push(`${file}: ${d.text}`);
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
      // MAME's text in z80asm's syntax: one space after the mnemonic, `sli` for sll, `in f,(c)`, no `neg *`
      // or `(hl)` operand on rrd/rld, and no DDCB register copy (checked against the opcode's low bits below).
      let t = d.text.replace(/^(\S+) +/, '$1 ').replace(/^sll /, 'sli ').replace(/^in 0,\(c\)$/, 'in f,(c)')
        .replace(/^neg \*$/, 'neg').replace(/^(rrd|rld) \(hl\)$/, '$1');
      const m = /^(rlc|rrc|rl|rr|sla|sra|sli|srl|bit|res|set) [bcdehla]=(.*)$/.exec(t);
      if (m) t = `${m[1]} ${m[2]}`;
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
        if (ddcb && got[3] === ((want[3] & 0xf8) | 6) && text.includes(` ${REG[want[3] & 7]}=`)) continue;
        // DDCB BIT with register bits other than 110 are duplicates of bit n,(ix+d) (no register copy).
        if (ddcb && (want[3] & 0xc0) === 0x40 && got[3] === ((want[3] & 0xf8) | 6) && text.startsWith('bit ')) continue;
        // Duplicate encodings (ED neg/retn/im copies) assemble to the canonical opcode with the same text.
        if (disassembleZ80(0, at(got)).text === text.replace(/^neg +\*$/, 'neg') && want[0] === 0xed) continue;
        bad.push(`${src}: '${text}' ${want.map((b) => b.toString(16)).join(' ')} -> ${got.map((b) => b.toString(16)).join(' ')}`);
      }
      expect(bad).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
