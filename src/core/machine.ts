/**
 * The machine builder and runtime: compiles a driver's declarative `GameDefinition` into devices,
 * address spaces, timers and a mixer, and runs it frame by frame (ARCHITECTURE.md §2.3-2.4).
 *
 * Build order: time base (LCM of all clocks) → regions (ROM files placed by the manifest) → screen →
 * devices in declaration order → address spaces compiled against the devices → lines wired → power on.
 */
import type { CpuDevice } from './cpu';
import { CpuInputLines } from './cpu-inputs';
import type { Device, WriteLine } from './device';
import { MemoryBank } from './bank';
import type { BankDef, RegionDef, BuildContext, CpuInputs, DeviceDef, DeviceDefs, GameDefinition, HardwareDef, LineTarget, MachineLines, MapEntry, Wiring } from './driver-schema';
import { isCpuDevice } from './driver-schema';
import { OutputLine } from './line';
import { InputManager } from './input';
import type { GameInfo, Machine, SampleData, SampleEvent, SampleSource } from './machine-api';
import { SaveStateError } from './machine-api';
import { AddressSpace } from './memory';
import { compileSpace, type MapResolver } from './memory-map';
import { Mixer } from './mixer';
import { isNvramDevice, NvramShare, type NvramDevice } from './nvram';
import type { RomManifest } from './roms/manifest';
import { sha1Hex } from './roms/hash';
import { Scheduler, lcm } from './scheduler';
import { Screen } from './screen';
import { asSaveStateError, openState, writeState, type StateIdentity } from './savestate';
import type { StateReader, StateWriter } from './serializer';
import { isSoundDevice, type SoundStream } from './sound';

export { STATE_MAGIC, STATE_VERSION } from './savestate';

export interface LoadedRoms {
  manifest: RomManifest;
  /** file bytes keyed by the manifest's ROM names */
  files: Map<string, Uint8Array>;
}

export interface MachineOptions {
  /** output audio rate (default 48000) */
  sampleRate?: number;
  /**
   * Stored NVRAM by item name (device tag or battery-backed share), read before power-on; undefined = no
   * file (fresh contents). The CLI reads `<dir>/<set>/<name>`; the app its own store.
   */
  nvram?: (name: string) => Uint8Array | undefined;
  /**
   * Sample devices (MAME `samples`) render silence; the front end plays `sampleEvents()` itself
   * (the app, through howler). Triggers are recorded either way.
   */
  externalSamples?: boolean;
}

/** An address space a device asked for while it was built; its map is compiled after the wiring. */
interface PendingSpace {
  tag: string;
  name: string;
  space: AddressSpace;
}

export class MachineError extends Error {
  override name = 'MachineError';
}

/** Lays out every region, then every share, in one arena (4 KiB aligned) so spaces can map them directly. */
function planArena(hw: HardwareDef): { regionBase: Map<string, number>; regionSize: Map<string, number>; shares: Map<string, { base: number; size: number }>; size: number } {
  let size = 0;
  const align = (n: number) => (n + 0xfff) & ~0xfff;
  const regionBase = new Map<string, number>();
  const regionSize = new Map<string, number>();
  for (const [name, def] of Object.entries(hw.regions)) {
    regionBase.set(name, size);
    regionSize.set(name, def.size);
    size = align(size + def.size);
  }
  const shares = new Map<string, { base: number; size: number }>();
  for (const [name, def] of Object.entries(hw.shares ?? {})) {
    shares.set(name, { base: size, size: def.size });
    size = align(size + def.size);
  }
  return { regionBase, regionSize, shares, size: Math.max(size, 0x1000) };
}

/**
 * The device as the wiring sees it: reading a method gives it bound to the device, so `d.video.draw` can be
 * stored as a callback. Only used while the machine is built.
 */
