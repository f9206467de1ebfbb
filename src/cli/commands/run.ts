/**
 * `arcade run SET`: a headless run for tests, goldens and scripting. Frame numbers are absolute (a run
 * from a loaded state continues from the state's frame). After frame N is produced: its snapshot is
 * written, then the input events of frame N are applied (the oracle's order), so the CPU sees them
 * during frame N+1.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { Debugger } from '../../core/debug/debugger';
import { InputError, parseInputScript, type InputEvent } from '../../core/input';
import { SaveStateError } from '../../core/machine-api';
import { intOption, parseInteger, parseOptions } from '../args';
import { CliError } from '../cli-error';
import { checkDump, parseDumpOption, readDump } from '../dump';
import { checkOutputFile, fsReason, prepareOutputFolder, readInputFile, readInputText } from '../files';
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

/** The longest run `--frames` allows: about 46 hours of a 60 Hz game, far beyond any test or golden. */
export const MAX_FRAMES = 10_000_000;
/** Largest input script and save state read (a Pac-Man state is ~10 KB; a script is lines of text). */
const MAX_SCRIPT_BYTES = 16 << 20;
const MAX_STATE_BYTES = 64 << 20;

function parseSnapList(text: string | undefined): Set<number> {
  const out = new Set<number>();
  if (text === undefined) return out;
  for (const part of text.split(',')) out.add(parseInteger(part, `--snap: '${part}'`, 1, MAX_FRAMES));
  return out;
}

/** One line per option: adding an option is adding its line here (and to the usage text). */
export const RUN_OPTIONS = {
  rompath: { type: 'string' },
  frames: { type: 'string' },
  snap: { type: 'string' },
  'snap-every': { type: 'string' },
  snapdir: { type: 'string' },
  wavwrite: { type: 'string' },
  trace: { type: 'string' },
  samplerate: { type: 'string' },
  inputs: { type: 'string' },
  savestate: { type: 'string' },
  loadstate: { type: 'string' },
  nvram: { type: 'string' },
  dump: { type: 'string', multiple: true },
  dumpdir: { type: 'string' },
} as const;

