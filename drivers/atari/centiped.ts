/**
 * Atari Centipede hardware (1980): Centipede revisions 4 (`centiped`), 3 and 2, and our homebrew `cendemo`.
 *
 *   6502 @ 1.512 MHz (12.096 MHz / 8) on a 14-bit address bus: everything repeats every 16 KiB
 *   POKEY @ 1.512 MHz (sound; its output through an op-amp low-pass: 3.3 kΩ, 0.01 µF, 5 V), gain 0.5
 *   ER2055 EAROM, 64 bytes: the high-score table, kept in the NVRAM folder
 *   256×240 visible of 256×256 at 60 Hz (MAME set_refresh_hz), monitor rotated 270° (upright 240×256)
 *
 * Sources: MAME 0.251 `atari/centiped.cpp` / `centiped_v.cpp` (facts only), `mame -listxml` and the
 * oracle's `--list-inputs` for ports, fields and DIP settings, ../shared/docs/DRIVER-TARGETS.md § Centipede
 * (measured on MAME 0.251 with our test programs).
 *
 * Memory map (program space, A14/A15 not decoded):
 *   0000-03ff  RAM                            1000-100f  POKEY
 *   0400-07bf  video RAM (playfield)          1400-140f  W palette RAM
 *   07c0-07ff  sprite RAM                     1600-163f  W EAROM address + data latch
 *   0800       R DSW1       0801  R DSW2      1680       W EAROM control (CK = D0, C1 = /D1, C2 = D2, CS1 = D3)
 *   0c00       R IN0: trackball X nibble, bit 4 cabinet/unused, 5 service, 6 VBLANK, 7 direction
 *   0c01       R IN1        0c03  R IN3       1700-173f  R EAROM data
 *   0c02       R IN2: trackball Y nibble, bit 7 direction            1800  W IRQ acknowledge
 *   1c00-1c07  W LS259 (data bit 7): coin counters L/C/R, start LEDs 1-2 (0 = lit), Q7 flip/cocktail trackball
 *   2000       W watchdog (8 VBLANKs)         2000-3fff  R ROM
 *
 * Interrupt: a timer every 16 lines (0, 16, … 240) sets the IRQ line on lines 16 + 32k to the level of the
 * previous 32V: asserted at 48, 112, 176, 240, cleared at 16, 80, 144, 208 unless acknowledged first (a level:
 * an unacknowledged IRQ re-enters after RTI). The same timer draws the picture up to its line (MAME's
 * update_partial for sprite multiplexing), so RAM changes show from the next 16-line band.
 *
 * POKEY timing as MAME runs it: the chip is a second execute device (a scheduler slot here too), run after
 * the CPU up to each slice end; a CPU read mid-slice sees it where it stopped, and every access ends the
 * CPU's slice; writes land from a zero-delay timer once the chip has caught up.
 *
 * Not emulated: the CPU's slow-down to 0.756 MHz on playfield RAM accesses (MAME does not emulate it
 * either), coin counters and LEDs beyond their outputs, Game Time, the flip of the playfield (MAME 0.251 only
 * moves the sprite clip).
 */
import { M6502 } from '../../cpus/m6502/m6502';
import { Device, type Serializer } from '../../src/core/device';
import { Er2055 } from '../../src/core/devices/er2055';
import { Ls259 } from '../../src/core/devices/ls259';
import { Watchdog } from '../../src/core/devices/watchdog';
import { ScanlineTimer } from '../../src/core/devices/scanline-timer';
import { type BuildContext, defineDevices, defineHardware, type Devices, type GameDefinition, type MapEntry } from '../../src/core/driver-schema';
import { analog, bit, dip, port, type InputPorts } from '../../src/core/input';
import { ASSERT_LINE, CLEAR_LINE, OutputLine } from '../../src/core/line';
import type { Timer } from '../../src/core/scheduler';
import type { Screen } from '../../src/core/screen';
import { Pokey } from '../../sound/pokey/pokey';
import { CentipedeVideo } from './centiped.video';

const MASTER = 12_096_000;
const CPU_CLOCK = MASTER / 8;
/** 256 × 256 pixels at exactly 60 Hz (MAME gives the screen a refresh rate, not raw timing) */
const PIXEL_CLOCK = 256 * 256 * 60;
const BAND = 16;

/**
 * Board glue (MAME's `centiped_state`): the 16-line IRQ/raster timer, IRQ acknowledge, trackball counters
 * with their direction latches, the EAROM wiring and the POKEY's place in the schedule.
 */
