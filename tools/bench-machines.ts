/**
 * Whole-machine speed against MAME, in one run: for every homebrew set we ship (roms-manifest/*.json
 * with `homebrew: true`, ROMs in homebrew/<set>/), alternately `arcade bench SET --seconds N` and
 * `../shared/oracle/mame-bench.sh MACHINE homebrew/<set> N 1` (MAME's own -bench), R times, then one
 * table of the medians: set, MAME machine, ours %, MAME %, ratio (ours / MAME).
 *
 *   npm run bench:machines -- [--seconds N] [--runs R] [--baseline DIR] [SET…]
 *                              (defaults: 20 seconds, 3 runs, all sets)
 *
 * --baseline DIR also benches another checkout of ours (e.g. `git archive COMMIT | tar -x -C DIR` with
 * node_modules linked in), in the same alternation, for before/after figures measured in one run.
 *
 * The MAME machine of a homebrew set is the real set whose ROM file names and sizes it uses (the
 * homebrew contract in ARCHITECTURE.md): pacdemo → pacman. Besides wall-clock speed it reports speed per
 * CPU-second (ours: `CPU speed` of `arcade bench`; MAME: CPU time of an N-second run minus a 2-second
 * run; when N seconds cost MAME under a second of CPU, both from longer runs, so that neither figure is
 * mostly start-up or, for ours, the JIT still compiling), which a busy shared host disturbs much less.
 * Both benches count N - 1 emulated seconds (the first is warm-up) and draw every frame; ours also mixes
 * every sample. A fast machine's short run lasts a fraction of a second of wall time, much of it V8
 * compiling: `--seconds 90` gives steadier wall figures. The machine is shared:
 * alternating the two per set and taking medians keeps load changes from favouring either side.
 * ARCADE_ORACLE overrides the oracle folder (default ../shared/oracle next to the repository).
 * Exit 0 when every bench ran; 1 when one failed (its output is printed); 2 on bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * The folder MAME benches: our ROMs, plus zero-filled stand-ins for files MAME's machine also requires
 * but the homebrew set does not ship (`mame -listroms qbert` includes the Votrax device's sc01a.bin,
 * 512 bytes; the golden script tools/make-golden-gottdemo.sh gives MAME the same stand-in). Returns
 * the folder and a clean-up function.
 */
