import { describe, expect, it } from 'vitest';
import { GAMES } from '../../drivers/index';
import { pacmanHw, type PacmanDevices } from '../../drivers/namco/pacman';
import { defineHardware, type GameDefinition, type HardwareDef, type MapEntry } from '../../src/core/driver-schema';
import { dip } from '../../src/core/input';
import { loadManifests } from '../../src/core/roms/rompath-node';
import { validateGame } from '../../src/core/validate';

const manifests = loadManifests();
const pacman = GAMES.find((g) => g.name === 'pacman')!;

/** Pac-Man with extra entries appended to its Z80 program map (a delta of the parent's wiring). */
function withExtraEntries(extra: (d: PacmanDevices) => MapEntry[]): HardwareDef {
  return defineHardware({
    ...pacmanHw,
    wire: (d, m) => {
      const w = pacmanHw.wire(d, m);
      return { ...w, maps: { ...w.maps, maincpu: { ...w.maps.maincpu, program: [...w.maps.maincpu!.program!, ...extra(d)] } } };
    },
  });
}

function problems(game: GameDefinition, manifestName = 'pacman'): string {
  return validateGame(game, { ...manifests.get(manifestName)!, name: game.name, parent: game.parent }, GAMES).join('\n');
}

describe('driver validity (MAME validity.cpp spirit)', () => {
  it.each(GAMES.map((g) => [g.name, g] as const))('%s is valid', (_name, game) => {
    expect(validateGame(game, manifests.get(game.name), GAMES)).toEqual([]);
  });

  it('catches overlapping map entries, bad DIPs and unknown parents', () => {
    const broken: GameDefinition = {
      ...pacman,
      name: 'broken',
      parent: 'nosuchset',
      inputs: { ...pacman.inputs, DSW9: { fields: [{ ...dip('Lives', 0x03, '1', { '1': 0, '2': 1 }), defaultValue: 2 }, dip('Bonus', 0x02, 'a', { a: 0, b: 2 })] } },
      hw: withExtraEntries((d) => [{ at: [0x4c80, 0x4c8f], read: d.board.interruptVector }]),
    };
    const p = problems(broken);
    expect(p).toMatch(/parent 'nosuchset' is not a supported set/);
    expect(p).toMatch(/maincpu:program: reads of 0x4c00-0x4fef and 0x4c80-0x4c8f overlap at 0x4c80/);
    expect(p).toMatch(/'Lives' default 0x2 is not one of its settings/);
    expect(p).toMatch(/'Bonus' shares bits 0x2/);
  });

  it('names the driver, the entry and the missing name for regions, shares, banks and ports', () => {
    const cases: [MapEntry, RegExp][] = [
      [{ at: [0x2000, 0x2fff], rom: 'nosuchregion', override: true }, /^broken: .*maincpu:program entry 0x2000-0x2fff: map uses region 'nosuchregion', which is not declared/],
      [{ at: [0x4800, 0x4bff], ram: 'nosuchshare', override: true }, /^broken: .*maincpu:program entry 0x4800-0x4bff: map uses RAM share 'nosuchshare', which is not declared/],
      [{ at: [0x4800, 0x48ff], bank: 'nosuchbank', override: true }, /^broken: .*map uses bank 'nosuchbank', which is not declared/],
      [{ at: [0x4800, 0x4800], read: { port: 'IN7' }, override: true }, /^broken: .*maincpu:program entry 0x4800-0x4800: no input port 'IN7'/],
    ];
    for (const [entry, message] of cases) {
      const broken = { ...pacman, name: 'broken', hw: withExtraEntries(() => [entry]) };
      expect(problems(broken)).toMatch(message);
    }
  });

  it('reports maps for devices or spaces that do not exist (keys TypeScript did not see)', () => {
    const hw = {
      ...pacmanHw,
      wire: (d: Parameters<typeof pacmanHw.wire>[0], m: Parameters<typeof pacmanHw.wire>[1]) => ({ ...pacmanHw.wire(d, m), maps: { maincpu: { progam: [] } } }),
    } as unknown as HardwareDef;
    expect(problems({ ...pacman, name: 'broken', hw })).toMatch(/^broken: building the machine fails: maps: device 'maincpu' has no address space 'progam'/);
    const hw2 = { ...pacmanHw, wire: (d: never, m: never) => ({ ...pacmanHw.wire(d, m), maps: { mainpcu: {} } }) } as unknown as HardwareDef;
    expect(problems({ ...pacman, name: 'broken', hw: hw2 })).toMatch(/maps: no device 'mainpcu'/);
  });

  it('reports a line whose target is missing at run time (a reference TypeScript could not check)', () => {
    const hw = {
      ...pacmanHw,
      wire: (d: never, m: never) => {
        const w = pacmanHw.wire(d, m);
        return { ...w, lines: [...(w.lines ?? []), [(d as { mainlatch: { q: unknown[] } }).mainlatch.q[2], undefined]] };
      },
    } as unknown as HardwareDef;
    expect(problems({ ...pacman, name: 'broken', hw })).toMatch(/lines\[9\]: target 0 is not a function/);
  });
});
