/**
 * Default settings and the defensive reader of a settings object, shared by the Electron main
 * process (config.ts, a JSON file) and the web build (localStorage). No Node or Electron import.
 */
import type { AppConfig } from './api';
import { configPatch, LIMITS, windowState } from './ipc-validate';

export const DEFAULT_HOTKEYS: Record<string, string> = {
  pause: 'KeyP',
  reset: 'F3',
  library: 'Escape',
  screenshot: 'F12',
  fastForward: 'Backquote',
  saveState: 'F5',
  loadState: 'F7',
  fullscreen: 'F11',
  fps: 'F10',
  // MAME steps a paused game one frame with Shift+P; one key without a modifier is easier to hold
  frameAdvance: 'Period',
  rewind: 'Backspace',
  record: 'F8',
};

/** Gamepad hot keys (standard mapping): none by default, so no button a game uses is taken. */
export const DEFAULT_PAD_HOTKEYS: Record<string, string> = {};

/** Every hot-key action with the words the Settings → Hotkeys tab shows. */
export const HOTKEY_ACTIONS: Record<string, string> = {
  pause: 'Pause / resume',
  frameAdvance: 'Next frame (while paused)',
  rewind: 'Rewind (hold)',
  fastForward: 'Fast forward (hold)',
  reset: 'Reset',
  saveState: 'Save state',
  loadState: 'Load state',
  record: 'Record inputs / stop',
  screenshot: 'Screenshot',
  fullscreen: 'Full screen',
  fps: 'Show speed and FPS',
  library: 'Back to the library',
};

export function defaultConfig(): AppConfig {
  return {
    version: 1,
    romFolders: [],
    firstRunDone: false,
    volume: 0.8,
    muted: false,
    video: { scaling: 'integer', scanlines: false, rotate: 0, showFps: false },
    window: { width: 1280, height: 800, maximized: false, fullscreen: false },
    games: {},
    hotkeys: { ...DEFAULT_HOTKEYS },
    padHotkeys: { ...DEFAULT_PAD_HOTKEYS },
    player: { rewindSeconds: 30, runAhead: 0 },
  };
}

/** Merge untrusted JSON into defaults; every entry is validated on its own so a bad one costs only itself. */
export function sanitizeConfig(raw: unknown): AppConfig {
  return sanitizeConfigReport(raw).config;
}

const KNOWN_KEYS = new Set(['version', 'romFolders', 'firstRunDone', 'volume', 'muted', 'video', 'window', 'games', 'hotkeys', 'padHotkeys', 'player']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `configPatch` on one small piece: the validated value, or undefined when it is invalid. */
function valid<K extends keyof AppConfig>(key: K, value: unknown): AppConfig[K] | undefined {
  try {
    return configPatch({ [key]: value })[key] as AppConfig[K];
  } catch {
    return undefined;
  }
}

/**
 * Like `sanitizeConfig`, and also lists what was dropped (`games.pacman.bindings.IN0/P1 Up`, `volume`…),
 * so the settings file can be backed up before it is rewritten without those entries. One bad game
 * name, binding, DIP value or hotkey drops only itself.
 */
export function sanitizeConfigReport(raw: unknown): { config: AppConfig; dropped: string[] } {
  const cfg = defaultConfig();
  const dropped: string[] = [];
  if (!isObject(raw)) return { config: cfg, dropped: ['the whole file (not a settings object)'] };
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) dropped.push(key);
  for (const key of ['firstRunDone', 'muted', 'volume', 'video', 'player'] as const) {
    if (!(key in raw)) continue;
    const v = valid(key, raw[key]);
    if (v === undefined) dropped.push(key);
    else Object.assign(cfg, { [key]: v });
  }
  if ('games' in raw) {
    if (!isObject(raw.games)) dropped.push('games');
    else {
      for (const [name, entry] of Object.entries(raw.games).slice(0, LIMITS.games)) {
        const whole = valid('games', { [name]: entry });
        if (whole) { Object.assign(cfg.games, whole); continue; }
        if (valid('games', { [name]: { bindings: {}, dips: {} } }) === undefined || !isObject(entry)) { dropped.push(`games.${name}`); continue; }
        // Salvage the game's valid bindings and DIP values one by one.
        const bindings = isObject(entry.bindings) ? entry.bindings : {};
        const dips = isObject(entry.dips) ? entry.dips : {};
        const kept = { bindings: {} as Record<string, unknown>, dips: {} as Record<string, unknown> };
        for (const [k, b] of Object.entries(bindings).slice(0, LIMITS.bindings)) {
          if (valid('games', { [name]: { bindings: { [k]: b }, dips: {} } })) kept.bindings[k] = b;
          else dropped.push(`games.${name}.bindings.${k}`);
        }
        for (const [k, d] of Object.entries(dips).slice(0, LIMITS.dips)) {
          if (valid('games', { [name]: { bindings: {}, dips: { [k]: d } } })) kept.dips[k] = d;
          else dropped.push(`games.${name}.dips.${k}`);
        }
        if (!isObject(entry.bindings) || !isObject(entry.dips)) dropped.push(`games.${name}`);
        Object.assign(cfg.games, valid('games', { [name]: kept }));
      }
    }
  }
  if ('hotkeys' in raw) {
    if (!isObject(raw.hotkeys)) dropped.push('hotkeys');
    else
      for (const [name, code] of Object.entries(raw.hotkeys).slice(0, LIMITS.hotkeys)) {
        const v = valid('hotkeys', { [name]: code });
        if (v) Object.assign(cfg.hotkeys, v);
        else dropped.push(`hotkeys.${name}`);
      }
  }
  if ('padHotkeys' in raw) {
    if (!isObject(raw.padHotkeys)) dropped.push('padHotkeys');
    else
      for (const [name, code] of Object.entries(raw.padHotkeys).slice(0, LIMITS.hotkeys)) {
        const v = valid('padHotkeys', { [name]: code });
        if (v) Object.assign(cfg.padHotkeys, v);
        else dropped.push(`padHotkeys.${name}`);
      }
  }
  if ('romFolders' in raw) {
    if (!Array.isArray(raw.romFolders)) dropped.push('romFolders');
    else {
      const ok = (f: unknown): f is string => typeof f === 'string' && f.length < LIMITS.pathChars && isAbsolutePath(f) && !f.includes('\0');
      for (const f of raw.romFolders) if (!ok(f)) dropped.push(`romFolders: ${JSON.stringify(f)?.slice(0, 80)}`);
      cfg.romFolders = [...new Set(raw.romFolders.filter(ok))].slice(0, LIMITS.folders);
    }
  }
  cfg.window = windowState(raw.window, cfg.window);
  return { config: cfg, dropped };
}

/** POSIX "/x", Windows "C:\x" or "\\server\share"; no node:path here (this module also runs in the browser). */
function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}
