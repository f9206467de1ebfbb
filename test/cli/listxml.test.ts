/**
 * `arcade listxml` is MAME -listxml compatible: for each real set, the ROM list, CPUs, display, inputs,
 * DIP switches and configuration settings must read exactly as MAME 0.251 writes them. MAME is installed
 * here and in CI (.ci/run); without it the test fails unless ARCADE_NO_MAME=1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAMES } from '../../drivers/index';
import { listXml } from '../../src/cli/commands/listxml';
import { loadManifests } from '../../src/core/roms/rompath-node';

const MAME = '/usr/games/mame';
const haveMame = existsSync(MAME);

/** The lines MAME and we must agree on, with attributes MAME has and we do not model dropped. */
function comparable(xml: string): string[] {
  return xml
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^<(\/?dipswitch|\/?dipvalue|diplocation|condition|\/?configuration|\/?confsetting|conflocation|rom |chip type="cpu"|display|input|\/input|control|description|year|manufacturer)/.test(l))
    .map((l) => l.replace(/ (pixclock|htotal|hbend|hbstart|vtotal|vbend|vbstart|buttons)="[^"]*"/g, '').replace(/\s*\/>$/, '/>'));
}

/** Every real set (non-homebrew manifest) that a driver runs: all of them are compared, none hard-coded. */
const REAL_SETS = (() => {
  const manifests = loadManifests();
  return GAMES.filter((g) => !g.homebrew && manifests.has(g.name) && !manifests.get(g.name)!.homebrew).map((g) => g.name);
})();

describe.skipIf(!haveMame && process.env.ARCADE_NO_MAME === '1')('arcade listxml vs mame -listxml', () => {
  it('covers every real set in roms-manifest/ that a driver runs', () => {
    const manifests = loadManifests();
    const real = [...manifests.values()].filter((m) => !m.homebrew).map((m) => m.name).sort();
    expect(real.filter((n) => !GAMES.some((g) => g.name === n))).toEqual([]); // a real manifest without a driver is a mistake
    expect(REAL_SETS.slice().sort()).toEqual(real);
  });

  it.each(REAL_SETS)('%s reads as MAME 0.251 lists it', (set) => {
    expect(haveMame, `MAME not found at ${MAME} (install the Debian package mame, or set ARCADE_NO_MAME=1)`).toBe(true);
    const mame = execFileSync(MAME, ['-listxml', set], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const mameMachine = mame.slice(mame.indexOf(`<machine name="${set}"`), mame.indexOf('</machine>', mame.indexOf(`<machine name="${set}"`)));
    const ours = listXml([set]);
    expect(comparable(mameMachine).length).toBeGreaterThan(40); // ROMs, chips, display, inputs, DIPs are all there
    expect(comparable(ours)).toEqual(comparable(mameMachine));
  });
});
