/**
 * Snow Bros. hardware (Toaplan/Kaneko, 1990; PCB MIN16-02): Snow Bros. - Nick & Tom and its clones, and
 * our homebrew `sbdemo`.
 *
 *   MC68000 @ 8 MHz (16 MHz / 2), three autovectored interrupts per frame, held until acknowledged
 *   Z80B @ 6 MHz (12 MHz / 2) sound CPU: NMI from the sound latch, INT from the YM3812
 *   YM3812 @ 3 MHz (12 MHz / 4) + YM3014 DAC, mono
 *   Kaneko Pandora sprite chip (video/kaneko-pandora), 256-colour xBGR 5-5-5 palette RAM
 *   256×224 visible of 256×262 at 57.5 Hz, not rotated
 *
 * Sources: MAME 0.251 `kaneko/snowbros.cpp` (facts only: maps, clocks, `snowbros_irq` scanlines, the
 * latches' wiring) and ../shared/docs/DRIVER-TARGETS.md § Snow Bros. (measured on MAME with our programs).
 * Not emulated: nothing on this board that MAME emulates is left out; the bootleg/SemiCom variants of
 * `snowbros.cpp` (other maps, OKI sound, protection MCUs) are other boards.
 *
 * 68000 memory map:
 *   000000-03ffff  ROM (two 128 KiB files, byte-interleaved: even bytes, odd bytes)
 *   100000-103fff  work RAM                         500000/2/4  R DSW1 / DSW2 / SYSTEM words
 *   200000         W watchdog (3 s once armed)      600000-6001ff palette RAM (xBGR 5-5-5)
 *   300001         R reply latch / W command latch  700000-701fff Pandora sprite RAM (low byte lane)
 *   400000         W bit 7 = 0: flip screen         800000/900000/a00000  W acknowledge IRQ 4 / 3 / 2
 * Z80: 0000-7fff ROM, 8000-87ff RAM; I/O (A0-A7) 02-03 YM3812, 04 R command / W reply.
 */
import { M68000 } from '../../cpus/m68000/m68000';
import { Z80 } from '../../cpus/z80/z80';
import { Device, type Serializer } from '../../src/core/device';
import { GenericLatch8 } from '../../src/core/devices/generic-latch';
import { ScanlineTimer } from '../../src/core/devices/scanline-timer';
import { defineDevices, defineHardware, type BuildContext, type Devices, type GameDefinition, type MapEntry } from '../../src/core/driver-schema';
import { bit, conditionalDip, dip, port, type InputPorts } from '../../src/core/input';
import { ASSERT_LINE, CLEAR_LINE, OutputLine, PULSE_LINE } from '../../src/core/line';
import type { Timer } from '../../src/core/scheduler';
import { Ym3812 } from '../../sound/ym3812/ym3812';
import { KanekoPandora } from '../../video/kaneko-pandora/kaneko-pandora';
import { LINES, snowbrosSprites, SnowbrosVideo, VISIBLE, WIDTH } from './snowbros.video';

const XTAL_16M = 16_000_000;
const XTAL_12M = 12_000_000;
const REFRESH_HZ = 57.5;
/** MAME sets the refresh rate, not a pixel clock; this one gives exactly 57.5 Hz over 256 × 262. */
const PIXEL_CLOCK = REFRESH_HZ * WIDTH * LINES;
/** ../shared/docs/DRIVER-TARGETS.md: once written, the watchdog resets the board 3.0 s after the last write */
const WATCHDOG_SECONDS = 3;

/**
 * Board glue (MAME's `snowbros_state`): the three interrupt levels raised by the scanline timer and
 * cleared by their acknowledge writes, the watchdog (time-based, armed by the first write), the
 * flip-screen register and the input words.
 */
export class SnowbrosBoard extends Device {
  /** 68000 interrupt levels 2, 3 and 4 (MAME `set_input_line(n, ASSERT/CLEAR)`) */
  readonly irq2 = new OutputLine();
  readonly irq3 = new OutputLine();
  readonly irq4 = new OutputLine();
  /** pulsed when the watchdog runs out: the machine's reset */
  readonly resetOut = new OutputLine();
  /** called with the flip state (data bit 7 low = flipped), to the sprite chip */
  readonly flip = new OutputLine();
  watchdogArmed = 0;
  private readonly watchdogTimer: Timer;
  private readonly ports: (() => number)[];
  private readonly ticksPerSecond: number;

  constructor(c: BuildContext) {
    super(c.tag, 0);
    this.ports = [c.port('DSW1'), c.port('DSW2'), c.port('SYSTEM')];
    this.ticksPerSecond = c.scheduler.ticksPerSecond;
    this.watchdogTimer = c.timer(this, 'watchdog', () => { this.watchdogArmed = 0; this.resetOut.set(PULSE_LINE); });
  }

