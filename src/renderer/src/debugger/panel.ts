/**
 * The debugger panel: opens beside the game without pausing it. Per-CPU disassembly following the PC
 * (click a line to toggle a breakpoint), registers (changed ones highlighted), breakpoints and
 * watchpoints with hit counts, a memory view/editor per address space, step controls with MAME's keys
 * (F5 run, F10 step over, F11 step into, Shift+F11 step out; while the panel is open they are the
 * debugger's) and the MAME console for everything else. The debugger itself runs in the emulator
 * worker (worker-side.ts); this is only its view.
 */
import type { Emulator } from '../emu/emulator';
import { h } from '../ui/dom';
import type { DebugReply, DebugRequest, DebugView, MemoryWindow } from './protocol';

const hex = (v: number, d: number) => v.toString(16).toUpperCase().padStart(d, '0');

export class DebuggerPanel {
  readonly el: HTMLElement;
  private readonly status: HTMLElement;
  private readonly cpuSelect: HTMLSelectElement;
  private readonly dasm: HTMLElement;
  private readonly regs: HTMLElement;
  private readonly bps: HTMLElement;
  private readonly memGrid: HTMLElement;
  private readonly memSpace: HTMLSelectElement;
  private readonly memAddr: HTMLInputElement;
  private readonly log: HTMLElement;
  private readonly viewerSelect: HTMLSelectElement;
  private readonly viewerColor: HTMLInputElement;
  private readonly viewerCanvas: HTMLCanvasElement;
  private readonly input: HTMLInputElement;
  private lastRegs = new Map<string, number>();
  private changed = new Set<string>();
  private mem: MemoryWindow = { space: 'program', addr: 0x4c00, length: 256 };
  private poll = 0;
  private busy = false;
  view: DebugView | null = null;
  open = false;

