import { describe, expect, it } from 'vitest';
import * as v from '../../src/shared/ipc-validate';
import { checkImportName, ImportError } from '../../src/shared/rom-import';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('IPC argument validation', () => {
  it('set names are MAME short names only (no paths)', () => {
    expect(v.setName('pacman')).toBe('pacman');
    for (const bad of ['../x', 'Pacman', 'a/b', '', 'x'.repeat(33), 1, null, {}, 'pac man']) expect(() => v.setName(bad)).toThrow(v.IpcValidationError);
  });
  it('slots are integers 0..9', () => {
    expect(v.slot(0)).toBe(0);
    expect(v.slot(9)).toBe(9);
    for (const bad of [-1, 10, 1.5, '1', NaN]) expect(() => v.slot(bad)).toThrow();
  });
  it('bytes must be Uint8Array within limits and are copied', () => {
    const src = new Uint8Array([1, 2, 3]);
    const out = v.bytes(src, 10, 'x');
    src[0] = 9;
    expect(out[0]).toBe(1);
    expect(() => v.bytes([1, 2, 3], 10, 'x')).toThrow();
    expect(() => v.bytes(new Uint8Array(11), 10, 'x')).toThrow();
    expect(() => v.bytes(new Uint8Array(0), 10, 'x')).toThrow();
  });
  it('PNGs need the signature; zips are typed here and judged (in words for players) by rom-import', () => {
    expect(v.png(PNG).length).toBe(PNG.length);
    expect(() => v.png(new Uint8Array(12))).toThrow();
    expect(v.zipBytes(new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toBeTruthy();
    expect(() => v.zipBytes('PK')).toThrow();
    expect(v.zipFileName('Pac-Man [!].zip')).toBe('Pac-Man [!].zip');
    expect(() => v.zipFileName(42)).toThrow();
    for (const bad of ['../pacman.zip', 'a/b.zip', 'x.exe', 'C:\\x.zip', 'a\u0000.zip']) expect(() => checkImportName(bad)).toThrow(ImportError);
    for (const ok of ['pacman.zip', 'Pac-Man (1980).zip', 'Pac-Man [!].zip', 'a..b.zip']) expect(checkImportName(ok)).toBe(ok);
  });
  it('config patches: only renderer-writable keys, all typed', () => {
    expect(v.configPatch({ volume: 0.5, muted: true })).toEqual({ volume: 0.5, muted: true });
    expect(v.configPatch({ video: { scaling: 'fit', scanlines: true, rotate: 90, showFps: false } }).video?.rotate).toBe(90);
    // the ROM folder list and the window state are not the renderer's to set (file access stays with the dialog)
    expect(() => v.configPatch({ romFolders: ['/'] })).toThrow(/not writable/);
    expect(() => v.configPatch({ window: { width: 1, height: 1 } })).toThrow(/not writable/);
    expect(() => v.configPatch({ volume: 2 })).toThrow();
    expect(() => v.configPatch({ video: { scaling: 'huge', scanlines: false, rotate: 0, showFps: false } })).toThrow();
    expect(() => v.configPatch([])).toThrow();
    expect(() => v.configPatch(Object.create({ volume: 1 }))).toThrow();
  });
  it('per-game bindings and DIPs are checked field by field', () => {
    const ok = { games: { pacdemo: { bindings: { 'IN0/Coin 1': { keys: ['Digit5'], pad: ['b8'] } }, dips: { 'DSW1/Lives': 8 } } } };
    expect(v.configPatch(ok)).toEqual(ok);
    expect(() => v.configPatch({ games: { '../x': { bindings: {}, dips: {} } } })).toThrow();
    expect(() => v.configPatch({ games: { pacdemo: { bindings: { 'IN0/Coin 1': { keys: ['<script>'], pad: [] } }, dips: {} } } })).toThrow();
    expect(() => v.configPatch({ games: { pacdemo: { bindings: {}, dips: { 'DSW1/Lives': -1 } } } })).toThrow();
    expect(() => v.configPatch({ hotkeys: { pause: 'KeyP', evil: 'a b' } })).toThrow();
  });
  it('window state from disk is clamped, never trusted', () => {
    const fb = { width: 1280, height: 800, maximized: false, fullscreen: false };
    expect(v.windowState({ x: 10, y: 20, width: 900, height: 700, maximized: true }, fb)).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true, fullscreen: false });
    expect(v.windowState({ width: 5, height: 1e9, x: 'a' }, fb)).toEqual({ x: undefined, y: undefined, width: 1280, height: 800, maximized: false, fullscreen: false });
    expect(v.windowState(null, fb)).toBe(fb);
  });
});
