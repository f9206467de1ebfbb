/**
 * Generates `cpus/z80/z80.gen.ts` from the opcode table (`cpus/z80/z80.ops.ts`): the run loop with the
 * main page's switch inline (no call per instruction: worth ~1.7x in V8, measured when the loop was
 * first inlined), the same switch as `execMain` (IM 0 and ignored DD/FD prefixes run opcodes through it),
 * and one switch per prefixed page (CB, ED, DD, FD, DD CB/FD CB). Each case's body is derived from the
 * instruction's mnemonic and operands; T-states come from the table. The helpers the bodies call live
 * in `cpus/z80/z80.alu.ts`. Run: `npx tsx tools/gen-z80.ts`; test/cpus/z80.generated.test.ts checks the
 * committed file is current.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CB, DD, ED, ED_UNDEFINED_CYCLES, FD, MAIN, XYCB, type OpInfo } from '../cpus/z80/z80.ops';

const here = dirname(fileURLToPath(import.meta.url));

// ---- operands -------------------------------------------------------------------------------------

const REG8 = new Set(['a', 'b', 'c', 'd', 'e', 'h', 'l']);
const PAIRS: Record<string, [string, string]> = { bc: ['b', 'c'], de: ['d', 'e'], hl: ['h', 'l'], af: ['a', 'f'] };
const WORDS = new Set(['sp', 'ix', 'iy']);

/** Value of a 16-bit register operand. */
function word(r: string): string {
  if (r in PAIRS) return `((cpu.${PAIRS[r][0]} << 8) | cpu.${PAIRS[r][1]})`;
  if (WORDS.has(r)) return `cpu.${r}`;
  throw new Error(`z80 gen: not a 16-bit register '${r}'`);
}
/** Statements storing `v` (an expression evaluated once) in a 16-bit register. */
function setWord(r: string, v: string): string[] {
  if (WORDS.has(r)) return [`cpu.${r} = ${v};`];
  const [hi, lo] = PAIRS[r];
  return [`const w = ${v};`, `cpu.${hi} = w >> 8; cpu.${lo} = w & 0xff;`];
}
const isWord = (r: string): boolean => r in PAIRS || WORDS.has(r);

/** Memory operands: the statement computing `ea`, or null when the operand is not in memory. */
function address(o: string): string | null {
  switch (o) {
    case '(hl)': return 'const ea = (cpu.h << 8) | cpu.l;';
    case '(bc)': return 'const ea = (cpu.b << 8) | cpu.c;';
    case '(de)': return 'const ea = (cpu.d << 8) | cpu.e;';
    case '(nn)': return 'const ea = imm16(cpu);';
    case '(ix+d)': return 'const ea = disp(cpu, cpu.ix);';
    case '(iy+d)': return 'const ea = disp(cpu, cpu.iy);';
  }
  return null;
}

/**
 * The operand fetch of `n`. On the main page it is written out (the run loop is too big for V8 to
 * inline every `imm8` call, and `ld r,n` / `cp n` are among the most frequent instructions).
 */
function fetchN(main: boolean): string {
  return main
    ? 'const pc = cpu.pc, o = cpu.rdBase[pc >> 8]; cpu.pc = (pc + 1) & 0xffff; const n = o >= 0 ? cpu.mem[o + (pc & 0xff)] : cpu.program.read8(pc);'
    : 'const n = imm8(cpu);';
}