  constructor(private readonly emu: Emulator, private readonly onClose: () => void) {
    const btn = (label: string, title: string, action: string, fn: () => void) =>
      h('button', { class: 'dbg-btn', title, 'data-debug': action, on: { click: fn } }, label);
    this.status = h('div', { class: 'dbg-status' }, 'Attaching…');
    this.cpuSelect = h('select', { class: 'dbg-cpu', 'aria-label': 'CPU', on: { change: () => void this.send({ op: 'focus', cpu: this.cpuSelect.value }) } });
    this.dasm = h('div', { class: 'dbg-dasm', role: 'list', 'aria-label': 'Disassembly' });
    this.regs = h('div', { class: 'dbg-regs', 'aria-label': 'Registers' });
    this.bps = h('div', { class: 'dbg-bps', 'aria-label': 'Breakpoints and watchpoints' });
    this.memSpace = h('select', { class: 'dbg-space', 'aria-label': 'Address space', on: { change: () => { this.mem.space = this.memSpace.value; void this.send({ op: 'view' }); } } });
    this.memAddr = h('input', { class: 'dbg-addr', value: hex(this.mem.addr, 4), 'aria-label': 'Memory address', size: 6,
      on: { change: () => { this.mem.addr = parseInt(this.memAddr.value, 16) || 0; void this.send({ op: 'view' }); } } });
    this.memGrid = h('div', { class: 'dbg-mem', 'aria-label': 'Memory' });
    this.log = h('pre', { class: 'dbg-log', 'aria-live': 'polite' });
    this.viewerSelect = h('select', { class: 'dbg-viewer', 'aria-label': 'Graphics viewer', on: { change: () => void this.drawViewer() } });
    this.viewerColor = h('input', { class: 'dbg-color', type: 'number', min: '0', max: '255', value: '0', 'aria-label': 'Colour', title: 'Colour (gfx sets)',
      on: { change: () => void this.drawViewer() } });
    this.viewerCanvas = h('canvas', { class: 'dbg-canvas', width: 1, height: 1 });
    this.input = h('input', { class: 'dbg-input', placeholder: "MAME command: bp 98b, wp 4c12,3,w, s, dasm, help", 'aria-label': 'Debugger command',
      on: { keydown: (e) => { const k = e as KeyboardEvent; if (k.key === 'Enter') { void this.command(this.input.value); this.input.value = ''; } } } });
    this.el = h('aside', { class: 'debugger-panel', 'aria-label': 'Debugger', hidden: true },
      h('header', { class: 'dbg-head' }, h('strong', null, 'Debugger'), this.cpuSelect,
        h('button', { class: 'dbg-close', title: 'Close the debugger (the game runs on)', on: { click: () => this.close() } }, '×')),
      this.status,
      h('div', { class: 'dbg-controls' },
        btn('Run', 'Run (F5)', 'run', () => void this.send({ op: 'continue' })),
        btn('Break', 'Break', 'break', () => void this.send({ op: 'break' })),
        btn('Into', 'Step into (F11)', 'step', () => void this.command('s')),
        btn('Over', 'Step over (F10)', 'over', () => void this.command('o')),
        btn('Out', 'Step out (Shift+F11)', 'out', () => void this.command('out')),
        btn('Back', 'Reverse step', 'rstep', () => void this.command('rs'))),
      this.dasm,
      this.regs,
      this.bps,
      h('div', { class: 'dbg-memhead' }, 'Memory ', this.memSpace, ' at ', this.memAddr),
      this.memGrid,
      h('details', { class: 'dbg-viewers', on: { toggle: () => void this.drawViewer() } }, h('summary', null, 'Graphics: ', this.viewerSelect, ' colour ', this.viewerColor), this.viewerCanvas),
      this.log,
      this.input,
    );
    // keys typed in the panel stay in the panel (not game input), except its own F5/F10/F11
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') return; // the player's "back to the library"
      if (e.key === 'F9') { e.preventDefault(); this.close(); } else this.handleKey(e);
      e.stopPropagation();
    });
    emu.onDebugStopped = (reply) => this.show(reply);
  }

  /** The debugger's keys while the panel is open (before the player's hot keys see them). */
  handleKey(e: KeyboardEvent): boolean {
    if (!this.open) return false;
    const key = e.shiftKey && e.key === 'F11' ? 'out' : e.key;
    const actions: Record<string, () => void> = {
      F5: () => void this.send({ op: 'continue' }),
      F10: () => void this.command('o'),
      F11: () => void this.command('s'),
      out: () => void this.command('out'),
    };
    const fn = actions[key];
    if (!fn) return false;
    e.preventDefault();
    fn();
    return true;
  }

  async toggle(): Promise<void> {
    if (this.open) this.close();
    else await this.show(await this.emu.debug({ op: 'attach' }, this.mem));
  }

  close(): void {
    this.open = false;
    this.el.hidden = true;
    clearInterval(this.poll);
    this.poll = 0;
    void this.emu.debug({ op: 'detach' }).catch(() => {});
    this.onClose();
  }

  async command(line: string): Promise<void> {
    if (!line.trim()) return;
    this.print(`> ${line}`);
    await this.send({ op: 'command', line });
  }

  async send(req: DebugRequest): Promise<DebugReply | null> {
    if (this.busy) return null;
    this.busy = true;
    try {
      const reply = await this.emu.debug(req, this.mem);
      this.show(reply);
      return reply;
    } catch (e) {
      this.print(`Error: ${(e as Error).message}`);
      return null;
    } finally {
      this.busy = false;
    }
  }

  private print(text: string): void {
    this.log.textContent = (this.log.textContent + text + '\n').split('\n').slice(-200).join('\n');
    this.log.scrollTop = this.log.scrollHeight;
  }

  show(reply: DebugReply): void {
    if (!this.open) {
      this.open = true;
      this.el.hidden = false;
      // while the game runs, refresh the view twice a second (registers, memory follow the game)
      this.poll = window.setInterval(() => { if (this.view && !this.view.paused && !this.busy) void this.send({ op: 'view' }); }, 500);
    }
    for (const l of reply.lines) this.print(l);
    const v = reply.view;
    this.view = v;
    if (!v.attached) { this.status.textContent = 'Not attached'; return; }
    this.status.textContent = v.paused
      ? `Stopped: ${v.stop?.message || `${v.focus} at ${hex(v.pc, v.addrDigits)}`} · frame ${v.frame} · line ${v.scanline}`
      : `Running · frame ${v.frame}`;
    this.el.classList.toggle('paused', v.paused);
    if (this.cpuSelect.options.length !== v.cpus.length) this.cpuSelect.replaceChildren(...v.cpus.map((c) => h('option', { value: c }, c)));
    this.cpuSelect.value = v.focus;
    const bpAt = new Set(v.breakpoints.filter((b) => b.cpu === v.focus).map((b) => b.address));
    this.dasm.replaceChildren(...v.dasm.flatMap((r) => [
      ...(r.label ? [h('div', { class: 'dbg-label' }, `${r.label}:`)] : []),
      h('div', { class: `dbg-line${r.isPc ? ' pc' : ''}${bpAt.has(r.addr) ? ' bp' : ''}`, role: 'listitem', dataset: { addr: hex(r.addr, v.addrDigits) },
        title: 'Click to toggle a breakpoint',
        on: { click: () => void this.toggleBreakpoint(r.addr) } },
      `${hex(r.addr, v.addrDigits)}  ${r.bytes.map((b) => hex(b, 2)).join(' ').padEnd(12)} ${r.text}`),
    ]));
    // registers: highlight the ones that changed since the previous stop (or poll)
    const now = new Map(v.regs.map((r) => [r.name, r.value]));
    if (this.lastRegs.size) this.changed = new Set(v.regs.filter((r) => this.lastRegs.get(r.name) !== r.value).map((r) => r.name));
    this.lastRegs = now;
    this.regs.replaceChildren(...v.regs.map((r) => h('span', { class: `dbg-reg${this.changed.has(r.name) ? ' changed' : ''}`, dataset: { reg: r.name } },
      `${r.name.toUpperCase()}=${hex(r.value, Math.max(1, Math.ceil(r.bits / 4)))}`)));
    this.bps.replaceChildren(
      ...v.breakpoints.map((b) => h('div', { class: 'dbg-bp' }, `bp ${b.id}  ${hex(b.address, v.addrDigits)}:${b.cpu}${b.condition ? ` if ${b.condition}` : ''}  hits ${b.hits} `,
        h('button', { class: 'dbg-x', title: 'Remove', on: { click: () => void this.command(`bpclear ${b.id}`) } }, '×'))),
      ...v.watchpoints.map((w) => h('div', { class: 'dbg-bp' }, `wp ${w.id}  ${w.space} ${hex(w.start, 4)}-${hex(w.end, 4)} ${w.kind}${w.condition ? ` if ${w.condition}` : ''}  hits ${w.hits} `,
        h('button', { class: 'dbg-x', title: 'Remove', on: { click: () => void this.command(`wpclear ${w.id}`) } }, '×'))),
    );
    if (this.memSpace.options.length !== v.spaces.length) this.memSpace.replaceChildren(...v.spaces.map((s) => h('option', { value: s }, s)));
    this.memSpace.value = this.mem.space;
    this.renderMemory(v);
    if (this.viewerSelect.options.length !== v.viewers.length)
      this.viewerSelect.replaceChildren(...v.viewers.map((s) => h('option', { value: s.id }, `${s.id} (${s.kind}, ${s.describe})`)));
  }

  /** Draw the chosen graphics set, tilemap or palette (MAME's gfx/palette/tilemap viewers). */
  async drawViewer(): Promise<void> {
    const id = this.viewerSelect.value;
    if (!id || !(this.el.querySelector('.dbg-viewers') as HTMLDetailsElement).open) return;
    const reply = await this.send({ op: 'viewer', id, color: Number(this.viewerColor.value) || 0 });
    const p = reply?.picture;
    if (!p) return;
    this.viewerCanvas.width = p.width;
    this.viewerCanvas.height = p.height;
    const g = this.viewerCanvas.getContext('2d')!;
    g.putImageData(new ImageData(new Uint8ClampedArray(p.rgba), p.width, p.height), 0, 0);
  }

  private renderMemory(v: DebugView): void {
    const m = v.memory;
    if (!m) { this.memGrid.replaceChildren('(no such space)'); return; }
    const rows: HTMLElement[] = [];
    for (let r = 0; r < m.bytes.length; r += 16) {
      const cells = m.bytes.slice(r, r + 16).map((b, i) => h('span', { class: 'dbg-byte', dataset: { addr: hex(m.addr + r + i, 4) }, title: 'Click to edit',
        on: { click: (e) => this.editByte(e.currentTarget as HTMLElement, m.space, m.addr + r + i) } }, hex(b, 2)));
      rows.push(h('div', { class: 'dbg-memrow' }, h('span', { class: 'dbg-memaddr' }, hex(m.addr + r, 4)), ...cells));
    }
    this.memGrid.replaceChildren(...rows);
  }

  private editByte(cell: HTMLElement, space: string, addr: number): void {
    const input = h('input', { class: 'dbg-edit', value: cell.textContent ?? '', size: 2, maxlength: 2, 'aria-label': `Byte at ${hex(addr, 4)}` });
    const done = (commit: boolean) => {
      const value = parseInt(input.value, 16);
      if (commit && Number.isFinite(value)) void this.send({ op: 'poke', space, addr, value: value & 0xff });
      else if (this.view) this.renderMemory(this.view);
    };
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') done(true); if (e.key === 'Escape') done(false); });
    input.addEventListener('blur', () => done(true), { once: true });
    cell.replaceChildren(input);
    input.focus();
    input.select();
  }

  private async toggleBreakpoint(addr: number): Promise<void> {
    const v = this.view;
    if (!v) return;
    const bp = v.breakpoints.find((b) => b.address === addr && b.cpu === v.focus);
    await this.command(bp ? `bpclear ${bp.id}` : `bp ${hex(addr, v.addrDigits)}`);
  }
}
