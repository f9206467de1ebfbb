/**
 * `window.arcade` for the plain web build: the same API the Electron preload offers, implemented in
 * the page. Settings live in localStorage; imported ROM zips, save states in IndexedDB (they never
 * leave the browser); "adding a ROM folder" opens a file picker for zips; screenshots download.
 * The homebrew sets are bundled with the page, so they play out of the box.
 */
import type { AppConfig, ArcadeApi, LoadedSet, MenuCommand, RawSource, SetAudit, StateSlotInfo } from '../../../shared/api';
import { defaultConfig, sanitizeConfigReport } from '../../../shared/config-defaults';
import { configPatch, setName, slot as slotNumber } from '../../../shared/ipc-validate';
import { checkReplacement, importTarget } from '../../../shared/rom-import';
import { auditRaw } from '../../../shared/roms-bridge';
import { allManifests, bundledHomebrew } from '../emu/core-bridge';
import { pngDataUrl } from '../util/png';

const CONFIG_KEY = 'arcade.config';
const DB_NAME = 'arcade';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('zips');
      req.result.createObjectStore('states');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

class Kv {
  private db: Promise<IDBDatabase> | null = null;
  private mem = new Map<string, Map<string, unknown>>();

  private async tx<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    try {
      this.db ??= openDb();
      const db = await this.db;
      return await new Promise<T>((resolve, reject) => {
        const r = fn(db.transaction(store, mode).objectStore(store));
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    } catch {
      // private browsing without IndexedDB: keep things for this session only
      throw new Error('no-idb');
    }
  }

  async get<T>(store: string, key: string): Promise<T | undefined> {
    try { return await this.tx<T>(store, 'readonly', (s) => s.get(key) as IDBRequest<T>); }
    catch { return this.mem.get(store)?.get(key) as T | undefined; }
  }

  async put(store: string, key: string, value: unknown): Promise<void> {
    try { await this.tx(store, 'readwrite', (s) => s.put(value, key)); }
    catch {
      if (!this.mem.has(store)) this.mem.set(store, new Map());
      this.mem.get(store)!.set(key, value);
    }
  }

  async del(store: string, key: string): Promise<void> {
    try { await this.tx(store, 'readwrite', (s) => s.delete(key)); }
    catch { this.mem.get(store)?.delete(key); }
  }

  async keys(store: string): Promise<string[]> {
    try { return (await this.tx<IDBValidKey[]>(store, 'readonly', (s) => s.getAllKeys())).map(String); }
    catch { return [...(this.mem.get(store)?.keys() ?? [])]; }
  }
}

function pickZips(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.zip,application/zip';
    input.multiple = true;
    input.onchange = () => resolve([...(input.files ?? [])]);
    input.oncancel = () => resolve([]);
    input.click();
  });
}

