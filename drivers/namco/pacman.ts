/**
 * Namco Pac-Man hardware (1980): Puck Man (Japan), Pac-Man (Midway) and our homebrew `pacdemo`.
 *
 *   Z80 @ 3.072 MHz (18.432 MHz / 6), IM 2 VBLANK interrupt with the vector byte latched by OUT (0)
 *   Namco WSG, 3 voices, 96 kHz (3.072 MHz / 32), waveforms in 82s126 @ 1M
 *   288×224 @ 60.606061 Hz (6.144 MHz pixel clock, 384 × 264), monitor rotated 90° (upright 224×288)
 *
 * Sources: MAME 0.251 `pacman/pacman.cpp` and `pacman_v.cpp` (facts only), the board measured through
 * ../shared/oracle with our own ROMs (../shared/oracle/README.md "Pac-Man hardware facts").
 * Not emulated: coin counter/lockout and start lamps are outputs with no effect; the 82s126 timing PROM
 * at 3M (MAME does not need it either).
 *
 * Memory map (program space; A15 is not decoded, hence the 0x8000 mirrors):
 *   0000-3fff  ROM 6E/6F/6H/6J                    5000-5007  W LS259 latch (bit 0 of data)
 *   4000-43ff  video RAM (tile codes)             5000       R IN0
 *   4400-47ff  colour RAM                         5040       R IN1
 *   4800-4bff  reads 0xbf, writes ignored         5040-505f  W sound registers
 *   4c00-4fef  work RAM                           5060-506f  W sprite coordinates (write-only RAM)
 *   4ff0-4fff  sprite attributes                  5080       R DSW1       50c0  W watchdog, R DSW2 (0)
 */
import { Z80 } from '../../cpus/z80/z80';
import { Device, type Serializer } from '../../src/core/device';
import { Ls259 } from '../../src/core/devices/ls259';
import { Watchdog } from '../../src/core/devices/watchdog';
import { defineDevices, defineHardware, type Devices, type GameDefinition, type MapEntry } from '../../src/core/driver-schema';
import { bit, config, dip, port, type InputPorts } from '../../src/core/input';
import { CLEAR_LINE, HOLD_LINE, OutputLine } from '../../src/core/line';
import { NamcoWsg } from '../../sound/namco-wsg/namco-wsg';
import { PacmanVideo } from './pacman.video';

const MASTER = 18_432_000; // main crystal
const CPU_CLOCK = MASTER / 6;
const PIXEL_CLOCK = MASTER / 3;

/**
 * Board glue (MAME's driver state): IRQ enable from the latch, the vector byte from OUT (0), and the
 * VBLANK interrupt, held until the Z80 acknowledges it (MAME HOLD_LINE; the machine clears it).
 */
export class PacmanBoard extends Device {
  irqMask = 0;
  vector = 0;
  /** the Z80's INT input */
  readonly irq = new OutputLine();
  /** lamps and coin outputs, for the app's indicators */
  readonly outputs = new Uint8Array(8);

  constructor(tag: string) {
    super(tag, 0);
  }

  /** LS259 Q0 at 0x5000. */
  setIrqMask(state: number): void {
    this.irqMask = state & 1;
  }
  /** I/O port 0 (any port with A0-A7 = 0): MAME `set_input_line_vector`. */
  vectorWrite(_offset: number, data: number): void {
    this.vector = data;
  }
  /** The byte on the bus when the Z80 acknowledges (IM 2 vector low byte). */
  interruptVector(): number {
    return this.vector;
  }
  setVblank(state: number): void {
    if (state && this.irqMask) this.irq.set(HOLD_LINE);
  }
  setLamp1(state: number): void { this.outputs[4] = state; }
  setLamp2(state: number): void { this.outputs[5] = state; }
  setCoinLockout(state: number): void { this.outputs[6] = state; }
  setCoinCounter(state: number): void { this.outputs[7] = state; }

  reset(): void {
    this.irqMask = 0;
    this.vector = 0;
    this.irq.set(CLEAR_LINE);
  }

  serialize(s: Serializer): void {
    this.irqMask = s.u8(this.irqMask);
    this.vector = s.u8(this.vector);
    s.block(this.outputs);
  }
}

