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
  private hideTimer = 0;
  showFps = false;

  /** set once the emulator exists (it needs this view's stage for its screen) */
  emu!: Emulator;

  constructor(private readonly actions: PlayerActions) {
    const btn = (name: string, label: string, onClick: () => void, extra: Record<string, unknown> = {}): HTMLButtonElement =>
      h('button', { class: 'tb-btn', title: label, 'aria-label': label, 'data-action': name, on: { click: () => onClick() }, ...extra }, icon(name));
    this.stage = h('div', { class: 'stage' });
    this.title = h('div', { class: 'tb-title' });
    this.fps = h('div', { class: 'fps', hidden: true });
    this.badge = h('div', { class: 'pause-badge', hidden: true }, icon('pause'), 'Paused');
    this.pauseBtn = btn('pause', 'Pause (P)', () => actions.togglePause());
    this.ffBtn = btn('ff', 'Fast forward (hold `)', () => actions.fastForward(!this.emu.fastForward));
    this.muteBtn = btn('volume', 'Mute', () => actions.toggleMute());
    this.volumeInput = h('input', {
      type: 'range', min: '0', max: '1', step: '0.05', class: 'volume', 'aria-label': 'Volume',
      on: { input: (e) => actions.volume(Number((e.target as HTMLInputElement).value)) },
    });
    const toolbar = h('div', { class: 'toolbar' },
      btn('back', 'Back to library (Esc)', () => actions.back()),
      this.title,
      h('div', { class: 'tb-group' }, this.pauseBtn, btn('reset', 'Reset (F3)', () => actions.reset()), this.ffBtn),
      h('div', { class: 'tb-group' }, btn('save', 'Save state (F5)', () => actions.saveState()), btn('load', 'Load state (F7)', () => actions.loadState()),
        btn('camera', 'Screenshot (F12)', () => actions.screenshot())),
      h('div', { class: 'tb-group' }, this.muteBtn, this.volumeInput),
      h('div', { class: 'tb-group' }, btn('full', 'Full screen (F11)', () => actions.fullscreen()), btn('gear', 'Settings', () => actions.settings())),
    );
    this.el = h('section', { class: 'player view', on: { mousemove: () => this.poke() } }, this.stage, this.fps, this.badge, toolbar);
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
    this.fps.hidden = !this.showFps;
    if (this.showFps) {
      const s = this.emu.stats;
      this.fps.textContent = `${s.emulatedFps.toFixed(1)} fps · ${s.speedPercent.toFixed(0)}% · ${s.frameMs.toFixed(1)} ms/frame · ${audioLine}`;
    }
  }
}
