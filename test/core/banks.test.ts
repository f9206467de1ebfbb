/**
 * Banks that work (the failures reported in issue #11, each as a case): choices at explicit offsets
 * (a 16 KiB window picking 0x00000 and 0x10000), a mirrored window, switching that leaves RAM, I/O and
 * traps inside the window's pages alone, a finer entry inside a bank page with the rest of the page still
 * showing the bank, RAM banks, save states, and a clear error for what cannot be built.
 */
import { describe, expect, it } from 'vitest';
import { Device, type Serializer } from '../../src/core/device';
import { defineDevices, defineHardware, type BankDef, type GameDefinition, type MapEntry } from '../../src/core/driver-schema';
import { createMachine } from '../../src/core/machine';
import type { RomManifest } from '../../src/core/roms/manifest';
import { TinyCpu } from './support/tiny-cpu';

class Board extends Device {
  reads = 0;
  constructor(tag: string) { super(tag, 0); }
  status(): number { this.reads++; return 0x5a; }
  draw(): void {}
  reset(): void {}
  serialize(_s: Serializer): void {}
}

/** Region bytes: the high byte of the offset's 16 KiB block in the high nibble, so every choice is distinguishable. */
const ROM = Uint8Array.from({ length: 0x20000 }, (_, i) => ((i >> 14) << 4) | (i & 0x0f));

function machine(banks: Record<string, BankDef>, map: (d: { board: Board }) => MapEntry[], shares = { work: { size: 0x100 }, bankram: { size: 0x2000 } }) {
  const devices = defineDevices({
    maincpu: { clock: 1_000_000, create: (c) => new TinyCpu(c.tag, c.clock, c.space('program')), spaces: { program: { bits: 16 } } },
    board: { create: (c) => new Board(c.tag) },
  });
  const hw = defineHardware({
    devices,
    regions: { maincpu: { size: 0x20000 } },
    shares,
    banks,
    screen: { pixelClock: 1_000_000, hTotal: 100, vTotal: 100, hVisible: [0, 15], vVisible: [0, 79] },
    wire: (d) => ({ maps: { maincpu: { program: [{ at: [0x0000, 0x00ff], rom: 'maincpu' }, ...map(d)] } }, screen: { update: d.board.draw }, speakers: {} }),
  });
  const game: GameDefinition = { name: 'banktest', title: 'Bank test', year: '2026', maker: 'Arcade project (test)', driver: 'test', hw, inputs: {}, rotate: 0, homebrew: true };
  const manifest: RomManifest = {
    name: 'banktest', title: 'Bank test', year: '2026', maker: 'Arcade project (test)', driver: 'test', homebrew: true,
    roms: [{ name: 'rom', size: 0x20000, crc32: '00000000', sha1: '0'.repeat(40), region: 'maincpu', offset: 0 }],
  };
  const m = createMachine(game, { manifest, files: new Map([['rom', ROM]]) });
  return { m, space: m.spaces.get('maincpu:program')!, board: m.devices.get('board') as Board };
}

