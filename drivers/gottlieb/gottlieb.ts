/**
 * Gottlieb "GG-1" hardware with the rev. 1 sound board (1982-83): Q*bert, Mad Planets, and our homebrew
 * `gottdemo`.
 *
 *   Intel 8088 @ 5 MHz (15 MHz / 3), NMI at VBLANK start (cleared at line 0), no INTR
 *   256×240 @ 61.419 Hz (20 MHz / 4 pixel clock, 318 × 256), monitor rotated 270°
 *   Sound board rev. 1 (`r1sound`): 6502 @ 894.886 kHz (3.579545 MHz / 4), 128 bytes RAM, 6532 RIOT
 *   (sound command on port A, switches on port B, IRQ), MC1408 DAC; Q*bert adds a Votrax SC-01
 *
 * Sources: MAME 0.251 `gottlieb/gottlieb.cpp`, `audio/gottlieb.cpp` (facts only) and
 * ../shared/docs/DRIVER-TARGETS.md § Q*bert / Mad Planets (maps measured from MAME 0.251, behaviour
 * measured with test programs of ours).
 *
 * Main map (the board decodes A0-A15 only: MAME global mask 0xffff, so the 8088's 1 MiB repeats every
 * 64 KiB and the reset vector FFFF0h reads ROM at 0xfff0; built here as a 20-bit space with every entry
 * mirrored through A16-A19, which keeps the CPU's direct page tables):
 *   0000-0fff  battery-backed RAM (NVRAM)          5000-501f  W palette RAM (mirror 7e0)
 *   1000-2fff  RAM                                 5800       W watchdog      R DSW   (mirror 7f8)
 *   3000-30ff  W sprite RAM (mirror 700)           5801       W dial latch    R IN1
 *   3800-3bff  video RAM (mirror 400)              5802       W sound command R IN2
 *   4000-4fff  character RAM                       5803       W video/outputs R IN3
 *   6000-ffff  ROM                                 5804                       R IN4
 * Sound map (6502 with A0-A14 decoded: MAME global mask 0x7fff):
 *   0000-007f RAM (mirror d80)  0200-021f RIOT (mirror de0)  1000 DAC (mirror fff)
 *   2000 Votrax data / 3000 Votrax clock (Q*bert, mirror fff)  6000-7fff ROM
 *
 * Not emulated: Q*bert's Votrax SC-01 speech (the set is flagged `imperfectSound`: "speech not
 * emulated"; its request line reads "ready" so the sound program never waits); the coin counter is an
 * output with no effect. The knocker is MAME's `knocker` sample on a rising edge of 0x5803 bit 5; like
 * MAME without the samples file, it is silent until a sample bank is supplied (triggers are recorded).
 */
import { I8088 } from '../../cpus/i8086/i8086';
import { M6502 } from '../../cpus/m6502/m6502';
import { Device, type Serializer } from '../../src/core/device';
import { Riot6532 } from '../../src/core/devices/riot6532';
import { Watchdog } from '../../src/core/devices/watchdog';
import { defineDevices, defineHardware, type Devices, type GameDefinition, type HardwareDef, type MapEntry, type ReadSource } from '../../src/core/driver-schema';
import { analog, bit, dip, port, type FieldDef, type InputPorts } from '../../src/core/input';
import { OutputLine } from '../../src/core/line';
import type { Scheduler, Timer } from '../../src/core/scheduler';
import { Dac8 } from '../../sound/dac/dac';
import { Samples } from '../../sound/samples/samples';
import { GottliebVideo, type TileSource } from './gottlieb.video';

const SYSTEM_CLOCK = 20_000_000;
const CPU_CLOCK = 15_000_000 / 3;
/** MAME device clocks are whole hertz: 3.579545 MHz / 4 = 894886.25 → 894886 */
const SOUND_CLOCK = Math.floor(3_579_545 / 4);