export const command: Command = {
  name: 'run',
  summary: 'Run a game headless: PNG snapshots, WAV audio, input scripts and save states.',
  usage: `arcade run SET [--rompath P] [--frames N] [--snap LIST] [--snap-every N] [--snapdir D]
                [--wavwrite F] [--inputs F] [--savestate F] [--loadstate F] [--samplerate HZ]
                [--nvram DIR] [--dump NAME=SPEC]… [--dumpdir D]
                [--trace TAG=FILE[,TAG=FILE…]]

  --frames N       run until frame N (absolute; default 60, at most 10000000)
  --snap LIST      frames to snapshot, e.g. 1,60,120 → D/frame_000060.png (oriented like MAME's)
  --snap-every N   also snapshot every N frames
  --snapdir D      snapshot folder (default ./snap)
  --wavwrite F     write the audio as 16-bit stereo PCM WAV (like MAME -wavwrite)
  --samplerate HZ  audio rate (default 48000; 8000 to 192000)
  --inputs F       input script: 'FRAME PORT FIELD = VALUE' / 'START-END PORT FIELD' (oracle format)
  --savestate F    save the machine's state after the last frame
  --loadstate F    start from a saved state (frames continue from the state's frame)
  --nvram DIR      NVRAM folder (default ./nvram): DIR/SET/NAME is read at start (fresh when absent)
                   and written at the end, like MAME's nvram/ folder
  --dump NAME=SPEC after the last frame write memory to NAME.bin (in --dumpdir, default .) so it compares
                   with the oracle's dumps by cmp; SPEC: region:TAG[/START-END], share:TAG[/START-END],
                   cpu:TAG/SPACE/START-END (hex, end inclusive; repeatable)
  --dumpdir D      folder for --dump files
  --trace TAG=FILE one line per instruction of CPU TAG in MAME's \`trace\` format (diffable with MAME's),
                   e.g. --trace maincpu=main.tr,soundcpu=sound.tr

Numbers are whole decimal numbers. Every file is checked before the run starts: inputs must be regular
files, output folders must exist and be writable. Exit 1 for bad data, 2 for bad usage.`,
  async run(args) {
    const { values: o, positionals } = parseOptions(args, RUN_OPTIONS, { positionals: ['SET'] });
    const set = positionals[0];
    if (!set) throw new CliError('name a set to run (see `arcade list`)', 2);
    const frames = intOption(o.frames, 'frames', 60, 1, MAX_FRAMES);
    const snaps = parseSnapList(o.snap);
    const every = intOption(o['snap-every'], 'snap-every', 0, 0, MAX_FRAMES);
    const snapdir = o.snapdir ?? 'snap';
    const sampleRate = intOption(o.samplerate, 'samplerate', 48000, 8000, 192000);
    const late = [...snaps].filter((f) => f > frames);
    if (late.length) throw new CliError(`--snap ${late.join(',')}: after the last frame (--frames ${frames}); nothing would be written`, 2);

    // Everything named on the command line is checked before the (possibly long) run starts.
    let events: InputEvent[] = [];
    if (o.inputs !== undefined) {
      const text = readInputText(o.inputs, '--inputs', MAX_SCRIPT_BYTES);
      try { events = parseInputScript(text, o.inputs); } catch (e) { if (e instanceof InputError) throw new CliError(e.message, 2); throw e; }
    }
    const state = o.loadstate === undefined ? null : readInputFile(o.loadstate, '--loadstate', MAX_STATE_BYTES);
    if (o.savestate !== undefined) checkOutputFile(o.savestate, 'savestate');
    if (o.wavwrite !== undefined) checkOutputFile(o.wavwrite, 'wavwrite');
    if (snaps.size || every) prepareOutputFolder(snapdir, 'snapdir');
    const dumps = (o.dump ?? []).map(parseDumpOption);
    const dumpdir = o.dumpdir ?? '.';
    if (dumps.length) prepareOutputFolder(dumpdir, 'dumpdir');
    const nvramDir = o.nvram ?? 'nvram';

    const { machine, warnings } = loadGame(set, o.rompath, { sampleRate, nvram: nvramReader(nvramDir, set) });
    for (const w of [...warnings, ...machine.nvramWarnings]) console.error(`warning: ${w}`);
    for (const d of dumps) checkDump(machine, d);
    // Every event's port, field and value is checked before running (a typo fails at once, as in the oracle).
    for (const e of events) {
      try { machine.inputs.check(e.port, e.field, e.value); } catch (err) { throw new CliError(`${o.inputs}:${e.line}: ${(err as Error).message}`, 2); }
    }
    if (state) {
      try { machine.loadState(state); } catch (e) { if (e instanceof SaveStateError) throw new CliError(`--loadstate ${o.loadstate}: ${e.message}`); throw e; }
    }
    const start = machine.frameNumber;
    if (frames <= start) throw new CliError(`--frames ${frames} is not after the state's frame ${start}`, 2);
    // Events up to the starting frame are already part of the machine's state (or are frame 0 events).
    const apply = (frame: number) => { for (const e of events) if (e.frame === frame) machine.setInput(e.port, e.field, e.value); };
    if (start === 0) apply(0);

    const early = [...snaps].filter((f) => f <= start);
    if (early.length) throw new CliError(`--snap ${early.join(',')}: not after the state's frame ${start}; nothing would be written`, 2);
    let wav: WavWriter | null = null;
    try { wav = o.wavwrite === undefined ? null : new WavWriter(o.wavwrite, sampleRate, 2); } catch (e) { throw new CliError(`--wavwrite ${o.wavwrite}: ${fsReason(e)}`); }
    const traces = o.trace !== undefined ? openTraces(machine as Parameters<typeof openTraces>[0], o.trace) : null;
    const progress = progressLine(`${set}`);
    const { width, height } = machine.info;
    let written = 0;
    try {
      for (let f = start + 1; f <= frames; f++) {
        if (traces) traces.dbg.runFrame();
        else machine.runFrame();
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
      traces?.close();
      progress.clear();
    }
    if (o.savestate !== undefined) {
      try { writeFileSync(o.savestate, machine.saveState()); } catch (e) { throw new CliError(`--savestate ${o.savestate}: cannot write: ${fsReason(e)}`); }
    }
    try { writeNvram(machine, nvramDir, set); } catch (e) { throw new CliError(`--nvram ${nvramDir}: cannot write: ${fsReason(e)}`); }
    for (const d of dumps) {
      try { writeFileSync(join(dumpdir, `${d.name}.bin`), readDump(machine, d)); } catch (e) { throw new CliError(`--dump ${d.text}: cannot write: ${fsReason(e)}`); }
    }
    console.log(`arcade run: ${set}: frames ${start + 1}-${frames}, ${written} snapshot${written === 1 ? '' : 's'}${wav ? `, audio ${o.wavwrite}` : ''}${o.savestate ? `, state ${o.savestate}` : ''}`);
    return 0;
  },
};

/** `--trace maincpu=FILE,…`: a debugger with a MAME-format tracer per CPU, each writing its file through a buffer. */
function openTraces(machine: ConstructorParameters<typeof Debugger>[0], spec: string): { dbg: Debugger; close(): void } {
  const dbg = new Debugger(machine);
  const files: { fd: number; chunks: string[]; size: number }[] = [];
  const flush = (f: { fd: number; chunks: string[]; size: number }) => { writeSync(f.fd, f.chunks.join('')); f.chunks.length = 0; f.size = 0; };
  for (const part of spec.split(',')) {
    const m = /^([^=]+)=(.+)$/.exec(part.trim());
    if (!m) throw new CliError(`--trace: '${part}' is not TAG=FILE (e.g. maincpu=trace.txt)`, 2);
    if (!dbg.cpus.some((c) => c.tag === m[1])) throw new CliError(`--trace: no CPU '${m[1]}' (have: ${dbg.cpus.map((c) => c.tag).join(', ')})`, 2);
    let fd: number;
    try { fd = openSync(m[2], 'w'); } catch (e) { throw new CliError(`--trace: cannot write ${m[2]}: ${(e as Error).message}`); }
    const f = { fd, chunks: [] as string[], size: 0 };
    files.push(f);
    dbg.trace((text) => { f.chunks.push(text); if (++f.size >= 4096) flush(f); }, m[1]);
  }
  return {
    dbg,
    close() {
      for (const c of dbg.cpus) dbg.trace(null, c.tag);
      for (const f of files) { flush(f); closeSync(f.fd); }
    },
  };
}
