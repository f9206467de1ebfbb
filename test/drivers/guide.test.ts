/**
 * docs/drivers.md cannot drift from code that works: its example board is drivers/example/twocpu.ts
 * word for word (checked here), that file is compiled by tsc with the rest of the tree, validated, and run:
 * the scanline interrupt fires 4 times per frame, each command crosses the sound latch to the 6502 and its
 * reply comes back, the main CPU reads the bank it selected, the dial reaches the CPU, and the battery RAM
 * is saved and restored through the CLI's --nvram folder. Expected values follow from homebrew/guide/*.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GAMES } from '../../drivers/index';
import { loadGame } from '../../src/cli/load-game';
import { loadManifests } from '../../src/core/roms/rompath-node';
import { validateGame } from '../../src/core/validate';

const tmp = mkdtempSync(join(tmpdir(), 'arcade-guide-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every ```ts block of the guide with the marker before it: `<!-- file: PATH -->` or `<!-- excerpt: PATH -->`. */
function codeBlocks(doc: string): { kind: string | undefined; path: string | undefined; code: string }[] {
  const out: { kind: string | undefined; path: string | undefined; code: string }[] = [];
  const re = /(?:<!-- (file|excerpt): (\S+) -->\n)?```ts\n([\s\S]*?)```\n/g;
  for (let m = re.exec(doc); m; m = re.exec(doc)) out.push({ kind: m[1], path: m[2], code: m[3] });
  return out;
}

describe('the driver guide (docs/drivers.md)', () => {
  it('every code sample is a whole file or a verbatim excerpt of one (so tsc has compiled it)', () => {
    const blocks = codeBlocks(readFileSync('docs/drivers.md', 'utf8'));
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.filter((b) => b.kind === 'file').map((b) => b.path)).toContain('drivers/example/twocpu.ts');
    for (const b of blocks) {
      expect(b.path, `a code sample without a <!-- file: --> or <!-- excerpt: --> marker:\n${b.code.slice(0, 200)}`).toBeDefined();
      const source = readFileSync(b.path!, 'utf8');
      if (b.kind === 'file') expect(b.code, `${b.path} differs from the guide's copy`).toBe(source);
      else expect(source.includes(b.code), `the guide's excerpt of ${b.path} is not in the file:\n${b.code.slice(0, 200)}`).toBe(true);
    }
  });

  it('the two-CPU example board is valid and runs: scanline IRQs, latch round trip, bank, dial', () => {
    const game = GAMES.find((g) => g.name === 'twocpu')!;
    expect(validateGame(game, loadManifests().get('twocpu'), GAMES)).toEqual([]);
    const { machine: m } = loadGame('twocpu', undefined);
    const work = m.memory('work'), sound = m.memory('soundram');
    const irqs: number[] = [];
    for (let f = 1; f <= 6; f++) {
      if (f === 4) m.setInput('DIAL', 'Dial', 37);
      m.runFrame();
      irqs.push(work[0]);
    }
    // Lines 0, 64, 128 and 192 of every frame, held until acknowledged: 4 interrupts per frame.
    expect(irqs).toEqual([4, 8, 12, 16, 20, 24]);
    // Each interrupt sends its count; the 6502's NMI handler answers count + 0x40; the next interrupt reads it.
    expect(sound[0]).toBe(24);
    expect(work[1]).toBe(23 + 0x40);
    // Bank 2 of region 'banks' holds (2 << 4) | (offset & 15): the byte at 0x8123.
    expect(work[2]).toBe(0x23);
    expect(work[3]).toBe(37);
  });

  it('the battery RAM is saved and restored through the CLI (--nvram)', () => {
    const nv = join(tmp, 'nvram');
    for (const boots of [1, 2]) {
      const r = spawnSync(process.execPath, ['bin/arcade.mjs', 'run', 'twocpu', '--frames', '2', '--nvram', nv], { encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      // The program counts its boots in battery RAM: a fresh file the first time, then restored and counted again.
      expect(readFileSync(join(nv, 'twocpu', 'nvram'))[0]).toBe(boots);
    }
  });
});