/**
 * Main-board glue (MAME's `gottlieb_state`): the VBLANK NMI, the dial latch, the sound command to the
 * sound board's RIOT, the general outputs at 0x5803 (video control, coin counter, Q*bert's knocker).
 */
export class GottliebBoard extends Device {
  /** the 8088's NMI input */
  readonly nmi = new OutputLine();
  /** dial (TRACKY) value latched by the last write to 0x5801 */
  trackLatch = 0;
  knocker = 0;
  coinCounter = 0;
  private riot: Riot6532 | null = null;
  private video: GottliebVideo | null = null;
  private knockerSamples: Samples | null = null;

  constructor(
    tag: string,
    private readonly dial: (() => number) | null,
  ) {
    super(tag, 0);
  }

  /** The devices the board writes to (wired in `init`). */
  attach(riot: Riot6532, video: GottliebVideo, knocker: Samples | null): void {
    this.riot = riot;
    this.video = video;
    this.knockerSamples = knocker;
  }

  /** Screen VBLANK line: NMI asserted at VBLANK start, cleared at line 0 (MAME nmi_clear timer). */
  setVblank(state: number): void {
    this.nmi.set(state ? 1 : 0);
  }

  /** 0x5801 write: latch the dial so IN3 reads the movement since (MAME analog_reset_w). */
  analogReset(_offset: number, _data: number): void {
    this.trackLatch = this.dial ? this.dial() & 0xff : 0;
  }

  /** IN3 on dial games: dial position minus the latch (MAME track_delta_r). */
  readDial(_offset: number): number {
    return this.dial ? (this.dial() - this.trackLatch) & 0xff : 0;
  }

  /**
   * 0x5802 write, to the rev. 1 sound board: RIOT port A bits 0-5 = inverted data bits 0-5, PA7 = 1
   * unless the low nibble is 0xf (the strobe), PA6 not driven (MAME gottlieb_sound_r1_device::write).
   */
  soundWrite(_offset: number, data: number): void {
    const pa7 = (data & 0x0f) !== 0x0f ? 0x80 : 0;
    this.riot!.portAInput(pa7 | (~data & 0x3f), 0xbf);
  }

  /** 0x5803 write (MAME general_output_w; qbert_output_w adds the knocker on bit 5). */
  outputWrite(_offset: number, data: number): void {
    this.video!.setControl(data & 7);
    this.coinCounter = (data >> 4) & 1;
    if (this.knockerSamples) {
      const knock = (data >> 5) & 1;
      if (knock && !this.knocker) this.knockerSamples.start(0, 0, false);
      this.knocker = knock;
    }
  }

  reset(): void {
    this.nmi.set(0);
  }

  serialize(s: Serializer): void {
    this.trackLatch = s.u8(this.trackLatch);
    this.knocker = s.u8(this.knocker);
    this.coinCounter = s.u8(this.coinCounter);
  }
}

/**
 * The rev. 1 sound board's glue: SB1 switches on RIOT port B (bit 7 = the Votrax request line, read as
 * "ready"), the 6502 IRQ from the RIOT, the 6502 NMI from PB7 inverted (MAME: input merger on PB7).
 *
 * MAME applies a CPU input-line change through a zero-delay timer (`set_state_synced` → `synchronize`),
 * so when the main CPU's sound command raises the RIOT's IRQ, the 6502 sees it only once it has caught
 * up to the main CPU's time, not at the start of its own (earlier) slice. The same happens here: a
 * change made while another CPU executes is queued on a timer armed at the current time.
 */
export class SoundBoardR1 extends Device {
  /** the 6502's IRQ and NMI inputs */
  readonly irq = new OutputLine();
  readonly nmi = new OutputLine();
  /** the NMI input merger (MAME INPUT_MERGER_ANY_HIGH "nmi"): PB7 inverted, and the Votrax's A/R line */
  nmiState = 0;
  private pb7Nmi = 0;
  private readonly irqSync: Timer;
  private cpuTag = '';

