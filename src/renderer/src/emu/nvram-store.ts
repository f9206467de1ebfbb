/**
 * The app's NVRAM folder: each set's non-volatile devices (EAROM high scores, battery RAM) kept in
 * localStorage as `arcade.nvram.<set>` = { tag: base64 } (src/core/nvram.ts; the CLI's `--nvram` keeps the
 * same blobs as files). Unreadable entries are ignored with a warning: the game then starts fresh.
 */
const PREFIX = 'arcade.nvram.';

function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return btoa(s);
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function loadStoredNvram(set: string): Record<string, Uint8Array> | undefined {
  const text = globalThis.localStorage?.getItem(PREFIX + set);
  if (!text) return undefined;
  try {
    const obj = JSON.parse(text) as Record<string, unknown>;
    const out: Record<string, Uint8Array> = {};
    for (const [tag, v] of Object.entries(obj)) if (typeof v === 'string') out[tag] = fromBase64(v);
    return out;
  } catch {
    console.warn(`NVRAM of ${set} in localStorage is damaged: the game starts fresh`);
    return undefined;
  }
}

export function storeNvram(set: string, data: Record<string, Uint8Array>): void {
  const obj: Record<string, string> = {};
  for (const [tag, v] of Object.entries(data)) obj[tag] = toBase64(v);
  try {
    globalThis.localStorage?.setItem(PREFIX + set, JSON.stringify(obj));
  } catch (e) {
    console.warn(`cannot keep the NVRAM of ${set}: ${(e as Error).message}`);
  }
}
