#!/usr/bin/env node
// Copies the opcode switch of Z80.execMain (between `@switch-begin` and `@switch-end`) into Z80.run()
// (between `<generated:run-loop>` markers), turning each `return n;` into `{ this.used += n; continue; }`.
// execMain stays the one hand-written source; run() gets the same code without a call per instruction.
// Usage: node cpus/z80/gen-run-loop.mjs [--check]   (--check: exit 1 if z80.ts is not up to date)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('./z80.ts', import.meta.url));
const src = readFileSync(file, 'utf8');

const begin = src.indexOf('// @switch-begin');
const end = src.indexOf('// @switch-end');
if (begin < 0 || end < 0) throw new Error('switch markers not found in z80.ts');
const sw = src.slice(src.indexOf('\n', begin) + 1, src.lastIndexOf('\n', end) + 1);
if (/\bbreak\b|\bcontinue\b/.test(sw.replace(/\/\/.*$/gm, ''))) throw new Error('execMain switch must only return');
const body = sw
  .replace(/\breturn ([^;]+);/g, '{ this.used += $1; continue; }')
  .split('\n')
  .map((line) => (line ? '  ' + line : line))
  .join('\n');

const OPEN = '// <generated:run-loop>';
const CLOSE = '// </generated:run-loop>';
const a = src.indexOf(OPEN), b = src.indexOf(CLOSE);
if (a < 0 || b < 0) throw new Error('run-loop markers not found in z80.ts');
const lineStart = src.lastIndexOf('\n', b) + 1;
const out = src.slice(0, src.indexOf('\n', a) + 1) + body + src.slice(lineStart);

if (process.argv.includes('--check')) {
  if (out !== src) { console.error('cpus/z80/z80.ts: run() loop is stale; run node cpus/z80/gen-run-loop.mjs'); process.exit(1); }
  console.log('cpus/z80/z80.ts: run() loop up to date');
} else if (out !== src) {
  writeFileSync(file, out);
  console.log('cpus/z80/z80.ts: run() loop regenerated');
}