export class CentipedeBoard extends Device {
  /** the 6502's IRQ input */
  readonly irq = new OutputLine();
  /** trackball positions last seen and direction bits, X/Y of player 1 then of the cocktail side */
  readonly oldPos = new Uint8Array(4);
  readonly sign = new Uint8Array(4);
  /** coin counters and LEDs (LS259 Q0-Q4), for the front end */
  readonly outputs = new Uint8Array(8);
  private readonly screen: Screen;
  private readonly in0: () => number;
  private readonly in2: () => number;
  private readonly tracks: (() => number)[];
  private readonly pokeyTimer: Timer;
  private readonly pokeySync: Timer;
  private readonly pokeyQueue = new Uint16Array(4);
  private pokeyQueued = 0;
  private parts!: { pokey: Pokey; earom: Er2055; video: CentipedeVideo; outlatch: Ls259 };

  constructor(c: BuildContext) {
    super(c.tag, 0);
    this.screen = c.screen;
    this.in0 = c.port('IN0');
    this.in2 = c.port('IN2');
    this.tracks = ['TRACK0_X', 'TRACK0_Y', 'TRACK1_X', 'TRACK1_Y'].map((t) => c.port(t));
    this.pokeyTimer = c.timer(this, 'pokey write', () => this.pokeyWritten());
    this.pokeySync = c.timer(this, 'pokey sync', () => {});
  }

  /** The chips the glue talks to (wired in `init`). */
  attach(parts: { pokey: Pokey; earom: Er2055; video: CentipedeVideo; outlatch: Ls259 }): void {
    this.parts = parts;
  }

  /** MAME `generate_interrupt`, from the 16-line timer (lines 0, 16, … 240). */
  band(line: number): void {
    if (line & BAND) this.irq.set((line - 1) & 32 ? ASSERT_LINE : CLEAR_LINE);
    if (line === 0) this.parts.video.startFrame();
    this.parts.video.updateTo(line);
  }

  /** 0x1800. */
  irqAck(_offset: number, _data: number): void {
    this.irq.set(CLEAR_LINE);
  }

  /** MAME `read_trackball`: the 4-bit counter and the direction of its last change. */
  private trackball(axis: number, port: number): number {
    const idx = this.parts.video.flip ? axis + 2 : axis;
    const pos = this.tracks[idx]() & 0xff;
    if (pos !== this.oldPos[idx]) {
      this.sign[idx] = (pos - this.oldPos[idx]) & 0x80;
      this.oldPos[idx] = pos;
    }
    return (port & 0x70) | (this.oldPos[idx] & 0x0f) | this.sign[idx];
  }

  /** 0x0c00: trackball X, cabinet/service bits and VBLANK (bit 6). */
  in0Read(_offset: number): number {
    return this.trackball(0, this.in0() | (this.screen.inVblank() ? 0x40 : 0));
  }

  /** 0x0c02: trackball Y. */
  in2Read(_offset: number): number {
    return this.trackball(1, this.in2());
  }

  /** 0x1000-0x100f: the POKEY as it stood at the end of its last slice. The read arms a zero-delay timer
   *  (MAME `synchronize()`): the CPU's slice ends and no slice goes past the read until the chip caught up. */
  pokeyRead(offset: number): number {
    this.pokeySync.adjust(0, 0, 0, 0n);
    return this.parts.pokey.read(offset);
  }

  /**
   * MAME applies a POKEY write from a zero-delay timer (`synchronize(sync_write)`): the CPU stops after the
   * instruction, the chip runs up to the CPU, then the write lands. Writes of one instruction queue up.
   */
  pokeyWrite(offset: number, data: number): void {
    if (this.pokeyQueued < this.pokeyQueue.length) this.pokeyQueue[this.pokeyQueued++] = ((offset & 15) << 8) | (data & 0xff);
    this.pokeyTimer.adjust(0, 0, 0, 0n);
  }

  private pokeyWritten(): void {
    for (let i = 0; i < this.pokeyQueued; i++) this.parts.pokey.writeNow(this.pokeyQueue[i] >> 8, this.pokeyQueue[i] & 0xff);
    this.pokeyQueued = 0;
  }

  /** 0x1600-0x163f: address and data latch. */
  earomWrite(offset: number, data: number): void {
    this.parts.earom.setAddress(offset & 0x3f);
    this.parts.earom.setData(data);
  }

