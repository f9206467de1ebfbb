/**
 * NVRAM (HELPERS.md contract, MAME device_nvram_interface): battery-backed shares and NVRAM devices start
 * fresh without a file, are restored from one, fall back to fresh contents with a warning on unusable
 * data, and are written back through the CLI's `<dir>/<set>/<name>` files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nvramReader, writeNvram } from '../../src/cli/nvram-files';
import { Device, type Serializer } from '../../src/core/device';
import { defineDevices, defineHardware, type GameDefinition } from '../../src/core/driver-schema';
import { createMachine, type MachineOptions } from '../../src/core/machine';
import type { NvramDevice } from '../../src/core/nvram';
import type { RomManifest } from '../../src/core/roms/manifest';

/** A 4-byte EAROM-like device: fresh contents 0x5a each. */
class Earom extends Device implements NvramDevice {
  readonly cells = new Uint8Array(4);
  draw(): void {}
  reset(): void {}
  serialize(s: Serializer): void { s.block(this.cells); }
  nvramDefault(): void { this.cells.fill(0x5a); }
  nvramRead(data: Uint8Array): boolean { if (data.length !== 4) return false; this.cells.set(data); return true; }
  nvramWrite(): Uint8Array { return this.cells.slice(); }
}

const hw = defineHardware({
  devices: defineDevices({ earom: { create: (c) => new Earom(c.tag, 0) } }),
  regions: {},
  shares: { cmos: { size: 8, nvram: true, fill: 0xff }, work: { size: 8 } },
  screen: { pixelClock: 1_000_000, hTotal: 100, vTotal: 100, hVisible: [0, 15], vVisible: [0, 79] },
  wire: (d) => ({ maps: {}, screen: { update: d.earom.draw }, speakers: {} }),
});
const game: GameDefinition = { name: 'nvtest', title: 'NVRAM test', year: '2026', maker: 'Arcade project (test)', driver: 'test', hw, inputs: {}, rotate: 0, homebrew: true };
const manifest: RomManifest = { name: 'nvtest', title: 'NVRAM test', year: '2026', maker: 'Arcade project (test)', driver: 'test', homebrew: true, roms: [] };
const build = (opts: MachineOptions = {}) => createMachine(game, { manifest, files: new Map() }, opts);

const tmp = mkdtempSync(join(tmpdir(), 'arcade-nvram-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('NVRAM', () => {
  it('starts fresh without files: shares filled, devices at their default', () => {
    const m = build();
    expect(m.nvramNames()).toEqual(['cmos', 'earom']);
    expect([...m.memory('cmos')]).toEqual(new Array(8).fill(0xff));
    expect([...(m.devices.get('earom') as Earom).cells]).toEqual([0x5a, 0x5a, 0x5a, 0x5a]);
    expect(m.nvramWarnings).toEqual([]);
  });

  it('is restored from stored data and written back; unusable data gives a warning and fresh contents', () => {
    const stored = new Map([['cmos', Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)], ['earom', Uint8Array.of(9, 9)]]);
    const m = build({ nvram: (n) => stored.get(n) });
    expect([...m.memory('cmos')]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...(m.devices.get('earom') as Earom).cells]).toEqual([0x5a, 0x5a, 0x5a, 0x5a]);
    expect(m.nvramWarnings).toEqual(["NVRAM 'earom' is not usable (2 bytes); starting fresh"]);
    m.memory('cmos')[0] = 0x42;
    expect([...m.nvramSave().get('cmos')!]).toEqual([0x42, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('goes through <dir>/<set>/<name> files like MAME\'s nvram folder, across machines', () => {
    const dir = join(tmp, 'nvram');
    const a = build({ nvram: nvramReader(dir, 'nvtest') });
    a.memory('cmos').set([7, 7, 7]);
    (a.devices.get('earom') as Earom).cells.set([1, 2, 3, 4]);
    expect(writeNvram(a, dir, 'nvtest').map((f) => f.slice(dir.length + 1))).toEqual(['nvtest/cmos', 'nvtest/earom']);
    const b = build({ nvram: nvramReader(dir, 'nvtest') });
    expect([...b.memory('cmos').subarray(0, 4)]).toEqual([7, 7, 7, 0xff]);
    expect([...(b.devices.get('earom') as Earom).cells]).toEqual([1, 2, 3, 4]);
    // A damaged file: warned, fresh, never a crash.
    writeFileSync(join(dir, 'nvtest', 'cmos'), Uint8Array.of(1));
    const c = build({ nvram: nvramReader(dir, 'nvtest') });
    expect(c.nvramWarnings[0]).toMatch(/NVRAM 'cmos' is not usable \(1 bytes\)/);
    expect([...readFileSync(join(dir, 'nvtest', 'earom'))]).toEqual([1, 2, 3, 4]);
  });
});
