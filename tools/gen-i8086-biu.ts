/**
 * Fits the BIU model's per-opcode parameters (cpus/i8086/i8086.biu.ts) on SingleStepTests/8086 and
 * writes cpus/i8086/i8086.biu.params.ts. For each opcode (group opcodes per ModRM reg; register and memory forms apart)
 * it tries every position of the EU's first bus request and of the prefetch suspend, and keeps the
 * pair under which the most recordings agree with the core's count + the simulated BIU delay + one
 * constant (the uncontended count's difference from the instruction table).
 *
 *   npx tsx tools/gen-i8086-biu.ts [vector dir]     (default: $ARCADE_CPU_TESTS/8086, else ../shared/cpu-tests/8086)
 *
 * The committed file was fitted on the shared slice (200 tests per opcode file); test/cpus/i8086.biu.test.ts
 * checks it is what this tool gives on those vectors.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { flagsMask, flat8086, loadMetadata, loadVectors, runVector, vectorFiles } from '../cpus/i8086/conformance';
import { biuDelay, biuKey, eaClocks, NONE, NPARAM } from '../cpus/i8086/i8086.biu';
import { HAS_MODRM, WIDE_OPERAND } from '../cpus/i8086/i8086.ops';

const PREFIX = new Set([0x26, 0x2e, 0x36, 0x3e, 0xf0, 0xf1, 0xf2, 0xf3]);
const STRING = new Set([0xa4, 0xa5, 0xa6, 0xa7, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf]);

interface Row { q0: number; npre: number; len: number; op: number; modrm: number; flushed: boolean; oddWord: boolean; diff: number }
/** Where the fitted parameters live. */
export const GENERATED_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../cpus/i8086/i8086.biu.params.ts');

