/** A machine for one of our homebrew sets, built from the ROMs in homebrew/ (what the app plays too). */
import { findGame } from '../../drivers/index';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';

export function homebrewMachine(set: string): ArcadeMachine {
  const manifests = loadManifests();
  const manifest = manifests.get(set);
  const game = findGame(set);
  if (!manifest || !game) throw new Error(`no homebrew set '${set}'`);
  const { files } = loadSet(manifest, openSetSources(manifests, set, [HOMEBREW_DIR]));
  return createMachine(game, { manifest, files });
}
