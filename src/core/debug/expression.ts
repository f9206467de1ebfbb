/**
 * Debugger expressions in MAME's syntax (MAME 0.251 debugger documentation, "expressions"): what `bp`,
 * `wp`, `print`, `r` and conditions accept.
 *
 * - Numbers are hexadecimal unless prefixed: `0x1f`/`$1f` hex, `#31` decimal, `0o37` octal, `0b11111`
 *   binary. `a==10` therefore compares A with 0x10, as in MAME.
 * - Symbols: the focused CPU's registers by name, case-insensitive (`pc`, `a`, `hl`), and whatever the
 *   caller adds (`wpaddr`, `wpdata`, `frame`, `beamy`, `beamx`).
 * - Memory: `b@addr`, `w@addr`, `d@addr` read 1, 2 or 4 bytes from the CPU's program space without side
 *   effects; a space letter before the size picks another space (`ib@50` reads I/O, `pb@` program,
 *   `db@` data); `tag.b@addr` reads another CPU's space (`soundcpu.b@4000`).
 * - Operators, with C's precedence: unary `- + ! ~`, `* / %`, `+ -`, `<< >>`, `< <= > >=`, `== !=`, `&`,
 *   `^`, `|`, `&&`, `||`, and parentheses. Values are unsigned 32-bit wide for bit operations; comparisons
 *   and logic give 1 or 0.
 */

export interface ExpressionContext {
  /** value of a symbol (register or debugger variable), or undefined when unknown */
  symbol(name: string): number | undefined;
  /** side-effect-free read of `bytes` bytes at `addr` of space `space` ('program', 'io', 'data'), little- or big-endian as the space is */
  read(cpu: string | null, space: string, addr: number, bytes: number): number;
}

export type Compiled = (ctx: ExpressionContext) => number;

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

type Token = { kind: 'num'; value: number } | { kind: 'id'; text: string } | { kind: 'op'; text: string } | { kind: 'mem'; cpu: string | null; space: string; bytes: number };

const OPS = ['<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '(', ')'];
const SPACE_LETTERS: Record<string, string> = { p: 'program', d: 'data', i: 'io', o: 'opcodes' };
const SIZE_LETTERS: Record<string, number> = { b: 1, w: 2, d: 4 };

function parseNumber(text: string): number | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(?:0x|\$)([0-9a-f]+)$/i.exec(text))) return parseInt(m[1], 16);
  if ((m = /^#([0-9]+)$/.exec(text))) return parseInt(m[1], 10);
  if ((m = /^0o([0-7]+)$/i.exec(text))) return parseInt(m[1], 8);
  if ((m = /^0b([01]+)$/i.exec(text))) return parseInt(m[1], 2);
  if (/^[0-9a-f]+$/i.test(text)) return parseInt(text, 16);
  return undefined;
}

function tokenize(src: string, isSymbol: (name: string) => boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') { i++; continue; }
    // memory accessor: [tag.][space]size@
    const mem = /^(?:([a-z_][a-z0-9_]*)\.)?([pdio]?)([bwd])@/i.exec(src.slice(i));
    if (mem) {
      out.push({ kind: 'mem', cpu: mem[1] ?? null, space: SPACE_LETTERS[(mem[2] || 'p').toLowerCase()], bytes: SIZE_LETTERS[mem[3].toLowerCase()] });
      i += mem[0].length;
      continue;
    }
    const word = /^[#$]?[a-z0-9_']+/i.exec(src.slice(i));
    if (word) {
      const w = word[0];
      // A word that is a known symbol is a symbol even when it reads as hex (`a`, `bc`, `de`), as in MAME.
      if (isSymbol(w)) out.push({ kind: 'id', text: w });
      else {
        const n = parseNumber(w);
        if (n === undefined) throw new ExpressionError(`unknown symbol '${w}'`);
        out.push({ kind: 'num', value: n });
      }
      i += w.length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionError(`unexpected '${c}' in '${src}'`);
    out.push({ kind: 'op', text: op });
    i += op.length;
  }
  return out;
}

/** Binary operators by precedence, loosest first (C's order). */
const BINARY: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '||': return a !== 0 || b !== 0 ? 1 : 0;
    case '&&': return a !== 0 && b !== 0 ? 1 : 0;
    case '|': return (a | b) >>> 0;
    case '^': return (a ^ b) >>> 0;
    case '&': return (a & b) >>> 0;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '<<': return (a << b) >>> 0;
    case '>>': return a >>> b;
    case '+': return (a + b) >>> 0;
    case '-': return (a - b) >>> 0;
    case '*': return Math.imul(a, b) >>> 0;
    case '/': if (b === 0) throw new ExpressionError('division by zero'); return Math.floor(a / b) >>> 0;
    default: if (b === 0) throw new ExpressionError('division by zero'); return (a % b) >>> 0;
  }
}

/** Parse `src` once; the result evaluates it against a context (registers and memory at that moment). */
export function compileExpression(src: string, isSymbol: (name: string) => boolean): Compiled {
  const tokens = tokenize(src.trim(), isSymbol);
  if (tokens.length === 0) throw new ExpressionError('empty expression');
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (t: Token | undefined, ops: string[]): t is { kind: 'op'; text: string } => t?.kind === 'op' && ops.includes(t.text);

  const primary = (): Compiled => {
    const t = tokens[pos++];
    if (!t) throw new ExpressionError(`'${src}' ends too early`);
    if (t.kind === 'num') { const v = t.value >>> 0; return () => v; }
    if (t.kind === 'id') {
      const name = t.text;
      return (ctx) => {
        const v = ctx.symbol(name);
        if (v === undefined) throw new ExpressionError(`unknown symbol '${name}'`);
        return v >>> 0;
      };
    }
    if (t.kind === 'mem') {
      const addr = unary();
      const { cpu, space, bytes } = t;
      return (ctx) => ctx.read(cpu, space, addr(ctx), bytes) >>> 0;
    }
    if (t.text === '(') {
      const e = binary(0);
      if (!isOp(tokens[pos++], [')'])) throw new ExpressionError(`missing ')' in '${src}'`);
      return e;
    }
    throw new ExpressionError(`unexpected '${t.text}' in '${src}'`);
  };
  const unary = (): Compiled => {
    const t = peek();
    if (isOp(t, ['-', '+', '!', '~'])) {
      pos++;
      const e = unary();
      switch (t.text) {
        case '-': return (ctx) => (-e(ctx)) >>> 0;
        case '!': return (ctx) => (e(ctx) === 0 ? 1 : 0);
        case '~': return (ctx) => (~e(ctx)) >>> 0;
        default: return e;
      }
    }
    return primary();
  };
  const binary = (level: number): Compiled => {
    if (level >= BINARY.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (!isOp(t, BINARY[level])) return left;
      pos++;
      const right = binary(level + 1);
      const l = left, op = t.text;
      left = (ctx) => apply(op, l(ctx), right(ctx));
    }
  };
  const e = binary(0);
  if (pos !== tokens.length) throw new ExpressionError(`unexpected text after '${src.slice(0, 40)}'`);
  return e;
}

/** Parse a plain number in MAME's notation (hex by default). */
export function parseMameNumber(text: string): number {
  const n = parseNumber(text.trim());
  if (n === undefined) throw new ExpressionError(`'${text}' is not a number`);
  return n;
}
