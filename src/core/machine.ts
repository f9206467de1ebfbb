/**
 * The machine builder and runtime: compiles a driver's declarative `GameDefinition` into devices,
 * address spaces, timers and a mixer, and runs it frame by frame (ARCHITECTURE.md §2.3-2.4).
 *
 * Build order: time base (LCM of all clocks) → regions (ROM files placed by the manifest) → screen →
 * devices in declaration order → address spaces compiled against the devices → lines wired → power on.
 */
import type { CpuDevice } from './cpu';
import { Device } from './device';
import type { BuildContext, DeviceDef, GameDefinition, HardwareDef, ReadRef, SpaceDef } from './driver-schema';
import { isCpuDevice } from './driver-schema';
import { InputManager } from './input';
import type { GameInfo, Machine, SampleData, SampleEvent, SampleSource } from './machine-api';
import { SaveStateError } from './machine-api';
import { AddressSpace } from './memory';
import { compileSpace, type MapResolver, type ReadHandler, type WriteHandler } from './memory-map';
import { Mixer } from './mixer';
import type { RomManifest } from './roms/manifest';
import { sha1Hex } from './roms/hash';
import { Scheduler, lcm } from './scheduler';
import { Screen } from './screen';
import { StateReader, StateWriter } from './serializer';
import { isSoundDevice, type SoundStream } from './sound';

export const STATE_MAGIC = 'ARCADE-STATE';
// 2: scheduler times kept in MAME attoseconds and the 50 Hz sound-manager timer
export const STATE_VERSION = 2;

export interface LoadedRoms {
  manifest: RomManifest;
  /** file bytes keyed by the manifest's ROM names */
  files: Map<string, Uint8Array>;
}

export interface MachineOptions {
  /** output audio rate (default 48000) */
  sampleRate?: number;
  /**
   * Sample devices (MAME `samples`) render silence; the front end plays `sampleEvents()` itself
   * (the app, through howler). Triggers are recorded either way.
   */
  externalSamples?: boolean;
}

type AnyDevice = Device & Record<string, unknown>;

export class MachineError extends Error {
  override name = 'MachineError';
}

/** Collects a hardware definition's regions, shares and banks so they can be laid out in one arena. */
function planArena(hw: HardwareDef): { regionBase: Map<string, number>; shares: Map<string, { base: number; size: number }>; size: number } {
  const mapped = new Set<string>();
  const shareSizes = new Map<string, number>();
  for (const d of Object.values(hw.devices))
    for (const sp of Object.values(d.spaces ?? {}))
      for (const e of sp.map) {
        if (e.rom !== undefined) mapped.add(e.rom);
        if (e.ram !== undefined) shareSizes.set(e.ram, Math.max(shareSizes.get(e.ram) ?? 0, e.at[1] - e.at[0] + 1));
      }
  for (const b of Object.values(hw.banks ?? {})) mapped.add(b.region);
  let size = 0;
  const align = (n: number) => (n + 0xfff) & ~0xfff;
  const regionBase = new Map<string, number>();
  for (const r of mapped) {
    const def = hw.regions[r];
    if (!def) throw new MachineError(`memory map uses region '${r}' that the hardware does not declare`);
    regionBase.set(r, size);
    size = align(size + def.size);
  }
  const shares = new Map<string, { base: number; size: number }>();
  for (const [name, s] of shareSizes) {
    shares.set(name, { base: size, size: s });
    size = align(size + s);
  }
  return { regionBase, shares, size: Math.max(size, 0x1000) };
}

export class ArcadeMachine implements Machine {
  readonly info: GameInfo;
  readonly scheduler: Scheduler;
  readonly screen: Screen;
  readonly inputs: InputManager;
  readonly mixer: Mixer;
  readonly devices = new Map<string, Device>();
  readonly spaces = new Map<string, AddressSpace>();
  readonly cpus: CpuDevice[] = [];
  readonly arena: Uint8Array;
  private readonly regions = new Map<string, Uint8Array>();
  private readonly shares = new Map<string, Uint8Array>();
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

    // Regions and the arena.
    const plan = planArena(hw);
    this.arena = new Uint8Array(plan.size);
    for (const [name, def] of Object.entries(hw.regions)) {
      const base = plan.regionBase.get(name);
      const view = base !== undefined ? this.arena.subarray(base, base + def.size) : new Uint8Array(def.size);
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
      if (rom.offset + data.length > region.length)
        throw new MachineError(`ROM ${rom.name} (${data.length} bytes at 0x${rom.offset.toString(16)}) does not fit region '${rom.region}' (0x${region.length.toString(16)} bytes)`);
      region.set(data, rom.offset);
    }
    for (const [name, s] of plan.shares) this.shares.set(name, this.arena.subarray(s.base, s.base + s.size));

