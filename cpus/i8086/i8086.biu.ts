/**
 * 8086 bus interface unit (BIU) timing model: the 6-byte prefetch queue and its code fetches, and how
 * they delay the execution unit (EU). Used only on the accurate path (`cpu.biu = true`, which the
 * conformance adapter sets); the fast path keeps the instruction-table clocks.
 *
 * What the model reproduces (bus traces of SingleStepTests/8086, a real P80C86A; Ken Shirriff's and
 * reenigne's write-ups of the 8086/8088 BIU for the mechanism):
 * - The queue holds 6 bytes; the BIU starts a word fetch (4 clocks, T1-T4) once 2 bytes are free, two
 *   clocks after the EU read that freed them (the vectors' README: "it takes two cycles to begin a
 *   fetch after reading from a full queue"), and keeps fetching back to back while there is room.
 *   Bytes arrive at T4.
 * - Instruction bytes leave the queue one per clock: a prefix takes 2 clocks; the ModRM byte follows
 *   the opcode; a displacement is read when the EA microcode needs it (direct address: opcode + 3;
 *   with a base register: as the base/index part of the EA is done, opcode + its EA clocks).
 * - The EU asks for the bus 2 clocks before its T1. If a fetch is in its T1-T3 then, the EU's T1
 *   follows that fetch's T4; if the fetch is in T4, the BIU has already let the request slip and the
 *   EU's T1 comes 3 clocks after T4 (traces: PUSH at an odd address, ADD [BX],r vs ADD [BP+DI+d16],r).
 *   A fetch scheduled but not yet in T1 yields to the EU.
 * - A jump suspends prefetching (microcode SUSP) before flushing the queue; a fetch already on the bus
 *   must finish first, which delays the EU until its T4.
 *
 * The EU's first two bus cycles (operand read, write-back) and the suspend are timed against the
 * queue; later ones follow at the instruction's own clocks. Per opcode (ModRM reg for group opcodes,
 * register and memory forms, jumped or not apart) the model needs the microcode positions of those
 * requests, of the suspend and of late immediate-byte reads, and the uncontended count's difference
 * from the instruction table: they are fitted on the vectors by `tools/gen-i8086-biu.ts` and stored in
 * `i8086.biu.params.ts` (the mechanism is modelled; the positions are measured, not read from the
 * microcode ROM).
 */
import { BIU_PARAMS } from './i8086.biu.params';
import { dispBytes, GROUP, HAS_MODRM } from './i8086.ops';

/** "no such event" in the parameter tables */
export const NONE = -128;

/**
 * Parameter index: opcode, reg (group opcodes only), register form (mod 3 or no ModRM) or memory form,
 * and whether control was transferred (a taken and a not-taken Jcc run different microcode).
 */
export function biuKey(op: number, modrm: number, flushed: boolean): number {
  const reg = GROUP[op] !== 0 ? (modrm >> 3) & 7 : 0;
  const regForm = HAS_MODRM[op] === 0 || modrm >> 6 === 3 ? 1 : 0;
  return (((((op << 3) | reg) << 1) | regForm) << 1) | (flushed ? 1 : 0);
}

/** 8086 EA clocks by ModRM (iAPX 86/88 User's Manual), the time the EU spends before a memory operand. */
export function eaClocks(modrm: number): number {
  const mod = modrm >> 6, rm = modrm & 7;
  if (mod === 0 && rm === 6) return 6;
  const base = rm < 4 ? (rm === 0 || rm === 3 ? 7 : 8) : 5;
  return base + (mod === 0 ? 0 : 4);
}

const reads = new Int32Array(16);

/**
 * Simulates the queue from the first byte of an instruction and returns the clocks the BIU adds.
 * `q0`: bytes in the queue at the start; `npre`: prefix bytes; `len`: instruction length with
 * prefixes; `req`: nominal T1 of the EU's first bus cycle (clock from the first byte, NONE if none)
 * and `nc1` its bus cycles (2 for a word at an odd address); `susp`: clock of the prefetch suspend
 * (NONE if the instruction does not jump); `req2`: nominal T1 of a second EU bus cycle, counted from
 * the first one's last T4 (NONE if none); `imm2`: when the immediate bytes are read, counted the same
 * way (NONE: right after the ModRM/displacement bytes).
 */