  constructor(
    tag: string,
    private readonly switches: () => number,
    private readonly scheduler: Scheduler,
    makeTimer: (owner: Device, name: string, cb: (param: number) => void) => Timer,
    /**
     * Q*bert's board: the Votrax SC-01's A/R (request) line also drives the NMI merger. Speech is not
     * emulated, so the chip is always ready (A/R high): the merger's output rises once at power-on and the
     * 6502 takes one NMI before its first instruction, as in MAME 0.251 (measured: the NMI's pushes of
     * PC = the reset vector appear in the stack page at frame 1 on qbert, not on mplanets).
     */
    private readonly votrax: boolean,
  ) {
    super(tag, 0);
    this.irqSync = makeTimer(this, 'irqSync', (level) => this.irq.set(level));
  }

  /** Wired in `init`: the RIOT's port B and IRQ, and which CPU is this board's. */
  attach(riot: Riot6532, cpu: M6502): void {
    this.cpuTag = cpu.tag;
    riot.readPortB = () => this.switches() | 0x80;
    riot.writePortB = (data) => { this.pb7Nmi = ((data >> 7) & 1) ^ 1; this.updateNmi(); };
  }

  /** The RIOT's IRQ output. */
  riotIrq(level: number): void {
    const running = this.scheduler.executing;
    if (running === null || running.tag === this.cpuTag) this.irq.set(level);
    else this.irqSync.adjust(0, level);
  }

  private updateNmi(): void {
    const level = this.pb7Nmi | (this.votrax ? 1 : 0);
    if (level === this.nmiState) return;
    this.nmiState = level;
    this.nmi.set(level);
  }

  /** Votrax writes (Q*bert): speech is not emulated, the writes are accepted and dropped. */
  votraxData(_offset: number, _data: number): void {}
  speechClock(_offset: number, _data: number): void {}

  reset(): void {
    this.pb7Nmi = 0;
    this.updateNmi();
  }

  serialize(s: Serializer): void {
    this.nmiState = s.u8(this.nmiState);
    this.pb7Nmi = s.u8(this.pb7Nmi);
  }
}

interface BoardOptions {
  tilesLow: TileSource;
  tilesHigh: TileSource;
  /** IN3 is the dial's movement since the last latch (Mad Planets) rather than a plain port */
  dial: boolean;
  votrax: boolean;
  knocker: boolean;
}

function gottliebDevices(o: BoardOptions) {
  return defineDevices({
    maincpu: {
      clock: CPU_CLOCK,
      create: (c) => new I8088(c.tag, c.clock, c.space('program'), c.space('io')),
      // 20 address lines on the CPU; the board decodes 16 (the maps mirror through A16-A19)
      spaces: { program: { bits: 20, openBus: 0 }, io: { bits: 16, openBus: 0 } },
    },
    // MAME's tags for the sound board's devices (r1sound:…), so dumps and traces name them alike
    'r1sound:audiocpu': {
      clock: SOUND_CLOCK,
      create: (c) => {
        const cpu = new M6502(c.tag, c.clock, c.space('program'));
        cpu.mameIrqTiming = true; // compared with MAME frame by frame (see cpus/m6502/m6502.ts)
        cpu.mameResetCycles = 7; // measured with gottdemo against MAME 0.251 (the first RIOT write)
        // MAME's 6502 powers up with P = I | Z (measured: the P that Q*bert's power-on NMI pushes is 0x26);
        // a reset only sets I, so this survives into the program
        cpu.setRegister('p', 0x26);
        cpu.mameLinesFromAheadCpu = true; // the 8088's sound commands reach this CPU's IRQ through the RIOT
        return cpu;
      },
      // A15 is not decoded (MAME global_mask 0x7fff). 128-byte pages: the RAM and its mirrors (the zero
      // page and the stack page are the same 128 bytes) then map directly, without a mirror handler.
      spaces: { program: { bits: 15, openBus: 0, pageBits: 7 } },
    },
    'r1sound:riot': { clock: SOUND_CLOCK, create: (c) => new Riot6532(c.tag, c.clock, c.scheduler, (d, n, cb) => c.timer(d, n, cb)) },
    'r1sound:dac': { create: (c) => new Dac8(c.tag) },
    r1sound: { create: (c) => new SoundBoardR1(c.tag, c.port('r1sound:SB1'), c.scheduler, (d, n, cb) => c.timer(d, n, cb), o.votrax) },
    video: {
      create: (c) => new GottliebVideo(c.tag, c.region('bgtiles'), c.region('sprites'), c.share('videoram'), c.share('charram'),
        c.share('spriteram'), c.share('paletteram'), o.tilesLow, o.tilesHigh, c.screen),
    },
    knocker_sam: { create: (c) => new Samples(c.tag, 1, []) }, // Q*bert's knocker (MAME tag)
    board: { create: (c) => new GottliebBoard(c.tag, o.dial ? c.port('TRACKY') : null) },
    watchdog: { create: (c) => new Watchdog(c.tag, 16) },
  });
}