  /** 0x1680: CK = D0, C1 = /D1, C2 = D2, CS1 = D3, /CS2 tied low. */
  earomControl(_offset: number, data: number): void {
    this.parts.earom.setControl((data >> 3) & 1, 1, (~data >> 1) & 1, (data >> 2) & 1);
    this.parts.earom.setClock(data & 1);
  }

  /** 0x1700-0x173f. */
  earomRead(_offset: number): number {
    return this.parts.earom.data();
  }

  /** 0x1c00-0x1c07: the LS259 takes its data from D7 (MAME `write_d7`). */
  latchWrite(offset: number, data: number): void {
    this.parts.outlatch.write(offset, data >> 7);
  }

  setCoinCounterLeft(state: number): void { this.outputs[0] = state; }
  setCoinCounterCenter(state: number): void { this.outputs[1] = state; }
  setCoinCounterRight(state: number): void { this.outputs[2] = state; }
  /** start LEDs: lit when the latch output is 0 */
  setLed1(state: number): void { this.outputs[3] = state ? 0 : 1; }
  setLed2(state: number): void { this.outputs[4] = state ? 0 : 1; }

  /** Power-on and watchdog reset (MAME `machine_reset`): IRQ clear, EAROM deselected. The trackball
   *  latches keep their values (MAME sets them in `machine_start` only). */
  reset(): void {
    this.irq.set(CLEAR_LINE);
    this.earomControl(0, 0);
    // the LS259 clears on reset: coin counters off, both start LEDs lit (active low)
    this.outputs.fill(0);
    this.outputs[3] = this.outputs[4] = 1;
  }

  serialize(s: Serializer): void {
    s.block(this.pokeyQueue);
    this.pokeyQueued = s.u8(this.pokeyQueued);
    s.block(this.oldPos);
    s.block(this.sign);
    s.block(this.outputs);
  }
}

/** The 6502 program map (MAME `centiped_map`, 14-bit bus: the map repeats every 16 KiB). */
export function centipedeMap(d: CentipedeDevices): MapEntry[] {
  return [
    { at: [0x0000, 0x03ff], ram: 'rambase' },
    { at: [0x0400, 0x07bf], ram: 'videoram' },
    { at: [0x07c0, 0x07ff], ram: 'spriteram' },
    { at: [0x0800, 0x0800], read: { port: 'DSW1' } },
    { at: [0x0801, 0x0801], read: { port: 'DSW2' } },
    { at: [0x0c00, 0x0c00], read: d.board.in0Read },
    { at: [0x0c01, 0x0c01], read: { port: 'IN1' } },
    { at: [0x0c02, 0x0c02], read: d.board.in2Read },
    { at: [0x0c03, 0x0c03], read: { port: 'IN3' } },
    { at: [0x1000, 0x100f], read: d.board.pokeyRead, write: d.board.pokeyWrite },
    { at: [0x1400, 0x140f], ram: 'paletteram', writeOnly: true, write: d.video.paletteWritten },
    { at: [0x1600, 0x163f], nop: 'r', write: d.board.earomWrite },
    { at: [0x1680, 0x1680], write: d.board.earomControl },
    { at: [0x1700, 0x173f], read: d.board.earomRead },
    { at: [0x1800, 0x1800], write: d.board.irqAck },
    { at: [0x1c00, 0x1c07], nop: 'r', write: d.board.latchWrite },
    { at: [0x2000, 0x3fff], rom: 'maincpu' },
    { at: [0x2000, 0x2000], write: d.watchdog.kick, override: true }, // writes only: reads stay ROM
  ];
}

export const centipedeDevices = defineDevices({
  maincpu: {
    clock: CPU_CLOCK,
    create: (c) => {
      const cpu = new M6502(c.tag, c.clock, c.space('program'));
      cpu.mameIrqTiming = true; // our goldens are MAME's: its 6502 takes a timer's IRQ at the next instruction
      return cpu;
    },
    // unmapped reads: MAME gives the last value on the data bus; we give 0 (no program of ours relies on it)
    spaces: { program: { bits: 14, openBus: 0 } },
  },
  pokey: {
    clock: CPU_CLOCK,
    create: (c) => new Pokey(c.tag, c.clock, { kind: 'opampLowPass', rFeedback: 3300, capacitance: 0.01e-6, vRef: 5 }),
  },
  earom: { create: (c) => new Er2055(c.tag) },
  video: {
    create: (c) => new CentipedeVideo(c.tag, c.region('gfx1'), c.share('videoram'), c.share('spriteram'), c.share('paletteram'), c.screen),
  },
  outlatch: { create: (c) => new Ls259(c.tag) },
  board: { create: (c) => new CentipedeBoard(c) },
  // MAME `TIMER(config, "32v").configure_scanline(..., 0, 16)`
  v32: { create: (c) => new ScanlineTimer(c, { first: 0, every: BAND }) },
  watchdog: { create: (c) => new Watchdog(c.tag, 8) },
});

