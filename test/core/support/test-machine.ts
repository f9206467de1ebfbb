/**
 * A whole test machine built from the declarative schema: TinyCpu, a board device (VBLANK IRQ with an
 * acknowledge register), a RAM-as-pixels video device, a square-wave sound device and input ports.
 * Its ROM is assembled here from our own bytes.
 */
import { Device, type Serializer } from '../../../src/core/device';
import { defineDevices, defineHardware, type GameDefinition } from '../../../src/core/driver-schema';
import { ASSERT_LINE, CLEAR_LINE, OutputLine } from '../../../src/core/line';
import { bit, dip, port } from '../../../src/core/input';
import type { LoadedRoms } from '../../../src/core/machine';
import type { RomManifest } from '../../../src/core/roms/manifest';
import { SoundStream, type SoundDevice } from '../../../src/core/sound';
import type { Screen } from '../../../src/core/screen';
import { TinyCpu, assemble } from './tiny-cpu';

const [NOP, LDAI, LDA, STA, ADDI, JMP, WAI, RTI, INC, EI] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
void NOP; void ADDI; void WAI;

export class TestBoard extends Device {
  readonly irq = new OutputLine();
  constructor(tag: string) { super(tag, 0); }
  vblank(state: number): void { if (state) this.irq.set(ASSERT_LINE); }
  ack(_offset: number, _data: number): void { this.irq.set(CLEAR_LINE); }
  reset(): void { this.irq.set(CLEAR_LINE); }
  serialize(_s: Serializer): void {}
}

export class TestVideo extends Device {
  constructor(tag: string, private readonly ram: Uint8Array, private readonly screen: Screen) { super(tag, 0); }
  draw(): void {
    const out = this.screen.output;
    for (let i = 0; i < out.length; i++) {
      const v = this.ram[i];
      out[i] = 0xff000000 | (v * 0x010203);
    }
  }
  reset(): void {}
  serialize(_s: Serializer): void {}
}

export class TestTone extends Device implements SoundDevice {
  readonly chipName = 'Test tone';
  readonly stream: SoundStream;
  readonly streams: SoundStream[];
  period = 0;
  phase = 0;
  constructor(tag: string, clock: number) {
    super(tag, clock);
    this.stream = new SoundStream(clock, 1, (out, start, count) => {
      const o = out[0];
      for (let i = 0; i < count; i++) {
        if (this.period === 0) { o[start + i] = 0; continue; }
        this.phase = (this.phase + 1) % this.period;
        o[start + i] = this.phase < this.period / 2 ? 0.25 : -0.25;
      }
    });
    this.streams = [this.stream];
  }
  write(_offset: number, data: number): void {
    this.stream.update();
    this.period = data;
  }
  reset(): void { this.period = 0; this.phase = 0; }
  serialize(s: Serializer): void { this.period = s.u16(this.period); this.phase = s.u16(this.phase); this.stream.serializeTiming(s); }
}

export const TEST_ROM = (() => {
  const rom = new Uint8Array(0x1000);
  rom.set(assemble([EI, [LDA, 0x9000], [STA, 0x8000], [INC, 0x8001], [LDA, 0x8001], [STA, 0xa000], [LDA, 0x9001], [STA, 0x8003], [JMP, 0x0001]]), 0);
  rom.set(assemble([[INC, 0x8002], [LDAI, 1], [STA, 0xb000], RTI]), 0x100);
  return rom;
})();

export const testDevices = defineDevices({
  maincpu: { clock: 1_000_000, create: (c) => new TinyCpu(c.tag, c.clock, c.space('program')), spaces: { program: { bits: 16, openBus: 0xee } } },
  board: { create: (c) => new TestBoard(c.tag) },
  video: { create: (c) => new TestVideo(c.tag, c.share('work'), c.screen) },
  tone: { clock: 25_000, create: (c) => new TestTone(c.tag, c.clock) },
});

export const testHardware = defineHardware({
  devices: testDevices,
  regions: { maincpu: { size: 0x1000 } },
  shares: { work: { size: 0x100 } },
  screen: { pixelClock: 2_000_000, hTotal: 100, vTotal: 50, hVisible: [0, 15], vVisible: [0, 7] },
  wire: (d, m) => ({
    maps: {
      maincpu: {
        program: [
          { at: [0x0000, 0x0fff], rom: 'maincpu' },
          { at: [0x8000, 0x80ff], mirror: 0x0f00, ram: 'work' },
          { at: [0x9000, 0x9000], read: { port: 'IN0' } },
          { at: [0x9001, 0x9001], read: { port: 'DSW' } },
          { at: [0xa000, 0xa000], write: d.tone.write },
          { at: [0xb000, 0xb000], write: d.board.ack },
        ],
      },
    },
    lines: [[d.board.irq, m.cpu.maincpu.irq]],
    screen: { update: d.video.draw, vblank: d.board.vblank },
    speakers: { mono: [{ from: d.tone, gain: 1.0 }] },
  }),
});

export const testGame: GameDefinition = {
  name: 'testmach', title: 'Test machine', year: '2026', maker: 'Arcade project (test)', driver: 'test',
  hw: testHardware, rotate: 0, homebrew: true,
  inputs: {
    IN0: port([bit(0x01, 'P1_JOYSTICK_UP'), bit(0x20, 'COIN1')], { unusedBits: 0xff }),
    DSW: port([dip('Lives', 0x03, '3', { '1': 0, '2': 1, '3': 2, '5': 3 })]),
  },
};

export const testManifest: RomManifest = {
  name: 'testmach', title: 'Test machine', year: '2026', maker: 'Arcade project (test)', driver: 'test', homebrew: true,
  roms: [{ name: 'test.rom', size: 0x1000, crc32: '00000000', sha1: '0'.repeat(40), region: 'maincpu', offset: 0 }],
};

export function testRoms(rom = TEST_ROM): LoadedRoms {
  return { manifest: testManifest, files: new Map([['test.rom', rom]]) };
}
