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
  if (r in PAIRS) return `((this.${PAIRS[r][0]} << 8) | this.${PAIRS[r][1]})`;
  if (WORDS.has(r)) return `this.${r}`;
  throw new Error(`z80 gen: not a 16-bit register '${r}'`);
}
/** Statements storing `v` (an expression evaluated once) in a 16-bit register. */
function setWord(r: string, v: string): string[] {
  if (WORDS.has(r)) return [`this.${r} = ${v};`];
  const [hi, lo] = PAIRS[r];
  return [`const w = ${v};`, `this.${hi} = w >> 8; this.${lo} = w & 0xff;`];
}
const isWord = (r: string): boolean => r in PAIRS || WORDS.has(r);

/** Memory operands: the statement computing `ea`, or null when the operand is not in memory. */
function address(o: string): string | null {
  switch (o) {
    case '(hl)': return 'const ea = (this.h << 8) | this.l;';
    case '(bc)': return 'const ea = (this.b << 8) | this.c;';
    case '(de)': return 'const ea = (this.d << 8) | this.e;';
    case '(nn)': return 'const ea = this.imm16();';
    case '(ix+d)': return 'const ea = this.disp(this.ix);';
    case '(iy+d)': return 'const ea = this.disp(this.iy);';
  }
  return null;
}

/**
 * The operand fetch of `n`. On the main page it is written out (the run loop is too big for V8 to
 * inline every `imm8` call, and `ld r,n` / `cp n` are among the most frequent instructions).
 */
function fetchN(main: boolean): string {
  return main
    ? 'const pc = this.pc, o = this.rdBase[pc >> 8]; this.pc = (pc + 1) & 0xffff; const n = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);'
    : 'const n = this.imm8();';
}

/** Value of an 8-bit operand (memory operands read `ea`, set up by `prepare`). */
function read8(o: string): string {
  if (REG8.has(o)) return `this.${o}`;
  if (o === 'n') return 'n';
  if (o === 'ixh' || o === 'iyh') return `(this.${o.slice(0, 2)} >> 8)`;
  if (o === 'ixl' || o === 'iyl') return `(this.${o.slice(0, 2)} & 0xff)`;
  if (address(o)) return 'this.rd(ea)';
  throw new Error(`z80 gen: cannot read operand '${o}'`);
}
/** Statement storing `v` in an 8-bit operand. */
function write8(o: string, v: string): string {
  if (REG8.has(o)) return `this.${o} = ${v};`;
  if (o === 'ixh' || o === 'iyh') return `this.${o.slice(0, 2)} = (this.${o.slice(0, 2)} & 0x00ff) | (${v} << 8);`;
  if (o === 'ixl' || o === 'iyl') return `this.${o.slice(0, 2)} = (this.${o.slice(0, 2)} & 0xff00) | ${v};`;
  if (address(o)) return `this.wr(ea, ${v});`;
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
  nz: '(this.f & 0x40) === 0', z: '(this.f & 0x40) !== 0', nc: '(this.f & 0x01) === 0', c: '(this.f & 0x01) !== 0',
  po: '(this.f & 0x04) === 0', pe: '(this.f & 0x04) !== 0', p: '(this.f & 0x80) === 0', m: '(this.f & 0x80) !== 0',
};
const NOT_COND: Record<string, string> = {
  nz: '(this.f & 0x40) !== 0', z: '(this.f & 0x40) === 0', nc: '(this.f & 0x01) !== 0', c: '(this.f & 0x01) === 0',
  po: '(this.f & 0x04) !== 0', pe: '(this.f & 0x04) === 0', p: '(this.f & 0x80) !== 0', m: '(this.f & 0x80) === 0',
};

