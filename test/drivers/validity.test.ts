import { describe, expect, it } from 'vitest';
import { GAMES } from '../../drivers/index';
import { pacmanHw } from '../../drivers/namco/pacman';
import { dip } from '../../src/core/input';
import { loadManifests } from '../../src/core/roms/rompath-node';
import { validateGame } from '../../src/core/validate';

const manifests = loadManifests();

describe('driver validity (MAME validity.cpp spirit)', () => {
  it.each(GAMES.map((g) => [g.name, g] as const))('%s is valid', (_name, game) => {
    expect(validateGame(game, manifests.get(game.name), GAMES)).toEqual([]);
  });

  it('catches overlapping map entries, bad DIPs, unknown regions, handlers and parents', () => {
    const game = GAMES.find((g) => g.name === 'pacman')!;
    const cpu = pacmanHw.devices.maincpu;
    const broken = {
      ...game,
      name: 'broken',
      parent: 'nosuchset',
      inputs: { ...game.inputs, DSW9: { fields: [{ ...dip('Lives', 0x03, '1', { '1': 0, '2': 1 }), defaultValue: 2 }, dip('Bonus', 0x02, 'a', { a: 0, b: 2 })] } },
      hw: {
        ...pacmanHw,
        devices: {
          ...pacmanHw.devices,
          maincpu: { ...cpu, spaces: { ...cpu.spaces, program: { ...cpu.spaces!.program, map: [...cpu.spaces!.program.map, { at: [0x4c80, 0x4c8f] as [number, number], read: 'board.nosuch' }, { at: [0x2000, 0x2fff] as [number, number], rom: 'nosuchregion' }] } } },
        },
      },
    };
    const problems = validateGame(broken, { ...manifests.get('pacman')!, name: 'broken', parent: 'nosuchset' }, GAMES).join('\n');
    expect(problems).toMatch(/parent 'nosuchset' is not a supported set/);
    expect(problems).toMatch(/reads of 0x4c00-0x4fef and 0x4c80-0x4c8f overlap at 0x4c80/);
    expect(problems).toMatch(/region 'nosuchregion', which is not declared/);
    expect(problems).toMatch(/'Lives' default 0x2 is not one of its settings/);
    expect(problems).toMatch(/'Bonus' shares bits 0x2/);
  });

  it('reports handlers that do not resolve', () => {
    const game = GAMES.find((g) => g.name === 'pacman')!;
    const cpu = pacmanHw.devices.maincpu;
    const broken = { ...game, hw: { ...pacmanHw, devices: { ...pacmanHw.devices, maincpu: { ...cpu, spaces: { ...cpu.spaces, program: { ...cpu.spaces!.program, map: [...cpu.spaces!.program.map, { at: [0x4800, 0x4800] as [number, number], read: 'board.nosuch', override: true }] } } } } } };
    expect(validateGame(broken, manifests.get('pacman'), GAMES).join('\n')).toMatch(/device 'board' has no method 'nosuch'/);
  });
});
