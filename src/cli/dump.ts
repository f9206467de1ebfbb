/**
 * `arcade run --dump NAME=SPEC`: memory written as raw bytes after the run, in the oracle's spec forms
 * (../shared/oracle/README.md), so `cmp` compares our memory with MAME's:
 *
 * - `region:TAG[/START-END]` — a ROM region as loaded (after any start-up decoding);
 * - `share:TAG[/START-END]` — a RAM share by its MAME name;
 * - `cpu:TAG/SPACE/START-END` — read through a CPU's address space without side effects (`peek8`): RAM,
 *   ROM and banks read as the CPU sees them, I/O reads as open bus (MAME's oracle reads I/O through the bus,
 *   with side effects: keep such ranges to RAM and ROM on both sides, as its README says).
 *
 * Addresses are hex, the end inclusive; tags may carry MAME's leading ':'.
 */
import { CliError } from './cli-error';
import type { ArcadeMachine } from '../core/machine';

export interface DumpSpec {
  name: string;
  kind: 'region' | 'share' | 'cpu';
  tag: string;
  space?: string;
  start?: number;
  end?: number;
  text: string;
}

const RANGE = /^([0-9a-f]+)-([0-9a-f]+)$/i;

function range(text: string, spec: string): [number, number] {
  const m = RANGE.exec(text);
  if (!m) throw new CliError(`--dump ${spec}: '${text}' is not a hex range START-END`, 2);
  const start = parseInt(m[1], 16), end = parseInt(m[2], 16);
  if (end < start) throw new CliError(`--dump ${spec}: range ${text} ends before it starts`, 2);
  return [start, end];
}

export function parseDumpOption(text: string): DumpSpec {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new CliError(`--dump ${text}: expected NAME=SPEC, e.g. ram=share:workram`, 2);
  const name = text.slice(0, eq), spec = text.slice(eq + 1);
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new CliError(`--dump ${text}: NAME may use letters, digits, '_', '-' and '.'`, 2);
  const colon = spec.indexOf(':');
  const kind = spec.slice(0, colon);
  const parts = spec.slice(colon + 1).replace(/^:/, '').split('/');
  if (kind === 'region' || kind === 'share') {
    if (parts.length > 2 || !parts[0]) throw new CliError(`--dump ${text}: expected ${kind}:TAG[/START-END]`, 2);
    const r = parts[1] !== undefined ? range(parts[1], text) : undefined;
    return { name, kind, tag: parts[0], start: r?.[0], end: r?.[1], text };
  }
  if (kind === 'cpu') {
    if (parts.length !== 3) throw new CliError(`--dump ${text}: expected cpu:TAG/SPACE/START-END`, 2);
    const [start, end] = range(parts[2], text);
    return { name, kind, tag: parts[0], space: parts[1], start, end, text };
  }
  throw new CliError(`--dump ${text}: SPEC must start with region:, share: or cpu:`, 2);
}

/** Fail before running when a dump names memory the machine does not have. */
export function checkDump(machine: ArcadeMachine, d: DumpSpec): void {
  readDump(machine, d, true);
}

export function readDump(machine: ArcadeMachine, d: DumpSpec, checkOnly = false): Uint8Array {
  if (d.kind === 'cpu') {
    const space = machine.spaces.get(`${d.tag}:${d.space}`);
    if (!space) throw new CliError(`--dump ${d.text}: no address space '${d.tag}:${d.space}' (have: ${[...machine.spaces.keys()].join(', ')})`, 2);
    if (d.end! > space.addrMask) throw new CliError(`--dump ${d.text}: range lies outside the ${space.addrBits}-bit space`, 2);
    if (checkOnly) return new Uint8Array(0);
    const out = new Uint8Array(d.end! - d.start! + 1);
    for (let i = 0; i < out.length; i++) out[i] = space.peek8(d.start! + i);
    return out;
  }
  let mem: Uint8Array | undefined;
  if (d.kind === 'region') mem = machine.region(d.tag);
  else mem = machine.memoryNames().includes(d.tag) ? machine.memory(d.tag) : undefined;
  if (!mem) throw new CliError(`--dump ${d.text}: no ${d.kind} '${d.tag}'`, 2);
  const start = d.start ?? 0, end = d.end ?? mem.length - 1;
  if (end >= mem.length) throw new CliError(`--dump ${d.text}: ${d.kind} '${d.tag}' has only 0x${mem.length.toString(16)} bytes`, 2);
  return checkOnly ? new Uint8Array(0) : mem.slice(start, end + 1);
}