export const pacmanDevices = defineDevices({
  maincpu: {
    clock: CPU_CLOCK,
    create: (c) => new Z80(c.tag, c.clock, c.space('program'), c.space('io')),
    // The I/O space decodes A0-A7 only (MAME global_mask 0xff): the map mirrors port 0 over A8-A15.
    spaces: { program: { bits: 16, openBus: 0xff }, io: { bits: 16 } },
  },
  board: { create: (c) => new PacmanBoard(c.tag) },
  namco: { clock: CPU_CLOCK / 32, create: (c) => new NamcoWsg(c.tag, c.clock, c.region('namco'), 3) },
  video: {
    create: (c) => new PacmanVideo(c.tag, {
      gfx: c.region('gfx1'), proms: c.region('proms'), videoram: c.share('videoram'), colorram: c.share('colorram'),
      spriteram: c.share('spriteram'), spriteram2: c.share('spriteram2'), screen: c.screen,
    }),
  },
  mainlatch: { create: (c) => new Ls259(c.tag) },
  watchdog: { create: (c) => new Watchdog(c.tag, 16) },
});

export type PacmanDevices = Devices<typeof pacmanDevices>;

/** The Z80 program map (MAME `pacman_map`): the ROM, then the board's RAM and I/O. */
export function pacmanMainMap(d: PacmanDevices): MapEntry[] {
  return [{ at: [0x0000, 0x3fff], mirror: 0x8000, rom: 'maincpu' }, ...pacmanBoardMap(d)];
}

/** RAM, video and I/O of the Pac-Man board, without the program ROM: variant boards put their own ROM under it. */
export function pacmanBoardMap(d: PacmanDevices): MapEntry[] {
  return [
    { at: [0x4000, 0x43ff], mirror: 0xa000, ram: 'videoram' },
    { at: [0x4400, 0x47ff], mirror: 0xa000, ram: 'colorram' },
    { at: [0x4800, 0x4bff], mirror: 0xa000, read: { value: 0xbf }, nop: 'w' }, // MAME pacman_read_nop
    { at: [0x4c00, 0x4fef], mirror: 0xa000, ram: 'workram' },
    { at: [0x4ff0, 0x4fff], mirror: 0xa000, ram: 'spriteram' },
    { at: [0x5000, 0x5007], mirror: 0xaf38, write: d.mainlatch.write },
    { at: [0x5040, 0x505f], mirror: 0xaf00, write: d.namco.write },
    { at: [0x5060, 0x506f], mirror: 0xaf00, ram: 'spriteram2', writeOnly: true },
    { at: [0x5070, 0x507f], mirror: 0xaf00, nop: 'w' },
    { at: [0x5080, 0x5080], mirror: 0xaf3f, nop: 'w' },
    { at: [0x50c0, 0x50c0], mirror: 0xaf3f, write: d.watchdog.kick },
    { at: [0x5000, 0x5000], mirror: 0xaf3f, read: { port: 'IN0' } },
    { at: [0x5040, 0x5040], mirror: 0xaf3f, read: { port: 'IN1' } },
    { at: [0x5080, 0x5080], mirror: 0xaf3f, read: { port: 'DSW1' } },
    { at: [0x50c0, 0x50c0], mirror: 0xaf3f, read: { port: 'DSW2' } },
  ];
}

/** The Z80 I/O map: port 0 latches the interrupt vector. */
export function pacmanIoMap(d: PacmanDevices): MapEntry[] {
  return [{ at: [0x0000, 0x0000], mirror: 0xff00, write: d.board.vectorWrite }];
}

export const pacmanHw = defineHardware({
  devices: pacmanDevices,
  regions: {
    maincpu: { size: 0x10000 },
    gfx1: { size: 0x2000 },
    proms: { size: 0x0120 },
    namco: { size: 0x0200 },
  },
  shares: {
    videoram: { size: 0x400 },
    colorram: { size: 0x400 },
    workram: { size: 0x3f0 },
    spriteram: { size: 0x10 },
    spriteram2: { size: 0x10 },
  },
  screen: { pixelClock: PIXEL_CLOCK, hTotal: 384, vTotal: 264, hVisible: [0, 287], vVisible: [0, 223] },
  wire: (d, m) => ({
    maps: { maincpu: { program: pacmanMainMap(d), io: pacmanIoMap(d) } },
    lines: [
      [d.board.irq, m.cpu.maincpu.irq],
      [d.mainlatch.q[0], d.board.setIrqMask],
      [d.mainlatch.q[1], d.namco.setEnable],
      [d.mainlatch.q[3], d.video.setFlip],
      [d.mainlatch.q[4], d.board.setLamp1],
      [d.mainlatch.q[5], d.board.setLamp2],
      [d.mainlatch.q[6], d.board.setCoinLockout],
      [d.mainlatch.q[7], d.board.setCoinCounter],
      [d.watchdog.resetOut, m.reset],
    ],
    screen: { update: d.video.draw, vblank: [d.board.setVblank, d.watchdog.vblank] },
    cpus: { maincpu: { irqAck: d.board.interruptVector } },
    speakers: { mono: [{ from: d.namco, gain: 1.0 }] },
  }),
});

