/**
 * The headless machine as the outside world sees it: the CLI, vitest, the app's Web Worker and the
 * browser build all drive a game through this one interface and nothing else.
 *
 *   const game = findGame('pacdemo');                       // drivers/index.ts registry + manifest
 *   const { files } = loadSet(manifest, sources);            // src/core/roms (audit + bytes)
 *   const m = createMachine(game, { manifest, files }, { sampleRate: 48000 });  // src/core/machine.ts
 *   m.setInput('IN0', 'Coin 1', 1); m.runFrame(); m.frameBuffer; m.audio();
 */

import type { SetIdentity } from './roms/manifest';

/** One input field, with MAME's port tag and field name so input scripts drive MAME and Arcade alike. */
export interface InputFieldInfo {
  port: string;                 // 'IN0'
  name: string;                 // 'P1 Up', 'Coin 1', 'Lives'
  kind: 'digital' | 'analog' | 'dip' | 'config';
  mask: number;
  /** default value of the field, in the field's own terms (digital: 0 = released; dip: the setting's value) */
  defaultValue: number;
  /** DIP/config settings: name → value (raw bits within mask) */
  settings?: { name: string; value: number; condition?: { port: string; mask: number; relation: 'eq' | 'ne'; value: number } }[];
  /** MAME input type (P1_JOYSTICK_UP, COIN1, START1, BUTTON1, DIPSWITCH …) for default key mapping */
  type: string;
  /** analog: range and behaviour */
  analog?: { min: number; max: number; sensitivity: number; reverse?: boolean; relative: boolean; keydelta?: number };
  /** DIP location like 'SW:1,2' ('!3': switch 3 reads inverted) */
  location?: string;
  /** digital joystick directions: 4 or 8 ways (MAME PORT_4WAY / PORT_8WAY) */
  ways?: number;
}

export interface ChipInfo {
  tag: string;
  type: string;      // 'Z80', 'Namco WSG'
  clock: number;     // Hz
  kind: 'cpu' | 'audio' | 'video' | 'other';
}

export interface GameInfo extends SetIdentity {
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
  /**
   * Sample-based sound (boards with MAME's `samples` device): the sample triggers of the last frame,
   * for a front end that plays the samples itself (the app, through howler). Absent or empty when the
   * game has no samples. See `SampleEvent`.
   */
  sampleEvents?(): SampleEvent[];
  /** The recorded samples the game can trigger; `SampleEvent.sample` indexes this list. */
  sampleBank?(): SampleData[];
}

/** One recorded sound (mono, 16-bit PCM at its own rate), as supplied by the game definition. */
export interface SampleData {
  name: string;
  /** Hz */
  rate: number;
  pcm: Int16Array;
}

export type SampleAction = 'start' | 'stop' | 'volume' | 'rate' | 'pause' | 'resume';

/**
 * A change on one sample channel during the last frame. Every event carries the channel's whole state
 * after the change, so a player may treat any event as "make the channel sound like this".
 */
export interface SampleEvent {
  /** channel number, unique across the machine's sample devices */
  channel: number;
  /** index into `sampleBank()`; -1 when the channel is idle (after 'stop') */
  sample: number;
  action: SampleAction;
  loop: boolean;
  /** channel gain, 1 = full */
  volume: number;
  /** playback rate relative to the sample's own rate (1 = recorded pitch) */
  rate: number;
  /** when the change happened, in output samples (`Machine.sampleRate`) from the start of the frame */
  offsetSamples: number;
  /** 'start' only: seconds into the sample to begin at (non-zero when a loaded state resumes a sample) */
  seek: number;
}

/** A sample trigger as a device records it: machine time in scheduler ticks instead of a frame offset. */
export interface SampleTrigger extends Omit<SampleEvent, 'offsetSamples'> {
  tick: number;
}

/** What a device with samples offers the machine (sound/samples/samples.ts implements it). */
export interface SampleSource {
  readonly sampleChannels: number;
  sampleData(): readonly SampleData[];
  /** triggers recorded at machine times in [from, to) */
  sampleTriggers(from: number, to: number): SampleTrigger[];
  /** set by the machine: render silence (a front end plays the samples), keep recording triggers */
  externalSamples: boolean;
}

export class SaveStateError extends Error {
  override name = 'SaveStateError';
}
