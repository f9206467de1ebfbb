/**
 * The headless debugger: stop, inspect, step and rewind a whole machine, for every CPU it has
 * (commands in MAME's names live in console.ts; the CLI, the app and the tests drive this class).
 *
 * How it stays free when idle: attaching changes nothing on the hot paths. Only while something needs
 * per-instruction attention (a breakpoint, watchpoint, trace, step command) does it give the scheduler a
 * `DebugExecutor` per CPU (which steps the untouched core with `run(1)`) and patch watched pages of the
 * address spaces (watch.ts). When that need ends, the cores' own loops and page tables come back.
 *
 * How it stops: an executor stops between two instructions by ending its `run` early and asking the
 * scheduler for a break; `runUntil`, and so `machine.runFrame()`, return false with the frame half done,
 * and the next run command resumes exactly there (the order of events is the one an undebugged run has).
 *
 * How it goes back: it keeps save states at frame starts (`snapshotEvery`, `snapshotCount`), and logs
 * the input changes the front end makes. A position is a CPU and its time in ticks at an instruction
 * boundary; reverse step/continue reload the newest snapshot before the position and replay (the machine
 * is deterministic), once to find the target boundary and once to stop there.
 */
import type { CpuDevice } from '../cpu';
import type { InputEvent } from '../input';
import type { ArcadeMachine } from '../machine';
import type { AddressSpace } from '../memory';
import { compileExpression, ExpressionError, type Compiled, type ExpressionContext } from './expression';
import { DebugExecutor, type StepHooks, type StepKind } from './executor';
import { MameTracer } from './trace';
import { SpaceWatcher, type WatchKind } from './watch';

export type StopReason = 'breakpoint' | 'watchpoint' | 'step' | 'address' | 'frame' | 'scanline' | 'reverse' | 'limit';

export interface StopInfo {
  reason: StopReason;
  /** CPU that stopped and its PC (the next instruction) */
  cpu: string;
  pc: number;
  message: string;
  breakpoint?: number;
  watchpoint?: number;
}

export interface Breakpoint {
  id: number;
  cpu: string;
  address: number;
  condition: string | null;
  /** MAME action: debugger commands run when it hits (the console runs them) */
  action: string | null;
  enabled: boolean;
  /** times it stopped the machine (its address reached with the condition true) */
  hits: number;
}

export interface Watchpoint {
  id: number;
  cpu: string;
  space: string;
  start: number;
  end: number;
  kind: WatchKind;
  condition: string | null;
  action: string | null;
  enabled: boolean;
  hits: number;
}

export interface HistoryEntry {
  cpu: string;
  pc: number;
  /** 'call' when the instruction moved control elsewhere and pushed (SP went down), 'return' when it popped and jumped */
  flow: 'call' | 'return' | '';
  /** where control went for calls and returns */
  target: number;
}

interface CpuInfo {
  cpu: CpuDevice;
  tag: string;
  index: number;
  program: AddressSpace | null;
  spaces: Map<string, AddressSpace>;
  /** register names for expressions, lowercase, aliases included */
  regNames: Map<string, string>;
  /** the stack pointer's register name, if the CPU has one */
  sp: string | null;
  tracer: MameTracer | null;
  symbols: Map<number, string>;
}

interface Snapshot {
  frame: number;
  state: Uint8Array;
  /** each CPU's time in ticks at the snapshot */
  ticks: number[];
}

type Pending =
  | { kind: 'step'; cpu: number; left: number }
  | { kind: 'over'; cpu: number; pc: number; next: number; sp: number }
  | { kind: 'return-to'; cpu: number; addr: number; sp: number }
  | { kind: 'out'; cpu: number; sp: number }
  | { kind: 'to'; cpu: number; addr: number }
  | { kind: 'scanline'; cpu: number; line: number; prev: number }
  | null;

/** Replay modes: going to a position, or surveying a stretch of time for reverse commands. */
interface Replay {
  /** stop at this CPU's boundary at this tick */
  cpu: number;
  tick: number;
  /** the last instruction boundary of `cpu` before `tick` (for reverse step) */
  prevInstr: number;
  /** positions where a breakpoint or watchpoint would have stopped (for reverse continue) */
  hits: { cpu: number; tick: number; message: string }[] | null;
}

const HISTORY = 256;
/** frames `go` runs at most when nothing stops it (a minute of a 60 Hz machine) */
export const GO_FRAME_LIMIT = 3600;

