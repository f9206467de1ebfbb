/**
 * Generates `cpus/m6502/m6502.gen.ts` from the opcode table (`cpus/m6502/m6502.ops.ts`): one small
 * function per opcode that performs the opcode's bus cycles in the real chip's order (dummy reads and
 * the read-modify-write double write included) and its operation, calling the helpers of
 * `cpus/m6502/m6502.alu.ts`. Run: `npx tsx tools/gen-m6502.ts`; test/cpus/m6502.test.ts checks the
 * file is current.
 *
 * Cycle-by-cycle bus sequences: "6502_cpu.txt" (John West & Marko Mäkelä, 64doc, section "6510
 * instruction timing"), checked against the SingleStepTests 6502 vectors' `cycles` lists.
 * Every 6502 cycle is exactly one bus access, so an opcode's cycle count is its number of accesses.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MODE_LENGTH, OPCODES, type Mode, type OpInfo } from '../cpus/m6502/m6502.ops';

const here = dirname(fileURLToPath(import.meta.url));

// ---- operations: value read → effect -------------------------------------------------------------

const READ: Record<string, string> = {
  lda: 'c.a = c.fn = c.fz = v;',
  ldx: 'c.x = c.fn = c.fz = v;',
  ldy: 'c.y = c.fn = c.fz = v;',
  lax: 'c.a = c.x = c.fn = c.fz = v;',
  ora: 'c.a = c.fn = c.fz = c.a | v;',
  and: 'c.a = c.fn = c.fz = c.a & v;',
  eor: 'c.a = c.fn = c.fz = c.a ^ v;',
  adc: 'adc(c, v);',
  sbc: 'sbc(c, v);',
  usbc: 'sbc(c, v);', // $EB behaves as $E9 (vectors)
  cmp: 'compare(c, c.a, v);',
  cpx: 'compare(c, c.x, v);',
  cpy: 'compare(c, c.y, v);',
  bit: 'c.fn = v; c.fv = (v >> 6) & 1; c.fz = c.a & v;',
  nop: '',
  las: 'c.a = c.x = c.s = c.fn = c.fz = v & c.s;',
  anc: 'c.a = c.fn = c.fz = c.a & v; c.fc = c.a >> 7;',
  alr: 'const t = c.a & v; c.fc = t & 1; c.a = c.fn = c.fz = t >> 1;',
  arr: 'arr(c, v);',
  // ANE/LXA are unstable on real chips; the vectors record the "magic constant" $EE.
  ane: 'c.a = c.fn = c.fz = (c.a | 0xee) & c.x & v;',
  lxa: 'c.a = c.x = c.fn = c.fz = (c.a | 0xee) & v;',
  sbx: 'const t = (c.a & c.x) - v; c.fc = t >= 0 ? 1 : 0; c.x = c.fn = c.fz = t & 0xff;',
};

// value stored (may use `ea`, the final address)
const WRITE: Record<string, string> = {
  sta: 'c.a',
  stx: 'c.x',
  sty: 'c.y',
  sax: 'c.a & c.x',
  // SHA/SHX/SHY/TAS: register AND (high byte of the effective address + 1), stored at the
  // effective address (what the vectors record, page crossing included).
  sha: 'c.a & c.x & (((ea >> 8) + 1) & 0xff)',
  shx: 'c.x & (((ea >> 8) + 1) & 0xff)',
  shy: 'c.y & (((ea >> 8) + 1) & 0xff)',
  tas: 'c.s & (((ea >> 8) + 1) & 0xff)',
};
const WRITE_PRE: Record<string, string> = { tas: 'c.s = c.a & c.x;' };

// old value v → new value w (declared by the snippet), plus flag effects
const RMW: Record<string, string> = {
  asl: 'const w = (v << 1) & 0xff; c.fc = v >> 7; c.fn = c.fz = w;',
  lsr: 'const w = v >> 1; c.fc = v & 1; c.fn = c.fz = w;',
  rol: 'const w = ((v << 1) | c.fc) & 0xff; c.fc = v >> 7; c.fn = c.fz = w;',
  ror: 'const w = (v >> 1) | (c.fc << 7); c.fc = v & 1; c.fn = c.fz = w;',
  inc: 'const w = (v + 1) & 0xff; c.fn = c.fz = w;',
  dec: 'const w = (v - 1) & 0xff; c.fn = c.fz = w;',
  slo: 'const w = (v << 1) & 0xff; c.fc = v >> 7; c.a = c.fn = c.fz = c.a | w;',
  rla: 'const w = ((v << 1) | c.fc) & 0xff; c.fc = v >> 7; c.a = c.fn = c.fz = c.a & w;',
  sre: 'const w = v >> 1; c.fc = v & 1; c.a = c.fn = c.fz = c.a ^ w;',
  rra: 'const w = (v >> 1) | (c.fc << 7); c.fc = v & 1; adc(c, w);',
  dcp: 'const w = (v - 1) & 0xff; compare(c, c.a, w);',
  isc: 'const w = (v + 1) & 0xff; sbc(c, w);',
};

const IMPLIED: Record<string, string> = {
  clc: 'c.fc = 0;',
  sec: 'c.fc = 1;',
  // CLI/SEI change I after the interrupt poll: keep the old value for M6502.poll (nesdev "CPU interrupts").
  cli: 'c.iOld = c.fi; c.fi = 0;',
  sei: 'c.iOld = c.fi; c.fi = 1;',
  cld: 'c.fd = 0;',
  sed: 'c.fd = 1;',
  clv: 'c.fv = 0;',
  tax: 'c.x = c.fn = c.fz = c.a;',
  tay: 'c.y = c.fn = c.fz = c.a;',
  txa: 'c.a = c.fn = c.fz = c.x;',
  tya: 'c.a = c.fn = c.fz = c.y;',
  tsx: 'c.x = c.fn = c.fz = c.s;',
  txs: 'c.s = c.x;',
  inx: 'c.x = c.fn = c.fz = (c.x + 1) & 0xff;',
  iny: 'c.y = c.fn = c.fz = (c.y + 1) & 0xff;',
  dex: 'c.x = c.fn = c.fz = (c.x - 1) & 0xff;',
  dey: 'c.y = c.fn = c.fz = (c.y - 1) & 0xff;',
  nop: '',
};

const BRANCH: Record<string, string> = {
  bpl: '(c.fn & 0x80) === 0', bmi: '(c.fn & 0x80) !== 0',
  bvc: 'c.fv === 0', bvs: 'c.fv !== 0',
  bcc: 'c.fc === 0', bcs: 'c.fc !== 0',
  bne: 'c.fz !== 0', beq: 'c.fz === 0',
};

// ---- addressing: the bus cycles that produce `ea` ------------------------------------------------

/** Cycles 1.. that compute `ea`. `always` = indexed modes always spend the fix-up cycle (writes, RMW). */
function address(mode: Mode, always: boolean): string[] {
  const index = mode === 'abx' || mode === 'zpx' || mode === 'izx' ? 'c.x' : 'c.y';
  const fixup = (hi: string) =>
    always ? `rd(c, ${hi} | (t & 0xff)); // dummy read, high byte not yet fixed`
           : `if (t > 0xff) rd(c, ${hi} | (t & 0xff)); // page crossed: dummy read, high byte not yet fixed`;
  switch (mode) {
    case 'zp': return ['const ea = fetch(c);'];
    case 'zpx': case 'zpy':
      return ['const b = fetch(c);', 'rd(c, b); // dummy read while adding the index', `const ea = (b + ${index}) & 0xff;`];
    case 'abs': return ['const lo = fetch(c);', 'const ea = lo | (fetch(c) << 8);'];
    case 'abx': case 'aby':
      return ['const lo = fetch(c);', 'const hi = fetch(c) << 8;', `const t = lo + ${index};`, fixup('hi'), 'const ea = (hi + t) & 0xffff;'];
    case 'izx':
      return ['const b = fetch(c);', 'rd(c, b); // dummy read while adding X', 'const p = (b + c.x) & 0xff;',
        'const lo = rd(c, p);', 'const ea = lo | (rd(c, (p + 1) & 0xff) << 8);'];
    case 'izy':
      return ['const b = fetch(c);', 'const lo = rd(c, b);', 'const hi = rd(c, (b + 1) & 0xff) << 8;', 'const t = lo + c.y;',
        fixup('hi'), 'const ea = (hi + t) & 0xffff;'];
    default: throw new Error(`no effective address for mode ${mode}`);
  }
}

