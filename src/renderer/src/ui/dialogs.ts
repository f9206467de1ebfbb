/**
 * Modal dialogs: save/load state slots with thumbnails, settings (controls remapping, DIP switches,
 * video, audio, ROM folders), the first-run welcome, and About.
 */
import type { GameDescription } from '../../../core/describe';
import type { AppConfig, GameSettings, KeyBinding, StateSlotInfo } from '../../../shared/api';
import { loadSensitivity, saveSensitivity, trackballFields } from '../input/trackball';
import { bindingsFor, defaultBinding, fieldKey, keyLabel, padLabel } from '../input/keymap';
import { DEFAULT_HOTKEYS, HOTKEY_ACTIONS } from '../../../shared/config-defaults';
import { APP_VERSION } from '../version';
import { InputState } from '../input/input';
import { clear, h, icon } from './dom';

export const SLOTS = 10;

export function modal(title: string, body: HTMLElement, opts: { wide?: boolean; onClose?: () => void } = {}): { close: () => void; el: HTMLDialogElement } {
  const dlg = h('dialog', { class: `modal${opts.wide ? ' wide' : ''}`, 'aria-label': title });
  const close = (): void => {
    if (dlg.open) dlg.close();
    dlg.remove();
    opts.onClose?.();
  };
  dlg.append(
    h('header', { class: 'modal-head' }, h('h2', null, title), h('button', { class: 'btn icon-btn', 'aria-label': 'Close', on: { click: close } }, '✕')),
    body,
  );
  dlg.addEventListener('cancel', (e) => { e.preventDefault(); close(); });
  document.body.append(dlg);
  dlg.showModal();
  return { close, el: dlg };
}

export function statesDialog(mode: 'save' | 'load', slots: StateSlotInfo[], pick: (slot: number) => void, onClose?: () => void): () => void {
  const byNum = new Map(slots.map((s) => [s.slot, s]));
  let close = (): void => {};
  const grid = h('div', { class: 'slots' });
  for (let i = 0; i < SLOTS; i++) {
    const s = byNum.get(i);
    const usable = mode === 'save' || !!s;
    grid.append(h('button', {
      class: `slot${s ? '' : ' empty'}`, disabled: !usable, 'data-slot': String(i),
      on: { click: () => { close(); pick(i); } },
    },
    s?.thumbnail ? h('img', { src: s.thumbnail, alt: `Slot ${i}` }) : h('div', { class: 'slot-empty' }, mode === 'save' ? 'Empty' : '—'),
    h('div', { class: 'slot-label' }, h('b', null, `Slot ${i}`), s ? new Date(s.savedAt).toLocaleString() : mode === 'save' ? 'free' : 'empty')));
  }
  const m = modal(mode === 'save' ? 'Save state' : 'Load state', h('div', { class: 'modal-body' },
    h('p', { class: 'hint' }, mode === 'save' ? 'Pick a slot. Saving over a slot replaces it.' : slots.length ? 'Pick a slot to continue from.' : 'No saved states for this game yet. Press F5 while playing to save one.'),
    grid), { wide: true, onClose });
  close = m.close;
  return close;
}

export interface SettingsContext {
  config: AppConfig;
  game: GameDescription | null;
  platform: 'electron' | 'web';
  save(patch: Partial<AppConfig>): Promise<void>;
  addFolder(): Promise<void>;
  removeFolder(f: string): Promise<void>;
  applyDips(game: GameDescription, dips: Record<string, number>): void;
}

/** Trackball games: the mouse (click the game to lock the pointer) and its sensitivity (input/trackball.ts). */
function trackballSetting(inputs: GameDescription['inputs']): HTMLElement[] {
  if (trackballFields(inputs).length === 0) return [];
  const value = h('span', { class: 'hint' }, `${loadSensitivity().toFixed(2)}×`);
  const range = h('input', { type: 'range', min: '0.25', max: '4', step: '0.25', value: String(loadSensitivity()), 'aria-label': 'Trackball sensitivity' }) as HTMLInputElement;
  range.oninput = () => { saveSensitivity(Number(range.value)); value.textContent = `${Number(range.value).toFixed(2)}×`; };
  return [
    h('p', { class: 'hint' }, 'Trackball: click the game to steer with the mouse (Esc releases it); a gamepad\'s right stick works too.'),
    h('label', { class: 'row' }, 'Trackball sensitivity ', range, ' ', value),
  ];
}

