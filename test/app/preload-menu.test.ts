/** The preload bridge (against a stand-in `electron`) and the native menu's commands. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CH } from '../../src/shared/ipc-channels';
import { menuTemplate, type MenuItemSpec } from '../../src/main/menu';
import type { ArcadeApi } from '../../src/shared/api';

const h = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invokes: [] as unknown[][],
  listeners: new Map<string, (...a: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (k: string, v: unknown) => h.exposed.set(k, v) },
  ipcRenderer: {
    invoke: (...a: unknown[]) => { h.invokes.push(a); return Promise.resolve(null); },
    on: (ch: string, fn: (...a: unknown[]) => void) => h.listeners.set(ch, fn),
    removeListener: (ch: string) => h.listeners.delete(ch),
  },
}));

beforeAll(async () => { await import('../../src/preload/index'); });

describe('preload', () => {
  it('exposes one object, window.arcade, and nothing else', () => {
    expect([...h.exposed.keys()]).toEqual(['arcade']);
  });
  it('maps each call to its fixed channel with the arguments unchanged', async () => {
    const api = h.exposed.get('arcade') as ArcadeApi;
    const bytes = new Uint8Array([1]);
    const calls: [() => Promise<unknown>, unknown[]][] = [
      [() => api.getConfig(), [CH.getConfig]],
      [() => api.setConfig({ volume: 1 }), [CH.setConfig, { volume: 1 }]],
      [() => api.addRomFolder(), [CH.addRomFolder]],
      [() => api.removeRomFolder('/r'), [CH.removeRomFolder, '/r']],
      [() => api.scanLibrary(), [CH.scanLibrary]],
      [() => api.loadRomSet('pacdemo'), [CH.loadRomSet, 'pacdemo']],
      [() => api.importZip('a.zip', bytes), [CH.importZip, 'a.zip', bytes]],
      [() => api.listStates('pacdemo'), [CH.listStates, 'pacdemo']],
      [() => api.readState('pacdemo', 1), [CH.readState, 'pacdemo', 1]],
      [() => api.writeState('pacdemo', 1, bytes, bytes), [CH.writeState, 'pacdemo', 1, bytes, bytes]],
      [() => api.saveScreenshot('pacdemo', bytes), [CH.saveScreenshot, 'pacdemo', bytes]],
      [() => api.setFullscreen(true), [CH.setFullscreen, true]],
      [() => api.saveArt('pacdemo', bytes), [CH.saveArt, 'pacdemo', bytes]],
      [() => api.listArt(), [CH.listArt]],
    ];
    for (const [call, expected] of calls) {
      h.invokes.length = 0;
      await call();
      expect(h.invokes).toEqual([expected]);
    }
    expect(api.platform).toBe('electron');
  });
  it('menu events reach listeners and can be unsubscribed', () => {
    const api = h.exposed.get('arcade') as ArcadeApi;
    const got: string[] = [];
    const off = api.onMenu((c) => got.push(c));
    h.listeners.get(CH.menu)!({}, 'pause');
    expect(got).toEqual(['pause']);
    off();
    expect(h.listeners.has(CH.menu)).toBe(false);
  });
});

describe('native menu', () => {
  const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
  it('has MAME-like accelerators and every command is handled by the renderer', () => {
    const items = flat(menuTemplate(false));
    const acc = Object.fromEntries(items.filter((i) => i.command).map((i) => [i.command!, i.accelerator]));
    expect(acc).toMatchObject({ pause: 'P', reset: 'F3', screenshot: 'F12', library: 'Escape', fullscreen: 'F11', openRomFolder: 'CmdOrCtrl+O' });
    const app = readFileSync(join(__dirname, '..', '..', 'src', 'renderer', 'src', 'app.ts'), 'utf8');
    for (const c of new Set(items.map((i) => i.command).filter(Boolean))) expect(app).toContain(`case '${c}':`);
    expect(flat(menuTemplate(true))[0].role).toBe('appMenu');
  });
});