  /** Scanline timer (every line): MAME `snowbros_irq` raises level 4 at line 32, 3 at 128, 2 at 240. */
  scanline(line: number): void {
    if (line === 240) this.irq2.set(ASSERT_LINE);
    else if (line === 128) this.irq3.set(ASSERT_LINE);
    else if (line === 32) this.irq4.set(ASSERT_LINE);
  }

  irq4Ack(_offset: number, _data: number, _mask: number): void { this.irq4.set(CLEAR_LINE); }
  irq3Ack(_offset: number, _data: number, _mask: number): void { this.irq3.set(CLEAR_LINE); }
  irq2Ack(_offset: number, _data: number, _mask: number): void { this.irq2.set(CLEAR_LINE); }

  watchdogWrite(_offset: number, _data: number, _mask: number): void {
    this.watchdogArmed = 1;
    this.watchdogTimer.adjust(WATCHDOG_SECONDS * this.ticksPerSecond);
  }

  /** 0x400000 (byte, high lane): data bit 7 low flips the screen. */
  flipWrite(_offset: number, data: number): void {
    this.flip.set((data & 0x80) === 0 ? 1 : 0);
  }

  /** 0x500000-0x500005: DSW1, DSW2, SYSTEM as words (DIPs in the low byte, controls in the high byte). */
  inputRead(offset: number): number {
    return this.ports[(offset >> 1) % 3]() & 0xffff;
  }

  reset(): void {
    this.irq2.set(CLEAR_LINE);
    this.irq3.set(CLEAR_LINE);
    this.irq4.set(CLEAR_LINE);
    this.watchdogTimer.stop();
    this.watchdogArmed = 0;
  }

  serialize(s: Serializer): void {
    this.watchdogArmed = s.u8(this.watchdogArmed);
  }
}

export const snowbrosDevices = defineDevices({
  maincpu: {
    clock: XTAL_16M / 2,
    create: (c) => new M68000(c.tag, c.clock, c.space('program')),
    spaces: { program: { bits: 24, endian: 'big', dataBits: 16, openBus: 0x00 } },
  },
  soundcpu: {
    clock: XTAL_12M / 2,
    create: (c) => new Z80(c.tag, c.clock, c.space('program'), c.space('io')),
    // unmapped reads give 0 on both CPUs (measured in MAME 0.251: Z80 0x9000 and I/O 0x00, 68000 0xc00000)
    spaces: { program: { bits: 16, openBus: 0x00 }, io: { bits: 16, openBus: 0x00 } },
  },
  ymsnd: { clock: XTAL_12M / 4, create: (c) => new Ym3812(c.tag, c.clock, c.scheduler) },
  pandora: { create: (c) => new KanekoPandora(c.tag, snowbrosSprites(c.region('gfx1')), VISIBLE, WIDTH, LINES) },
  video: { create: (c) => new SnowbrosVideo(c.tag, c.share('palette'), c.screen) },
  // 68000 → Z80 command (data pending = Z80 NMI) and Z80 → 68000 reply
  soundlatch: { create: (c) => new GenericLatch8(c) },
  soundlatch2: { create: (c) => new GenericLatch8(c) },
  // MAME configure_scanline(snowbros_irq, "screen", 0, 1): a timer at every line
  scantimer: { create: (c) => new ScanlineTimer(c, { first: 0, every: 1 }) },
  board: { create: (c) => new SnowbrosBoard(c) },
});

export type SnowbrosDevices = Devices<typeof snowbrosDevices>;

export function snowbrosMainMap(d: SnowbrosDevices): MapEntry[] {
  return [
    { at: [0x000000, 0x03ffff], rom: 'maincpu' },
    { at: [0x100000, 0x103fff], ram: 'mainram' },
    { at: [0x200000, 0x200001], write16: d.board.watchdogWrite },
    { at: [0x300001, 0x300001], read: d.soundlatch2.read, write: d.soundlatch.write },
    { at: [0x400000, 0x400000], write: d.board.flipWrite },
    { at: [0x500000, 0x500005], read16: d.board.inputRead },
    { at: [0x600000, 0x6001ff], ram: 'palette', write: d.video.paletteWritten },
    { at: [0x700000, 0x701fff], read16: d.pandora.spriteramLsbRead16, write16: d.pandora.spriteramLsbWrite16 },
    { at: [0x800000, 0x800001], write16: d.board.irq4Ack },
    { at: [0x900000, 0x900001], write16: d.board.irq3Ack },
    { at: [0xa00000, 0xa00001], write16: d.board.irq2Ack },
  ];
}

