/**
 * The SingleStepTests 6502 vectors (the full shared slice, or the compact one in test/fixtures/cpu-vectors
 * on a fresh clone; see test/support/cpu-vectors.ts):
 * every test of every opcode file, comparing registers, RAM and the whole bus trace (address, value,
 * read/write per cycle), through the same checker as `npm run conformance -- 6502`. Fails, does not
 * skip, when the folder is missing. Also checks the disassembler on every opcode of the vectors.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVectors, TracedBus, upstreamFixedCycles, type Vector } from '../../cpus/m6502/conformance';
import { disassembleM6502 } from '../../cpus/m6502/m6502.dasm';
import { cpuVectors } from '../support/cpu-vectors';

const { dir, perFile, origin } = cpuVectors('6502');

function files(): string[] {
  if (!existsSync(dir)) throw new Error(`6502 vectors missing at ${dir} (from ${origin})`);
  return readdirSync(dir).filter((f) => f.endsWith('.json.gz')).sort();
}

describe('6502 SingleStepTests vectors', () => {
  it('the vector folder holds all 256 opcode files', () => {
    expect(files()).toHaveLength(256);
  });

  // Loaded once per opcode file; a whole pass takes a few seconds.
  const cache = new Map<string, Vector[]>();
  const load = (f: string) => { let v = cache.get(f); if (!v) cache.set(f, (v = loadVectors(join(dir, f)))); return v; };

  it('every vector matches registers, RAM and the whole bus trace', () => {
    const bus = new TracedBus();
    const bad: string[] = [];
    let checked = 0;
    for (const f of files()) {
      for (const v of load(f)) {
        if (upstreamFixedCycles(v)) continue; // checked in the next test
        checked++;
        const diff = bus.check(v);
        if (diff && bad.length < 10) bad.push(`${v.name}: ${diff}`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(250 * perFile); // all but the NOPs of the next test
  });

  it('undocumented NOP abs / abs,x vectors recorded before upstream PR #50 match with its added final read', () => {
    // SingleStepTests/ProcessorTests issue #46: this slice lacks the last read of $0c and of
    // $1c/3c/5c/7c/dc/fc on a page crossing; the core makes that read as the chip does.
    files();
    const bus = new TracedBus();
    const bad: string[] = [];
    let checked = 0;
    for (const f of ['0c', '1c', '3c', '5c', '7c', 'dc', 'fc']) {
      for (const v of load(`${f}.json.gz`)) {
        const fixed = upstreamFixedCycles(v);
        if (!fixed) continue;
        checked++;
        const diff = bus.check(v, fixed);
        if (diff && bad.length < 10) bad.push(`${v.name}: ${diff}`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(perFile); // a page crossing in about half of the abs,x tests
  });

  it('the disassembler names every opcode and its length matches the vectors', () => {
    // Length check on opcodes that fall through to the next instruction (PC = start + length).
    const flow = new Set([0x00, 0x20, 0x40, 0x4c, 0x60, 0x6c, 0x02, 0x12, 0x22, 0x32, 0x42, 0x52, 0x62, 0x72, 0x92, 0xb2, 0xd2, 0xf2]);
    const bad: string[] = [];
    const names = files();
    expect(names).toHaveLength(256);
    for (const f of names) {
      const v = load(f)[0];
      const mem = new Map(v.initial.ram);
      const peek = (a: number) => mem.get(a) ?? 0;
      const op = peek(v.initial.pc);
      const d = disassembleM6502(v.initial.pc, peek);
      if (!/^[a-z]{3,4}( |$)/.test(d.text) || d.text.includes('???')) bad.push(`${f}: '${d.text}'`);
      const branch = (op & 0x1f) === 0x10;
      if (!flow.has(op) && !branch && ((v.final.pc - v.initial.pc) & 0xffff) !== d.length)
        bad.push(`${f}: length ${d.length}, vector advanced PC by ${(v.final.pc - v.initial.pc) & 0xffff}`);
      if (branch && d.length !== 2) bad.push(`${f}: branch length ${d.length}`);
    }
    expect(bad).toEqual([]);
  });
});
