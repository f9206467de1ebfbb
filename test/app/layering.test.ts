/**
 * The app's layering (ARCHITECTURE.md §1, issue #17): the renderer and the preload never reach into the
 * Electron main process's folder, and the modules every side shares (src/shared/) stay portable: no
 * Node built-ins, no Electron, nothing from src/main, src/preload or src/renderer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : []);
}

/** Every module specifier a file imports (static, dynamic and `export … from`), resolved when relative. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
    const spec = m[1];
    out.push(spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : spec);
  }
  return out;
}

function offenders(folder: string, bad: (spec: string) => boolean): string[] {
  return tsFiles(join(SRC, folder)).flatMap((f) => imports(f).filter(bad).map((s) => `${relative(SRC, f)} → ${s}`));
}

describe('app layering', () => {
  it('the renderer and the preload import nothing from src/main', () => {
    const intoMain = (s: string) => s.startsWith('main/') || s === 'main';
    expect(offenders('renderer', intoMain)).toEqual([]);
    expect(offenders('preload', intoMain)).toEqual([]);
  });

  it('src/main imports nothing from the renderer', () => {
    expect(offenders('main', (s) => s.startsWith('renderer/'))).toEqual([]);
  });

  it('src/shared is portable: no Node, Electron or app-side imports', () => {
    const bad = (s: string) => s.startsWith('node:') || s === 'electron' || /^(main|preload|renderer)\//.test(s) || ['fs', 'path', 'os'].includes(s);
    const found = offenders('shared', bad);
    expect(found).toEqual([]);
    expect(tsFiles(join(SRC, 'shared')).length).toBeGreaterThan(0);
  });

  it('the check sees an import into src/main when there is one', () => {
    // the scanner itself: a renderer-depth relative path into main resolves to main/…
    expect(relative(SRC, resolve(join(SRC, 'renderer/src/ui'), '../../../main/config'))).toBe('main/config');
  });
});
