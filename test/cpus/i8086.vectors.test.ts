/**
 * The 8086 core against SingleStepTests/8086 (real P80C86A recordings; the full shared slice, or the
 * compact one in test/fixtures/cpu-vectors on a fresh clone, see test/support/cpu-vectors.ts):
 * every test of every file, registers and RAM exact, undefined flags masked by metadata.json.
 * The whole set runs in a few seconds, so no sampling is needed. The cycle-exact share is reported by
 * `npm run conformance -- 8086`; here it only has to stay above the level reached (no regressions).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagsMask, flat8086, loadMetadata, loadVectors, runVector, vectorFiles } from '../../cpus/i8086/conformance';
import { cpuVectors } from '../support/cpu-vectors';

const { dir, perFile, origin } = cpuVectors('8086');

describe('8086 conformance vectors', () => {
  it('has the vector folder', () => {
    // fail, not skip, when the shared vectors are missing
    expect(existsSync(join(dir, 'metadata.json')), `no vectors at ${dir} (from ${origin})`).toBe(true);
  });

  const files = existsSync(dir) ? vectorFiles(dir) : [];
  it('finds the vector files', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it.each(files)('%s: registers and RAM match every test', (file) => {
    const meta = loadMetadata(dir);
    const { cpu, mem } = flat8086();
    const mask = flagsMask(meta, file);
    const bad: string[] = [];
    const out = { cycles: 0 };
    for (const v of loadVectors(dir, file)) {
      const diff = runVector(cpu, mem, v, mask, out);
      if (diff !== null) bad.push(`${v.name}: ${diff}`);
      if (bad.length === 5) break;
    }
    expect(bad).toEqual([]);
  });

  it('keeps the cycle-exact share of the timing model (measured 98.2% with the BIU model)', () => {
    const meta = loadMetadata(dir);
    const { cpu, mem } = flat8086();
    let match = 0, total = 0;
    const out = { cycles: 0 };
    for (const file of files) {
      for (const v of loadVectors(dir, file)) {
        runVector(cpu, mem, v, flagsMask(meta, file), out);
        total++;
        if (out.cycles === v.cycles.length) match++;
      }
    }
    expect(total).toBeGreaterThanOrEqual(300 * perFile);
    expect(match / total).toBeGreaterThan(0.98);
  });
});