export type GottliebDevices = Devices<ReturnType<typeof gottliebDevices>>;

/** The 8088 sees a 64 KiB map repeated through A16-A19. */
function everySegment(map: MapEntry[]): MapEntry[] {
  return map.map((e) => ({ ...e, mirror: (e.mirror ?? 0) | 0xf0000 }));
}

/** The 8088 program map (MAME `gottlieb_ram_map`: RAM at 0x1000-0x2fff). */
export function gottliebMainMap(d: GottliebDevices, in3: ReadSource): MapEntry[] {
  return everySegment([
    { at: [0x0000, 0x0fff], ram: 'nvram' },
    { at: [0x1000, 0x2fff], ram: 'mainram' },
    { at: [0x3000, 0x30ff], mirror: 0x0700, ram: 'spriteram', writeOnly: true },
    { at: [0x3800, 0x3bff], mirror: 0x0400, ram: 'videoram', write: d.video.videoramWritten },
    { at: [0x4000, 0x4fff], ram: 'charram', write: d.video.charramWritten },
    { at: [0x5000, 0x501f], mirror: 0x07e0, ram: 'paletteram', writeOnly: true, write: d.video.paletteWritten },
    { at: [0x5800, 0x5800], mirror: 0x07f8, write: d.watchdog.kick },
    { at: [0x5801, 0x5801], mirror: 0x07f8, write: d.board.analogReset },
    { at: [0x5802, 0x5802], mirror: 0x07f8, write: d.board.soundWrite },
    { at: [0x5803, 0x5803], mirror: 0x07f8, write: d.board.outputWrite },
    { at: [0x5800, 0x5800], mirror: 0x07f8, read: { port: 'DSW' } },
    { at: [0x5801, 0x5801], mirror: 0x07f8, read: { port: 'IN1' } },
    { at: [0x5802, 0x5802], mirror: 0x07f8, read: { port: 'IN2' } },
    { at: [0x5803, 0x5803], mirror: 0x07f8, read: in3 },
    { at: [0x5804, 0x5804], mirror: 0x07f8, read: { port: 'IN4' } },
    { at: [0x6000, 0xffff], rom: 'maincpu' },
  ]);
}

/** The sound board rev. 1 6502 map (MAME `gottlieb_sound_r1_map`, plus the Votrax writes on Q*bert). */
export function soundR1Map(d: GottliebDevices, votrax: boolean): MapEntry[] {
  const map: MapEntry[] = [
    { at: [0x0000, 0x007f], mirror: 0x0d80, ram: 'audioram' },
    { at: [0x0200, 0x021f], mirror: 0x0de0, read: d['r1sound:riot'].read, write: d['r1sound:riot'].write },
    { at: [0x1000, 0x1000], mirror: 0x0fff, write: d['r1sound:dac'].write },
    { at: [0x6000, 0x7fff], rom: 'r1sound:audiocpu' },
  ];
  if (votrax) {
    map.push(
      { at: [0x2000, 0x2000], mirror: 0x0fff, write: d.r1sound.votraxData },
      { at: [0x3000, 0x3000], mirror: 0x0fff, write: d.r1sound.speechClock },
    );
  }
  return map;
}

