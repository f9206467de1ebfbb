/**
 * The renderer's one door to the emulator core: the game registry (drivers/index.ts), the machine
 * builder (src/core/machine.ts) and the bundled homebrew ROMs. The worker and the library import only
 * this module, so the core can be swapped in one place (the app was first built against the fake
 * machine in test/app/fake-core.ts, which the unit tests still use).
 *
 * The UI thread only describes games (`games()`: static definitions, no machine built); machines are
 * built in the emulator worker (`startMachine`, `chipsOf`).
 */
import type { ChipInfo, Machine } from '../../../core/machine-api';
import type { RawSource, SetAudit } from '../../../shared/api';
import { loadRaw, manifests, type RomManifest } from '../../../shared/roms-bridge';
import { GAMES } from '../../../../drivers/index';
import { createMachine } from '../../../core/machine';
import { describeGame, describeMachine, type GameDescription } from '../../../core/describe';
import { TEST_MACHINES } from './test-machines';

export interface CoreGame {
  info: GameDescription;
  manifest: RomManifest;
}

let cached: CoreGame[] | null = null;

/** Every game that has both a driver entry and a manifest. */
export function games(): CoreGame[] {
  if (!cached) {
    const all = manifests();
    cached = [];
    for (const g of GAMES) {
      const manifest = all.get(g.name);
      if (!manifest) continue;
      try {
        cached.push({ info: describeGame(g), manifest });
      } catch (e) {
        console.error(`${g.name}: ${(e as Error).message}`);
      }
    }
  }
  return cached;
}

/** A game's chips (device classes and clocks): only the built devices know them, so only the worker asks. */
export function chipsOf(name: string): ChipInfo[] | null {
  const def = GAMES.find((g) => g.name === name);
  const manifest = manifests().get(name);
  return def && manifest ? describeMachine(def, manifest).chips : null;
}

export function allManifests(): Map<string, RomManifest> {
  return manifests();
}

export function findGame(name: string): CoreGame | undefined {
  return games().find((g) => g.info.name === name);
}

/** Audit + load + build: throws an Error whose message tells the user what to do. */
export function startMachine(name: string, raw: RawSource[], sampleRate: number, nvram?: Record<string, Uint8Array>): { machine: Machine; audit: SetAudit } {
  // sample-based sounds are played by the page through howler (audio/sample-player.ts), not mixed here;
  // stored NVRAM (high scores, battery RAM) is read while the machine is built, as MAME does
  const opts = { sampleRate, externalSamples: true, nvram: (item: string) => nvram?.[item] };
  const test = TEST_MACHINES.get(name);
  if (test) {
    const { roms, audit } = test.roms();
    return { machine: createMachine(test.game, roms, opts), audit };
  }
  const def = GAMES.find((g) => g.name === name);
  const manifest = manifests().get(name);
  if (!def || !manifest) throw new Error(`"${name}" is not a supported game.`);
  const { files, audit } = loadRaw(manifest, raw);
  return { machine: createMachine(def, { manifest, files }, opts), audit };
}

/**
 * ROM files shipped inside the web build, by set name: only our homebrew sets (they are ours to ship).
 * vite emits each file as an asset; we fetch only the files the set's manifest names.
 */
const homebrewUrls = import.meta.glob(['../../../../homebrew/*/*', '!../../../../homebrew/*/*.{asm,s,inc,lst,py,sh,txt,md,json}'], { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export async function bundledHomebrew(): Promise<Map<string, RawSource[]>> {
  const out = new Map<string, RawSource[]>();
  for (const m of manifests().values()) {
    if (!m.homebrew) continue;
    const files: Record<string, Uint8Array> = {};
    await Promise.all(m.roms.map(async (r) => {
      const url = homebrewUrls[`../../../../homebrew/${m.name}/${r.name}`];
      if (!url) return;
      const res = await fetch(url);
      if (res.ok) files[r.name] = new Uint8Array(await res.arrayBuffer());
    }));
    if (Object.keys(files).length) out.set(m.name, [{ kind: 'files', label: `built-in ${m.name}`, files }]);
  }
  return out;
}