function body(o: OpInfo): string[] {
  const m = o.mnemonic, mode = o.mode;
  if (m === 'jam') {
    // Vectors: the opcode fetch, then two reads of PC+1, and PC stays on the JAM opcode. The CPU
    // then hangs until reset (M6502.run idles, no bus activity modelled).
    return ['rd(c, c.pc);', 'rd(c, c.pc);', 'c.pc = (c.pc - 1) & 0xffff;', 'c.jam();'];
  }
  if (m in BRANCH) {
    return [
      'const off = fetch(c);',
      `if (${BRANCH[m]}) {`,
      '  const pc = c.pc;',
      '  rd(c, pc); // dummy read of the next opcode while adding the offset to PCL',
      '  const t = (pc + ((off << 24) >> 24)) & 0xffff;',
      '  if (((t ^ pc) & 0xff00) !== 0) rd(c, (pc & 0xff00) | (t & 0xff)); // dummy read before fixing PCH',
      '  c.pc = t;',
      '}',
    ];
  }
  switch (m) {
    case 'brk':
      return [
        'fetch(c); // padding byte: BRK pushes its address + 2',
        'wr(c, 0x100 | c.s, c.pc >> 8); c.s = (c.s - 1) & 0xff;',
        'wr(c, 0x100 | c.s, c.pc & 0xff); c.s = (c.s - 1) & 0xff;',
        'const vec = c.vectorAfterPushes(0xfffe); // an NMI seen by now hijacks the vector',
        'wr(c, 0x100 | c.s, getP(c) | 0x10); c.s = (c.s - 1) & 0xff;',
        'c.fi = 1;',
        'const lo = rd(c, vec);',
        'c.pc = lo | (rd(c, vec + 1) << 8);',
      ];
    case 'jsr':
      return [
        'const lo = fetch(c);',
        'rd(c, 0x100 | c.s); // dummy stack read',
        'wr(c, 0x100 | c.s, c.pc >> 8); c.s = (c.s - 1) & 0xff;',
        'wr(c, 0x100 | c.s, c.pc & 0xff); c.s = (c.s - 1) & 0xff;',
        'c.pc = lo | (rd(c, c.pc) << 8); // high byte fetched after the pushes',
      ];
    case 'rts':
      return [
        'rd(c, c.pc);',
        'rd(c, 0x100 | c.s);',
        'c.s = (c.s + 1) & 0xff; const lo = rd(c, 0x100 | c.s);',
        'c.s = (c.s + 1) & 0xff; const pc = lo | (rd(c, 0x100 | c.s) << 8);',
        'rd(c, pc); // dummy read while incrementing PC',
        'c.pc = (pc + 1) & 0xffff;',
      ];
    case 'rti':
      return [
        'rd(c, c.pc);',
        'rd(c, 0x100 | c.s);',
        'c.s = (c.s + 1) & 0xff; setP(c, rd(c, 0x100 | c.s));',
        'c.s = (c.s + 1) & 0xff; const lo = rd(c, 0x100 | c.s);',
        'c.s = (c.s + 1) & 0xff; c.pc = lo | (rd(c, 0x100 | c.s) << 8);',
      ];
    case 'pha': return ['rd(c, c.pc);', 'wr(c, 0x100 | c.s, c.a); c.s = (c.s - 1) & 0xff;'];
    case 'php': return ['rd(c, c.pc);', 'wr(c, 0x100 | c.s, getP(c) | 0x10); c.s = (c.s - 1) & 0xff;'];
    case 'pla':
      return ['rd(c, c.pc);', 'rd(c, 0x100 | c.s);', 'c.s = (c.s + 1) & 0xff; c.a = c.fn = c.fz = rd(c, 0x100 | c.s);'];
    case 'plp':
      return ['rd(c, c.pc);', 'rd(c, 0x100 | c.s);', 'c.iOld = c.fi; // PLP changes I after the interrupt poll',
        'c.s = (c.s + 1) & 0xff; setP(c, rd(c, 0x100 | c.s));'];
    case 'jmp':
      if (mode === 'abs') return ['const lo = fetch(c);', 'c.pc = lo | (rd(c, c.pc) << 8);'];
      return [
        'const lo = fetch(c);',
        'const hi = fetch(c) << 8;',
        'const t = rd(c, hi | lo);',
        'c.pc = t | (rd(c, hi | ((lo + 1) & 0xff)) << 8); // NMOS: the pointer high byte is not carried',
      ];
  }
  if (mode === 'imp') {
    if (!(m in IMPLIED)) throw new Error(`no implied body for ${m}`);
    return ['rd(c, c.pc); // dummy read of the next byte', IMPLIED[m]].filter(Boolean);
  }
  if (mode === 'acc') {
    return ['rd(c, c.pc); // dummy read of the next byte', 'const v = c.a;', RMW[m], 'c.a = w;'];
  }
  if (m in READ) {
    if (mode === 'imm') return ['const v = fetch(c);', READ[m]].filter(Boolean);
    return [...address(mode, false), 'const v = rd(c, ea);', READ[m]].filter(Boolean);
  }
  if (m in WRITE) {
    return [...address(mode, true), ...(WRITE_PRE[m] ? [WRITE_PRE[m]] : []), `wr(c, ea, ${WRITE[m]});`];
  }
  if (m in RMW) {
    return [...address(mode, true), 'const v = rd(c, ea);', 'wr(c, ea, v); // NMOS writes the unmodified value back first', RMW[m], 'wr(c, ea, w);'];
  }
  throw new Error(`no body for ${m} ${mode}`);
}