export function snowbrosSoundMap(): MapEntry[] {
  return [
    { at: [0x0000, 0x7fff], rom: 'soundcpu' },
    { at: [0x8000, 0x87ff], ram: 'soundram' },
  ];
}

/** MAME global_mask(0xff): A8-A15 are not decoded. */
export function snowbrosSoundIo(d: SnowbrosDevices): MapEntry[] {
  return [
    { at: [0x02, 0x03], mirror: 0xff00, read: d.ymsnd.read, write: d.ymsnd.write },
    { at: [0x04, 0x04], mirror: 0xff00, read: d.soundlatch.read, write: d.soundlatch2.write },
  ];
}

export const snowbrosHw = defineHardware({
  devices: snowbrosDevices,
  regions: {
    // MAME ROM_LOAD16_BYTE: the two program files hold the even and the odd bytes
    maincpu: { size: 0x40000, interleave: 2 },
    soundcpu: { size: 0x8000 },
    gfx1: { size: 0x80000 },
  },
  shares: {
    mainram: { size: 0x4000 },
    palette: { size: 0x200 },
    soundram: { size: 0x800 },
  },
  screen: { pixelClock: PIXEL_CLOCK, hTotal: WIDTH, vTotal: LINES, hVisible: [VISIBLE.minX, VISIBLE.maxX], vVisible: [VISIBLE.minY, VISIBLE.maxY] },
  wire: (d, m) => ({
    maps: {
      maincpu: { program: snowbrosMainMap(d) },
      soundcpu: { program: snowbrosSoundMap(), io: snowbrosSoundIo(d) },
    },
    lines: [
      [d.scantimer.tick, d.board.scanline],
      [d.board.irq2, m.cpu.maincpu.line(2)],
      [d.board.irq3, m.cpu.maincpu.line(3)],
      [d.board.irq4, m.cpu.maincpu.line(4)],
      [d.board.flip, d.pandora.setFlip],
      [d.board.resetOut, m.reset],
      [d.soundlatch.pending, m.cpu.soundcpu.nmi],
      [d.ymsnd.irq, m.cpu.soundcpu.irq],
    ],
    // the screen is drawn first, then the sprite chip renders its list for the next frame
    screen: { update: () => d.video.draw(d.pandora), vblank: d.pandora.vblank },
    speakers: { mono: [{ from: d.ymsnd, gain: 1.0 }] },
  }),
});

/** The Region switch (DSW1 bit 0: 0 = Europe, 1 = America) that the coinage settings depend on. */
const EUROPE = { port: 'DSW1', mask: 0x0001, relation: 'eq' as const, value: 0 };
const AMERICA = { port: 'DSW1', mask: 0x0001, relation: 'eq' as const, value: 1 };