    this.inputs = new InputManager(game.inputs);
    this.screen = new Screen(hw.screen, this.scheduler, hw.screen.scanline !== undefined);
    // The output framebuffer exists before the devices so video devices can keep a reference to it.
    const rotate = game.rotate;
    const swap = rotate === 90 || rotate === 270;
    const outW = swap ? this.screen.height : this.screen.width;
    const outH = swap ? this.screen.width : this.screen.height;
    this.frameBuffer = new Uint32Array(outW * outH);
    this.screen.output = this.frameBuffer;
    this.screen.rotate = rotate;

    // Devices in declaration order.
    const pendingSpaces: { space: AddressSpace; def: SpaceDef }[] = [];
    for (const [tag, def] of Object.entries(hw.devices)) {
      const ctx = this.context(tag, def, pendingSpaces);
      const dev = def.create(ctx);
      if (dev.tag !== tag) throw new MachineError(`device '${tag}' was created with tag '${dev.tag}'`);
      this.devices.set(tag, dev);
    }

    // Address spaces, now that every handler target exists.
    const resolver = this.resolver(plan, hw);
    for (const { space, def } of pendingSpaces) {
      try {
        compileSpace(space, def, resolver);
      } catch (e) {
        throw new MachineError(`${space.name}: ${(e as Error).message}`);
      }
    }

    // Lines, screen callbacks, sound streams, CPUs.
    for (const [tag, def] of Object.entries(hw.devices)) this.wireLines(tag, def);
    this.screen.update = this.method(hw.screen.update) as () => void;
    const vblankTargets = ([] as string[]).concat(hw.screen.vblank ?? []);
    const vblankFns = vblankTargets.map((t) => this.method(t) as (s: number) => void);
    this.screen.vblankOut = (s) => { for (const f of vblankFns) f(s); };
    if (hw.screen.scanline) this.screen.scanlineOut = this.method(hw.screen.scanline) as (l: number) => void;
    for (const dev of this.devices.values()) {
      const d = dev as AnyDevice;
      if ('resetMachine' in d && typeof d.resetMachine === 'function') d.resetMachine = () => this.softReset();
      if (isSoundDevice(dev)) for (const st of dev.streams) { st.time = this.scheduler; this.streams.push(st); }
      if (isCpuDevice(dev)) { this.cpus.push(dev); this.scheduler.addCpu(dev); }
    }

    this.collectSampleSources(opts.externalSamples ?? false);

    const sampleRate = opts.sampleRate ?? 48000;
    const speakers = Object.entries(hw.speakers).map(([name, inputs]) =>
      Object.entries(inputs).map(([tag, gain]) => {
        const dev = this.devices.get(tag);
        if (!dev || !isSoundDevice(dev)) throw new MachineError(`speaker '${name}' takes sound from '${tag}', which is not a sound device`);
        return { stream: dev.streams[0], channel: 0, gain };
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
      status: game.status ?? {},
    };
    this.powerOn();
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

  private context(tag: string, def: DeviceDef, pending: { space: AddressSpace; def: SpaceDef }[]): BuildContext {
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
        pending.push({ space: sp, def: sd });
        return sp;
      },
      region(name) {
        const r = m.regions.get(name);
        if (!r) throw new MachineError(`device '${tag}' asks for region '${name}' that the hardware does not declare`);
        return r;
      },
      share(name) {
        const s = m.shares.get(name);
        if (!s) throw new MachineError(`device '${tag}' asks for RAM share '${name}' that no map declares`);
        return s;
      },
      scheduler: m.scheduler,
      timer: (owner, name, cb) => m.scheduler.timer(owner, name, cb),
      device<T extends Device>(t: string): T {
        const d = m.devices.get(t);
        if (!d) throw new MachineError(`device '${tag}' needs '${t}', which is not declared before it`);
        return d as T;
      },
      screen: m.screen,
      port: (p) => m.inputs.reader(p),
    };
  }

  /** Resolve `'tag.method'` to a bound function. */
  method(ref: string): (...args: number[]) => number | void {
    const dot = ref.indexOf('.');
    if (dot < 0) throw new MachineError(`handler '${ref}' is not of the form 'device.method'`);
    const tag = ref.slice(0, dot), name = ref.slice(dot + 1);
    const dev = this.devices.get(tag) as AnyDevice | undefined;
    if (!dev) throw new MachineError(`handler '${ref}': no device '${tag}'`);
    const fn = dev[name];
    if (typeof fn !== 'function') throw new MachineError(`handler '${ref}': device '${tag}' has no method '${name}'`);
    return (fn as (...a: number[]) => number | void).bind(dev);
  }

  private resolver(plan: ReturnType<typeof planArena>, hw: HardwareDef): MapResolver {
    return {
      shareBase: (name) => plan.shares.get(name)!.base,
      regionBase: (name) => plan.regionBase.get(name)!,
      regionSize: (name) => hw.regions[name]?.size ?? 0,
      bank: (name) => {
        const b = hw.banks?.[name];
        if (!b) throw new MachineError(`map uses bank '${name}' that the hardware does not declare`);
        const base = plan.regionBase.get(b.region)!;
        return { size: b.size, entries: Array.from({ length: b.count }, (_, i) => base + b.offset + i * b.size) };
      },
      read: (ref: ReadRef): ReadHandler => {
        if (typeof ref === 'object' && 'port' in ref) {
          const r = this.inputs.reader(ref.port);
          return () => r();
        }
        if (typeof ref === 'object' && 'value' in ref) {
          const v = ref.value;
          return () => v;
        }
        return this.method(ref) as ReadHandler;
      },
      write: (ref): WriteHandler => (ref === 'nop' ? () => {} : (this.method(ref) as WriteHandler)),
      read16: (ref) => this.method(ref) as ReadHandler,
      write16: (ref) => this.method(ref) as WriteHandler,
    };
  }

