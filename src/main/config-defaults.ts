/**
 * Default settings and the defensive reader of a settings object, shared by the Electron main
 * process (config.ts, a JSON file) and the web build (localStorage). No Node or Electron import.
 */
import type { AppConfig } from '../preload/api';
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

/** Merge untrusted JSON into defaults; every key is validated on its own so one bad key costs only itself. */
export function sanitizeConfig(raw: unknown): AppConfig {
  const cfg = defaultConfig();
  if (typeof raw !== 'object' || raw === null) return cfg;
  const r = raw as Record<string, unknown>;
  for (const key of ['firstRunDone', 'muted', 'volume', 'video', 'games', 'hotkeys', 'padHotkeys', 'player'] as const) {
    if (!(key in r)) continue;
    try {
      Object.assign(cfg, configPatch({ [key]: r[key] }));
    } catch {
      // keep the default for this key
    }
  }
  cfg.hotkeys = { ...DEFAULT_HOTKEYS, ...cfg.hotkeys };
  if (Array.isArray(r.romFolders)) {
    cfg.romFolders = [...new Set(r.romFolders.filter(
      (f): f is string => typeof f === 'string' && f.length < LIMITS.pathChars && isAbsolutePath(f) && !f.includes('\0'),
    ))].slice(0, LIMITS.folders);
  }
  cfg.window = windowState(r.window, cfg.window);
  return cfg;
}

/** POSIX "/x", Windows "C:\x" or "\\server\share"; no node:path here (this module also runs in the browser). */
function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}