export const pacmanInputs: InputPorts = {
  IN0: port([
    bit(0x01, 'P1_JOYSTICK_UP', { ways: 4 }),
    bit(0x02, 'P1_JOYSTICK_LEFT', { ways: 4 }),
    bit(0x04, 'P1_JOYSTICK_RIGHT', { ways: 4 }),
    bit(0x08, 'P1_JOYSTICK_DOWN', { ways: 4 }),
    dip('Rack Test (Cheat)', 0x10, 'Off', { Off: 0x10, On: 0x00 }, 'SW:7'), // MAME 0.251 lists it at SW:7
    bit(0x20, 'COIN1'),
    bit(0x40, 'COIN2'),
    bit(0x80, 'SERVICE1'),
  ]),
  IN1: port([
    bit(0x01, 'P2_JOYSTICK_UP', { ways: 4 }),
    bit(0x02, 'P2_JOYSTICK_LEFT', { ways: 4 }),
    bit(0x04, 'P2_JOYSTICK_RIGHT', { ways: 4 }),
    bit(0x08, 'P2_JOYSTICK_DOWN', { ways: 4 }),
    dip('Service Mode', 0x10, 'Off', { Off: 0x10, On: 0x00 }, undefined, 'SERVICE_MODE'), // MAME PORT_SERVICE: a switch with no location
    bit(0x20, 'START1'),
    bit(0x40, 'START2'),
    config('Cabinet', 0x80, 'Upright', { Upright: 0x80, Cocktail: 0x00 }),
  ]),
  DSW1: port([
    dip('Coinage', 0x03, '1 Coin/1 Credit', { '2 Coins/1 Credit': 0x03, '1 Coin/1 Credit': 0x01, '1 Coin/2 Credits': 0x02, 'Free Play': 0x00 }, 'SW:1,2'),
    dip('Lives', 0x0c, '3', { '1': 0x00, '2': 0x04, '3': 0x08, '5': 0x0c }, 'SW:3,4'),
    dip('Bonus Life', 0x30, '10000', { '10000': 0x00, '15000': 0x10, '20000': 0x20, None: 0x30 }, 'SW:5,6'),
    // MAME 0.251 declares these two as configuration settings, not DIP switches.
    config('Difficulty', 0x40, 'Normal', { Normal: 0x40, Hard: 0x00 }),
    config('Ghost Names', 0x80, 'Normal', { Normal: 0x80, Alternate: 0x00 }),
  ]),
  // No switches: MAME declares the port empty and it reads 0x00 (measured).
  DSW2: port([]),
};

export const games: GameDefinition[] = [
  { name: 'puckman', title: 'Puck Man (Japan set 1)', year: '1980', maker: 'Namco', driver: 'pacman', hw: pacmanHw, inputs: pacmanInputs, rotate: 90 },
  { name: 'pacman', parent: 'puckman', title: 'Pac-Man (Midway)', year: '1980', maker: 'Namco (Midway license)', driver: 'pacman', hw: pacmanHw, inputs: pacmanInputs, rotate: 90 },
  {
    name: 'pacdemo', title: 'Pac-Man hardware demo (Arcade homebrew)', year: '2026', maker: 'Arcade project (homebrew)', driver: 'pacman',
    hw: pacmanHw, inputs: pacmanInputs, rotate: 90, homebrew: true,
  },
  {
    name: 'pacstress', title: 'Pac-Man hardware stress test (Arcade homebrew)', year: '2026', maker: 'Arcade project (homebrew)', driver: 'pacman',
    hw: pacmanHw, inputs: pacmanInputs, rotate: 90, homebrew: true,
  },
];