/**
 * The 4 KiB battery-backed RAM (MAME nvram_device "nvram", DEFAULT_ALL_1): fresh contents read 0xff
 * (measured in MAME 0.251: gottdemo's untouched bytes read 0xff); the machine keeps it in the NVRAM
 * folder as `nvram` (MAME's device tag).
 */
const BATTERY_RAM = { size: 0x1000, nvram: true, fill: 0xff };

function gottliebHw(o: BoardOptions): HardwareDef {
  return defineHardware({
    devices: gottliebDevices(o),
    regions: {
      maincpu: { size: 0x10000 },
      'r1sound:audiocpu': { size: 0x10000 },
      bgtiles: { size: 0x2000 },
      sprites: { size: 0x8000 },
    },
    shares: {
      nvram: BATTERY_RAM,
      mainram: { size: 0x2000 },
      spriteram: { size: 0x100 },
      videoram: { size: 0x400 },
      charram: { size: 0x1000 },
      paletteram: { size: 0x20 },
      audioram: { size: 0x80 },
    },
    screen: { pixelClock: SYSTEM_CLOCK / 4, hTotal: 318, vTotal: 256, hVisible: [0, 255], vVisible: [0, 239] },
    wire: (d, m) => ({
      maps: {
        maincpu: { program: gottliebMainMap(d, o.dial ? d.board.readDial : { port: 'IN3' }), io: [] },
        'r1sound:audiocpu': { program: soundR1Map(d, o.votrax) },
      },
      lines: [
        [d.board.nmi, m.cpu.maincpu.nmi],
        [d['r1sound:riot'].irq, d.r1sound.riotIrq],
        [d.r1sound.irq, m.cpu['r1sound:audiocpu'].irq],
        [d.r1sound.nmi, m.cpu['r1sound:audiocpu'].nmi],
        [d.watchdog.resetOut, m.reset],
      ],
      screen: { update: d.video.draw, vblank: [d.board.setVblank, d.watchdog.vblank] },
      // MAME: DAC → r1sound at 0.25 → speaker; on the Votrax board the DAC goes in at 0.20 (the Votrax at
      // 0.80); Q*bert's knocker sample is mixed in at full level. Not modelled: MAME's r1sound mixer on the
      // Votrax board runs at the Votrax's stream rate, which smooths the DAC's edges (gottdemoq's square
      // waves come out 5-9 % lower in RMS than 0.20 alone gives, within the golden test's 10 %).
      speakers: { speaker: o.knocker ? [{ from: d['r1sound:dac'], gain: 0.20 }, { from: d.knocker_sam, gain: 1.0 }] : [{ from: d['r1sound:dac'], gain: 0.25 }] },
      init: () => {
        d.board.attach(d['r1sound:riot'], d.video, o.knocker ? d.knocker_sam : null);
        d.r1sound.attach(d['r1sound:riot'], d['r1sound:audiocpu']);
      },
    }),
  });
}

/** The sound board's switches (MAME gottlieb_sound_r1 "SB1"): six unknown DIPs and the sound test. */
function sb1Port(): FieldDef[] {
  const unknown = (mask: number, loc: number) => dip('Unknown', mask, 'Off', { Off: mask, On: 0 }, `SB1:${loc}`);
  return [
    unknown(0x01, 7), unknown(0x02, 6), unknown(0x04, 5), unknown(0x08, 1), unknown(0x10, 4), unknown(0x20, 3),
    dip('Sound Test', 0x40, 'Off', { Off: 0x40, On: 0 }, 'SB1:2'),
  ];
}

