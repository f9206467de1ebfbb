/** A pacdemo machine (our own homebrew ROMs) for tests that need a real board. */
import { findGame } from '../../drivers/index';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';

export function pacdemoMachine(): ArcadeMachine {
  const manifests = loadManifests();
  const manifest = manifests.get('pacdemo')!;
  const { files } = loadSet(manifest, openSetSources(manifests, 'pacdemo', [HOMEBREW_DIR]));
  return createMachine(findGame('pacdemo')!, { manifest, files });
}

/** A small deterministic PRNG (mulberry32) so every fuzz case is reproducible from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
