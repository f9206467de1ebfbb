/**
 * The driver guide's example board (docs/drivers.md, chapter 2, which includes this file verbatim): a made-up
 * but typical two-CPU board, with our own ROMs (homebrew/guide/, built into homebrew/twocpu/).
 *
 *   Z80 @ 3 MHz main CPU, 6502 @ 1.5 MHz sound CPU, a sound latch each way, an interrupt every 64 lines,
 *   a switchable 8 KiB ROM bank, 256 bytes of battery-backed RAM and a dial (analog input).
 *   Screen 256×224 of a 384×256 raster at 6 MHz (61.04 Hz).
 *
 * Main CPU map:  0000-3fff ROM         8000-9fff bank (4 blocks of region 'banks')
 *                c000-c7ff work RAM    d000 W command to the sound CPU / R its reply
 *                d002 W bank select    d003 R dial           e000-e0ff battery RAM
 * Sound CPU map: 0000-07ff RAM         1000 R command        1001 W reply          f000-ffff ROM
 */
import { Z80 } from '../../cpus/z80/z80';
import { M6502 } from '../../cpus/m6502/m6502';
import type { MemoryBank } from '../../src/core/bank';
import { Device, type Serializer } from '../../src/core/device';
import { GenericLatch8 } from '../../src/core/devices/generic-latch';
import { ScanlineInterrupt } from '../../src/core/devices/scanline-timer';
import { defineDevices, defineHardware, type Devices, type GameDefinition, type MapEntry } from '../../src/core/driver-schema';
import { analog, port } from '../../src/core/input';
import { HOLD_LINE } from '../../src/core/line';
import type { Screen } from '../../src/core/screen';

/** The board's own logic: the bank select register and a picture (one band per interrupt of the frame). */
export class ExampleBoard extends Device {
  private bankSelect = 0;

  constructor(
    tag: string,
    private readonly bank: MemoryBank,
    private readonly work: Uint8Array,
    private readonly screen: Screen,
  ) {
    super(tag, 0);
  }

  /** 0xd002: bits 0-1 choose the 8 KiB block shown at 0x8000. */
  bankWrite(_offset: number, data: number): void {
    this.bankSelect = data & 3;
    this.bank.select(this.bankSelect);
  }

  draw(): void {
    const out = this.screen.output;
    const shade = this.work[0] & 0xff; // the interrupt count
    out.fill(0xff000000 | (shade * 0x010101));
  }

  reset(): void {
    this.bankSelect = 0;
    this.bank.select(0);
  }

  serialize(s: Serializer): void {
    this.bankSelect = s.u8(this.bankSelect);
  }
}

export const exampleDevices = defineDevices({
  maincpu: {
    clock: 3_000_000,
    create: (c) => new Z80(c.tag, c.clock, c.space('program'), c.space('io')),
    spaces: { program: { bits: 16 }, io: { bits: 16 } },
  },
  soundcpu: {
    clock: 1_500_000,
    create: (c) => new M6502(c.tag, c.clock, c.space('program')),
    spaces: { program: { bits: 16 } },
  },
  board: { create: (c) => new ExampleBoard(c.tag, c.bank('rombank'), c.share('work'), c.screen) },
  // MAME drivers boost the interleave after a command so the sound CPU answers promptly.
  soundlatch: { create: (c) => new GenericLatch8(c, { boostInterleaveUs: 50 }) },
  replylatch: { create: (c) => new GenericLatch8(c) },
  // Lines 0, 64, 128 and 192, held until the Z80 acknowledges (MAME HOLD_LINE).
  lineirq: { create: (c) => new ScanlineInterrupt(c, { first: 0, every: 64, state: HOLD_LINE }) },
});

export type ExampleDevices = Devices<typeof exampleDevices>;

export function exampleMainMap(d: ExampleDevices): MapEntry[] {
  return [
    { at: [0x0000, 0x3fff], rom: 'maincpu' },
    { at: [0x8000, 0x9fff], bank: 'rombank' },
    { at: [0xc000, 0xc7ff], ram: 'work' },
    { at: [0xd000, 0xd000], write: d.soundlatch.write, read: d.replylatch.read },
    { at: [0xd002, 0xd002], write: d.board.bankWrite },
    { at: [0xd003, 0xd003], read: { port: 'DIAL' } },
    { at: [0xe000, 0xe0ff], ram: 'nvram' },
  ];
}

export function exampleSoundMap(d: ExampleDevices): MapEntry[] {
  return [
    { at: [0x0000, 0x07ff], ram: 'soundram' },
    { at: [0x1000, 0x1000], read: d.soundlatch.read },
    { at: [0x1001, 0x1001], write: d.replylatch.write },
    { at: [0xf000, 0xffff], rom: 'soundcpu', offset: 0 },
  ];
}

export const exampleHw = defineHardware({
  devices: exampleDevices,
  regions: { maincpu: { size: 0x4000 }, banks: { size: 0x8000 }, soundcpu: { size: 0x1000, fill: 0xff } },
  shares: { work: { size: 0x800 }, soundram: { size: 0x800 }, nvram: { size: 0x100, nvram: true } },
  banks: { rombank: { region: 'banks', size: 0x2000, count: 4 } },
  screen: { pixelClock: 6_000_000, hTotal: 384, vTotal: 256, hVisible: [0, 255], vVisible: [0, 223] },
  wire: (d, m) => ({
    maps: {
      maincpu: { program: exampleMainMap(d) },
      soundcpu: { program: exampleSoundMap(d) },
    },
    lines: [
      [d.lineirq.irq, m.cpu.maincpu.irq],
      [d.soundlatch.pending, m.cpu.soundcpu.nmi],
    ],
    screen: { update: d.board.draw },
    speakers: {},
  }),
});

export const exampleInputs = {
  DIAL: port([analog(0xff, 'DIAL', { name: 'Dial', sensitivity: 50 })]),
};

export const games: GameDefinition[] = [
  {
    name: 'twocpu', title: 'Two-CPU example board (driver guide)', year: '2026', maker: 'Arcade project (homebrew)',
    driver: 'example', hw: exampleHw, inputs: exampleInputs, rotate: 0, homebrew: true, status: { noSound: true },
  },
];
