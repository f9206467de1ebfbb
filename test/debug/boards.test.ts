/**
 * The debugger on the other boards, through the same CpuDevice interface: Centipede (6502, homebrew
 * cendemo) and Snow Bros (68000 + Z80 sound CPU, homebrew sbdemo). Expected instruction sequences come from
 * the programs' sources (homebrew/centipede/cendemo.s `reset:`, homebrew/snowbros/sbdemo68k.s `start:`).
 */
import { describe, expect, it } from 'vitest';
import { DebugConsole } from '../../src/core/debug/console';
import { Debugger } from '../../src/core/debug/debugger';
import { loadGame } from '../../src/cli/load-game';

function session(set: string) {
  const { machine } = loadGame(set, 'homebrew');
  const dbg = new Debugger(machine);
  dbg.attach();
  const con = new DebugConsole(dbg);
  return { machine, dbg, run: (c: string) => con.execute(c) };
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

describe('debugger on other boards', () => {
  it('6502 (cendemo): steps count instructions, not reset cycles; reverse step restores the state', () => {
    const { run, dbg, machine } = session('cendemo');
    // reset: sei / cld / ldx #$ff / txs / lda #0 / tax
    expect(run('s 5')).toEqual(['maincpu 2007: tax']);
    expect(dbg.recentHistory(5).map((h) => h.pc)).toEqual([0x2000, 0x2001, 0x2002, 0x2004, 0x2005]);
    const before = machine.saveState();
    run('s');
    run('rs');
    expect(same(machine.saveState(), before)).toBe(true);
  });

  it('68000 + Z80 (sbdemo): each CPU steps and breaks on its own; reverse step on the sound CPU', () => {
    const { run, machine } = session('sbdemo');
    // start: move.w #0x2700,sr / lea RAM,a0 / move.w #0x1000-1,d0 / clr.l (a0)+
    expect(run('s 3')).toEqual(['maincpu 000452: clr.l (a0)+']);
    // the sound CPU's main loop: `main: halt`, then `ld a,(cmdflag)` at 00A7 (sbsound.asm); like MAME's, the
    // breakpoint also hits while the Z80 idles in HALT, as its PC already points there
    expect(run('bp a7:soundcpu')).toEqual(['Breakpoint 1 set']);
    expect(run('g')).toEqual(['Stopped at breakpoint 1', 'soundcpu 00A7: ld   a,($800B)']);
    expect(run('focus soundcpu')).toEqual(["Now focused on CPU 'soundcpu'"]);
    run('bpclear');
    run('s 3');
    const here = machine.saveState();
    run('s 2');
    run('rs 2');
    expect(same(machine.saveState(), here)).toBe(true);
  });
});
