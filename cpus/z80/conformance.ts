/**
 * Conformance adapter for `npm run conformance -- z80`: runs the SingleStepTests/z80 vectors
 * (../shared/cpu-tests/z80, one gzipped JSON file per opcode). For each test: load every field of
 * `initial` (registers, shadow set, wz, r, i, iff1/2, im, q, p, ei, RAM), run one instruction, and
 * compare every field of `final`, the RAM (and that nothing outside the listed addresses was written),
 * the T-state count (= `cycles.length`) and the I/O traffic: IN reads are served from `ports` entries
 * `[port, value, "r"]` in order, OUT writes must match the `"w"` entries exactly (16-bit port, value).
 */
import {
  loadVectorFile as loadVectors, runVectorSuite, vectorFiles, type ConformanceOptions, type ConformanceResult, type VectorSuite,
} from '../../src/core/conformance';
import { AddressSpace } from '../../src/core/memory';
import { Z80 } from './z80';

export interface Z80State {
  [reg: string]: number | [number, number][];
  ram: [number, number][];
}

export interface Z80Vector {
  name: string;
  initial: Z80State;
  final: Z80State;
  cycles: unknown[];
  ports?: [number, number, string][];
}

/** The register fields of a vector state; each is a public field of `Z80` with the same name. */
const REG_FIELDS = new Set([
  'a', 'b', 'c', 'd', 'e', 'f', 'h', 'l', 'i', 'r', 'ix', 'iy', 'sp', 'pc', 'wz',
  'af_', 'bc_', 'de_', 'hl_', 'iff1', 'iff2', 'im', 'ei', 'p', 'q',
]);

export const loadVectorFile = (path: string): Z80Vector[] => loadVectors<Z80Vector>(path);
export { vectorFiles };

/** One CPU on a flat 64 KB RAM that logs writes, and an I/O space that plays back a test's `ports`. */
export class Z80VectorRunner {
  readonly cpu: Z80;
  readonly ram: Uint8Array;
  private writes: number[] = [];
  private touched: number[] = [];
  private ports: [number, number, string][] = [];
  private portIndex = 0;
  private portError: string | null = null;

  constructor() {
    const program = AddressSpace.flatRam({ name: 'program', addrBits: 16 });
    const ram = program.mem;
    this.ram = ram;
    program.mapHandler(0x0000, 0xffff, {
      write: (a, d) => { ram[a] = d; this.writes.push(a); },
    });
    const io = new AddressSpace({ name: 'io', addrBits: 16 }, new Uint8Array(0));
    io.mapHandler(0x0000, 0xffff, {
      read: (port) => this.portAccess(port, 'r', 0),
      write: (port, data) => { this.portAccess(port, 'w', data); },
    });
    this.cpu = new Z80('maincpu', 3_072_000, program, io);
  }

  private portAccess(port: number, kind: string, data: number): number {
    const e = this.ports[this.portIndex];
    if (!e) {
      this.portError ??= `unexpected ${kind === 'r' ? 'IN from' : 'OUT to'} port ${hex4(port)}`;
      return 0xff;
    }
    this.portIndex++;
    if (e[2] !== kind || e[0] !== port || (kind === 'w' && e[1] !== data)) {
      this.portError ??= `port access ${kind} ${hex4(port)}${kind === 'w' ? `=${hex2(data)}` : ''}, expected ${e[2]} ${hex4(e[0])}${e[2] === 'w' ? `=${hex2(e[1])}` : ''}`;
    }
    return e[1];
  }

  /** Runs one test; returns null when every field matches, else a description of the differences. */
  run(v: Z80Vector): string | null {
    const cpu = this.cpu as unknown as Record<string, number>;
    for (const a of this.touched) this.ram[a] = 0;
    this.touched.length = 0;
    this.writes.length = 0;
    this.ports = v.ports ?? [];
    this.portIndex = 0;
    this.portError = null;
    this.cpu.halted = 0;
    this.cpu.irqLine = 0;
    this.cpu.nmiLine = 0;
    this.cpu.nmiPending = 0;
    for (const [k, val] of Object.entries(v.initial)) {
      if (k === 'ram') continue;
      if (!REG_FIELDS.has(k)) return `unknown field '${k}' in initial`;
      cpu[k] = val as number;
    }
    for (const [a, d] of v.initial.ram) { this.ram[a] = d; this.touched.push(a); }

    const used = this.cpu.run(1);

    const diffs: string[] = [];
    for (const [k, want] of Object.entries(v.final)) {
      if (k === 'ram') continue;
      if (!REG_FIELDS.has(k)) { diffs.push(`unknown field '${k}' in final`); continue; }
      if (cpu[k] !== want) diffs.push(`${k}=${cpu[k]} want ${want}`);
    }
    const listed = new Set<number>();
    for (const [a, d] of v.final.ram) {
      listed.add(a);
      this.touched.push(a);
      if (this.ram[a] !== d) diffs.push(`ram[${hex4(a)}]=${this.ram[a]} want ${d}`);
    }
    for (const a of this.writes) {
      this.touched.push(a);
      if (!listed.has(a)) diffs.push(`write to unlisted ram[${hex4(a)}]`);
    }
    if (used !== v.cycles.length) diffs.push(`cycles=${used} want ${v.cycles.length}`);
    if (this.portError) diffs.push(this.portError);
    else if (this.portIndex !== this.ports.length) diffs.push(`${this.ports.length - this.portIndex} port accesses missing`);
    return diffs.length ? diffs.join(', ') : null;
  }
}

function hex2(v: number): string { return v.toString(16).padStart(2, '0'); }
function hex4(v: number): string { return v.toString(16).padStart(4, '0'); }

/** The Z80's state mapping for the shared runner: every field of each test through `Z80VectorRunner`. */
export class Z80Suite implements VectorSuite<Z80Vector> {
  private readonly runner = new Z80VectorRunner();
  check(v: Z80Vector): string | null { return this.runner.run(v); }
  detail(v: Z80Vector): string {
    const ram = new Map(v.initial.ram), pc = v.initial.pc as number;
    return `[${[0, 1, 2, 3].map((k) => (ram.get((pc + k) & 0xffff) ?? 0).toString(16).padStart(2, '0')).join(' ')}]`;
  }
  notes(): string[] {
    return ['compared: every register of `final` (incl. WZ, Q, P, EI, IFF1/2, R, shadow set), RAM (no unlisted writes), I/O traffic and the T-state count'];
  }
}

export const runConformance = (opts: ConformanceOptions): Promise<ConformanceResult> => runVectorSuite(new Z80Suite(), opts);