export function biuDelay(
  q0: number, npre: number, len: number, modrm: number, hasModrm: boolean,
  req: number, nc1: number, susp: number, req2: number, imm2: number,
): number {
  // queue reads: prefixes every 2 clocks, then opcode, ModRM, displacement, immediates
  let n = 0;
  const t0 = npre * 2;
  for (let i = 0; i < npre; i++) reads[n++] = i * 2;
  reads[n++] = t0;
  let rest = len - npre - 1;
  let t = t0 + 1;
  if (hasModrm) {
    reads[n++] = t0 + 1; rest--;
    const d = dispBytes(modrm);
    if (d !== 0) {
      const at = (modrm & 0xc7) === 6 ? t0 + 3 : t0 + eaClocks(modrm) - 4;
      for (let i = 0; i < d; i++) reads[n++] = at + i;
      rest -= d;
      t = at + d;
    } else t = t0 + 2;
  }
  let late = 0;
  if (imm2 !== NONE && req !== NONE) { late = rest; rest = 0; }
  for (; rest > 0 && n < 16; rest--) reads[n++] = t++;

  const cap = 6;
  let q = q0, fetch = -1, pending = -1, ri = 0, delay = 0;
  let euFrom = 1 << 30, euTo = -1, r2 = -1, lateAt = -1, suspDone = susp === NONE;
  const r1 = req === NONE ? -1 : req - 2;
  let end = Math.max(r1, susp === NONE ? -1 : susp);
  for (let c = 0; c <= end; c++) {
    if (pending >= 0 && c >= pending && (c < euFrom || c > euTo)) { fetch = c; pending = -1; }
    if (c === r1 || c === r2) {
      // the EU asks 2 clocks ahead; a fetch in T1-T3 finishes first, one in T4 costs 2 idle clocks more
      const nominal = c + 2;
      const t1 = fetch >= 0 ? (c < fetch + 3 ? fetch + 4 : fetch + 6) : nominal;
      delay += t1 - nominal;
      euFrom = c;
      euTo = t1 + 4 * (c === r1 ? nc1 : 1) - 1;
      if (pending >= 0) pending = euTo + 1;
      if (c === r1) {
        if (req2 !== NONE) { r2 = euTo + req2 - 2; end = Math.max(end, r2); }
        if (late > 0) { lateAt = euTo + imm2; end = Math.max(end, lateAt + late); }
      }
    }
    if (!suspDone && c >= susp + delay) {
      suspDone = true;
      if (fetch >= 0) delay += fetch + 4 - c;
    }
    if (fetch >= 0 && c === fetch + 3) {
      q += 2; fetch = -1;
      if (q <= cap - 2 && pending < 0) pending = c + 1;
    }
    let k = 0;
    while (ri < n && reads[ri] === c) { ri++; k++; }
    if (lateAt >= 0 && c >= lateAt && late > 0) { late--; k++; }
    for (; k > 0; k--) {
      if (q > 0) q--;
      if (q <= cap - 2 && fetch < 0 && pending < 0) pending = c + 2;
    }
  }
  return delay;
}

/** Parameters per index: first request, suspend, second request, immediate reads, clock adjustment. */
export const NPARAM = 5;

/** Extra clocks (may be negative: the fitted uncontended count) for one executed instruction. */
export function biuExtra(q0: number, npre: number, len: number, op: number, modrm: number, flushed: boolean, oddWord: boolean): number {
  const k = biuKey(op, modrm, flushed) * NPARAM;
  const hasModrm = HAS_MODRM[op] !== 0;
  const mem = hasModrm && modrm >> 6 !== 3;
  const t0 = npre * 2;
  const p = BIU_PARAMS;
  const a = p[k], s = p[k + 1], adj = p[k + 4];
  const req = a === NONE ? NONE : t0 + a + (mem ? 2 + eaClocks(modrm) : 0);
  const su = flushed && s !== NONE ? t0 + s : NONE;
  if (req === NONE && su === NONE) return adj;
  return adj + biuDelay(q0, npre, len, modrm, hasModrm, req, mem && oddWord ? 2 : 1, su, p[k + 2], p[k + 3]);
}
