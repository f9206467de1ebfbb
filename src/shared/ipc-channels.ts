/** IPC channel names shared by main and preload (one place, so a typo cannot make a dead channel). */
export const CH = {
  getConfig: 'config:get',
  setConfig: 'config:set',
  addRomFolder: 'roms:add-folder',
  removeRomFolder: 'roms:remove-folder',
  scanLibrary: 'library:scan',
  loadRomSet: 'library:load',
  importZip: 'library:import-zip',
  listStates: 'state:list',
  readState: 'state:read',
  writeState: 'state:write',
  saveScreenshot: 'snap:save',
  saveArt: 'art:save',
  listArt: 'art:list',
  setFullscreen: 'window:fullscreen',
  menu: 'menu:command',
} as const;
