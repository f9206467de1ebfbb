/**
 * `arcade benchcpu [CPU…]` (also `npm run bench`): times our CPU cores on the shared workloads
 * (`../shared/bench/workloads`) through the same adapter files (`bench/peers/<cpu>.adapter.mjs`) that
 * the peer harness loads with `--adapter`, so both report the same thing. Prints MIPS and emulated MHz.
 * For a side-by-side table with the npm peers use `../shared/bench/peers/run.mjs --adapter …`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { intOption, parseOptions } from '../args';
import { CliError } from '../cli-error';
import type { Command } from '../main';
import { REPO_ROOT, sharedBenchDir } from '../paths';

const ADAPTERS: Record<string, string> = { z80: 'z80', '6502': '6502', '68000': 'm68000', '8086': 'i8086' };

interface Adapter {
  name: string;
  cpu: string;
  setup(o: { image: Uint8Array; iters: number; workload: unknown }): Promise<Session> | Session;
}
interface Session {
  run(max: number): Promise<{ instructions: number; cycles: number | null }> | { instructions: number; cycles: number | null };
  result(): { sum: number; count: number; crc: number; done: boolean };
}

export const command: Command = {
  name: 'benchcpu',
  summary: 'Time the CPU cores on the shared benchmark workloads (MIPS, emulated MHz).',
  usage: 'arcade benchcpu [z80|6502|68000|8086 …] [--runs N] [--iters N]',
  async run(args) {
    const { values: o, positionals } = parseOptions(args, { runs: { type: 'string' }, iters: { type: 'string' } }, { variadic: true });
    const runs = intOption(o.runs, 'runs', 5, 1, 1000);
    const cpus = positionals.length ? positionals : Object.keys(ADAPTERS);
    const lib = join(sharedBenchDir(), 'peers', 'lib');
    if (!existsSync(join(lib, 'workloads.mjs'))) throw new CliError(`the shared bench harness is missing at ${lib}`);
    const { WORKLOADS, loadImage, REAL_CLOCKS } = await import(pathToFileURL(join(lib, 'workloads.mjs')).href);
    const { reference } = await import(pathToFileURL(join(lib, 'reference.mjs')).href);
    let failures = 0;
    console.log('cpu     adapter                 iters   instructions        cycles   median s      MIPS  emul. MHz  x real');
    for (const cpu of cpus) {
      if (!(cpu in ADAPTERS)) throw new CliError(`unknown CPU '${cpu}' (${Object.keys(ADAPTERS).join(', ')})`, 2);
      const file = join(REPO_ROOT, 'bench', 'peers', `${ADAPTERS[cpu]}.adapter.mjs`);
      if (!existsSync(file)) { console.log(`${cpu.padEnd(8)}(no adapter yet: ${file})`); continue; }
      const mod = await import(pathToFileURL(file).href);
      const adapters: Adapter[] = [mod.default].flat();
      for (const adapter of adapters) {
        const workload = WORKLOADS[cpu];
        const iters = intOption(o.iters, 'iters', workload.defaultIters, 1, 1_000_000_000);
        const expect = reference(iters);
        const times: number[] = [];
        let last = { instructions: 0, cycles: null as number | null };
        for (let r = 0; r <= runs; r++) {
          const session = await adapter.setup({ image: loadImage(cpu, iters), iters, workload });
          const t0 = process.hrtime.bigint();
          last = await session.run(Number.MAX_SAFE_INTEGER);
          const t1 = process.hrtime.bigint();
          const res = session.result();
          if (!res.done || res.sum !== expect.sum || res.count !== expect.count || res.crc !== expect.crc) {
            console.log(`${cpu.padEnd(8)}${adapter.name}: WRONG RESULT ${JSON.stringify(res)} expected ${JSON.stringify(expect)}`);
            failures++;
            break;
          }
          if (r > 0) times.push(Number(t1 - t0) / 1e9); // run 0 warms up
        }
        if (times.length === 0) continue;
        times.sort((a, b) => a - b);
        const med = times[times.length >> 1];
        const mips = last.instructions / med / 1e6;
        const mhz = last.cycles === null ? NaN : last.cycles / med / 1e6;
        const real = REAL_CLOCKS[cpu].mhz;
        console.log(
          `${cpu.padEnd(8)}${adapter.name.padEnd(22)}${String(iters).padStart(6)}${String(last.instructions).padStart(15)}` +
            `${String(last.cycles ?? '-').padStart(14)}${med.toFixed(3).padStart(11)}${mips.toFixed(2).padStart(10)}` +
            `${mhz.toFixed(2).padStart(11)}${(mhz / real).toFixed(1).padStart(8)}`,
        );
      }
    }
    return failures ? 1 : 0;
  },
};