/** Value of an 8-bit operand (memory operands read `ea`, set up by `prepare`). */
function read8(o: string): string {
  if (REG8.has(o)) return `cpu.${o}`;
  if (o === 'n') return 'n';
  if (o === 'ixh' || o === 'iyh') return `(cpu.${o.slice(0, 2)} >> 8)`;
  if (o === 'ixl' || o === 'iyl') return `(cpu.${o.slice(0, 2)} & 0xff)`;
  if (address(o)) return 'rd(cpu, ea)';
  throw new Error(`z80 gen: cannot read operand '${o}'`);
}
/** Statement storing `v` in an 8-bit operand. */
function write8(o: string, v: string): string {
  if (REG8.has(o)) return `cpu.${o} = ${v};`;
  if (o === 'ixh' || o === 'iyh') return `cpu.${o.slice(0, 2)} = (cpu.${o.slice(0, 2)} & 0x00ff) | (${v} << 8);`;
  if (o === 'ixl' || o === 'iyl') return `cpu.${o.slice(0, 2)} = (cpu.${o.slice(0, 2)} & 0xff00) | ${v};`;
  if (address(o)) return `wr(cpu, ea, ${v});`;
  throw new Error(`z80 gen: cannot write operand '${o}'`);
}
/** Operand fetches and address computations, in instruction-byte order. */
function prepare(ops: readonly string[], main: boolean): string[] {
  const out: string[] = [];
  for (const o of ops) {
    const a = address(o);
    if (a) out.push(a);
    else if (o === 'n') out.push(fetchN(main));
  }
  return out;
}

const COND: Record<string, string> = {
  nz: '(cpu.f & FZ) === 0', z: '(cpu.f & FZ) !== 0', nc: '(cpu.f & FC) === 0', c: '(cpu.f & FC) !== 0',
  po: '(cpu.f & FPV) === 0', pe: '(cpu.f & FPV) !== 0', p: '(cpu.f & FS) === 0', m: '(cpu.f & FS) !== 0',
};
const NOT_COND: Record<string, string> = {
  nz: '(cpu.f & FZ) !== 0', z: '(cpu.f & FZ) === 0', nc: '(cpu.f & FC) !== 0', c: '(cpu.f & FC) === 0',
  po: '(cpu.f & FPV) !== 0', pe: '(cpu.f & FPV) === 0', p: '(cpu.f & FS) !== 0', m: '(cpu.f & FS) === 0',
};

const ALU8: Record<string, string> = { add: 'add8', adc: 'adc8', sub: 'sub8', sbc: 'sbc8', and: 'and8', xor: 'xor8', or: 'or8', cp: 'cp8' };
const ROTATE = new Set(['rlc', 'rrc', 'rl', 'rr', 'sla', 'sra', 'sll', 'srl']);
const NO_OPERANDS: Record<string, string> = {
  nop: '', rlca: 'rlca(cpu);', rrca: 'rrca(cpu);', rla: 'rla(cpu);', rra: 'rra(cpu);', daa: 'daa(cpu);',
  cpl: 'cpl(cpu);', scf: 'scf(cpu);', ccf: 'ccf(cpu);', exx: 'exx(cpu);', halt: 'cpu.halted = 1;',
  di: 'cpu.iff1 = 0; cpu.iff2 = 0;', ei: 'cpu.iff1 = 1; cpu.iff2 = 1; cpu.ei = 1;', ret: 'cpu.pc = cpu.wz = pop(cpu);',
  neg: 'neg(cpu);', retn: 'retn(cpu);', reti: 'retn(cpu);', rrd: 'rrd(cpu);', rld: 'rld(cpu);',
  ldi: 'ldi(cpu, 1);', ldd: 'ldi(cpu, -1);', cpi: 'cpi(cpu, 1);', cpd: 'cpi(cpu, -1);',
  ini: 'ini(cpu, 1);', ind: 'ini(cpu, -1);', outi: 'outi(cpu, 1);', outd: 'outi(cpu, -1);',
};
/** Repeating block instructions: the step and the test that repeats it. */
const REPEAT: Record<string, string> = {
  ldir: 'ldi(cpu, 1); @done ldRepeat(cpu) ? T : N;',
  lddr: 'ldi(cpu, -1); @done ldRepeat(cpu) ? T : N;',
  cpir: 'cpi(cpu, 1); @done (cpu.f & FZ) === 0 && ldRepeat(cpu) ? T : N;',
  cpdr: 'cpi(cpu, -1); @done (cpu.f & FZ) === 0 && ldRepeat(cpu) ? T : N;',
  inir: '@done ioRepeat(cpu, ini(cpu, 1)) ? T : N;',
  indr: '@done ioRepeat(cpu, ini(cpu, -1)) ? T : N;',
  otir: '@done ioRepeat(cpu, outi(cpu, 1)) ? T : N;',
  otdr: '@done ioRepeat(cpu, outi(cpu, -1)) ? T : N;',
};