const ALU8: Record<string, string> = { add: 'add8', adc: 'adc8', sub: 'sub8', sbc: 'sbc8', and: 'and8', xor: 'xor8', or: 'or8', cp: 'cp8' };
const ROTATE = new Set(['rlc', 'rrc', 'rl', 'rr', 'sla', 'sra', 'sll', 'srl']);
const NO_OPERANDS: Record<string, string> = {
  nop: '', rlca: 'this.rlca();', rrca: 'this.rrca();', rla: 'this.rla();', rra: 'this.rra();', daa: 'this.daa();',
  cpl: 'this.cpl();', scf: 'this.scf();', ccf: 'this.ccf();', exx: 'this.exx();', halt: 'this.halted = 1;',
  di: 'this.iff1 = 0; this.iff2 = 0;', ei: 'this.iff1 = 1; this.iff2 = 1; this.ei = 1;', ret: 'this.pc = this.wz = this.pop();',
  neg: 'this.neg();', retn: 'this.retn();', reti: 'this.retn();', rrd: 'this.rrd();', rld: 'this.rld();',
  ldi: 'this.ldi(1);', ldd: 'this.ldi(-1);', cpi: 'this.cpi(1);', cpd: 'this.cpi(-1);',
  ini: 'this.ini(1);', ind: 'this.ini(-1);', outi: 'this.outi(1);', outd: 'this.outi(-1);',
};
/** Repeating block instructions: the step and the test that repeats it. */
const REPEAT: Record<string, string> = {
  ldir: 'this.ldi(1); @done this.ldRepeat() ? T : N;',
  lddr: 'this.ldi(-1); @done this.ldRepeat() ? T : N;',
  cpir: 'this.cpi(1); @done (this.f & 0x40) === 0 && this.ldRepeat() ? T : N;',
  cpdr: 'this.cpi(-1); @done (this.f & 0x40) === 0 && this.ldRepeat() ? T : N;',
  inir: '@done this.ioRepeat(this.ini(1)) ? T : N;',
  indr: '@done this.ioRepeat(this.ini(-1)) ? T : N;',
  otir: '@done this.ioRepeat(this.outi(1)) ? T : N;',
  otdr: '@done this.ioRepeat(this.outi(-1)) ? T : N;',
};

// ---- instruction bodies -----------------------------------------------------------------------------

