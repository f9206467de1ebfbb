/**
 * The declarative shape of a driver (STYLE.md §4) and its one wiring model.
 *
 * A board is declared in two steps:
 *
 * 1. `defineDevices({ maincpu: { clock, create, spaces }, board: { create }, … })`: what is on the board,
 *    built in this order; each `create` gets a `BuildContext` (its tag, clock, address spaces, regions,
 *    shares, timers). Devices never reach each other by name.
 * 2. `defineHardware({ devices, regions, shares, screen, wire })`: memory, raster and the `wire` function,
 *    which receives the built devices, typed (`d.video.draw`, `d.mainlatch.q[0]`), plus the machine's own
 *    lines (`m.cpu.maincpu.irq`, `m.reset`), and returns every connection as data: address maps, lines,
 *    screen callbacks, CPU interrupt acknowledge, speakers. A method read from `d` is already bound to its
 *    device, so `write: d.video.videoramWritten` is a handler.
 *
 * Because `d` is typed from the devices' own classes, renaming a device key or a method that the wiring
 * uses is a compile error. What TypeScript cannot check (names of regions, shares, banks and input ports
 * in maps, map keys of devices and spaces) is checked by `validate.ts`, which names the driver, the entry
 * and the missing name.
 */
import type { MemoryBank } from './bank';
import type { CpuDevice } from './cpu';
import type { Device, WriteLine } from './device';
import type { InputPorts } from './input';
import type { OutputLine } from './line';
import type { AddressSpace } from './memory';
import type { SetIdentity } from './roms/manifest';
import type { Scheduler, Timer } from './scheduler';
import type { Screen } from './screen';
import type { SoundDevice } from './sound';

/** A byte (or, on a 16-bit entry, word) read: `offset` from the entry's start, mirror bits removed (MAME `offset`). */
export type ReadHandler = (offset: number) => number;
export type WriteHandler = (offset: number, data: number) => void;
/** 16-bit write: `mask` marks the byte lanes written (0xff00, 0x00ff or 0xffff), MAME's mem_mask. */
export type Write16Handler = (offset: number, data: number, mask: number) => void;

/** What a read of an entry returns: a handler, an input port, or a constant. */
export type ReadSource = ReadHandler | { port: string } | { value: number };

/** MAME's `.nopr()`/`.nopw()`/`.noprw()` and `.unmapr()`… : which directions an entry silences. */
export type Directions = 'r' | 'w' | 'rw';

export interface MapEntry {
  /** first and last address, inclusive, with mirror bits clear */
  at: [number, number];
  /** address bits that the decoder ignores (MAME `.mirror()`) */
  mirror?: number;
  /** ROM from a region; the region offset is `offset` (default: the start address) */
  rom?: string;
  offset?: number;
  /** RAM from a share declared in `HardwareDef.shares` (several entries may map the same share) */
  ram?: string;
  /** with `ram`: the CPU can write but not read it (MAME `.writeonly()`); reads fall to other entries */
  writeOnly?: boolean;
  /** a switchable bank declared in `HardwareDef.banks` */
  bank?: string;
  /** what a read returns (with `ram`/`rom` reads come from memory and this is not allowed) */
  read?: ReadSource;
  /** write handler (with `ram`, called after the byte is stored: a write hook) */
  write?: WriteHandler;
  /** handlers for 16-bit buses (offset in bytes); an entry with only these also serves byte accesses through its lanes */
  read16?: ReadHandler;
  write16?: Write16Handler;
  /** accesses are silently ignored: reads give the open-bus value, writes are dropped (MAME `nop`) */
  nop?: Directions;
  /** nothing answers here even if an earlier entry covers it (MAME `unmap`): open bus / dropped */
  unmap?: Directions;
  /** set when an entry intentionally overlaps an earlier one (later entries win, per direction) */
  override?: boolean;
}

/** An address space of a device (CPU): its bus; the map comes from the wiring. */
export interface SpaceDef {
  /** address bus width in bits */
  bits: number;
  endian?: 'big' | 'little';
  dataBits?: 8 | 16;
  /** unmapped reads (MAME's Pac-Man: 0xbf) */
  openBus?: number;
  pageBits?: number;
}

