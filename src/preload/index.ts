/**
 * The sandboxed preload: exposes exactly the typed `window.arcade` API (src/shared/api.ts) through
 * contextBridge, each call one `ipcRenderer.invoke` on a fixed channel. No raw ipcRenderer, no Node.
 * Built as CommonJS (electron.vite.config.ts) because sandboxed preloads cannot be ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ArcadeApi, MenuCommand } from '../shared/api';
import { CH } from '../shared/ipc-channels';

const api: ArcadeApi = {
  platform: 'electron',
  getConfig: () => ipcRenderer.invoke(CH.getConfig),
  setConfig: (patch) => ipcRenderer.invoke(CH.setConfig, patch),
  addRomFolder: () => ipcRenderer.invoke(CH.addRomFolder),
  removeRomFolder: (folder) => ipcRenderer.invoke(CH.removeRomFolder, folder),
  scanLibrary: () => ipcRenderer.invoke(CH.scanLibrary),
  loadRomSet: (name) => ipcRenderer.invoke(CH.loadRomSet, name),
  importZip: (fileName, bytes) => ipcRenderer.invoke(CH.importZip, fileName, bytes),
  listStates: (game) => ipcRenderer.invoke(CH.listStates, game),
  readState: (game, slot) => ipcRenderer.invoke(CH.readState, game, slot),
  writeState: (game, slot, state, png) => ipcRenderer.invoke(CH.writeState, game, slot, state, png),
  saveScreenshot: (game, png) => ipcRenderer.invoke(CH.saveScreenshot, game, png),
  saveArt: (game, png) => ipcRenderer.invoke(CH.saveArt, game, png),
  listArt: () => ipcRenderer.invoke(CH.listArt),
  setFullscreen: (on) => ipcRenderer.invoke(CH.setFullscreen, on),
  onMenu: (listener) => {
    const wrapped = (_e: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on(CH.menu, wrapped);
    return () => { ipcRenderer.removeListener(CH.menu, wrapped); };
  },
};

contextBridge.exposeInMainWorld('arcade', api);
