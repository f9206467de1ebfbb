/**
 * Validation of every argument that crosses IPC from the renderer. The renderer is treated as
 * untrusted (Electron security checklist §17, "validate the sender and arguments of all IPC messages"):
 * each channel has one validator that either returns typed, copied values or throws.
 * Plain module, no Electron import, so vitest covers it.
 */
import type { AppConfig, GameSettings, KeyBinding, VideoSettings, WindowState } from './api';

export class IpcValidationError extends Error {
  override name = 'IpcValidationError';
}

const SET_NAME = /^[a-z0-9_]{1,32}$/;
const KEY_CODE = /^[A-Za-z0-9]{1,24}$/;
const PAD_CODE = /^(b\d{1,2}|a\d{1,2}[+-])$/;
const FIELD_KEY = /^[A-Za-z0-9_:]{1,24}\/[A-Za-z0-9 _.,'/()&+-]{1,48}$/;

export const LIMITS = {
  zipBytes: 64 * 1024 * 1024,
  stateBytes: 16 * 1024 * 1024,
  pngBytes: 4 * 1024 * 1024,
  slots: 10,
  folders: 16,
  pathChars: 4096,
  /** per settings file: games with settings, and per game bindings and DIP values; hotkeys */
  games: 512,
  bindings: 128,
  dips: 64,
  hotkeys: 32,
  /** rewind keeps a keyframe every 8 frames: 10 minutes of a 60 Hz game is 4,500 save states */
  rewindSeconds: 600,
} as const;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function fail(what: string): never {
  throw new IpcValidationError(`invalid IPC argument: ${what}`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export function setName(v: unknown): string {
  if (typeof v !== 'string' || !SET_NAME.test(v)) fail('set name');
  return v;
}

export function slot(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= LIMITS.slots) fail('state slot');
  return v;
}

export function bytes(v: unknown, max: number, what: string): Uint8Array {
  if (!(v instanceof Uint8Array)) fail(`${what} must be bytes`);
  if (v.byteLength === 0 || v.byteLength > max) fail(`${what} size`);
  return new Uint8Array(v); // own copy: the caller's buffer is not ours
}

export function png(v: unknown): Uint8Array {
  const b = bytes(v, LIMITS.pngBytes, 'PNG');
  for (let i = 0; i < PNG_MAGIC.length; i++) if (b[i] !== PNG_MAGIC[i]) fail('PNG signature');
  return b;
}

/**
 * The display name of a dropped or picked zip. Only its type and length are checked here: it is never
 * used as a path (the zip is stored under its set's name), and rom-import.ts tells the player, in
 * words, what is wrong with a name, a size or the contents.
 */
export function zipFileName(v: unknown): string {
  if (typeof v !== 'string' || v.length > 1024) fail('zip file name');
  return v;
}

/** A dropped zip's bytes: any size up to a bound far above the import limit (rom-import.ts words that limit). */
export function zipBytes(v: unknown): Uint8Array {
  if (!(v instanceof Uint8Array)) fail('zip must be bytes');
  if (v.byteLength > 4 * LIMITS.zipBytes) fail('zip size');
  return new Uint8Array(v);
}

export function boolean(v: unknown): boolean {
  if (typeof v !== 'boolean') fail('boolean');
  return v;
}

/** A folder path the renderer hands back (only for removal: it must already be one of ours). */
export function folderPath(v: unknown): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > LIMITS.pathChars || v.includes('\0')) fail('folder path');
  return v;
}

function binding(v: unknown): KeyBinding {
  if (!isPlainObject(v) || !Array.isArray(v.keys) || !Array.isArray(v.pad)) fail('binding');
  if (v.keys.length > 4 || v.pad.length > 4) fail('binding length');
  const keys = v.keys.map((k) => (typeof k === 'string' && KEY_CODE.test(k) ? k : fail('key code')));
  const pad = v.pad.map((k) => (typeof k === 'string' && PAD_CODE.test(k) ? k : fail('pad code')));
  return { keys, pad };
}

