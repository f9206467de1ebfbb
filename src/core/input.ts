/**
 * Input ports with MAME's port tags and field names, so one input script drives MAME and Arcade alike.
 *
 * A port is a byte (or word) the hardware reads; its fields are digital switches (joystick, buttons,
 * coins; active-low or active-high), configuration switches (DIP switches, cabinet type, service mode)
 * with named settings, and analog fields (trackballs, dials, paddles) holding a raw counter or position.
 * Reading a port composes: the default bits, digital fields XOR-ed when pressed, the chosen settings of
 * config fields, and analog values shifted into their mask.
 */
import type { Serializer } from './device';
import type { InputFieldInfo } from './machine-api';

/** MAME's default names for input types (ioport.cpp's type table), used when a field has no explicit name. */
const DEFAULT_NAMES: Record<string, string> = {
  COIN1: 'Coin 1', COIN2: 'Coin 2', COIN3: 'Coin 3', COIN4: 'Coin 4',
  START1: '1 Player Start', START2: '2 Players Start', SERVICE: 'Service', SERVICE1: 'Service 1', SERVICE2: 'Service 2',
  TILT: 'Tilt', SERVICE_MODE: 'Service Mode',
};
for (const p of [1, 2, 3, 4]) {
  DEFAULT_NAMES[`P${p}_JOYSTICK_UP`] = `P${p} Up`;
  DEFAULT_NAMES[`P${p}_JOYSTICK_DOWN`] = `P${p} Down`;
  DEFAULT_NAMES[`P${p}_JOYSTICK_LEFT`] = `P${p} Left`;
  DEFAULT_NAMES[`P${p}_JOYSTICK_RIGHT`] = `P${p} Right`;
  for (let b = 1; b <= 10; b++) DEFAULT_NAMES[`P${p}_BUTTON${b}`] = `P${p} Button ${b}`;
  DEFAULT_NAMES[`P${p}_TRACKBALL_X`] = `Track X`;
  DEFAULT_NAMES[`P${p}_TRACKBALL_Y`] = `Track Y`;
  DEFAULT_NAMES[`P${p}_DIAL`] = `Dial`;
  DEFAULT_NAMES[`P${p}_PADDLE`] = `Paddle`;
}

export interface FieldDef {
  name: string;
  mask: number;
  /** MAME input type: P1_JOYSTICK_UP, COIN1, START1, DIPSWITCH, CONFIG, UNKNOWN, TRACKBALL_X … */
  type: string;
  kind: 'digital' | 'analog' | 'dip' | 'config';
  /** digital: active low (bit reads 0 while pressed). */
  activeLow?: boolean;
  /** dip/config: the raw default value within mask; analog: default position */
  defaultValue?: number;
  settings?: Setting[];
  location?: string;
  /** joystick ways (4 for Pac-Man): informational for the UI */
  ways?: number;
  analog?: { min: number; max: number; sensitivity: number; reverse?: boolean; relative: boolean; keydelta?: number };
}

/** A DIP/config setting; `condition`: it applies only while another field reads so (MAME PORT_CONDITION). */
export interface Setting {
  name: string;
  value: number;
  condition?: { port: string; mask: number; relation: 'eq' | 'ne'; value: number };
}

export interface PortDef {
  /** bits not covered by any field read as these (MAME IPT_UNUSED/UNKNOWN defaults) */
  unusedBits?: number;
  fields: FieldDef[];
}

export type InputPorts = Record<string, PortDef>;

// ---- declaration helpers (drivers read like MAME's INPUT_PORTS) ----------------------------------

export function port(fields: FieldDef[], opts: { unusedBits?: number } = {}): PortDef {
  return { fields, unusedBits: opts.unusedBits };
}

/** A digital input; active low unless `activeHigh`. */
export function bit(mask: number, type: string, opts: { name?: string; activeHigh?: boolean; ways?: number } = {}): FieldDef {
  const name = opts.name ?? DEFAULT_NAMES[type];
  if (!name) throw new Error(`input type ${type} has no default name: give one`);
  return { name, mask, type, kind: 'digital', activeLow: !opts.activeHigh, ways: opts.ways };
}

/**
 * A DIP switch whose settings depend on another switch (MAME PORT_CONDITION, e.g. coinage by region): the
 * settings in MAME's order, names may repeat under different conditions; `def` is the default value.
 */
export function conditionalDip(name: string, mask: number, def: number, settings: Setting[], location?: string): FieldDef {
  if (!settings.some((x) => x.value === def)) throw new Error(`${name}: default value ${def} is not one of its settings`);
  return { name, mask, type: 'DIPSWITCH', kind: 'dip', defaultValue: def, settings, location };
}

