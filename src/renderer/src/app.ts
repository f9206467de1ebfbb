/**
 * The app shell: first-run screen, library and player, hot keys, menus, drag and drop of zips,
 * settings persistence, and (with `?test` in the URL) the hooks the end-to-end test drives.
 */
import { Howler } from 'howler';
import type { GameDescription } from '../../core/describe';
import type { AppConfig, ArcadeApi, MenuCommand } from '../../shared/api';
import { games, type CoreGame } from './emu/core-bridge';
import { Emulator, StartAborted } from './emu/emulator';
import { ChipLookup } from './emu/chip-lookup';
import type { InputValue, ScriptEvent } from './emu/protocol';
import { GameScreen } from './video/screen';
import { AudioOutput } from './audio/audio-output';
import { InputState } from './input/input';
import { analogBindingsFor, bindingsFor, fieldKey } from './input/keymap';
import { trackballFields } from './input/trackball';
import { LibraryView, playable, type LibraryEntry } from './ui/library-view';
import { DebuggerPanel } from './debugger/panel';
import { PlayerView } from './ui/player-view';
import { aboutDialog, firstRun, settingsDialog, settingsRomsChanged, statesDialog } from './ui/dialogs';
import { LIMITS } from '../../shared/ipc-validate';
import { h, toast } from './ui/dom';
import { parseInputScript } from '../../core/input';
import { recordingMeta } from './emu/history';
import { APP_VERSION } from './version';
import { GamepadHotkeys } from './input/pad-hotkeys';

type View = 'first-run' | 'library' | 'player';

export class App {
  private view: View = 'library';
  private config!: AppConfig;
  private entries: LibraryEntry[] = [];
  private readonly coreGames: CoreGame[] = games();
  private readonly chipLookup = new ChipLookup();
  private readonly input = new InputState();
  private readonly audio = new AudioOutput();
  private emu: Emulator | null = null;
  private player: PlayerView | null = null;
  /** the debugger panel beside the game (F9) */
  private debugPanel: DebuggerPanel | null = null;
  private screen: GameScreen | null = null;
  private library!: LibraryView;
  private current: string | null = null;
  private starting = false;

  constructor(private readonly api: ArcadeApi, private readonly root: HTMLElement) {}

  async init(): Promise<void> {
    this.config = await this.api.getConfig();
    this.fullscreen = this.api.platform === 'electron' && this.config.window.fullscreen;
    this.library = new LibraryView({
      play: (n) => void this.play(n),
      addFolder: () => void this.addFolder(),
      settings: () => this.openSettings(),
      folderCount: () => this.config.romFolders.length,
      platform: this.api.platform,
      chips: (n) => this.chipLookup.chips(n),
    });
    this.installKeys();
    this.installDrop();
    this.api.onMenu((c) => this.menu(c));
    document.addEventListener('fullscreenchange', () => {
      // the browser's own Esc leaves fullscreen without asking us
      if (this.api.platform === 'web') this.fullscreen = !!document.fullscreenElement;
      this.screen?.relayout();
    });
    await this.refresh();
    if (!this.config.firstRunDone) this.show('first-run');
    else this.show('library');
    if (new URLSearchParams(location.search).has('test')) this.installTestHooks();
    setInterval(() => this.tickUi(), 250);
  }

  private show(v: View): void {
    this.view = v;
    this.root.replaceChildren();
    if (v === 'first-run') {
      const homebrew = this.entries.find((e) => e.game.info.homebrew && playable(e));
      this.root.append(firstRun(this.api.platform, !!homebrew, {
        addFolder: () => void this.addFolder().then(() => this.finishFirstRun()),
        playDemo: () => { void this.finishFirstRun(); if (homebrew) void this.play(homebrew.game.info.name); },
        skip: () => void this.finishFirstRun(),
      }));
    } else if (v === 'library') {
      this.root.append(this.library.el);
      this.library.render();
    } else if (this.player) {
      this.root.append(this.player.el);
      this.screen?.relayout();
    }
    document.body.dataset.view = v;
  }

