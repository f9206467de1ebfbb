/**
 * A small, strict option parser: `--name value`, `--name=value`, boolean flags; unknown options and
 * missing values are user errors (exit 2) rather than silently ignored.
 */
import { CliError } from './cli-error';

export interface OptionSpec {
  /** options taking a value */
  values?: string[];
  /** options that are flags */
  flags?: string[];
  /** options that may repeat (collected into arrays) */
  repeat?: string[];
}

export interface Parsed {
  positional: string[];
  values: Record<string, string>;
  multi: Record<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(args: string[], spec: OptionSpec): Parsed {
  const out: Parsed = { positional: [], values: {}, multi: {}, flags: new Set() };
  const takesValue = new Set([...(spec.values ?? []), ...(spec.repeat ?? [])]);
  const isFlag = new Set(spec.flags ?? []);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (isFlag.has(name)) {
      if (eq >= 0) throw new CliError(`option --${name} takes no value`, 2);
      out.flags.add(name);
    } else if (takesValue.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new CliError(`option --${name} needs a value`, 2);
      if (spec.repeat?.includes(name)) (out.multi[name] ??= []).push(value);
      else out.values[name] = value;
    } else {
      throw new CliError(`unknown option --${name}`, 2);
    }
  }
  return out;
}

export function intOption(p: Parsed, name: string, fallback: number, min = 0): number {
  const v = p.values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new CliError(`--${name} must be an integer >= ${min} (got '${v}')`, 2);
  return n;
}
