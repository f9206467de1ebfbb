/**
 * The one API the renderer sees as `window.arcade`. The Electron preload implements it over IPC
 * (src/preload/index.ts → src/main/ipc.ts); the web build implements it in the page
 * (src/renderer/src/api/web-api.ts). Types only: no Electron or DOM imports here.
 */

/** A ROM source as raw bytes, so it can cross IPC or a worker boundary by structured clone. */
export type RawSource =
  | { kind: 'zip'; label: string; bytes: Uint8Array }
  | { kind: 'files'; label: string; files: Record<string, Uint8Array> };

/** Audit verdict of one set, MAME-style. */
export type SetStatus = 'good' | 'badChecksum' | 'missing' | 'notFound';

export interface RomFileAudit {
  name: string;
  size: number;
  crc32: string;
  /** what happened to this file */
  status: 'good' | 'badChecksum' | 'wrongSize' | 'missing';
  /** where it was found (zip or folder label) */
  foundIn?: string;
}

export interface SetAudit {
  name: string;
  status: SetStatus;
  files: RomFileAudit[];
  /** every place that was looked at, for the "where we looked" message */
  searched: string[];
  /** one line for the UI */
  message: string;
}

export interface LoadedSet {
  name: string;
  sources: RawSource[];
}

export interface KeyBinding {
  /** KeyboardEvent.code values, any of which presses the field */
  keys: string[];
  /** gamepad buttons ("b0".."b16") or axes ("a0-", "a1+") */
  pad: string[];
}

/** Everything we remember per game. */
export interface GameSettings {
  /** "PORT/Field name" → binding; missing entries use the defaults */
  bindings: Record<string, KeyBinding>;
  /** "PORT/Field name" → DIP/config value */
  dips: Record<string, number>;
}

export interface VideoSettings {
  scaling: 'integer' | 'fit';
  scanlines: boolean;
  /** extra rotation of the whole screen, degrees clockwise (for rotated monitors) */
  rotate: 0 | 90 | 180 | 270;
  showFps: boolean;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
  fullscreen: boolean;
}

export interface AppConfig {
  version: 1;
  romFolders: string[];
  firstRunDone: boolean;
  volume: number;
  muted: boolean;
  video: VideoSettings;
  window: WindowState;
  games: Record<string, GameSettings>;
  /** UI hot keys (pause, reset, …) → KeyboardEvent.code */
  hotkeys: Record<string, string>;
  /** UI hot keys on a gamepad: action → standard-mapping button ("b4"); unset actions have none */
  padHotkeys: Record<string, string>;
  player: PlayerSettings;
}

export interface PlayerSettings {
  /** how far back rewind reaches (0 = off); memory use grows with it (docs/app.md) */
  rewindSeconds: number;
  /** frames of run-ahead (RetroArch's latency hiding): 0 = off, 1 or 2 */
  runAhead: number;
}

export interface StateSlotInfo {
  slot: number;
  /** ms since the epoch */
  savedAt: number;
  /** PNG data URL of the thumbnail */
  thumbnail: string;
}

export type MenuCommand =
  | 'openRomFolder' | 'library' | 'pause' | 'reset' | 'fullscreen' | 'screenshot'
  | 'saveState' | 'loadState' | 'fastForward' | 'settings' | 'about' | 'toggleFps' | 'toggleScanlines';

export interface ArcadeApi {
  readonly platform: 'electron' | 'web';
  getConfig(): Promise<AppConfig>;
  setConfig(patch: Partial<AppConfig>): Promise<AppConfig>;
  /** Electron: a folder dialog; web: a file picker for zips. Returns the folders/labels now in use, or null if cancelled. */
  addRomFolder(): Promise<string[] | null>;
  removeRomFolder(folder: string): Promise<string[]>;
  /** Audit every supported set against the ROM folders (and bundled homebrew). */
  scanLibrary(): Promise<SetAudit[]>;
  /** The raw sources of one set (its own and its parent's), for the emulator worker. */
  loadRomSet(name: string): Promise<LoadedSet>;
  /** A zip dropped on the window: stored in the app's ROM folder. Returns the refreshed audit. */
  importZip(fileName: string, bytes: Uint8Array): Promise<SetAudit[]>;
  listStates(game: string): Promise<StateSlotInfo[]>;
  readState(game: string, slot: number): Promise<Uint8Array | null>;
  writeState(game: string, slot: number, state: Uint8Array, thumbnailPng: Uint8Array): Promise<void>;
  /** The library's card picture of a game: its last frame when the player left it. */
  saveArt(game: string, png: Uint8Array): Promise<void>;
  /** set name → PNG data URL */
  listArt(): Promise<Record<string, string>>;
  /** Saves a PNG snapshot; returns where it went (a path, or a download name). */
  saveScreenshot(game: string, png: Uint8Array): Promise<string>;
  setFullscreen(on: boolean): Promise<boolean>;
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    arcade?: ArcadeApi;
  }
}
