/** Where the project's own files are, independent of the current directory. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `ARCADE_CPU_TESTS`, else `../shared/cpu-tests` beside the checkout. */
export function cpuTestsDir(): string {
  return resolve(process.env.ARCADE_CPU_TESTS ?? join(REPO_ROOT, '..', 'shared', 'cpu-tests'));
}

/** The shared benchmark workloads and peer harness (`../shared/bench`). */
export function sharedBenchDir(): string {
  return resolve(process.env.ARCADE_SHARED_BENCH ?? join(REPO_ROOT, '..', 'shared', 'bench'));
}
