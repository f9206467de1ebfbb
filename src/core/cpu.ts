/**
 * What the scheduler, the debugger and the CLI need from a CPU core. Cores live in `cpus/<cpu>/`
 * and extend `Device`; a core also exports a disassembler and a conformance adapter.
 *
 * Timing contract (MAME's execute interface, simplified):
 * - `run(budget)` executes whole instructions until at least `budget` cycles have been used (the last
 *   instruction may overshoot) and returns the cycles actually used. `run(1)` executes exactly one
 *   instruction (or one interrupt acceptance, or one HALT/STOP idle step).
 * - `endSlice()` may be called from inside `run` (by a memory handler): the core finishes the current
 *   instruction and returns; the returned count stays exact.
 * - `sliceCycles()` is the number of cycles used so far in the current `run` call, so devices can tell
 *   the exact time of a bus access (`scheduler.now()`).
 * - Interrupt inputs are levels (`setIrq`) or latched edges (`setNmi`), sampled between instructions.
 */
import type { Device } from './device';

export interface RegisterInfo {
  /** datasheet name, e.g. `pc`, `a`, `d0`, `ax` */
  name: string;
  /** width in bits */
  bits: number;
  /** other names for it (NEC names on x86: `aw` for `ax`) */
  aliases?: string[];
}

export interface Disassembly {
  /** e.g. `ld a,(ix+$05)` */
  text: string;
  /** instruction length in bytes */
  length: number;
}

export interface CpuDevice extends Device {
  run(budget: number): number;
  endSlice(): void;
  sliceCycles(): number;
  /** Maskable interrupt input level; on CPUs with several levels (68000) this is the IPL value 0-7. */
  setIrq(state: number): void;
  /** Non-maskable interrupt (edge on Z80/6502/x86). No-op where the CPU has none. */
  setNmi(state: number): void;
  /** Program counter of the next instruction (for the debugger and traces). */
  pcValue(): number;
  /** Register list for the debugger and `cpu_state` comparisons. */
  registerInfo(): readonly RegisterInfo[];
  getRegister(name: string): number;
  setRegister(name: string, value: number): void;
  /** Disassemble at `addr` using side-effect-free reads. */
  disassemble(addr: number, peek: (addr: number) => number): Disassembly;
}

