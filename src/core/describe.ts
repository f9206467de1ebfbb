/**
 * What a game is, without its ROMs: the machine is built once over zero-filled files of the manifest's
 * sizes (building runs no code), and its `GameInfo` is returned. Used by `arcade list`/`listxml` and the
 * app's library, so the description always matches what would actually run.
 */
import type { GameDefinition } from './driver-schema';
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
