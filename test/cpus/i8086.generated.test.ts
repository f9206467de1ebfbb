/**
 * cpus/i8086/i8086.gen.ts (dispatch tables, run loop, clock tables) is generated from the opcode table
 * cpus/i8086/i8086.ops.ts by tools/gen-i8086.ts: this fails when the table or the generator changed
 * without regenerating (`npx tsx tools/gen-i8086.ts`), and checks the table's own consistency.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate, GENERATED_FILE } from '../../tools/gen-i8086';
import { HANDLERS, NEC0F_HANDLERS, TIMING_8086, TIMING_80186, TIMING_V30 } from '../../cpus/i8086/i8086.gen';
import { HOT_OPCODES, NEC0F_OPS, OPS, opRow } from '../../cpus/i8086/i8086.ops';

describe('x86 opcode table and generated code', () => {
  it('i8086.gen.ts is what tools/gen-i8086.ts generates from the opcode table', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generate());
  });

  it('every opcode has exactly one row and its handler in HANDLERS', () => {
    const seen = new Set<number>();
    for (const r of OPS) for (const op of r.ops) { expect(seen.has(op)).toBe(false); seen.add(op); }
    expect(seen.size).toBe(256);
    for (let op = 0; op < 256; op++) expect(HANDLERS[op].name).toBe(opRow(op).exec);
    for (const r of NEC0F_OPS) for (const op of r.ops) expect(NEC0F_HANDLERS[op].name).toBe(r.exec);
  });

  it('the three clock tables have the same fields in the same order (one object shape for cpu.t)', () => {
    expect(Object.keys(TIMING_V30)).toEqual(Object.keys(TIMING_8086));
    expect(Object.keys(TIMING_80186)).toEqual(Object.keys(TIMING_8086));
  });

  it('hot opcodes are real opcodes, listed once', () => {
    expect(new Set(HOT_OPCODES).size).toBe(HOT_OPCODES.length);
    for (const op of HOT_OPCODES) expect(op).toBeLessThan(256);
  });
});