/** Re-renders the ROM list of the open Settings dialog, if any. */
let liveRoms: (() => void) | null = null;

/** The ROMs changed (added, dropped, removed): an open Settings → ROMs list shows it at once. */
export function settingsRomsChanged(): void {
  liveRoms?.();
}

export function settingsDialog(ctx: SettingsContext, initialTab?: string, onClose?: () => void): void {
  const cfg = ctx.config;
  let reopen = false;
  const tabs: [string, () => HTMLElement][] = [];
  const game = ctx.game;
  const gameSettings = (): GameSettings => cfg.games[game!.name] ?? { bindings: {}, dips: {} };
  const saveGame = async (s: GameSettings): Promise<void> => {
    cfg.games = { ...cfg.games, [game!.name]: s };
    await ctx.save({ games: cfg.games });
  };

  if (game) {
    tabs.push(['Controls', () => {
      const body = h('div', { class: 'tab-body' });
      const render = (): void => {
        clear(body);
        const bindings = bindingsFor(game.inputs, gameSettings());
        const table = h('table', { class: 'keys' });
        for (const f of game.inputs.filter((x) => x.kind === 'digital')) {
          const k = fieldKey(f);
          const b = bindings.get(k)!;
          const keyBtn = h('button', { class: 'keycap', title: 'Click, then press a key' }, b.keys.map(keyLabel).join(' / ') || '—');
          const padBtn = h('button', { class: 'keycap pad', title: 'Click, then press a gamepad button' }, b.pad.map(padLabel).join(' / ') || '—');
          keyBtn.onclick = () => listenKey(keyBtn, (code) => {
            const s = gameSettings();
            const nb: KeyBinding = { keys: code === 'Escape' ? b.keys : [code], pad: b.pad };
            void saveGame({ ...s, bindings: { ...s.bindings, [k]: nb } }).then(render);
          });
          padBtn.onclick = () => listenPad(padBtn, () => true, (button) => {
            const s = gameSettings();
            void saveGame({ ...s, bindings: { ...s.bindings, [k]: { keys: b.keys, pad: [button] } } }).then(render);
          }, render);
          table.append(h('tr', null, h('td', null, f.name), h('td', null, keyBtn), h('td', null, padBtn)));
        }
        body.append(
          h('p', { class: 'hint' }, 'Defaults follow MAME: arrows move, Left Ctrl / Left Alt / Space are buttons, 1/2 start, 5/6 insert coins. Gamepads work out of the box.'),
          table,
          ...trackballSetting(game.inputs),
          h('div', { class: 'row-end' }, h('button', { class: 'btn', on: { click: () => { void saveGame({ ...gameSettings(), bindings: {} }).then(render); } } }, 'Reset to defaults')),
        );
      };
      render();
      return body;
    }]);
    const dipFields = game.inputs.filter((f) => (f.kind === 'dip' || f.kind === 'config') && f.settings?.length);
    tabs.push(['DIP switches', () => {
      const body = h('div', { class: 'tab-body' });
      if (!dipFields.length) {
        body.append(h('p', { class: 'hint' }, 'This game has no DIP switches.'));
        return body;
      }
      const s = gameSettings();
      const grid = h('div', { class: 'dips' });
      for (const f of dipFields) {
        const k = fieldKey(f);
        const cur = s.dips[k] ?? f.defaultValue;
        grid.append(h('label', { class: 'dip' },
          h('span', null, f.name, f.location ? h('small', null, ` ${f.location}`) : null),
          h('select', {
            class: 'select', 'data-field': k,
            on: { change: (e) => {
              const v = Number((e.target as HTMLSelectElement).value);
              const gs = gameSettings();
              const dips = { ...gs.dips, [k]: v };
              void saveGame({ ...gs, dips });
              ctx.applyDips(game, dips);
            } },
          }, ...f.settings!.map((o) => h('option', { value: String(o.value), selected: o.value === cur }, `${o.name}${o.value === f.defaultValue ? ' (default)' : ''}`)))));
      }
      body.append(h('p', { class: 'hint' }, 'Changes apply at once, as flipping the switch on the board would; some games read them only at reset (F3).'), grid,
        h('div', { class: 'row-end' }, h('button', { class: 'btn', on: { click: () => {
          void saveGame({ ...gameSettings(), dips: {} });
          ctx.applyDips(game, {});
          reopen = true;
          m.close();
          settingsDialog(ctx, 'DIP switches', onClose);
        } } }, 'Restore factory settings')));
      return body;
    }]);
  }

  tabs.push(['Video', () => {
    const v = { ...cfg.video };
    const upd = (patch: Partial<typeof v>): void => { Object.assign(v, patch); cfg.video = { ...v }; void ctx.save({ video: { ...v } }); };
    return h('div', { class: 'tab-body form' },
      h('label', null, 'Scaling', h('select', { class: 'select', on: { change: (e) => upd({ scaling: (e.target as HTMLSelectElement).value as 'integer' | 'fit' }) } },
        h('option', { value: 'integer', selected: v.scaling === 'integer' }, 'Integer (sharpest)'),
        h('option', { value: 'fit', selected: v.scaling === 'fit' }, 'Fit to window'))),
      h('label', null, 'Rotate screen', h('select', { class: 'select', on: { change: (e) => upd({ rotate: Number((e.target as HTMLSelectElement).value) as 0 }) } },
        ...[0, 90, 180, 270].map((r) => h('option', { value: String(r), selected: v.rotate === r }, r === 0 ? 'As the cabinet (0°)' : `${r}°`)))),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: v.scanlines, on: { change: (e) => upd({ scanlines: (e.target as HTMLInputElement).checked }) } }), 'Scanlines (CRT look)'),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: v.showFps, on: { change: (e) => upd({ showFps: (e.target as HTMLInputElement).checked }) } }), 'Show speed and FPS (F10)'),
    );
  }]);

  tabs.push(['Audio', () => h('div', { class: 'tab-body form' },
    h('label', null, 'Volume', h('input', { type: 'range', min: '0', max: '1', step: '0.05', value: String(cfg.volume),
      on: { input: (e) => { cfg.volume = Number((e.target as HTMLInputElement).value); void ctx.save({ volume: cfg.volume }); } } })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: cfg.muted, on: { change: (e) => { cfg.muted = (e.target as HTMLInputElement).checked; void ctx.save({ muted: cfg.muted }); } } }), 'Mute'),
  )]);

  tabs.push(['Play', () => {
    const p = { ...cfg.player };
    const upd = (patch: Partial<typeof p>): void => { Object.assign(p, patch); cfg.player = { ...p }; void ctx.save({ player: { ...p } }); };
    return h('div', { class: 'tab-body form' },
      h('label', null, 'Rewind (hold Backspace)', h('select', { class: 'select', 'data-setting': 'rewind', on: { change: (e) => upd({ rewindSeconds: Number((e.target as HTMLSelectElement).value) }) } },
        ...[[0, 'Off'], [10, '10 seconds'], [30, '30 seconds'], [60, '1 minute'], [300, '5 minutes']].map(([v, t]) =>
          h('option', { value: String(v), selected: p.rewindSeconds === v }, String(t))))),
      h('p', { class: 'hint' }, 'Rewind keeps a save state every 8 frames: about 1 MB for 30 seconds of Pac-Man, more for bigger boards.'),
      h('label', null, 'Run-ahead', h('select', { class: 'select', 'data-setting': 'runAhead', on: { change: (e) => upd({ runAhead: Number((e.target as HTMLSelectElement).value) }) } },
        ...[[0, 'Off'], [1, '1 frame'], [2, '2 frames']].map(([v, t]) => h('option', { value: String(v), selected: p.runAhead === v }, String(t))))),
      h('p', { class: 'hint' }, 'Run-ahead shows each frame as it will look 1–2 frames later, hiding the game\'s own input lag (RetroArch\'s technique). It costs that many extra frames of emulation each frame; use 1 unless the game reacts late.'),
    );
  }]);

  tabs.push(['Hotkeys', () => {
    const body = h('div', { class: 'tab-body' });
    const render = (): void => {
      clear(body);
      const table = h('table', { class: 'keys hotkeys' });
      // a key that two actions share, or that the game's controls use, does only one thing: say so
      const gameKeys = new Set<string>();
      if (game) for (const b of bindingsFor(game.inputs, gameSettings()).values()) for (const k of b.keys) gameKeys.add(k);
      const gamePads = new Set<string>();
      if (game) for (const b of bindingsFor(game.inputs, gameSettings()).values()) for (const k of b.pad) gamePads.add(k);
      for (const [action, label] of Object.entries(HOTKEY_ACTIONS)) {
        const code = cfg.hotkeys[action];
        const pad = cfg.padHotkeys[action];
        const clash = [
          code && Object.entries(cfg.hotkeys).some(([a, c]) => a !== action && c === code) ? `${keyLabel(code)} is also another hot key` : '',
          code && gameKeys.has(code) ? `${keyLabel(code)} is also a game control` : '',
          pad && Object.entries(cfg.padHotkeys).some(([a, c]) => a !== action && c === pad) ? `${padLabel(pad)} is also another hot key` : '',
          pad && gamePads.has(pad) ? `${padLabel(pad)} is also a game control` : '',
        ].filter(Boolean).join('; ');
        const keyBtn = h('button', { class: 'keycap', 'data-hotkey': action, title: 'Click, then press a key (Esc keeps the old one, Delete clears it)' }, code ? keyLabel(code) : '—');
        const padBtn = h('button', { class: 'keycap pad', 'data-padhotkey': action, title: 'Click, then press a gamepad button' }, pad ? padLabel(pad) : '—');
        keyBtn.onclick = () => listenKey(keyBtn, (code) => {
          const hot = { ...cfg.hotkeys };
          if (code === 'Delete') delete hot[action];
          else if (code !== 'Escape') hot[action] = code;
          cfg.hotkeys = hot;
          void ctx.save({ hotkeys: hot }).then(render);
        });
        // hot keys take buttons only: a stick direction is too easy to nudge by accident
        padBtn.onclick = () => listenPad(padBtn, (c) => /^b\d+$/.test(c), (button) => {
          cfg.padHotkeys = { ...cfg.padHotkeys, [action]: button };
          void ctx.save({ padHotkeys: cfg.padHotkeys }).then(render);
        }, render);
        table.append(h('tr', { class: clash ? 'clash' : '' }, h('td', null, label), h('td', null, keyBtn), h('td', null, padBtn),
          h('td', { class: 'clash-note' }, clash)));
      }
      body.append(
        h('p', { class: 'hint' }, 'Hot keys work while a game plays. Gamepad hot keys are unset at first, so no button a game uses is taken.'),
        table,
        h('div', { class: 'row-end' }, h('button', { class: 'btn', on: { click: () => {
          cfg.hotkeys = { ...DEFAULT_HOTKEYS };
          cfg.padHotkeys = {};
          void ctx.save({ hotkeys: cfg.hotkeys, padHotkeys: {} }).then(render);
        } } }, 'Reset to defaults')),
      );
    };
    render();
    return body;
  }]);

  tabs.push([ctx.platform === 'web' ? 'ROMs' : 'ROM folders', () => {
    const body = h('div', { class: 'tab-body roms' });
    // Rendered from the live config, again whenever ROMs change (a drop, an add, a removal), so the
    // list never shows what was there when the dialog opened.
    const render = (): void => {
      clear(body);
      const folders = ctx.config.romFolders;
      const list = h('ul', { class: 'folders' });
      for (const f of folders) {
        list.append(h('li', null, icon('folder'), h('span', { class: 'mono' }, f),
          h('button', { class: 'btn ghost small', on: { click: () => { void ctx.removeFolder(f); } } }, 'Remove')));
      }
      body.append(
        h('p', { class: 'hint' }, ctx.platform === 'web'
          ? 'ROM zips you add stay in this browser (IndexedDB). Nothing is uploaded.'
          : 'Arcade looks for SET.zip or a SET folder in each folder, MAME-style (pacman.zip, puckman.zip…). Zips dropped on the window are copied to the app\'s own ROM folder.'),
        folders.length ? list : h('p', { class: 'muted' }, ctx.platform === 'web' ? 'No ROM zips yet.' : 'No folders yet.'),
        h('div', { class: 'row-end' }, h('button', { class: 'btn primary', on: { click: () => { void ctx.addFolder(); } } },
          icon('folder'), ctx.platform === 'web' ? 'Add ROM zips…' : 'Add ROM folder…')),
      );
    };
    render();
    liveRoms = render;
    return body;
  }]);

  const nav = h('nav', { class: 'tabs', role: 'tablist' });
  const panel = h('div', { class: 'tab-panel' });
  const show = (name: string): void => {
    for (const b of nav.children) b.classList.toggle('active', (b as HTMLElement).dataset.tab === name);
    clear(panel);
    panel.append((tabs.find((t) => t[0] === name) ?? tabs[0])[1]());
  };
  for (const [name] of tabs) nav.append(h('button', { class: 'tab', role: 'tab', 'data-tab': name, on: { click: () => show(name) } }, name));
  const m = modal(game ? `Settings — ${game.title}` : 'Settings', h('div', { class: 'modal-body settings' }, nav, panel), { wide: true, onClose: () => { liveRoms = null; if (!reopen) onClose?.(); } });
  show(initialTab ?? tabs[0][0]);
}