/** MAME 0.251 INPUT_PORTS_START( snowbros ): DIPs in the low byte, controls (active low) in the high byte. */
export const snowbrosInputs: InputPorts = {
  DSW1: port([
    dip('Region', 0x0001, 'Europe', { Europe: 0x0000, 'America (Romstar license)': 0x0001 }, 'SW1:1'),
    dip('Flip Screen', 0x0002, 'Off', { Off: 0x0002, On: 0x0000 }, 'SW1:2'),
    dip('Service Mode', 0x0004, 'Off', { Off: 0x0004, On: 0x0000 }, 'SW1:3'),
    dip('Demo Sounds', 0x0008, 'On', { Off: 0x0000, On: 0x0008 }, 'SW1:4'),
    // Coinage depends on the Region switch (MAME 0.251 -listxml snowbros: PORT_CONDITION on DSW1 bit 0).
    conditionalDip('Coin A', 0x0030, 0x0030, [
      { name: '4 Coins/1 Credit', value: 0x0000, condition: EUROPE }, { name: '3 Coins/1 Credit', value: 0x0010, condition: EUROPE },
      { name: '2 Coins/1 Credit', value: 0x0020, condition: EUROPE }, { name: '2 Coins/1 Credit', value: 0x0010, condition: AMERICA },
      { name: '1 Coin/1 Credit', value: 0x0030 }, { name: '2 Coins/3 Credits', value: 0x0000, condition: AMERICA },
      { name: '1 Coin/2 Credits', value: 0x0020, condition: AMERICA },
    ], 'SW1:5,6'),
    conditionalDip('Coin B', 0x00c0, 0x00c0, [
      { name: '2 Coins/1 Credit', value: 0x0040, condition: AMERICA }, { name: '1 Coin/1 Credit', value: 0x00c0, condition: AMERICA },
      { name: '2 Coins/3 Credits', value: 0x0000, condition: AMERICA }, { name: '1 Coin/2 Credits', value: 0x0080, condition: AMERICA },
      { name: '1 Coin/2 Credits', value: 0x00c0, condition: EUROPE }, { name: '1 Coin/3 Credits', value: 0x0080, condition: EUROPE },
      { name: '1 Coin/4 Credits', value: 0x0040, condition: EUROPE }, { name: '1 Coin/6 Credits', value: 0x0000, condition: EUROPE },
    ], 'SW1:7,8'),
    bit(0x0100, 'P1_JOYSTICK_UP', { ways: 8 }),
    bit(0x0200, 'P1_JOYSTICK_DOWN', { ways: 8 }),
    bit(0x0400, 'P1_JOYSTICK_LEFT', { ways: 8 }),
    bit(0x0800, 'P1_JOYSTICK_RIGHT', { ways: 8 }),
    bit(0x1000, 'P1_BUTTON1'),
    bit(0x2000, 'P1_BUTTON2'),
    bit(0x4000, 'P1_BUTTON3'),
  ]),
  DSW2: port([
    dip('Difficulty', 0x0003, 'Normal', { Easy: 0x0002, Normal: 0x0003, Hard: 0x0001, Hardest: 0x0000 }, 'SW2:1,2'),
    dip('Bonus Life', 0x000c, '100k Only', { '100k and every 200k': 0x0004, '100k Only': 0x000c, '200k Only': 0x0008, None: 0x0000 }, 'SW2:3,4'),
    dip('Lives', 0x0030, '3', { '1': 0x0020, '2': 0x0000, '3': 0x0030, '4': 0x0010 }, 'SW2:5,6'),
    dip('Invulnerability', 0x0040, 'Off', { Off: 0x0040, On: 0x0000 }, 'SW2:7'),
    dip('Allow Continue', 0x0080, 'Yes', { No: 0x0000, Yes: 0x0080 }, 'SW2:8'),
    bit(0x0100, 'P2_JOYSTICK_UP', { ways: 8 }),
    bit(0x0200, 'P2_JOYSTICK_DOWN', { ways: 8 }),
    bit(0x0400, 'P2_JOYSTICK_LEFT', { ways: 8 }),
    bit(0x0800, 'P2_JOYSTICK_RIGHT', { ways: 8 }),
    bit(0x1000, 'P2_BUTTON1'),
    bit(0x2000, 'P2_BUTTON2'),
    bit(0x4000, 'P2_BUTTON3'),
  ]),
  // bits 12 and 15 are IPT_UNKNOWN, active low (read 1); the low byte has no fields (reads 0)
  SYSTEM: port([
    bit(0x0100, 'START1'),
    bit(0x0200, 'START2'),
    bit(0x0400, 'COIN1'),
    bit(0x0800, 'COIN2'),
    bit(0x2000, 'TILT'),
    bit(0x4000, 'COIN3'),
  ], { unusedBits: 0x9000 }),
};

/** MAME 0.251 `snowbroj` ports (sets snowbrosj, snowbrosd): switch 1 is "Unknown", on by default. */
export const snowbrojInputs: InputPorts = {
  ...snowbrosInputs,
  DSW1: port([dip('Unknown', 0x0001, 'On', { Off: 0x0000, On: 0x0001 }, 'SW1:1'), ...snowbrosInputs.DSW1.fields.slice(1)]),
};

const board = { driver: 'snowbros', hw: snowbrosHw, inputs: snowbrosInputs, rotate: 0 as const };

export const games: GameDefinition[] = [
  { name: 'snowbros', title: 'Snow Bros. - Nick & Tom (set 1)', year: '1990', maker: 'Toaplan', ...board },
  { name: 'snowbrosa', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (set 2)', year: '1990', maker: 'Toaplan', ...board },
  { name: 'snowbrosb', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (set 3)', year: '1990', maker: 'Toaplan', ...board },
  { name: 'snowbrosc', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (set 4)', year: '1990', maker: 'Toaplan', ...board },
  { name: 'snowbrosj', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (Japan)', year: '1990', maker: 'Toaplan', ...board, inputs: snowbrojInputs },
  { name: 'snowbrosd', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (Dooyong license)', year: '1990', maker: 'Toaplan (Dooyong license)', ...board, inputs: snowbrojInputs },
  { name: 'sbdemo', title: 'Snow Bros. hardware demo (Arcade homebrew)', year: '2026', maker: 'Arcade project (homebrew)', ...board, homebrew: true },
];
