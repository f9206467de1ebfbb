/**
 * `arcade run --nvram DIR`: non-volatile device contents as files `DIR/<set>/<device tag>`, MAME's
 * `nvram/` layout (src/core/nvram.ts). A missing file means fresh contents; an unreadable or unusable one
 * gives a warning and fresh contents; a folder that cannot be written fails with a clear message.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Device } from '../core/device';
import { collectNvram, loadNvram, nvramDevices } from '../core/nvram';
import { CliError } from './cli-error';
import { fsReason } from './files';

/** Largest NVRAM file read (an EAROM is 64 bytes; battery RAM a few KiB). */
const MAX_NVRAM_BYTES = 1 << 20;

export function loadNvramFiles(devices: ReadonlyMap<string, Device>, dir: string, set: string): string[] {
  const warnings: string[] = [];
  const read = (tag: string): Uint8Array | null => {
    const path = join(dir, set, tag);
    if (!existsSync(path)) return null;
    try {
      if (statSync(path).size > MAX_NVRAM_BYTES) { warnings.push(`${path}: too large for NVRAM, ignored`); return new Uint8Array(0); }
      return new Uint8Array(readFileSync(path));
    } catch (e) {
      warnings.push(`${path}: cannot read (${fsReason(e)}), starting fresh`);
      return null;
    }
  };
  return [...warnings, ...loadNvram(devices, read)].map((w) => w.startsWith('NVRAM') ? `${join(dir, set)}: ${w}` : w);
}

export function saveNvramFiles(devices: ReadonlyMap<string, Device>, dir: string, set: string): void {
  if (nvramDevices(devices).length === 0) return;
  const folder = join(dir, set);
  try {
    mkdirSync(folder, { recursive: true });
    for (const [tag, data] of collectNvram(devices)) writeFileSync(join(folder, tag), data);
  } catch (e) {
    throw new CliError(`--nvram ${dir}: cannot write ${folder}: ${fsReason(e)}`);
  }
}
