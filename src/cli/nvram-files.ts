/**
 * NVRAM files for the CLI, laid out like MAME's: `<dir>/<set>/<name>` (one file per battery-backed share or
 * NVRAM device). A missing file means fresh contents; the folder is only created when there is something
 * to store.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArcadeMachine } from '../core/machine';

/** The machine's NVRAM reader for `--nvram DIR`. */
export function nvramReader(dir: string, set: string): (name: string) => Uint8Array | undefined {
  return (name) => {
    try {
      return new Uint8Array(readFileSync(join(dir, set, name)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
}

/** Store the machine's NVRAM (MAME does it when the machine stops). Returns the files written. */
export function writeNvram(machine: ArcadeMachine, dir: string, set: string): string[] {
  const items = machine.nvramSave();
  if (items.size === 0) return [];
  const folder = join(dir, set);
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const [name, data] of items) {
    const file = join(folder, name);
    writeFileSync(file, data);
    written.push(file);
  }
  return written;
}