function boundView(dev: Device): Device {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(dev, {
    get(target, key) {
      const v: unknown = Reflect.get(target, key, target);
      if (typeof v !== 'function') return v;
      let b = bound.get(key);
      if (b === undefined) {
        b = (v as (...a: unknown[]) => unknown).bind(target);
        bound.set(key, b);
      }
      return b;
    },
  });
}

export class ArcadeMachine implements Machine {
  readonly info: GameInfo;
  readonly scheduler: Scheduler;
  readonly screen: Screen;
  readonly inputs: InputManager;
  readonly mixer: Mixer;
  readonly devices = new Map<string, Device>();
  readonly spaces = new Map<string, AddressSpace>();
  /** each space's map as the wiring declared it ('maincpu:program' → entries), for validation and the debugger */
  readonly maps = new Map<string, readonly MapEntry[]>();
  readonly cpus: CpuDevice[] = [];
  readonly arena: Uint8Array;
  private readonly regions = new Map<string, Uint8Array>();
  private readonly shares = new Map<string, Uint8Array>();
  private readonly banks = new Map<string, MemoryBank>();
  private readonly streams: SoundStream[] = [];
  private romHashes: [string, string][] | null = null;
  /** devices with recorded samples, in declaration order, with their first machine-wide channel/sample number */
  private readonly sampleSources: { dev: SampleSource; channel: number; sample: number }[] = [];

