/**
 * cpus/i8086/i8086.biu.params.ts is generated: tools/gen-i8086-biu.ts fits it on the shared
 * SingleStepTests/8086 slice (200 tests per opcode file). This checks the committed file is what the
 * tool gives on those vectors. The fit needs the full slice (the compact one in test/fixtures gives
 * other parameters), so on a fresh clone without ../shared this test is reported as skipped; CI runs it
 * (it exports ARCADE_CPU_TESTS). About 15 s of CPU.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generate, GENERATED_FILE } from '../../tools/gen-i8086-biu';
import { cpuVectors } from '../support/cpu-vectors';

const vectors = cpuVectors('8086');

it.runIf(!vectors.compact)('i8086.biu.params.ts is what tools/gen-i8086-biu.ts fits on the shared 8086 vectors', () => {
  expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generate(vectors.dir).text);
}, 300_000);
