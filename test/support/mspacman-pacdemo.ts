/**
 * pacdemo's program as a Ms. Pac-Man ROM set: the four program ROMs as they are, and aux ROMs u5/u7 made by
 * inverting the aux board's scrambling (MAME 0.251 `init_mspacman`) so that the decoded view holds the same
 * program, patches included. Used to compare the Ms. Pac-Man board with the Pac-Man board on one program.
 */
import { HOMEBREW_DIR } from '../../src/cli/load-game';
import type { LoadedRoms } from '../../src/core/machine';
import { loadSet } from '../../src/core/roms/audit';
import type { RomManifest } from '../../src/core/roms/manifest';
import { loadManifests, openSetSources } from '../../src/core/roms/rompath-node';

/** MAME `bitswap` and its inverse for the aux board's data lines (output bit 7-k = input bit BITS[k]). */
const DATA = [0, 4, 5, 7, 6, 3, 2, 1];
const U5A = [8, 7, 5, 9, 10, 6, 3, 4, 2, 1, 0];
const U67A = [11, 3, 7, 9, 10, 8, 6, 5, 4, 2, 1, 0];
const swap = (v: number, bits: number[]) => bits.reduce((o, b) => (o << 1) | ((v >> b) & 1), 0);
function unswapData(v: number): number {
  let out = 0;
  DATA.forEach((b, k) => { if ((v >> (7 - k)) & 1) out |= 1 << b; });
  return out;
}

/** pacdemo's program in the mspacman set's files, with aux ROMs whose decoded view is that same program. */
export function pacdemoAsMsPacman(): LoadedRoms {
  const manifests = loadManifests();
  const pm = manifests.get('pacdemo')!;
  const pd = loadSet(pm, openSetSources(manifests, 'pacdemo', [HOMEBREW_DIR])).files;
  const prog = new Uint8Array(0x4000);
  ['pacman.6e', 'pacman.6f', 'pacman.6h', 'pacman.6j'].forEach((n, i) => prog.set(pd.get(n)!, i * 0x1000));
  // The decoded view wanted at 0x8000-0x81ef: each patch source holds the bytes it will be copied over.
  const PATCH_TO_FROM = [[0x0410, 0x8008], [0x08e0, 0x81d8], [0x0a30, 0x8118], [0x0bd0, 0x80d8], [0x0c20, 0x8120], [0x0e58, 0x8168],
    [0x0ea8, 0x8198], [0x1000, 0x8020], [0x1008, 0x8010], [0x1288, 0x8098], [0x1348, 0x8048], [0x1688, 0x8088], [0x16b0, 0x8188],
    [0x16d8, 0x80c8], [0x16f8, 0x81c8], [0x19a8, 0x80a8], [0x19b8, 0x81a8], [0x2060, 0x8148], [0x2108, 0x8018], [0x21a0, 0x81a0],
    [0x2298, 0x80a0], [0x23e0, 0x80e8], [0x2418, 0x8000], [0x2448, 0x8058], [0x2470, 0x8140], [0x2488, 0x8080], [0x24b0, 0x8180],
    [0x24d8, 0x80c0], [0x24f8, 0x81c0], [0x2748, 0x8050], [0x2780, 0x8090], [0x27b8, 0x8190], [0x2800, 0x8028], [0x2b20, 0x8100],
    [0x2b30, 0x8110], [0x2bf0, 0x81d0], [0x2cc0, 0x80d0], [0x2cd8, 0x80e0], [0x2cf0, 0x81e0], [0x2d60, 0x8160]];
  const decU5 = new Uint8Array(0x800);
  for (const [to, from] of PATCH_TO_FROM) decU5.set(prog.subarray(to, to + 8), from - 0x8000);
  const u5 = new Uint8Array(0x800), u7 = new Uint8Array(0x1000), u6 = new Uint8Array(0x1000);
  for (let i = 0; i < 0x800; i++) u5[swap(i, U5A)] = unswapData(decU5[i]);
  for (let i = 0; i < 0x1000; i++) u7[swap(i, U67A)] = unswapData(prog[0x3000 + i]);
  const files = new Map<string, Uint8Array>([
    ['pacman.6e', pd.get('pacman.6e')!], ['pacman.6f', pd.get('pacman.6f')!], ['pacman.6h', pd.get('pacman.6h')!], ['pacman.6j', pd.get('pacman.6j')!],
    ['u5', u5], ['u6', u6], ['u7', u7], ['5e', pd.get('pacman.5e')!], ['5f', pd.get('pacman.5f')!],
    ['82s123.7f', pd.get('82s123.7f')!], ['82s126.4a', pd.get('82s126.4a')!], ['82s126.1m', pd.get('82s126.1m')!], ['82s126.3m', pd.get('82s126.3m')!],
  ]);
  const manifest: RomManifest = { ...manifests.get('mspacman')!, name: 'pdms', parent: undefined };
  return { manifest, files };
}

