/** Messages between the player (main thread) and the emulator worker. */
import type { ChipInfo, GameInfo, SampleData, SampleEvent } from '../../../core/machine-api';
import type { RawSource, SetAudit } from '../../../shared/api';
import type { DebugReply, DebugRequest, MemoryWindow } from '../debugger/protocol';

/** One input field value: [port, field, value]. */
export type InputValue = [string, string, number];

export type ToWorker =
  /** `nvram`: the set's stored non-volatile devices by tag (emu/nvram-store.ts), absent = fresh */
  | { t: 'start'; name: string; sources: RawSource[]; sampleRate: number; settings: InputValue[]; nvram?: Record<string, Uint8Array> }
  | { t: 'audioPort'; port: MessagePort }
  /** run `n` frames; `inputs` are applied before the first one (sampled just before the request) */
  | { t: 'run'; n: number; inputs: InputValue[]; audio: boolean; events?: ScriptEvent[] }
  | { t: 'buffer'; buf: ArrayBuffer }
  | { t: 'reset' }
  | { t: 'powerOn' }
  | { t: 'save'; id: number }
  | { t: 'load'; id: number; state: Uint8Array }
  | { t: 'memory'; id: number; name: string }
  /** rewind length in frames (0 = off) and run-ahead frames (0 = off); see history.ts */
  | { t: 'options'; rewindFrames: number; runAhead: number }
  /** step back `frames` frames (answered with a 'frame' message, `ran` 0) */
  | { t: 'rewind'; frames: number }
  /** power on and record every input change from there / stop and return the recording */
  | { t: 'recordStart' }
  | { t: 'recordStop'; id: number; appVersion: string }
  /** power on and play an input script back (live inputs are ignored until it ends) */
  | { t: 'playback'; events: ScriptEvent[]; frames: number }
  /** the debugger panel (src/renderer/src/debugger/) */
  | { t: 'debug'; id: number; req: DebugRequest; mem: MemoryWindow | null }
  /** a game's chips for the library's details (emu/chip-lookup.ts); needs no started machine */
  | { t: 'chips'; id: number; name: string }
  | { t: 'stop' };

/** An input-script event (../shared/oracle/README.md): applied after frame `frame` has been produced. */
export interface ScriptEvent {
  frame: number;
  port: string;
  field: string;
  value: number;
}

export type FromWorker =
  /** `samples`: the game's recorded samples (sent once per start), played by the page through howler */
  | { t: 'started'; info: GameInfo; audit: SetAudit; sampleRate: number; channels: number; samples: SampleData[] }
  /** `sampleEvents`: the sample triggers of the frames just run, in order (empty for most games) */
  | { t: 'frame'; frameNumber: number; pixels: ArrayBuffer; width: number; height: number; ms: number; ran: number; sampleEvents: SampleEvent[];
      /** after a rewind: how many frames further back it can still go */
      rewindable?: number; rewound?: boolean }
  | { t: 'recording'; id: number; text: string; frames: number; changes: number }
  | { t: 'playbackEnded'; frameNumber: number }
  | { t: 'saved'; id: number; state: Uint8Array; pixels: ArrayBuffer; frameNumber: number }
  | { t: 'loaded'; id: number; ok: boolean; message?: string; frameNumber: number }
  | { t: 'memory'; id: number; bytes: Uint8Array | null; names: string[] }
  | { t: 'debug'; id: number; reply: DebugReply }
  /** null: no such game, or its machine could not be built */
  | { t: 'chips'; id: number; chips: ChipInfo[] | null }
  /** a breakpoint or watchpoint stopped the game while it ran */
  | { t: 'debugStopped'; reply: DebugReply }
  | { t: 'error'; message: string; fatal: boolean }
  /** the non-volatile memory changed (an EAROM write, battery RAM): the player stores it for the next start */
  | { t: 'nvram'; data: Record<string, Uint8Array> };
