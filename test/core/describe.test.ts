/**
 * describeGame (static data only, what the app's UI thread uses for its library) against the machine the
 * same definition builds: every supported game's description must equal the built machine's GameInfo
 * minus its chips, or the library would show what does not run.
 */
import { describe, expect, it } from 'vitest';
import { GAMES } from '../../drivers/index';
import { describeGame, describeMachine } from '../../src/core/describe';
import type { GameDefinition } from '../../src/core/driver-schema';
import { loadManifests } from '../../src/core/roms/rompath-node';

const manifests = loadManifests();

describe('describeGame', () => {
  it.each(GAMES.filter((g) => manifests.has(g.name)).map((g) => [g.name, g] as const))('%s: equals the built machine\'s info but chips', (_name, g) => {
    const { chips, ...built } = describeMachine(g, manifests.get(g.name)!);
    expect(describeGame(g)).toEqual(built);
    expect(chips.length).toBeGreaterThan(0);
  });

  it('constructs no device', () => {
    const pacdemo = GAMES.find((g) => g.name === 'pacdemo')!;
    const refuse = () => { throw new Error('a device was built'); };
    const devices = Object.fromEntries(Object.entries(pacdemo.hw.devices).map(([tag, d]) => [tag, { ...d, create: refuse }]));
    const game: GameDefinition = { ...pacdemo, hw: { ...pacdemo.hw, devices, wire: refuse } };
    expect(describeGame(game).width).toBe(224);
    expect(() => describeMachine(game, manifests.get('pacdemo')!)).toThrow();
  });
});
