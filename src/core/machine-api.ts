/**
 * The headless machine as the outside world sees it: the CLI, vitest, the app's Web Worker and the
 * browser build all drive a game through this one interface and nothing else.
 *
 *   const game = findGame('pacdemo');                       // drivers/index.ts registry + manifest
 *   const { files } = loadSet(manifest, sources);            // src/core/roms (audit + bytes)
 *   const m = createMachine(game, files, { sampleRate: 48000 });
 *   m.setInput('IN0', 'Coin 1', 1); m.runFrame(); m.frameBuffer; m.audio();
 */

/** One input field, with MAME's port tag and field name so input scripts drive MAME and Arcade alike. */
export interface InputFieldInfo {
  port: string;                 // 'IN0'
  name: string;                 // 'P1 Up', 'Coin 1', 'Lives'
  kind: 'digital' | 'analog' | 'dip' | 'config';
  mask: number;
  /** default value of the field, in the field's own terms (digital: 0 = released; dip: the setting's value) */
  defaultValue: number;
  /** DIP/config settings: name → value (raw bits within mask) */
  settings?: { name: string; value: number }[];
  /** MAME input type (P1_JOYSTICK_UP, COIN1, START1, BUTTON1, DIPSWITCH …) for default key mapping */
  type: string;
  /** analog: range and behaviour */
  analog?: { min: number; max: number; sensitivity: number; reverse?: boolean; relative: boolean };
  /** DIP location like 'SW:1,2' */
  location?: string;
}

export interface ChipInfo {
  tag: string;
  type: string;      // 'Z80', 'Namco WSG'
  clock: number;     // Hz
  kind: 'cpu' | 'audio' | 'video' | 'other';
}

export interface GameInfo {
  name: string;
  parent?: string;
  title: string;
  year: string;
  maker: string;
  driver: string;
  homebrew: boolean;
  /** output size as shown (after rotation), like MAME snapshots */
  width: number;
  height: number;
  /** monitor rotation applied to the native raster, degrees clockwise */
  rotate: 0 | 90 | 180 | 270;
  refreshHz: number;
  chips: ChipInfo[];
  inputs: InputFieldInfo[];
  /** honest emulation flags (imperfectSound, unemulatedProtection, …) */
  status: Record<string, boolean>;
}

export interface Machine {
  readonly info: GameInfo;
  /** Output frame, `info.width × info.height`, one 0xAABBGGRR word per pixel (RGBA bytes), oriented like MAME's snapshots. */
  readonly frameBuffer: Uint32Array;
  /** Frames completed since power-on (1 after the first runFrame). */
  readonly frameNumber: number;
  readonly sampleRate: number;
  readonly audioChannels: 1 | 2;
  /** Run one video frame: CPUs, timers, video and the frame's audio. */
  runFrame(): void;
  /** The last frame's audio, interleaved when stereo; values nominally -1..1. Valid until the next runFrame. */
  audio(): Float32Array;
  /** Set a field: digital 1 = pressed, dip/config the setting's value, analog the raw position/counter. */
  setInput(port: string, field: string, value: number): void;
  /** Soft reset (the reset button / F3). */
  reset(): void;
  /** Save state (header with set name and ROM hashes, then every device in tag order). */
  saveState(): Uint8Array;
  /** Load a state; on any mismatch throws SaveStateError and changes nothing. */
  loadState(bytes: Uint8Array): void;
  /** Hash of named memory (work RAM, video RAM …) for golden tests: name → bytes view. */
  memory(name: string): Uint8Array;
  memoryNames(): string[];
}

export class SaveStateError extends Error {
  override name = 'SaveStateError';
}