const activeHigh = { activeHigh: true };

export const mplanetsInputs: InputPorts = {
  DSW: port([
    dip('Demo Sounds', 0x01, 'On', { Off: 0x01, On: 0x00 }, 'DSW:!2'),
    dip('Bonus Life', 0x02, 'Every 10000', { 'Every 10000': 0x00, 'Every 12000': 0x02 }, 'DSW:!6'),
    dip('Allow Round Select', 0x08, 'No', { No: 0x00, Yes: 0x08 }, 'DSW:!1'),
    dip('Coinage', 0x14, '1 Coin/1 Credit', { '2 Coins/1 Credit': 0x04, '1 Coin/1 Credit': 0x00, '1 Coin/2 Credits': 0x10, 'Free Play': 0x14 }, 'DSW:!3,!4'),
    dip('Lives', 0x20, '3', { '3': 0x00, '5': 0x20 }, 'DSW:!5'),
    dip('Difficulty', 0xc0, 'Standard', { Easy: 0x40, Standard: 0x00, Hard: 0x80, 'Very Hard': 0xc0 }, 'DSW:!7,!8'),
  ]),
  IN1: port([
    bit(0x01, 'COIN1', activeHigh),
    bit(0x02, 'COIN2', activeHigh),
    bit(0x40, 'SERVICE', { name: 'Select in Service Mode', activeHigh: true }),
    dip('Service Mode', 0x80, 'Off', { Off: 0x80, On: 0x00 }, undefined, 'SERVICE_MODE'),
  ]),
  // trackball H not used: IPT_UNUSED active low, reads 0xff
  IN2: port([], { unusedBits: 0xff }),
  IN3: port([]), // the dial's movement, computed by the board
  IN4: port([
    bit(0x01, 'P1_JOYSTICK_UP', { ...activeHigh, ways: 8 }),
    bit(0x02, 'P1_JOYSTICK_RIGHT', { ...activeHigh, ways: 8 }),
    bit(0x04, 'P1_JOYSTICK_DOWN', { ...activeHigh, ways: 8 }),
    bit(0x08, 'P1_JOYSTICK_LEFT', { ...activeHigh, ways: 8 }),
    bit(0x10, 'P1_BUTTON1', activeHigh),
    bit(0x20, 'START1', activeHigh),
    bit(0x40, 'START2', activeHigh),
    bit(0x80, 'P1_BUTTON2', activeHigh),
  ]),
  TRACKY: port([analog(0xff, 'P1_DIAL', { sensitivity: 5, keydelta: 10 })]),
  'r1sound:SB1': port(sb1Port()),
};