export type CentipedeDevices = Devices<typeof centipedeDevices>;

export const centipedeHw = defineHardware({
  devices: centipedeDevices,
  regions: {
    maincpu: { size: 0x10000 },
    gfx1: { size: 0x1000 },
    proms: { size: 0x0100 },
  },
  shares: {
    rambase: { size: 0x400 },
    videoram: { size: 0x3c0 },
    spriteram: { size: 0x40 },
    paletteram: { size: 0x10 },
  },
  screen: { pixelClock: PIXEL_CLOCK, refreshHz: 60, hTotal: 256, vTotal: 256, hVisible: [0, 255], vVisible: [0, 239] },
  wire: (d, m) => ({
    maps: { maincpu: { program: centipedeMap(d) } },
    lines: [
      [d.board.irq, m.cpu.maincpu.irq],
      [d.v32.tick, d.board.band],
      [d.outlatch.q[0], d.board.setCoinCounterLeft],
      [d.outlatch.q[1], d.board.setCoinCounterCenter],
      [d.outlatch.q[2], d.board.setCoinCounterRight],
      [d.outlatch.q[3], d.board.setLed1],
      [d.outlatch.q[4], d.board.setLed2],
      [d.outlatch.q[7], d.video.setFlip],
      [d.watchdog.resetOut, m.reset],
    ],
    screen: { update: d.video.draw, vblank: d.watchdog.vblank },
    speakers: { mono: [{ from: d.pokey, gain: 0.5 }] },
    init: () => d.board.attach({ pokey: d.pokey, earom: d.earom, video: d.video, outlatch: d.outlatch }),
  }),
});

// ---- inputs (MAME 0.251 `--list-inputs` and -listxml) ----------------------------------------------

/**
 * MAME PORT_REVERSE on an 8-bit trackball counter: a value set by an input script reads back as set, but the
 * untouched counter reads 0xff, not 0 (measured: IN0 reads 0xbf at power-on, IN2 0x00).
 */
const track = (tag: string, name: string, reverse: boolean) =>
  port([analog(0xff, tag, { name, sensitivity: 50, keydelta: 10, reverse, defaultValue: reverse ? 0xff : 0 })]);
const dsw1 = (loc: string) => port([
  dip('Language', 0x03, 'English', { English: 0x00, German: 0x01, French: 0x02, Spanish: 0x03 }, `${loc}:!1,!2`),
  dip('Lives', 0x0c, '3', { '2': 0x00, '3': 0x04, '4': 0x08, '5': 0x0c }, `${loc}:!3,!4`),
  dip('Bonus Life', 0x30, '12000', { '10000': 0x00, '12000': 0x10, '15000': 0x20, '20000': 0x30 }, `${loc}:!5,!6`),
  dip('Difficulty', 0x40, 'Easy', { Easy: 0x40, Hard: 0x00 }, `${loc}:!7`),
  dip('Credit Minimum', 0x80, '1', { '1': 0x00, '2': 0x80 }, `${loc}:!8`),
]);
const COINAGE = { '2 Coins/1 Credit': 0x03, '1 Coin/1 Credit': 0x02, '1 Coin/2 Credits': 0x01, 'Free Play': 0x00 };
const BONUS_COINS = { None: 0x00, '3 credits/2 coins': 0x20, '5 credits/4 coins': 0x40, '6 credits/4 coins': 0x60, '6 credits/5 coins': 0x80, '4 credits/3 coins': 0xa0 };
const serviceMode = dip('Service Mode', 0x20, 'Off', { Off: 0x20, On: 0x00 }, undefined, 'SERVICE_MODE');

