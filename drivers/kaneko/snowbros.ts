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
import { defineHardware, type GameDefinition, type MapEntry } from '../../src/core/driver-schema';
import { bit, dip, port, type InputPorts } from '../../src/core/input';
import type { Scheduler, Timer } from '../../src/core/scheduler';
import type { Screen } from '../../src/core/screen';
import { Ym3812 } from '../../sound/ym3812/ym3812';
import { KanekoPandora } from '../../video/kaneko-pandora/kaneko-pandora';
import { LINES, snowbrosSprites, SnowbrosVideo, VISIBLE, WIDTH } from './snowbros.video';

const XTAL_16M = 16_000_000;
const XTAL_12M = 12_000_000;
const REFRESH_HZ = 57.5;
/** MAME sets the refresh rate, not a pixel clock; this one gives exactly 57.5 Hz over 256 × 262. */
const PIXEL_CLOCK = REFRESH_HZ * WIDTH * LINES;
/** MAME `snowbros_irq`: the scanline that raises each level */
const IRQ_LINES: Record<number, number> = { 32: 4, 128: 3, 240: 2 };
/** ../shared/docs/DRIVER-TARGETS.md: once written, the watchdog resets the board 3.0 s after the last write */
const WATCHDOG_SECONDS = 3;

/**
 * Board glue (MAME's `snowbros_state`): the scanline timer and the three interrupt levels, the two 8-bit
 * latches between the CPUs (MAME `generic_latch_8`, whose writes take effect through a zero-time timer,
 * `synchronize`), the watchdog, the flip-screen register and the input words.
 */
export class SnowbrosBoard extends Device {
  /** asserted 68000 levels, bit n = level n */
  irqLines = 0;
  line = 0;
  soundLatch = 0;
  soundLatchPending = 0;
  replyLatch = 0;
  watchdogArmed = 0;
  /** the machine's soft reset; wired by the builder */
  resetMachine: () => void = () => {};
  private readonly scanlineTimer: Timer;
  private readonly commandSync: Timer;
  private readonly replySync: Timer;
  private readonly watchdogTimer: Timer;
  private readonly ports: (() => number)[];

  constructor(
    private readonly maincpu: M68000,
    private readonly soundcpu: Z80,
    private readonly screen: Screen,
    private readonly scheduler: Scheduler,
    private readonly pandora: KanekoPandora,
    ports: (() => number)[],
  ) {
    super('board', 0);
    this.ports = ports;
    this.scanlineTimer = scheduler.timer(this, 'scanline', (l) => this.scanline(l));
    this.commandSync = scheduler.timer(this, 'soundlatch', (d) => this.commandArrived(d));
    this.replySync = scheduler.timer(this, 'soundlatch2', (d) => { this.replyLatch = d; });
    this.watchdogTimer = scheduler.timer(this, 'watchdog', () => this.resetMachine());
  }

  // ---- interrupts ---------------------------------------------------------------------------------

  private scanline(line: number): void {
    const level = IRQ_LINES[line];
    if (level !== undefined) this.setLevel(level, 1);
    this.armLine((line + 1) % LINES);
  }

  /** Fire at the start of `line` (hpos 0) in this frame if still ahead, else the next (MAME time_until_pos). */
  private armLine(line: number): void {
    const s = this.screen;
    const k = (line - s.vblankLine + LINES) % LINES;
    let frame = s.frameNumber;
    if (frame * s.frameTicks + k * s.lineTicks <= this.scheduler.now()) frame++;
    this.scanlineTimer.adjustAt(frame * s.frameTicks + k * s.lineTicks, line, 0, BigInt(frame) * s.frameAs + BigInt(k) * s.lineAs);
  }

  private setLevel(level: number, state: number): void {
    const lines = state ? this.irqLines | (1 << level) : this.irqLines & ~(1 << level);
    if (lines === this.irqLines) return;
    this.irqLines = lines;
    this.maincpu.setIrq(lines === 0 ? 0 : 31 - Math.clz32(lines));
  }

  irq4Ack(_offset: number, _data: number, _mask: number): void { this.setLevel(4, 0); }
  irq3Ack(_offset: number, _data: number, _mask: number): void { this.setLevel(3, 0); }
  irq2Ack(_offset: number, _data: number, _mask: number): void { this.setLevel(2, 0); }

  // ---- latches ------------------------------------------------------------------------------------

