/**
 * `arcade`: the headless command line. Each command lives in its own module under `src/cli/commands/`
 * and is loaded only when used, so `arcade --help` stays fast.
 */
import { CliError } from './cli-error';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

type Loader = () => Promise<Command>;

const commands: Record<string, { summary: string; load: Loader }> = {
  list: { summary: 'list the supported game sets', load: async () => (await import('./commands/list')).command },
  listxml: { summary: 'describe sets as MAME -listxml compatible XML', load: async () => (await import('./commands/listxml')).command },
  verifyroms: { summary: 'check ROM sets in a rompath against their manifests', load: async () => (await import('./commands/verifyroms')).command },
  run: { summary: 'run a game headless: snapshots, WAV, input scripts, save states', load: async () => (await import('./commands/run')).command },
  debug: { summary: 'the debugger prompt (MAME command names), scriptable with --script', load: async () => (await import('./commands/debug')).command },
  bench: { summary: 'run a game unthrottled and report its speed like MAME -bench', load: async () => (await import('./commands/bench')).command },
  conformance: { summary: 'run a CPU core against the shared conformance vectors', load: async () => (await import('./commands/conformance')).command },
  benchcpu: { summary: 'time the CPU cores on the shared benchmark workloads', load: async () => (await import('./commands/benchcpu')).command },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'usage: arcade <command> [options]',
    '',
    'commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `arcade <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const entry = commands[name];
  if (!entry) {
    console.error(`arcade: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(`usage: ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    return await command.run(rest);
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`arcade ${name}: ${e.message}`);
      return e.exitCode;
    }
    // An unexpected failure is a bug: keep it to one line unless asked for the stack.
    const err = e as Error;
    console.error(`arcade ${name}: internal error: ${err?.message ?? String(e)}`);
    if (process.env.ARCADE_DEBUG) console.error(err?.stack);
    return 70;
  }
}
