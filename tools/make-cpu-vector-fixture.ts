/**
 * Rebuilds test/fixtures/cpu-vectors/: the compact slice of the SingleStepTests suites that ships with
 * the project, so `npm test` checks every opcode file of every CPU on a fresh clone. It keeps the first
 * N tests of each opcode file of the full slices (`$ARCADE_CPU_TESTS`, default ../shared/cpu-tests, or a
 * folder made by tools/fetch-cpu-tests.sh), in the same schema and file names, gzipped reproducibly
 * (zlib level 9, no timestamp). 8086's metadata.json (undefined-flag masks) is copied whole.
 *
 *   npx tsx tools/make-cpu-vector-fixture.ts [FULL_DIR]
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { COMPACT_TESTS_PER_FILE, VECTOR_CPUS } from '../test/support/cpu-vectors';

const REPO = resolve(import.meta.dirname, '..');
const from = resolve(process.argv[2] ?? process.env.ARCADE_CPU_TESTS ?? join(REPO, '..', 'shared', 'cpu-tests'));
const to = join(REPO, 'test', 'fixtures', 'cpu-vectors');

let total = 0;
for (const cpu of VECTOR_CPUS) {
  const src = join(from, cpu), dst = join(to, cpu);
  if (!existsSync(src)) throw new Error(`no vectors at ${src}`);
  rmSync(dst, { recursive: true, force: true });
  mkdirSync(dst, { recursive: true });
  const keep = COMPACT_TESTS_PER_FILE[cpu];
  let bytes = 0;
  const files = readdirSync(src).sort();
  for (const f of files) {
    if (f === 'metadata.json') { copyFileSync(join(src, f), join(dst, f)); continue; }
    if (!f.endsWith('.json.gz')) continue;
    const tests = JSON.parse(gunzipSync(readFileSync(join(src, f))).toString('utf8')) as unknown[];
    const out = gzipSync(JSON.stringify(tests.slice(0, keep)), { level: 9 });
    writeFileSync(join(dst, f), out);
    bytes += out.length;
  }
  total += bytes;
  console.log(`${cpu}: ${files.length} files, first ${keep} tests each, ${(bytes / 1e6).toFixed(2)} MB`);
}
console.log(`total ${(total / 1e6).toFixed(2)} MB in ${to}`);