  private async finishFirstRun(): Promise<void> {
    this.config = await this.api.setConfig({ firstRunDone: true });
    if (this.view === 'first-run') this.show('library');
  }

  async refresh(): Promise<void> {
    let audits: Awaited<ReturnType<ArcadeApi['scanLibrary']>> = [];
    try {
      audits = await this.api.scanLibrary();
    } catch (e) {
      toast(`Could not scan the ROM folders: ${(e as Error).message}. Check that the folders still exist (Settings → ROM folders).`, 'error', 8000);
    }
    let art: Record<string, string> = {};
    try {
      art = await this.api.listArt();
    } catch {
      // card pictures are decoration only
    }
    const byName = new Map(audits.map((a) => [a.name, a]));
    this.entries = this.coreGames.map((game) => ({ game, audit: byName.get(game.info.name), art: art[game.info.name] }));
    this.library.setEntries(this.entries);
  }

  private async addFolder(): Promise<void> {
    try {
      const r = await this.api.addRomFolder();
      if (!r) return;
      await this.romsChanged();
      const n = this.entries.filter(playable).length;
      toast(`${n} game${n === 1 ? '' : 's'} ready to play.`, 'ok');
    } catch (e) {
      // Some zips of a selection may have been added before one was refused: show them too.
      await this.romsChanged().catch(() => {});
      toast(playerMessage(e), 'error', 12000);
    }
  }

  /** After zips or folders were added or removed: the library and an open Settings → ROMs list follow. */
  private async romsChanged(): Promise<void> {
    this.config = await this.api.getConfig();
    await this.refresh();
    settingsRomsChanged();
  }

