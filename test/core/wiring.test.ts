/**
 * The wiring model on a whole two-CPU machine of TinyCpus: a sound latch each way with its pending flag,
 * a scanline interrupt, HOLD_LINE cleared by the acknowledge cycle, a CPU held in reset by another
 * device, the watchdog's reset line. Expected values are worked out from the programs below.
 */
import { describe, expect, it } from 'vitest';
import { Device, type Serializer } from '../../src/core/device';
import { GenericLatch8 } from '../../src/core/devices/generic-latch';
import { ScanlineInterrupt } from '../../src/core/devices/scanline-timer';
import { defineDevices, defineHardware, type GameDefinition } from '../../src/core/driver-schema';
import { ASSERT_LINE, CLEAR_LINE, HOLD_LINE, OutputLine } from '../../src/core/line';
import { createMachine } from '../../src/core/machine';
import type { RomManifest } from '../../src/core/roms/manifest';
import { TinyCpu, assemble } from './support/tiny-cpu';

const [LDA, STA, ADDI, JMP, WAI, RTI, INC, EI] = [2, 3, 4, 5, 6, 7, 8, 9];

/** Board glue: a register the main CPU writes to hold the sound CPU in reset (bit 0 = 1 holds it). */
class Board extends Device {
  readonly soundReset = new OutputLine();
  constructor(tag: string) { super(tag, 0); }
  control(_offset: number, data: number): void { this.soundReset.set(data & 1 ? ASSERT_LINE : CLEAR_LINE); }
  draw(): void {}
  reset(): void {}
  serialize(_s: Serializer): void {}
}

// Main CPU: counts scanline interrupts at 0x8000; in each one sends the count to the sound CPU (0xc000)
// and stores the sound CPU's last reply (0xc001) at 0x8001.
const MAIN = (() => {
  const rom = new Uint8Array(0x1000);
  rom.set(assemble([EI, WAI, [JMP, 0x0001]]), 0);
  rom.set(assemble([[INC, 0x8000], [LDA, 0x8000], [STA, 0xc000], [LDA, 0xc001], [STA, 0x8001], RTI]), 0x100);
  return rom;
})();
// Sound CPU: interrupted while a command is pending; reads it (clearing the flag, so its IRQ drops),
// replies with command + 0x40 and counts its interrupts at 0x8000.
const SOUND = (() => {
  const rom = new Uint8Array(0x1000);
  rom.set(assemble([EI, WAI, [JMP, 0x0001]]), 0);
  rom.set(assemble([[INC, 0x8000], [LDA, 0xc000], [STA, 0x8001], [LDA, 0x8001], [ADDI, 0x40], [STA, 0xc001], RTI]), 0x100);
  return rom;
})();

function game(irqState: number): GameDefinition {
  const devices = defineDevices({
    maincpu: { clock: 1_000_000, create: (c) => new TinyCpu(c.tag, c.clock, c.space('program')), spaces: { program: { bits: 16 } } },
    soundcpu: { clock: 500_000, create: (c) => new TinyCpu(c.tag, c.clock, c.space('program')), spaces: { program: { bits: 16 } } },
    board: { create: (c) => new Board(c.tag) },
    soundlatch: { create: (c) => new GenericLatch8(c, { boostInterleaveUs: 50 }) },
    replylatch: { create: (c) => new GenericLatch8(c) },
    lineirq: { create: (c) => new ScanlineInterrupt(c, { first: 10, every: 25, state: irqState }) },
  });
  const hw = defineHardware({
    devices,
    regions: { maincpu: { size: 0x1000 }, soundcpu: { size: 0x1000 } },
    shares: { mainram: { size: 0x100 }, soundram: { size: 0x100 } },
    // 1 MHz pixel clock, 100 × 100: 100 Hz frames, lines 0-99 (visible 0-79)
    screen: { pixelClock: 1_000_000, hTotal: 100, vTotal: 100, hVisible: [0, 15], vVisible: [0, 79] },
    wire: (d, m) => ({
      maps: {
        maincpu: {
          program: [
            { at: [0x0000, 0x0fff], rom: 'maincpu' },
            { at: [0x8000, 0x80ff], ram: 'mainram' },
            { at: [0xc000, 0xc000], write: d.soundlatch.write },
            { at: [0xc001, 0xc001], read: d.replylatch.read },
            { at: [0xd000, 0xd000], write: d.board.control },
          ],
        },
        soundcpu: {
          program: [
            { at: [0x0000, 0x0fff], rom: 'soundcpu' },
            { at: [0x8000, 0x80ff], ram: 'soundram' },
            { at: [0xc000, 0xc000], read: d.soundlatch.read },
            { at: [0xc001, 0xc001], write: d.replylatch.write },
          ],
        },
      },
      lines: [
        [d.lineirq.irq, m.cpu.maincpu.irq],
        [d.soundlatch.pending, m.cpu.soundcpu.irq],
        [d.board.soundReset, m.cpu.soundcpu.reset],
      ],
      screen: { update: d.board.draw },
      speakers: {},
    }),
  });
  return { name: 'wiretest', title: 'Wiring test', year: '2026', maker: 'Arcade project (test)', driver: 'test', hw, inputs: {}, rotate: 0, homebrew: true };
}

