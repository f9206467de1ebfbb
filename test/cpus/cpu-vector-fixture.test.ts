/**
 * test/fixtures/cpu-vectors/ is generated: tools/make-cpu-vector-fixture.ts keeps the first tests of every
 * opcode file of the full shared slices. This checks each committed file holds exactly what the tool makes
 * of the full one (compared as JSON text, so a different zlib build cannot matter), that no opcode file is
 * missing or extra, and that 8086's flag masks are the same file. It needs the full slices, so on a fresh
 * clone without ../shared it is reported as skipped; CI runs it (it exports ARCADE_CPU_TESTS).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compactJson, FIXTURE_DIR, vectorFiles } from '../../tools/make-cpu-vector-fixture';
import { cpuVectors, VECTOR_CPUS } from '../support/cpu-vectors';

describe('the compact CPU vector slice is what tools/make-cpu-vector-fixture.ts makes (run it after changing the slice)', () => {
  for (const cpu of VECTOR_CPUS) {
    const full = cpuVectors(cpu);
    it.runIf(!full.compact)(`${cpu}: every opcode file`, () => {
      const files = vectorFiles(full.dir);
      expect(vectorFiles(join(FIXTURE_DIR, cpu))).toEqual(files);
      const stale = files.filter((f) =>
        gunzipSync(readFileSync(join(FIXTURE_DIR, cpu, f))).toString('utf8') !== compactJson(cpu, readFileSync(join(full.dir, f))));
      expect(stale).toEqual([]);
      if (existsSync(join(full.dir, 'metadata.json'))) {
        expect(readFileSync(join(FIXTURE_DIR, cpu, 'metadata.json'))).toEqual(readFileSync(join(full.dir, 'metadata.json')));
      }
    }, 120_000);
  }
});
