/**
 * MC68000 instruction handlers, one function per entry name of `m68000.ops.ts`, split by concern:
 *   m68000.exec.arith.ts  arithmetic and logic, MUL/DIV/CHK
 *   m68000.exec.move.ts   data movement (MOVE and its store-fault rules, MOVEM, MOVEP, LEA …)
 *   m68000.exec.bits.ts   bit operations, shifts and rotates
 *   m68000.exec.flow.ts   branches, jumps, returns, traps and exceptions, status register moves
 * Each handler performs the instruction's bus accesses in the order the chip makes them (comments: np
 * prefetch, nr/nw read/write, n idle clocks) so that cycle counts and address errors come out as on the
 * chip; the facts behind each ordering are the shared vectors (MAME's microcoded 68000) unless noted.
 */
import type { M68000 } from './m68000';
import { add, sub, and, or, cmp, addm, subm, andm, orm, eor, adda, suba, cmpa, ori, andi, subi, addi, eori, cmpi, addq, subq, moveq, addx, subx, cmpm, abcd, sbcd, nbcd, clr, neg, negx, not, tst, tas, scc, mulu, muls, divu, divs, chk } from './m68000.exec.arith';
import { swap, extw, extl, exg, move, movea, lea, pea, link, unlk, movemstore, movemload, movep } from './m68000.exec.move';
import { btst, bchg, bclr, bset, btsti, bchgi, bclri, bseti, shiftr, shiftm } from './m68000.exec.bits';
import { illegal, linea, linef, bra, bcc, bsr, dbcc, jmp, jsr, rts, rtr, rte, trap, trapv, nop, reset, stop, oriccr, andiccr, eoriccr, orisr, andisr, eorisr, movetoccr, movetosr, movefromsr, movetousp, movefromusp } from './m68000.exec.flow';

export type Handler = (c: M68000, op: number) => void;

export const HANDLER_FNS: Record<string, Handler> = {
  illegal, linea, linef, add, sub, and, or, cmp, addm, subm, andm, orm, eor, adda, suba, cmpa,
  ori, andi, subi, addi, eori, cmpi, addq, subq, moveq, addx, subx, cmpm, abcd, sbcd, nbcd,
  clr, neg, negx, not, tst, tas, scc, swap, extw, extl, exg, move, movea, lea, pea, link, unlk,
  movemstore, movemload, movep, btst, bchg, bclr, bset, btsti, bchgi, bclri, bseti, shiftr, shiftm,
  mulu, muls, divu, divs, chk, bra, bcc, bsr, dbcc, jmp, jsr, rts, rtr, rte, trap, trapv, nop, reset, stop,
  oriccr, andiccr, eoriccr, orisr, andisr, eorisr, movetoccr, movetosr, movefromsr, movetousp, movefromusp,
};
