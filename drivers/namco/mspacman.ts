/**
 * Ms. Pac-Man (Midway / General Computer Corporation, 1981): a Pac-Man board with GCC's auxiliary board
 * in the Z80 socket. Written as a delta of the Pac-Man hardware: the same devices, RAM, I/O and video,
 * plus a ROM overlay switched by "trap" addresses.
 *
 * Facts (MAME 0.251 `pacman/pacman.cpp`, `mspacman_map` and `init_mspacman`, behaviour only):
 * - The aux board holds two views of the Z80's whole 64 KiB: entry 0 = the original Pac-Man ROMs (6e/6f/6h/
 *   6j at 0x0000-0x3fff, mirrored at 0x8000-0xbfff), entry 1 = the "decoded" Ms. Pac-Man program: the same
 *   6e/6f/6h, the aux ROMs u5/u6/u7 with their address and data lines scrambled, and forty 8-byte patches
 *   copied over the Pac-Man code. Both live in region `maincpu` (0x20000 bytes: entry 1 from 0x10000),
 *   built once at start-up; MAME's region dump shows the result.
 * - Any access (read or write) to 0x0038-0x003f, 0x03b0-0x03b7, 0x1600-0x1607, 0x2120-0x2127, 0x3ff0-0x3ff7,
 *   0x8000-0x8007 or 0x97f0-0x97f7 selects entry 0; any access to 0x3ff8-0x3fff selects entry 1. A trap
 *   read returns the region's entry-0 byte at that address, except 0x3ff8-0x3fff, which return entry 1's.
 * - 0x4000-0x7fff (and its 0xc000 mirror) are the Pac-Man board's RAM and I/O; the rest is unmapped.
 * - The latch starts at entry 1 and is not touched by a reset (MAME sets it once in `init_mspacman`), so
 *   after a watchdog reset the Z80 restarts in whichever view was selected last; it is saved with the
 *   machine (a `MemoryBank`).
 */
import { Device, type Serializer } from '../../src/core/device';
import type { MemoryBank } from '../../src/core/bank';
import { defineDevices, defineHardware, type Devices, type GameDefinition, type MapEntry } from '../../src/core/driver-schema';
import { port } from '../../src/core/input';
import { pacmanBoardMap, pacmanDevices, pacmanHw, pacmanInputs } from './pacman';

/** MAME `bitswap`: output bit k (from the most significant down) is input bit `bits[k]`. */
function bitswap(value: number, bits: readonly number[]): number {
  let out = 0;
  for (const b of bits) out = (out << 1) | ((value >> b) & 1);
  return out;
}

/** The aux board's wiring: u5 (A0-A10) and u6/u7 (A0-A11) address lines, and the data lines of all three. */
const U5_ADDRESS = [8, 7, 5, 9, 10, 6, 3, 4, 2, 1, 0];
const U67_ADDRESS = [11, 3, 7, 9, 10, 8, 6, 5, 4, 2, 1, 0];
const AUX_DATA = [0, 4, 5, 7, 6, 3, 2, 1];

/** The forty 8-byte patches: [Pac-Man address, decoded aux ROM address] (`mspacman_install_patches`). */
const PATCHES: readonly [number, number][] = [
  [0x0410, 0x8008], [0x08e0, 0x81d8], [0x0a30, 0x8118], [0x0bd0, 0x80d8], [0x0c20, 0x8120], [0x0e58, 0x8168],
  [0x0ea8, 0x8198], [0x1000, 0x8020], [0x1008, 0x8010], [0x1288, 0x8098], [0x1348, 0x8048], [0x1688, 0x8088],
  [0x16b0, 0x8188], [0x16d8, 0x80c8], [0x16f8, 0x81c8], [0x19a8, 0x80a8], [0x19b8, 0x81a8], [0x2060, 0x8148],
  [0x2108, 0x8018], [0x21a0, 0x81a0], [0x2298, 0x80a0], [0x23e0, 0x80e8], [0x2418, 0x8000], [0x2448, 0x8058],
  [0x2470, 0x8140], [0x2488, 0x8080], [0x24b0, 0x8180], [0x24d8, 0x80c0], [0x24f8, 0x81c0], [0x2748, 0x8050],
  [0x2780, 0x8090], [0x27b8, 0x8190], [0x2800, 0x8028], [0x2b20, 0x8100], [0x2b30, 0x8110], [0x2bf0, 0x81d0],
  [0x2cc0, 0x80d0], [0x2cd8, 0x80e0], [0x2cf0, 0x81e0], [0x2d60, 0x8160],
];

/** Addresses whose access selects the original Pac-Man view (entry 0). */
const DISABLE_TRAPS = [0x0038, 0x03b0, 0x1600, 0x2120, 0x3ff0, 0x8000, 0x97f0];
/** …and the one that selects the Ms. Pac-Man view (entry 1). */
const ENABLE_TRAP = 0x3ff8;

/**
 * Build both views in region `maincpu` from the loaded files (MAME `init_mspacman`): the decoded program at
 * 0x10000-0x1bfff, then the Pac-Man ROMs mirrored over 0x8000-0xbfff of the original view (which replaces the
 * raw aux ROM images there).
 */