export const qbertInputs: InputPorts = {
  DSW: port([
    dip('Demo Sounds', 0x01, 'On', { Off: 0x01, On: 0x00 }, 'DSW:!2'),
    dip('Kicker', 0x02, 'On', { Off: 0x00, On: 0x02 }, 'DSW:!6'),
    dip('Cabinet', 0x04, 'Upright', { Upright: 0x00, Cocktail: 0x04 }, 'DSW:!4'),
    dip('Demo Mode (Unlim Lives, Start=Adv (Cheat)', 0x08, 'Off', { Off: 0x00, On: 0x08 }, 'DSW:!1'),
    dip('Free Play', 0x10, 'Off', { Off: 0x00, On: 0x10 }, 'DSW:!3'),
    dip('Unused', 0x20, 'Off', { Off: 0x00, On: 0x20 }, 'DSW:!5'),
    dip('Unused', 0x40, 'Off', { Off: 0x00, On: 0x40 }, 'DSW:!7'),
    dip('Unused', 0x80, 'Off', { Off: 0x00, On: 0x80 }, 'DSW:!8'),
  ]),
  IN1: port([
    bit(0x01, 'START1', activeHigh),
    bit(0x02, 'START2', activeHigh),
    bit(0x04, 'COIN1', activeHigh),
    bit(0x08, 'COIN2', activeHigh),
    dip('Service Mode', 0x40, 'Off', { Off: 0x40, On: 0x00 }, undefined, 'SERVICE_MODE'),
    bit(0x80, 'SERVICE', { name: 'Select in Service Mode', activeHigh: true }),
  ]),
  IN2: port([], { unusedBits: 0xff }),
  IN3: port([], { unusedBits: 0xff }),
  IN4: port([
    bit(0x01, 'P1_JOYSTICK_RIGHT', { ...activeHigh, ways: 8 }),
    bit(0x02, 'P1_JOYSTICK_LEFT', { ...activeHigh, ways: 8 }),
    bit(0x04, 'P1_JOYSTICK_UP', { ...activeHigh, ways: 8 }),
    bit(0x08, 'P1_JOYSTICK_DOWN', { ...activeHigh, ways: 8 }),
    bit(0x10, 'P2_JOYSTICK_RIGHT', { ...activeHigh, ways: 8 }),
    bit(0x20, 'P2_JOYSTICK_LEFT', { ...activeHigh, ways: 8 }),
    bit(0x40, 'P2_JOYSTICK_UP', { ...activeHigh, ways: 8 }),
    bit(0x80, 'P2_JOYSTICK_DOWN', { ...activeHigh, ways: 8 }),
  ]),
  'r1sound:SB1': port(sb1Port()),
};

/** Mad Planets: tiles from ROM (MAME init_romtiles), the dial on IN3, no speech. */
export const mplanetsHw = gottliebHw({ tilesLow: 'rom', tilesHigh: 'rom', dial: true, votrax: false, knocker: false });

/** Q*bert: tiles from ROM, the Votrax board variant, the knocker on 0x5803 bit 5 (MAME init_qbert). */
export const qbertHw = gottliebHw({ tilesLow: 'rom', tilesHigh: 'rom', dial: false, votrax: true, knocker: true });

const QBERT_STATUS = { imperfectSound: true };

function qbertGame(name: string, title: string, maker = 'Gottlieb'): GameDefinition {
  return {
    name, parent: name === 'qbert' ? undefined : 'qbert', title, year: '1982', maker, driver: 'gottlieb',
    hw: qbertHw, inputs: qbertInputs, rotate: 270, status: QBERT_STATUS,
  };
}

export const games: GameDefinition[] = [
  qbertGame('qbert', 'Q*bert (US set 1)'),
  qbertGame('qberta', 'Q*bert (US set 2)'),
  qbertGame('qbertj', 'Q*bert (Japan)', 'Gottlieb (Konami license)'),
  qbertGame('myqbert', 'Mello Yello Q*bert'),
  qbertGame('qberttst', 'Q*bert (early test version)'),
  qbertGame('qbtrktst', 'Q*bert Board Input Test Rom'),
  { name: 'mplanets', title: 'Mad Planets', year: '1983', maker: 'Gottlieb', driver: 'gottlieb', hw: mplanetsHw, inputs: mplanetsInputs, rotate: 270 },
  {
    name: 'mplanetsuk', parent: 'mplanets', title: 'Mad Planets (UK)', year: '1983', maker: 'Gottlieb (Taitel license)', driver: 'gottlieb',
    hw: mplanetsHw, inputs: mplanetsInputs, rotate: 270,
  },
  {
    name: 'gottdemo', title: 'Gottlieb hardware demo (Arcade homebrew)', year: '2026', maker: 'Arcade project (homebrew)', driver: 'gottlieb',
    hw: mplanetsHw, inputs: mplanetsInputs, rotate: 270, homebrew: true,
  },
  {
    name: 'gottdemoq', title: 'Gottlieb hardware demo, Q*bert layout (Arcade homebrew)', year: '2026', maker: 'Arcade project (homebrew)',
    driver: 'gottlieb', hw: qbertHw, inputs: qbertInputs, rotate: 270, homebrew: true, status: QBERT_STATUS,
  },
];
