/**
 * The contract between `arcade conformance CPU` and each core's adapter `cpus/<cpu>/conformance.ts`,
 * which must export `runConformance(options): Promise<ConformanceResult>`, and the one runner the
 * adapters share (`runVectorSuite`): it lists the vector files, loads them, runs each test through the
 * core's `VectorSuite` (the core's own state mapping) and reports. The command prints the last line
 * `CPU: N passed, M failed[, K skipped]` and exits 0 only when M = 0.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface ConformanceOptions {
  /** The CPU's folder of vectors, e.g. `../shared/cpu-tests/z80`. */
  vectorsDir: string;
  /** Only files whose name starts with this (an opcode), when given. */
  filter?: string;
  /** Print a line (failure details, notes). */
  log: (line: string) => void;
  /** Report progress: files done of total. */
  progress?: (done: number, total: number) => void;
  /** Stop listing failures after this many (they are still counted). Default 20. */
  maxReported?: number;
}

export interface ConformanceResult {
  passed: number;
  failed: number;
  /** Tests excluded on purpose, each with the reason (e.g. unverified upstream). */
  skipped: { name: string; reason: string }[];
  /** Extra summary lines printed before the final line (e.g. the cycle-exact share). */
  notes?: string[];
}

/**
 * What a CPU core supplies to the shared runner: how to run one recorded test on the core and compare
 * the result (its state mapping). Listing, loading, counting and reporting are `runVectorSuite`'s.
 */
export interface VectorSuite<V extends { name: string }> {
  /** Called before the tests of each file (e.g. to pick the file's undefined-flags mask). */
  beginFile?(file: string): void;
  /** Runs one test: null when every compared field matches, else the differences. */
  check(v: V): string | null;
  /** Extra words for a FAIL line after the test's name (e.g. its instruction bytes). */
  detail?(v: V): string;
  /** A reason when upstream marks this file's tests as unverified: its failures are listed as skipped. */
  unverified?(file: string): string | null;
  /** Summary lines printed after the run (what was compared, shares measured on the way). */
  notes(): string[];
}

/** The vector files of a folder (`*.json.gz`, or plain `*.json` except metadata), sorted, optionally by opcode prefix. */
export function vectorFiles(dir: string, filter?: string): string[] {
  const prefix = filter?.toLowerCase();
  return readdirSync(dir)
    .filter((f) => (f.endsWith('.json.gz') || f.endsWith('.json')) && f !== 'metadata.json')
    .filter((f) => !prefix || f.toLowerCase().startsWith(prefix))
    .sort();
}

/** One vector file: a JSON array of tests, gzipped or not. */
export function loadVectorFile<V>(path: string): V[] {
  const raw = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as V[];
}

/** Runs every test of every file of `opts.vectorsDir` through `suite` and counts the results. */
export async function runVectorSuite<V extends { name: string }>(suite: VectorSuite<V>, opts: ConformanceOptions): Promise<ConformanceResult> {
  const files = vectorFiles(opts.vectorsDir, opts.filter);
  const maxReported = opts.maxReported ?? 20;
  let passed = 0, failed = 0;
  const skipped: ConformanceResult['skipped'] = [];
  const failingFiles: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const op = file.replace(/\.json(\.gz)?$/, '');
    const unverified = suite.unverified?.(file) ?? null;
    suite.beginFile?.(file);
    const tests = loadVectorFile<V>(join(opts.vectorsDir, file));
    let fileFailed = 0;
    for (const v of tests) {
      const diff = suite.check(v);
      if (diff === null) { passed++; continue; }
      if (unverified) { skipped.push({ name: v.name, reason: `${unverified} (${diff})` }); continue; }
      failed++;
      fileFailed++;
      if (failed <= maxReported) opts.log(`FAIL ${op} "${v.name}"${suite.detail ? ' ' + suite.detail(v) : ''}: ${diff}`);
    }
    if (fileFailed) failingFiles.push(`${op} (${fileFailed} of ${tests.length})`);
    opts.progress?.(i + 1, files.length);
  }
  if (files.length === 0) opts.log(`no vector files in ${opts.vectorsDir}`);
  if (failed > maxReported) opts.log(`… ${failed - maxReported} more failures not listed`);
  const notes = suite.notes();
  if (failingFiles.length) notes.push(`files with failures: ${failingFiles.join(', ')}`);
  return { passed, failed, skipped, notes };
}
