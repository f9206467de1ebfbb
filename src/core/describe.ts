/**
 * What a game is, without its ROMs: the machine is built once over zero-filled files of the manifest's
 * sizes (building runs no code), and its `GameInfo` is returned. Used by `arcade list`/`listxml` and the
 * app's library, so the description always matches what would actually run.
 */
import type { DriverStatus, GameDefinition } from './driver-schema';
import { createMachine } from './machine';
import type { GameInfo } from './machine-api';
import type { RomManifest } from './roms/manifest';

const cache = new WeakMap<GameDefinition, GameInfo>();

export function describeGame(game: GameDefinition, manifest: RomManifest): GameInfo {
  let info = cache.get(game);
  if (!info) {
    const files = new Map(manifest.roms.filter((r) => r.status !== 'nodump').map((r) => [r.name, new Uint8Array(r.size)]));
    info = createMachine(game, { manifest, files }).info;
    cache.set(game, info);
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
