/**
 * The declarative shape of a driver (STYLE.md §4): address maps, devices with clocks, ROM regions,
 * inputs, screen and speakers are data; only board glue (IRQ masks, banking, protection) is code, in a
 * board device. Strings like `'latch.write'` name a device tag and one of its methods and are resolved
 * once when the machine is built; `validate.ts` reports unknown ones.
 */
import type { CpuDevice } from './cpu';
import type { Device } from './device';
import type { InputPorts } from './input';
import type { AddressSpace } from './memory';
import type { Scheduler, Timer } from './scheduler';
import type { SetIdentity } from './roms/manifest';
import type { Screen } from './screen';

/** `'tag.method'`, an input port, a constant, or the literal 'nop'. */
export type ReadRef = string | { port: string } | { value: number };
export type WriteRef = string;

export interface MapEntry {
  /** first and last address, inclusive, with mirror bits clear */
  at: [number, number];
  /** address bits that the decoder ignores (MAME `.mirror()`) */
  mirror?: number;
  /** ROM from a region; the region offset is `offset` (default: the start address) */
  rom?: string;
  offset?: number;
  /** RAM, named so devices can reach it (`machine.share(name)`); several entries may name the same share */
  ram?: string;
  /** with `ram`: the CPU can write but not read it (MAME `.writeonly()`); reads fall to other entries */
  writeOnly?: boolean;
  /** a switchable bank declared in `HardwareDef.banks` */
  bank?: string;
  /** handler for reads (with `ram`, reads come from RAM and this is ignored) */
  read?: ReadRef;
  /** handler for writes (with `ram`, called after the byte is stored: a write hook) */
  write?: WriteRef;
  /** 16-bit handlers for 16-bit buses (`'tag.method'`, offset in bytes; writes get `(offset, data, mask)`
   *  with MAME's mem_mask). An entry with only 16-bit handlers also serves byte accesses through its lanes. */
  read16?: string;
  write16?: string;
  /** reads give the open-bus value and writes are dropped (documented holes) */
  nop?: boolean;
  /** set when an entry intentionally overlaps an earlier one */
  override?: boolean;
}

export interface SpaceDef {
  /** address bus width in bits */
  bits: number;
  map: MapEntry[];
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
  /** the device's address space `name` (program, io …), built from its SpaceDef once every device exists */
  space(name: string): AddressSpace;
  region(name: string): Uint8Array;
  /** a RAM share by name (arena view) */
  share(name: string): Uint8Array;
  readonly scheduler: Scheduler;
  timer(owner: Device, name: string, cb: (param: number) => void): Timer;
  /** another device (only those declared before this one) */
  device<T extends Device = Device>(tag: string): T;
  readonly screen: Screen;
  /** read an input port */
  port(tag: string): () => number;
}

export interface DeviceDef {
  clock?: number;
  /** constructs the device; may keep references to ctx.space()/region()/share() */
  create: (ctx: BuildContext) => Device;
  /** address spaces owned by this device (CPUs): name → map */
  spaces?: Record<string, SpaceDef>;
  /** output lines → 'tag.method' targets, e.g. { 'q.0': 'board.setIrqMask' } for a field `q: WriteLine[]` */
  lines?: Record<string, string>;
}

export interface ScreenDef {
  /** pixel clock in Hz */
  pixelClock: number;
  hTotal: number;
  vTotal: number;
  /** visible area in native pixels: [first, last] inclusive */
  hVisible: [number, number];
  vVisible: [number, number];
  /** 'tag.method' called at the end of each frame with (screen) to draw; returns nothing */
  update: string;
  /** 'tag.method' receiving the VBLANK line (1 at VBLANK start, 0 at its end) */
  vblank?: string | string[];
  /** per-scanline callback 'tag.method'(line) at the start of each line, for raster effects */
  scanline?: string;
}

export interface HardwareDef {
  /** devices in build order; tags are lowerCamel (MAME `maincpu`, `soundcpu`) */
  devices: Record<string, DeviceDef>;
  /** ROM/RAM regions the board has, with sizes (the manifest says which files fill them). `byteInterleave: 2`:
   *  each file's bytes go to every second byte from its offset (MAME ROM_LOAD16_BYTE: even/odd ROM pairs). */
  regions: Record<string, { size: number; fill?: number; byteInterleave?: number }>;
  banks?: Record<string, { region: string; offset: number; size: number; count: number }>;
  screen: ScreenDef;
  /** speaker name → { sound device tag → gain } */
  speakers: Record<string, Record<string, number>>;
  /** maximum slice length in Hz (MAME `set_maximum_quantum`); default MAME's 1/60 s. Multi-CPU boards whose
   *  MAME driver asks for a finer interleave set it (often 6000). */
  quantumHz?: number;
}

/** One game set on a board; its identity must equal its manifest's (checked by validate.ts). */
export interface GameDefinition extends SetIdentity {
  hw: HardwareDef;
  inputs: InputPorts;
  /** monitor orientation, degrees clockwise (MAME ROT90 for Pac-Man) */
  rotate: 0 | 90 | 180 | 270;
  status?: Record<string, boolean>;
  homebrew?: boolean;
}

export function defineHardware(hw: HardwareDef): HardwareDef {
  return hw;
}

/** A variant board: the same hardware with devices replaced (null removes one), MAME-style deltas. */
export function deriveHardware(base: HardwareDef, delta: Partial<Omit<HardwareDef, 'devices'>> & { devices?: Record<string, DeviceDef | null> }): HardwareDef {
  const devices: Record<string, DeviceDef> = { ...base.devices };
  for (const [tag, d] of Object.entries(delta.devices ?? {})) {
    if (d === null) delete devices[tag];
    else devices[tag] = d;
  }
  return { ...base, ...delta, devices } as HardwareDef;
}

export function isCpuDevice(d: Device): d is CpuDevice & Device {
  return typeof (d as Partial<CpuDevice>).run === 'function';
}
