/**
 * Where the CPU vector tests find their SingleStepTests vectors.
 *
 * - `ARCADE_CPU_TESTS` set (CI sets it): `$ARCADE_CPU_TESTS/<cpu>`, the full slices; a missing folder
 *   fails the tests, it never falls back.
 * - else `../shared/cpu-tests/<cpu>` next to the checkout, when present (the team's machines).
 * - else the compact slice committed in test/fixtures/cpu-vectors (the first tests of every opcode
 *   file, made by tools/make-cpu-vector-fixture.ts), so a fresh clone's `npm test` checks every opcode.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const VECTOR_CPUS = ['z80', '6502', 'm68000', '8086'] as const;
export type VectorCpu = (typeof VECTOR_CPUS)[number];

/** Tests kept per opcode file in the committed compact slice (≈ 7 MB in all). */
export const COMPACT_TESTS_PER_FILE: Record<VectorCpu, number> = { z80: 10, '6502': 40, m68000: 50, '8086': 20 };
/** Tests per opcode file in the shared full slices (../shared/cpu-tests/README.md); upstream has more. */
export const SHARED_TESTS_PER_FILE: Record<VectorCpu, number> = { z80: 100, '6502': 400, m68000: 300, '8086': 200 };

const REPO = resolve(import.meta.dirname, '../..');
export const COMPACT_VECTORS_DIR = join(REPO, 'test', 'fixtures', 'cpu-vectors');

export interface VectorSource {
  /** the CPU's folder of `*.json.gz` files */
  dir: string;
  /** true for the committed compact slice */
  compact: boolean;
  /** the fewest tests each opcode file holds in this source */
  perFile: number;
  /** where the folder came from, for failure messages */
  origin: string;
}

export function cpuVectors(cpu: VectorCpu): VectorSource {
  const env = process.env.ARCADE_CPU_TESTS;
  if (env) return { dir: resolve(REPO, env, cpu), compact: false, perFile: SHARED_TESTS_PER_FILE[cpu], origin: 'ARCADE_CPU_TESTS' };
  const shared = resolve(REPO, '..', 'shared', 'cpu-tests', cpu);
  if (existsSync(shared)) return { dir: shared, compact: false, perFile: SHARED_TESTS_PER_FILE[cpu], origin: '../shared/cpu-tests' };
  return { dir: join(COMPACT_VECTORS_DIR, cpu), compact: true, perFile: COMPACT_TESTS_PER_FILE[cpu], origin: 'the compact slice in test/fixtures/cpu-vectors' };
}
