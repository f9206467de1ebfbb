/** A machine for one of our homebrew sets, built from the ROMs in homebrew/ (what the app plays too). */
import { createHash, type Hash } from 'node:crypto';
import { findGame } from '../../drivers/index';
import type { InputEvent } from '../../src/core/input';
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

/**
 * Play frames `from`+1..`to` with an input script's events (the oracle's order: events of frame N after
 * frame N), returning one SHA-1 per frame over the picture, the frame's audio and every named memory,
 * plus whatever `more` adds (a board's device buffers). Save-state tests compare two such runs.
 */
export function playHashed(m: ArcadeMachine, events: readonly InputEvent[], from: number, to: number, more?: (h: Hash) => void): string[] {
  const out: string[] = [];
  const apply = (f: number) => { for (const e of events) if (e.frame === f) m.setInput(e.port, e.field, e.value); };
  if (from === 0) apply(0);
  for (let f = from + 1; f <= to; f++) {
    m.runFrame();
    const h = createHash('sha1');
    h.update(new Uint8Array(m.frameBuffer.buffer));
    const a = m.audio();
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    for (const name of m.memoryNames()) h.update(m.memory(name));
    more?.(h);
    out.push(h.digest('hex'));
    apply(f);
  }
  return out;
}
