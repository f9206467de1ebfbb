/**
 * The app shell: first-run screen, library and player, hot keys, menus, drag and drop of zips,
 * settings persistence, and (with `?test` in the URL) the hooks the end-to-end test drives.
 */
import { Howler } from 'howler';
import type { GameInfo } from '../../core/machine-api';
import type { AppConfig, ArcadeApi, MenuCommand } from '../../preload/api';
import { games, type CoreGame } from './emu/core-bridge';
import { Emulator } from './emu/emulator';
import { SAMPLE_DEMO } from './emu/sample-demo';
import type { InputValue, ScriptEvent } from './emu/protocol';
import { GameScreen } from './video/screen';
import { AudioOutput } from './audio/audio-output';
import { InputState } from './input/input';
import { bindingsFor, fieldKey } from './input/keymap';
import { LibraryView, playable, type LibraryEntry } from './ui/library-view';
import { PlayerView } from './ui/player-view';
import { aboutDialog, firstRun, settingsDialog, settingsRomsChanged, statesDialog } from './ui/dialogs';
import { LIMITS } from '../../main/ipc-validate';
import { h, toast } from './ui/dom';

type View = 'first-run' | 'library' | 'player';

export class App {
  private view: View = 'library';
  private config!: AppConfig;
  private entries: LibraryEntry[] = [];
  private readonly coreGames: CoreGame[] = games();
  private readonly input = new InputState();
  private readonly audio = new AudioOutput();
  private emu: Emulator | null = null;
  private player: PlayerView | null = null;
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

  private dipValues(info: GameInfo, dips: Record<string, number>): InputValue[] {
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
        this.player.emu = this.emu;
        this.emu.onError = (m) => toast(`Emulation error: ${m}. Press F3 to reset the game, or Esc to go back to the library.`, 'error', 10000);
      }
      this.show('player');
      this.player!.setTitle(game.info.title);
      const set = await this.api.loadRomSet(name);
      const settings = this.config.games[name] ?? { bindings: {}, dips: {} };
      await this.emu!.start(name, set.sources, this.dipValues(game.info, settings.dips));
      this.emu!.bindings = bindingsFor(game.info.inputs, settings);
      this.current = name;
      this.applyVideo();
      this.audio.setVolume(this.config.volume, this.config.muted);
      this.player!.setVolume(this.config.volume, this.config.muted);
      this.player!.poke();
      if (this.emu!.audit?.status === 'badChecksum') toast(this.emu!.audit.message, 'info', 6000);
    } catch (e) {
      this.emu?.stop();
      this.show('library');
      toast(`Cannot start ${game?.info.title ?? name}: ${(e as Error).message}`, 'error', 10000);
    } finally {
      this.starting = false;
    }
  }

  private applyVideo(): void {
    const v = this.config.video;
    this.screen?.setOptions(v.rotate, v.scaling, v.scanlines);
    if (this.player) this.player.showFps = v.showFps;
  }

  private backToLibrary(): void {
    const emu = this.emu;
    const name = this.current;
    // the last frame becomes the game's card picture in the library
    if (emu?.running && name && emu.frameNumber > 60) {
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
    };
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
      toast(`Screenshot saved: ${where}`, 'ok', 5000);
    } catch (e) {
      toast(`Screenshot failed: ${(e as Error).message}`, 'error');
    }
  }

  private openSettings(tab?: string): void {
    const game = this.current ? this.coreGames.find((g) => g.info.name === this.current)?.info ?? null : null;
    const wasPaused = this.emu?.paused ?? true;
    this.emu?.setPaused(true);
    const app = this;
    settingsDialog({
      get config() { return app.config; }, // live: a drop or removal while Settings is open shows at once
      game,
      platform: this.api.platform,
      save: async (patch) => {
        this.config = await this.api.setConfig(patch);
        this.applyVideo();
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
    }, tab, () => { if (this.emu?.running) this.emu.setPaused(wasPaused); });
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

  private installKeys(): void {
    const hot = (code: string): string | undefined => Object.entries(this.config.hotkeys).find(([, c]) => c === code)?.[0];
    window.addEventListener('keydown', (e) => {
      if (document.querySelector('dialog[open]')) return; // dialogs handle their own keys
      if (this.view !== 'player' || !this.emu?.running) return;
      const action = hot(e.code);
      const bound = [...this.emu.bindings.values()].some((b) => b.keys.includes(e.code));
      if (action) {
        e.preventDefault();
        if (e.repeat && action !== 'fastForward') return;
        switch (action) {
          case 'pause': this.togglePause(); break;
          case 'reset': this.emu.reset(); toast('Reset'); break;
          case 'library': this.backToLibrary(); break;
          case 'screenshot': void this.screenshot(); break;
          case 'fastForward': this.emu.setFastForward(true); break;
          case 'saveState': void this.stateDialog('save'); break;
          case 'loadState': void this.stateDialog('load'); break;
          case 'fullscreen': void this.toggleFullscreen(); break;
          case 'fps': this.menu('toggleFps'); break;
        }
        return;
      }
      if (bound) {
        e.preventDefault();
        this.input.keyDown(e.code);
      }
    });
    window.addEventListener('keyup', (e) => {
      this.input.keyUp(e.code);
      if (this.emu && hot(e.code) === 'fastForward') this.emu.setFastForward(false);
    });
    window.addEventListener('blur', () => { this.input.clear(); this.emu?.setFastForward(false); });
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
      /** the built-in samples demo machine (not in the library), in the running player */
      playSampleDemo: async () => {
        await app.emu!.start(SAMPLE_DEMO, [], []);
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
