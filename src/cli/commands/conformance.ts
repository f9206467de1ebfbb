/**
 * `arcade conformance CPU [--vectors DIR] [--filter OP]` (also `npm run conformance -- CPU`).
 * Loads `cpus/<cpu>/conformance.ts` and runs it on `ARCADE_CPU_TESTS/<cpu>`; the last line is
 * `CPU: N passed, M failed[, K skipped]` and the exit code is 0 only when nothing failed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConformanceOptions, ConformanceResult } from '../../core/conformance';
import { intOption, parseOptions } from '../args';
import { CliError } from '../cli-error';
import type { Command } from '../main';
import { cpuTestsDir, REPO_ROOT } from '../paths';
import { progressLine } from '../progress';

/** CPU name on the command line → core folder under `cpus/` and vector folder under cpu-tests. */
export const CONFORMANCE_CPUS: Record<string, { core: string; vectors: string }> = {
  z80: { core: 'z80', vectors: 'z80' },
  '6502': { core: 'm6502', vectors: '6502' },
  m68000: { core: 'm68000', vectors: 'm68000' },
  '8086': { core: 'i8086', vectors: '8086' },
};

const MAX_VECTOR_FILE_BYTES = 512 << 20;

export const command: Command = {
  name: 'conformance',
  summary: 'Run a CPU core against the shared single-instruction conformance vectors.',
  usage: `arcade conformance <${Object.keys(CONFORMANCE_CPUS).join('|')}> [--vectors DIR] [--filter OPCODE] [--max-reported N]

  --vectors DIR    folder of vector files (default: $ARCADE_CPU_TESTS/<cpu>, else ../shared/cpu-tests/<cpu>)
  --filter OPCODE  only vector files whose name starts with OPCODE (e.g. ed, cb, 4e)`,
  async run(args) {
    const { values: o, positionals } = parseOptions(args, { vectors: { type: 'string' }, filter: { type: 'string' }, 'max-reported': { type: 'string' } }, { positionals: ['CPU'] });
    const cpu = positionals[0];
    const maxReported = o['max-reported'] === undefined ? undefined : intOption(o['max-reported'], 'max-reported', 0, 0, 1_000_000);
    if (!cpu || !(cpu in CONFORMANCE_CPUS)) throw new CliError(`name a CPU: ${Object.keys(CONFORMANCE_CPUS).join(', ')}`, 2);
    const { core, vectors } = CONFORMANCE_CPUS[cpu];
    const dir = o.vectors ?? join(cpuTestsDir(), vectors);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new CliError(`no conformance vectors at ${dir} (set ARCADE_CPU_TESTS or pass --vectors)`);
    const files = readdirSync(dir);
    if (files.length === 0) throw new CliError(`the vector folder ${dir} is empty`);
    // The adapters read every file whole: refuse pipes and devices (a read would block or never end) and
    // files far larger than any vector file (the largest upstream file is tens of MB).
    for (const f of files) {
      const st = statSync(join(dir, f));
      if (st.isDirectory()) continue;
      if (!st.isFile()) throw new CliError(`${join(dir, f)} is not a regular file (a pipe or device); remove it from the vector folder`);
      if (st.size > MAX_VECTOR_FILE_BYTES) throw new CliError(`${join(dir, f)} is ${st.size} bytes, larger than any vector file; remove it from the vector folder`);
    }
    const adapterPath = join(REPO_ROOT, 'cpus', core, 'conformance.ts');
    if (!existsSync(adapterPath)) throw new CliError(`the ${cpu} core has no conformance adapter yet (${adapterPath})`);
    const adapter = (await import(pathToFileURL(adapterPath).href)) as {
      runConformance(o: ConformanceOptions): Promise<ConformanceResult>;
    };
    const progress = progressLine(`${cpu} conformance`);
    let result: ConformanceResult;
    try {
      result = await adapter.runConformance({
        vectorsDir: dir,
        filter: o.filter,
        log: (line) => { progress.clear(); console.log(line); },
        progress: (done, total) => progress.update(done, total),
        maxReported,
      });
    } catch (e) {
      // The adapters read gzipped JSON vector files; anything else in the folder cannot be parsed.
      progress.clear();
      throw new CliError(`${dir}: not a folder of ${cpu} conformance vectors (${String((e as Error)?.message ?? e).split('\n')[0]}); point --vectors at the ${vectors}/ folder of the CPU tests`);
    }
    progress.clear();
    for (const s of result.skipped) console.log(`skipped ${s.name}: ${s.reason}`);
    for (const n of result.notes ?? []) console.log(n);
    const skipped = result.skipped.length ? `, ${result.skipped.length} skipped` : '';
    console.log(`${cpu}: ${result.passed} passed, ${result.failed} failed${skipped}`);
    return result.failed === 0 && result.passed > 0 ? 0 : 1;
  },
};