const manifest: RomManifest = {
  name: 'wiretest', title: 'Wiring test', year: '2026', maker: 'Arcade project (test)', driver: 'test', homebrew: true,
  roms: [
    { name: 'main.rom', size: 0x1000, crc32: '00000000', sha1: '0'.repeat(40), region: 'maincpu', offset: 0 },
    { name: 'sound.rom', size: 0x1000, crc32: '00000000', sha1: '0'.repeat(40), region: 'soundcpu', offset: 0 },
  ],
};

function build(irqState: number) {
  return createMachine(game(irqState), { manifest, files: new Map([['main.rom', MAIN], ['sound.rom', SOUND]]) });
}

describe('wiring: two CPUs, latches, scanline interrupts, input lines', () => {
  it('a held scanline interrupt is taken once per firing line: 4 per frame (lines 10, 35, 60, 85)', () => {
    // Power-on is at the start of VBLANK (line 80), so the first frame sees lines 10, 35 and 60 only;
    // line 85 falls 5 lines into each following frame.
    const m = build(HOLD_LINE);
    const counts: number[] = [];
    for (let f = 0; f < 3; f++) { m.runFrame(); counts.push(m.memory('mainram')[0]); }
    expect(counts).toEqual([3, 7, 11]);
  });

  it('an asserted one nobody clears is taken again after every RTI (many more than 4 per frame)', () => {
    const m = build(ASSERT_LINE);
    m.runFrame();
    expect(m.memory('mainram')[0]).toBeGreaterThan(40);
  });

  it('sound latch round trip: each command reaches the sound CPU once and its reply comes back', () => {
    const m = build(HOLD_LINE);
    for (let f = 0; f < 3; f++) m.runFrame();
    const main = m.memory('mainram'), sound = m.memory('soundram');
    // 11 commands (1..11); the sound CPU's IRQ is the pending flag, cleared by its read: one interrupt each.
    expect(sound[0]).toBe(11);
    expect(sound[1]).toBe(11); // the last command it read
    // The main CPU read the reply to command 10 when it sent 11 (the reply to 11 comes after).
    expect(main[1]).toBe(10 + 0x40);
  });

  it('a CPU held in reset by a board line does not run; released, it starts from its reset vector', () => {
    const m = build(HOLD_LINE);
    const sound = m.devices.get('soundcpu') as TinyCpu;
    const board = m.devices.get('board') as Board;
    board.control(0, 1);
    for (let f = 0; f < 2; f++) m.runFrame();
    expect(m.memory('soundram')[0]).toBe(0); // never interrupted: not running
    sound.pc = 0x0123;
    board.control(0, 0);
    expect(sound.pc).toBe(0); // reset on release
    m.runFrame();
    expect(m.memory('soundram')[0]).toBeGreaterThan(0);
  });

  it('the input lines and latches are saved with the machine', () => {
    const a = build(HOLD_LINE);
    a.runFrame();
    (a.devices.get('board') as Board).control(0, 1);
    const state = a.saveState();
    const b = build(HOLD_LINE);
    b.loadState(state);
    expect(Buffer.from(b.saveState()).equals(Buffer.from(state))).toBe(true);
    a.runFrame(); b.runFrame();
    expect([...b.memory('soundram').subarray(0, 2)]).toEqual([...a.memory('soundram').subarray(0, 2)]);
    expect([...b.memory('mainram').subarray(0, 2)]).toEqual([...a.memory('mainram').subarray(0, 2)]);
  });
});
