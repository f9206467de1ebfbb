/**
 * Shared by `run`, `bench` and the tests: set name + rompath → a built machine, with ROM problems
 * reported the MAME way (missing or wrong-size files stop, wrong checksums warn and run).
 */
import { join } from 'node:path';
import { GAMES, findGame } from '../../drivers/index';
import type { GameDefinition } from '../core/driver-schema';
import { createMachine, type ArcadeMachine, type MachineOptions } from '../core/machine';
import { loadSet } from '../core/roms/audit';
import { RomError } from '../core/roms/errors';
import type { RomManifest } from '../core/roms/manifest';
import { loadManifests, openSetSources, parseRompath } from '../core/roms/rompath-node';
import { CliError } from './cli-error';
import { REPO_ROOT } from './paths';

/** Where our own homebrew sets live; always searched last so they run with no rompath at all. */
export const HOMEBREW_DIR = join(REPO_ROOT, 'homebrew');

export function defaultRompath(given?: string): string[] {
  return parseRompath(given ?? process.env.ARCADE_ROMPATH ?? 'roms');
}

export interface LoadedGame {
  game: GameDefinition;
  manifest: RomManifest;
  machine: ArcadeMachine;
  warnings: string[];
}

export function loadGame(set: string, rompathText: string | undefined, opts: MachineOptions = {}): LoadedGame {
  const game = findGame(set);
  if (!game) throw new CliError(`unknown set '${set}' (supported: ${GAMES.map((g) => g.name).join(', ')})`, 2);
  try {
    const manifests = loadManifests();
    const manifest = manifests.get(set);
    if (!manifest) throw new CliError(`set '${set}' has no manifest in roms-manifest/`, 2);
    let rompath = defaultRompath(rompathText);
    if (game.homebrew) rompath = [...rompath, HOMEBREW_DIR];
    const sources = openSetSources(manifests, set, rompath, { ignoreMissingFolders: game.homebrew === true && rompathText === undefined });
    const { files, report } = loadSet(manifest, sources);
    const machine = createMachine(game, { manifest, files }, opts);
    return { game, manifest, machine, warnings: report.problems };
  } catch (e) {
    if (e instanceof RomError) throw new CliError(e.message, 2);
    throw e;
  }
}
