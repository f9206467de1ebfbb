/**
 * The SingleStepTests/m68000 vectors (recorded from MAME's microcoded 68000; the full shared slice, or
 * the compact one in test/fixtures/cpu-vectors on a fresh clone, see test/support/cpu-vectors.ts): every test of every file, comparing all registers, the prefetch queue, RAM,
 * the total cycle count and every bus transaction (kind, start clock, address, data written). The whole set (38,100 tests) runs in a few seconds. Fails, not skips,
 * when the folder is missing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVectors, VectorRig } from '../../cpus/m68000/conformance';
import { cpuVectors } from '../support/cpu-vectors';

const { dir, perFile, origin } = cpuVectors('m68000');

describe('m68000 vectors', () => {
  it('the vector folder exists', () => {
    expect(existsSync(dir), `missing ${dir} (from ${origin})`).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json.gz')).length).toBeGreaterThan(100);
  });

  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json.gz')).sort() : [];
  // two rigs: every page a logging handler (bus transactions compared too), and plain RAM pages
  // (the core's inline RAM fast paths)
  const busRig = new VectorRig(true);
  const flatRig = new VectorRig(false);
  it.each(files)('%s', (file) => {
    const vectors = loadVectors(join(dir, file));
    expect(vectors.length).toBeGreaterThanOrEqual(perFile);
    const bad: string[] = [];
    for (const t of vectors) {
      const diff = busRig.runOne(t);
      if (diff !== '') bad.push(`${t.name}: ${diff}`);
      const flat = flatRig.runOne(t);
      if (flat !== '') bad.push(`${t.name} (RAM pages): ${flat}`);
      if (bad.length >= 5) break;
    }
    expect(bad).toEqual([]);
  });
});
