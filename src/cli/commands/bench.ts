/**
 * `arcade bench SET [--seconds N]`: like MAME's -bench: runs unthrottled for N emulated seconds with
 * every frame rendered and every sample mixed, then prints `Average speed: P% (N seconds)`, the emulated
 * time over the wall time. MAME does not count its first emulated second; neither do we.
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
    for (let f = 0; f < total; f++) {
      if (f === warm) t0 = performance.now();
      machine.runFrame(); // draws the frame and mixes its audio, as the app would
      progress.update(f + 1, total);
    }
    const wall = (performance.now() - t0) / 1000;
    progress.clear();
    const emulated = (total - warm) / fps;
    const pct = (emulated / wall) * 100;
    console.log(`Average speed: ${pct.toFixed(2)}% (${Math.round(emulated)} seconds)`);
    return 0;
  },
};