  constructor(
    readonly game: GameDefinition,
    private readonly roms: LoadedRoms,
    opts: MachineOptions = {},
  ) {
    const hw = game.hw;
    const clocks = Object.values(hw.devices).map((d) => d.clock ?? 0).filter((c) => c > 0);
    const tps = lcm([...clocks, hw.screen.pixelClock].map((c) => Math.round(c)));
    // 2^42: Gottlieb's 5 MHz and 894886 Hz clocks share no factor but 2 (time base 2.24e12 Hz, ticks exact
    // for over an hour of machine time); tick counts stay below 2^53 for 2^53 / tps seconds.
    if (!Number.isSafeInteger(tps) || tps > 2 ** 42) throw new MachineError(`clocks ${clocks.join(', ')} have no usable common time base`);
    // MAME's quantum: the board's maximum (set_maximum_quantum), else 1/60 s (device_scheduler).
    this.scheduler = new Scheduler(tps, hw.quantumHz ?? 60);
    // MAME's sound manager flushes its streams every 20 ms from a timer on every machine; it does nothing
    // we can see but ends timeslices, which decides where CPUs stand when later timers fire.
    this.scheduler.addSyncTimer('sound manager update', 50);

    // Regions and shares in the arena; ROM files placed as the manifest says.
    const plan = planArena(hw);
    this.arena = new Uint8Array(plan.size);
    for (const [name, def] of Object.entries(hw.regions)) {
      const base = plan.regionBase.get(name)!;
      const view = this.arena.subarray(base, base + def.size);
      view.fill(def.fill ?? 0);
      this.regions.set(name, view);
    }
    for (const rom of roms.manifest.roms) {
      const data = roms.files.get(rom.name);
      if (!data) {
        if (rom.status === 'nodump' || rom.optional) continue;
        throw new MachineError(`ROM ${rom.name} was not loaded`);
      }
      const region = this.regions.get(rom.region);
      if (!region) throw new MachineError(`ROM ${rom.name} goes to region '${rom.region}', which this hardware does not have`);
      const problem = placeRom(region, data, rom.offset, hw.regions[rom.region]);
      if (problem) throw new MachineError(`ROM ${rom.name} ${problem}`);
    }
    for (const [name, s] of plan.shares) this.shares.set(name, this.arena.subarray(s.base, s.base + s.size));
    for (const [name, def] of Object.entries(hw.banks ?? {})) this.banks.set(name, makeBank(name, def, plan));

    this.inputs = new InputManager(game.inputs);
    this.screen = new Screen(hw.screen, this.scheduler);
    // The output framebuffer exists before the devices so video devices can keep a reference to it.
    const rotate = game.rotate;
    const swap = rotate === 90 || rotate === 270;
    const outW = swap ? this.screen.height : this.screen.width;
    const outH = swap ? this.screen.width : this.screen.height;
    this.frameBuffer = new Uint32Array(outW * outH);
    this.screen.output = this.frameBuffer;
    this.screen.rotate = rotate;

    // Devices in declaration order.
    const pendingSpaces: PendingSpace[] = [];
    for (const [tag, def] of Object.entries(hw.devices)) {
      const ctx = this.context(tag, def, pendingSpaces);
      const dev = def.create(ctx);
      if (dev.tag !== tag) throw new MachineError(`device '${tag}' was created with tag '${dev.tag}'`);
      this.devices.set(tag, dev);
    }

    // The machine's lines: each CPU's inputs, the machine reset.
    const cpuInputs: Record<string, CpuInputs> = {};
    const inputDevices: CpuInputLines[] = [];
    for (const dev of this.devices.values()) {
      if (!isCpuDevice(dev)) continue;
      const lines = new CpuInputLines(dev, this.scheduler);
      cpuInputs[dev.tag] = lines.inputs;
      inputDevices.push(lines);
    }
    for (const l of inputDevices) this.devices.set(l.tag, l);
    for (const b of this.banks.values()) this.devices.set(b.tag, b);
    const machineLines: MachineLines<DeviceDefs> = {
      cpu: cpuInputs,
      reset: (state) => { if (state) this.softReset(); },
      region: (name) => {
        const r = this.regions.get(name);
        if (!r) throw new MachineError(`the wiring asks for region '${name}', which is not declared`);
        return r;
      },
      share: (name) => {
        const s = this.shares.get(name);
        if (!s) throw new MachineError(`the wiring asks for RAM share '${name}', which is not declared`);
        return s;
      },
      bank: (name) => this.bank(name, 'the wiring'),
    };

    // The wiring: every connection of the board, with the devices typed and methods bound.
    const views: Record<string, Device> = {};
    for (const [tag, dev] of this.devices) views[tag] = boundView(dev);
    const wiring = hw.wire(views, machineLines);
    this.connect(wiring, pendingSpaces, plan, hw, inputDevices);
    wiring.init?.();

    for (const dev of this.devices.values()) {
      if (isSoundDevice(dev)) for (const st of dev.streams) { st.time = this.scheduler; this.streams.push(st); }
      if (isCpuDevice(dev)) { this.cpus.push(dev); this.scheduler.addCpu(dev); }
    }
    if (hw.perfectQuantum !== undefined) {
      const cpu = this.devices.get(hw.perfectQuantum);
      if (!cpu || !isCpuDevice(cpu)) throw new MachineError(`perfectQuantum: '${hw.perfectQuantum}' is not a CPU`);
      this.scheduler.setPerfectQuantum(cpu);
    }

    this.collectSampleSources(opts.externalSamples ?? false);

    const sampleRate = opts.sampleRate ?? 48000;
    const speakers = Object.entries(wiring.speakers).map(([name, inputs]) =>
      inputs.map((inp, i) => {
        const stream = inp.from?.streams?.[inp.stream ?? 0];
        if (!stream) throw new MachineError(`speaker '${name}' input ${i}: not a sound device or no stream ${inp.stream ?? 0}`);
        const channel = inp.channel ?? 0;
        if (!(channel >= 0 && channel < stream.channels)) throw new MachineError(`speaker '${name}' input ${i}: the stream has no channel ${channel}`);
        return { stream, channel, gain: inp.gain };
      }),
    );
    this.mixer = new Mixer(sampleRate, speakers.length ? speakers : [[]], tps);

    this.info = {
      name: game.name, parent: game.parent, title: game.title, year: game.year, maker: game.maker, driver: game.driver,
      homebrew: game.homebrew ?? false,
      width: outW,
      height: outH,
      rotate, refreshHz: this.screen.refreshHz,
      chips: [...this.devices.values()].filter((d) => d.clock > 0).map((d) => ({
        tag: d.tag, type: chipName(d), clock: d.clock, kind: isCpuDevice(d) ? 'cpu' : isSoundDevice(d) ? 'audio' : 'other',
      })),
      inputs: this.inputs.info(),
      status: { ...game.status } as Record<string, boolean>,
    };
    this.loadNvram(opts.nvram ?? (() => undefined));
    this.powerOn();
  }