/** Revision 4 (MAME's `centiped4` ports): one player, no cocktail trackball, Game Time switches. */
export const centiped4Inputs: InputPorts = {
  // bit 4 is unused and reads 1 (active low); 0x0f and 0x80 come from the trackball, 0x40 is VBLANK
  IN0: port([serviceMode], { unusedBits: 0x10 }),
  IN1: port([bit(0x01, 'START1'), bit(0x04, 'P1_BUTTON1'), bit(0x10, 'TILT'), bit(0x20, 'COIN1'), bit(0x40, 'COIN2'), bit(0x80, 'SERVICE1')], { unusedBits: 0x0a }),
  IN2: port([]),
  IN3: port([bit(0x10, 'P1_JOYSTICK_UP'), bit(0x20, 'P1_JOYSTICK_DOWN'), bit(0x40, 'P1_JOYSTICK_LEFT'), bit(0x80, 'P1_JOYSTICK_RIGHT')], { unusedBits: 0x0f }),
  DSW1: dsw1('SW1'),
  DSW2: port([
    dip('Coinage', 0x03, '1 Coin/1 Credit', COINAGE, 'SW2:!1,!2'),
    dip('Game Time', 0x1c, 'Untimed', { Untimed: 0x00, '1 Minute': 0x04, '2 Minutes': 0x08, '3 Minutes': 0x0c, '4 Minutes': 0x10, '5 Minutes': 0x14, '6 Minutes': 0x18, '7 Minutes': 0x1c }, 'SW2:!3,!4,!5'),
    dip('Bonus Coins', 0xe0, 'None', BONUS_COINS, 'SW2:!6,!7,!8'),
  ]),
  TRACK0_X: track('P1_TRACKBALL_X', 'Track X', true),
  TRACK0_Y: track('P1_TRACKBALL_Y', 'Track Y', false),
  // MAME: unused, active low: the cocktail trackball reads 0xff
  TRACK1_X: port([], { unusedBits: 0xff }),
  TRACK1_Y: port([], { unusedBits: 0xff }),
};

/** Revisions 2 and 3 (MAME's `centiped` ports): cocktail cabinet with a second trackball and joystick. */
export const centipedInputs: InputPorts = {
  IN0: port([dip('Cabinet', 0x10, 'Upright', { Upright: 0x00, Cocktail: 0x10 }), serviceMode]),
  IN1: port([bit(0x01, 'START1'), bit(0x02, 'START2'), bit(0x04, 'P1_BUTTON1'), bit(0x08, 'P2_BUTTON1'), bit(0x10, 'TILT'),
    bit(0x20, 'COIN1'), bit(0x40, 'COIN2'), bit(0x80, 'SERVICE1')]),
  IN2: port([]),
  IN3: port([bit(0x01, 'P2_JOYSTICK_DOWN'), bit(0x02, 'P2_JOYSTICK_UP'), bit(0x04, 'P2_JOYSTICK_RIGHT'), bit(0x08, 'P2_JOYSTICK_LEFT'),
    bit(0x10, 'P1_JOYSTICK_UP'), bit(0x20, 'P1_JOYSTICK_DOWN'), bit(0x40, 'P1_JOYSTICK_LEFT'), bit(0x80, 'P1_JOYSTICK_RIGHT')]),
  DSW1: dsw1('N9'),
  DSW2: port([
    dip('Coinage', 0x03, '1 Coin/1 Credit', COINAGE, 'N8:!1,!2'),
    dip('Right Coin', 0x0c, '*1', { '*1': 0x00, '*4': 0x04, '*5': 0x08, '*6': 0x0c }, 'N8:!3,!4'),
    dip('Left Coin', 0x10, '*1', { '*1': 0x00, '*2': 0x10 }, 'N8:!5'),
    dip('Bonus Coins', 0xe0, 'None', BONUS_COINS, 'N8:!6,!7,!8'),
  ]),
  TRACK0_X: track('P1_TRACKBALL_X', 'Track X', true),
  TRACK0_Y: track('P1_TRACKBALL_Y', 'Track Y', false),
  TRACK1_X: track('P2_TRACKBALL_X', 'Track X 2', false),
  TRACK1_Y: track('P2_TRACKBALL_Y', 'Track Y 2', true),
};

const common = { driver: 'centiped', hw: centipedeHw, rotate: 270 as const };

export const games: GameDefinition[] = [
  { ...common, name: 'centiped', title: 'Centipede (revision 4)', year: '1980', maker: 'Atari', inputs: centiped4Inputs },
  { ...common, name: 'centiped3', parent: 'centiped', title: 'Centipede (revision 3)', year: '1980', maker: 'Atari', inputs: centipedInputs },
  { ...common, name: 'centiped2', parent: 'centiped', title: 'Centipede (revision 2)', year: '1980', maker: 'Atari', inputs: centipedInputs },
  {
    ...common, name: 'cendemo', title: 'Bug Blaster (Centipede hardware, Arcade homebrew)', year: '2026', maker: 'Arcade project (homebrew)',
    inputs: centiped4Inputs, homebrew: true,
  },
];