export class Debugger implements StepHooks {
  readonly cpus: CpuInfo[] = [];
  focus = 0;
  private readonly breakpoints: Breakpoint[] = [];
  private readonly watchpoints: Watchpoint[] = [];
  private nextId = 1;
  private executors: (DebugExecutor | null)[] = [];
  private readonly watchers = new Map<AddressSpace, SpaceWatcher>();
  private pending: Pending = null;
  /** where the machine stands stopped (its first step there is not checked again when resuming) */
  private resume: { cpu: number; tick: number } | null = null;
  private stop: StopInfo | null = null;
  private watchHit: { wp: Watchpoint; addr: number; data: number; write: boolean } | null = null;
  private readonly history: HistoryEntry[] = new Array<HistoryEntry>(HISTORY);
  private historyNext = 0;
  private historyCount = 0;
  private readonly snapshots: Snapshot[] = [];
  private readonly inputLog: { frame: number; port: string; field: string; value: number }[] = [];
  private replay: Replay | null = null;
  /** after going back in time, logged inputs are applied again up to this frame */
  private replayInputsUntil = -1;
  private readonly originalSetInput: ArcadeMachine['setInput'];
  private attached = false;
  /** breakpoint/watchpoint actions run by the console when they hit */
  onAction: ((command: string) => void) | null = null;
  /** input events applied after their frame completes (the oracle's order), e.g. from `--inputs` */
  inputScript: InputEvent[] = [];
  /**
   * Keep a snapshot every `snapshotEvery` frames while idle (a save state costs about half a Pac-Man
   * frame, so one a second keeps the attached debugger within ~1% of full speed) and every frame while
   * instrumented (already slower; reverse steps then replay at most one frame). At most `snapshotCount`.
   */
  snapshotEvery = 60;
  snapshotCount = 300;

  constructor(readonly machine: ArcadeMachine) {
    this.originalSetInput = machine.setInput;
    machine.cpus.forEach((cpu, index) => {
      const spaces = new Map<string, AddressSpace>();
      for (const [name, sp] of machine.spaces) if (name.startsWith(cpu.tag + ':')) spaces.set(name.slice(cpu.tag.length + 1), sp);
      const regNames = new Map<string, string>();
      for (const r of cpu.registerInfo()) {
        regNames.set(r.name.toLowerCase(), r.name);
        for (const a of r.aliases ?? []) regNames.set(a.toLowerCase(), r.name);
      }
      const sp = ['sp', 'a7', 's'].find((n) => regNames.has(n)) ?? null;
      this.cpus.push({ cpu, tag: cpu.tag, index, program: spaces.get('program') ?? null, spaces, regNames, sp: sp ? regNames.get(sp)! : null, tracer: null, symbols: new Map() });
    });
    this.executors = this.cpus.map(() => null);
  }

  // ---- attaching ---------------------------------------------------------------------------------

