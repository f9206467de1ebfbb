/**
 * Everything security-relevant about the window, as plain data so a test can assert it
 * (Electron's security checklist: context isolation, sandbox, no Node integration, CSP,
 * no remote content, no navigation, no new windows, no permissions beyond what the app needs).
 * No Electron import: src/main/index.ts passes these objects to Electron.
 */

/**
 * The renderer's Content-Security-Policy. No 'unsafe-eval' (the cores use no runtime code
 * generation, and pixi.js is loaded with its `unsafe-eval` polyfill module that removes its
 * `new Function` use). Scripts and workers only from the app itself; no network at all.
 * Inline styles are allowed because pixi and the UI set element styles; inline scripts are not.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  autoplayPolicy: 'no-user-gesture-required';
  backgroundThrottling: false;
}

export function webPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // a zip dropped outside the drop zone must not navigate the window to file://…zip
    navigateOnDragDrop: false,
    spellcheck: false,
    // emulator audio starts without a click, like a game console
    autoplayPolicy: 'no-user-gesture-required',
    // keep emulating at full speed when the window is behind another one
    backgroundThrottling: false,
  };
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export function browserWindowOptions(preload: string, bounds: WindowBounds) {
  return {
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Arcade',
    backgroundColor: '#0b0d12',
    autoHideMenuBar: false,
    webPreferences: webPreferences(preload),
  };
}

/**
 * May the window navigate to `url`? Only to the app's own page: the dev server origin during
 * `npm start`, or the packaged index.html. Everything else (links, dropped files) is refused.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin && (app.hostname === 'localhost' || app.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

/** Permissions the renderer may get: fullscreen (F11) and nothing else (no camera, mic, geolocation…). */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'fullscreen';
}

/** Links in the about box open in the system browser, and only https ones. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
