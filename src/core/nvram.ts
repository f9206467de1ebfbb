/**
 * Non-volatile memory (the NVRAM contract of HELPERS.md, MAME's `device_nvram_interface`): a device that
 * keeps data across power cycles (the ER2055 EAROM of Atari boards, battery-backed RAM) implements
 * `nvramDefault`, `nvramRead` and `nvramWrite`. A front end loads every such device before the first frame
 * and saves it when the game stops, one blob per device tag (MAME's `nvram/<set>/<tag>` files).
 */
import type { Device } from './device';

export interface NvramDevice {
  /** fresh contents (no file, or a file that cannot be used) */
  nvramDefault(): void;
  /** false = unusable data (e.g. wrong size): the caller warns and calls `nvramDefault` */
  nvramRead(data: Uint8Array): boolean;
  nvramWrite(): Uint8Array;
}

export function isNvramDevice(d: unknown): d is NvramDevice {
  const n = d as Partial<NvramDevice>;
  return typeof n.nvramDefault === 'function' && typeof n.nvramRead === 'function' && typeof n.nvramWrite === 'function';
}

/** The machine's non-volatile devices, by tag, in tag order. */
export function nvramDevices(devices: ReadonlyMap<string, Device>): [string, NvramDevice][] {
  const out: [string, NvramDevice][] = [];
  for (const [tag, d] of devices) if (isNvramDevice(d)) out.push([tag, d]);
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Load every device from `read(tag)` (null = nothing stored: fresh contents, silently). Returns warnings
 * for stored data a device refused (it then starts fresh): never throws for bad data.
 */
export function loadNvram(devices: ReadonlyMap<string, Device>, read: (tag: string) => Uint8Array | null): string[] {
  const warnings: string[] = [];
  for (const [tag, d] of nvramDevices(devices)) {
    const data = read(tag);
    if (data === null) { d.nvramDefault(); continue; }
    if (!d.nvramRead(data)) {
      warnings.push(`NVRAM '${tag}' (${data.length} bytes) is not usable by this device: starting fresh`);
      d.nvramDefault();
    }
  }
  return warnings;
}

/** Every device's current contents, by tag. */
export function collectNvram(devices: ReadonlyMap<string, Device>): Map<string, Uint8Array> {
  return new Map(nvramDevices(devices).map(([tag, d]) => [tag, d.nvramWrite()]));
}
