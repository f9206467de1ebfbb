/**
 * Non-volatile memory (MAME `device_nvram_interface`): battery-backed RAM, EAROMs, CMOS. A device with
 * such memory implements `NvramDevice`; a RAM share declared `nvram: true` in the hardware is handled by
 * the machine. The front end stores each item as one file, `<folder>/<set>/<name>` like MAME's `nvram/`
 * folder (name = the device's tag or the share's name); a machine built without one starts fresh.
 */

export interface NvramDevice {
  /** fresh contents (no file yet, or an unusable one) */
  nvramDefault(): void;
  /** restore from a file; false when the data is unusable (e.g. wrong size): the machine warns and calls nvramDefault */
  nvramRead(data: Uint8Array): boolean;
  /** the contents to store */
  nvramWrite(): Uint8Array;
}

export function isNvramDevice(d: unknown): d is NvramDevice {
  const n = d as Partial<NvramDevice>;
  return typeof n.nvramDefault === 'function' && typeof n.nvramRead === 'function' && typeof n.nvramWrite === 'function';
}

/** A battery-backed RAM share as an NVRAM item: the file is the share's bytes. */
export class NvramShare implements NvramDevice {
  constructor(
    readonly name: string,
    private readonly ram: Uint8Array,
    private readonly fill: number,
  ) {}

  nvramDefault(): void {
    this.ram.fill(this.fill);
  }

  nvramRead(data: Uint8Array): boolean {
    if (data.length !== this.ram.length) return false;
    this.ram.set(data);
    return true;
  }

  nvramWrite(): Uint8Array {
    return this.ram.slice();
  }
}
