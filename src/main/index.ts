/**
 * Electron main process: one window, native menus, the IPC handlers behind `window.arcade`, and the
 * security policy of src/main/security.ts. All logic that can be tested without Electron lives in
 * the plain modules next to this file (config, library, rom-scan, storage, ipc-validate, security).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { ConfigStore } from './config';
import { Library } from './library';
import { ArtStore, StateStore, writeScreenshot } from './storage';
import { menuTemplate, type MenuItemSpec } from './menu';
import { CH } from '../shared/ipc-channels';
import * as v from '../shared/ipc-validate';
import { browserWindowOptions, CSP, isAllowedNavigation, isAllowedPermission, isExternalLinkAllowed } from './security';
import type { MenuCommand } from '../shared/api';

if (!app.requestSingleInstanceLock()) {
  app.quit();
  process.exit(0);
}

const devUrl = process.env.ELECTRON_RENDERER_URL;
const indexFile = join(__dirname, '../renderer/index.html');
const appUrl = devUrl ?? `file://${indexFile}`;

let win: BrowserWindow | null = null;
let config: ConfigStore;
let library: Library;
let states: StateStore;
let art: ArtStore;

function sendMenu(command: MenuCommand): void {
  win?.webContents.send(CH.menu, command);
}

function buildMenu(): Menu {
  const toElectron = (spec: MenuItemSpec): MenuItemConstructorOptions => {
    if (spec.type === 'separator') return { type: 'separator' };
    if (spec.role) return { role: spec.role as MenuItemConstructorOptions['role'] };
    return {
      label: spec.label,
      accelerator: spec.accelerator,
      // bare keys (P, F3, Esc…) are handled by the renderer while a game runs, so the menu only shows
      // them; shortcuts with a modifier (Ctrl+O) never reach a game and are real menu accelerators
      registerAccelerator: spec.accelerator?.includes('+') ?? false,
      submenu: spec.submenu?.map(toElectron),
      click: spec.command ? () => sendMenu(spec.command!) : undefined,
    };
  };
  return Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin').map(toElectron));
}

/** Only our own page may call IPC (a navigated or injected frame may not). */
function checkSender(e: IpcMainInvokeEvent): void {
  const url = e.senderFrame?.url ?? '';
  if (!isAllowedNavigation(url, appUrl)) throw new Error('IPC from an unexpected page');
}

function handle<A extends unknown[], R>(channel: string, fn: (...args: A) => R | Promise<R>): void {
  ipcMain.handle(channel, async (e, ...args) => {
    checkSender(e);
    return fn(...(args as A));
  });
}

async function chooseFolder(): Promise<string[] | null> {
  const r = await dialog.showOpenDialog(win!, {
    title: 'Choose a ROM folder',
    message: 'Pick the folder that holds your ROM zips (for example pacman.zip).',
    properties: ['openDirectory', 'createDirectory'],
  });
  if (r.canceled || r.filePaths.length === 0) return null;
  const cfg = config.get();
  const folders = [...new Set([...cfg.romFolders, r.filePaths[0]])].slice(0, v.LIMITS.folders);
  return config.update({ romFolders: folders, firstRunDone: true }).romFolders;
}

function registerIpc(): void {
  handle(CH.getConfig, () => config.get());
  handle(CH.setConfig, (patch: unknown) => config.update(v.configPatch(patch)));
  handle(CH.addRomFolder, () => chooseFolder());
  handle(CH.removeRomFolder, (folder: unknown) => {
    const f = v.folderPath(folder);
    return config.update({ romFolders: config.get().romFolders.filter((x) => x !== f) }).romFolders;
  });
  handle(CH.scanLibrary, () => library.scan());
  handle(CH.loadRomSet, (name: unknown) => library.load(v.setName(name)));
  handle(CH.importZip, (name: unknown, bytes: unknown) => {
    library.importZip(v.zipFileName(name), v.zipBytes(bytes)); // types only: rom-import.ts words the refusals
    return library.scan();
  });
  handle(CH.listStates, (game: unknown) => states.list(v.setName(game)));
  handle(CH.readState, (game: unknown, slot: unknown) => states.read(v.setName(game), v.slot(slot)));
  handle(CH.writeState, (game: unknown, slot: unknown, state: unknown, png: unknown) =>
    states.write(v.setName(game), v.slot(slot), v.bytes(state, v.LIMITS.stateBytes, 'state'), v.png(png)));
  handle(CH.saveScreenshot, (game: unknown, png: unknown) =>
    writeScreenshot(join(app.getPath('pictures'), 'Arcade'), v.setName(game), v.png(png)));
  handle(CH.saveArt, (game: unknown, png: unknown) => art.save(v.setName(game), v.png(png)));
  handle(CH.listArt, () => art.list());
  handle(CH.setFullscreen, (on: unknown) => {
    win?.setFullScreen(v.boolean(on));
    return win?.isFullScreen() ?? false;
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, cb) => cb(isAllowedPermission(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => isAllowedPermission(permission));
  // No remote content: only the app's files (and the dev server during `npm start`) load.
  ses.webRequest.onBeforeRequest((details, cb) => {
    const u = details.url;
    const ok = u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('devtools:')
      || (devUrl !== undefined && (u.startsWith(devUrl) || u.startsWith(devUrl.replace('http', 'ws'))));
    cb({ cancel: !ok });
  });
  ses.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

function createWindow(): void {
  const cfg = config.get();
  const { x, y, width, height } = cfg.window;
  win = new BrowserWindow(browserWindowOptions(join(__dirname, '../preload/index.cjs'), { x, y, width, height }));
  if (cfg.window.maximized) win.maximize();
  if (cfg.window.fullscreen) win.setFullScreen(true);
  win.once('ready-to-show', () => win?.show());

  const wc = win.webContents;
  wc.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  wc.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url, appUrl)) e.preventDefault();
  });
  wc.on('will-attach-webview', (e) => e.preventDefault());

  let saveTimer: NodeJS.Timeout | undefined;
  const remember = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (!win || win.isDestroyed()) return;
      const b = win.getNormalBounds();
      config.update({ window: { ...b, maximized: win.isMaximized(), fullscreen: win.isFullScreen() } });
    }, 400);
  };
  for (const ev of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) {
    win.on(ev as 'resize', remember);
  }
  win.on('close', () => {
    clearTimeout(saveTimer);
    const b = win!.getNormalBounds();
    config.update({ window: { ...b, maximized: win!.isMaximized(), fullscreen: win!.isFullScreen() } });
  });
  win.on('closed', () => { win = null; });

  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(indexFile);
}

app.on('second-instance', () => {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (ev, url) => {
    if (!isAllowedNavigation(url, appUrl)) ev.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(() => {
  const user = app.getPath('userData');
  config = new ConfigStore(join(user, 'config.json'));
  library = new Library(() => ({
    // packaged: resources/homebrew (electron-builder extraResources); npm start: the repo's homebrew/
    homebrew: app.isPackaged ? join(process.resourcesPath, 'homebrew') : join(app.getAppPath(), 'homebrew'),
    imported: join(user, 'roms'),
    user: config.get().romFolders,
  }));
  states = new StateStore(join(user, 'states'));
  art = new ArtStore(join(user, 'art'));
  lockDownSession();
  registerIpc();
  Menu.setApplicationMenu(buildMenu());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