// ---- instruction bodies -----------------------------------------------------------------------------

/**
 * The statements of one instruction; `@done X;` ends it with X T-states (a `return` in the page
 * functions, an addition to `cpu.used` in the run loop). `main`: on the unprefixed page.
 */
function body(o: OpInfo, main: boolean): string[] {
  const [d, s] = o.operands;
  const m = o.mnemonic, n = o.cycles, t = o.taken;
  const done = (x: number | string = n): string => `@done ${x};`;

  if (o.operands.length === 0) {
    if (m in REPEAT) return [REPEAT[m].replace('T', String(t)).replace('N', String(n))];
    if (!(m in NO_OPERANDS)) throw new Error(`z80 gen: no body for '${o.text}'`);
    return [NO_OPERANDS[m], done()].filter(Boolean);
  }
  switch (m) {
    case 'ld': return [...load(d, s, main), done()];
    case 'inc': case 'dec': {
      if (isWord(d)) {
        if (WORDS.has(d)) return [`cpu.${d} = (cpu.${d} ${m === 'inc' ? '+' : '-'} 1) & 0xffff;`, done()];
        const [hi, lo] = PAIRS[d];
        return [m === 'inc'
          ? `if (++cpu.${lo} === 0x100) { cpu.${lo} = 0; cpu.${hi} = (cpu.${hi} + 1) & 0xff; }`
          : `if (--cpu.${lo} < 0) { cpu.${lo} = 0xff; cpu.${hi} = (cpu.${hi} - 1) & 0xff; }`, done()];
      }
      return [...prepare([d], main), write8(d, `${m}8(cpu, ${read8(d)})`), done()];
    }
    case 'add': case 'adc': case 'sbc':
      if (isWord(d)) {
        if (m === 'adc') return [`adcHl(cpu, ${word(s)});`, done()];
        if (m === 'sbc') return [`sbcHl(cpu, ${word(s)});`, done()];
        return [...setWord(d, `add16(cpu, ${word(d)}, ${word(s)})`), done()];
      }
      return [...prepare([s], main), `${ALU8[m]}(cpu, ${read8(s)});`, done()];
    case 'sub': case 'and': case 'xor': case 'or': case 'cp':
      return [...prepare([d], main), `${ALU8[m]}(cpu, ${read8(d)});`, done()];
    case 'jr': case 'djnz': {
      const jump = 'cpu.pc = cpu.wz = (cpu.pc + ((n << 24) >> 24)) & 0xffff;';
      if (m === 'djnz') return [fetchN(main), 'cpu.b = (cpu.b - 1) & 0xff;', `if (cpu.b === 0) ${done()}`, jump, done(t)];
      if (o.operands.length === 1) return [fetchN(main), jump, done()];
      return [fetchN(main), `if (${NOT_COND[d]}) ${done()}`, jump, done(t)];
    }
    case 'jp':
      if (d === 'nn') return ['cpu.pc = cpu.wz = imm16(cpu);', done()];
      if (d.startsWith('(')) return [`cpu.pc = ${word(d.slice(1, -1))};`, done()]; // jp (hl): PC = HL, no memory read
      return ['const ea = imm16(cpu);', 'cpu.wz = ea;', `if (${COND[d]}) cpu.pc = ea;`, done()];
    case 'call':
      if (d === 'nn') return ['const ea = imm16(cpu);', 'cpu.wz = ea;', 'push(cpu, cpu.pc);', 'cpu.pc = ea;', done()];
      return ['const ea = imm16(cpu);', 'cpu.wz = ea;', `if (${NOT_COND[d]}) ${done()}`, 'push(cpu, cpu.pc);', 'cpu.pc = ea;', done(t)];
    case 'ret': return [`if (${NOT_COND[d]}) ${done()}`, 'cpu.pc = cpu.wz = pop(cpu);', done(t)];
    case 'rst': return ['push(cpu, cpu.pc);', `cpu.pc = cpu.wz = 0x${d.slice(1).toLowerCase()};`, done()];
    case 'push': return [`push(cpu, ${word(d)});`, done()];
    case 'pop': return [...setWord(d, 'pop(cpu)'), done()];
    case 'ex':
      if (d === "af") return ['exAf(cpu);', done()];
      if (d === 'de') return ['let t = cpu.d; cpu.d = cpu.h; cpu.h = t; t = cpu.e; cpu.e = cpu.l; cpu.l = t;', done()];
      return [...setWord(s, `exSp(cpu, ${word(s)})`), done()]; // ex (sp),hl/ix/iy
    case 'out':
      // OUT (n),A: A drives A15-A8 (UM0080); WZ low = n+1, high = A
      if (d === '(n)') return ['const n = imm8(cpu);', 'cpu.io.write8((cpu.a << 8) | n, cpu.a);', 'cpu.wz = ((n + 1) & 0xff) | (cpu.a << 8);', done()];
      return [`outC(cpu, ${s === '0' ? '0' : read8(s)});`, done()]; // OUT (C),0 drives 0 on NMOS parts
    case 'in':
      // IN A,(n): A drives A15-A8
      if (s === '(n)') return ['const port = (cpu.a << 8) | imm8(cpu);', 'cpu.a = cpu.io.read8(port);', 'cpu.wz = (port + 1) & 0xffff;', done()];
      return [d === '0' ? 'inC(cpu);' : write8(d, 'inC(cpu)'), done()]; // IN (C) / IN F,(C): flags only
    case 'im': return [`cpu.im = ${d};`, done()];
    case 'neg': return ['neg(cpu);', done()]; // neg *: the undocumented duplicates
    case 'rrd': case 'rld': return [`${m}(cpu);`, done()];
    case 'bit': {
      const mask = 1 << Number(d);
      // X/Y: from the register; for (HL) from WZ's high byte.
      return [...prepare([s], main), `bit(cpu, ${read8(s)} & 0x${hex(mask)}, ${s === '(hl)' ? 'cpu.wz >> 8' : read8(s)});`, done()];
    }
    case 'res': case 'set': {
      const mask = 1 << Number(d);
      const v = m === 'res' ? `${read8(s)} & 0x${hex(~mask & 0xff)}` : `${read8(s)} | 0x${hex(mask)}`;
      return [...prepare([s], main), write8(s, v), done()];
    }
  }
  if (ROTATE.has(m)) return [...prepare([d], main), write8(d, `${m}(cpu, ${read8(d)})`), done()];
  throw new Error(`z80 gen: no body for '${o.text}'`);
}