/**
 * The statements of one instruction; `@done X;` ends it with X T-states (a `return` in the page
 * functions, an addition to `this.used` in the run loop). `main`: on the unprefixed page.
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
        if (WORDS.has(d)) return [`this.${d} = (this.${d} ${m === 'inc' ? '+' : '-'} 1) & 0xffff;`, done()];
        const [hi, lo] = PAIRS[d];
        return [m === 'inc'
          ? `if (++this.${lo} === 0x100) { this.${lo} = 0; this.${hi} = (this.${hi} + 1) & 0xff; }`
          : `if (--this.${lo} < 0) { this.${lo} = 0xff; this.${hi} = (this.${hi} - 1) & 0xff; }`, done()];
      }
      return [...prepare([d], main), write8(d, `this.${m}8(${read8(d)})`), done()];
    }
    case 'add': case 'adc': case 'sbc':
      if (isWord(d)) {
        if (m === 'adc') return [`this.adcHl(${word(s)});`, done()];
        if (m === 'sbc') return [`this.sbcHl(${word(s)});`, done()];
        return [...setWord(d, `this.add16(${word(d)}, ${word(s)})`), done()];
      }
      return [...prepare([s], main), `this.${ALU8[m]}(${read8(s)});`, done()];
    case 'sub': case 'and': case 'xor': case 'or': case 'cp':
      return [...prepare([d], main), `this.${ALU8[m]}(${read8(d)});`, done()];
    case 'jr': case 'djnz': {
      const jump = 'this.pc = this.wz = (this.pc + ((n << 24) >> 24)) & 0xffff;';
      if (m === 'djnz') return [fetchN(main), 'this.b = (this.b - 1) & 0xff;', `if (this.b === 0) ${done()}`, jump, done(t)];
      if (o.operands.length === 1) return [fetchN(main), jump, done()];
      return [fetchN(main), `if (${NOT_COND[d]}) ${done()}`, jump, done(t)];
    }
    case 'jp':
      if (d === 'nn') return ['this.pc = this.wz = this.imm16();', done()];
      if (d.startsWith('(')) return [`this.pc = ${word(d.slice(1, -1))};`, done()]; // jp (hl): PC = HL, no memory read
      return [`this.jumpIf(${COND[d]});`, done()];
    case 'call':
      if (d === 'nn') return ['const ea = this.imm16();', 'this.wz = ea;', 'this.push(this.pc);', 'this.pc = ea;', done()];
      return [done(`this.callIf(${COND[d]}) ? ${t} : ${n}`)];
    case 'ret': return [done(`this.retIf(${COND[d]}) ? ${t} : ${n}`)];
    case 'rst': return [`this.rst(0x${d.slice(1).toLowerCase()});`, done()];
    case 'push': return [`this.push(${word(d)});`, done()];
    case 'pop':
      if (d in PAIRS) return [`this.${PAIRS[d][1]} = this.rd(this.sp); this.${PAIRS[d][0]} = this.rd((this.sp + 1) & 0xffff); this.sp = (this.sp + 2) & 0xffff;`, done()];
      return [...setWord(d, 'this.pop()'), done()];
    case 'ex':
      if (d === "af") return ['this.exAf();', done()];
      if (d === 'de') return ['let t = this.d; this.d = this.h; this.h = t; t = this.e; this.e = this.l; this.l = t;', done()];
      return [...setWord(s, `this.exSp(${word(s)})`), done()]; // ex (sp),hl/ix/iy
    case 'out':
      // OUT (n),A: A drives A15-A8 (UM0080); WZ low = n+1, high = A
      if (d === '(n)') return ['const n = this.imm8();', 'this.io.write8((this.a << 8) | n, this.a);', 'this.wz = ((n + 1) & 0xff) | (this.a << 8);', done()];
      return [`this.outC(${s === '0' ? '0' : read8(s)});`, done()]; // OUT (C),0 drives 0 on NMOS parts
    case 'in':
      // IN A,(n): A drives A15-A8
      if (s === '(n)') return ['const port = (this.a << 8) | this.imm8();', 'this.a = this.io.read8(port);', 'this.wz = (port + 1) & 0xffff;', done()];
      return [d === '0' ? 'this.inC();' : write8(d, 'this.inC()'), done()]; // IN (C) / IN F,(C): flags only
    case 'im': return [`this.im = ${d};`, done()];
    case 'neg': return ['this.neg();', done()]; // neg *: the undocumented duplicates
    case 'rrd': case 'rld': return [`this.${m}();`, done()];
    case 'bit': {
      const mask = 1 << Number(d);
      // X/Y: from the register; for (HL) from WZ's high byte.
      return [...prepare([s], main), `this.bit(${read8(s)} & 0x${hex(mask)}, ${s === '(hl)' ? 'this.wz >> 8' : read8(s)});`, done()];
    }
    case 'res': case 'set': {
      const mask = 1 << Number(d);
      const v = m === 'res' ? `${read8(s)} & 0x${hex(~mask & 0xff)}` : `${read8(s)} | 0x${hex(mask)}`;
      return [...prepare([s], main), write8(s, v), done()];
    }
  }
  if (ROTATE.has(m)) return [...prepare([d], main), write8(d, `this.${m}(${read8(d)})`), done()];
  throw new Error(`z80 gen: no body for '${o.text}'`);
}

/** LD in all its forms. */
function load(d: string, s: string, main: boolean): string[] {
  if (d === 'i' || d === 'r') return [`this.${d} = this.a;`];
  if (d === 'a' && (s === 'i' || s === 'r')) return [`this.ldAIR(this.${s});`];
  if (isWord(d)) {
    if (s === 'nn') {
      if (d in PAIRS) return [`this.${PAIRS[d][1]} = this.imm8(); this.${PAIRS[d][0]} = this.imm8();`];
      return [`this.${d} = this.imm16();`];
    }
    if (s === '(nn)') return ['const ea = this.imm16();', ...setWord(d, 'this.rd(ea) | (this.rd((ea + 1) & 0xffff) << 8)'), 'this.wz = (ea + 1) & 0xffff;'];
    return [`this.${d} = ${word(s)};`]; // ld sp,hl
  }
  if (d === '(nn)' && isWord(s)) {
    return ['const ea = this.imm16();', `const v = ${word(s)};`, 'this.wr(ea, v & 0xff);', 'this.wr((ea + 1) & 0xffff, v >> 8);', 'this.wz = (ea + 1) & 0xffff;'];
  }
  // LD A,(BC)/(DE)/(nn): WZ = address + 1; LD (BC)/(DE)/(nn),A: WZ low = address + 1, high = A (MEMPTR doc).
  if (d === 'a' && (s === '(bc)' || s === '(de)' || s === '(nn)')) return [address(s)!, 'this.a = this.rd(ea);', 'this.wz = (ea + 1) & 0xffff;'];
  if (s === 'a' && (d === '(bc)' || d === '(de)' || d === '(nn)')) return [address(d)!, 'this.wr(ea, this.a);', 'this.wz = ((ea + 1) & 0xff) | (this.a << 8);'];
  return [...prepare([d, s], main), write8(d, read8(s))];
}

