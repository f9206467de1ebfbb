/**
 * Save-state slots and screenshots on disk, under folders the app owns (userData, Pictures).
 * Names are built only from validated set names and slot numbers, never from renderer paths.
 * No Electron import.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StateSlotInfo } from '../shared/api';
import { LIMITS, setName, slot as slotNumber } from '../shared/ipc-validate';

/** A file of ours read back: only a regular file of at most `max` bytes (else null, as if absent). */
function readOwn(file: string, max: number): Buffer | null {
  try {
    const st = statSync(file);
    return st.isFile() && st.size <= max ? readFileSync(file) : null;
  } catch {
    return null;
  }
}

function atomicWrite(file: string, data: Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export class StateStore {
  constructor(readonly root: string) {}

  private paths(game: string, slot: number): { state: string; thumb: string; dir: string } {
    const dir = join(this.root, setName(game));
    return { dir, state: join(dir, `slot${slotNumber(slot)}.sta`), thumb: join(dir, `slot${slot}.png`) };
  }

  list(game: string): StateSlotInfo[] {
    const dir = join(this.root, setName(game));
    if (!existsSync(dir)) return [];
    const out: StateSlotInfo[] = [];
    for (const f of readdirSync(dir)) {
      const m = /^slot(\d)\.sta$/.exec(f);
      if (!m) continue;
      const slot = Number(m[1]);
      const { state, thumb } = this.paths(game, slot);
      const png = readOwn(thumb, LIMITS.pngBytes);
      out.push({
        slot,
        savedAt: statSync(state).mtimeMs,
        thumbnail: png ? `data:image/png;base64,${png.toString('base64')}` : '',
      });
    }
    return out.sort((a, b) => a.slot - b.slot);
  }

  read(game: string, slot: number): Uint8Array | null {
    const { state } = this.paths(game, slot);
    const bytes = readOwn(state, LIMITS.stateBytes);
    return bytes ? new Uint8Array(bytes) : null;
  }

  write(game: string, slot: number, state: Uint8Array, thumbPng: Uint8Array): void {
    const p = this.paths(game, slot);
    mkdirSync(p.dir, { recursive: true });
    atomicWrite(p.state, state);
    atomicWrite(p.thumb, thumbPng);
  }
}

/** One PNG per game for the library cards: `DIR/SET.png`. */
export class ArtStore {
  constructor(readonly root: string) {}

  save(game: string, png: Uint8Array): void {
    mkdirSync(this.root, { recursive: true });
    atomicWrite(join(this.root, `${setName(game)}.png`), png);
  }

  list(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!existsSync(this.root)) return out;
    for (const f of readdirSync(this.root)) {
      const m = /^([a-z0-9_]{1,32})\.png$/.exec(f);
      const png = m ? readOwn(join(this.root, f), LIMITS.pngBytes) : null;
      if (m && png) out[m[1]] = `data:image/png;base64,${png.toString('base64')}`;
    }
    return out;
  }
}

/** `DIR/SET/SET-YYYYMMDD-HHMMSS[-n].png`; returns the path written. */
export function writeScreenshot(dir: string, game: string, png: Uint8Array, now = new Date()): string {
  const folder = join(dir, setName(game));
  mkdirSync(folder, { recursive: true });
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p2(now.getMonth() + 1)}${p2(now.getDate())}-${p2(now.getHours())}${p2(now.getMinutes())}${p2(now.getSeconds())}`;
  let file = join(folder, `${game}-${stamp}.png`);
  for (let n = 2; existsSync(file); n++) file = join(folder, `${game}-${stamp}-${n}.png`);
  atomicWrite(file, png);
  return file;
}
