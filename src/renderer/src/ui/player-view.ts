/**
 * The player: the game screen filling the window, a toolbar that appears when the mouse moves
 * (back, pause, reset, fast-forward, save/load, screenshot, fullscreen, volume, settings), a small
 * FPS/speed overlay and a pause badge.
 */
import type { Emulator } from '../emu/emulator';
import { h, icon } from './dom';

export interface PlayerActions {
  back(): void;
  togglePause(): void;
  reset(): void;
  fastForward(on: boolean): void;
  saveState(): void;
  loadState(): void;
  screenshot(): void;
  fullscreen(): void;
  settings(): void;
  volume(v: number): void;
  toggleMute(): void;
  frameAdvance(): void;
  rewind(on: boolean): void;
  toggleRecording(): void;
  playRecording(): void;
  debugger(): void;
}

export class PlayerView {
  readonly el: HTMLElement;
  readonly stage: HTMLElement;
  private readonly title: HTMLElement;
  private readonly fps: HTMLElement;
  private readonly badge: HTMLElement;
  private readonly pauseBtn: HTMLButtonElement;
  private readonly ffBtn: HTMLButtonElement;
  private readonly muteBtn: HTMLButtonElement;
  private readonly volumeInput: HTMLInputElement;
  private readonly recBtn: HTMLButtonElement;
  private readonly recBadge: HTMLElement;
  private hideTimer = 0;
  showFps = false;

  /** set once the emulator exists (it needs this view's stage for its screen) */
  emu!: Emulator;

  constructor(private readonly actions: PlayerActions) {
    // A mouse click leaves no focus behind (a focused button would keep the toolbar over the picture);
    // keyboard activation keeps it, so Tab/Enter users stay where they were.
    const btn = (name: string, label: string, onClick: () => void, extra: Record<string, unknown> = {}): HTMLButtonElement =>
      h('button', { class: 'tb-btn', title: label, 'aria-label': label, 'data-action': name,
        on: { click: (e) => { if ((e as MouseEvent).detail > 0) (e.currentTarget as HTMLElement).blur(); onClick(); } }, ...extra }, icon(name));
    this.stage = h('div', { class: 'stage' });
    this.title = h('div', { class: 'tb-title' });
    this.fps = h('div', { class: 'fps', hidden: true });
    this.badge = h('div', { class: 'pause-badge', hidden: true }, icon('pause'), 'Paused');
    this.pauseBtn = btn('pause', 'Pause (P)', () => actions.togglePause());
    this.ffBtn = btn('ff', 'Fast forward (hold `)', () => actions.fastForward(!this.emu.fastForward));
    this.muteBtn = btn('volume', 'Mute', () => actions.toggleMute());
    const step = btn('step', 'Next frame (.)', () => actions.frameAdvance());
    step.classList.add('paused-only');
    const rewind = btn('rewind', 'Rewind (hold Backspace)', () => {});
    rewind.addEventListener('pointerdown', (e) => { rewind.setPointerCapture(e.pointerId); actions.rewind(true); });
    const release = (): void => actions.rewind(false);
    rewind.addEventListener('pointerup', release);
    rewind.addEventListener('pointercancel', release);
    this.recBtn = btn('record', 'Record inputs from power-on (F8)', () => actions.toggleRecording());
    this.recBadge = h('div', { class: 'rec-badge', hidden: true }, 'REC');
    this.volumeInput = h('input', {
      type: 'range', min: '0', max: '1', step: '0.05', class: 'volume', 'aria-label': 'Volume',
      on: { input: (e) => actions.volume(Number((e.target as HTMLInputElement).value)) },
    });
    const toolbar = h('div', { class: 'toolbar' },
      btn('back', 'Back to library (Esc)', () => actions.back()),
      this.title,
      h('div', { class: 'tb-group' }, rewind, this.pauseBtn, step, btn('reset', 'Reset (F3)', () => actions.reset()), this.ffBtn),
      h('div', { class: 'tb-group' }, this.recBtn, btn('film', 'Play a recording…', () => actions.playRecording())),
      h('div', { class: 'tb-group' }, btn('save', 'Save state (F5)', () => actions.saveState()), btn('load', 'Load state (F7)', () => actions.loadState()),
        btn('camera', 'Screenshot (F12)', () => actions.screenshot()), btn('bug', 'Debugger (F9)', () => actions.debugger())),
      h('div', { class: 'tb-group' }, this.muteBtn, this.volumeInput),
      h('div', { class: 'tb-group' }, btn('full', 'Full screen (F11)', () => actions.fullscreen()), btn('gear', 'Settings', () => actions.settings())),
    );
    this.el = h('section', { class: 'player view', on: { mousemove: () => this.poke() } }, this.stage, this.fps, this.badge, this.recBadge, toolbar);
  }

  setTitle(t: string): void {
    this.title.textContent = t;
  }

  setVolume(v: number, muted: boolean): void {
    this.volumeInput.value = String(v);
    this.muteBtn.replaceChildren(icon(muted ? 'mute' : 'volume'));
  }

  poke(): void {
    this.el.classList.add('show-ui');
    clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => this.el.classList.remove('show-ui'), 2200);
  }

  update(audioLine: string): void {
    this.badge.hidden = !this.emu.paused;
    this.pauseBtn.replaceChildren(icon(this.emu.paused ? 'play' : 'pause'));
    this.pauseBtn.title = this.emu.paused ? 'Resume (P)' : 'Pause (P)';
    this.ffBtn.classList.toggle('active', this.emu.fastForward);
    this.el.classList.toggle('paused', this.emu.paused);
    this.recBtn.classList.toggle('recording', this.emu.recording);
    this.recBtn.replaceChildren(icon(this.emu.recording ? 'stop' : 'record'));
    this.recBtn.title = this.emu.recording ? 'Stop recording and save it (F8)' : 'Record inputs from power-on (F8)';
    this.recBadge.hidden = !this.emu.recording && !this.emu.playingBack;
    this.recBadge.textContent = this.emu.playingBack ? 'PLAYBACK' : 'REC';
    this.fps.hidden = !this.showFps;
    if (this.showFps) {
      const s = this.emu.stats;
      this.fps.textContent = this.emu.paused ? `paused · ${audioLine}` : Number.isNaN(s.emulatedFps)
        ? `measuring… · ${audioLine}`
        : `${s.emulatedFps.toFixed(1)} fps · ${s.speedPercent.toFixed(0)}% · ${s.frameMs.toFixed(1)} ms/frame · ${audioLine}`;
    }
  }
}