/** LD in all its forms. */
function load(d: string, s: string, main: boolean): string[] {
  if (d === 'i' || d === 'r') return [`cpu.${d} = cpu.a;`];
  if (d === 'a' && (s === 'i' || s === 'r')) return [`ldAIR(cpu, cpu.${s});`];
  if (isWord(d)) {
    if (s === 'nn') {
      if (d in PAIRS) return [`cpu.${PAIRS[d][1]} = imm8(cpu); cpu.${PAIRS[d][0]} = imm8(cpu);`];
      return [`cpu.${d} = imm16(cpu);`];
    }
    if (s === '(nn)') return ['const ea = imm16(cpu);', ...setWord(d, 'rd(cpu, ea) | (rd(cpu, (ea + 1) & 0xffff) << 8)'), 'cpu.wz = (ea + 1) & 0xffff;'];
    return [`cpu.${d} = ${word(s)};`]; // ld sp,hl
  }
  if (d === '(nn)' && isWord(s)) {
    return ['const ea = imm16(cpu);', `const v = ${word(s)};`, 'wr(cpu, ea, v & 0xff);', 'wr(cpu, (ea + 1) & 0xffff, v >> 8);', 'cpu.wz = (ea + 1) & 0xffff;'];
  }
  // LD A,(BC)/(DE)/(nn): WZ = address + 1; LD (BC)/(DE)/(nn),A: WZ low = address + 1, high = A (MEMPTR doc).
  if (d === 'a' && (s === '(bc)' || s === '(de)' || s === '(nn)')) return [address(s)!, 'cpu.a = rd(cpu, ea);', 'cpu.wz = (ea + 1) & 0xffff;'];
  if (s === 'a' && (d === '(bc)' || d === '(de)' || d === '(nn)')) return [address(d)!, 'wr(cpu, ea, cpu.a);', 'cpu.wz = ((ea + 1) & 0xff) | (cpu.a << 8);'];
  return [...prepare([d, s], main), write8(d, read8(s))];
}

