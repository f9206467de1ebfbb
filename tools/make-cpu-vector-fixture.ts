/**
 * Rebuilds test/fixtures/cpu-vectors/: the compact slice of the SingleStepTests suites that ships with
 * the project, so `npm test` checks every opcode file of every CPU on a fresh clone. It keeps the first
 * N tests of each opcode file of the full slices (`$ARCADE_CPU_TESTS`, default ../shared/cpu-tests, or a
 * folder made by tools/fetch-cpu-tests.sh), in the same schema and file names, gzipped reproducibly
 * (zlib level 9, no timestamp). 8086's metadata.json (undefined-flag masks) is copied whole.
 * test/cpus/cpu-vector-fixture.test.ts checks the committed slice is what this makes of the full one.
 *
 *   npx tsx tools/make-cpu-vector-fixture.ts [FULL_DIR]
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { COMPACT_TESTS_PER_FILE, VECTOR_CPUS, type VectorCpu } from '../test/support/cpu-vectors';

const REPO = resolve(import.meta.dirname, '..');
export const FIXTURE_DIR = join(REPO, 'test', 'fixtures', 'cpu-vectors');

/** The opcode files of a full slice folder, sorted (metadata.json is copied, not sliced). */
export function vectorFiles(fullCpuDir: string): string[] {
  return readdirSync(fullCpuDir).filter((f) => f.endsWith('.json.gz')).sort();
}

/** The compact file's JSON text made from one gzipped opcode file of the full slice. */
export function compactJson(cpu: VectorCpu, fullGz: Uint8Array): string {
  const tests = JSON.parse(gunzipSync(fullGz).toString('utf8')) as unknown[];
  return JSON.stringify(tests.slice(0, COMPACT_TESTS_PER_FILE[cpu]));
}

function main(from: string): void {
  let total = 0;
  for (const cpu of VECTOR_CPUS) {
    const src = join(from, cpu), dst = join(FIXTURE_DIR, cpu);
    if (!existsSync(src)) throw new Error(`no vectors at ${src}`);
    rmSync(dst, { recursive: true, force: true });
    mkdirSync(dst, { recursive: true });
    if (existsSync(join(src, 'metadata.json'))) copyFileSync(join(src, 'metadata.json'), join(dst, 'metadata.json'));
    const files = vectorFiles(src);
    let bytes = 0;
    for (const f of files) {
      const out = gzipSync(compactJson(cpu, readFileSync(join(src, f))), { level: 9 });
      writeFileSync(join(dst, f), out);
      bytes += out.length;
    }
    total += bytes;
    console.log(`${cpu}: ${files.length} files, first ${COMPACT_TESTS_PER_FILE[cpu]} tests each, ${(bytes / 1e6).toFixed(2)} MB`);
  }
  console.log(`total ${(total / 1e6).toFixed(2)} MB in ${FIXTURE_DIR}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(resolve(process.argv[2] ?? process.env.ARCADE_CPU_TESTS ?? join(REPO, '..', 'shared', 'cpu-tests')));
}
