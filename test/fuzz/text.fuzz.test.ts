/**
 * Fuzz: input scripts and settings files. A script either parses, or fails with an InputError naming
 * its line; every parsed event is then either accepted by the machine's inputs or refused with an
 * InputError before any frame runs. A settings object of any shape gives a valid config (never a
 * throw), keeps its valid entries, and sanitizing is idempotent.
 */
import { describe, expect, it } from 'vitest';
import { InputError, parseInputScript } from '../../src/core/input';
import { sanitizeConfig, sanitizeConfigReport } from '../../src/shared/config-defaults';
import { pacdemoMachine, rng } from '../support/pacdemo';

const PIECES = ['0', '1', '10', '-', '=', ' ', '  ', 'IN0', 'IN1', 'DSW1', ':IN0', 'Coin 1', 'P1 Up', 'Lives', '1 Player Start',
  '0x0c', '0x', '1e1', '-1', '99999999999', '4294967296', '#', '\t', 'Bonus Life', '\r', 'é', '\u0000', '10-5', '5-10', 'Service Mode'];

function randomScript(next: () => number): string {
  const lines: string[] = [];
  const n = (next() * 12) | 0;
  for (let i = 0; i < n; i++) {
    let line = '';
    const k = 1 + ((next() * 8) | 0);
    for (let j = 0; j < k; j++) line += PIECES[(next() * PIECES.length) | 0] + (next() < 0.6 ? ' ' : '');
    lines.push(line);
  }
  return lines.join(next() < 0.5 ? '\n' : '\r\n');
}

describe('input scripts', () => {
  it('2000 random scripts: parsed and checked, or one InputError naming the line', () => {
    const m = pacdemoMachine();
    const next = rng(7);
    let parsed = 0;
    for (let i = 0; i < 2000; i++) {
      const text = randomScript(next);
      try {
        const events = parseInputScript(text, 'fuzz.txt');
        parsed++;
        for (const e of events) {
          expect(Number.isSafeInteger(e.frame) && e.frame >= 0).toBe(true);
          try { m.inputs.check(e.port, e.field, e.value); } catch (err) { if (!(err instanceof InputError)) throw err; }
        }
      } catch (e) {
        if (!(e instanceof InputError)) throw new Error(`a ${(e as Error).name} escaped for ${JSON.stringify(text)}: ${(e as Error).message}`);
        expect((e as Error).message).toMatch(/^fuzz\.txt:\d+: /);
      }
    }
    expect(parsed).toBeGreaterThan(100);
  });
});

function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 3 || r < 0.3) {
    const leaves = [null, true, false, 0, 1, -1, 0.5, 1e300, NaN, 'KeyW', 'F3', '', 'pacman', 'Bad Name!', '/roms', 'relative', [], {}];
    return leaves[(next() * leaves.length) | 0];
  }
  if (r < 0.5) return Array.from({ length: (next() * 4) | 0 }, () => randomValue(next, depth + 1));
  const keys = ['volume', 'muted', 'games', 'hotkeys', 'romFolders', 'video', 'window', 'pacman', 'bindings', 'dips', 'keys', 'pad',
    'IN0/P1 Up', 'DSW1/Lives', 'pause', 'reset', 'scaling', 'rotate', '__proto__', 'constructor', 'x', 'width'];
  const o: Record<string, unknown> = {};
  for (let i = (next() * 6) | 0; i > 0; i--) o[keys[(next() * keys.length) | 0]] = randomValue(next, depth + 1);
  return o;
}

describe('settings files', () => {
  it('1500 random settings objects: a valid config, valid entries kept, idempotent', () => {
    const next = rng(8);
    const valid = { bindings: { 'IN0/P1 Up': { keys: ['KeyW'], pad: ['b0'] } }, dips: { 'DSW1/Lives': 8 } };
    for (let i = 0; i < 1500; i++) {
      const raw = randomValue(next, 0) as Record<string, unknown>;
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) raw.games = { ...(raw.games as object), goodgame: valid };
      const { config } = sanitizeConfigReport(JSON.parse(JSON.stringify(raw) ?? 'null'));
      expect(sanitizeConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) expect(config.games.goodgame).toEqual(valid);
    }
  });
});