const hex = (v: number, w = 2): string => v.toString(16).padStart(w, '0');

// ---- output --------------------------------------------------------------------------------------

type Form = 'loop' | 'return';

/** Writes `@done X;` out: `return X;` in a page function; in the run loop `cpu.used += X; continue;` (in braces after an `if`). */
function finish(lines: string[], form: Form): string[] {
  if (form === 'return') return lines.map((l) => l.replace(/@done ([^;]+);/g, 'return $1;'));
  return lines.map((l) => l.replace(/^@done ([^;]+);/, 'cpu.used += $1; continue;').replace(/@done ([^;]+);/g, '{ cpu.used += $1; continue; }'));
}

/** A `case` per opcode; prefixes go to their page function. The last case is written as `default`. */
function cases(table: readonly (OpInfo | undefined)[], form: Form, indent: string, bodyOf: (o: OpInfo) => string[]): string[] {
  const out: string[] = [];
  const defined = table.filter((o): o is OpInfo => o !== undefined);
  defined.forEach((o, k) => {
    const lines = finish(bodyOf(o), form);
    const label = k === defined.length - 1 && defined.length === 256 ? 'default' : `case 0x${hex(o.code)}`;
    const text = lines.join(' ');
    out.push(`${indent}${label}: { ${text} } // ${o.text}`);
  });
  return out;
}

const PAGE_CALL: Record<string, string> = { cb: 'execCB(cpu)', ed: 'execED(cpu)', dd: 'execDD(cpu)', fd: 'execFD(cpu)' };
/** Main page: a prefix runs its page. */
const mainBody = (o: OpInfo): string[] => (o.prefix ? [`@done ${PAGE_CALL[o.prefix]};`] : body(o, true));
const pageBody = (o: OpInfo): string[] => body(o, false);
/** DD/FD page: DD CB / FD CB fetch the displacement, then the operation byte. */
const indexedBody = (xy: string) => (o: OpInfo): string[] => (o.prefix ? [`@done execXYCB(cpu, disp(cpu, cpu.${xy}));`] : body(o, false));

/**
 * DD CB / FD CB: the CB operation on the byte at `ea`; `r=` in the text names the register that also
 * receives the result (nothing is copied for BIT, whose text MAME writes the same way).
 */
function xycbBody(o: OpInfo): string[] {
  const copy = /^([a-l])=/.exec(o.operands[0])?.[1];
  const store = ['wr(cpu, ea, v);', ...(copy ? [`cpu.${copy} = v;`] : [])];
  if (ROTATE.has(o.mnemonic)) return [`const v = ${o.mnemonic}(cpu, rd(cpu, ea));`, ...store, `@done ${o.cycles};`];
  const mask = 1 << Number(o.operands[0].replace(/^[a-l]=/, ''));
  if (o.mnemonic === 'bit') return [`bit(cpu, rd(cpu, ea) & 0x${hex(mask)}, ea >> 8);`, `@done ${o.cycles};`]; // X/Y from the address's high byte
  const v = o.mnemonic === 'res' ? `rd(cpu, ea) & 0x${hex(~mask & 0xff)}` : `rd(cpu, ea) | 0x${hex(mask)}`;
  return [`const v = ${v};`, ...store, `@done ${o.cycles};`];
}

const HEADER = `// GENERATED by tools/gen-z80.ts from cpus/z80/z80.ops.ts — do not edit; edit the table or the generator.
/**
 * The Z80's instructions, one \`case\` per opcode of each page, bodies derived from the opcode table.
 * \`runSlice\` is the run loop with the main page inline; the \`exec*\` functions run one opcode of a page
 * (already fetched for \`execMain\`; the page functions fetch theirs) and return its T-states, prefixes
 * included. The helpers they call live in z80.alu.ts; interrupts and HALT in z80.ts.
 */
import type { Z80 } from './z80';
import {
  adc8, adcHl, add16, add8, and8, bit, ccf, cp8, cpi, cpl, daa, dec8, disp, exAf, exSp, exx, imm16, imm8, inC, inc8,
  ini, ioRepeat, ldAIR, ldi, ldRepeat, neg, or8, outC, outi, pop, push, rd, retn, rl, rla, rlc, rlca, rld, rr, rra,
  rrc, rrca, rrd, sbc8, sbcHl, scf, sla, sll, sra, srl, sub8, wr, xor8,
} from './z80.alu';
import { FC, FPV, FS, FZ } from './z80.state';
`;