  /** Start keeping snapshots and the input log. Costs nothing per instruction. */
  attach(): void {
    if (this.attached) return;
    this.attached = true;
    const m = this.machine;
    m.setInput = (port, field, value) => {
      if (this.replay === null) this.inputLog.push({ frame: m.frameNumber, port, field, value });
      this.originalSetInput.call(m, port, field, value);
    };
    if (!m.scheduler.isPaused) this.takeSnapshot();
  }

  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    this.machine.setInput = this.originalSetInput;
    this.breakpoints.length = 0;
    this.watchpoints.length = 0;
    for (const c of this.cpus) c.tracer = null;
    this.pending = null;
    this.arm();
  }

  get isAttached(): boolean { return this.attached; }

  /** True while instrumented (executors installed): for tests and the benchmark. */
  get isInstrumented(): boolean { return this.executors.some((e) => e !== null); }

  /** Install executors and watch patches when something needs them; remove them when nothing does. */
  private arm(): void {
    const need = this.breakpoints.some((b) => b.enabled) || this.watchpoints.some((w) => w.enabled) || this.cpus.some((c) => c.tracer !== null) || this.pending !== null || this.replay !== null;
    const sched = this.machine.scheduler;
    this.cpus.forEach((c, i) => {
      if (need && !this.executors[i]) {
        this.executors[i] = new DebugExecutor(c.cpu, i, sched, this);
        sched.setExecutor(c.cpu, this.executors[i]);
      } else if (!need && this.executors[i]) {
        this.executors[i] = null;
        sched.setExecutor(c.cpu, null);
      }
    });
    const bySpace = new Map<AddressSpace, Watchpoint[]>();
    for (const w of this.watchpoints) {
      const sp = this.space(w.cpu, w.space);
      if (!bySpace.has(sp)) bySpace.set(sp, []);
      bySpace.get(sp)!.push(w);
    }
    for (const [sp, watcher] of this.watchers) if (!bySpace.has(sp)) { watcher.restore(); this.watchers.delete(sp); }
    for (const [sp, list] of bySpace) {
      let watcher = this.watchers.get(sp);
      if (!watcher) {
        watcher = new SpaceWatcher(sp, (addr, data, write) => this.onWatchAccess(sp, addr, data, write));
        this.watchers.set(sp, watcher);
      }
      watcher.apply(list);
    }
  }

  // ---- CPUs, registers, memory -------------------------------------------------------------------

  cpuInfo(tag?: string): CpuInfo {
    if (tag === undefined) return this.cpus[this.focus];
    const t = tag.replace(/^:/, '');
    // a sub-device CPU (`r1sound:audiocpu`) may be named by its last part when that is unambiguous
    const short = this.cpus.filter((x) => x.tag.split(':').pop() === t);
    const c = this.cpus.find((x) => x.tag === t) ?? (short.length === 1 ? short[0] : undefined);
    if (!c) throw new ExpressionError(`no CPU '${tag}' (have: ${this.cpus.map((x) => x.tag).join(', ')})`);
    return c;
  }

  setFocus(tag: string): void { this.focus = this.cpuInfo(tag).index; }

  space(cpu: string | undefined, name = 'program'): AddressSpace {
    const c = this.cpuInfo(cpu);
    const sp = c.spaces.get(name);
    if (!sp) throw new ExpressionError(`${c.tag} has no '${name}' space (have: ${[...c.spaces.keys()].join(', ')})`);
    return sp;
  }

  registers(cpu?: string): { name: string; bits: number; value: number }[] {
    const c = this.cpuInfo(cpu);
    return c.cpu.registerInfo().map((r) => ({ name: r.name, bits: r.bits, value: c.cpu.getRegister(r.name) }));
  }

  getRegister(name: string, cpu?: string): number {
    const c = this.cpuInfo(cpu);
    const n = c.regNames.get(name.toLowerCase());
    if (!n) throw new ExpressionError(`${c.tag} has no register '${name}'`);
    return c.cpu.getRegister(n);
  }

  setRegister(name: string, value: number, cpu?: string): void {
    const c = this.cpuInfo(cpu);
    const n = c.regNames.get(name.toLowerCase());
    if (!n) throw new ExpressionError(`${c.tag} has no register '${name}'`);
    c.cpu.setRegister(n, value);
  }

  /** Read without side effects (I/O handlers are not called; they answer open bus unless they have a peek). */
  peek(addr: number, space = 'program', cpu?: string): number {
    return this.space(cpu, space).peek8(addr);
  }

  /** Write the way MAME's debugger does: RAM directly; other pages through the bus (handlers run). */
  poke(addr: number, value: number, space = 'program', cpu?: string): void {
    const sp = this.space(cpu, space);
    const a = addr & sp.addrMask, p = a >>> sp.pageBits;
    const saved = this.watchers.get(sp);
    saved?.restore();
    const base = sp.wrBase[p];
    if (base >= 0) sp.mem[base + (a & sp.offMask)] = value & 0xff;
    else sp.write8(a, value & 0xff);
    if (saved) this.arm();
  }

  // ---- expressions ------------------------------------------------------------------------------

  private readonly extraSymbols = new Map<string, () => number>([
    ['frame', () => this.machine.frameNumber],
    ['beamy', () => this.beamY()],
    ['wpaddr', () => this.watchHit?.addr ?? 0],
    ['wpdata', () => this.watchHit?.data ?? 0],
  ]);

  compile(src: string, cpu?: string): Compiled {
    const c = this.cpuInfo(cpu);
    return compileExpression(src, (n) => c.regNames.has(n.toLowerCase()) || this.extraSymbols.has(n.toLowerCase()) || [...c.symbols.values()].includes(n));
  }

  context(cpu?: string): ExpressionContext {
    const c = this.cpuInfo(cpu);
    return {
      symbol: (name) => {
        const n = name.toLowerCase();
        const reg = c.regNames.get(n);
        if (reg) return c.cpu.getRegister(reg);
        const extra = this.extraSymbols.get(n);
        if (extra) return extra();
        for (const [addr, s] of c.symbols) if (s === name) return addr;
        return undefined;
      },
      read: (tag, space, addr, bytes) => {
        const sp = this.space(tag ?? c.tag, space);
        let v = 0;
        for (let i = 0; i < bytes; i++) {
          const b = sp.peek8(addr + i);
          v = sp.bigEndian ? (v * 256 + b) : v + b * 2 ** (8 * i);
        }
        return v;
      },
    };
  }

  evaluate(src: string, cpu?: string): number {
    return this.compile(src, cpu)(this.context(cpu));
  }

  // ---- breakpoints and watchpoints ---------------------------------------------------------------

  addBreakpoint(address: number, condition: string | null = null, action: string | null = null, cpu?: string): Breakpoint {
    const c = this.cpuInfo(cpu);
    if (condition) this.compile(condition, c.tag);
    const bp: Breakpoint = { id: this.nextId++, cpu: c.tag, address: address & (c.program?.addrMask ?? 0xffffffff), condition, action, enabled: true, hits: 0 };
    this.breakpoints.push(bp);
    this.compiledBp.set(bp, condition ? this.compile(condition, c.tag) : null);
    this.arm();
    return bp;
  }

  private readonly compiledBp = new Map<Breakpoint, Compiled | null>();
  private readonly compiledWp = new Map<Watchpoint, Compiled | null>();

  addWatchpoint(start: number, length: number, kind: WatchKind, condition: string | null = null, space = 'program', cpu?: string, action: string | null = null): Watchpoint {
    const c = this.cpuInfo(cpu);
    const sp = this.space(c.tag, space);
    if (length < 1) throw new ExpressionError('watchpoint length must be at least 1');
    const wp: Watchpoint = { id: this.nextId++, cpu: c.tag, space, start: start & sp.addrMask, end: (start + length - 1) & sp.addrMask, kind, condition, action, enabled: true, hits: 0 };
    this.compiledWp.set(wp, condition ? this.compile(condition, c.tag) : null);
    this.watchpoints.push(wp);
    this.arm();
    return wp;
  }

  listBreakpoints(): readonly Breakpoint[] { return this.breakpoints; }
  listWatchpoints(): readonly Watchpoint[] { return this.watchpoints; }

  /** Remove a breakpoint or watchpoint by id (all of them when id is undefined); false when none matched. */
  clear(kind: 'bp' | 'wp', id?: number): boolean {
    const list: { id: number }[] = kind === 'bp' ? this.breakpoints : this.watchpoints;
    const before = list.length;
    for (let i = list.length - 1; i >= 0; i--) if (id === undefined || list[i].id === id) list.splice(i, 1);
    this.arm();
    return list.length !== before;
  }

  setEnabled(kind: 'bp' | 'wp', id: number | undefined, enabled: boolean): boolean {
    let found = false;
    for (const x of kind === 'bp' ? this.breakpoints : this.watchpoints) if (id === undefined || x.id === id) { x.enabled = enabled; found = true; }
    this.arm();
    return found;
  }

  // ---- tracing -----------------------------------------------------------------------------------

  /** Write MAME-format trace lines of `cpu` to `sink`; null turns the trace off. */
  trace(sink: ((text: string) => void) | null, cpu?: string): void {
    const c = this.cpuInfo(cpu);
    if (sink === null) c.tracer = null;
    else {
      const sp = c.program;
      if (!sp) throw new ExpressionError(`${c.tag} has no program space to trace`);
      c.tracer = new MameTracer(sp.addrBits, (pc) => c.cpu.disassemble(pc, (a) => sp.peek8(a)).text, sink);
    }
    this.arm();
  }

  // ---- symbols and disassembly -------------------------------------------------------------------

  /** Load `NAME = $ADDR`, `NAME: equ $ADDR` or `NAME ADDR` lines (z80asm label lists, MAME comment files). */
  loadSymbols(text: string, cpu?: string): number {
    const c = this.cpuInfo(cpu);
    let n = 0;
    for (const line of text.split(/\r?\n/)) {
      const m = /^\s*([A-Za-z_.][\w.]*):?\s*(?:=|equ|EQU|\s)\s*(?:\$|0x)?([0-9A-Fa-f]+)h?\s*(?:;.*)?$/.exec(line);
      if (!m) continue;
      c.symbols.set(parseInt(m[2], 16), m[1]);
      n++;
    }
    return n;
  }

  /** `count` instructions from `addr` (default: the PC), with the symbols of their addresses and operands. */
  disassemble(addr?: number, count = 10, cpu?: string): { addr: number; bytes: number[]; text: string; label: string | null; comment: string; isPc: boolean }[] {
    const c = this.cpuInfo(cpu);
    const sp = c.program;
    if (!sp) throw new ExpressionError(`${c.tag} has no program space`);
    const pc = c.cpu.pcValue();
    let a = addr ?? pc;
    const out = [];
    for (let i = 0; i < count; i++) {
      const d = c.cpu.disassemble(a, (x) => sp.peek8(x));
      const bytes: number[] = [];
      for (let k = 0; k < d.length; k++) bytes.push(sp.peek8((a + k) & sp.addrMask));
      const refs = [...d.text.matchAll(/\$([0-9A-F]{4,8})\b/g)].map((m) => c.symbols.get(parseInt(m[1], 16))).filter((s): s is string => !!s);
      out.push({ addr: a, bytes, text: d.text, label: c.symbols.get(a) ?? null, comment: refs.join(', '), isPc: a === pc });
      a = (a + Math.max(1, d.length)) & sp.addrMask;
    }
    return out;
  }

  /** The last `n` instructions executed while instrumented, oldest first. */
  recentHistory(n = 20): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    for (let i = Math.min(n, this.historyCount); i >= 1; i--) out.push(this.history[(this.historyNext - i + HISTORY) % HISTORY]);
    return out;
  }

  // ---- executor hooks (the per-instruction path while instrumented) ------------------------------

  beforeStep(exec: DebugExecutor, pc: number, tick: number): boolean {
    const r = this.replay;
    if (r !== null) {
      if (exec.index !== r.cpu) return false;
      if (tick >= r.tick) return true;
      if (r.hits !== null) this.surveyBreakpoint(exec, pc, tick);
      return false;
    }
    const res = this.resume;
    if (res !== null && res.cpu === exec.index) {
      this.resume = null;
      if (res.tick === tick) return false;
    }
    const p = this.pending;
    if (p !== null) {
      if (p.kind === 'to' && p.cpu === exec.index && pc === p.addr) return this.stopAt('address', exec, pc, `Stopped at temporary breakpoint ${hex(pc)} on CPU '${exec.cpu.tag}'`);
      if (p.kind === 'return-to' && p.cpu === exec.index && pc === p.addr && this.sp(exec.index) >= p.sp) return this.stopAt('step', exec, pc, '');
      if (p.kind === 'scanline') {
        const v = this.machine.screen.vpos();
        if (v === p.line && p.prev !== p.line) return this.stopAt('scanline', exec, pc, `Stopped at scanline ${p.line}`);
        p.prev = v;
      }
    }
    for (const bp of this.breakpoints) {
      if (bp.address !== pc || !bp.enabled || bp.cpu !== exec.cpu.tag) continue;
      const cond = this.compiledBp.get(bp);
      if (cond && cond(this.context(bp.cpu)) === 0) continue;
      bp.hits++;
      if (bp.action) this.onAction?.(bp.action);
      return this.stopAt('breakpoint', exec, pc, `Stopped at breakpoint ${bp.id}`, bp.id);
    }
    return false;
  }

  afterStep(exec: DebugExecutor, pc: number, tick: number, kind: StepKind, _cycles: number): boolean {
    const r = this.replay;
    if (r !== null) {
      if (exec.index === r.cpu && (kind === 'instruction' || (kind === 'halt' && exec.classifier.haltIsTraced)) && tick < r.tick) r.prevInstr = tick;
      if (r.hits !== null && this.watchHit !== null) {
        r.hits.push({ cpu: exec.index, tick: exec.tick(), message: this.watchMessage() });
        this.watchHit = null;
      }
      return false;
    }
    const c = this.cpus[exec.index];
    if (kind === 'instruction' || (kind === 'halt' && exec.classifier.haltIsTraced)) c.tracer?.instruction(pc);
    let flow: 'call' | 'return' | '' = '';
    const p = this.pending;
    if (kind === 'instruction') {
      const spReg = c.sp;
      const after = c.cpu.pcValue();
      this.history[this.historyNext] = { cpu: c.tag, pc, flow, target: after };
      this.historyNext = (this.historyNext + 1) % HISTORY;
      if (this.historyCount < HISTORY) this.historyCount++;
      if (spReg !== null && (this.spBefore[exec.index] !== undefined)) {
        const sp0 = this.spBefore[exec.index], sp1 = c.cpu.getRegister(spReg);
        if (sp1 !== sp0) {
          const len = c.program ? c.cpu.disassemble(pc, (a) => c.program!.peek8(a)).length : 0;
          const jumped = after !== ((pc + len) & (c.program?.addrMask ?? 0xffffffff));
          if (jumped) flow = sp1 < sp0 ? 'call' : 'return';
          this.history[(this.historyNext - 1 + HISTORY) % HISTORY].flow = flow;
        }
        this.spBefore[exec.index] = sp1;
      }
      if (p !== null && p.cpu === exec.index) {
        if (p.kind === 'step' && --p.left <= 0) return this.stopAt('step', exec, after, '');
        if (p.kind === 'over') {
          const sp1 = this.sp(exec.index);
          if (after === p.pc || (sp1 < p.sp && after !== p.next)) this.pending = { kind: 'return-to', cpu: p.cpu, addr: p.next, sp: p.sp };
          else return this.stopAt('step', exec, after, '');
        }
        if (p.kind === 'out' && flow === 'return' && this.sp(exec.index) > p.sp) return this.stopAt('step', exec, after, '');
      }
    } else if (c.sp !== null) {
      this.spBefore[exec.index] = c.cpu.getRegister(c.sp);
    }
    if (this.watchHit !== null) {
      const msg = this.watchMessage();
      const wp = this.watchHit.wp;
      this.watchHit = null;
      if (wp.action) this.onAction?.(wp.action);
      return this.stopAt('watchpoint', exec, c.cpu.pcValue(), msg, undefined, wp.id);
    }
    return false;
  }

  private readonly spBefore: number[] = [];

  private sp(index: number): number {
    const c = this.cpus[index];
    return c.sp ? c.cpu.getRegister(c.sp) : 0;
  }

  private watchMessage(): string {
    const h = this.watchHit!;
    const c = this.cpuInfo(h.wp.cpu);
    const digits = Math.ceil((c.spaces.get(h.wp.space)?.addrBits ?? 16) / 4);
    return `Stopped at watchpoint ${h.wp.id} ${h.write ? 'writing' : 'reading'} ${hex(h.data, 2)} ${h.write ? 'to' : 'from'} ${hex(h.addr, digits)} (PC=${hex(this.lastPc(), digits)})`;
  }

  private lastPc(): number {
    const last = this.history[(this.historyNext - 1 + HISTORY) % HISTORY];
    return last?.pc ?? 0;
  }

  private onWatchAccess(sp: AddressSpace, addr: number, data: number, write: boolean): void {
    for (const wp of this.watchpoints) {
      if (!wp.enabled || addr < wp.start || addr > wp.end || (write ? wp.kind === 'r' : wp.kind === 'w')) continue;
      if (this.space(wp.cpu, wp.space) !== sp) continue;
      const saved = this.watchHit;
      this.watchHit = { wp, addr, data, write };
      const cond = this.compiledWp.get(wp);
      if (cond && cond(this.context(wp.cpu)) === 0) { this.watchHit = saved; continue; }
      if (this.replay === null) wp.hits++;
      return;
    }
  }

  private surveyBreakpoint(exec: DebugExecutor, pc: number, tick: number): void {
    for (const bp of this.breakpoints) {
      if (bp.address !== pc || !bp.enabled || bp.cpu !== exec.cpu.tag) continue;
      const cond = this.compiledBp.get(bp);
      if (cond && cond(this.context(bp.cpu)) === 0) continue;
      this.replay!.hits!.push({ cpu: exec.index, tick, message: `Stopped at breakpoint ${bp.id}` });
      return;
    }
  }

  private stopAt(reason: StopReason, exec: DebugExecutor, pc: number, message: string, breakpoint?: number, watchpoint?: number): true {
    this.stop = { reason, cpu: exec.cpu.tag, pc, message, breakpoint, watchpoint };
    this.pending = null;
    return true;
  }

  // ---- running ---------------------------------------------------------------------------------

  /** The front end's frame: false when the debugger stopped the machine in it (then see `lastStop`). */
  runFrame(): boolean {
    const m = this.machine;
    if (this.attached && !m.scheduler.isPaused && this.replay === null && (this.isInstrumented || m.frameNumber % this.snapshotEvery === 0)) this.takeSnapshot();
    this.stop = null;
    if (!m.runFrame()) {
      const e = this.executors[this.cpus.findIndex((c) => c.tag === this.stop?.cpu)];
      if (e) this.resume = { cpu: e.index, tick: e.tick() };
      return false;
    }
    if (this.replay !== null || m.frameNumber <= this.replayInputsUntil) this.applyLoggedInputs(m.frameNumber);
    else for (const e of this.inputScript) if (e.frame === m.frameNumber) m.setInput(e.port, e.field, e.value);
    return true;
  }

  get lastStop(): StopInfo | null { return this.stop; }

  /** The beam's line at the focused CPU's time (MAME `beamy`, as Screen.vpos counts it: VBLANK begins at its first line). */
  beamY(): number {
    const m = this.machine, sc = m.screen;
    const t = m.scheduler.cpuTime(this.cpus[this.focus].cpu) - m.frameNumber * sc.frameTicks;
    return (sc.vblankLine + Math.floor(t / sc.lineTicks)) % sc.def.vTotal;
  }

  /** True when stopped inside a frame (a run command goes on from there). */
  get isStopped(): boolean { return this.machine.scheduler.isPaused; }

  private applyLoggedInputs(frame: number): void {
    for (const e of this.inputLog) if (e.frame === frame) this.originalSetInput.call(this.machine, e.port, e.field, e.value);
  }

  private run(pending: Pending, maxFrames: number, frameStop?: (framesDone: number) => StopInfo | null): StopInfo {
    this.pending = pending;
    this.arm();
    try {
      let frames = 0;
      for (;;) {
        if (!this.runFrame()) return this.stop!;
        frames++;
        const s = frameStop?.(frames);
        if (s) return (this.stop = s);
        if (frames >= maxFrames) {
          const c = this.cpus[this.focus];
          return (this.stop = { reason: 'limit', cpu: c.tag, pc: c.cpu.pcValue(), message: `Ran ${frames} frame${frames === 1 ? '' : 's'} without stopping` });
        }
      }
    } finally {
      this.pending = null;
      this.arm();
    }
  }

  /** Run until a breakpoint or watchpoint stops the machine (at most `maxFrames` frames). */
  go(maxFrames = GO_FRAME_LIMIT): StopInfo {
    return this.run(null, maxFrames);
  }

  /** Run until the focused CPU reaches `addr` (MAME `g addr`), or a breakpoint. */
  runTo(addr: number, maxFrames = GO_FRAME_LIMIT): StopInfo {
    return this.run({ kind: 'to', cpu: this.focus, addr }, maxFrames);
  }

  /** Execute `n` instructions of the focused CPU (the other CPUs run alongside, as scheduled). */
  step(n = 1): StopInfo {
    return this.run({ kind: 'step', cpu: this.focus, left: n }, GO_FRAME_LIMIT);
  }

  /** Step over calls, RSTs and repeating instructions: run until the instruction after this one. */
  stepOver(n = 1): StopInfo {
    let s!: StopInfo;
    for (let i = 0; i < n; i++) {
      const c = this.cpus[this.focus];
      const pc = c.cpu.pcValue();
      const len = c.program ? c.cpu.disassemble(pc, (a) => c.program!.peek8(a)).length : 1;
      const next = (pc + len) & (c.program?.addrMask ?? 0xffffffff);
      s = this.run({ kind: 'over', cpu: this.focus, pc, next, sp: this.sp(this.focus) }, GO_FRAME_LIMIT);
      if (s.reason !== 'step') break;
    }
    return s;
  }

  /** Run until the current subroutine returns (a return that takes the stack above where it is now). */
  stepOut(): StopInfo {
    return this.run({ kind: 'out', cpu: this.focus, sp: this.sp(this.focus) }, GO_FRAME_LIMIT);
  }

  /** Run `n` whole frames (stopping earlier at a breakpoint). */
  runFrames(n = 1): StopInfo {
    const start = this.machine.frameNumber;
    return this.run(null, Infinity, () => {
      if (this.machine.frameNumber - start < n) return null;
      const c = this.cpus[this.focus];
      return { reason: 'frame', cpu: c.tag, pc: c.cpu.pcValue(), message: `Frame ${this.machine.frameNumber} done` };
    });
  }

  /** Run until the raster reaches scanline `line` (MAME's `beamy`, counted from VBLANK start). */
  runToScanline(line: number): StopInfo {
    return this.run({ kind: 'scanline', cpu: this.focus, line, prev: this.machine.screen.vpos() }, 2);
  }

  // ---- time travel -------------------------------------------------------------------------------

  private takeSnapshot(): void {
    const m = this.machine;
    if (this.snapshots.length && this.snapshots[this.snapshots.length - 1].frame === m.frameNumber) return;
    this.snapshots.push({ frame: m.frameNumber, state: m.saveState(), ticks: this.cpus.map((c) => m.scheduler.cpuTime(c.cpu)) });
    while (this.snapshots.length > this.snapshotCount) this.snapshots.shift();
    const oldest = this.snapshots[0].frame;
    while (this.inputLog.length && this.inputLog[0].frame < oldest) this.inputLog.shift();
  }

  /** This CPU's position: its time in ticks at the boundary it stands on. */
  position(cpu = this.focus): number {
    return this.machine.scheduler.cpuTime(this.cpus[cpu].cpu);
  }

  private snapshotBefore(cpu: number, tick: number): Snapshot | null {
    for (let i = this.snapshots.length - 1; i >= 0; i--) if (this.snapshots[i].ticks[cpu] < tick) return this.snapshots[i];
    return null;
  }

  /** Load `snap` and replay until CPU `cpu` reaches `tick`; returns the replay record. */
  private replayTo(snap: Snapshot, cpu: number, tick: number, survey: boolean): Replay {
    const m = this.machine;
    const frameLimit = m.frameNumber + 2;
    m.loadState(snap.state);
    const r: Replay = { cpu, tick, prevInstr: -1, hits: survey ? [] : null };
    this.replay = r;
    this.watchHit = null;
    this.arm();
    try {
      while (this.runFrame()) {
        if (m.frameNumber > frameLimit) throw new Error(`replay passed the target (CPU ${this.cpus[cpu].tag} tick ${tick})`);
      }
    } finally {
      this.replay = null;
      this.watchHit = null;
      this.arm();
    }
    const maxFrame = this.inputLog.reduce((a, e) => Math.max(a, e.frame), -1);
    this.replayInputsUntil = Math.max(this.replayInputsUntil, maxFrame);
    this.resume = { cpu, tick };
    return r;
  }

  /** Go back one instruction of the focused CPU, to the exact machine state before it. */
  reverseStep(): StopInfo {
    const cpu = this.focus, here = this.position(cpu);
    const c = this.cpus[cpu];
    // The newest snapshot whose replay to here passes an instruction start before here.
    for (let i = this.snapshots.length - 1; i >= 0; i--) {
      const snap = this.snapshots[i];
      if (snap.ticks[cpu] >= here) continue;
      const survey = this.replayTo(snap, cpu, here, false);
      if (survey.prevInstr < 0) continue;
      this.replayTo(snap, cpu, survey.prevInstr, false);
      return (this.stop = { reason: 'reverse', cpu: c.tag, pc: c.cpu.pcValue(), message: '' });
    }
    return (this.stop = { reason: 'limit', cpu: c.tag, pc: c.cpu.pcValue(), message: 'No earlier snapshot to go back to' });
  }

  /** Run backwards to the last point where a breakpoint or watchpoint would have stopped the machine. */
  reverseContinue(): StopInfo {
    const cpu = this.focus, here = this.position(cpu);
    const c = this.cpus[cpu];
    let end = here;
    for (let i = this.snapshots.length - 1; i >= 0; i--) {
      const snap = this.snapshots[i];
      if (snap.ticks[cpu] >= end) continue;
      const r = this.replayTo(snap, cpu, end, true);
      const hits = r.hits!.filter((h) => h.tick < here || h.cpu !== cpu);
      if (hits.length) {
        const h = hits[hits.length - 1];
        this.replayTo(snap, h.cpu, h.tick, false);
        const t = this.cpus[h.cpu];
        return (this.stop = { reason: 'reverse', cpu: t.tag, pc: t.cpu.pcValue(), message: h.message });
      }
      end = snap.ticks[cpu];
    }
    const first = this.snapshots[0];
    if (first) this.replayTo(first, cpu, first.ticks[cpu] + 1, false);
    return (this.stop = { reason: 'limit', cpu: c.tag, pc: c.cpu.pcValue(), message: 'No breakpoint or watchpoint hit in the recorded history; at the oldest snapshot' });
  }
}

export function hex(v: number, digits = 4): string {
  return v.toString(16).toUpperCase().padStart(digits, '0');
}