/** Fits the parameters on the 8086 vectors in `dir`; returns the file text and a summary line. */
export function generate(dir: string): { text: string; summary: string } {
  const byKey = new Map<number, Row[]>();
  const meta = loadMetadata(dir);
  const { cpu, mem } = flat8086();
  cpu.biu = false; // fit against the instruction tables alone
  const out = { cycles: 0 };
  for (const f of vectorFiles(dir)) {
    for (const v of loadVectors(dir, f)) {
      runVector(cpu, mem, v, flagsMask(meta, f), out);
      let npre = 0;
      while (PREFIX.has(v.bytes[npre])) npre++;
      const op = v.bytes[npre];
      // a REP string op is timed per iteration by the core; only the single forms are fitted
      if (STRING.has(op) && v.bytes.slice(0, npre).some((b) => b === 0xf2 || b === 0xf3)) continue;
      const modrm = HAS_MODRM[op] ? v.bytes[npre + 1] : 0;
      const i = v.initial.regs, fin = { ...i, ...v.final.regs };
      const flushed = fin.cs !== i.cs || fin.ip !== ((i.ip + v.bytes.length) & 0xffff);
      const k = biuKey(op, modrm, flushed);
      const rows = byKey.get(k) ?? [];
      rows.push({ q0: v.initial.queue?.length ?? ((i.cs * 16 + i.ip) & 1 ? 5 : 6), npre, len: v.bytes.length, op, modrm, flushed, oddWord: WIDE_OPERAND[op] !== 0 && (cpu.eaOff & 1) !== 0, diff: v.cycles.length - out.cycles });
      byKey.set(k, rows);
    }
  }

  const params = new Int8Array(8192 * NPARAM).fill(NONE);
  for (let k = 0; k < 8192; k++) params[k * NPARAM + 4] = 0;
  const hist = new Int32Array(64);
  let total = 0, matched = 0, before = 0;
  const lines: string[] = [];
  const range = (lo: number, hi: number): number[] => { const r = [NONE]; for (let x = lo; x <= hi; x++) r.push(x); return r; };

  /** Tests matching under (a, s, b, i) and the best clock adjustment. */
  function score(rows: Row[], a: number, s: number, b: number, i: number): [number, number] {
    hist.fill(0);
    for (const r of rows) {
      const hasM = HAS_MODRM[r.op] !== 0, t0 = r.npre * 2, mem = hasM && r.modrm >> 6 !== 3;
      const req = a === NONE ? NONE : t0 + a + (mem ? 2 + eaClocks(r.modrm) : 0);
      const su = r.flushed && s !== NONE ? t0 + s : NONE;
      const d = req === NONE && su === NONE ? 0 : biuDelay(r.q0, r.npre, r.len, r.modrm, hasM, req, mem && r.oddWord ? 2 : 1, su, b, i);
      const x = r.diff - d + 32;
      if (x >= 0 && x < 64) hist[x]++;
    }
    let m = 0, mi = 32;
    for (let x = 0; x < 64; x++) if (hist[x] > m || (hist[x] === m && Math.abs(x - 32) < Math.abs(mi - 32))) { m = hist[x]; mi = x; }
    return [m, mi - 32];
  }

  for (const [k, rows] of [...byKey].sort((x, y) => x[0] - y[0])) {
    let best = -1, bA = NONE, bS = NONE, bB = NONE, bI = NONE, bAdj = 0;
    const anyFlush = rows.some((r) => r.flushed);
    // stage 1: the first bus request and the suspend
    for (const a of range(-4, 16)) {
      for (const s of anyFlush ? range(0, 16) : [NONE]) {
        const [m, adj] = score(rows, a, s, NONE, NONE);
        if (m > best) { best = m; bA = a; bS = s; bAdj = adj; }
      }
    }
    // stage 2 (memory forms with a first request): a second bus cycle and late immediate bytes
    const memForm = HAS_MODRM[rows[0].op] !== 0 && (k & 2) === 0;
    if (memForm && bA !== NONE && best < rows.length) {
      const a1 = bA;
      for (let a = -2; a <= 6; a++) {
        for (const b of range(3, 20)) {
          for (const i of range(0, 10)) {
            if (b === NONE && i === NONE) continue;
            const [m, adj] = score(rows, a, bS, b, i);
            if (m > best) { best = m; bA = a; bB = b; bI = i; bAdj = adj; }
          }
        }
      }
      void a1;
    }
    total += rows.length; matched += best; before += rows.filter((r) => r.diff === 0).length;
    if (bA === NONE && bS === NONE && bAdj === 0) continue;
    const q = k * NPARAM;
    params[q] = bA; params[q + 1] = bS; params[q + 2] = bB; params[q + 3] = bI; params[q + 4] = bAdj;
    const op = k >> 5, reg = (k >> 2) & 7, regForm = (k >> 1) & 1, fl = k & 1;
    lines.push(`  [0x${op.toString(16).padStart(2, '0')}, ${reg}, ${regForm}, ${fl}, ${bA}, ${bS}, ${bB}, ${bI}, ${bAdj}], // ${best}/${rows.length}`);
  }
  const summary = `fitted: ${matched} of ${total} tests exact (REP string ops excluded) (instruction tables alone: ${before})`;
  return { summary, text: `// Generated by tools/gen-i8086-biu.ts from SingleStepTests/8086 (do not edit by hand).
// [opcode, ModRM reg (group opcodes), register form (1) or memory form (0), jumped (1),
//  first EU bus request (clocks after the opcode byte; memory forms: after ModRM + EA),
//  prefetch suspend (clocks after the opcode byte), second EU bus request and immediate-byte reads
//  (clocks after the first bus cycle's last T4), uncontended clocks minus the instruction table];
//  -128 = none. Comment: tests exact under these parameters.
const ROWS: readonly (readonly number[])[] = [
${lines.join('\n')}
];

/** Per parameter index (see biuKey), NPARAM each: first request, suspend, second request, immediates, adjustment. */
export const BIU_PARAMS = new Int8Array(8192 * 5).fill(-128);
for (let k = 0; k < 8192; k++) BIU_PARAMS[k * 5 + 4] = 0;
for (const [op, reg, regForm, jumped, a, s, b, i, adj] of ROWS) {
  const k = ((((((op << 3) | reg) << 1) | regForm) << 1) | jumped) * 5;
  BIU_PARAMS[k] = a; BIU_PARAMS[k + 1] = s; BIU_PARAMS[k + 2] = b; BIU_PARAMS[k + 3] = i; BIU_PARAMS[k + 4] = adj;
}
` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = resolve(process.argv[2] ?? join(process.env.ARCADE_CPU_TESTS ?? '../shared/cpu-tests', '8086'));
  const { text, summary } = generate(dir);
  writeFileSync(GENERATED_FILE, text);
  console.log(summary);
}
