import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ConfigStore, defaultConfig, sanitizeConfig } from '../../src/main/config';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'arcade-cfg-'));
  dirs.push(d);
  return d;
};
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('config file', () => {
  it('starts with defaults when there is no file, and remembers what is saved', () => {
    const file = join(tmp(), 'sub', 'config.json');
    const a = new ConfigStore(file);
    expect(a.get()).toEqual(defaultConfig());
    a.update({ volume: 0.3, firstRunDone: true, romFolders: ['/roms'], window: { width: 1000, height: 700, maximized: true, fullscreen: false } });
    const b = new ConfigStore(file);
    expect(b.get().volume).toBe(0.3);
    expect(b.get().firstRunDone).toBe(true);
    expect(b.get().romFolders).toEqual(['/roms']);
    expect(b.get().window.maximized).toBe(true);
    expect(readdirSync(join(file, '..'))).toEqual(['config.json']); // no temp files left behind
  });
  it('survives a corrupt or hand-edited file key by key', () => {
    const file = join(tmp(), 'config.json');
    writeFileSync(file, '{"volume": 7, "muted": true, "romFolders": ["relative/path", "/ok", 3, "/ok"], "video": "x"');
    expect(new ConfigStore(file).get()).toEqual(defaultConfig()); // truncated JSON → defaults
    writeFileSync(file, JSON.stringify({ volume: 7, muted: true, romFolders: ['relative/path', '/ok', 3, '/ok'], video: 'x', hotkeys: { pause: 'KeyO' } }));
    const c = new ConfigStore(file).get();
    expect(c.volume).toBe(defaultConfig().volume);
    expect(c.muted).toBe(true);
    expect(c.romFolders).toEqual(['/ok']);
    expect(c.video).toEqual(defaultConfig().video);
    expect(c.hotkeys.pause).toBe('KeyO');
    expect(c.hotkeys.reset).toBe('F3'); // missing hot keys come back
  });
  it('returns copies, so callers cannot change the stored config by accident', () => {
    const s = new ConfigStore(join(tmp(), 'c.json'));
    s.get().romFolders.push('/x');
    expect(s.get().romFolders).toEqual([]);
    expect(JSON.parse(JSON.stringify(sanitizeConfig(s.get())))).toEqual(s.get());
  });
  it('the saved file is readable JSON', () => {
    const file = join(tmp(), 'c.json');
    new ConfigStore(file).update({ muted: true });
    expect(JSON.parse(readFileSync(file, 'utf8')).muted).toBe(true);
  });
});
