/**
 * Whole-machine speed against MAME, in one run: for every homebrew set we ship (roms-manifest/*.json
 * with `homebrew: true`, ROMs in homebrew/<set>/), alternately `arcade bench SET --seconds N` and
 * `../shared/oracle/mame-bench.sh MACHINE homebrew/<set> N 1` (MAME's own -bench), R times, then one
 * table of the medians: set, MAME machine, ours %, MAME %, ratio (ours / MAME).
 *
 *   npm run bench:machines -- [--seconds N] [--runs R] [SET…]     (defaults: 20 seconds, 3 runs, all sets)
 *
 * The MAME machine of a homebrew set is the real set whose ROM file names and sizes it uses (the
 * homebrew contract in ARCHITECTURE.md): pacdemo → pacman. Both benches count N - 1 emulated seconds
 * (the first is warm-up) and draw every frame; ours also mixes every sample. The machine is shared:
 * alternating the two per set and taking medians keeps load changes from favouring either side.
 * ARCADE_ORACLE overrides the oracle folder (default ../shared/oracle next to the repository).
 * Exit 0 when every bench ran; 1 when one failed (its output is printed); 2 on bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RomManifest } from '../src/core/roms/manifest';
import { loadManifests } from '../src/core/roms/rompath-node';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ORACLE = process.env.ARCADE_ORACLE ?? join(ROOT, '..', 'shared', 'oracle');

export interface BenchTarget {
  set: string;
  machine: string;
  romDir: string;
}

/** Same file names and sizes (order ignored). */
function sameFiles(a: RomManifest, b: RomManifest): boolean {
  const key = (m: RomManifest) => m.roms.map((r) => `${r.name}:${r.size}`).sort().join('|');
  return key(a) === key(b);
}

/** Every homebrew set with its ROM folder and the real MAME machine it stands in for. */
export function benchTargets(manifests: Map<string, RomManifest>, only: string[]): BenchTarget[] {
  const real = [...manifests.values()].filter((m) => !m.homebrew);
  const out: BenchTarget[] = [];
  for (const m of manifests.values()) {
    if (!m.homebrew || (only.length > 0 && !only.includes(m.name))) continue;
    const romDir = join(ROOT, 'homebrew', m.name);
    const ref = real.find((r) => r.driver === m.driver && sameFiles(r, m)) ?? real.find((r) => sameFiles(r, m));
    if (!existsSync(romDir)) {
      console.error(`bench-machines: ${m.name}: no ROM folder ${romDir}, skipped`);
    } else if (!ref) {
      console.error(`bench-machines: ${m.name}: no real set in roms-manifest/ has its file names and sizes (which MAME machine?), skipped`);
    } else {
      out.push({ set: m.name, machine: ref.name, romDir });
    }
  }
  for (const s of only) if (!out.some((t) => t.set === s)) console.error(`bench-machines: ${s}: not a homebrew set with ROMs here`);
  return out;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const m = /Average speed: ([0-9.]+)%/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${text.trim().split('\n').slice(-8).join('\n')}`);
  return m[1];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function main(argv: string[]): number {
  let seconds = 20, runs = 3;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seconds' || a === '--runs') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < (a === '--seconds' ? 2 : 1)) {
        console.error(`bench-machines: ${a} needs an integer ≥ ${a === '--seconds' ? 2 : 1}`);
        return 2;
      }
      if (a === '--seconds') seconds = v; else runs = v;
    } else if (a.startsWith('-')) {
      console.error(`bench-machines: unknown option ${a}\nusage: npm run bench:machines -- [--seconds N] [--runs R] [SET…]`);
      return 2;
    } else {
      only.push(a);
    }
  }
  if (!existsSync(join(ORACLE, 'mame-bench.sh'))) {
    console.error(`bench-machines: ${join(ORACLE, 'mame-bench.sh')} not found (set ARCADE_ORACLE)`);
    return 2;
  }
  const targets = benchTargets(loadManifests(), only);
  if (targets.length === 0) return 2;
  const ours = new Map<string, number[]>(), mame = new Map<string, number[]>();
  for (const t of targets) { ours.set(t.set, []); mame.set(t.set, []); }
  try {
    for (let r = 1; r <= runs; r++) {
      for (const t of targets) {
        const a = Number(run(process.execPath, [join(ROOT, 'bin', 'arcade.mjs'), 'bench', t.set, '--seconds', String(seconds)]));
        const b = Number(run('bash', [join(ORACLE, 'mame-bench.sh'), t.machine, t.romDir, String(seconds), '1']));
        ours.get(t.set)!.push(a);
        mame.get(t.set)!.push(b);
        console.log(`run ${r}/${runs} ${t.set}: ours ${a.toFixed(2)}%, MAME (${t.machine}) ${b.toFixed(2)}%, ratio ${(a / b).toFixed(2)}`);
      }
    }
  } catch (e) {
    console.error(`bench-machines: ${(e as Error).message}`);
    return 1;
  }
  const rows = targets.map((t) => {
    const o = median(ours.get(t.set)!), m = median(mame.get(t.set)!);
    return [t.set, t.machine, `${o.toFixed(0)}%`, `${m.toFixed(0)}%`, `${(o / m).toFixed(2)}×`];
  });
  const head = ['set', 'MAME machine', 'ours %', 'MAME %', 'ratio'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(`\nmedians of ${runs} alternating runs of ${seconds} emulated seconds (${seconds - 1} counted) each; host load ${
    process.platform === 'linux' ? spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 3).join(' ') : 'n/a'}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
