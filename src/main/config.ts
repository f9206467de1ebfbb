/**
 * The app's settings file (`config.json` in Electron's userData folder): ROM folders, first-run flag,
 * volume, video options, window state, per-game key bindings and DIP switches.
 * Read defensively (a hand-edited file loses only its invalid entries; a file that is not JSON falls
 * back to defaults) and written atomically (temp file + rename) so a crash never leaves half a file.
 * Before a damaged file is rewritten without what was dropped, it is copied to
 * `config.json.YYYYMMDD-HHMMSS.bak`, so nothing a user wrote by hand is lost. No Electron import.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../shared/api';
import { defaultConfig, sanitizeConfigReport } from '../shared/config-defaults';

/** A settings file is a few KB; anything far larger is not ours. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export { DEFAULT_HOTKEYS, defaultConfig, sanitizeConfig } from '../shared/config-defaults';

export class ConfigStore {
  private cfg: AppConfig;
  /** what was dropped from the file on load (kept in the backup); empty for a clean file */
  readonly dropped: string[];
  /** the backup written before a damaged file is first rewritten, if any */
  backup: string | null = null;
  private backupDue: boolean;

  constructor(readonly file: string, private readonly now: () => Date = () => new Date()) {
    const { config, dropped } = ConfigStore.load(file);
    this.cfg = config;
    this.dropped = dropped;
    this.backupDue = dropped.length > 0;
  }

  static read(file: string): AppConfig {
    return ConfigStore.load(file).config;
  }

  private static load(file: string): { config: AppConfig; dropped: string[] } {
    if (!existsSync(file)) return { config: defaultConfig(), dropped: [] };
    try {
      const st = statSync(file);
      if (!st.isFile() || st.size > MAX_CONFIG_BYTES) return { config: defaultConfig(), dropped: ['the whole file (not a settings file)'] };
      return sanitizeConfigReport(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      return { config: defaultConfig(), dropped: ['the whole file (not valid JSON)'] };
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
    if (this.backupDue) {
      const t = this.now();
      const p2 = (n: number): string => String(n).padStart(2, '0');
      const stamp = `${t.getFullYear()}${p2(t.getMonth() + 1)}${p2(t.getDate())}-${p2(t.getHours())}${p2(t.getMinutes())}${p2(t.getSeconds())}`;
      let backup = `${this.file}.${stamp}.bak`;
      for (let n = 2; existsSync(backup); n++) backup = `${this.file}.${stamp}-${n}.bak`;
      try {
        if (statSync(this.file).isFile()) copyFileSync(this.file, backup);
        this.backup = backup;
      } catch {
        // the damaged file is gone or unreadable: nothing to keep
      }
      this.backupDue = false;
    }
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.cfg, null, 2));
    renameSync(tmp, this.file);
  }
}
