/**
 * `arcade conformance CPU [--vectors DIR] [--filter OP]` (also `npm run conformance -- CPU`).
 * Loads `cpus/<cpu>/conformance.ts` and runs it on `ARCADE_CPU_TESTS/<cpu>`; the last line is
 * `CPU: N passed, M failed[, K skipped]` and the exit code is 0 only when nothing failed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConformanceOptions, ConformanceResult } from '../../core/conformance';
import { parseArgs } from '../args';
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

export const command: Command = {
  name: 'conformance',
  summary: 'Run a CPU core against the shared single-instruction conformance vectors.',
  usage: `arcade conformance <${Object.keys(CONFORMANCE_CPUS).join('|')}> [--vectors DIR] [--filter OPCODE] [--max-reported N]

  --vectors DIR    folder of vector files (default: $ARCADE_CPU_TESTS/<cpu>, else ../shared/cpu-tests/<cpu>)
  --filter OPCODE  only vector files whose name starts with OPCODE (e.g. ed, cb, 4e)`,
  async run(args) {
    const p = parseArgs(args, { values: ['vectors', 'filter', 'max-reported'] });
    const cpu = p.positional[0];
    if (!cpu || !(cpu in CONFORMANCE_CPUS)) throw new CliError(`name a CPU: ${Object.keys(CONFORMANCE_CPUS).join(', ')}`, 2);
    const { core, vectors } = CONFORMANCE_CPUS[cpu];
    const dir = p.values.vectors ?? join(cpuTestsDir(), vectors);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new CliError(`no conformance vectors at ${dir} (set ARCADE_CPU_TESTS or pass --vectors)`);
    if (readdirSync(dir).length === 0) throw new CliError(`the vector folder ${dir} is empty`);
    const adapterPath = join(REPO_ROOT, 'cpus', core, 'conformance.ts');
    if (!existsSync(adapterPath)) throw new CliError(`the ${cpu} core has no conformance adapter yet (${adapterPath})`);
    const adapter = (await import(pathToFileURL(adapterPath).href)) as {
      runConformance(o: ConformanceOptions): Promise<ConformanceResult>;
    };
    const progress = progressLine(`${cpu} conformance`);
    const result = await adapter.runConformance({
      vectorsDir: dir,
      filter: p.values.filter,
      log: (line) => { progress.clear(); console.log(line); },
      progress: (done, total) => progress.update(done, total),
      maxReported: p.values['max-reported'] ? Number(p.values['max-reported']) : undefined,
    });
    progress.clear();
    for (const s of result.skipped) console.log(`skipped ${s.name}: ${s.reason}`);
    for (const n of result.notes ?? []) console.log(n);
    const skipped = result.skipped.length ? `, ${result.skipped.length} skipped` : '';
    console.log(`${cpu}: ${result.passed} passed, ${result.failed} failed${skipped}`);
    return result.failed === 0 && result.passed > 0 ? 0 : 1;
  },
};
