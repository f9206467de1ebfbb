// Every SingleStepTests/z80 vector (the full shared slice, or the compact one in test/fixtures/cpu-vectors on
// a fresh clone; see test/support/cpu-vectors.ts): every field of `final`, RAM, I/O traffic and the T-state
// count, through the same runner as `npm run conformance -- z80`. All ~160k shared tests take a few seconds,
// so nothing is sampled. A missing vector folder is a failure, not a skip.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVectorFile, vectorFiles, Z80VectorRunner } from '../../cpus/z80/conformance';
import { cpuVectors } from '../support/cpu-vectors';

const { dir, perFile, origin } = cpuVectors('z80');

// One test per opcode page keeps the report readable; each collects up to 10 failures.
const GROUPS: [string, (f: string) => boolean][] = [
  ['unprefixed', (f) => !/^(cb|dd|ed|fd) /.test(f)],
  ['CB', (f) => f.startsWith('cb ')],
  ['ED', (f) => f.startsWith('ed ')],
  ['DD', (f) => f.startsWith('dd ') && !f.startsWith('dd cb')],
  ['FD', (f) => f.startsWith('fd ') && !f.startsWith('fd cb')],
  ['DD CB', (f) => f.startsWith('dd cb')],
  ['FD CB', (f) => f.startsWith('fd cb')],
];

describe('z80 SingleStepTests vectors', () => {
  it('the vector folder exists', () => {
    expect(existsSync(dir), `no vectors at ${dir} (from ${origin})`).toBe(true);
    expect(vectorFiles(dir).length).toBeGreaterThan(1500);
  });

  for (const [name, pick] of GROUPS) {
    it(`${name} opcodes match every field`, () => {
      expect(existsSync(dir), `no vectors at ${dir}`).toBe(true);
      const files = vectorFiles(dir).filter(pick);
      expect(files.length).toBeGreaterThan(0);
      const runner = new Z80VectorRunner();
      const bad: string[] = [];
      let count = 0;
      for (const file of files) {
        for (const v of loadVectorFile(join(dir, file))) {
          count++;
          const diff = runner.run(v);
          if (diff !== null && bad.length < 10) bad.push(`${v.name}: ${diff}`);
        }
      }
      expect(bad).toEqual([]);
      expect(count).toBeGreaterThanOrEqual(files.length * perFile);
    });
  }
});