const hex = (v: number, w = 2): string => v.toString(16).padStart(w, '0');

// ---- output --------------------------------------------------------------------------------------

type Form = 'loop' | 'return';

/** Writes `@done X;` out: `return X;` in a page function; in the run loop `this.used += X; continue;` (in braces after an `if`). */
function finish(lines: string[], form: Form): string[] {
  if (form === 'return') return lines.map((l) => l.replace(/@done ([^;]+);/g, 'return $1;'));
  return lines.map((l) => l.replace(/^@done ([^;]+);/, 'this.used += $1; continue;').replace(/@done ([^;]+);/g, '{ this.used += $1; continue; }'));
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

const PAGE_CALL: Record<string, string> = { cb: 'this.execCB()', ed: 'this.execED()', dd: 'this.execDD()', fd: 'this.execFD()' };
/** Main page: a prefix runs its page. */
const mainBody = (o: OpInfo): string[] => (o.prefix ? [`@done ${PAGE_CALL[o.prefix]};`] : body(o, true));
const pageBody = (o: OpInfo): string[] => body(o, false);
/** DD/FD page: DD CB / FD CB fetch the displacement, then the operation byte. */
const indexedBody = (xy: string) => (o: OpInfo): string[] => (o.prefix ? [`@done this.execXYCB(this.disp(this.${xy}));`] : body(o, false));

/**
 * DD CB / FD CB: the CB operation on the byte at `ea`; `r=` in the text names the register that also
 * receives the result (nothing is copied for BIT, whose text MAME writes the same way).
 */
function xycbBody(o: OpInfo): string[] {
  const copy = /^([a-l])=/.exec(o.operands[0])?.[1];
  const store = ['this.wr(ea, v);', ...(copy ? [`this.${copy} = v;`] : [])];
  if (ROTATE.has(o.mnemonic)) return [`const v = this.${o.mnemonic}(this.rd(ea));`, ...store, `@done ${o.cycles};`];
  const mask = 1 << Number(o.operands[0].replace(/^[a-l]=/, ''));
  if (o.mnemonic === 'bit') return [`this.bit(this.rd(ea) & 0x${hex(mask)}, ea >> 8);`, `@done ${o.cycles};`]; // X/Y from the address's high byte
  const v = o.mnemonic === 'res' ? `this.rd(ea) & 0x${hex(~mask & 0xff)}` : `this.rd(ea) | 0x${hex(mask)}`;
  return [`const v = ${v};`, ...store, `@done ${o.cycles};`];
}

const HEADER = `// GENERATED by tools/gen-z80.ts from cpus/z80/z80.ops.ts — do not edit; edit the table or the generator.
/**
 * The Z80's instructions, one \`case\` per opcode of each page, bodies derived from the opcode table.
 * \`runSlice\` is the run loop with the main page inline; the \`exec*\` methods run one opcode of a page
 * (already fetched for \`execMain\`; the page methods fetch theirs) and return its T-states, prefixes
 * included. The helpers they call live in z80.alu.ts; interrupts and HALT in z80.ts.
 */
import { Z80Alu } from './z80.alu';


export abstract class Z80Exec extends Z80Alu {`;

/** The text of z80.gen.ts. */
export function generate(): string {
  const out: string[] = [HEADER];
  out.push(
    '  /**',
    '   * Runs instructions until `used` reaches `budget`: interrupts and HALT first (z80.ts), then the opcode',
    '   * fetch (an M1 cycle: R counts it) and the main page, inline.',
    '   */',
    '  runSlice(): void {',
    '    while (this.used < this.budget) {',
    '      if ((this.nmiPending | (this.irqLine & this.iff1 & (this.ei ^ 1))) !== 0) { this.used += this.acceptInterrupt(); continue; }',
    '      if (this.halted !== 0) { this.idleInHalt(); continue; }',
    '      this.ei = 0;',
    '      this.p = 0;',
    '      this.lastQ = this.q;',
    '      this.q = 0;',
    '      this.instructions++;',
    '      this.r = (this.r & 0x80) | ((this.r + 1) & 0x7f);',
    '      const pc = this.pc, o = this.rdBase[pc >> 8];',
    '      const op = o >= 0 ? this.mem[o + (pc & 0xff)] : this.program.read8(pc);',
    '      this.pc = (pc + 1) & 0xffff;',
    '      switch (op) {',
    ...cases(MAIN, 'loop', '        ', mainBody),
    '      }',
    '    }',
    '  }',
    '',
    '  /** One unprefixed opcode, already fetched; returns its T-states. */',
    '  execMain(op: number): number {',
    '    switch (op) {',
    ...cases(MAIN, 'return', '      ', mainBody),
    '    }',
    '  }',
  );
  const page = (name: string, doc: string, table: readonly (OpInfo | undefined)[], fetch: string[], tail: string[], bodyOf = pageBody, args = ''): void => {
    out.push('', `  /** ${doc} */`, `  ${name}(${args}): number {`, ...fetch.map((l) => '    ' + l), '    switch (op) {',
      ...cases(table, 'return', '      ', bodyOf), ...tail.map((l) => '      ' + l), '    }', '  }');
  };
  const m1 = ['const op = this.imm8();', 'this.r = (this.r & 0x80) | ((this.r + 1) & 0x7f); // the second opcode byte is an M1 cycle too'];
  page('execCB', 'CB page: rotates and shifts, BIT, RES, SET.', CB, m1, []);
  page('execED', 'ED page.', ED, m1, [`default: return ${ED_UNDEFINED_CYCLES}; // undefined: a no-op (Young §3.3)`]);
  for (const [name, table, xy] of [['execDD', DD, 'ix'], ['execFD', FD, 'iy']] as const) {
    page(name, `${xy === 'ix' ? 'DD' : 'FD'} page: the instructions on ${xy.toUpperCase()}; any other opcode (another prefix too) runs unchanged after the prefix's 4 T-states (Young §3.2).`,
      table, m1, ['default: return 4 + this.execMain(op);'], indexedBody(xy));
  }
  page('execXYCB', 'DD CB d op / FD CB d op at `ea` (the displacement already fetched): d and op are plain reads, not M1 cycles.',
    XYCB, ['const op = this.imm8();'], [], xycbBody, 'ea: number');
  out.push('}', '');
  return out.join('\n');
}

/** Where the generated file lives. */
export const GENERATED_FILE = join(here, '..', 'cpus', 'z80', 'z80.gen.ts');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(GENERATED_FILE, generate());
  console.log('wrote cpus/z80/z80.gen.ts');
}