export function createWebApi(): ArcadeApi {
  const kv = new Kv();
  const listeners = new Set<(c: MenuCommand) => void>();
  let homebrew: Promise<Map<string, RawSource[]>> | null = null;

  /** Settings from localStorage; entries that fail validation are dropped one by one, and the stored
   * text is first copied to `CONFIG_KEY.bak` so the next write does not lose them for good. */
  const readConfig = (): AppConfig => {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(CONFIG_KEY);
      if (!raw) return defaultConfig();
      const { config, dropped } = sanitizeConfigReport(JSON.parse(raw));
      if (dropped.length) backupConfig(raw);
      return config;
    } catch {
      if (raw) backupConfig(raw);
      return defaultConfig();
    }
  };
  const backupConfig = (raw: string): void => {
    try { if (localStorage.getItem(`${CONFIG_KEY}.bak`) !== raw) localStorage.setItem(`${CONFIG_KEY}.bak`, raw); } catch { /* storage full */ }
  };
  const writeConfig = (c: AppConfig): AppConfig => {
    try { localStorage.setItem(CONFIG_KEY, JSON.stringify(c)); } catch { /* storage full or disabled */ }
    return c;
  };

  async function sourcesFor(name: string): Promise<RawSource[]> {
    const m = allManifests().get(name);
    if (!m) throw new Error(`Unknown set "${name}".`);
    homebrew ??= bundledHomebrew();
    const out: RawSource[] = [];
    for (const n of m.parent ? [m.name, m.parent] : [m.name]) {
      const zip = await kv.get<Uint8Array>('zips', `${n}.zip`);
      if (zip) out.push({ kind: 'zip', label: `${n}.zip (imported)`, bytes: zip });
      const hb = (await homebrew).get(n);
      if (hb) out.push(...hb);
    }
    return out;
  }

  /** Files a zip under its set (rom-import.ts); throws ImportError, a message for the player. */
  async function importOne(fileName: string, bytes: Uint8Array): Promise<string> {
    const sets = allManifests();
    const target = importTarget(fileName, bytes, sets);
    checkReplacement(sets.get(target)!, await kv.get<Uint8Array>('zips', `${target}.zip`), fileName, bytes);
    await kv.put('zips', `${target}.zip`, bytes);
    return target;
  }

  const api: ArcadeApi = {
    platform: 'web',
    // in the browser the "ROM folders" are the zips imported into IndexedDB
    async getConfig() { return { ...readConfig(), romFolders: (await kv.keys('zips')).sort() }; },
    async setConfig(patch) {
      writeConfig({ ...readConfig(), ...configPatch(patch) });
      return api.getConfig();
    },
    async addRomFolder() {
      const files = await pickZips();
      if (files.length === 0) return null;
      // Every good zip of the selection is added; each bad one is named in one message afterwards.
      const refused: string[] = [];
      for (const f of files) {
        try {
          await importOne(f.name, new Uint8Array(await f.arrayBuffer()));
        } catch (e) {
          refused.push((e as Error).message);
        }
      }
      writeConfig({ ...readConfig(), firstRunDone: true });
      if (refused.length) {
        const added = files.length - refused.length;
        throw new Error(`${added ? `Added ${added} zip${added > 1 ? 's' : ''}. ` : ''}Not added: ${refused.join(' ')}`);
      }
      return (await kv.keys('zips')).sort();
    },
    async removeRomFolder(folder) {
      await kv.del('zips', folder);
      return (await kv.keys('zips')).sort();
    },
    async scanLibrary(): Promise<SetAudit[]> {
      const out: SetAudit[] = [];
      for (const m of allManifests().values()) {
        const sources = await sourcesFor(m.name);
        out.push(auditRaw(m, sources, sources.map((s) => s.label)));
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    },
    async loadRomSet(name): Promise<LoadedSet> {
      return { name: setName(name), sources: await sourcesFor(name) };
    },
    async importZip(fileName, bytes) {
      await importOne(fileName, bytes);
      return api.scanLibrary();
    },
    async listStates(game): Promise<StateSlotInfo[]> {
      setName(game);
      const out: StateSlotInfo[] = [];
      for (const k of await kv.keys('states')) {
        const m = new RegExp(`^${game}/(\\d)$`).exec(k);
        if (!m) continue;
        const v = await kv.get<{ savedAt: number; thumb: Uint8Array }>('states', k);
        if (v) out.push({ slot: Number(m[1]), savedAt: v.savedAt, thumbnail: pngDataUrl(v.thumb) });
      }
      return out.sort((a, b) => a.slot - b.slot);
    },
    async readState(game, slot) {
      const v = await kv.get<{ state: Uint8Array }>('states', `${setName(game)}/${slotNumber(slot)}`);
      return v?.state ?? null;
    },
    async writeState(game, slot, state, thumb) {
      await kv.put('states', `${setName(game)}/${slotNumber(slot)}`, { state: new Uint8Array(state), thumb: new Uint8Array(thumb), savedAt: Date.now() });
    },
    async saveArt(game, png) {
      await kv.put('states', `art/${setName(game)}`, new Uint8Array(png));
    },
    async listArt() {
      const out: Record<string, string> = {};
      for (const k of await kv.keys('states')) {
        const m = /^art\/([a-z0-9_]+)$/.exec(k);
        const png = m ? await kv.get<Uint8Array>('states', k) : undefined;
        if (m && png) out[m[1]] = pngDataUrl(png);
      }
      return out;
    },
    async saveScreenshot(game, png) {
      const name = `${setName(game)}-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.png`;
      const url = URL.createObjectURL(new Blob([png as BlobPart], { type: 'image/png' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 5000);
      return name;
    },
    async setFullscreen(on) {
      try {
        if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen();
        if (!on && document.fullscreenElement) await document.exitFullscreen();
      } catch { /* refused by the browser */ }
      return !!document.fullscreenElement;
    },
    onMenu(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return api;
}
