/**
 * The app's settings file (`config.json` in Electron's userData folder): ROM folders, first-run flag,
 * volume, video options, window state, per-game key bindings and DIP switches.
 * Read defensively (a hand-edited or truncated file falls back to defaults key by key) and written
 * atomically (temp file + rename) so a crash never leaves half a file. No Electron import.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../preload/api';
import { sanitizeConfig, defaultConfig } from './config-defaults';

export { DEFAULT_HOTKEYS, defaultConfig, sanitizeConfig } from './config-defaults';

export class ConfigStore {
  private cfg: AppConfig;

  constructor(readonly file: string) {
    this.cfg = ConfigStore.read(file);
  }

  static read(file: string): AppConfig {
    try {
      return sanitizeConfig(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      return defaultConfig();
    }
  }

  get(): AppConfig {
    return structuredClone(this.cfg);
  }

  /** Apply an already-validated patch and save. */
  update(patch: Partial<AppConfig>): AppConfig {
    this.cfg = { ...this.cfg, ...structuredClone(patch) };
    this.save();
    return this.get();
  }

  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.cfg, null, 2));
    renameSync(tmp, this.file);
  }
}
