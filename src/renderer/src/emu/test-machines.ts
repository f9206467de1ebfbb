/**
 * Machines that only the end-to-end test starts (through the `?test` hooks), by name. The app has none:
 * the e2e build (`vite build --mode e2e`, see vite.web.config.ts) puts test/e2e/test-machines.ts in this
 * module's place, so test machines never ship in the app.
 */
import type { GameDefinition } from '../../../core/driver-schema';
import type { LoadedRoms } from '../../../core/machine';
import type { SetAudit } from '../../../shared/api';

export interface TestMachine {
  game: GameDefinition;
  /** the machine's ROMs (built in code) and the audit the player shows */
  roms(): { roms: LoadedRoms; audit: SetAudit };
}

export const TEST_MACHINES: ReadonlyMap<string, TestMachine> = new Map();
