/**
 * The e2e build's test machines: vite.web.config.ts substitutes this module for
 * src/renderer/src/emu/test-machines.ts when built with `--mode e2e` (test/e2e/run.mjs does).
 */
import type { TestMachine } from '../../src/renderer/src/emu/test-machines';
import { SAMPLE_DEMO, sampleDemoGame, sampleDemoRoms } from './sample-demo';

export const TEST_MACHINES: ReadonlyMap<string, TestMachine> = new Map([
  [SAMPLE_DEMO, { game: sampleDemoGame, roms: sampleDemoRoms }],
]);