/** A key-capture button: shows it listens, then hands over the next key's code (Esc included). */
function listenKey(btn: HTMLElement, done: (code: string) => void): void {
  btn.textContent = 'Press a key…';
  btn.classList.add('listening');
  const onKey = (e: KeyboardEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    window.removeEventListener('keydown', onKey, true);
    done(e.code);
  };
  window.addEventListener('keydown', onKey, true);
}

/** A gamepad-capture button: the first newly pressed control `accept` takes, within 8 s (else `timeout`). */
function listenPad(btn: HTMLElement, accept: (control: string) => boolean, done: (control: string) => void, timeout: () => void): void {
  btn.textContent = 'Press a button…';
  btn.classList.add('listening');
  const probe = new InputState();
  const before = probe.padState();
  const t0 = performance.now();
  const poll = (): void => {
    const now = [...probe.padState()].filter((x) => !before.has(x) && accept(x));
    if (now.length) done(now[0]);
    else if (performance.now() - t0 < 8000) requestAnimationFrame(poll);
    else timeout();
  };
  requestAnimationFrame(poll);
}

export function firstRun(platform: 'electron' | 'web', hasHomebrew: boolean, actions: { addFolder: () => void; playDemo: () => void; skip: () => void }): HTMLElement {
  return h('section', { class: 'first-run view' },
    h('div', { class: 'hero' },
      h('div', { class: 'hero-logo' }, icon('joystick')),
      h('h1', null, 'Welcome to Arcade'),
      h('p', { class: 'lead' }, 'Arcade plays classic arcade boards from their original ROM chips, exactly as the hardware ran them.'),
      h('ol', { class: 'steps' },
        h('li', null, h('b', null, platform === 'web' ? 'Add your ROM zips. ' : 'Choose your ROM folder. '),
          `Arcade uses MAME-style sets: pacman.zip, puckman.zip and so on. ${platform === 'web' ? 'They stay in this browser; nothing is uploaded.' : 'It only reads the folders you pick.'}`),
        h('li', null, h('b', null, 'No ROMs? '), hasHomebrew ? 'Our own homebrew games are built in and always playable.' : 'The library still lists every supported game and what it needs.'),
        h('li', null, h('b', null, 'Play. '), 'Coin with 5, start with 1, move with the arrows, Left Ctrl fires. Esc returns here.'),
      ),
      h('div', { class: 'hero-actions' },
        h('button', { class: 'btn primary big', on: { click: actions.addFolder } }, icon('folder'), platform === 'web' ? 'Add ROM zips…' : 'Choose ROM folder…'),
        hasHomebrew ? h('button', { class: 'btn big', on: { click: actions.playDemo } }, icon('play'), 'Play the homebrew demo') : null,
        h('button', { class: 'btn ghost', on: { click: actions.skip } }, 'Go to the library'),
      ),
    ));
}

export function aboutDialog(): void {
  modal('About Arcade', h('div', { class: 'modal-body' },
    h('p', null, 'Arcade — a MAME-style arcade emulator framework in TypeScript.'),
    h('p', { class: 'muted' }, `Version ${APP_VERSION} · MIT licence.`, ' Game ROMs are not included, except our own homebrew.'),
  ));
}

export { defaultBinding };
