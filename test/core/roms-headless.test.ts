// The ROM layer must run in a browser Web Worker: only rompath-node.ts may import node built-ins, and
// nothing may import Electron, the DOM libraries or the CLI.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = resolve(__dirname, '..', '..', 'src', 'core', 'roms');

describe('src/core/roms imports', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  it('has the modules of the contract', () => {
    expect(files).toEqual(expect.arrayContaining(['manifest.ts', 'errors.ts', 'source.ts', 'hash.ts', 'audit.ts', 'rompath-node.ts']));
  });
  it.each(files)('%s imports only what a Web Worker has', (f) => {
    const src = readFileSync(join(DIR, f), 'utf8');
    const imports = [...src.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const i of imports) {
      expect(i, `${f} imports ${i}`).not.toMatch(/^(electron|pixi|howler)|\/cli\//);
      if (f !== 'rompath-node.ts') {
        expect(i, `${f} imports ${i}`).not.toMatch(/^node:|^(fs|path|os|crypto|zlib|child_process)$/);
        expect(i, `${f} imports ${i}`).not.toBe('./rompath-node');
      }
    }
    if (f !== 'rompath-node.ts') expect(src).not.toMatch(/\b(process|Buffer|require)\s*[.(]/);
  });
});
