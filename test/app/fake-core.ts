/**
 * A small fake machine implementing the core's `Machine` contract, for developing and unit-testing
 * the app before (and independently of) the real drivers: a 224×288 upright screen at 60.606 Hz,
 * IN0 with MAME's Pac-Man field names, one DIP switch, a square-wave tone, and save states.
 * What it draws depends only on its state, so tests can check input, pause and save/load.
 */
import type { GameInfo, Machine } from '../../src/core/machine-api';
import { SaveStateError } from '../../src/core/machine-api';
import type { RomManifest } from '../../src/core/roms/manifest';
import { crc32, crcHex, sha1Hex } from '../../src/core/roms/hash';

export const FAKE_ROM = new Uint8Array(256).map((_, i) => (i * 37 + 11) & 0xff);

export const FAKE_MANIFEST: RomManifest = {
  name: 'fakedemo',
  title: 'Fake Demo (test machine)',
  year: '2026',
  maker: 'Arcade project (homebrew)',
  driver: 'fake',
  homebrew: true,
  roms: [{ name: 'fake.bin', size: 256, crc32: crcHex(crc32(FAKE_ROM)), sha1: sha1Hex(FAKE_ROM), region: 'maincpu', offset: 0 }],
};

export const FAKE_INFO: GameInfo = {
  name: 'fakedemo',
  title: FAKE_MANIFEST.title,
  year: '2026',
  maker: FAKE_MANIFEST.maker,
  driver: 'fake',
  homebrew: true,
  width: 224,
  height: 288,
  rotate: 90,
  refreshHz: 60.606061,
  chips: [
    { tag: 'maincpu', type: 'Fake CPU', clock: 3_072_000, kind: 'cpu' },
    { tag: 'tone', type: 'Square wave', clock: 96_000, kind: 'audio' },
  ],
  inputs: [
    { port: 'IN0', name: 'P1 Up', kind: 'digital', mask: 0x01, defaultValue: 0, type: 'P1_JOYSTICK_UP' },
    { port: 'IN0', name: 'P1 Left', kind: 'digital', mask: 0x02, defaultValue: 0, type: 'P1_JOYSTICK_LEFT' },
    { port: 'IN0', name: 'P1 Right', kind: 'digital', mask: 0x04, defaultValue: 0, type: 'P1_JOYSTICK_RIGHT' },
    { port: 'IN0', name: 'P1 Down', kind: 'digital', mask: 0x08, defaultValue: 0, type: 'P1_JOYSTICK_DOWN' },
    { port: 'IN0', name: 'Coin 1', kind: 'digital', mask: 0x20, defaultValue: 0, type: 'COIN1' },
    { port: 'IN1', name: '1 Player Start', kind: 'digital', mask: 0x20, defaultValue: 0, type: 'START1' },
    {
      port: 'DSW1', name: 'Lives', kind: 'dip', mask: 0x0c, defaultValue: 0x08, type: 'DIPSWITCH', location: 'SW:3,4',
      settings: [{ name: '1', value: 0x00 }, { name: '2', value: 0x04 }, { name: '3', value: 0x08 }, { name: '5', value: 0x0c }],
    },
  ],
  status: {},
};

export class FakeMachine implements Machine {
  readonly frameBuffer = new Uint32Array(224 * 288);
  readonly audioChannels = 1 as const;
  frameNumber = 0;
  private x = 100;
  private y = 140;
  private coins = 0;
  private lastCoin = 0;
  private phase = 0;
  private sampleDebt = 0;
  private readonly inputs = new Map<string, number>();
  private buf: Float32Array;

  constructor(readonly info: GameInfo, readonly rom: Uint8Array, readonly sampleRate: number) {
    this.buf = new Float32Array(Math.ceil(sampleRate / info.refreshHz) + 2);
  }

  setInput(port: string, field: string, value: number): void {
    if (!this.info.inputs.some((f) => f.port === port && f.name === field)) throw new Error(`no input ${port} ${field}`);
    this.inputs.set(`${port}/${field}`, value);
  }

  private in(field: string, port = 'IN0'): number {
    return this.inputs.get(`${port}/${field}`) ?? 0;
  }

  runFrame(): void {
    this.frameNumber++;
    if (this.in('P1 Up')) this.y = Math.max(0, this.y - 2);
    if (this.in('P1 Down')) this.y = Math.min(272, this.y + 2);
    if (this.in('P1 Left')) this.x = Math.max(0, this.x - 2);
    if (this.in('P1 Right')) this.x = Math.min(208, this.x + 2);
    const coin = this.in('Coin 1');
    if (coin && !this.lastCoin) this.coins++;
    this.lastCoin = coin;
    const fb = this.frameBuffer;
    const f = this.frameNumber;
    for (let yy = 0; yy < 288; yy++) {
      for (let xx = 0; xx < 224; xx++) {
        const r = (xx + f) & 0xff, g = (yy * 2) & 0xff, b = this.rom[(xx ^ yy) & 0xff];
        fb[yy * 224 + xx] = 0xff000000 | (b >> 1 << 16) | (g >> 1 << 8) | (r >> 1);
      }
    }
    for (let yy = 0; yy < 16; yy++) for (let xx = 0; xx < 16; xx++) fb[(this.y + yy) * 224 + this.x + xx] = 0xff00ffff;
    for (let c = 0; c < Math.min(this.coins, 20); c++) for (let yy = 4; yy < 12; yy++) for (let xx = 0; xx < 8; xx++) fb[yy * 224 + 4 + c * 10 + xx] = 0xff00d0ff;
    this.sampleDebt += this.sampleRate / this.info.refreshHz;
    const n = Math.floor(this.sampleDebt);
    this.sampleDebt -= n;
    if (this.buf.length < n) this.buf = new Float32Array(n);
    const step = 440 / this.sampleRate;
    for (let i = 0; i < n; i++) {
      this.phase = (this.phase + step) % 1;
      this.buf[i] = this.phase < 0.5 ? 0.2 : -0.2;
    }
    this.audioLen = n;
  }

  private audioLen = 0;

  audio(): Float32Array {
    return this.buf.subarray(0, this.audioLen);
  }

  reset(): void {
    this.x = 100; this.y = 140; this.coins = 0;
  }

  saveState(): Uint8Array {
    const d = new DataView(new ArrayBuffer(32));
    d.setUint32(0, 0x46414b45);
    d.setUint32(4, this.frameNumber); d.setUint32(8, this.x); d.setUint32(12, this.y);
    d.setUint32(16, this.coins); d.setUint32(20, this.lastCoin); d.setFloat64(24, this.phase);
    return new Uint8Array(d.buffer);
  }

  loadState(bytes: Uint8Array): void {
    if (bytes.length !== 32) throw new SaveStateError('not a fakedemo state (wrong size)');
    const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (d.getUint32(0) !== 0x46414b45) throw new SaveStateError('not a fakedemo state');
    this.frameNumber = d.getUint32(4); this.x = d.getUint32(8); this.y = d.getUint32(12);
    this.coins = d.getUint32(16); this.lastCoin = d.getUint32(20); this.phase = d.getFloat64(24);
  }

  memory(name: string): Uint8Array {
    if (name !== 'ram') throw new Error(`no memory ${name}`);
    return this.saveState();
  }

  memoryNames(): string[] {
    return ['ram'];
  }
}

export function createFakeMachine(files: Map<string, Uint8Array>, opts: { sampleRate?: number } = {}): FakeMachine {
  const rom = files.get('fake.bin');
  if (!rom) throw new Error('fake.bin missing');
  return new FakeMachine(FAKE_INFO, rom, opts.sampleRate ?? 48000);
}