/** A DIP switch with named settings; `def` names the default setting. `type` SERVICE_MODE marks MAME's PORT_SERVICE. */
export function dip(name: string, mask: number, def: string, settings: Record<string, number>, location?: string, type = 'DIPSWITCH'): FieldDef {
  return setting('dip', type, name, mask, def, settings, location);
}

/** A configuration switch (cabinet type, service mode toggle, rack test). */
export function config(name: string, mask: number, def: string, settings: Record<string, number>, type = 'CONFIG'): FieldDef {
  return setting('config', type, name, mask, def, settings);
}

function setting(kind: 'dip' | 'config', type: string, name: string, mask: number, def: string, settings: Record<string, number>, location?: string): FieldDef {
  const list = Object.entries(settings).map(([n, v]) => ({ name: n, value: v }));
  const d = settings[def];
  if (d === undefined) throw new Error(`${name}: default setting '${def}' is not one of ${Object.keys(settings).join(', ')}`);
  return { name, mask, type, kind, defaultValue: d, settings: list, location };
}

export function analog(mask: number, type: string, opts: { name?: string; min?: number; max?: number; sensitivity?: number; reverse?: boolean; relative?: boolean; defaultValue?: number; keydelta?: number } = {}): FieldDef {
  const name = opts.name ?? DEFAULT_NAMES[type] ?? type;
  return {
    name, mask, type, kind: 'analog', defaultValue: opts.defaultValue ?? 0,
    analog: { min: opts.min ?? 0, max: opts.max ?? mask, sensitivity: opts.sensitivity ?? 100, reverse: opts.reverse, relative: opts.relative ?? true, keydelta: opts.keydelta },
  };
}

// ---- runtime ---------------------------------------------------------------------------------------

function shiftOf(mask: number): number {
  let s = 0;
  while (mask !== 0 && ((mask >>> s) & 1) === 0) s++;
  return s;
}

class PortState {
  /** current value of each field (digital 0/1, dip raw value within mask, analog raw) */
  readonly values: Int32Array;
  constructor(
    readonly tag: string,
    readonly def: PortDef,
  ) {
    this.values = new Int32Array(def.fields.length);
    this.resetToDefaults();
  }
  resetToDefaults(): void {
    this.def.fields.forEach((f, i) => (this.values[i] = f.kind === 'digital' ? 0 : (f.defaultValue ?? 0)));
  }
  read(): number {
    let covered = 0;
    let v = 0;
    const fields = this.def.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      covered |= f.mask;
      const x = this.values[i];
      if (f.kind === 'digital') {
        const on = x !== 0;
        if (on !== (f.activeLow ?? true)) v |= f.mask;
      } else if (f.kind === 'analog') {
        v |= (x << shiftOf(f.mask)) & f.mask;
      } else {
        v |= x & f.mask;
      }
    }
    return (v | ((this.def.unusedBits ?? 0) & ~covered)) >>> 0;
  }
}

export class InputError extends Error {
  override name = 'InputError';
}

/** All ports of a machine. Field values are machine state (saved in states) so replays are exact. */
export class InputManager {
  private readonly ports = new Map<string, PortState>();
  private readonly order: PortState[] = [];

  constructor(defs: InputPorts) {
    for (const [tag, def] of Object.entries(defs)) {
      const p = new PortState(tag, def);
      this.ports.set(tag, p);
      this.order.push(p);
    }
  }

  has(tag: string): boolean {
    return this.ports.has(normalizeTag(tag));
  }

  /** The value the hardware reads from port `tag`. */
  read(tag: string): number {
    const p = this.ports.get(tag);
    if (!p) throw new InputError(`no input port '${tag}'`);
    return p.read();
  }

  /** A fast reader for one port (for map entries). */
  reader(tag: string): () => number {
    const p = this.ports.get(tag);
    if (!p) throw new InputError(`no input port '${tag}'`);
    return () => p.read();
  }

  private field(portTag: string, name: string): { p: PortState; i: number } {
    const tag = normalizeTag(portTag);
    const p = this.ports.get(tag);
    if (!p) throw new InputError(`no input port '${portTag}' (ports: ${[...this.ports.keys()].join(', ')})`);
    const i = p.def.fields.findIndex((f) => f.name === name);
    if (i < 0) throw new InputError(`port ${tag} has no field '${name}' (fields: ${p.def.fields.map((f) => f.name).join(', ')})`);
    return { p, i };
  }

  /** Digital: 1 pressed / 0 released; dip/config: the setting's raw value; analog: raw position. */
  set(portTag: string, name: string, value: number): void {
    const { p, i } = this.field(portTag, name);
    const f = p.def.fields[i];
    this.checkValue(portTag, name, f, value);
    p.values[i] = f.kind === 'digital' ? (value ? 1 : 0) : value | 0;
  }

