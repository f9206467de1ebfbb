/**
 * The contract between `arcade conformance CPU` and each core's adapter `cpus/<cpu>/conformance.ts`,
 * which must export `runConformance(options): Promise<ConformanceResult>`.
 * The runner prints the last line `CPU: N passed, M failed[, K skipped]` and exits 0 only when M = 0.
 */
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
