/**
 * The debugger console: MAME 0.251's command names and argument syntax (`g`, `s`, `o`, `out`, `bp`,
 * `wp`, `bpclear`, `dasm`, `dump`, `trace`, `snap`, …) over the headless Debugger, plus the time-travel
 * commands MAME lacks (`rs` reverse step, `rg` reverse go) and `frame`/`scanline`. Used by
 * `arcade debug` (interactive prompt and scripts), by the app's panel and by the tests.
 *
 * Numbers and addresses are MAME expressions (hexadecimal unless written `#123`); see expression.ts.
 * File access (trace files, snapshots, symbol files) goes through the host, so this stays headless.
 */
import { Debugger, hex, type StopInfo } from './debugger';
import { parseMameNumber } from './expression';

export interface ConsoleHost {
  /** open a trace file; returns the writer and a close function */
  openTrace?(file: string): { write(text: string): void; close(): void };
  /** save the current frame as a PNG; returns the file written */
  snap?(file: string | undefined): string;
  /** read a text file (symbol lists) */
  readText?(file: string): string;
}

interface CommandDef {
  names: string[];
  args: string;
  help: string;
  run(args: string[], raw: string): string[];
}

/** Split MAME-style arguments: commas separate, parentheses nest. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(cur.trim()); cur = ''; continue; }
    cur += ch;
  }
  if (cur.trim() !== '' || out.length) out.push(cur.trim());
  return out;
}

export class DebugConsole {
  private readonly commands: CommandDef[];
  private readonly traces = new Map<string, { close(): void }>();
  private readonly log: string[] = [];

  constructor(readonly dbg: Debugger, private readonly host: ConsoleHost = {}) {
    dbg.onAction = (cmd) => { for (const c of cmd.split(';')) if (c.trim()) this.log.push(...this.execute(c.trim())); };
    const d = dbg;
    const num = (s: string | undefined, def?: number): number => {
      if (s === undefined || s === '') {
        if (def === undefined) throw new Error('missing argument');
        return def;
      }
      return d.evaluate(s);
    };
    // `address:cpu`, where a CPU tag may itself hold colons (`r1sound:audiocpu`) or be given by its last part
    const addrCpu = (s: string): { addr: number; cpu: string | undefined } => {
      for (const c of d.cpus)
        for (const name of new Set([c.tag, c.tag.split(':').pop()!]))
          if (s.toLowerCase().endsWith(':' + name.toLowerCase())) return { addr: d.evaluate(s.slice(0, -name.length - 1), c.tag), cpu: c.tag };
      if (/:[a-z_][\w:]*$/i.test(s)) d.cpuInfo(s.slice(s.indexOf(':') + 1)); // names the unknown CPU in the error
      return { addr: d.evaluate(s), cpu: undefined };
    };
    const stopLines = (s: StopInfo): string[] => {
      const lines = s.message ? [s.message] : [];
      const c = d.cpuInfo(s.cpu);
      const [ins] = d.disassemble(c.cpu.pcValue(), 1, s.cpu);
      lines.push(`${s.cpu} ${hex(ins.addr, this.digits(s.cpu))}: ${ins.text}`);
      return lines;
    };
    const watch = (space: string) => (a: string[]): string[] => {
      if (a.length < 3) throw new Error('usage: wp address[:cpu],length,r|w|rw[,condition[,action]]');
      const { addr, cpu } = addrCpu(a[0]);
      const kind = a[2].toLowerCase();
      if (kind !== 'r' && kind !== 'w' && kind !== 'rw') throw new Error(`watchpoint type '${a[2]}' is not r, w or rw`);
      const wp = d.addWatchpoint(addr, num(a[1]), kind, a[3] || null, space, cpu, a[4] || null);
      return [`Watchpoint ${wp.id} set`];
    };
    const enable = (kind: 'bp' | 'wp', on: boolean) => (a: string[]): string[] => {
      const id = a[0] ? parseMameNumber('#' + a[0].replace(/^#/, '')) : undefined;
      if (!d.setEnabled(kind, id, on)) return [`Invalid ${kind === 'bp' ? 'breakpoint' : 'watchpoint'} number ${a[0]}`];
      return [id === undefined ? `All ${kind === 'bp' ? 'breakpoints' : 'watchpoints'} ${on ? 'enabled' : 'disabled'}` : `${kind === 'bp' ? 'Breakpoint' : 'Watchpoint'} ${id} ${on ? 'enabled' : 'disabled'}`];
    };
    const clear = (kind: 'bp' | 'wp') => (a: string[]): string[] => {
      const id = a[0] ? parseMameNumber('#' + a[0].replace(/^#/, '')) : undefined;
      const name = kind === 'bp' ? 'breakpoint' : 'watchpoint';
      if (!d.clear(kind, id)) return [id === undefined ? `No ${name}s` : `Invalid ${name} number ${id}`];
      return [id === undefined ? `Cleared all ${name}s` : `${name[0].toUpperCase()}${name.slice(1)} ${id} cleared`];
    };
    this.commands = [
      { names: ['help', 'h'], args: '[command]', help: 'list commands, or describe one', run: (a) => this.help(a[0]) },
      { names: ['g', 'go'], args: '[address]', help: 'run until a breakpoint/watchpoint (or the address)', run: (a) => stopLines(a[0] ? d.runTo(num(a[0])) : d.go()) },
      { names: ['gv', 'gvblank'], args: '', help: 'run to the next VBLANK (the end of this frame)', run: () => stopLines(d.runFrames(1)) },
      { names: ['s', 'step'], args: '[count]', help: 'step into: execute count instructions of the focused CPU', run: (a) => stopLines(d.step(num(a[0], 1))) },
      { names: ['o', 'over'], args: '[count]', help: 'step over calls, RSTs and repeating instructions', run: (a) => stopLines(d.stepOver(num(a[0], 1))) },
      { names: ['out'], args: '', help: 'run until the current subroutine returns', run: () => stopLines(d.stepOut()) },
      { names: ['rs', 'rstep'], args: '[count]', help: 'reverse step: back to the state before the previous instruction', run: (a) => { let s!: StopInfo; for (let i = num(a[0], 1); i > 0; i--) s = d.reverseStep(); return stopLines(s); } },
      { names: ['rg', 'rgo'], args: '', help: 'reverse go: back to the last breakpoint/watchpoint hit', run: () => stopLines(d.reverseContinue()) },
      { names: ['frame', 'fr'], args: '[count]', help: 'run count whole frames (default 1)', run: (a) => stopLines(d.runFrames(num(a[0], 1))) },
      { names: ['scanline'], args: 'line', help: 'run until the beam reaches scanline line (MAME beamy; #100 is decimal)', run: (a) => stopLines(d.runToScanline(num(a[0]))) },
      { names: ['bp', 'bpset'], args: 'address[:cpu][,condition[,action]]', help: 'set a breakpoint, e.g. bp 0b07,a==0', run: (a) => {
        if (!a[0]) throw new Error('usage: bp address[:cpu][,condition[,action]]');
        const { addr, cpu } = addrCpu(a[0]);
        const bp = d.addBreakpoint(addr, a[1] || null, a[2] || null, cpu);
        return [`Breakpoint ${bp.id} set`];
      } },
      { names: ['bpclear'], args: '[id]', help: 'clear one breakpoint or all', run: clear('bp') },
      { names: ['bpdisable'], args: '[id]', help: 'disable one breakpoint or all', run: enable('bp', false) },
      { names: ['bpenable'], args: '[id]', help: 'enable one breakpoint or all', run: enable('bp', true) },
      { names: ['bplist'], args: '', help: 'list breakpoints with hit counts', run: () => {
        const list = d.listBreakpoints();
        if (!list.length) return ['No breakpoints currently installed'];
        return list.map((b) => `${b.enabled ? ' ' : 'D'}${String(b.id).padStart(4)}  ${hex(b.address, this.digits(b.cpu))}:${b.cpu}${b.condition ? `  if ${b.condition}` : ''}${b.action ? `  do ${b.action}` : ''}  hits=${b.hits}`);
      } },
      { names: ['wp', 'wpset'], args: 'address[:cpu],length,r|w|rw[,condition[,action]]', help: 'set a watchpoint on the program space', run: watch('program') },
      { names: ['wpd', 'wpdset'], args: 'address[:cpu],length,r|w|rw[,condition]', help: 'watchpoint on the data space', run: watch('data') },
      { names: ['wpi', 'wpiset'], args: 'address[:cpu],length,r|w|rw[,condition]', help: 'watchpoint on the I/O space', run: watch('io') },
      { names: ['wpclear'], args: '[id]', help: 'clear one watchpoint or all', run: clear('wp') },
      { names: ['wpdisable'], args: '[id]', help: 'disable one watchpoint or all', run: enable('wp', false) },
      { names: ['wpenable'], args: '[id]', help: 'enable one watchpoint or all', run: enable('wp', true) },
      { names: ['wplist'], args: '', help: 'list watchpoints with hit counts', run: () => {
        const list = d.listWatchpoints();
        if (!list.length) return ['No watchpoints currently installed'];
        return list.map((w) => `${w.enabled ? ' ' : 'D'}${String(w.id).padStart(4)}  ${w.cpu} ${w.space} ${hex(w.start, 4)}-${hex(w.end, 4)} ${w.kind}${w.condition ? `  if ${w.condition}` : ''}  hits=${w.hits}`);
      } },
      { names: ['r', 'regs'], args: '[register[=value]]', help: 'show registers, or set one (r a=10)', run: (a, raw) => {
        if (raw.includes('=')) return this.assign(raw);
        if (a[0]) return [this.registerText(a[0])];
        return this.registerLines();
      } },
      { names: ['d', 'dasm'], args: '[address[,count]]', help: 'disassemble (default: 10 instructions at PC)', run: (a) => {
        const rows = d.disassemble(a[0] ? num(a[0]) : undefined, a[1] ? num(a[1]) : 10);
        const digits = this.digits();
        const out: string[] = [];
        for (const r of rows) {
          if (r.label) out.push(`${r.label}:`);
          const bytes = r.bytes.map((b) => hex(b, 2)).join(' ').padEnd(12);
          out.push(`${r.isPc ? '>' : ' '}${hex(r.addr, digits)}: ${bytes} ${r.text}${r.comment ? `   ; ${r.comment}` : ''}`);
        }
        return out;
      } },
      { names: ['dump'], args: 'address[:space],length', help: 'hex dump of memory, without side effects (space: program, data, io)', run: (a) => {
        if (!a[0]) throw new Error('usage: dump address[:space],length');
        const m = /^(.*?):(program|data|io|opcodes)$/i.exec(a[0]);
        const start = num(m ? m[1] : a[0]), len = num(a[1], 0x80), space = m ? m[2].toLowerCase() : 'program';
        const out: string[] = [];
        for (let row = start - (start % 16); row < start + len; row += 16) {
          const bytes: string[] = [];
          let text = '';
          for (let i = 0; i < 16; i++) {
            const at = row + i;
            if (at < start || at >= start + len) { bytes.push('  '); text += ' '; continue; }
            const v = d.peek(at, space);
            bytes.push(hex(v, 2));
            text += v >= 0x20 && v < 0x7f ? String.fromCharCode(v) : '.';
          }
          out.push(`${hex(row, this.digits())}: ${bytes.join(' ')}  ${text}`);
        }
        return out;
      } },
      { names: ['print', '?'], args: 'expression', help: 'evaluate an expression (hex)', run: (_a, raw) => [hex(d.evaluate(raw), 1)] },
      { names: ['focus'], args: 'cpu', help: 'choose the CPU that steps and expressions refer to', run: (a) => { d.setFocus(a[0]); return [`Now focused on CPU '${a[0]}'`]; } },
      { names: ['history', 'hist'], args: '[count]', help: 'the last instructions executed while instrumented; calls and returns marked', run: (a) => {
        const rows = d.recentHistory(num(a[0], 20));
        if (!rows.length) return ['No history (set a breakpoint or step first)'];
        return rows.map((h) => {
          const c = d.cpuInfo(h.cpu);
          const text = c.program ? c.cpu.disassemble(h.pc, (x) => c.program!.peek8(x)).text : '';
          return `${h.cpu} ${hex(h.pc, this.digits(h.cpu))}: ${text.padEnd(20)}${h.flow ? `  ${h.flow === 'call' ? '-> call' : '<- return'} ${hex(h.target, this.digits(h.cpu))}` : ''}`;
        });
      } },
      { names: ['trace'], args: 'file[,cpu] | off[,cpu]', help: "write MAME-format trace lines of a CPU to a file (MAME's trace command)", run: (a) => {
        const cpu = a[1] || d.cpuInfo().tag;
        this.traces.get(cpu)?.close();
        this.traces.delete(cpu);
        if (!a[0] || a[0].toLowerCase() === 'off') { d.trace(null, cpu); return [`Stopped tracing on CPU '${cpu}'`]; }
        if (!this.host.openTrace) throw new Error('tracing to files is not available here');
        const f = this.host.openTrace(a[0]);
        d.trace((t) => f.write(t), cpu);
        this.traces.set(cpu, f);
        return [`Tracing CPU '${cpu}' to file ${a[0]}`];
      } },
      { names: ['snap'], args: '[file]', help: 'save the screen as a PNG', run: (a) => {
        if (!this.host.snap) throw new Error('snapshots are not available here');
        return [`Saved snapshot ${this.host.snap(a[0] || undefined)}`];
      } },
      { names: ['symbols', 'sym'], args: 'file[,cpu]', help: 'load NAME = $ADDR symbols for dasm and expressions', run: (a) => {
        if (!this.host.readText) throw new Error('reading files is not available here');
        return [`Loaded ${d.loadSymbols(this.host.readText(a[0]), a[1] || undefined)} symbols`];
      } },
      { names: ['state'], args: '', help: 'where the machine stands: frame, beam, stopped or not', run: () => [`frame ${d.machine.frameNumber}, scanline ${d.beamY()}${d.isStopped ? ', stopped inside the frame' : ''}`] },
    ];
  }

  /** Command names (for tab completion). */
  names(): string[] {
    return this.commands.flatMap((c) => c.names);
  }

  /** Register names of the focused CPU (for tab completion). */
  registerNames(): string[] {
    return this.dbg.registers().map((r) => r.name);
  }

  private digits(cpu?: string): number {
    return Math.ceil((this.dbg.cpuInfo(cpu).program?.addrBits ?? 16) / 4);
  }

  private registerText(name: string): string {
    const info = this.dbg.registers().find((r) => r.name === name.toLowerCase() || r.name === this.dbg.cpuInfo().regNames.get(name.toLowerCase()));
    return `${name.toUpperCase()}=${hex(this.dbg.getRegister(name), Math.max(1, Math.ceil((info?.bits ?? 8) / 4)))}`;
  }

  private registerLines(): string[] {
    const regs = this.dbg.registers();
    const out: string[] = [];
    for (let i = 0; i < regs.length; i += 8)
      out.push(regs.slice(i, i + 8).map((r) => `${r.name.toUpperCase()}=${hex(r.value, Math.max(1, Math.ceil(r.bits / 4)))}`).join(' '));
    return out;
  }

  /** `reg=expr` or `[space]b@addr=expr` (MAME's assignment in expressions). */
  private assign(text: string): string[] {
    const m = /^\s*(?:r\s+)?([^=]+?)\s*=\s*(.+)$/.exec(text);
    if (!m) throw new Error(`cannot assign '${text}'`);
    const value = this.dbg.evaluate(m[2]);
    const mem = /^([pdio]?)b@(.+)$/i.exec(m[1]);
    if (mem) {
      const space = { p: 'program', d: 'data', i: 'io', o: 'opcodes', '': 'program' }[mem[1].toLowerCase()]!;
      const addr = this.dbg.evaluate(mem[2]);
      this.dbg.poke(addr, value, space);
      return [`${hex(addr, this.digits())}=${hex(value & 0xff, 2)}`];
    }
    this.dbg.setRegister(m[1], value);
    return [this.registerText(m[1])];
  }

  private help(name?: string): string[] {
    if (name) {
      const c = this.commands.find((x) => x.names.includes(name.toLowerCase()));
      if (!c) return [`Unknown command '${name}'`];
      return [`${c.names.join(', ')} ${c.args}`, `  ${c.help}`];
    }
    return [
      'Commands (MAME debugger names; numbers are hex unless written #decimal):',
      ...this.commands.map((c) => `  ${(c.names.join(', ') + ' ' + c.args).padEnd(56)} ${c.help}`),
      '  REG=value, b@address=value                                assign a register or a byte of memory',
    ];
  }

  /** Run one command line; returns the lines it prints (errors included, as MAME prints them). */
  execute(line: string): string[] {
    const text = line.trim();
    if (!text || text.startsWith('#') || text.startsWith('//')) return [];
    const sp = text.search(/\s/);
    const name = (sp < 0 ? text : text.slice(0, sp)).toLowerCase();
    const raw = sp < 0 ? '' : text.slice(sp + 1).trim();
    const cmd = this.commands.find((c) => c.names.includes(name));
    try {
      let out: string[];
      if (!cmd) {
        if (/^[\w@.]+\s*=(?!=)/.test(text)) out = this.assign(text);
        else return [`Unknown command '${name}' (help lists them)`];
      } else out = cmd.run(splitArgs(raw), raw);
      if (this.log.length) { out = [...this.log.splice(0), ...out]; }
      return out;
    } catch (e) {
      return [`Error: ${(e as Error).message}`];
    }
  }

  /** Close trace files (end of a session). */
  close(): void {
    for (const [cpu, f] of this.traces) { this.dbg.trace(null, cpu); f.close(); }
    this.traces.clear();
  }
}