export function mameRomDir(t: BenchTarget, listroms: string): { dir: string; done: () => void } {
  const need = [...listroms.matchAll(/^(\S+)\s+(\d+)\s+(?:CRC|NO GOOD DUMP|BAD DUMP)/gm)].map((m) => ({ name: m[1], size: Number(m[2]) }));
  const missing = need.filter((f) => !existsSync(join(t.romDir, f.name)));
  if (missing.length === 0) return { dir: t.romDir, done: () => {} };
  const tmp = mkdtempSync(join(tmpdir(), 'bench-machines-'));
  const dir = join(tmp, t.machine);
  cpSync(t.romDir, dir, { recursive: true });
  for (const f of missing) writeFileSync(join(dir, f.name), new Uint8Array(f.size));
  return { dir, done: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** Run a bench; returns its stdout (which must hold an `Average speed` line). */
function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 || !/Average speed: [0-9.]+%/.test(r.stdout ?? '')) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${text.trim().split('\n').slice(-8).join('\n')}`);
  }
  return r.stdout;
}

/** MAME's CPU figure needs at least this much CPU time between its long and short runs… */
const MIN_MAME_CPU_S = 1;
/** …from a run of at most this many emulated seconds. */
const MAX_MAME_SECONDS = 600;

function figure(out: string, re: RegExp, what: string): number {
  const m = re.exec(out);
  if (!m) throw new Error(`no ${what} in:\n${out.trim()}`);
  return Number(m[1]);
}

/** Median of the finite values (NaN when there are none). */
export function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function main(argv: string[]): number {
  let seconds = 20, runs = 3;
  let baseline: string | null = null;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--baseline') {
      baseline = resolve(argv[++i] ?? '');
      if (!existsSync(join(baseline, 'bin', 'arcade.mjs'))) {
        console.error(`bench-machines: --baseline ${baseline}: no bin/arcade.mjs there`);
        return 2;
      }
    } else if (a === '--seconds' || a === '--runs') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < (a === '--seconds' ? 2 : 1)) {
        console.error(`bench-machines: ${a} needs an integer ≥ ${a === '--seconds' ? 2 : 1}`);
        return 2;
      }
      if (a === '--seconds') seconds = v; else runs = v;
    } else if (a.startsWith('-')) {
      console.error(`bench-machines: unknown option ${a}\nusage: npm run bench:machines -- [--seconds N] [--runs R] [--baseline DIR] [SET…]`);
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
  const series = new Map<string, Record<'ours' | 'mame' | 'before' | 'oursCpu' | 'mameCpu' | 'beforeCpu', number[]>>();
  for (const t of targets) series.set(t.set, { ours: [], mame: [], before: [], oursCpu: [], mameCpu: [], beforeCpu: [] });
  const SPEED = /Average speed: ([0-9.]+)%/, CPU_SPEED = /CPU speed: ([0-9.]+)%/, MAME_CPU = /cpu\(user\+sys\)=([0-9.]+)s/;
  const arcadeBench = (dir: string, set: string, secs: number): [number, number] => {
    const out = run(process.execPath, [join(dir, 'bin', 'arcade.mjs'), 'bench', set, '--seconds', String(secs), '--rompath', join(ROOT, 'homebrew')]);
    return [figure(out, SPEED, 'speed'), CPU_SPEED.test(out) ? figure(out, CPU_SPEED, 'CPU speed') : NaN];
  };
  // MAME's CPU speed: the CPU time of an N-second run minus that of a 2-second run (start-up, the first
  // seconds and teardown cancel out) for N - 2 emulated seconds.
  const mameBin = existsSync('/usr/games/mame') ? '/usr/games/mame' : 'mame';
  const mameBench = (t: BenchTarget, secs: number): [number, number] => {
    const list = spawnSync(mameBin, ['-listroms', t.machine], { encoding: 'utf8' }).stdout ?? '';
    const roms = mameRomDir(t, list);
    try {
      const out = run('bash', [join(ORACLE, 'mame-bench.sh'), t.machine, roms.dir, String(secs), '1']);
      return [figure(out, SPEED, 'speed'), figure(out, MAME_CPU, 'CPU time')];
    } finally {
      roms.done();
    }
  };
  try {
    for (let r = 1; r <= runs; r++) {
      for (const t of targets) {
        const x = series.get(t.set)!;
        const [a, acShort] = arcadeBench(ROOT, t.set, seconds);
        const [m, mCpuLong] = mameBench(t, seconds);
        const [, mCpuShort] = seconds > 2 ? mameBench(t, 2) : [0, 0];
        // A fast machine spends too little CPU in N seconds for the figure to mean much (MAME runs
        // gottdemo's 10 s in ~0.15 s of CPU; ours is then still compiling its hot code in the
        // background): both CPU figures then come from runs long enough for ≥ 1 s of MAME's CPU.
        let cpuSecs = seconds, cpuLong = mCpuLong, ac = acShort;
        const diff = mCpuLong - mCpuShort;
        if (seconds > 2 && diff < MIN_MAME_CPU_S) {
          cpuSecs = Math.min(MAX_MAME_SECONDS, 2 + Math.ceil(((seconds - 2) * MIN_MAME_CPU_S * 1.5) / Math.max(diff, 0.01)));
          [, cpuLong] = mameBench(t, cpuSecs);
          [, ac] = arcadeBench(ROOT, t.set, cpuSecs);
        }
        if (baseline) {
          // a set the baseline does not know (a board added since) gets n/a there
          let [b, bc] = [NaN, NaN];
          try {
            [b, bc] = arcadeBench(baseline, t.set, seconds);
            if (cpuSecs !== seconds) [, bc] = arcadeBench(baseline, t.set, cpuSecs);
          } catch { /* not in the baseline */ }
          x.before.push(b); x.beforeCpu.push(bc);
        }
        // below 0.1 s of difference the figure is mostly noise
        const mc = seconds > 2 && cpuLong - mCpuShort >= 0.1 ? (100 * (cpuSecs - 2)) / (cpuLong - mCpuShort) : NaN;
        x.ours.push(a); x.oursCpu.push(ac); x.mame.push(m); x.mameCpu.push(mc);
        console.log(`run ${r}/${runs} ${t.set}: ${baseline ? `baseline ${x.before.at(-1)!.toFixed(0)}% (CPU ${x.beforeCpu.at(-1)!.toFixed(0)}%), ` : ''}`
          + `ours ${a.toFixed(0)}% (CPU ${ac.toFixed(0)}%), MAME ${t.machine} ${m.toFixed(0)}% (CPU ${mc.toFixed(0)}%)`
          + (cpuSecs !== seconds ? ` [CPU figures from ${cpuSecs}-second runs]` : ''));
      }
    }
  } catch (e) {
    console.error(`bench-machines: ${(e as Error).message}`);
    return 1;
  }
  const pct = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)}%` : 'n/a');
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
  const rows = targets.map((t) => {
    const x = series.get(t.set)!;
    const [o, m, oc, mc] = [median(x.ours), median(x.mame), median(x.oursCpu), median(x.mameCpu)];
    const cells = [t.set, t.machine, pct(o), pct(m), ratio(o, m), pct(oc), pct(mc), ratio(oc, mc)];
    if (!baseline) return cells;
    const [b, bc] = [median(x.before), median(x.beforeCpu)];
    return [...cells, pct(b), ratio(b, m), pct(bc), ratio(bc, mc)];
  });
  const head = ['set', 'MAME machine', 'ours %', 'MAME %', 'ratio', 'ours CPU %', 'MAME CPU %', 'CPU ratio',
    ...(baseline ? ['baseline %', 'b. ratio', 'baseline CPU %', 'b. CPU ratio'] : [])];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(`\nmedians of ${runs} alternating runs of ${seconds} emulated seconds (${seconds - 1} counted) each; host load ${
    process.platform === 'linux' ? spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 3).join(' ') : 'n/a'}`);
  console.log('% = emulated time / wall time (as MAME -bench); CPU % = emulated time / CPU time (steadier on a busy host)');
  if (baseline) console.log(`baseline: ${baseline}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