  // ---- NVRAM (MAME device_nvram_interface) ---------------------------------------------------

  /** every NVRAM item: battery-backed shares, then devices with NVRAM, by name */
  private nvramItems(): Map<string, NvramDevice> {
    const items = new Map<string, NvramDevice>();
    for (const [name, def] of Object.entries(this.game.hw.shares ?? {}))
      if (def.nvram) items.set(name, new NvramShare(name, this.shares.get(name)!, def.fill ?? 0));
    for (const dev of this.devices.values()) if (isNvramDevice(dev)) items.set(dev.tag, dev);
    return items;
  }

  /** Names of the NVRAM files this machine reads and writes. */
  nvramNames(): string[] {
    return [...this.nvramItems().keys()];
  }

  /** Problems met reading stored NVRAM (unusable files were replaced by fresh contents). */
  readonly nvramWarnings: string[] = [];

  private loadNvram(read: (name: string) => Uint8Array | undefined): void {
    for (const [name, item] of this.nvramItems()) {
      let data: Uint8Array | undefined;
      try {
        data = read(name);
      } catch (e) {
        this.nvramWarnings.push(`NVRAM '${name}' could not be read (${(e as Error).message}); starting fresh`);
      }
      if (data === undefined) { item.nvramDefault(); continue; }
      if (!item.nvramRead(data)) {
        this.nvramWarnings.push(`NVRAM '${name}' is not usable (${data.length} bytes); starting fresh`);
        item.nvramDefault();
      }
    }
  }