/** The text of z80.gen.ts. */
export function generate(): string {
  const out: string[] = [HEADER];
  out.push(
    '/**',
    ' * Runs instructions until `cpu.used` reaches `cpu.budget`: interrupts and HALT first (z80.ts), then the',
    ' * opcode fetch (an M1 cycle: R counts it) and the main page, inline.',
    ' */',
    'export function runSlice(cpu: Z80): void {',
    '  while (cpu.used < cpu.budget) {',
    '    if ((cpu.nmiPending | (cpu.irqLine & cpu.iff1 & (cpu.ei ^ 1))) !== 0) { cpu.used += cpu.acceptInterrupt(); continue; }',
    '    if (cpu.halted !== 0) { cpu.idleInHalt(); continue; }',
    '    cpu.ei = 0;',
    '    cpu.p = 0;',
    '    cpu.lastQ = cpu.q;',
    '    cpu.q = 0;',
    '    cpu.instructions++;',
    '    cpu.r = (cpu.r & 0x80) | ((cpu.r + 1) & 0x7f);',
    '    const pc = cpu.pc, o = cpu.rdBase[pc >> 8];',
    '    const op = o >= 0 ? cpu.mem[o + (pc & 0xff)] : cpu.program.read8(pc);',
    '    cpu.pc = (pc + 1) & 0xffff;',
    '    switch (op) {',
    ...cases(MAIN, 'loop', '      ', mainBody),
    '    }',
    '  }',
    '}',
    '',
    '/** One unprefixed opcode, already fetched; returns its T-states. */',
    'export function execMain(cpu: Z80, op: number): number {',
    '  switch (op) {',
    ...cases(MAIN, 'return', '    ', mainBody),
    '  }',
    '}',
    '',
  );
  const page = (name: string, doc: string, table: readonly (OpInfo | undefined)[], fetch: string[], tail: string[], bodyOf = pageBody, args = ''): void => {
    out.push(`/** ${doc} */`, `export function ${name}(cpu: Z80${args}): number {`, ...fetch.map((l) => '  ' + l), '  switch (op) {',
      ...cases(table, 'return', '    ', bodyOf), ...tail.map((l) => '    ' + l), '  }', '}', '');
  };
  const m1 = ['const op = imm8(cpu);', 'cpu.r = (cpu.r & 0x80) | ((cpu.r + 1) & 0x7f); // the second opcode byte is an M1 cycle too'];
  page('execCB', 'CB page: rotates and shifts, BIT, RES, SET.', CB, m1, []);
  page('execED', 'ED page.', ED, m1, [`default: return ${ED_UNDEFINED_CYCLES}; // undefined: a no-op (Young §3.3)`]);
  for (const [name, table, xy] of [['execDD', DD, 'ix'], ['execFD', FD, 'iy']] as const) {
    page(name, `${xy === 'ix' ? 'DD' : 'FD'} page: the instructions on ${xy.toUpperCase()}; any other opcode (another prefix too) runs unchanged after the prefix's 4 T-states (Young §3.2).`,
      table, m1, ['default: return 4 + execMain(cpu, op);'], indexedBody(xy));
  }
  page('execXYCB', 'DD CB d op / FD CB d op at `ea` (the displacement already fetched): d and op are plain reads, not M1 cycles.',
    XYCB, ['const op = imm8(cpu);'], [], xycbBody, ', ea: number');
  return out.join('\n');
}

/** Where the generated file lives. */
export const GENERATED_FILE = join(here, '..', 'cpus', 'z80', 'z80.gen.ts');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(GENERATED_FILE, generate());
  console.log('wrote cpus/z80/z80.gen.ts');
}