/** What a device factory gets: its clock, its spaces, regions, shares and the scheduler. */
export interface BuildContext {
  readonly tag: string;
  readonly clock: number;
  /** the device's address space `name` (program, io …); its map is compiled once every device exists */
  space(name: string): AddressSpace;
  region(name: string): Uint8Array;
  /** a RAM share by name (arena view) */
  share(name: string): Uint8Array;
  /** a bank declared in `HardwareDef.banks`, to switch */
  bank(name: string): MemoryBank;
  readonly scheduler: Scheduler;
  timer(owner: Device, name: string, cb: (param: number) => void): Timer;
  readonly screen: Screen;
  /** read an input port */
  port(tag: string): () => number;
}

export interface DeviceDef<T extends Device = Device> {
  clock?: number;
  /** constructs the device; may keep references to ctx.space()/region()/share() */
  create: (ctx: BuildContext) => T;
  /** address spaces owned by this device (CPUs): name → bus */
  spaces?: Record<string, SpaceDef>;
}

export type DeviceDefs = Record<string, DeviceDef>;

/** The built devices of a definition, typed by what each `create` returns. */
export type Devices<D> = { readonly [K in keyof D]: D[K] extends DeviceDef<infer T> ? T : never };

/** The keys of D whose devices are CPUs. */
export type CpuKeys<D> = { [K in keyof D]: D[K] extends DeviceDef<infer T> ? (T extends CpuDevice ? K : never) : never }[keyof D];


/** A CPU's input lines (MAME `set_input_line`), each taking CLEAR/ASSERT/HOLD/PULSE (line.ts). */
export interface CpuInputs {
  /** maskable interrupt (input line 0: Z80 INT, 6502 IRQ, 8086 INTR) */
  readonly irq: WriteLine;
  /** numbered input line `n` (68000: interrupt levels 1-7, the highest asserted one is the IPL) */
  line(n: number): WriteLine;
  readonly nmi: WriteLine;
  /** held asserted, the CPU does not run; released, it starts again from reset (MAME INPUT_LINE_RESET) */
  readonly reset: WriteLine;
  /** held asserted, the CPU does not run (MAME INPUT_LINE_HALT) */
  readonly halt: WriteLine;
}

/** Lines that belong to the machine rather than to a device. */
export interface MachineLines<D extends DeviceDefs> {
  readonly cpu: { readonly [K in CpuKeys<D>]: CpuInputs };
  /** asserted or pulsed: the whole machine resets (a watchdog); RAM keeps its contents */
  readonly reset: WriteLine;
  /** a ROM region, filled from the ROM files (for `init`) */
  region(name: string): Uint8Array;
  /** a RAM share */
  share(name: string): Uint8Array;
  /** a bank, to switch */
  bank(name: string): MemoryBank;
}

/** One target or several (called in order). */
export type LineTarget = WriteLine | readonly WriteLine[];

export interface SpeakerInput {
  from: SoundDevice;
  /** stream index on the device (default 0) and channel within it (default 0) */
  stream?: number;
  channel?: number;
  gain: number;
}

export interface Wiring<D extends DeviceDefs> {
  /** address maps, by device and space */
  maps: { [K in keyof D]?: { [S in keyof NonNullable<D[K]['spaces']>]?: MapEntry[] } };
  /** output lines and what they drive: `[d.mainlatch.q[0], d.board.setIrqMask]` */
  lines?: readonly (readonly [OutputLine, LineTarget])[];
  screen: {
    /** called at the end of each frame to draw it */
    update: () => void;
    /** the VBLANK line: 1 at VBLANK start, 0 at its end */
    vblank?: LineTarget;
    /** called at the start of each visible line with its number (raster effects) */
    scanline?: (line: number) => void;
  };
  /** per CPU: the interrupt acknowledge cycle, returning the vector/opcode byte the board puts on the bus
   *  for input line `line` (MAME `set_irq_acknowledge_callback`); a held line is cleared first by the machine */
  cpus?: { [K in CpuKeys<D>]?: { irqAck?: (line: number) => number } };
  /** speakers, in order (one = mono, two = left and right) → the sound streams they take */
  speakers: Record<string, readonly SpeakerInput[]>;
  /**
   * Board set-up, run once after everything above is connected and the ROMs are loaded, before power-on
   * (MAME `driver_init` + `machine_start`): decode or copy ROMs (`m.region()`), give a board the devices it
   * drives by method calls (`d.board.attach(d.samples)`).
   */
  init?: () => void;
}

