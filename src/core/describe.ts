/**
 * What a game is, without its ROMs.
 *
 * `describeGame` reads only the game's static definition (identity, screen timing, monitor rotation,
 * input ports, status flags): no device is constructed, so the app's UI thread can describe the whole
 * library without building a machine (issue #17). It is the same arithmetic the machine uses (screen.ts:
 * visible area and pixel clock / raster; machine.ts: rotation swaps the output), checked against every
 * built machine by test/core/describe.test.ts.
 *
 * `describeMachine` adds the chips (device class names and clocks), which only the built devices know:
 * the machine is built once over zero-filled files of the manifest's sizes (building runs no code). Used by
 * `arcade listxml` and, in the app, by the emulator worker (never the UI thread).
 */
import type { DriverStatus, GameDefinition } from './driver-schema';
import { createMachine } from './machine';
import type { GameInfo } from './machine-api';
import { InputManager } from './input';
import type { RomManifest } from './roms/manifest';

/** A game's description without its chips: what static data alone says. */
export type GameDescription = Omit<GameInfo, 'chips'>;

export function describeGame(game: GameDefinition): GameDescription {
  const s = game.hw.screen;
  const width = s.hVisible[1] - s.hVisible[0] + 1;
  const height = s.vVisible[1] - s.vVisible[0] + 1;
  const swap = game.rotate === 90 || game.rotate === 270;
  return {
    name: game.name, parent: game.parent, title: game.title, year: game.year, maker: game.maker, driver: game.driver,
    homebrew: game.homebrew ?? false,
    width: swap ? height : width,
    height: swap ? width : height,
    rotate: game.rotate,
    refreshHz: s.pixelClock / (s.hTotal * s.vTotal),
    inputs: new InputManager(game.inputs).info(),
    status: { ...game.status } as Record<string, boolean>,
  };
}

const built = new WeakMap<GameDefinition, GameInfo>();

export function describeMachine(game: GameDefinition, manifest: RomManifest): GameInfo {
  let info = built.get(game);
  if (!info) {
    const files = new Map(manifest.roms.filter((r) => r.status !== 'nodump').map((r) => [r.name, new Uint8Array(r.size)]));
    info = createMachine(game, { manifest, files }).info;
    built.set(game, info);
  }
  return info;
}

/** MAME's words for the driver status flags (its -listxml/-listfull and UI), in MAME's order. */
const STATUS_LABELS: [string, string][] = [
  ['notWorking', 'not working'],
  ['unemulatedProtection', 'unemulated protection'],
  ['noSound', 'no sound'],
  ['imperfectSound', 'imperfect sound'],
  ['imperfectGraphics', 'imperfect graphics'],
  ['imperfectColors', 'imperfect colors'],
  ['noCocktail', 'no cocktail'],
];

/** The set's status flags as MAME words ('imperfect sound' …); unknown flags keep their key. */
export function statusLabels(status: DriverStatus | Readonly<Record<string, boolean>>): string[] {
  const flags = status as Readonly<Record<string, boolean | undefined>>;
  const known = new Map(STATUS_LABELS);
  const out = STATUS_LABELS.filter(([k]) => flags[k]).map(([, label]) => label);
  for (const [k, v] of Object.entries(flags)) if (v && !known.has(k)) out.push(k);
  return out;
}
