/**
 * Conformance adapter for SingleStepTests/8086 (v1, recorded from a real Intel P80C86A).
 *
 * Each test: load `initial` registers and RAM, execute one instruction (a REP string op runs to
 * completion, as the recording does), compare every register (unchanged ones are omitted from
 * `final`) and the listed RAM bytes. Undefined flags are masked per opcode (and per ModRM reg for
 * group opcodes) with `metadata.json`'s `flags-mask`. The prefetch queue is ignored (the README of the
 * vectors allows it); cycle counts (`cycles.length`) are compared separately and reported as a share.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadVectorFile, runVectorSuite, vectorFiles, type ConformanceOptions, type ConformanceResult, type VectorSuite } from '../../src/core/conformance';
import { AddressSpace } from '../../src/core/memory';
import { CS, I8086 } from './i8086';

export interface Regs8086 {
  ax: number; bx: number; cx: number; dx: number; cs: number; ss: number; ds: number; es: number;
  sp: number; bp: number; si: number; di: number; ip: number; flags: number;
}
export interface Vector8086 {
  name: string;
  bytes: number[];
  initial: { regs: Regs8086; ram: [number, number][]; queue?: number[] };
  final: { regs: Partial<Regs8086>; ram: [number, number][] };
  cycles: unknown[];
}
interface OpMeta { status?: string; 'flags-mask'?: number; reg?: Record<string, OpMeta> }

const REG_ORDER: (keyof Regs8086)[] = ['ax', 'bx', 'cx', 'dx', 'cs', 'ss', 'ds', 'es', 'sp', 'bp', 'si', 'di', 'ip', 'flags'];

/** A CPU on a flat 1 MB RAM and an empty I/O space (reads 0xff, as the recorded bus did). */
export function flat8086(): { cpu: I8086; mem: Uint8Array } {
  const program = AddressSpace.flatRam({ name: 'program', addrBits: 20, endian: 'little', dataBits: 16 });
  const io = new AddressSpace({ name: 'io', addrBits: 16 }, new Uint8Array(0));
  const cpu = new I8086('maincpu', 5_000_000, program, io, '8086');
  cpu.biu = true; // time instructions against the prefetch queue, as the recordings do
  return { cpu, mem: program.mem };
}

/** The flags mask for a vector file name like `F6.7.json.gz`. */
export function flagsMask(meta: Record<string, OpMeta>, file: string): number {
  const m = /^([0-9A-F]{2})(?:\.(\d))?\.json\.gz$/i.exec(file);
  if (!m) return 0xffff;
  const op = meta[m[1].toUpperCase()];
  if (!op) return 0xffff;
  const entry = m[2] !== undefined && op.reg ? op.reg[m[2]] : op;
  return entry?.['flags-mask'] ?? 0xffff;
}

/**
 * Runs one vector; returns null when registers and RAM match, else a description of the first
 * differences. `cycles` receives the cycle count used.
 */
export function runVector(cpu: I8086, mem: Uint8Array, v: Vector8086, mask: number, out: { cycles: number }): string | null {
  const i = v.initial.regs;
  cpu.reset();
  const r = cpu.r16;
  r[0] = i.ax; r[1] = i.cx; r[2] = i.dx; r[3] = i.bx; r[4] = i.sp; r[5] = i.bp; r[6] = i.si; r[7] = i.di;
  cpu.sreg[0] = i.es; cpu.sreg[2] = i.ss; cpu.sreg[3] = i.ds;
  cpu.loadCs(i.cs);
  cpu.ip = i.ip;
  cpu.flags = i.flags;
  cpu.queueAtStart = v.initial.queue?.length ?? -1;
  for (const [a, b] of v.initial.ram) mem[a] = b;
  let cycles = 0, guard = 0;
  do { cycles += cpu.run(1); } while (cpu.inRep && ++guard < 1_000_000);
  out.cycles = cycles;

  const diffs: string[] = [];
  const f = v.final.regs;
  const actual: Regs8086 = {
    ax: r[0], cx: r[1], dx: r[2], bx: r[3], sp: r[4], bp: r[5], si: r[6], di: r[7],
    es: cpu.sreg[0], cs: cpu.sreg[CS], ss: cpu.sreg[2], ds: cpu.sreg[3], ip: cpu.ip, flags: cpu.flags,
  };
  for (const k of REG_ORDER) {
    const want = f[k] ?? i[k];
    let got = actual[k];
    let exp = want;
    if (k === 'flags') { got &= mask; exp &= mask; }
    if (got !== exp) diffs.push(`${k}=${got.toString(16)} want ${exp.toString(16)}`);
  }
  for (const [a, b] of v.final.ram) if (mem[a] !== b) diffs.push(`[${a.toString(16)}]=${mem[a].toString(16)} want ${b.toString(16)}`);
  // leave RAM clean for the next test
  for (const [a] of v.initial.ram) mem[a] = 0;
  for (const [a] of v.final.ram) mem[a] = 0;
  return diffs.length ? diffs.slice(0, 6).join(', ') : null;
}

export function loadVectors(dir: string, file: string): Vector8086[] {
  return loadVectorFile<Vector8086>(join(dir, file));
}

export function loadMetadata(dir: string): Record<string, OpMeta> {
  return (JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as { opcodes: Record<string, OpMeta> }).opcodes;
}

export { vectorFiles };

/**
 * The 8086's state mapping for the shared runner: registers and RAM must match (undefined flags masked
 * per file); the cycle count is measured on the way and reported as the cycle-exact share.
 */
export class I8086Suite implements VectorSuite<Vector8086> {
  private readonly rig = flat8086();
  private readonly meta: Record<string, OpMeta>;
  private readonly out = { cycles: 0 };
  private mask = 0xffff;
  private file = '';
  private fileMatch = 0;
  private fileTotal = 0;
  private cycleMatch = 0;
  private total = 0;
  private readonly perFile: string[] = [];

  constructor(dir: string) { this.meta = loadMetadata(dir); }

  beginFile(file: string): void {
    this.endFile();
    this.file = file;
    this.mask = flagsMask(this.meta, file);
  }

  check(v: Vector8086): string | null {
    const diff = runVector(this.rig.cpu, this.rig.mem, v, this.mask, this.out);
    this.fileTotal++;
    if (this.out.cycles === v.cycles.length) this.fileMatch++;
    return diff;
  }

  detail(v: Vector8086): string { return `[${v.bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ')}]`; }

  private endFile(): void {
    if (this.fileTotal) this.perFile.push(`${this.file.replace('.json.gz', '')}:${Math.round((100 * this.fileMatch) / this.fileTotal)}%`);
    this.cycleMatch += this.fileMatch;
    this.total += this.fileTotal;
    this.fileMatch = this.fileTotal = 0;
  }

  notes(): string[] {
    this.endFile();
    const share = this.total ? ((100 * this.cycleMatch) / this.total).toFixed(1) : '0';
    return [
      `cycle-exact: ${this.cycleMatch} of ${this.total} tests (${share}%) match the recorded cycle count (instruction tables + BIU/prefetch-queue model, i8086.biu.ts)`,
      ...(process.env.ARCADE_CYCLE_DETAIL ? [`per file: ${this.perFile.join(' ')}`] : []),
    ];
  }
}

export const runConformance = (opts: ConformanceOptions): Promise<ConformanceResult> => runVectorSuite(new I8086Suite(opts.vectorsDir), opts);