  private wireLines(tag: string, def: DeviceDef): void {
    const dev = this.devices.get(tag) as AnyDevice;
    for (const [out, target] of Object.entries(def.lines ?? {})) {
      const fn = this.method(target);
      const [field, index] = out.split('.');
      const slot = dev[field];
      if (index !== undefined) {
        if (!Array.isArray(slot)) throw new MachineError(`${tag}.${field} is not a list of lines`);
        const i = Number(index);
        if (!(i >= 0 && i < slot.length)) throw new MachineError(`${tag}.${out}: no such line`);
        slot[i] = fn;
      } else {
        if (!(field in dev)) throw new MachineError(`${tag} has no line '${field}'`);
        dev[field] = fn;
      }
    }
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

  runFrame(): void {
    const target = (this.screen.frameNumber + 1) * this.screen.frameTicks;
    this.scheduler.runUntil(target);
    for (const st of this.streams) st.advanceTo(target, this.scheduler.ticksPerSecond);
    this.mixer.mixFrame(this.screen.frameTicks);
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
    const w = new StateWriter();
    w.str(STATE_MAGIC);
    w.u16(STATE_VERSION);
    w.str(this.game.name);
    const hashes = this.hashes();
    w.u32(hashes.length);
    for (const [n, h] of hashes) { w.str(n); w.str(h); }
    this.serializeBody(w);
    return w.bytes();
  }

  private serializeBody(s: StateWriter | StateReader): void {
    s.str('scheduler');
    this.scheduler.serialize(s);
    s.str('inputs');
    this.inputs.serialize(s);
    s.str('mixer');
    this.mixer.serialize(s);
    for (const st of this.streams) st.serializeTiming(s);
    s.str('screen');
    this.screen.serialize(s);
    for (const [name, share] of [...this.shares.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const got = s.str(name);
      if (got !== name) throw new SaveStateError(`memory '${name}' expected, state has '${got}'`);
      s.block(share);
    }
    for (const tag of [...this.devices.keys()].sort()) {
      const got = s.str(tag);
      if (got !== tag) throw new SaveStateError(`device '${tag}' expected, state has '${got}'`);
      this.devices.get(tag)!.serialize(s);
    }
    // Banks are derived state of the board device, rebuilt in postLoad.
  }

  loadState(bytes: Uint8Array): void {
    const r = new StateReader(bytes);
    // Header first: a state of another set or format is refused before anything changes.
    let magic: string;
    try {
      magic = r.str('');
    } catch {
      throw new SaveStateError('not an Arcade save state (file too short)');
    }
    if (magic !== STATE_MAGIC) throw new SaveStateError('not an Arcade save state');
    const version = r.u16(0);
    if (version !== STATE_VERSION) throw new SaveStateError(`save state format ${version} is not supported (this version reads format ${STATE_VERSION})`);
    const set = r.str('');
    if (set !== this.game.name) throw new SaveStateError(`this save state is for '${set}', not '${this.game.name}'`);
    const n = r.u32(0);
    const mine = this.hashes();
    if (n !== mine.length) throw new SaveStateError(`this save state was made with a different ROM set (${n} files, loaded ${mine.length})`);
    for (let i = 0; i < n; i++) {
      const name = r.str(''), hash = r.str('');
      if (name !== mine[i][0] || hash !== mine[i][1])
        throw new SaveStateError(`this save state was made with different ROMs (${name} differs)`);
    }
    const backup = this.saveState();
    try {
      this.serializeBody(r);
      if (!r.atEnd) throw new SaveStateError('save state has trailing data');
      for (const d of this.devices.values()) d.postLoad();
    } catch (e) {
      // Restore exactly what was there: a failed load changes nothing.
      const rb = new StateReader(backup);
      rb.str(''); rb.u16(0); rb.str('');
      const k = rb.u32(0);
      for (let i = 0; i < k; i++) { rb.str(''); rb.str(''); }
      this.serializeBody(rb);
      for (const d of this.devices.values()) d.postLoad();
      if (e instanceof SaveStateError) throw e;
      throw new SaveStateError(`save state is damaged: ${(e as Error).message}`);
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

function chipName(d: Device): string {
  const named = (d as unknown as { chipName?: string }).chipName;
  return named ?? d.constructor.name;
}

export function createMachine(game: GameDefinition, roms: LoadedRoms, opts: MachineOptions = {}): ArcadeMachine {
  return new ArcadeMachine(game, roms, opts);
}
