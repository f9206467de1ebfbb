/**
 * The Electron main process (src/main/index.ts) wired against a stand-in `electron` module, since no
 * Electron binary runs here: which window options it uses, which IPC channels it registers, that every
 * handler checks the sender and validates its arguments, that remote requests are blocked, and that
 * the library it serves lists our homebrew set as playable from the repo's homebrew/ folder.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { CH } from '../../src/shared/ipc-channels';
import { webPreferences } from '../../src/main/security';
import type { SetAudit } from '../../src/shared/api';

const ROOT = resolve(__dirname, '..', '..');
const userData = mkdtempSync(join(tmpdir(), 'arcade-userdata-'));

const h = vi.hoisted(() => ({
  handlers: new Map<string, (e: unknown, ...a: unknown[]) => Promise<unknown>>(),
  windows: [] as { options: Record<string, unknown>; loaded?: string }[],
  beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  headers: null as null | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  permission: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  menu: null as unknown,
  ready: null as null | (() => void),
  dialogResult: { canceled: true, filePaths: [] as string[] },
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => h.windows;
    webContents = { setWindowOpenHandler: () => {}, on: () => {}, send: () => {} };
    constructor(public options: Record<string, unknown>) { h.windows.push(this as never); }
    once() {} on() {} maximize() {} setFullScreen() {} isDestroyed() { return false; }
    loadFile(f: string) { (this as unknown as { loaded: string }).loaded = f; return Promise.resolve(); }
    loadURL(u: string) { (this as unknown as { loaded: string }).loaded = u; return Promise.resolve(); }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      quit: () => {},
      on: () => {},
      whenReady: () => new Promise<void>((r) => { h.ready = r; }),
      getPath: (n: string) => (n === 'userData' ? userData : join(userData, n)),
      getAppPath: () => ROOT,
      isPackaged: false,
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => h.dialogResult },
    ipcMain: { handle: (ch: string, fn: (e: unknown, ...a: unknown[]) => Promise<unknown>) => h.handlers.set(ch, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => { h.menu = m; } },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof h.permission) => { h.permission = fn; },
        setPermissionCheckHandler: () => {},
        webRequest: {
          onBeforeRequest: (fn: typeof h.beforeRequest) => { h.beforeRequest = fn; },
          onHeadersReceived: (fn: typeof h.headers) => { h.headers = fn; },
        },
      },
    },
    shell: { openExternal: async () => {} },
  };
});

const appPage = `file://${join(ROOT, 'src', 'renderer', 'index.html')}`; // __dirname/../renderer/index.html under vitest
const fromApp = { senderFrame: { url: appPage } };
const call = (ch: string, ...args: unknown[]) => h.handlers.get(ch)!(fromApp, ...args);

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL;
  await import('../../src/main/index');
  h.ready!();
  await new Promise((r) => setTimeout(r, 0));
});
afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe('Electron main process', () => {
  it('opens one window with the secure preferences and the built page', () => {
    expect(h.windows).toHaveLength(1);
    const w = h.windows[0];
    expect(w.options.webPreferences).toEqual(webPreferences(join(ROOT, 'src', 'preload', 'index.cjs')));
    expect(w.loaded).toBe(join(ROOT, 'src', 'renderer', 'index.html'));
    expect(h.menu).toBeTruthy();
  });
  it('registers every channel of the preload API', () => {
    const expected = Object.values(CH).filter((c) => c !== CH.menu).sort();
    expect([...h.handlers.keys()].sort()).toEqual(expected);
  });
  it('refuses IPC from any other page', async () => {
    await expect(h.handlers.get(CH.getConfig)!({ senderFrame: { url: 'https://evil.test/' } })).rejects.toThrow(/unexpected page/);
    await expect(h.handlers.get(CH.getConfig)!({ senderFrame: null })).rejects.toThrow();
  });
  it('validates arguments before touching anything', async () => {
    await expect(call(CH.loadRomSet, '../../etc')).rejects.toThrow(/set name/);
    await expect(call(CH.setConfig, { romFolders: ['/'] })).rejects.toThrow(/not writable/);
    await expect(call(CH.writeState, 'pacdemo', 1, new Uint8Array([1]), new Uint8Array([1, 2, 3]))).rejects.toThrow(/PNG/);
    await expect(call(CH.readState, 'pacdemo', 99)).rejects.toThrow(/slot/);
    await expect(call(CH.importZip, '../x.zip', new Uint8Array([0x50, 0x4b, 3, 4]))).rejects.toThrow(/file name cannot be used/);
    await expect(call(CH.importZip, 42, new Uint8Array([0x50, 0x4b, 3, 4]))).rejects.toThrow(/zip file name/);
    await expect(call(CH.setFullscreen, 'yes')).rejects.toThrow(/boolean/);
    await expect(call(CH.removeRomFolder, 42)).rejects.toThrow(/folder/);
  });
  it('serves the library with the homebrew set playable and loads its bytes', async () => {
    const audits = (await call(CH.scanLibrary)) as SetAudit[];
    const pac = audits.find((a) => a.name === 'pacdemo');
    expect(pac?.status).toBe('good');
    expect(audits.find((a) => a.name === 'puckman')?.status).toBe('notFound');
    const set = (await call(CH.loadRomSet, 'pacdemo')) as { sources: { label: string }[] };
    expect(set.sources.map((s) => s.label)).toEqual([join(ROOT, 'homebrew', 'pacdemo')]);
  });
  it('keeps settings and states in userData', async () => {
    const cfg = (await call(CH.setConfig, { volume: 0.25 })) as { volume: number };
    expect(cfg.volume).toBe(0.25);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    await call(CH.writeState, 'pacdemo', 1, new Uint8Array([7, 7]), png);
    expect([...((await call(CH.readState, 'pacdemo', 1)) as Uint8Array)]).toEqual([7, 7]);
  });
  it('remembers a ROM folder chosen in the dialog and audits the sets in it', async () => {
    const dir = join(userData, 'my roms');
    mkdirSync(dir);
    const pacdemo = join(ROOT, 'homebrew', 'pacdemo');
    const files = Object.fromEntries(readdirSync(pacdemo).map((f) => [f, new Uint8Array(readFileSync(join(pacdemo, f)))]));
    writeFileSync(join(dir, 'pacman.zip'), zipSync(files)); // pacman's file names, other contents
    expect(await call(CH.addRomFolder)).toBeNull(); // cancelled
    h.dialogResult = { canceled: false, filePaths: [dir] };
    expect(await call(CH.addRomFolder)).toEqual([dir]);
    expect(((await call(CH.getConfig)) as { romFolders: string[] }).romFolders).toEqual([dir]);
    const pac = ((await call(CH.scanLibrary)) as SetAudit[]).find((a) => a.name === 'pacman')!;
    expect(pac.status).toBe('badChecksum');
    expect(pac.files[0].foundIn).toBe(join(dir, 'pacman.zip'));
    expect(await call(CH.removeRomFolder, dir)).toEqual([]);
    expect(((await call(CH.scanLibrary)) as SetAudit[]).find((a) => a.name === 'pacman')!.status).toBe('notFound');
  });
  it('files a dropped zip into its own ROM folder', async () => {
    const pacdemo = join(ROOT, 'homebrew', 'pacdemo');
    const files = Object.fromEntries(readdirSync(pacdemo).map((f) => [f, new Uint8Array(readFileSync(join(pacdemo, f)))]));
    const audits = (await call(CH.importZip, 'download (1).zip', zipSync(files))) as SetAudit[];
    // the same files fit pacdemo (by CRC) and pacman (by name); the zip is filed under the best match
    expect(existsSync(join(userData, 'roms'))).toBe(true);
    const filed = readdirSync(join(userData, 'roms'));
    expect(filed).toHaveLength(1);
    expect(audits.find((a) => a.name === filed[0].replace('.zip', ''))?.status).not.toBe('notFound');
    await expect(call(CH.importZip, 'x.zip', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]))).rejects.toThrow();
  });
  it('blocks remote requests, sets the CSP header and grants no permissions but fullscreen', () => {
    const verdict = (url: string) => { let v = false; h.beforeRequest!({ url }, (r) => { v = r.cancel; }); return v; };
    expect(verdict('https://example.com/x.js')).toBe(true);
    expect(verdict('http://127.0.0.1:8080/')).toBe(true);
    expect(verdict(appPage)).toBe(false);
    let headers: Record<string, string[]> = {};
    h.headers!({ responseHeaders: {} }, (r) => { headers = r.responseHeaders; });
    expect(headers['Content-Security-Policy'][0]).toMatch(/script-src 'self'/);
    const perm = (p: string) => { let ok = true; h.permission!(null, p, (x) => { ok = x; }); return ok; };
    expect(perm('media')).toBe(false);
    expect(perm('fullscreen')).toBe(true);
  });
});
