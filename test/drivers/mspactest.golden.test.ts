/**
 * Ms. Pac-Man's aux board against MAME 0.251 (test/golden/mspactest/README.md): our probe program's RAM
 * after 20 and 40 frames (each view of the overlay, every kind of trap access, the latch kept across a
 * watchdog reset) and the whole decoded `maincpu` region hash exactly as MAME's dumps.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findGame } from '../../drivers/index';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { createMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';
import { readTsv } from '../support/golden';

const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');

describe('mspactest (Ms. Pac-Man aux board) vs MAME 0.251', () => {
  it('probe RAM at frames 20 and 40 and the decoded region equal MAME\'s', () => {
    const manifests = loadManifests();
    const manifest = manifests.get('mspactest')!;
    const { files } = loadSet(manifest, openSetSources(manifests, 'mspactest', [HOMEBREW_DIR]));
    const m = createMachine(findGame('mspactest')!, { manifest, files });
    const golden = readTsv('test/golden/mspactest/memory.tsv');
    const want = (frame: number, name: string) => golden.find((r) => Number(r.frame) === frame && r.name === name)!.sha1;
    const space = m.spaces.get('maincpu:program')!;
    const ram = () => Uint8Array.from({ length: 0x100 }, (_, i) => space.peek8(0x4c00 + i));
    for (let f = 1; f <= 40; f++) {
      m.runFrame();
      if (f === 20 || f === 40) {
        expect(sha1(ram()), `ram at frame ${f}`).toBe(want(f, 'ram'));
        expect(sha1(m.region('maincpu')!), `region at frame ${f}`).toBe(want(f, 'rom'));
      }
    }
    expect(m.memory('workram')[0xff]).toBe(2); // two boots: the watchdog reset happened
  });
});
