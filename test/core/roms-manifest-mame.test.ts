// Every real-set manifest must equal MAME 0.251's -listxml for the set (ARCHITECTURE.md §3, §4).
// MAME is installed here and in CI, so a missing MAME is a failure, not a skip, unless ARCADE_NO_MAME=1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareManifest, formatManifest, parseListxml } from '../../tools/check-manifests';
import { fakeSets, tempDirs } from '../fixtures/roms/make-sets';

const ROOT = resolve(__dirname, '..', '..');
const MAME = process.env.MAME ?? '/usr/games/mame';
const noMame = process.env.ARCADE_NO_MAME === '1';
const scratch = tempDirs('arcade-check-');
afterAll(() => scratch.cleanup());
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function checkTool(args: string[] = []) {
  return spawnSync(process.execPath, [TSX, join(ROOT, 'tools', 'check-manifests.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('manifests versus mame -listxml', () => {
  it.skipIf(noMame)('MAME is installed (set ARCADE_NO_MAME=1 only where it cannot be)', () => {
    expect(existsSync(MAME), `MAME not found at ${MAME}: install the Debian package "mame" or set MAME=; ARCADE_NO_MAME=1 skips this check`).toBe(true);
  });

  it.skipIf(noMame)('tools/check-manifests.ts finds every real-set manifest equal to MAME', () => {
    const r = checkTool();
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^puckman: matches mame -listxml \(16 ROMs\)$/m);
    expect(r.stdout).toMatch(/^pacman: matches mame -listxml \(10 ROMs\)$/m);
    expect(r.stdout).toMatch(/manifests checked against MAME 0\.251.*, 0 differ$/m);
    expect(r.status).toBe(0);
  });

  it.skipIf(noMame)('the tool reports a manifest that differs, and exits 1', () => {
    const dir = scratch.make();
    const real = JSON.parse(readFileSync(join(ROOT, 'roms-manifest', 'puckman.json'), 'utf8'));
    real.roms[3].crc32 = '00000000';
    real.roms[5].offset += 1;
    writeFileSync(join(dir, 'puckman.json'), JSON.stringify(real));
    const r = checkTool(['--dir', dir]);
    expect(r.stdout).toContain('puckman: DIFFERS from mame -listxml');
    expect(r.stdout).toContain('ROM #4 (pm1_prg4.6m) crc32: manifest has "00000000", MAME has "d3e8914c"');
    expect(r.stdout).toContain('ROM #6 (pm1_prg6.6n) offset: manifest has 10241, MAME has 10240');
    expect(r.status).toBe(1);
  });

  it('the tool fails clearly when MAME is missing', () => {
    const r = checkTool(['--mame', '/nonexistent/mame']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/MAME not found at \/nonexistent\/mame/);
  });
});

describe('the -listxml comparison (synthetic XML)', () => {
  const { clone } = fakeSets();
  const xml = (romAttrs: string[]) => `<mame build="0.251"><machine name="fakeclo" sourcefile="x/fake.cpp" cloneof="fakepar" romof="fakepar">
		<description>Fake Clone</description>
		<year>2026</year>
		<manufacturer>Arcade project (test)</manufacturer>
${romAttrs.map((a) => `		<rom ${a}/>`).join('\n')}
	</machine></mame>`;
  const attrs = clone.roms.map((r) => `name="${r.name}"${r.merge ? ` merge="${r.merge}"` : ''} size="${r.size}" crc="${r.crc32}" sha1="${r.sha1}" region="${r.region}" offset="${r.offset.toString(16)}"`);

  it('agrees with a matching description', () => {
    const listed = parseListxml(xml(attrs)).get('fakeclo')!;
    expect(compareManifest(clone, listed)).toEqual([]);
  });
  it('reports each differing field and missing ROM', () => {
    const changed = [...attrs];
    changed[1] = changed[1].replace(/offset="400"/, 'offset="800"');
    changed.push('name="extra.bin" size="16" status="nodump" region="main" offset="0"');
    const listed = parseListxml(xml(changed).replace('Fake Clone', 'Fake Clone &amp; Co')).get('fakeclo')!;
    expect(compareManifest(clone, listed)).toEqual([
      'title: manifest has "Fake Clone", MAME has "Fake Clone & Co"',
      'ROM count: manifest has 3, MAME has 4',
      'ROM #2 (b.bin) offset: manifest has 1024, MAME has 2048',
      "ROM #4: MAME's extra.bin is missing",
    ]);
  });
  it('formats manifests with one ROM per line, parseable back', () => {
    const text = formatManifest(clone);
    expect(JSON.parse(text)).toEqual(clone);
    expect(text.split('\n').filter((l) => l.includes('"crc32"'))).toHaveLength(3);
  });
});
