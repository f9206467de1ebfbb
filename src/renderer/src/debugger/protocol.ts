/** Messages of the debugger panel (main thread) and the debugger in the emulator worker. */
import type { Breakpoint, StopInfo, Watchpoint } from '../../../core/debug/debugger';
import type { ViewerSource } from '../../../core/debug/viewers';

export type DebugRequest =
  /** create the debugger (the game keeps running); `detach` removes it */
  | { op: 'attach' }
  | { op: 'detach' }
  /** stop at the next frame boundary / run again until a breakpoint or watchpoint */
  | { op: 'break' }
  | { op: 'continue' }
  /** a console command in MAME's syntax (`s`, `o`, `out`, `bp 98b`, `wp 4c12,3,w`, `de=50`, …) */
  | { op: 'command'; line: string }
  /** the state to show: `mem` picks the memory window */
  | { op: 'view' }
  | { op: 'focus'; cpu: string }
  | { op: 'poke'; space: string; addr: number; value: number }
  /** draw a graphics set, tilemap or palette (viewers.ts); `color` picks the gfx colour */
  | { op: 'viewer'; id: string; color: number };

export interface DebugView {
  attached: boolean;
  /** stopped: the game does not run until `continue` */
  paused: boolean;
  frame: number;
  scanline: number;
  stop: StopInfo | null;
  cpus: string[];
  focus: string;
  regs: { name: string; bits: number; value: number }[];
  pc: number;
  addrDigits: number;
  dasm: { addr: number; bytes: number[]; text: string; label: string | null; isPc: boolean }[];
  breakpoints: Breakpoint[];
  watchpoints: Watchpoint[];
  spaces: string[];
  memory: { space: string; addr: number; bytes: number[] } | null;
  /** graphics sets, tilemaps and palettes the machine's devices hold */
  viewers: ViewerSource[];
}

export interface DebugReply {
  lines: string[];
  view: DebugView;
  /** the picture a `viewer` request drew (RGBA) */
  picture?: { id: string; width: number; height: number; rgba: ArrayBuffer };
}

/** Which memory window the panel shows (sent with every request). */
export interface MemoryWindow {
  space: string;
  addr: number;
  length: number;
}
