/**
 * `arcade run SET`: a headless run for tests, goldens and scripting. Frame numbers are absolute (a run
 * from a loaded state continues from the state's frame). After frame N is produced: its snapshot is
 * written, then the input events of frame N are applied (the oracle's order), so the CPU sees them
 * during frame N+1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { InputError, parseInputScript, type InputEvent } from '../../core/input';
import { SaveStateError } from '../../core/machine-api';
import { intOption, parseArgs } from '../args';
import { CliError } from '../cli-error';
import { checkDump, parseDumpOption, readDump } from '../dump';
import { loadGame } from '../load-game';
import { nvramReader, writeNvram } from '../nvram-files';
import type { Command } from '../main';
import { progressLine } from '../progress';
import { WavWriter } from '../wav';

export function framePng(fb: Uint32Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height, colorType: 2, inputHasAlpha: true });
  Buffer.from(fb.buffer, fb.byteOffset, width * height * 4).copy(png.data);
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true });
}

function parseSnapList(text: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!text) return out;
  for (const part of text.split(',')) {
    const n = Number(part.trim());
    if (!Number.isInteger(n) || n < 1) throw new CliError(`--snap: '${part}' is not a frame number (1 or more)`, 2);
    out.add(n);
  }
  return out;
}

export const command: Command = {
  name: 'run',
  summary: 'Run a game headless: PNG snapshots, WAV audio, input scripts and save states.',
  usage: `arcade run SET [--rompath P] [--frames N] [--snap LIST] [--snap-every N] [--snapdir D]
                [--wavwrite F] [--inputs F] [--savestate F] [--loadstate F] [--samplerate HZ]
                [--nvram DIR] [--dump NAME=SPEC]…

  --frames N       run until frame N (absolute; default 60)
  --snap LIST      frames to snapshot, e.g. 1,60,120 → D/frame_000060.png (oriented like MAME's)
  --snap-every N   also snapshot every N frames
  --snapdir D      snapshot folder (default ./snap)
  --wavwrite F     write the audio as 16-bit stereo PCM WAV (like MAME -wavwrite)
  --samplerate HZ  audio rate (default 48000)
  --inputs F       input script: 'FRAME PORT FIELD = VALUE' / 'START-END PORT FIELD' (oracle format)
  --savestate F    save the machine's state after the last frame
  --loadstate F    start from a saved state (frames continue from the state's frame)
  --nvram DIR      NVRAM folder (default ./nvram): DIR/SET/NAME is read at start (fresh when absent)
                   and written at the end, like MAME's nvram/ folder
  --dump NAME=SPEC after the last frame write memory to NAME.bin (in --dumpdir, default .) so it compares
                   with the oracle's dumps by cmp; SPEC: region:TAG[/START-END], share:TAG[/START-END],
                   cpu:TAG/SPACE/START-END (hex, end inclusive; repeatable)
  --dumpdir D      folder for --dump files`,
  async run(args) {
    const p = parseArgs(args, { values: ['rompath', 'frames', 'snap', 'snap-every', 'snapdir', 'wavwrite', 'inputs', 'savestate', 'loadstate', 'samplerate', 'nvram', 'dumpdir'], repeat: ['dump'] });
    const set = p.positional[0];
    if (!set) throw new CliError('name a set to run (see `arcade list`)', 2);
    const frames = intOption(p, 'frames', 60, 1);
    const snaps = parseSnapList(p.values.snap);
    const every = intOption(p, 'snap-every', 0, 0);
    const snapdir = p.values.snapdir ?? 'snap';
    const sampleRate = intOption(p, 'samplerate', 48000, 8000);

    let events: InputEvent[] = [];
    if (p.values.inputs) {
      let text: string;
      try { text = readFileSync(p.values.inputs, 'utf8'); } catch (e) { throw new CliError(`cannot read input script ${p.values.inputs}: ${(e as Error).message}`); }
      try { events = parseInputScript(text, p.values.inputs); } catch (e) { if (e instanceof InputError) throw new CliError(e.message, 2); throw e; }
    }

    const dumps = (p.multi.dump ?? []).map(parseDumpOption);
    const nvramDir = p.values.nvram ?? 'nvram';
    const { machine, warnings } = loadGame(set, p.values.rompath, { sampleRate, nvram: nvramReader(nvramDir, set) });
    for (const w of [...warnings, ...machine.nvramWarnings]) console.error(`warning: ${w}`);
    for (const d of dumps) checkDump(machine, d);
    // Validate every event's port and field before running (a typo fails at once, as in the oracle).
    for (const e of events) {
      try { machine.inputs.check(e.port, e.field); } catch (err) { throw new CliError(`${p.values.inputs}:${e.line}: ${(err as Error).message}`, 2); }
    }
    if (p.values.loadstate) {
      let bytes: Uint8Array;
      try { bytes = new Uint8Array(readFileSync(p.values.loadstate)); } catch (e) { throw new CliError(`cannot read save state ${p.values.loadstate}: ${(e as Error).message}`); }
      try { machine.loadState(bytes); } catch (e) { if (e instanceof SaveStateError) throw new CliError(`${p.values.loadstate}: ${e.message}`); throw e; }
    }
    const start = machine.frameNumber;
    if (frames <= start) throw new CliError(`--frames ${frames} is not after the state's frame ${start}`, 2);
    // Events up to the starting frame are already part of the machine's state (or are frame 0 events).
    const apply = (frame: number) => { for (const e of events) if (e.frame === frame) machine.setInput(e.port, e.field, e.value); };
    if (start === 0) apply(0);

    if (snaps.size || every) mkdirSync(snapdir, { recursive: true });
    const wav = p.values.wavwrite ? new WavWriter(p.values.wavwrite, sampleRate, 2) : null;
    const progress = progressLine(`${set}`);
    const { width, height } = machine.info;
    let written = 0;
    try {
      for (let f = start + 1; f <= frames; f++) {
        machine.runFrame();
        wav?.write(machine.audio(), machine.audioChannels);
        if (snaps.has(f) || (every > 0 && f % every === 0)) {
          writeFileSync(join(snapdir, `frame_${String(f).padStart(6, '0')}.png`), framePng(machine.frameBuffer, width, height));
          written++;
        }
        apply(f);
        progress.update(f - start, frames - start);
      }
    } finally {
      wav?.close();
      progress.clear();
    }
    if (p.values.savestate) writeFileSync(p.values.savestate, machine.saveState());
    writeNvram(machine, nvramDir, set);
    if (dumps.length) mkdirSync(p.values.dumpdir ?? '.', { recursive: true });
    for (const d of dumps) writeFileSync(join(p.values.dumpdir ?? '.', `${d.name}.bin`), readDump(machine, d));
    console.log(`arcade run: ${set}: frames ${start + 1}-${frames}, ${written} snapshot${written === 1 ? '' : 's'}${wav ? `, audio ${p.values.wavwrite}` : ''}${p.values.savestate ? `, state ${p.values.savestate}` : ''}`);
    return 0;
  },
};
