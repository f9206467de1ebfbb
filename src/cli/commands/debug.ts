/**
 * `arcade debug SET`: the debugger prompt, with MAME's command names (src/core/debug/console.ts), command
 * history and tab completion (node:readline); `--script FILE` runs commands from a file instead (each
 * echoed after `>`), which is how the tests drive it.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { DebugConsole, type ConsoleHost } from '../../core/debug/console';
import { Debugger } from '../../core/debug/debugger';
import { InputError, parseInputScript } from '../../core/input';
import { parseOptions } from '../args';
import { readInputText } from '../files';
import { CliError } from '../cli-error';
import { loadGame } from '../load-game';
import type { Command } from '../main';
import { framePng } from './run';

/** One line per option (util.parseArgs, strict). */
const DEBUG_OPTIONS = {
  rompath: { type: 'string' },
  script: { type: 'string' },
  symbols: { type: 'string' },
  inputs: { type: 'string' },
} as const;
/** scripts, symbol files and input scripts are text a person writes: 4 MiB is far past any real one */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;

export const command: Command = {
  name: 'debug',
  summary: 'The debugger prompt (MAME command names): breakpoints, watchpoints, stepping, reverse stepping, traces.',
  usage: `arcade debug SET [--rompath P] [--script FILE] [--symbols FILE] [--inputs FILE]

  --script FILE   run the commands in FILE (one per line, '#' comments) and exit; each is echoed as '> cmd'
  --symbols FILE  load NAME = $ADDR symbols for the main CPU (shown by dasm, usable in expressions)
  --inputs FILE   input script (the oracle's format, as for arcade run), applied as frames complete
  Type 'help' at the prompt for the commands; numbers are hexadecimal as in MAME (#10 is decimal).`,
  async run(args) {
    const { values: o, positionals } = parseOptions(args, DEBUG_OPTIONS, { positionals: ['SET'] });
    const set = positionals[0];
    if (!set) throw new CliError('name a set to debug (see `arcade list`)', 2);
    let script: string[] | null = null;
    if (o.script) {
      script = readInputText(o.script, '--script', MAX_TEXT_BYTES).split(/\r?\n/);
    }
    const { machine, warnings } = loadGame(set, o.rompath);
    for (const w of warnings) console.error(`warning: ${w}`);
    const dbg = new Debugger(machine);
    if (o.inputs) {
      const text = readInputText(o.inputs, '--inputs', MAX_TEXT_BYTES);
      try { dbg.inputScript = parseInputScript(text, o.inputs); } catch (e) { if (e instanceof InputError) throw new CliError(e.message, 2); throw e; }
      for (const e of dbg.inputScript) {
        try { machine.inputs.check(e.port, e.field); } catch (err) { throw new CliError(`${o.inputs}:${e.line}: ${(err as Error).message}`, 2); }
      }
      for (const e of dbg.inputScript) if (e.frame === 0) machine.setInput(e.port, e.field, e.value);
    }
    dbg.attach();
    let snaps = 0;
    const host: ConsoleHost = {
      openTrace(file) {
        let fd: number;
        try { fd = openSync(file, 'w'); } catch (e) { throw new Error(`cannot write ${file}: ${(e as Error).message}`); }
        const chunks: string[] = [];
        const flush = () => { writeSync(fd, chunks.join('')); chunks.length = 0; };
        return { write(t) { chunks.push(t); if (chunks.length >= 4096) flush(); }, close() { flush(); closeSync(fd); } };
      },
      snap(file) {
        const name = file ?? `${set}-${String(++snaps).padStart(4, '0')}.png`;
        writeFileSync(name, framePng(machine.frameBuffer, machine.info.width, machine.info.height));
        return name;
      },
      readText(file) {
        try { return readInputText(file, file, MAX_TEXT_BYTES); } catch (e) { throw new Error((e as Error).message); }
      },
    };
    const con = new DebugConsole(dbg, host);
    if (o.symbols) console.log(con.execute(`symbols ${o.symbols}`).join('\n'));
    const print = (lines: string[]) => { if (lines.length) console.log(lines.join('\n')); };
    try {
      if (script) {
        for (const line of script) {
          if (!line.trim() || line.trim().startsWith('#')) continue;
          console.log(`> ${line.trim()}`);
          if (/^(quit|exit|q)$/i.test(line.trim())) break;
          print(con.execute(line));
        }
        return 0;
      }
      console.log(`${machine.info.title}: debugger ready, stopped before the first instruction. 'help' lists the commands.`);
      print(con.execute('dasm').slice(0, 1));
      const words = () => [...con.names(), ...con.registerNames(), ...dbg.cpus.map((c) => c.tag), 'off', 'quit'];
      const rl = createInterface({
        input: process.stdin, output: process.stdout, prompt: '> ', historySize: 500,
        completer: (line: string) => {
          const last = /[\w@]*$/.exec(line)![0];
          const hits = words().filter((w) => w.startsWith(last.toLowerCase()));
          return [hits, last];
        },
      });
      rl.prompt();
      for await (const line of rl) {
        if (/^(quit|exit|q)$/i.test(line.trim())) break;
        print(con.execute(line));
        rl.prompt();
      }
      rl.close();
      return 0;
    } finally {
      con.close();
    }
  },
};
