/**
 * `arcade bench SET [--seconds N]`: like MAME's -bench: runs unthrottled for N emulated seconds with
 * every frame rendered and every sample mixed, then prints `Average speed: P% (N seconds)`, the emulated
 * time over the wall time, and `CPU speed: P%`, the emulated time over the process's CPU time. MAME does
 * not count its first emulated second; neither do we.
 */
import { Debugger } from '../../core/debug/debugger';
import { intOption, parseOptions } from '../args';
import { CliError } from '../cli-error';
import { loadGame } from '../load-game';
import type { Command } from '../main';
import { progressLine } from '../progress';

export const command: Command = {
  name: 'bench',
  summary: 'Run a game unthrottled and print its speed like MAME -bench.',
  usage: `arcade bench SET [--rompath P] [--seconds N] [--debugger]

  --seconds N   emulated seconds to run (default 20; the first, warm-up second is not counted)
  --debugger    also run a second machine with the debugger attached (no breakpoints: snapshots and
                input log only), in alternating blocks with the first, and print both speeds`,
  async run(args) {
    const { values: o, positionals } = parseOptions(args, { rompath: { type: 'string' }, seconds: { type: 'string' }, debugger: { type: 'boolean' } }, { positionals: ['SET'] });
    const set = positionals[0];
    if (!set) throw new CliError('name a set to benchmark', 2);
    const seconds = intOption(o.seconds, 'seconds', 20, 2, 3600);
    const { machine, warnings } = loadGame(set, o.rompath);
    for (const w of warnings) console.error(`warning: ${w}`);
    if (o.debugger) return benchWithDebugger(set, o.rompath, seconds);
    const fps = machine.info.refreshHz;
    const warm = Math.round(fps);
    const total = Math.round(seconds * fps);
    const progress = progressLine(`bench ${set}`);
    let t0 = 0;
    let cpu0 = process.cpuUsage();
    for (let f = 0; f < total; f++) {
      if (f === warm) { t0 = performance.now(); cpu0 = process.cpuUsage(); }
      machine.runFrame(); // draws the frame and mixes its audio, as the app would
      progress.update(f + 1, total);
    }
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    progress.clear();
    const emulated = (total - warm) / fps;
    const pct = (emulated / wall) * 100;
    console.log(`Average speed: ${pct.toFixed(2)}% (${Math.round(emulated)} seconds)`);
    // The same over the process's CPU time (all threads): steadier than wall time on a busy machine.
    console.log(`CPU speed: ${((emulated / ((cpu.user + cpu.system) / 1e6)) * 100).toFixed(2)}% (emulated time / process CPU time)`);
    return 0;
  },
};

/**
 * The debugger's idle cost: a bare machine and one with the debugger attached run the same frames in
 * alternating 6-frame blocks, so both see the same load on a shared machine; the median of the paired
 * blocks' speed ratios is robust to the moments the host preempts one of them.
 */
function benchWithDebugger(set: string, rompath: string | undefined, seconds: number): number {
  const bare = loadGame(set, rompath).machine;
  const debugged = loadGame(set, rompath).machine;
  const dbg = new Debugger(debugged);
  dbg.attach();
  const fps = bare.info.refreshHz;
  const perSecond = Math.round(fps / 6) * 6;
  const progress = progressLine(`bench ${set} (with and without the debugger)`);
  let wallBare = 0, wallDbg = 0;
  const ratios: number[] = [];
  // Blocks of 6 frames, alternating which machine goes first, so both see the same moments of load.
  const block = 6;
  for (let sec = 0; sec < seconds; sec++) {
    for (let b = 0; b < perSecond / block; b++) {
      let tBare = 0, tDbg = 0;
      for (const withDebugger of b % 2 ? [true, false] : [false, true]) {
        const t0 = performance.now();
        if (withDebugger) for (let f = 0; f < block; f++) dbg.runFrame();
        else for (let f = 0; f < block; f++) bare.runFrame();
        if (withDebugger) tDbg = performance.now() - t0; else tBare = performance.now() - t0;
      }
      // MAME does not count the first emulated second; neither do we
      if (sec > 0) { wallBare += tBare; wallDbg += tDbg; ratios.push(tBare / tDbg); }
    }
    progress.update(sec + 1, seconds);
  }
  progress.clear();
  if (dbg.isInstrumented) throw new CliError('the debugger instrumented the machine without breakpoints (a bug)');
  const emulated = ((seconds - 1) * perSecond) / fps;
  const a = (emulated / (wallBare / 1000)) * 100, b = (emulated / (wallDbg / 1000)) * 100;
  console.log(`Average speed: ${a.toFixed(2)}% (${Math.round(emulated)} seconds)`);
  ratios.sort((x, y) => x - y);
  const median = ratios[ratios.length >> 1];
  console.log(`Average speed with the debugger attached: ${b.toFixed(2)}% (${Math.round(emulated)} seconds), ${((b / a) * 100).toFixed(1)}% of without`);
  console.log(`Median over ${ratios.length} paired ${block}-frame blocks: with the debugger ${(median * 100).toFixed(1)}% of the speed without`);
  return 0;
}