  private installDrop(): void {
    const overlay = h('div', { class: 'drop-overlay', hidden: true }, h('div', null, h('b', null, 'Drop ROM zips to add them'), h('span', null, 'pacman.zip, puckman.zip, …')));
    document.body.append(overlay);
    let depth = 0;
    const hasFiles = (e: DragEvent): boolean => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    window.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; overlay.hidden = false; e.preventDefault(); } });
    window.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (depth === 0) overlay.hidden = true; });
    window.addEventListener('dragover', (e) => { e.preventDefault(); });
    window.addEventListener('drop', (e) => {
      e.preventDefault();
      depth = 0;
      overlay.hidden = true;
      void this.importFiles([...(e.dataTransfer?.files ?? [])]);
    });
  }

  async importFiles(files: File[]): Promise<void> {
    const zips = files.filter((f) => /\.zip$/i.test(f.name));
    if (zips.length === 0) {
      toast('Only .zip ROM sets can be dropped here (for example pacman.zip).', 'error', 6000);
      return;
    }
    let ok = 0;
    for (const f of zips) {
      try {
        // Not even read when far too large to be a ROM set (the import would refuse it anyway).
        if (f.size > LIMITS.zipBytes)
          throw new Error(`${f.name} is ${(f.size / (1024 * 1024)).toFixed(1)} MB; ROM sets of the supported games are at most ${LIMITS.zipBytes / (1024 * 1024)} MB, so it was not added.`);
        await this.api.importZip(f.name, new Uint8Array(await f.arrayBuffer()));
        ok++;
      } catch (e) {
        toast(playerMessage(e), 'error', 12000); // the message names the file
      }
    }
    await this.romsChanged();
    if (ok) toast(`Added ${ok} zip${ok > 1 ? 's' : ''}.`, 'ok');
    if (this.view === 'first-run') await this.finishFirstRun();
  }

  private dipValues(info: GameDescription, dips: Record<string, number>): InputValue[] {
    return info.inputs.filter((f) => (f.kind === 'dip' || f.kind === 'config') && dips[fieldKey(f)] !== undefined)
      .map((f) => [f.port, f.name, dips[fieldKey(f)]] as InputValue);
  }

  async play(name: string): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    const game = this.coreGames.find((g) => g.info.name === name);
    try {
      if (!game) throw new Error(`"${name}" is not supported by this version.`);
      if (!this.screen) {
        const host = h('div', { class: 'screen-host' });
        this.player = new PlayerView(this.playerActions());
        this.player.stage.append(host);
        this.root.replaceChildren(this.player.el);
        this.screen = await GameScreen.create(host);
        this.emu = new Emulator(this.screen, this.audio, this.input);
        this.emu.trackball.attach(this.screen.canvas());
        this.player.emu = this.emu;
        this.debugPanel = new DebuggerPanel(this.emu, () => {});
        this.player.el.append(this.debugPanel.el);
        this.emu.onError = (m) => toast(`Emulation error: ${m}. Press F3 to reset the game, or Esc to go back to the library.`, 'error', 10000);
        this.emu.onPlaybackEnded = () => toast('Playback finished: the controls are yours.', 'ok', 4000);
      }
      this.show('player');
      this.player!.setTitle(game.info.title);
      const token = ++this.playToken;
      const set = await this.api.loadRomSet(name);
      if (token !== this.playToken) return; // left for the library meanwhile
      const settings = this.config.games[name] ?? { bindings: {}, dips: {} };
      await this.emu!.start(name, set.sources, this.dipValues(game.info, settings.dips));
      this.emu!.bindings = bindingsFor(game.info.inputs, settings);
      // trackballs belong to input/trackball.ts (pointer lock); dials and paddles to the analog bindings
      const balls = new Set(trackballFields(game.info.inputs));
      this.emu!.analog = analogBindingsFor(game.info.inputs.filter((f) => !balls.has(f)));
      this.current = name;
      this.applyVideo();
      this.applyPlayer();
      this.audio.setVolume(this.config.volume, this.config.muted);
      this.player!.setVolume(this.config.volume, this.config.muted);
      this.player!.poke();
      if (this.emu!.audit?.status === 'badChecksum') toast(this.emu!.audit.message, 'info', 6000);
    } catch (e) {
      if (e instanceof StartAborted) return; // Esc during start-up: the library is already showing
      this.emu?.stop();
      this.show('library');
      toast(`Cannot start ${game?.info.title ?? name}: ${(e as Error).message}`, 'error', 10000);
    } finally {
      this.starting = false;
    }
  }

  /** Rewind length and run-ahead from Settings → Play, in frames of this game. */
  private applyPlayer(): void {
    const p = this.config.player;
    const hz = this.emu?.info?.refreshHz ?? 60;
    this.emu?.setOptions(Math.round(p.rewindSeconds * hz), p.runAhead);
  }

  private applyVideo(): void {
    const v = this.config.video;
    this.screen?.setOptions(v.rotate, v.scaling, v.scanlines);
    if (this.player) this.player.showFps = v.showFps;
  }

  /** bumped when a game starts or the player leaves, so a start still loading knows it is stale */
  private playToken = 0;

  private backToLibrary(): void {
    this.playToken++;
    if (this.debugPanel?.open) this.debugPanel.close();
    const emu = this.emu;
    const name = this.current;
    // the last frame becomes the game's card picture in the library — only from a verified set: a bad
    // dump's garbage frame would otherwise stay on the card after the ROMs are fixed
    const verified = this.entries.find((x) => x.game.info.name === name)?.audit?.status === 'good';
    if (emu?.running && name && verified && emu.frameNumber > 60) {
      void emu.screenshot().then(async (png) => {
        await this.api.saveArt(name, png);
        const e = this.entries.find((x) => x.game.info.name === name);
        if (e) {
          e.art = (await this.api.listArt())[name];
          if (this.view === 'library') this.library.render();
        }
      }).catch(() => {});
    }
    this.emu?.stop();
    this.current = null;
    this.input.clear();
    if (this.fullscreen) void this.api.setFullscreen(false).then((on) => { this.fullscreen = on; });
    this.show('library');
    // keyboard users land on the card of the game they just left
    if (name) this.library.focusCard(name);
  }

  private playerActions() {
    return {
      back: () => this.backToLibrary(),
      togglePause: () => this.togglePause(),
      reset: () => { this.emu?.reset(); toast('Reset'); },
      fastForward: (on: boolean) => this.emu?.setFastForward(on),
      saveState: () => void this.stateDialog('save'),
      loadState: () => void this.stateDialog('load'),
      screenshot: () => void this.screenshot(),
      fullscreen: () => void this.toggleFullscreen(),
      settings: () => this.openSettings(),
      volume: (v: number) => { this.config.volume = v; this.audio.setVolume(v, this.config.muted); void this.api.setConfig({ volume: v }); },
      toggleMute: () => {
        this.config.muted = !this.config.muted;
        this.audio.setVolume(this.config.volume, this.config.muted);
        this.player?.setVolume(this.config.volume, this.config.muted);
        void this.api.setConfig({ muted: this.config.muted });
      },
      frameAdvance: () => void this.frameAdvance(),
      rewind: (on: boolean) => this.setRewinding(on),
      toggleRecording: () => void this.toggleRecording(),
      playRecording: () => this.pickRecording(),
      debugger: () => void this.debugPanel?.toggle(),
    };
  }

  /** While paused: one frame on (a running game is paused first, as MAME's frame-step does). */
  private async frameAdvance(): Promise<void> {
    const emu = this.emu;
    if (!emu?.running) return;
    if (!emu.paused) { emu.setPaused(true); await emu.settle(); return; }
    await emu.frameAdvance();
  }

  private setRewinding(on: boolean): void {
    const emu = this.emu;
    if (!emu?.running) return;
    if (on && this.config.player.rewindSeconds === 0) {
      toast('Rewind is off. Turn it on in Settings → Play.', 'info', 5000);
      return;
    }
    if (on && emu.recording) toast('Rewinding while recording: the recording continues from the frame you go back to.', 'info', 4000);
    if (on && emu.paused) { void emu.rewindFrames(1); return; } // paused: one frame back per press
    emu.setRewinding(on);
  }

  private async toggleRecording(): Promise<void> {
    const emu = this.emu;
    if (!emu?.running || !this.current) return;
    if (!emu.recording) {
      await emu.startRecording();
      toast('Recording from power-on. Press F8 again to stop and save the recording.', 'ok', 5000);
      return;
    }
    const r = await emu.stopRecording(APP_VERSION);
    const name = `${this.current}-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.inp.txt`;
    downloadText(name, r.text);
    toast(`Recording saved as ${name} (${r.frames} frames, ${r.changes} input changes). Replay it here with the film button, or with: npx arcade run ${this.current} --frames ${r.frames} --inputs ${name}`, 'ok', 9000);
  }

  /** Opens an input recording (or any input script) and plays it from power-on. */
  private pickRecording(): void {
    const input = h('input', { type: 'file', accept: '.txt,.inp', hidden: true });
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      input.remove();
      if (f) void f.text().then((t) => this.playRecording(t, f.name)).catch((e) => toast(`${f.name}: ${(e as Error).message}`, 'error', 8000));
    });
    document.body.append(input);
    input.click();
  }

  async playRecording(text: string, fileName: string): Promise<void> {
    const emu = this.emu;
    if (!emu?.running || !this.current) return;
    const meta = recordingMeta(text);
    if (meta.set && meta.set !== this.current) {
      toast(`${fileName} was recorded with ${meta.set}, not ${this.current}. Start ${meta.set} and play it there.`, 'error', 9000);
      return;
    }
    let events;
    try {
      events = parseInputScript(text, fileName);
    } catch (e) {
      toast(`${(e as Error).message}. A recording holds lines like "120 IN0 Coin 1 = 1".`, 'error', 9000);
      return;
    }
    const known = new Set(emu.info!.inputs.map((f) => `${f.port}/${f.name}`));
    const unknown = events.find((e) => !known.has(`${e.port}/${e.field}`));
    if (unknown) {
      toast(`${fileName}:${unknown.line}: this game has no input "${unknown.port} ${unknown.field}".`, 'error', 9000);
      return;
    }
    const frames = meta.frames ?? (events.length ? events[events.length - 1].frame + 1 : 0);
    await emu.playBack(events.map((e) => ({ frame: e.frame, port: e.port, field: e.field, value: e.value })), frames);
    emu.setPaused(false);
    toast(`Playing ${fileName} from power-on (${frames} frames); the controls are yours again when it ends.`, 'ok', 6000);
  }

  private togglePause(): void {
    if (!this.emu?.running) return;
    this.emu.setPaused(!this.emu.paused);
  }

  private fullscreen = false;

  private async toggleFullscreen(): Promise<void> {
    this.fullscreen = await this.api.setFullscreen(!this.fullscreen);
    this.screen?.relayout();
  }

  async saveStateTo(slot: number): Promise<void> {
    const emu = this.emu!;
    const { state, thumbnail, frameNumber } = await emu.saveState();
    await this.api.writeState(this.current!, slot, state, thumbnail);
    toast(`Saved to slot ${slot} (frame ${frameNumber}).`, 'ok');
  }

  async loadStateFrom(slot: number): Promise<void> {
    const state = await this.api.readState(this.current!, slot);
    if (!state) throw new Error(`Slot ${slot} is empty.`);
    await this.emu!.loadState(state);
    // A paused game shows the loaded moment at once: the slot's thumbnail is that frame, pixel for pixel
    // (the save took it from the frame buffer). A running game draws its next frame anyway.
    const thumb = (await this.api.listStates(this.current!)).find((s) => s.slot === slot)?.thumbnail;
    if (thumb) await this.emu!.showPicture(thumb).catch(() => {});
    toast(`Loaded slot ${slot}.`, 'ok');
  }

  private async stateDialog(mode: 'save' | 'load'): Promise<void> {
    if (!this.emu?.running || !this.current) return;
    const wasPaused = this.emu.paused;
    this.emu.setPaused(true);
    const slots = await this.api.listStates(this.current);
    statesDialog(mode, slots, (slot) => {
      const job = mode === 'save' ? this.saveStateTo(slot) : this.loadStateFrom(slot);
      void job.catch((e) => toast(mode === 'save'
        ? `Saving failed: ${(e as Error).message}. Try another slot; check that the disk is not full.`
        : `Loading failed: ${(e as Error).message}. The game goes on unchanged; pick another slot or save a new state.`, 'error', 9000))
        .finally(() => this.emu?.setPaused(wasPaused));
    }, () => this.emu?.setPaused(wasPaused));
  }

  private async screenshot(): Promise<void> {
    if (!this.emu?.running || !this.current) return;
    try {
      const png = await this.emu.screenshot();
      const where = await this.api.saveScreenshot(this.current, png);
      const slash = Math.max(where.lastIndexOf('/'), where.lastIndexOf('\\'));
      toast(slash >= 0
        ? `Screenshot saved as ${where.slice(slash + 1)} in ${where.slice(0, slash)}`
        : `Screenshot saved as ${where} in your browser's downloads folder`, 'ok', 6000);
    } catch (e) {
      toast(`Screenshot failed: ${(e as Error).message}`, 'error');
    }
  }

  private openSettings(tab?: string): void {
    const game = this.current ? this.coreGames.find((g) => g.info.name === this.current)?.info ?? null : null;
    // only a running game is paused behind the dialog (from the library there is none)
    const emu = this.emu?.running ? this.emu : null;
    const wasPaused = emu?.paused ?? true;
    emu?.setPaused(true);
    const app = this;
    settingsDialog({
      get config() { return app.config; }, // live: a drop or removal while Settings is open shows at once
      game,
      platform: this.api.platform,
      save: async (patch) => {
        this.config = await this.api.setConfig(patch);
        this.applyVideo();
        this.applyPlayer();
        this.audio.setVolume(this.config.volume, this.config.muted);
        this.player?.setVolume(this.config.volume, this.config.muted);
        if (game && this.emu) this.emu.bindings = bindingsFor(game.inputs, this.config.games[game.name]);
      },
      addFolder: () => this.addFolder(),
      removeFolder: async (f) => { await this.api.removeRomFolder(f); await this.romsChanged(); },
      applyDips: (g, dips) => {
        const all = g.inputs.filter((f) => f.kind === 'dip' || f.kind === 'config').map((f) => [f.port, f.name, dips[fieldKey(f)] ?? f.defaultValue] as InputValue);
        this.emu?.setDips(all);
      },
    }, tab, () => { if (emu?.running) emu.setPaused(wasPaused); });
  }

  private menu(c: MenuCommand): void {
    switch (c) {
      case 'openRomFolder': void this.addFolder(); break;
      case 'library': if (this.view === 'player') this.backToLibrary(); break;
      case 'pause': this.togglePause(); break;
      case 'reset': this.emu?.reset(); break;
      case 'fullscreen': void this.toggleFullscreen(); break;
      case 'screenshot': void this.screenshot(); break;
      case 'saveState': void this.stateDialog('save'); break;
      case 'loadState': void this.stateDialog('load'); break;
      case 'fastForward': this.emu?.setFastForward(!this.emu.fastForward); break;
      case 'settings': this.openSettings(); break;
      case 'about': aboutDialog(); break;
      case 'toggleFps': this.config.video.showFps = !this.config.video.showFps; void this.api.setConfig({ video: this.config.video }); this.applyVideo(); break;
      case 'toggleScanlines': this.config.video.scanlines = !this.config.video.scanlines; void this.api.setConfig({ video: this.config.video }); this.applyVideo(); break;
    }
  }

  /** A hot-key action pressed (keyboard or gamepad). `repeat`: the key's auto-repeat. */
  private hotkey(action: string, repeat: boolean): void {
    const emu = this.emu;
    if (!emu?.running) return;
    if (repeat && action !== 'fastForward' && action !== 'frameAdvance' && action !== 'rewind') return;
    switch (action) {
      case 'pause': this.togglePause(); break;
      case 'frameAdvance': void this.frameAdvance(); break;
      case 'rewind': if (!repeat || emu.paused) this.setRewinding(true); break;
      case 'reset': emu.reset(); toast('Reset'); break;
      case 'library': this.backToLibrary(); break;
      case 'screenshot': void this.screenshot(); break;
      case 'fastForward': emu.setFastForward(true); break;
      case 'saveState': void this.stateDialog('save'); break;
      case 'loadState': void this.stateDialog('load'); break;
      case 'record': void this.toggleRecording(); break;
      case 'fullscreen': void this.toggleFullscreen(); break;
      case 'fps': this.menu('toggleFps'); break;
    }
  }

  private hotkeyUp(action: string): void {
    if (action === 'fastForward') this.emu?.setFastForward(false);
    if (action === 'rewind') this.emu?.setRewinding(false);
  }

  private installKeys(): void {
    const hot = (code: string): string | undefined => Object.entries(this.config.hotkeys).find(([, c]) => c === code)?.[0];
    window.addEventListener('keydown', (e) => {
      if (document.querySelector('dialog[open]')) return; // dialogs handle their own keys
      if (this.view === 'library') { this.library.onKey(e); return; }
      if (this.view !== 'player' || !this.emu?.running) return;
      // the debugger panel: F9 opens/closes it; while open, F5/F10/F11 are its run/step keys (MAME's)
      if (e.code === 'F9' && !hot(e.code)) { e.preventDefault(); void this.debugPanel?.toggle(); return; }
      if (this.debugPanel?.handleKey(e)) return;
      const action = hot(e.code);
      const bound = [...this.emu.bindings.values()].some((b) => b.keys.includes(e.code))
        || this.emu.analog.some((a) => a.decKeys.includes(e.code) || a.incKeys.includes(e.code));
      if (action) {
        e.preventDefault();
        this.hotkey(action, e.repeat);
        return;
      }
      if (bound) {
        e.preventDefault();
        this.input.keyDown(e.code);
      }
    });
    window.addEventListener('keyup', (e) => {
      this.input.keyUp(e.code);
      const action = hot(e.code);
      if (action) this.hotkeyUp(action);
    });
    // dials and trackballs follow the mouse over the game
    window.addEventListener('mousemove', (e) => {
      if (this.view === 'player' && this.emu?.running && this.emu.analog.length > 0) this.input.mouseMove(e.movementX, e.movementY);
    });
    window.addEventListener('blur', () => { this.input.clear(); this.emu?.setFastForward(false); this.emu?.setRewinding(false); });
    // Gamepad: hot-key buttons in the player, d-pad/A/B navigation in the library
    const pads = new GamepadHotkeys(this.input);
    const poll = (): void => {
      requestAnimationFrame(poll);
      const dlg = document.querySelector<HTMLDialogElement>('dialog[open]');
      if (dlg) { pads.navigate((key) => dialogKey(dlg, key)); return; }
      if (this.view === 'player') pads.poll(this.config.padHotkeys, (a) => this.hotkey(a, false), (a) => this.hotkeyUp(a));
      else if (this.view === 'library') pads.navigate((key) => this.library.onKey(new KeyboardEvent('keydown', { key })));
    };
    requestAnimationFrame(poll);
  }

  private tickUi(): void {
    if (this.view !== 'player' || !this.player || !this.emu) return;
    const a = this.audio.poll();
    this.player.update(`audio ${a.state} ${Math.round(a.latencyMs)} ms`);
  }

  /** Hooks for test/e2e/run.mjs. Everything goes through the same code paths as the UI. */
  private installTestHooks(): void {
    const app = this;
    const hooks = {
      view: () => app.view,
      entries: () => app.entries.map((e) => ({ name: e.game.info.name, title: e.game.info.title, status: e.audit?.status ?? 'notFound', homebrew: e.game.info.homebrew })),
      current: () => app.current,
      info: () => app.emu?.info ?? null,
      frame: () => app.emu?.frameNumber ?? 0,
      paused: () => app.emu?.paused ?? true,
      stats: () => ({ ...app.emu?.stats, audio: { ...app.audio.poll() } }),
      pause: async () => { app.emu?.setPaused(true); await app.emu?.settle(); },
      resume: () => app.emu?.setPaused(false),
      powerOnAndRunTo: (n: number, events: ScriptEvent[] = []) => app.emu!.powerOnAndRunTo(n, events),
      step: (n: number) => app.emu!.step(n),
      /** the emulator's last framebuffer as base64 RGBA */
      framebuffer: () => {
        const px = app.emu!.lastPixels;
        let s = '';
        for (let i = 0; i < px.length; i += 0x8000) s += String.fromCharCode(...px.subarray(i, i + 0x8000));
        return { width: app.emu!.info!.width, height: app.emu!.info!.height, rgba: btoa(s) };
      },
      /** what the pixi canvas holds right now, and where the game picture is in it */
      canvas: () => {
        app.screen!.render();
        return { png: app.screen!.canvas().toDataURL('image/png'), layout: { ...app.screen!.layout } };
      },
      memory: async (name: string) => {
        const m = await app.emu!.memory(name);
        return { names: m.names, bytes: m.bytes ? Array.from(m.bytes) : null };
      },
      saveState: (slot: number) => app.saveStateTo(slot),
      loadState: (slot: number) => app.loadStateFrom(slot),
      listStates: () => app.api.listStates(app.current!),
      setVideo: (v: Partial<AppConfig['video']>) => { app.config.video = { ...app.config.video, ...v }; app.applyVideo(); },
      backToLibrary: () => app.backToLibrary(),
      frameAdvance: () => app.frameAdvance(),
      rewindFrames: (n: number) => app.emu!.rewindFrames(n),
      rewinding: (on: boolean) => app.setRewinding(on),
      setPlayer: async (p: Partial<AppConfig['player']>) => { app.config = await app.api.setConfig({ player: { ...app.config.player, ...p } }); app.applyPlayer(); await app.emu?.settle(); },
      startRecording: () => app.emu!.startRecording(),
      stopRecording: () => app.emu!.stopRecording(APP_VERSION),
      playRecording: (text: string) => app.playRecording(text, 'e2e.inp.txt'),
      playingBack: () => app.emu?.playingBack ?? false,
      focused: () => { const a = document.activeElement as HTMLElement | null; return a ? { tag: a.tagName, set: a.dataset.set ?? null, cls: a.className } : null; },
      fpsText: () => document.querySelector('.fps')?.textContent ?? '',
      forceInput: (key: string, value: number | null) => { if (value === null) app.input.forced.delete(key); else app.input.forced.set(key, value); },
      /** the samples demo machine (e2e builds only: test/e2e/sample-demo.ts), in the running player */
      playSampleDemo: async () => {
        await app.emu!.start('sampledemo', [], []);
        app.audio.setVolume(app.config.volume, app.config.muted);
        return app.emu!.info;
      },
      samples: () => ({ ...app.emu!.samples.stats }),
      setVolume: (volume: number, muted: boolean) => app.audio.setVolume(volume, muted),
      /** RMS of what reaches Howler.masterGain's output over the analyser's last 8192 frames */
      masterLevel: () => {
        const ctx = app.audio.ctx!;
        const w = window as unknown as { __arcadeAnalyser?: AnalyserNode };
        if (!w.__arcadeAnalyser) {
          const an = ctx.createAnalyser();
          an.fftSize = 8192;
          an.smoothingTimeConstant = 0;
          Howler.masterGain.connect(an);
          w.__arcadeAnalyser = an;
        }
        const buf = new Float32Array(8192);
        w.__arcadeAnalyser.getFloatTimeDomainData(buf);
        let sum = 0;
        for (const v of buf) sum += v * v;
        return Math.sqrt(sum / buf.length);
      },
    };
    Object.assign(hooks, {
      /** the debugger panel (test/e2e/debugger.mjs) */
      debuggerView: () => app.debugPanel?.view ?? null,
      debuggerOpen: () => app.debugPanel?.open ?? false,
      debuggerCommand: (line: string) => app.debugPanel!.command(line).then(() => app.debugPanel!.view),
    });
    (window as unknown as { __arcadeTest: typeof hooks }).__arcadeTest = hooks;
  }
}

/**
 * An error's message as the player should read it: Electron prefixes errors that cross IPC with
 * "Error invoking remote method '…': Error: ", which means nothing to a player.
 */
export function playerMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}

/** Hands a text file to the user: a download in the browser, a Save dialog in Electron. */
function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** A gamepad in a dialog: the d-pad walks the focus through its controls, A presses, B closes. */
function dialogKey(dlg: HTMLDialogElement, key: string): void {
  const items = [...dlg.querySelectorAll<HTMLElement>('button:not([disabled]), select, input, [tabindex="0"]')].filter((e) => e.offsetParent !== null);
  const i = items.indexOf(document.activeElement as HTMLElement);
  if (key === 'ArrowDown' || key === 'ArrowRight') items[(i + 1) % items.length]?.focus();
  else if (key === 'ArrowUp' || key === 'ArrowLeft') items[(i - 1 + items.length) % items.length]?.focus();
  else if (key === 'Enter') (document.activeElement as HTMLElement | null)?.click();
  else if (key === 'Escape') dlg.dispatchEvent(new Event('cancel'));
}
