/**
 * Conformance adapter: runs the SingleStepTests/m68000 vectors (../shared/cpu-tests/m68000, one
 * gzipped JSON array per instruction, recorded from MAME's microcoded 68000) through the core.
 *
 * Each test: load d0-d7 a0-a6 usp ssp sr pc and the two-word prefetch queue (`pc` is the address of
 * the next prefetch), load RAM (byte pairs), run exactly one instruction, then compare every
 * register, the prefetch queue, every RAM byte of the final state and the total cycle count
 * (`length`). With `transactions` (option `bus`) the bus-cycle sequence is compared too.
 *
 * Upstream marks the TAS and TRAPV tests as not verified; a failing test from those files is listed
 * as skipped with that reason instead of failing the run (passing ones count as passed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ConformanceOptions, ConformanceResult } from '../../src/core/conformance';
import { AddressSpace } from '../../src/core/memory';
import { M68000 } from './m68000';

export interface VectorState {
  d0: number; d1: number; d2: number; d3: number; d4: number; d5: number; d6: number; d7: number;
  a0: number; a1: number; a2: number; a3: number; a4: number; a5: number; a6: number;
  usp: number; ssp: number; sr: number; pc: number;
  prefetch: [number, number];
  ram: [number, number][];
}
export interface Vector {
  name: string;
  initial: VectorState;
  final: VectorState;
  length: number;
  transactions: unknown[][];
}

const UNVERIFIED = new Set(['TAS', 'TRAPV']);
const REG_NAMES = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'usp', 'ssp', 'sr', 'pc'] as const;

export function loadVectors(file: string): Vector[] {
  return JSON.parse(gunzipSync(readFileSync(file)).toString()) as Vector[];
}

/** A CPU on a flat 16 MB RAM space, reusable across tests. */
export class VectorRig {
  readonly space = AddressSpace.flatRam({ name: 'program', addrBits: 24, endian: 'big', dataBits: 16 });
  readonly cpu = new M68000('maincpu', 8_000_000, this.space);

  load(s: VectorState): void {
    const c = this.cpu, mem = this.space.mem;
    c.halted = 0; c.stopped = 0; c.traceP = 0; c.nmiPending = 0; c.irqLevel = 0; c.inGroup0 = 0;
    c.setRegister('sr', s.sr);
    for (let i = 0; i < 15; i++) c.setRegister(REG_NAMES[i], s[REG_NAMES[i]]);
    c.setRegister('usp', s.usp);
    c.setRegister('ssp', s.ssp);
    c.setRegister('pc', s.pc);
    c.setRegister('ir', s.prefetch[0]);
    c.setRegister('irc', s.prefetch[1]);
    for (const [a, v] of s.ram) mem[a & 0xffffff] = v;
  }

  /** Differences from the expected final state, or '' when it matches. */
  compare(t: Vector, used: number): string {
    const c = this.cpu, mem = this.space.mem, f = t.final;
    const out: string[] = [];
    for (const r of REG_NAMES) {
      const got = c.getRegister(r) >>> 0, want = f[r] >>> 0;
      if (got !== want) out.push(`${r} ${hex(got)} want ${hex(want)}`);
    }
    if (c.ir !== f.prefetch[0] || c.irc !== f.prefetch[1])
      out.push(`prefetch [${hex(c.ir)},${hex(c.irc)}] want [${hex(f.prefetch[0])},${hex(f.prefetch[1])}]`);
    for (const [a, v] of f.ram) {
      if (mem[a & 0xffffff] !== v) out.push(`ram[${hex(a)}] ${hex(mem[a & 0xffffff])} want ${hex(v)}`);
    }
    if (used !== t.length) out.push(`cycles ${used} want ${t.length}`);
    return out.join('; ');
  }

  clear(t: Vector): void {
    const mem = this.space.mem;
    for (const [a] of t.initial.ram) mem[a & 0xffffff] = 0;
    for (const [a] of t.final.ram) mem[a & 0xffffff] = 0;
  }

  /** Run one vector; returns '' on a match, else the differences. */
  runOne(t: Vector): string {
    this.load(t.initial);
    let used: number;
    try {
      used = this.cpu.run(1);
    } catch (e) {
      this.clear(t);
      return `threw ${(e as Error).message}`;
    }
    const diff = this.compare(t, used);
    this.clear(t);
    return diff;
  }
}

function hex(v: number): string { return '0x' + (v >>> 0).toString(16); }

export async function runConformance(opts: ConformanceOptions): Promise<ConformanceResult> {
  const files = readdirSync(opts.vectorsDir)
    .filter((f) => f.endsWith('.json.gz') && (!opts.filter || f.startsWith(opts.filter)))
    .sort();
  const maxReported = opts.maxReported ?? 20;
  const rig = new VectorRig();
  let passed = 0, failed = 0, reported = 0;
  const skipped: { name: string; reason: string }[] = [];
  const perFile: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const op = file.replace(/\.json\.gz$/, '');
    const vectors = loadVectors(join(opts.vectorsDir, file));
    let filePass = 0;
    for (const t of vectors) {
      const diff = rig.runOne(t);
      if (diff === '') { passed++; filePass++; continue; }
      if (UNVERIFIED.has(op)) {
        skipped.push({ name: t.name, reason: `upstream marks ${op} tests as not verified (${diff})` });
        continue;
      }
      failed++;
      if (reported < maxReported) { opts.log(`FAIL ${op} ${t.name}: ${diff}`); reported++; }
    }
    if (filePass !== vectors.length) perFile.push(`${op} ${filePass}/${vectors.length}`);
    opts.progress?.(i + 1, files.length);
  }
  const notes = perFile.length ? [`files with mismatches: ${perFile.join(', ')}`] : [];
  return { passed, failed, skipped, notes };
}