export interface ScreenDef {
  /** pixel clock in Hz */
  pixelClock: number;
  hTotal: number;
  vTotal: number;
  /** visible area in native pixels: [first, last] inclusive */
  hVisible: [number, number];
  vVisible: [number, number];
  /** MAME `set_refresh_hz` boards (no raw timing): the frame lasts exactly HZ_TO_ATTOSECONDS(refreshHz),
   *  lines and pixels are that divided by vTotal and hTotal (Centipede: 60 Hz, 256 × 256) */
  refreshHz?: number;
}

export interface RegionDef {
  size: number;
  /** value of bytes no file fills (default 0) */
  fill?: number;
  /**
   * How the region's files are laid out: file byte i goes to `offset + i * interleave` (MAME
   * `ROM_LOAD16_BYTE` = 2: even/odd byte files at manifest offsets 0 and 1 of a 16-bit bus; `ROM_LOAD32_BYTE`
   * = 4). Default 1 (contiguous).
   */
  interleave?: number;
  /** files hold 16-bit words with their bytes swapped (MAME `ROM_LOAD16_WORD_SWAP`) */
  wordSwap?: boolean;
}

export interface ShareDef {
  size: number;
  /** battery-backed: saved to and restored from the NVRAM folder (MAME `nvram` device on a share) */
  nvram?: boolean;
  /** with `nvram`: the fresh contents' byte (default 0, MAME NVRAM_DEFAULT_ALL_0) */
  fill?: number;
}

/**
 * A bank's choices: blocks of `size` bytes in a ROM region (or a RAM share, for RAM banks) at explicit
 * `offsets`, or `count` blocks `stride` bytes apart (default `size`) from `offset` (default 0).
 */
export interface BankDef {
  region?: string;
  share?: string;
  size: number;
  offsets?: number[];
  offset?: number;
  count?: number;
  stride?: number;
}

export interface HardwareDef<D extends DeviceDefs = DeviceDefs> {
  /** devices in build order; tags are lowerCamel (MAME `maincpu`, `soundcpu`) */
  devices: D;
  /** ROM regions the board has, with sizes (the manifest says which files fill them) */
  regions: Record<string, RegionDef>;
  /** RAM blocks the maps place (MAME shares) */
  shares?: Record<string, ShareDef>;
  /** switchable windows (MAME `memory_bank`), mapped by `{ bank: name }` entries and switched with `c.bank(name).select(n)` */
  banks?: Record<string, BankDef>;
  screen: ScreenDef;
  /** maximum slice length in Hz (MAME `set_maximum_quantum`); default MAME's 1/60 s. Multi-CPU boards whose
   *  MAME driver asks for a finer interleave set it (often 6000). */
  quantumHz?: number;
  /** MAME `set_perfect_quantum(cpu)`: slices never longer than that CPU's shortest instruction, permanently */
  perfectQuantum?: CpuKeys<D> & string;
  /** every connection, as data (see the file comment) */
  wire(d: Devices<NoInfer<D>>, m: MachineLines<NoInfer<D>>): NoInfer<Wiring<D>>;
}

/** MAME's machine flags (`MACHINE_IMPERFECT_SOUND` …), shown by `arcade list` and the app's library. */
export interface DriverStatus {
  notWorking?: boolean;
  noSound?: boolean;
  imperfectSound?: boolean;
  imperfectGraphics?: boolean;
  imperfectColors?: boolean;
  unemulatedProtection?: boolean;
  noCocktail?: boolean;
}

/** One game set on a board; its identity must equal its manifest's (checked by validate.ts). */
export interface GameDefinition extends SetIdentity {
  hw: HardwareDef;
  inputs: InputPorts;
  /** monitor orientation, degrees clockwise (MAME ROT90 for Pac-Man) */
  rotate: 0 | 90 | 180 | 270;
  status?: DriverStatus;
  homebrew?: boolean;
}

/** Step 1: the devices of a board, typed so the wiring can refer to them. */
export function defineDevices<const D extends DeviceDefs>(devices: D): D {
  return devices;
}

/** Step 2: the whole hardware. */
export function defineHardware<D extends DeviceDefs>(hw: HardwareDef<D>): HardwareDef<D> {
  return hw;
}

export function isCpuDevice(d: Device): d is CpuDevice & Device {
  return typeof (d as Partial<CpuDevice>).run === 'function';
}
