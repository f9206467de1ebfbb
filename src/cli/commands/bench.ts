/**
 * `arcade bench SET [--seconds N]`: like MAME's -bench: runs unthrottled for N emulated seconds with
 * every frame rendered and every sample mixed, then prints `Average speed: P% (N seconds)`, the emulated
 * time over the wall time, and `CPU speed: P%`, the emulated time over the process's CPU time. MAME does
 * not count its first emulated second; neither do we.
 */
import { intOption, parseOptions } from '../args';
import { CliError } from '../cli-error';
import { loadGame } from '../load-game';
import type { Command } from '../main';
import { progressLine } from '../progress';

export const command: Command = {
  name: 'bench',
  summary: 'Run a game unthrottled and print its speed like MAME -bench.',
  usage: `arcade bench SET [--rompath P] [--seconds N]

  --seconds N   emulated seconds to run (default 20; the first, warm-up second is not counted)`,
  async run(args) {
    const { values: o, positionals } = parseOptions(args, { rompath: { type: 'string' }, seconds: { type: 'string' } }, { positionals: ['SET'] });
    const set = positionals[0];
    if (!set) throw new CliError('name a set to benchmark', 2);
    const seconds = intOption(o.seconds, 'seconds', 20, 2, 3600);
    const { machine, warnings } = loadGame(set, o.rompath);
    for (const w of warnings) console.error(`warning: ${w}`);
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