  /** 68000 0x300001 write: the command reaches the latch through a zero-time timer. */
  soundlatchWrite(_offset: number, data: number): void {
    this.commandSync.adjust(0, data & 0xff);
  }
  private commandArrived(data: number): void {
    this.soundLatch = data;
    if (!this.soundLatchPending) { this.soundLatchPending = 1; this.soundcpu.setNmi(1); }
  }
  /** Z80 I/O 0x04 read: the command; reading clears "data pending" and with it the NMI line. */
  soundlatchRead(_offset: number): number {
    if (this.soundLatchPending) { this.soundLatchPending = 0; this.soundcpu.setNmi(0); }
    return this.soundLatch;
  }
  /** Z80 I/O 0x04 write: the reply for the 68000. */
  replyWrite(_offset: number, data: number): void {
    this.replySync.adjust(0, data & 0xff);
  }
  /** 68000 0x300001 read. */
  replyRead(_offset: number): number {
    return this.replyLatch;
  }

  // ---- misc registers -----------------------------------------------------------------------------

  watchdogWrite(_offset: number, _data: number, _mask: number): void {
    this.watchdogArmed = 1;
    this.watchdogTimer.adjust(WATCHDOG_SECONDS * this.scheduler.ticksPerSecond);
  }

  /** 0x400000 (byte, high lane): data bit 7 low flips the screen. */
  flipWrite(_offset: number, data: number): void {
    this.pandora.setFlip((data & 0x80) === 0 ? 1 : 0);
  }

  /** 0x500000-0x500005: DSW1, DSW2, SYSTEM as words (DIPs in the low byte, controls in the high byte). */
  inputRead(offset: number): number {
    return this.ports[(offset >> 1) % 3]() & 0xffff;
  }

  reset(): void {
    this.irqLines = 0;
    this.maincpu.setIrq(0);
    this.soundLatchPending = 0;
    this.soundcpu.setNmi(0);
    this.commandSync.stop();
    this.replySync.stop();
    this.watchdogTimer.stop();
    this.watchdogArmed = 0;
    // MAME's scanline timer device re-arms for scanline 0 on reset
    this.armLine(0);
  }

  serialize(s: Serializer): void {
    this.irqLines = s.u8(this.irqLines);
    this.line = s.u16(this.line);
    this.soundLatch = s.u8(this.soundLatch);
    this.soundLatchPending = s.u8(this.soundLatchPending);
    this.replyLatch = s.u8(this.replyLatch);
    this.watchdogArmed = s.u8(this.watchdogArmed);
  }
}

const mainMap: MapEntry[] = [
  { at: [0x000000, 0x03ffff], rom: 'maincpu' },
  { at: [0x100000, 0x103fff], ram: 'mainram' },
  { at: [0x200000, 0x200001], write16: 'board.watchdogWrite' },
  { at: [0x300001, 0x300001], read: 'board.replyRead', write: 'board.soundlatchWrite' },
  { at: [0x400000, 0x400000], write: 'board.flipWrite' },
  { at: [0x500000, 0x500005], read16: 'board.inputRead' },
  { at: [0x600000, 0x6001ff], ram: 'palette', write: 'video.paletteWritten' },
  { at: [0x700000, 0x701fff], read16: 'pandora.spriteramLsbRead16', write16: 'pandora.spriteramLsbWrite16' },
  { at: [0x800000, 0x800001], write16: 'board.irq4Ack' },
  { at: [0x900000, 0x900001], write16: 'board.irq3Ack' },
  { at: [0xa00000, 0xa00001], write16: 'board.irq2Ack' },
];

const soundMap: MapEntry[] = [
  { at: [0x0000, 0x7fff], rom: 'soundcpu' },
  { at: [0x8000, 0x87ff], ram: 'soundram' },
];

// MAME global_mask(0xff): A8-A15 are not decoded.
const soundIo: MapEntry[] = [
  { at: [0x02, 0x03], mirror: 0xff00, read: 'ymsnd.read', write: 'ymsnd.write' },
  { at: [0x04, 0x04], mirror: 0xff00, read: 'board.soundlatchRead', write: 'board.replyWrite' },
];

