/**
 * Command-line options: Node's own `util.parseArgs` in strict mode (unknown options, missing values and
 * stray positionals are usage errors, exit 2) plus one strict integer reader. A command declares its
 * options once, one line each:
 *
 *   const OPTIONS = { frames: { type: 'string' }, json: { type: 'boolean' }, dump: { type: 'string', multiple: true } } as const;
 *   const { values, positionals } = parseOptions(args, OPTIONS, { positionals: ['SET'] });
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import { CliError } from './cli-error';

export interface OptionDecl {
  type: 'string' | 'boolean';
  /** may repeat; the values are collected in order */
  multiple?: boolean;
}
export type OptionDecls = Record<string, OptionDecl>;

type ValueOf<D extends OptionDecl> = D['type'] extends 'boolean'
  ? D['multiple'] extends true ? boolean[] : boolean
  : D['multiple'] extends true ? string[] : string;

export interface ParsedOptions<O extends OptionDecls> {
  values: { [K in keyof O]?: ValueOf<O[K]> };
  positionals: string[];
}

export interface PositionalSpec {
  /** names of the positionals, as the usage line shows them (`SET`); the count is the most accepted */
  positionals?: string[];
  /** any number of positionals (`arcade verifyroms [SET…]`) */
  variadic?: boolean;
}

/** Node's parse errors carry a code; turn each into one line a user can act on. */
function usageError(e: unknown): CliError {
  const err = e as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(err.message ?? '')?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError(`unknown option ${option ?? err.message}`, 2);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing|ambiguous/.test(err.message ?? '')
        ? new CliError(`option ${option ?? ''} needs a value`, 2)
        : new CliError(`option ${option ?? ''} takes no value`, 2);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliError(`unexpected argument ${/'([^']*)'/.exec(err.message ?? '')?.[1] ?? ''} (see --help)`, 2);
    default:
      return new CliError(err.message ?? String(e), 2);
  }
}

export function parseOptions<O extends OptionDecls>(args: string[], options: O, spec: PositionalSpec = {}): ParsedOptions<O> {
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  } catch (e) {
    throw usageError(e);
  }
  // A single-valued option given twice is a mistake (which one was meant?), not "the last one wins".
  const seen = new Set<string>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== 'option' || options[t.name]?.multiple) continue;
    if (seen.has(t.name)) throw new CliError(`option --${t.name} is given more than once`, 2);
    seen.add(t.name);
  }
  const names = spec.positionals ?? [];
  if (!spec.variadic && parsed.positionals.length > names.length) {
    const extra = parsed.positionals[names.length];
    throw new CliError(
      names.length === 0
        ? `unexpected argument '${extra}': this command takes options only (see --help)`
        : `unexpected argument '${extra}': only one ${names.join(' ')} is taken (see --help)`,
      2,
    );
  }
  return { values: parsed.values as ParsedOptions<O>['values'], positionals: parsed.positionals };
}

/**
 * A whole decimal number in [min, max], nothing else: no `0x10`, `1e1`, `12.0`, `" 12 "` or `+5`, which
 * `Number()` would accept, so a typo is never silently read as another number.
 */
export function parseInteger(text: string, what: string, min: number, max: number): number {
  const n = /^-?[0-9]{1,16}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new CliError(`${what} must be a whole number from ${min} to ${max} (got '${text}')`, 2);
  return n;
}

/** An optional integer option: its value checked by `parseInteger`, or `fallback` when absent. */
export function intOption(text: string | undefined, option: string, fallback: number, min: number, max: number): number {
  return text === undefined ? fallback : parseInteger(text, `--${option}`, min, max);
}