  private checkValue(portTag: string, name: string, f: FieldDef, value: number): void {
    if ((f.kind === 'dip' || f.kind === 'config') && (value < 0 || value > 0xffffffff || (value & ~f.mask) !== 0))
      throw new InputError(`${portTag} ${name}: value ${value} is not a setting of this switch (bits outside the field mask 0x${f.mask.toString(16)})`);
  }

  get(portTag: string, name: string): number {
    const { p, i } = this.field(portTag, name);
    return p.values[i];
  }

  /** Check that a field exists (input scripts are validated before a run starts). */
  check(portTag: string, name: string, value?: number): void {
    const { p, i } = this.field(portTag, name);
    if (value !== undefined) this.checkValue(portTag, name, p.def.fields[i], value);
  }

  /** Releases digital inputs and restores analog positions; DIP settings are kept (they are the operator's). */
  releaseAll(): void {
    for (const p of this.order)
      p.def.fields.forEach((f, i) => { if (f.kind === 'digital') p.values[i] = 0; });
  }

  info(): InputFieldInfo[] {
    const out: InputFieldInfo[] = [];
    for (const p of this.order)
      for (const f of p.def.fields)
        out.push({
          port: p.tag, name: f.name, kind: f.kind, mask: f.mask, type: f.type,
          defaultValue: f.kind === 'digital' ? 0 : (f.defaultValue ?? 0),
          settings: f.settings, analog: f.analog, location: f.location, ways: f.ways,
        });
    return out;
  }

  serialize(s: Serializer): void {
    for (const p of this.order) s.block(p.values);
  }
}

/** MAME writes port tags with a leading colon (`:IN0`); both forms are accepted. */
export function normalizeTag(tag: string): string {
  return tag.startsWith(':') ? tag.slice(1) : tag;
}

// ---- input scripts (format of ../shared/oracle/README.md) --------------------------------------------

export interface InputEvent {
  /** applied after this frame has been produced (0 = before the first frame) */
  frame: number;
  port: string;
  field: string;
  value: number;
  line: number;
}

/**
 * Parses `FRAME PORT FIELD NAME = VALUE` and `START-END PORT FIELD NAME` (held from START to END inclusive:
 * pressed after frame START, released after frame END + 1, as the oracle does). `#` starts a comment.
 */
export function parseInputScript(text: string, origin = 'input script'): InputEvent[] {
  const events: InputEvent[] = [];
  text.split(/\r?\n/).forEach((raw, idx) => {
    const lineNo = idx + 1;
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const m = /^(\d+)(?:\s*-\s*(\d+))?\s+(\S+)\s+(.+?)\s*(?:=\s*(\S+))?$/.exec(line);
    if (!m) throw new InputError(`${origin}:${lineNo}: cannot read '${raw.trim()}' (expected 'FRAME PORT FIELD = VALUE' or 'START-END PORT FIELD')`);
    const [, a, b, portTag, field, valueText] = m;
    const start = Number(a);
    if (a.length > 9 || (b !== undefined && b.length > 9)) throw new InputError(`${origin}:${lineNo}: frame numbers go up to 999999999`);
    const port = normalizeTag(portTag);
    if (b !== undefined) {
      const end = Number(b);
      if (end < start) throw new InputError(`${origin}:${lineNo}: range ${start}-${end} ends before it starts`);
      if (valueText !== undefined) throw new InputError(`${origin}:${lineNo}: a held range takes no '= VALUE'`);
      events.push({ frame: start, port, field, value: 1, line: lineNo });
      events.push({ frame: end + 1, port, field, value: 0, line: lineNo }); // MAME oracle: held START..END inclusive
    } else {
      if (valueText === undefined) throw new InputError(`${origin}:${lineNo}: missing '= VALUE'`);
      // Decimal or 0x-hex, as the oracle's scripts write them; `1e1` or `12.0` are typos, not numbers.
      const m2 = /^(-?)(?:0x([0-9a-f]{1,8})|([0-9]{1,10}))$/i.exec(valueText);
      const value = m2 ? (m2[1] ? -1 : 1) * (m2[2] !== undefined ? parseInt(m2[2], 16) : Number(m2[3])) : NaN;
      if (!(Math.abs(value) <= 0xffffffff)) throw new InputError(`${origin}:${lineNo}: value '${valueText}' is not an integer (decimal or 0x hex, up to 32 bits)`);
      events.push({ frame: start, port, field, value, line: lineNo });
    }
  });
  return events.map((e, i) => ({ e, i })).sort((x, y) => x.e.frame - y.e.frame || x.i - y.i).map((x) => x.e);
}