export const snowbrosHw = defineHardware({
  devices: {
    maincpu: {
      clock: XTAL_16M / 2,
      create: (c) => new M68000(c.tag, c.clock, c.space('program')),
      spaces: { program: { bits: 24, endian: 'big', dataBits: 16, map: mainMap, openBus: 0x00 } },
    },
    soundcpu: {
      clock: XTAL_12M / 2,
      create: (c) => new Z80(c.tag, c.clock, c.space('program'), c.space('io')),
      spaces: { program: { bits: 16, map: soundMap }, io: { bits: 16, map: soundIo } },
    },
    ymsnd: {
      clock: XTAL_12M / 4,
      create: (c) => new Ym3812(c.tag, c.clock, c.scheduler),
      lines: { irq: 'soundcpu.setIrq' },
    },
    pandora: { create: (c) => new KanekoPandora(c.tag, snowbrosSprites(c.region('gfx1')), VISIBLE, WIDTH, LINES) },
    video: { create: (c) => new SnowbrosVideo(c.tag, c.share('palette'), c.device<KanekoPandora>('pandora'), c.screen) },
    board: {
      create: (c) => new SnowbrosBoard(c.device<M68000>('maincpu'), c.device<Z80>('soundcpu'), c.screen, c.scheduler,
        c.device<KanekoPandora>('pandora'), [c.port('DSW1'), c.port('DSW2'), c.port('SYSTEM')]),
    },
  },
  regions: {
    // MAME ROM_LOAD16_BYTE: the two program files hold the even and the odd bytes
    maincpu: { size: 0x40000, byteInterleave: 2 },
    soundcpu: { size: 0x8000 },
    gfx1: { size: 0x80000 },
  },
  screen: {
    pixelClock: PIXEL_CLOCK, hTotal: WIDTH, vTotal: LINES, hVisible: [VISIBLE.minX, VISIBLE.maxX], vVisible: [VISIBLE.minY, VISIBLE.maxY],
    update: 'video.draw', vblank: 'video.vblank',
  },
  speakers: { mono: { ymsnd: 1.0 } },
});

/** MAME 0.251 INPUT_PORTS_START( snowbros ): DIPs in the low byte, controls (active low) in the high byte. */
export const snowbrosInputs: InputPorts = {
  DSW1: port([
    dip('Region', 0x0001, 'Europe', { Europe: 0x0000, 'America (Romstar license)': 0x0001 }, 'SW1:1'),
    dip('Flip Screen', 0x0002, 'Off', { Off: 0x0002, On: 0x0000 }, 'SW1:2'),
    dip('Service Mode', 0x0004, 'Off', { Off: 0x0004, On: 0x0000 }, 'SW1:3'),
    dip('Demo Sounds', 0x0008, 'On', { Off: 0x0000, On: 0x0008 }, 'SW1:4'),
    // MAME names these settings per region (PORT_CONDITION on Region); the Europe names are listed here.
    dip('Coin A', 0x0030, '1 Coin/1 Credit', { '4 Coins/1 Credit': 0x0000, '3 Coins/1 Credit': 0x0010, '2 Coins/1 Credit': 0x0020, '1 Coin/1 Credit': 0x0030 }, 'SW1:5,6'),
    dip('Coin B', 0x00c0, '1 Coin/2 Credits', { '1 Coin/2 Credits': 0x00c0, '1 Coin/3 Credits': 0x0080, '1 Coin/4 Credits': 0x0040, '1 Coin/6 Credits': 0x0000 }, 'SW1:7,8'),
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

const board = { driver: 'snowbros', hw: snowbrosHw, inputs: snowbrosInputs, rotate: 0 as const };

export const games: GameDefinition[] = [
  { name: 'snowbros', title: 'Snow Bros. - Nick & Tom (set 1)', year: '1990', maker: 'Toaplan', ...board },
  { name: 'snowbrosa', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (set 2)', year: '1990', maker: 'Toaplan', ...board },
  { name: 'snowbrosb', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (set 3)', year: '1990', maker: 'Toaplan', ...board },
  { name: 'snowbrosc', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (set 4)', year: '1990', maker: 'Toaplan', ...board },
  { name: 'snowbrosj', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (Japan)', year: '1990', maker: 'Toaplan', ...board },
  { name: 'snowbrosd', parent: 'snowbros', title: 'Snow Bros. - Nick & Tom (Dooyong license)', year: '1990', maker: 'Toaplan (Dooyong license)', ...board },
  { name: 'sbdemo', title: 'Snow Bros. hardware demo (Arcade homebrew)', year: '2026', maker: 'Arcade project (homebrew)', ...board, homebrew: true },
];