/** Cycle count (bus accesses) of a body, without page-crossing / branch extras. */
function cycles(o: OpInfo, lines: string[]): number {
  const src = lines.join('\n').replace(/if \(t > 0xff\) rd\(/g, '').replace(/if \(\(\(t \^ pc\)[^\n]*/g, '');
  const branchExtra = o.mode === 'rel' ? (src.match(/rd\(c, pc\);/g)?.length ?? 0) : 0;
  return 1 + (src.match(/\b(rd|wr|fetch)\(/g)?.length ?? 0) - branchExtra;
}

const PRELUDE = `// GENERATED by tools/gen-m6502.ts from cpus/m6502/m6502.ops.ts — do not edit; edit the generator.
/**
 * One function per NMOS 6502 opcode, called after the opcode fetch (cycle 0, done by M6502.run).
 * Each performs its remaining bus cycles through the program AddressSpace in the chip's order and
 * counts one cycle per access in \`c.cyc\` (after the access, so a handler's \`sliceCycles()\` is
 * the index of the cycle it runs in). The helpers it calls live in m6502.alu.ts.
 */
import type { M6502 } from './m6502';
import { adc, arr, compare, fetch, getP, rd, sbc, setP, wr } from './m6502.alu';
`;

/** The text of m6502.gen.ts. */
export function generate(): string {
  const out: string[] = [PRELUDE, "// ---- opcodes " + "-".repeat(78) + "\n"];
  const cyc: number[] = [];
  for (const o of OPCODES) {
    const lines = body(o);
    cyc.push(cycles(o, lines));
    const hex = o.op.toString(16).padStart(2, '0');
    out.push(`// ${hex}: ${o.mnemonic} ${o.mode}${o.undocumented ? ' (undocumented)' : ''}, ${MODE_LENGTH[o.mode]} bytes, ${cyc[o.op]} cycles`);
    out.push(`function op${hex}(c: M6502): void {`);
    for (const l of lines) out.push('  ' + l);
    out.push('}\n');
  }
  out.push('/** Opcode → function performing cycles 1.. of that instruction. */');
  out.push('export const OPS: readonly ((c: M6502) => void)[] = [');
  for (let r = 0; r < 256; r += 8)
    out.push('  ' + Array.from({ length: 8 }, (_, i) => `op${(r + i).toString(16).padStart(2, '0')}`).join(', ') + ',');
  out.push('];\n');
  out.push('/** Base cycle count per opcode (no page-crossing or branch extras). */');
  out.push('export const BASE_CYCLES = new Uint8Array([');
  for (let r = 0; r < 256; r += 16) out.push('  ' + cyc.slice(r, r + 16).join(', ') + ',');
  out.push(']);\n');
  return out.join('\n');
}

/** Where the generated file lives. */
export const GENERATED_FILE = join(here, '..', 'cpus', 'm6502', 'm6502.gen.ts');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(GENERATED_FILE, generate());
  console.log('wrote m6502.gen.ts');
}