function gameSettings(v: unknown): GameSettings {
  if (!isPlainObject(v) || !isPlainObject(v.bindings) || !isPlainObject(v.dips)) fail('game settings');
  const bindings: Record<string, KeyBinding> = {};
  const dips: Record<string, number> = {};
  if (Object.keys(v.bindings).length > LIMITS.bindings || Object.keys(v.dips).length > LIMITS.dips) fail('game settings size');
  for (const [k, b] of Object.entries(v.bindings)) {
    if (!FIELD_KEY.test(k)) fail('input field');
    bindings[k] = binding(b);
  }
  for (const [k, d] of Object.entries(v.dips)) {
    if (!FIELD_KEY.test(k) || typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 0xffff_ffff) fail('DIP value');
    dips[k] = d;
  }
  return { bindings, dips };
}

function video(v: unknown): VideoSettings {
  if (!isPlainObject(v)) fail('video settings');
  const { scaling, scanlines, rotate, showFps } = v;
  if (scaling !== 'integer' && scaling !== 'fit') fail('scaling');
  if (rotate !== 0 && rotate !== 90 && rotate !== 180 && rotate !== 270) fail('rotate');
  return { scaling, scanlines: boolean(scanlines), rotate, showFps: boolean(showFps) };
}

/**
 * A partial config from the renderer. Only the keys the renderer may change are accepted: the ROM
 * folder list is NOT among them (folders come only from the native dialog, so a compromised
 * renderer cannot widen file access), nor is the window state (main records it).
 */
export function configPatch(v: unknown): Partial<AppConfig> {
  if (!isPlainObject(v)) fail('config patch');
  const out: Partial<AppConfig> = {};
  for (const [key, value] of Object.entries(v)) {
    switch (key) {
      case 'firstRunDone': out.firstRunDone = boolean(value); break;
      case 'muted': out.muted = boolean(value); break;
      case 'volume':
        if (typeof value !== 'number' || !(value >= 0 && value <= 1)) fail('volume');
        out.volume = value;
        break;
      case 'video': out.video = video(value); break;
      case 'games': {
        if (!isPlainObject(value) || Object.keys(value).length > LIMITS.games) fail('games');
        const games: Record<string, GameSettings> = {};
        for (const [name, s] of Object.entries(value)) games[setName(name)] = gameSettings(s);
        out.games = games;
        break;
      }
      case 'padHotkeys': {
        if (!isPlainObject(value) || Object.keys(value).length > 32) fail('gamepad hotkeys');
        const pad: Record<string, string> = {};
        for (const [name, code] of Object.entries(value)) {
          if (!/^[a-zA-Z]{1,24}$/.test(name) || typeof code !== 'string' || !/^b\d{1,2}$/.test(code)) fail('gamepad hotkey');
          pad[name] = code;
        }
        out.padHotkeys = pad;
        break;
      }
      case 'player': {
        if (!isPlainObject(value)) fail('player settings');
        const { rewindSeconds, runAhead } = value;
        if (typeof rewindSeconds !== 'number' || !Number.isInteger(rewindSeconds) || rewindSeconds < 0 || rewindSeconds > LIMITS.rewindSeconds) fail('rewind length');
        if (runAhead !== 0 && runAhead !== 1 && runAhead !== 2) fail('run-ahead');
        out.player = { rewindSeconds, runAhead };
        break;
      }
      case 'hotkeys': {
        if (!isPlainObject(value) || Object.keys(value).length > LIMITS.hotkeys) fail('hotkeys');
        const hot: Record<string, string> = {};
        for (const [name, code] of Object.entries(value)) {
          if (!/^[a-zA-Z]{1,24}$/.test(name) || typeof code !== 'string' || !KEY_CODE.test(code)) fail('hotkey');
          hot[name] = code;
        }
        out.hotkeys = hot;
        break;
      }
      default:
        fail(`config key "${key}" is not writable`);
    }
  }
  return out;
}

/** Window state read back from disk (main's own file, but a user may have edited it). */
export function windowState(v: unknown, fallback: WindowState): WindowState {
  if (!isPlainObject(v)) return fallback;
  const num = (x: unknown, lo: number, hi: number): number | undefined =>
    typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi ? Math.round(x) : undefined;
  return {
    x: num(v.x, -20000, 20000),
    y: num(v.y, -20000, 20000),
    width: num(v.width, 400, 16384) ?? fallback.width,
    height: num(v.height, 300, 16384) ?? fallback.height,
    maximized: v.maximized === true,
    fullscreen: v.fullscreen === true,
  };
}
