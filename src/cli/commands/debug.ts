/**
 * `arcade debug SET`: the debugger prompt, with MAME's command names (src/core/debug/console.ts), command
 * history and tab completion (node:readline); `--script FILE` runs commands from a file instead (each
 * echoed after `>`), which is how the tests drive it.
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { DebugConsole, type ConsoleHost } from '../../core/debug/console';
import { Debugger } from '../../core/debug/debugger';
import { InputError, parseInputScript } from '../../core/input';
import { parseArgs } from '../args';
import { CliError } from '../cli-error';
import { loadGame } from '../load-game';
import type { Command } from '../main';
import { framePng } from './run';

export const command: Command = {
  name: 'debug',
  summary: 'The debugger prompt (MAME command names): breakpoints, watchpoints, stepping, reverse stepping, traces.',
  usage: `arcade debug SET [--rompath P] [--script FILE] [--symbols FILE] [--inputs FILE]

  --script FILE   run the commands in FILE (one per line, '#' comments) and exit; each is echoed as '> cmd'
  --symbols FILE  load NAME = $ADDR symbols for the main CPU (shown by dasm, usable in expressions)
  --inputs FILE   input script (the oracle's format, as for arcade run), applied as frames complete
  Type 'help' at the prompt for the commands; numbers are hexadecimal as in MAME (#10 is decimal).`,
  async run(args) {
    const p = parseArgs(args, { values: ['rompath', 'script', 'symbols', 'inputs'] });
    const set = p.positional[0];
    if (!set) throw new CliError('name a set to debug (see `arcade list`)', 2);
    let script: string[] | null = null;
    if (p.values.script) {
      try { script = readFileSync(p.values.script, 'utf8').split(/\r?\n/); } catch (e) { throw new CliError(`cannot read script ${p.values.script}: ${(e as Error).message}`); }
    }
    const { machine, warnings } = loadGame(set, p.values.rompath);
    for (const w of warnings) console.error(`warning: ${w}`);
    const dbg = new Debugger(machine);
    if (p.values.inputs) {
      let text: string;
      try { text = readFileSync(p.values.inputs, 'utf8'); } catch (e) { throw new CliError(`cannot read input script ${p.values.inputs}: ${(e as Error).message}`); }
      try { dbg.inputScript = parseInputScript(text, p.values.inputs); } catch (e) { if (e instanceof InputError) throw new CliError(e.message, 2); throw e; }
      for (const e of dbg.inputScript) {
        try { machine.inputs.check(e.port, e.field); } catch (err) { throw new CliError(`${p.values.inputs}:${e.line}: ${(err as Error).message}`, 2); }
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
        try { return readFileSync(file, 'utf8'); } catch (e) { throw new Error(`cannot read ${file}: ${(e as Error).message}`); }
      },
    };
    const con = new DebugConsole(dbg, host);
    if (p.values.symbols) console.log(con.execute(`symbols ${p.values.symbols}`).join('\n'));
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
