/**
 * The native menu as data: labels, accelerators and the command each item sends to the renderer.
 * `src/main/index.ts` turns it into an Electron Menu. Accelerators follow MAME where MAME has one
 * (P pause, F3 reset, F12 snapshot…); those bare keys are handled by the renderer itself, so index.ts
 * registers only the accelerators with a modifier, and games keep every plain key.
 */
import type { MenuCommand } from '../shared/api';

export interface MenuItemSpec {
  label?: string;
  role?: string;
  accelerator?: string;
  command?: MenuCommand;
  type?: 'separator';
  submenu?: MenuItemSpec[];
}

export function menuTemplate(isMac: boolean): MenuItemSpec[] {
  const sep: MenuItemSpec = { type: 'separator' };
  return [
    ...(isMac ? [{ role: 'appMenu' }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Add ROM Folder…', accelerator: 'CmdOrCtrl+O', command: 'openRomFolder' },
        { label: 'Library', accelerator: 'Escape', command: 'library' },
        sep,
        { label: 'Settings…', accelerator: 'CmdOrCtrl+,', command: 'settings' },
        sep,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Game',
      submenu: [
        { label: 'Pause', accelerator: 'P', command: 'pause' },
        { label: 'Reset', accelerator: 'F3', command: 'reset' },
        { label: 'Fast Forward', accelerator: '`', command: 'fastForward' },
        sep,
        { label: 'Save State…', accelerator: 'F5', command: 'saveState' },
        { label: 'Load State…', accelerator: 'F7', command: 'loadState' },
        sep,
        { label: 'Save Screenshot', accelerator: 'F12', command: 'screenshot' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Full Screen', accelerator: 'F11', command: 'fullscreen' },
        { label: 'Show FPS', accelerator: 'F10', command: 'toggleFps' },
        { label: 'Scanlines', command: 'toggleScanlines' },
        sep,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        sep,
        { role: 'toggleDevTools' },
      ],
    },
    { label: '&Help', submenu: [{ label: 'About Arcade', command: 'about' }] },
  ];
}
