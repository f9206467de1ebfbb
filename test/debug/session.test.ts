/**
 * Scripted debugger sessions on the Pac-Man board (homebrew/pacdemo with the golden input script: two
 * coins, start, then Pac eats dots). Expected addresses come from the program's source and z80asm's
 * listing (homebrew/pacman/pacdemo.asm; symbols in test/debug/pacdemo.sym): add_score = 098B, its
 * `ld (hl),a` at 0991 writes SCORE (4C12, BCD, low byte first), pe_eat calls it at 060C with DE = 0010
 * for a dot. Trace text is compared with MAME's own trace (test/debug/golden).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DebugConsole } from '../../src/core/debug/console';
import { Debugger } from '../../src/core/debug/debugger';
import { parseInputScript } from '../../src/core/input';
import { loadGame } from '../../src/cli/load-game';

const SYMBOLS = readFileSync('test/debug/pacdemo.sym', 'utf8');
const INPUTS = parseInputScript(readFileSync('homebrew/pacman/inputs-golden.txt', 'utf8'), 'inputs-golden.txt');

function session(withInputs = true) {
  const { machine } = loadGame('pacdemo', 'homebrew');
  const dbg = new Debugger(machine);
  if (withInputs) {
    dbg.inputScript = INPUTS;
    for (const e of INPUTS) if (e.frame === 0) machine.setInput(e.port, e.field, e.value);
  }
  dbg.attach();
  const traces: string[] = [];
  const con = new DebugConsole(dbg, { openTrace: () => ({ write: (t) => traces.push(t), close: () => {} }) });
  dbg.loadSymbols(SYMBOLS);
  const run = (cmd: string) => con.execute(cmd);
  return { machine, dbg, con, run, traces };
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

describe('debugger on pacdemo', () => {
  it('breakpoints count their hits; the history shows the call that led there', () => {
    const { run, dbg } = session();
    expect(run('bp add_score')).toEqual(['Breakpoint 1 set']);
    expect(run('g')).toEqual(['Stopped at breakpoint 1', 'maincpu 098B: ld   hl,$4C12']);
    expect(dbg.getRegister('de')).toBe(0x0010);
    expect(run('g')[0]).toBe('Stopped at breakpoint 1');
    expect(run('g')[0]).toBe('Stopped at breakpoint 1');
    expect(run('bplist')).toEqual(['    1  098B:maincpu  hits=3']);
    const hist = run('history 3');
    expect(hist[hist.length - 1]).toMatch(/^maincpu 060C: call \$098B\s+-> call 098B$/);
    // a condition that never holds: the breakpoint no longer stops, and its count stays
    run('bpclear 1');
    expect(run('bp 098b,de==1234')).toEqual(['Breakpoint 2 set']);
    expect(run('frame #30')[0]).toMatch(/^Frame \d+ done$/);
    expect(dbg.listBreakpoints()[0].hits).toBe(0);
  });

  it('a watchpoint fires on the score write, after the writing instruction, with the value written', () => {
    const { run } = session();
    // The boot code clears all RAM (ldir at 013E) first: a watchpoint without condition stops there.
    expect(run('wp 4c12,3,w')).toEqual(['Watchpoint 1 set']);
    expect(run('g')).toEqual(['Stopped at watchpoint 1 writing 00 to 4C12 (PC=013E)', 'maincpu 013E: ldir']);
    run('wpclear');
    // MAME's condition syntax: only writes of something other than zero
    expect(run('wp 4c12,3,w,wpdata!=0')).toEqual(['Watchpoint 2 set']);
    expect(run('g')).toEqual(['Stopped at watchpoint 2 writing 10 to 4C12 (PC=0991)', 'maincpu 0992: inc  hl']);
    expect(run('print b@4c12')).toEqual(['10']);
    expect(run('wplist')).toEqual(['    2  maincpu program 4C12-4C14 w  if wpdata!=0  hits=1']);
  });

  it('register edits take effect: DE = 50 at add_score scores 50 instead of 10', () => {
    const { run } = session();
    run('bp add_score');
    run('g');
    expect(run('r de')).toEqual(['DE=0010']);
    expect(run('de=50')).toEqual(['DE=0050']);
    expect(run('out')).toEqual(['maincpu 060F: ld   hl,($4C1A)']);
    expect(run('print b@4c12')).toEqual(['50']);
    expect(run('r a=7')).toEqual(['A=07']);
    expect(run('print a')).toEqual(['7']);
  });

  it('reverse step returns to the exact prior machine state (save states equal byte for byte)', () => {
    const { run, machine } = session();
    run('wp 4c12,1,w,wpdata!=0');
    run('g');
    run('wpclear');
    const here = machine.saveState();
    run('s');
    const next = machine.saveState();
    expect(same(here, next)).toBe(false);
    run('s 5');
    expect(run('rs')[0]).toBe('maincpu 0997: inc  hl');
    run('rs 5');
    expect(same(machine.saveState(), here)).toBe(true);
    // and forward again reproduces the same future
    run('s');
    expect(same(machine.saveState(), next)).toBe(true);
  });

  it('reverse go goes back to the previous breakpoint hit', () => {
    const { run, machine, dbg } = session();
    run('bp add_score');
    run('g');
    const first = machine.saveState();
    run('g');
    expect(dbg.listBreakpoints()[0].hits).toBe(2);
    expect(run('rg')).toEqual(['Stopped at breakpoint 1', 'maincpu 098B: ld   hl,$4C12']);
    expect(same(machine.saveState(), first)).toBe(true);
  });

  it('step over a call, step out of a routine, run to an address, run a frame, run to a scanline', () => {
    const { run, dbg, machine } = session();
    run('bp 060c');
    expect(run('g')).toEqual(['Stopped at breakpoint 1', 'maincpu 060C: call $098B']);
    expect(run('o')).toEqual(['maincpu 060F: ld   hl,($4C1A)']);
    expect(run('print b@4c12')).toEqual(['10']);
    run('bpclear');
    expect(run('g 098b')).toEqual(['Stopped at temporary breakpoint 098B on CPU \'maincpu\'', 'maincpu 098B: ld   hl,$4C12']);
    expect(run('s 3')).toEqual(['maincpu 0990: daa']);
    expect(run('out')).toEqual(['maincpu 060F: ld   hl,($4C1A)']);
    const f = machine.frameNumber;
    expect(run('frame')).toEqual([`Frame ${f + 1} done`, expect.stringMatching(/^maincpu /)]);
    expect(dbg.isStopped).toBe(false);
    expect(run('scanline #100')[0]).toBe('Stopped at scanline 100');
    expect(dbg.beamY()).toBe(100);
    expect(dbg.isStopped).toBe(true);
  });

  it('disassembles around PC with symbols; dumps memory without side effects', () => {
    const { run, machine } = session(false);
    const d = run('dasm 098b,2');
    expect(d).toEqual(['add_score:', ' 098B: 21 12 4C     ld   hl,$4C12   ; SCORE', ' 098E: 7E           ld   a,(hl)']);
    const before = machine.saveState();
    // the I/O page (inputs, DIPs, watchdog) peeked: no handler runs, nothing changes
    expect(run('dump 5000,16')[0]).toMatch(/^5000: /);
    expect(same(machine.saveState(), before)).toBe(true);
  });

  it("the console's trace command writes MAME's trace (the golden's first 3 frames)", () => {
    const { run, traces } = session(false);
    expect(run('trace t.tr')).toEqual(["Tracing CPU 'maincpu' to file t.tr"]);
    run('frame 3');
    run('trace off');
    const golden = gunzipSync(readFileSync('test/debug/golden/pacdemo-maincpu.tr.gz')).toString('utf8');
    const ours = traces.join('');
    expect(ours.split('\n').length).toBe(938);
    expect(golden.startsWith(ours)).toBe(true);
  });

  it('costs nothing when idle: attached without breakpoints the cores run their own loops', () => {
    const { run, dbg } = session(false);
    expect(dbg.isAttached).toBe(true);
    expect(dbg.isInstrumented).toBe(false);
    run('bp 1234');
    expect(dbg.isInstrumented).toBe(true);
    run('bpclear');
    expect(dbg.isInstrumented).toBe(false);
  });

  it('bad commands answer with one line, never throw', () => {
    const { run } = session(false);
    expect(run('bogus')).toEqual(["Unknown command 'bogus' (help lists them)"]);
    expect(run('bp')[0]).toMatch(/^Error: usage: bp/);
    expect(run('print zz+')).toEqual([expect.stringMatching(/^Error: /)]);
    expect(run('wp 4c00,0,w')).toEqual(['Error: watchpoint length must be at least 1']);
    expect(run('focus nocpu')).toEqual(["Error: no CPU 'nocpu' (have: maincpu)"]);
    expect(run('bpclear 9')).toEqual(['Invalid breakpoint number 9']);
  });
});

describe('arcade debug --script', () => {
  it('runs a script through the real command', () => {
    const r = spawnSync(process.execPath, ['bin/arcade.mjs', 'debug', 'pacdemo', '--rompath', 'homebrew', '--symbols', 'test/debug/pacdemo.sym',
      '--inputs', 'homebrew/pacman/inputs-golden.txt', '--script', 'test/debug/score.dbg'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Stopped at watchpoint 1 writing 10 to 4C12 (PC=0991)');
    expect(r.stdout).toContain('    1  maincpu program 4C12-4C14 w  if wpdata!=0  hits=1');
  });
});