describe('banks', () => {
  it('a 16 KiB window chooses blocks at explicit offsets (0x00000 and 0x10000)', () => {
    const { m, space } = machine({ rombank: { region: 'maincpu', size: 0x4000, offsets: [0x00000, 0x10000] } }, () => [{ at: [0x4000, 0x7fff], bank: 'rombank' }]);
    expect(space.read8(0x4003)).toBe(0x03);
    m.bank('rombank').select(1);
    expect(space.read8(0x4003)).toBe(0x43);
    expect(space.read8(0x7fff)).toBe(0x4f);
  });

  it('choices by count and stride', () => {
    const { m, space } = machine({ rombank: { region: 'maincpu', size: 0x4000, offset: 0x8000, count: 3, stride: 0x4000 } }, () => [{ at: [0x4000, 0x7fff], bank: 'rombank' }]);
    expect(space.read8(0x4001)).toBe(0x21);
    m.bank('rombank').select(2);
    expect(space.read8(0x4001)).toBe(0x41);
  });

  it('a mirrored window switches in every mirror', () => {
    const { m, space } = machine({ rombank: { region: 'maincpu', size: 0x2000, offsets: [0x0000, 0x1c000] } }, () => [{ at: [0x4000, 0x5fff], mirror: 0x8000, bank: 'rombank' }]);
    m.bank('rombank').select(1);
    expect(space.read8(0x4005)).toBe(0x75);
    expect(space.read8(0xc005)).toBe(0x75);
  });

  it('switching leaves RAM, I/O and traps inside the window alone; their page shows the bank elsewhere', () => {
    const { m, space, board } = machine({ rombank: { region: 'maincpu', size: 0x4000, offsets: [0x00000, 0x10000] } }, (d) => [
      { at: [0x4000, 0x7fff], bank: 'rombank' },
      { at: [0x5000, 0x50ff], ram: 'work', override: true },               // a whole page of RAM in the window
      { at: [0x6010, 0x6010], read: d.board.status, override: true },    // one I/O byte inside a bank page
      { at: [0x6020, 0x6027], nop: 'r', override: true },                // a trap-like hole
    ]);
    space.write8(0x5003, 0x99);
    m.bank('rombank').select(1);
    expect(space.read8(0x5003)).toBe(0x99);        // RAM still there after the switch
    space.write8(0x5004, 0x77);
    expect(space.read8(0x5004)).toBe(0x77);        // and still writable
    expect(space.read8(0x6010)).toBe(0x5a);        // the I/O byte
    expect(board.reads).toBe(1);
    expect(space.read8(0x6011)).toBe(0x41);        // the rest of its page: the bank's bytes (block 4, offset 0x2011)
    expect(space.read8(0x6020)).toBe(0xff);        // the hole: open bus
    m.bank('rombank').select(0);
    expect(space.read8(0x6011)).toBe(0x01);        // the partial page follows the switch too
    expect(space.read8(0x4000)).toBe(0x00);
  });

  it('a RAM bank switches between blocks of a share, and writes land in the selected one', () => {
    const { m, space } = machine({ rambank: { share: 'bankram', size: 0x1000, count: 2 } }, () => [{ at: [0x8000, 0x8fff], bank: 'rambank' }]);
    space.write8(0x8001, 0x11);
    m.bank('rambank').select(1);
    space.write8(0x8001, 0x22);
    expect(space.read8(0x8001)).toBe(0x22);
    m.bank('rambank').select(0);
    expect(space.read8(0x8001)).toBe(0x11);
    expect([...m.memory('bankram').subarray(0, 2)]).toEqual([0, 0x11]);
    expect(m.memory('bankram')[0x1001]).toBe(0x22);
  });

  it('the selected choice is saved with the machine', () => {
    const banks = { rombank: { region: 'maincpu', size: 0x4000, offsets: [0x00000, 0x10000] } };
    const map = () => [{ at: [0x4000, 0x7fff], bank: 'rombank' }] as MapEntry[];
    const a = machine(banks, map);
    a.m.bank('rombank').select(1);
    const b = machine(banks, map);
    b.m.loadState(a.m.saveState());
    expect(b.space.read8(0x4003)).toBe(0x43);
  });

  it('what cannot be built is an error naming the bank', () => {
    expect(() => machine({ rombank: { region: 'maincpu', size: 0x4000, offsets: [0x1e000] } }, () => [{ at: [0x4000, 0x7fff], bank: 'rombank' }]))
      .toThrow(/bank 'rombank': choice at 0x1e000 \(\+0x4000\) lies outside region 'maincpu'/);
    expect(() => machine({ rombank: { region: 'maincpu', size: 0x4000 } }, () => [{ at: [0x4000, 0x5fff], bank: 'rombank' }]))
      .toThrow(/maincpu:program entry 0x4000-0x5fff: bank 'rombank' is 0x4000 bytes but mapped over 0x2000/);
    expect(() => machine({ rombank: { region: 'nosuch', size: 0x4000 } }, () => []))
      .toThrow(/bank 'rombank': region 'nosuch' is not declared/);
  });
});