  /** The NVRAM contents to store, by name (MAME writes them when the machine stops). */
  nvramSave(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const [name, item] of this.nvramItems()) out.set(name, item.nvramWrite());
    return out;
  }

  readonly frameBuffer: Uint32Array;

  get frameNumber(): number {
    return this.screen.frameNumber;
  }
  get sampleRate(): number {
    return this.mixer.sampleRate;
  }
  get audioChannels(): 1 | 2 {
    return this.mixer.channels;
  }

  private context(tag: string, def: DeviceDef, pending: PendingSpace[]): BuildContext {
    const m = this;
    const spaces = new Map<string, AddressSpace>();
    return {
      tag,
      clock: def.clock ?? 0,
      space(name) {
        let sp = spaces.get(name);
        if (sp) return sp;
        const sd = def.spaces?.[name];
        if (!sd) throw new MachineError(`device '${tag}' asks for address space '${name}' that its definition does not declare`);
        sp = new AddressSpace({ name: `${tag}:${name}`, addrBits: sd.bits, endian: sd.endian, dataBits: sd.dataBits, openBus: sd.openBus, pageBits: sd.pageBits }, m.arena);
        spaces.set(name, sp);
        m.spaces.set(`${tag}:${name}`, sp);
        pending.push({ tag, name, space: sp });
        return sp;
      },
      region(name) {
        const r = m.regions.get(name);
        if (!r) throw new MachineError(`device '${tag}' asks for region '${name}' that the hardware does not declare`);
        return r;
      },
      share(name) {
        const s = m.shares.get(name);
        if (!s) throw new MachineError(`device '${tag}' asks for RAM share '${name}' that the hardware does not declare`);
        return s;
      },
      bank: (name) => m.bank(name, `device '${tag}'`),
      scheduler: m.scheduler,
      timer: (owner, name, cb) => m.scheduler.timer(owner, name, cb),
      screen: m.screen,
      port: (p) => m.inputs.reader(p),
    };
  }

  /** Apply the wiring: compile the maps, connect lines, screen callbacks and interrupt acknowledges. */
  private connect(w: Wiring<DeviceDefs>, pending: PendingSpace[], plan: ReturnType<typeof planArena>, hw: HardwareDef, inputs: CpuInputLines[]): void {
    for (const [tag, maps] of Object.entries(w.maps ?? {})) {
      const def = hw.devices[tag];
      if (!def) throw new MachineError(`maps: no device '${tag}'`);
      for (const name of Object.keys(maps ?? {}))
        if (!def.spaces?.[name]) throw new MachineError(`maps: device '${tag}' has no address space '${name}'`);
    }
    const resolver = this.resolver(plan, hw);
    for (const { tag, name, space } of pending) {
      const map = (w.maps?.[tag] as Record<string, MapEntry[]> | undefined)?.[name] ?? [];
      this.maps.set(space.name, map);
      try {
        compileSpace(space, map, resolver);
      } catch (e) {
        throw new MachineError((e as Error).message);
      }
    }

    // Each bank drives the pages of every space that maps it.
    for (const { space } of pending)
      for (const name of space.bankNames()) this.banks.get(name)!.attach(space.bank(name));

    (w.lines ?? []).forEach(([out, target], i) => {
      if (!(out instanceof OutputLine)) throw new MachineError(`lines[${i}]: the source is not an OutputLine`);
      out.connect(...targetList(target, `lines[${i}]`));
    });

    const sc = w.screen;
    if (typeof sc?.update !== 'function') throw new MachineError('screen.update is not a function');
    this.screen.update = sc.update;
    const vblank = targetList(sc.vblank ?? [], 'screen.vblank');
    this.screen.vblankOut = vblank.length === 1 ? vblank[0] : (state) => { for (const f of vblank) f(state); };
    if (sc.scanline) this.screen.setScanlineCallback(sc.scanline);

    for (const [tag, c] of Object.entries((w.cpus ?? {}) as Record<string, { irqAck?: (line: number) => number } | undefined>)) {
      const lines = inputs.find((l) => l.tag === `${tag}.inputs`);
      if (!lines) throw new MachineError(`cpus: '${tag}' is not a CPU`);
      if (c?.irqAck) lines.setAcknowledge(c.irqAck);
    }
  }

  private resolver(plan: ReturnType<typeof planArena>, hw: HardwareDef): MapResolver {
    const share = (name: string) => {
      const s = plan.shares.get(name);
      if (!s) throw new MachineError(`map uses RAM share '${name}', which is not declared in 'shares'`);
      return s;
    };
    return {
      shareBase: (name) => share(name).base,
      shareSize: (name) => share(name).size,
      regionBase: (name) => {
        const base = plan.regionBase.get(name);
        if (base === undefined) throw new MachineError(`map uses region '${name}', which is not declared`);
        return base;
      },
      regionSize: (name) => hw.regions[name]?.size ?? 0,
      bank: (name) => {
        const b = this.banks.get(name);
        if (!b) throw new MachineError(`map uses bank '${name}', which is not declared`);
        return { size: b.size, writable: b.writable, base: b.base };
      },
      port: (name) => this.inputs.reader(name),
    };
  }

  /** A declared bank, by name. */
  bank(name: string, who = 'the board'): MemoryBank {
    const b = this.banks.get(name);
    if (!b) throw new MachineError(`${who} asks for bank '${name}', which is not declared`);
    return b;
  }

  // ---- running ------------------------------------------------------------------------------

  private powerOn(): void {
    this.scheduler.resetTime();
    for (const st of this.streams) st.resetTiming(0);
    for (const d of this.devices.values()) d.reset();
    this.screen.start();
  }

  /** Soft reset (watchdog, reset button): devices reset, RAM and the raster keep going. */
  softReset(): void {
    for (const d of this.devices.values()) d.reset();
    this.scheduler.endSlice();
  }

  reset(): void {
    this.softReset();
  }

  /** Runs one frame; false when a debugger break stopped it midway (the next call goes on from there). */
  runFrame(): boolean {
    const target = (this.screen.frameNumber + 1) * this.screen.frameTicks;
    if (!this.scheduler.runUntil(target)) return false;
    for (const st of this.streams) st.advanceTo(target, this.scheduler.ticksPerSecond);
    this.mixer.mixFrame(this.screen.frameTicks);
    return true;
  }

  audio(): Float32Array {
    return this.mixer.frameSamples();
  }

  setInput(port: string, field: string, value: number): void {
    this.inputs.set(port, field, value);
  }

  memory(name: string): Uint8Array {
    const s = this.shares.get(name) ?? this.regions.get(name);
    if (!s) throw new MachineError(`no memory named '${name}' (have: ${this.memoryNames().join(', ')})`);
    return s;
  }

  memoryNames(): string[] {
    return [...this.shares.keys()];
  }

  region(name: string): Uint8Array | undefined {
    return this.regions.get(name);
  }

  // ---- save states (ARCHITECTURE.md §3) ---------------------------------------------------------

  private hashes(): [string, string][] {
    if (!this.romHashes)
      this.romHashes = [...this.roms.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, d]) => [n, sha1Hex(d)]);
    return this.romHashes;
  }

  saveState(): Uint8Array {
    return writeState(this.stateIdentity(), (w) => this.serializeBody(w));
  }

  private stateIdentity(): StateIdentity {
    return { set: this.game.name, roms: this.hashes() };
  }

  private serializeBody(s: StateWriter | StateReader): void {
    s.str('scheduler');
    this.scheduler.serialize(s);
    s.str('inputs');
    this.inputs.serialize(s);
    s.str('mixer');
    this.mixer.serialize(s);
    s.str('screen');
    this.screen.serialize(s);
    for (const [name, share] of [...this.shares.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const got = s.str(name);
      if (got !== name) throw new SaveStateError(`this save state is damaged (memory '${name}' expected where the state has another name); it cannot be loaded`);
      s.block(share);
    }
    for (const tag of [...this.devices.keys()].sort()) {
      const got = s.str(tag);
      if (got !== tag) throw new SaveStateError(`this save state is damaged (device '${tag}' expected where the state has another name); it cannot be loaded`);
      this.devices.get(tag)!.serialize(s);
    }
    // Banks are derived state of the board device, rebuilt in postLoad.
  }

  loadState(bytes: Uint8Array): void {
    // The container (magic, version, checksum, set, ROMs) is checked before anything changes.
    const r = openState(bytes, this.stateIdentity());
    const backup = this.saveState();
    try {
      this.serializeBody(r);
      if (!r.atEnd) throw new SaveStateError('this save state is damaged (it has data after the last device); it cannot be loaded');
      for (const d of this.devices.values()) d.postLoad();
    } catch (e) {
      // Restore exactly what was there: a failed load changes nothing.
      this.serializeBody(openState(backup, this.stateIdentity()));
      for (const d of this.devices.values()) d.postLoad();
      throw asSaveStateError(e);
    }
  }

  // ---- sample-based sound (sound/samples): triggers for a front end that plays samples itself ----

  private collectSampleSources(external: boolean): void {
    let channel = 0, sample = 0;
    for (const dev of this.devices.values()) {
      if (!isSampleSource(dev)) continue;
      dev.externalSamples = external;
      this.sampleSources.push({ dev, channel, sample });
      channel += dev.sampleChannels;
      sample += dev.sampleData().length;
    }
  }

  sampleBank(): SampleData[] {
    return this.sampleSources.flatMap((s) => [...s.dev.sampleData()]);
  }

  /** Triggers of the frame that just ended: machine time [now - one frame, now). */
  sampleEvents(): SampleEvent[] {
    if (this.sampleSources.length === 0) return [];
    const end = this.scheduler.now();
    const start = end - this.screen.frameTicks;
    const perSample = this.mixer.sampleRate / this.scheduler.ticksPerSecond;
    const out: SampleEvent[] = [];
    for (const { dev, channel, sample } of this.sampleSources) {
      for (const t of dev.sampleTriggers(start, end)) {
        out.push({
          channel: t.channel + channel, sample: t.sample < 0 ? -1 : t.sample + sample, action: t.action, loop: t.loop,
          volume: t.volume, rate: t.rate, seek: t.seek, offsetSamples: Math.floor((t.tick - start) * perSample),
        });
      }
    }
    return out;
  }
}