export function decodeMsPacman(rom: Uint8Array): void {
  const dec = rom.subarray(0x10000, 0x20000);
  const aux = (base: number, i: number, address: readonly number[]) => bitswap(rom[base + bitswap(i, address)], AUX_DATA);
  for (let i = 0; i < 0x1000; i++) {
    dec[0x0000 + i] = rom[0x0000 + i]; // 6e
    dec[0x1000 + i] = rom[0x1000 + i]; // 6f
    dec[0x2000 + i] = rom[0x2000 + i]; // 6h
    dec[0x3000 + i] = aux(0xb000, i, U67_ADDRESS); // u7
  }
  for (let i = 0; i < 0x800; i++) {
    dec[0x8000 + i] = aux(0x8000, i, U5_ADDRESS); // u5
    dec[0x8800 + i] = aux(0x9800, i, U67_ADDRESS); // upper half of u6
    dec[0x9000 + i] = aux(0x9000, i, U67_ADDRESS); // lower half of u6
    dec[0x9800 + i] = rom[0x1800 + i]; // 6f, upper half
  }
  for (let i = 0; i < 0x1000; i++) {
    dec[0xa000 + i] = rom[0x2000 + i]; // 6h
    dec[0xb000 + i] = rom[0x3000 + i]; // 6j
  }
  for (const [to, from] of PATCHES) dec.copyWithin(to, from, from + 8);
  rom.copyWithin(0x8000, 0x0000, 0x4000);
}

/** The aux board's decode latch, driven by the trap addresses. */
export class MsPacmanAux extends Device {
  constructor(
    tag: string,
    private readonly rom: Uint8Array,
    private readonly view: MemoryBank,
  ) {
    super(tag, 0);
  }

  /** A read of a disabling trap at `address`: the original view from now on; the byte is the original's. */
  disableRead(address: number): number {
    this.view.select(0);
    return this.rom[address];
  }

  /** A read of the enabling trap: the Ms. Pac-Man view; the byte is the decoded one. */
  enableRead(address: number): number {
    this.view.select(1);
    return this.rom[0x10000 + address];
  }

  disableWrite(): void {
    this.view.select(0);
  }

  enableWrite(): void {
    this.view.select(1);
  }

  /** The latch is not reset (MAME selects entry 1 once, at start-up). */
  reset(): void {}

  /** The selection is the bank's, saved by the machine. */
  serialize(_s: Serializer): void {}
}

export const mspacmanDevices = defineDevices({
  ...pacmanDevices,
  aux: { create: (c) => new MsPacmanAux(c.tag, c.region('maincpu'), c.bank('decode')) },
});

export type MsPacmanDevices = Devices<typeof mspacmanDevices>;

/** MAME `mspacman_map`: the overlay over the whole space, the Pac-Man board's RAM and I/O, the traps on top. */
export function mspacmanMainMap(d: MsPacmanDevices): MapEntry[] {
  const overlay = (e: MapEntry): MapEntry => ({ ...e, override: true });
  const trap = (at: number, read: (address: number) => number, write: () => void): MapEntry =>
    ({ at: [at, at + 7], read: (o) => read(at + o), write, override: true });
  return [
    { at: [0x0000, 0xffff], bank: 'decode' },
    { at: [0x4000, 0x7fff], mirror: 0x8000, unmap: 'rw', override: true },
    ...pacmanBoardMap(d).map(overlay),
    ...DISABLE_TRAPS.map((at) => trap(at, d.aux.disableRead, d.aux.disableWrite)),
    trap(ENABLE_TRAP, d.aux.enableRead, d.aux.enableWrite),
  ];
}

export const mspacmanHw = defineHardware({
  ...pacmanHw,
  devices: mspacmanDevices,
  regions: { ...pacmanHw.regions, maincpu: { size: 0x20000 } },
  banks: { decode: { region: 'maincpu', size: 0x10000, offsets: [0x00000, 0x10000] } },
  wire: (d, m) => {
    const pacman = pacmanHw.wire(d, m);
    return {
      ...pacman,
      maps: { maincpu: { ...pacman.maps.maincpu, program: mspacmanMainMap(d) } },
      init: () => {
        decodeMsPacman(m.region('maincpu'));
        m.bank('decode').select(1);
      },
    };
  },
});

/** Pac-Man's inputs without the Ghost Names setting; DSW1 bit 7 is unused and reads 1 (active low). */
export const mspacmanInputs = {
  ...pacmanInputs,
  DSW1: port(pacmanInputs.DSW1.fields.filter((f) => f.name !== 'Ghost Names'), { unusedBits: 0x80 }),
};

export const games: GameDefinition[] = [
  {
    name: 'mspacman', title: 'Ms. Pac-Man', year: '1981', maker: 'Midway / General Computer Corporation', driver: 'pacman',
    hw: mspacmanHw, inputs: mspacmanInputs, rotate: 90,
  },
  {
    name: 'mspactest', title: 'Ms. Pac-Man aux board probe (Arcade homebrew)', year: '2026', maker: 'Arcade project (homebrew)',
    driver: 'pacman', hw: mspacmanHw, inputs: mspacmanInputs, rotate: 90, homebrew: true,
  },
];
