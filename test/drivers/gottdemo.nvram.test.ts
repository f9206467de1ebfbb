/**
 * Gottlieb battery RAM as NVRAM (HELPERS.md contract; MAME nvram_device "nvram"): fresh contents are 0xff
 * (MAME DEFAULT_ALL_1, also checked frame by frame against MAME in gottdemo.golden.test.ts), the machine
 * hands the 4 KiB out as `nvram`, and a machine built with them continues where the last one stopped:
 * gottdemo counts its boots in battery RAM (word at 0x0100, marker 'GB' at 0x0102).
 */
import { describe, expect, it } from 'vitest';
import { findGame } from '../../drivers/index';
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import { createMachine } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';

function boot(nvram?: Uint8Array): Uint8Array {
  const manifests = loadManifests();
  const manifest = manifests.get('gottdemo')!;
  const { files } = loadSet(manifest, openSetSources(manifests, 'gottdemo', [HOMEBREW_DIR]));
  const m = createMachine(findGame('gottdemo')!, { manifest, files }, { nvram: (name) => (name === 'nvram' ? nvram : undefined) });
  for (let f = 0; f < 5; f++) m.runFrame();
  const saved = m.nvramSave();
  expect([...saved.keys()]).toEqual(['nvram']);
  return saved.get('nvram')!;
}

describe('gottdemo battery RAM (NVRAM)', () => {
  it('starts at 0xff, counts a boot, and the next machine built with it counts the second', () => {
    const first = boot();
    expect(first.length).toBe(0x1000);
    expect([first[0x100], first[0x101], first[0x102], first[0x103]]).toEqual([1, 0, 0x47, 0x42]);
    expect(first.subarray(0x200).every((b) => b === 0xff)).toBe(true);
    const second = boot(first);
    expect([second[0x100], second[0x101]]).toEqual([2, 0]);
    // unusable data (wrong size) → fresh, like MAME
    expect(boot(new Uint8Array(10))[0x100]).toBe(1);
  });
});