function isSampleSource(d: unknown): d is SampleSource {
  const s = d as Partial<SampleSource>;
  return typeof s.sampleTriggers === 'function' && typeof s.sampleData === 'function' && typeof s.sampleChannels === 'number';
}

/**
 * Put a ROM file's bytes into its region as the region's layout says (contiguous, byte-interleaved,
 * word-swapped). Returns why it does not fit, or null.
 */
export function placeRom(region: Uint8Array, data: Uint8Array, offset: number, def: RegionDef): string | null {
  const step = def.interleave ?? 1;
  const last = data.length === 0 ? offset : offset + (data.length - 1) * step;
  if (!(offset >= 0 && last < region.length))
    return `(${data.length} bytes at 0x${offset.toString(16)}${step > 1 ? `, every ${step}th byte` : ''}) does not fit region (0x${region.length.toString(16)} bytes)`;
  if (def.wordSwap && data.length % 2 !== 0) return `has an odd size but its region is loaded word-swapped`;
  const swap = def.wordSwap ? 1 : 0;
  if (step === 1 && !swap) region.set(data, offset);
  else for (let i = 0; i < data.length; i++) region[offset + (i ^ swap) * step] = data[i];
  return null;
}

/** A declared bank's choices as arena offsets, checked against its region or share. */
function makeBank(name: string, def: BankDef, plan: ReturnType<typeof planArena>): MemoryBank {
  const where = `bank '${name}'`;
  if ((def.region === undefined) === (def.share === undefined)) throw new MachineError(`${where}: give either a region or a share`);
  let base: number, size: number;
  if (def.region !== undefined) {
    const r = plan.regionBase.get(def.region);
    if (r === undefined) throw new MachineError(`${where}: region '${def.region}' is not declared`);
    base = r;
    size = plan.regionSize.get(def.region)!;
  } else {
    const s = plan.shares.get(def.share!);
    if (!s) throw new MachineError(`${where}: share '${def.share}' is not declared`);
    base = s.base;
    size = s.size;
  }
  const offsets = def.offsets ?? Array.from({ length: def.count ?? 1 }, (_, i) => (def.offset ?? 0) + i * (def.stride ?? def.size));
  if (offsets.length === 0) throw new MachineError(`${where} has no choices`);
  for (const o of offsets)
    if (!(o >= 0 && o + def.size <= size))
      throw new MachineError(`${where}: choice at 0x${o.toString(16)} (+0x${def.size.toString(16)}) lies outside ${def.region !== undefined ? `region '${def.region}'` : `share '${def.share}'`} (0x${size.toString(16)} bytes)`);
  return new MemoryBank(name, offsets.map((o) => base + o), def.size, def.share !== undefined);
}

/** One target or several, checked to be functions (a misspelt reference is `undefined` at run time). */
function targetList(t: LineTarget, where: string): WriteLine[] {
  const list: readonly WriteLine[] = typeof t === 'function' ? [t] : Array.isArray(t) ? t : [t as unknown as WriteLine];
  list.forEach((f, i) => { if (typeof f !== 'function') throw new MachineError(`${where}: target ${i} is not a function`); });
  return [...list];
}

function chipName(d: Device): string {
  const named = (d as unknown as { chipName?: string }).chipName;
  return named ?? d.constructor.name;
}

export function createMachine(game: GameDefinition, roms: LoadedRoms, opts: MachineOptions = {}): ArcadeMachine {
  return new ArcadeMachine(game, roms, opts);
}
