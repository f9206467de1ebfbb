/**
 * The wiring is checked by the compiler: a renamed device key, method or output line, a CPU line on a device
 * that is not a CPU, or a speaker fed by a device without sound streams is a type error. (Map keys of
 * devices and spaces are checked when the machine is built instead: see validity.test.ts.) This test compiles a small driver delta with such mistakes (in a
 * temporary directory, importing the real Pac-Man driver) and checks that tsc reports each one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

const PROBE = `
import { pacmanDevices, pacmanHw } from '${ROOT}/drivers/namco/pacman';
import { defineHardware } from '${ROOT}/src/core/driver-schema';

export const renamed = defineHardware({
  ...pacmanHw,
  devices: pacmanDevices,
  wire: (d, m) => ({
    maps: {
      maincpu: {
        program: [{ at: [0x4000, 0x43ff], ram: 'videoram', write: d.video.setFlp }],
      },
    },
    lines: [
      [d.mainlatch.q[1], d.wsg.setEnable],
      [d.mainlatch.qq[0], d.board.setIrqMask],
      [d.board.irq, m.cpu.board.irq],
    ],
    screen: { update: d.video.drawFrame },
    speakers: { mono: [{ from: d.watchdog, gain: 1 }] },
  }),
});
`;

describe('wiring type checks', () => {
  it('tsc reports renamed device keys, methods and lines, interrupt lines of non-CPUs, speakers of non-sound devices', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arcade-wiring-'));
    try {
      writeFileSync(join(dir, 'probe.ts'), PROBE);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, skipLibCheck: true,
          lib: ['ES2023', 'DOM'], types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['probe.ts'],
      }));
      let out = '';
      try {
        execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], { encoding: 'utf8', cwd: dir });
      } catch (e) {
        out = (e as { stdout: string }).stdout;
      }
      const errors = out.split('\n').filter((l) => l.startsWith('probe.ts('));
      const expected = [
        /probe\.ts\(11,.*Property 'setFlp' does not exist on type 'PacmanVideo'. Did you mean 'setFlip'\?/,
        /probe\.ts\(15,.*Property 'wsg' does not exist on type 'Devices</,
        /probe\.ts\(16,.*Property 'qq' does not exist on type 'Ls259'/,
        /probe\.ts\(17,.*Property 'board' does not exist on type/,
        /probe\.ts\(19,.*Property 'drawFrame' does not exist on type 'PacmanVideo'/,
        /probe\.ts\(20,.*Property 'streams' is missing in type 'Watchdog' but required in type 'SoundDevice'/,
      ];
      for (const re of expected) expect(errors.some((l) => re.test(l)), `${re}\n${errors.join('\n')}`).toBe(true);
      expect(errors.length).toBe(expected.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
