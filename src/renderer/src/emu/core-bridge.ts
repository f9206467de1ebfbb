/**
 * The renderer's one door to the emulator core: the game registry, the machine builder and the
 * bundled homebrew ROMs. The worker and the library import only this module, so the core can be
 * swapped (the fake test machine while the drivers were being written, the real ones now) in one place.
 */
import type { GameInfo, Machine } from '../../../core/machine-api';
import type { RawSource, SetAudit } from '../../../preload/api';
import { loadRaw, manifests, type RomManifest } from '../../../main/roms-bridge';
import { createFakeMachine, FAKE_INFO, FAKE_MANIFEST, FAKE_ROM } from '../../../../test/app/fake-core';

export interface CoreGame {
  info: GameInfo;
  manifest: RomManifest;
}

export function games(): CoreGame[] {
  return [{ info: FAKE_INFO, manifest: FAKE_MANIFEST }];
}

export function allManifests(): Map<string, RomManifest> {
  return manifests([FAKE_MANIFEST]);
}

export function findGame(name: string): CoreGame | undefined {
  return games().find((g) => g.info.name === name);
}

/** Audit + load + build: throws an Error whose message tells the user what to do. */
export function startMachine(name: string, raw: RawSource[], sampleRate: number): { machine: Machine; audit: SetAudit } {
  const game = findGame(name);
  if (!game) throw new Error(`"${name}" is not a supported game.`);
  const { files, audit } = loadRaw(game.manifest, raw);
  return { machine: createFakeMachine(files, { sampleRate }), audit };
}

/** ROM files shipped inside the web build, by set name (homebrew only: they are ours to ship). */
export async function bundledHomebrew(): Promise<Map<string, RawSource[]>> {
  const out = new Map<string, RawSource[]>();
  out.set('fakedemo', [{ kind: 'files', label: 'built-in', files: { 'fake.bin': FAKE_ROM } }]);
  return out;
}
