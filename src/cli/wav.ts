/** 16-bit PCM WAV writing (RIFF), streaming-friendly: header patched with sizes at the end. */
import { closeSync, openSync, writeSync } from 'node:fs';

export class WavWriter {
  private readonly fd: number;
  private dataBytes = 0;

  constructor(
    path: string,
    readonly sampleRate: number,
    readonly channels: number,
  ) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, this.header(0));
  }

  private header(dataBytes: number): Buffer {
    const h = Buffer.alloc(44);
    h.write('RIFF', 0, 'ascii');
    h.writeUInt32LE(36 + dataBytes, 4);
    h.write('WAVE', 8, 'ascii');
    h.write('fmt ', 12, 'ascii');
    h.writeUInt32LE(16, 16);
    h.writeUInt16LE(1, 20);
    h.writeUInt16LE(this.channels, 22);
    h.writeUInt32LE(this.sampleRate, 24);
    h.writeUInt32LE(this.sampleRate * this.channels * 2, 28);
    h.writeUInt16LE(this.channels * 2, 32);
    h.writeUInt16LE(16, 34);
    h.write('data', 36, 'ascii');
    h.writeUInt32LE(dataBytes, 40);
    return h;
  }

  /** Append samples (interleaved, `inChannels` per frame); mono input is duplicated to every channel. */
  write(samples: Float32Array, inChannels: number): void {
    const frames = samples.length / inChannels;
    const buf = Buffer.alloc(frames * this.channels * 2);
    let o = 0;
    for (let i = 0; i < frames; i++) {
      for (let c = 0; c < this.channels; c++) {
        const v = samples[i * inChannels + (inChannels === 1 ? 0 : c)];
        const s = Math.max(-32768, Math.min(32767, Math.round(v * 32768)));
        buf.writeInt16LE(s, o);
        o += 2;
      }
    }
    writeSync(this.fd, buf);
    this.dataBytes += buf.length;
  }

  close(): void {
    writeSync(this.fd, this.header(this.dataBytes), 0, 44, 0);
    closeSync(this.fd);
  }
}
