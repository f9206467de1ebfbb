/**
 * The debugger inside the emulator worker: a headless Debugger + MAME console on the worker's machine,
 * answering the panel's requests with a DebugView. The worker runs frames through `runFrame` while a
 * debugger exists, so breakpoints stop the game; `paused` then holds it until the panel continues.
 * Opening the panel attaches without pausing (attaching costs nothing per instruction).
 */
import { DebugConsole } from '../../../core/debug/console';
import { Debugger } from '../../../core/debug/debugger';
import { renderViewer, viewerSources } from '../../../core/debug/viewers';
import type { ArcadeMachine } from '../../../core/machine';
import type { Machine } from '../../../core/machine-api';
import type { DebugReply, DebugRequest, DebugView, MemoryWindow } from './protocol';

export class WorkerDebugger {
  private dbg: Debugger | null = null;
  private con: DebugConsole | null = null;
  /** held by the panel (break, a breakpoint, a step): the worker runs no frames */
  paused = false;

  constructor(private readonly machine: () => Machine | null) {}

  get active(): boolean {
    return this.dbg !== null;
  }

  /** The worker's frame while the debugger exists; false when a breakpoint or watchpoint stopped it. */
  runFrame(): boolean {
    if (this.paused) return false;
    if (this.dbg!.runFrame()) return true;
    this.paused = true;
    return false;
  }

  /** A new machine (power-on, another game): the old debugger goes with the old machine. */
  reset(): void {
    this.dbg?.detach();
    this.dbg = null;
    this.con = null;
    this.paused = false;
  }

  handle(req: DebugRequest, mem: MemoryWindow | null): DebugReply {
    const m = this.machine();
    if (!m) throw new Error('no game is running');
    let lines: string[] = [];
    if (req.op === 'attach' && !this.dbg) {
      this.dbg = new Debugger(m as ArcadeMachine);
      this.dbg.attach();
      this.con = new DebugConsole(this.dbg);
    }
    const d = this.dbg, con = this.con;
    if (!d || !con) return { lines: ['The debugger is not attached'], view: this.view(mem) };
    switch (req.op) {
      case 'detach': this.reset(); return { lines: [], view: this.view(mem) };
      case 'break': this.paused = true; lines = [`Stopped at frame ${m.frameNumber}`]; break;
      case 'continue': this.paused = false; break;
      case 'focus': d.setFocus(req.cpu); break;
      case 'poke': d.poke(req.addr, req.value, req.space); break;
      case 'viewer': {
        const p = renderViewer((m as ArcadeMachine).devices, req.id, req.color);
        return { lines, view: this.view(mem), picture: { id: req.id, width: p.width, height: p.height, rgba: p.pixels.slice().buffer } };
      }
      case 'command': {
        const text = req.line.trim();
        // `g` without an address resumes the game (it runs in real time until something stops it)
        if (/^(g|go)$/i.test(text)) { this.paused = false; break; }
        lines = con.execute(text);
        // a run command that ended inside a frame (step, breakpoint) holds the game there
        if (/^(s|step|o|over|out|rs|rstep|rg|rgo|g|go|gv|frame|fr|scanline)\b/i.test(text)) this.paused = true;
        break;
      }
      default: break;
    }
    return { lines, view: this.view(mem) };
  }

  view(mem: MemoryWindow | null): DebugView {
    const d = this.dbg, m = this.machine();
    if (!d || !m) {
      return { attached: false, paused: false, frame: m?.frameNumber ?? 0, scanline: 0, stop: null, cpus: [], focus: '', regs: [], pc: 0, addrDigits: 4,
        dasm: [], breakpoints: [], watchpoints: [], spaces: [], memory: null, viewers: [] };
    }
    const c = d.cpuInfo();
    const pc = c.cpu.pcValue();
    // start a few instructions before the PC: walk back byte by byte to a start that lands on the PC
    let start = pc;
    for (let back = 12; back >= 1; back--) {
      const rows = d.disassemble((pc - back) & (c.program?.addrMask ?? 0xffff), 8);
      if (rows.some((r) => r.addr === pc)) { start = (pc - back) & (c.program?.addrMask ?? 0xffff); break; }
    }
    const dasm = d.disassemble(start, 24).map(({ addr, bytes, text, label, isPc }) => ({ addr, bytes, text, label, isPc }));
    let memory: DebugView['memory'] = null;
    if (mem && c.spaces.has(mem.space)) {
      const bytes: number[] = [];
      for (let i = 0; i < Math.min(mem.length, 4096); i++) bytes.push(d.peek(mem.addr + i, mem.space));
      memory = { space: mem.space, addr: mem.addr, bytes };
    }
    return {
      attached: true, paused: this.paused, frame: m.frameNumber, scanline: d.beamY(), stop: d.lastStop,
      cpus: d.cpus.map((x) => x.tag), focus: c.tag, regs: d.registers(), pc, addrDigits: Math.ceil((c.program?.addrBits ?? 16) / 4),
      dasm, breakpoints: [...d.listBreakpoints()].map((b) => ({ ...b })), watchpoints: [...d.listWatchpoints()].map((w) => ({ ...w })),
      spaces: [...c.spaces.keys()], memory, viewers: viewerSources((m as ArcadeMachine).devices.values()),
    };
  }
}
