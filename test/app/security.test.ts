/**
 * Electron security checklist, asserted on the plain modules main uses (src/main/security.ts) and on
 * the sources that wire them up, since the Electron binary cannot run here (RENDERER-TESTING.md §1).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserWindowOptions, CSP, isAllowedNavigation, isAllowedPermission, isExternalLinkAllowed, webPreferences } from '../../src/main/security';

const root = join(__dirname, '..', '..');
const read = (p: string): string => readFileSync(join(root, p), 'utf8');

describe('BrowserWindow webPreferences', () => {
  const wp = webPreferences('/app/out/preload/index.cjs');
  it('isolates and sandboxes the renderer without Node', () => {
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.webviewTag).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp.navigateOnDragDrop).toBe(false);
  });
  it('is what the window gets', () => {
    const o = browserWindowOptions('/p.cjs', { width: 800, height: 600 });
    expect(o.webPreferences).toEqual(webPreferences('/p.cjs'));
    // main/index.ts must build its window from these options and not patch webPreferences afterwards
    const main = read('src/main/index.ts');
    expect(main).toMatch(/new BrowserWindow\(browserWindowOptions\(/);
    expect(main).not.toMatch(/nodeIntegration|contextIsolation|sandbox:|webSecurity/);
    expect(main).toMatch(/preload\/index\.cjs/);
  });
  it('the preload is CommonJS (sandboxed preloads cannot be ES modules) and exposes only the typed API', () => {
    const cfg = read('electron.vite.config.ts');
    expect(cfg).toMatch(/format: 'cjs'/);
    expect(cfg).toMatch(/entryFileNames: '\[name\]\.cjs'/);
    const pre = read('src/preload/index.ts');
    expect(pre).toMatch(/contextBridge\.exposeInMainWorld\('arcade', api\)/);
    expect(pre).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
    expect(pre).not.toMatch(/from 'node:|require\(/);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  it('allows no eval, no inline script and no remote origin', () => {
    expect(CSP).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    for (const [, v] of directives) for (const src of v) expect(src).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
  });
  it('is the same policy as the <meta> tag in index.html (which the web build and file:// pages use)', () => {
    const html = read('src/renderer/index.html');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CSP);
  });
  it('main also sends it as a header and blocks remote requests', () => {
    const main = read('src/main/index.ts');
    expect(main).toMatch(/'Content-Security-Policy': \[CSP\]/);
    expect(main).toMatch(/onBeforeRequest/);
    expect(main).toMatch(/setPermissionRequestHandler/);
    expect(main).toMatch(/setWindowOpenHandler/);
    expect(main).toMatch(/will-navigate/);
    expect(main).toMatch(/requestSingleInstanceLock/);
  });
  it('pixi is loaded with its no-eval module', () => {
    expect(read('src/renderer/src/video/screen.ts')).toMatch(/import 'pixi\.js\/unsafe-eval'/);
  });
});

describe('navigation and permissions', () => {
  it('stays on the app page', () => {
    const file = 'file:///opt/Arcade/resources/app.asar/out/renderer/index.html';
    expect(isAllowedNavigation(file, file)).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd', file)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', file)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/#x', 'http://localhost:5173/')).toBe(true);
    expect(isAllowedNavigation('http://evil.test/', 'http://localhost:5173/')).toBe(false);
    expect(isAllowedNavigation('not a url', file)).toBe(false);
  });
  it('grants fullscreen only', () => {
    expect(isAllowedPermission('fullscreen')).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial']) expect(isAllowedPermission(p)).toBe(false);
  });
  it('opens only https links outside', () => {
    expect(isExternalLinkAllowed('https://example.com')).toBe(true);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
  });
});
