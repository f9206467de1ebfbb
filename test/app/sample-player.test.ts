/**
 * The page side of sample-based sound: the WAV files built for howler (RIFF/WAVE PCM layout) and how
 * machine channel triggers map onto sound ids (start replaces, stop, volume, rate, pause, state load).
 */
import { describe, expect, it } from 'vitest';
import type { SampleEvent } from '../../src/core/machine-api';
import { SamplePlayer, wavFile, type SoundBank } from '../../src/renderer/src/audio/sample-player';

describe('wavFile', () => {
  it('writes a canonical 44-byte PCM header (RIFF/WAVE, fmt 16, mono, 16-bit) and little-endian data', () => {
    const f = wavFile(Int16Array.from([1, -2, 0x1234]), 22050);
    const v = new DataView(f.buffer);
    const str = (at: number) => String.fromCharCode(...f.subarray(at, at + 4));
    expect(f.length).toBe(44 + 6);
    expect([str(0), str(8), str(12), str(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(v.getUint32(4, true)).toBe(f.length - 8);
    expect([v.getUint32(16, true), v.getUint16(20, true), v.getUint16(22, true)]).toEqual([16, 1, 1]);
    expect([v.getUint32(24, true), v.getUint32(28, true), v.getUint16(32, true), v.getUint16(34, true)]).toEqual([22050, 44100, 2, 16]);
    expect(v.getUint32(40, true)).toBe(6);
    expect([...f.subarray(44)]).toEqual([0x01, 0x00, 0xfe, 0xff, 0x34, 0x12]);
  });
});

class FakeBank implements SoundBank {
  log: string[] = [];
  private next = 100;
  play(sample: number): number { const id = this.next++; this.log.push(`play ${sample} -> ${id}`); return id; }
  stop(sample: number, id: number): void { this.log.push(`stop ${sample}/${id}`); }
  pause(sample: number, id: number): void { this.log.push(`pause ${sample}/${id}`); }
  resume(sample: number, id: number): void { this.log.push(`resume ${sample}/${id}`); }
  setLoop(sample: number, id: number, loop: boolean): void { this.log.push(`loop ${sample}/${id} ${loop}`); }
  setVolume(sample: number, id: number, volume: number): void { this.log.push(`volume ${sample}/${id} ${volume}`); }
  setRate(sample: number, id: number, rate: number): void { this.log.push(`rate ${sample}/${id} ${rate}`); }
  seek(sample: number, id: number, seconds: number): void { this.log.push(`seek ${sample}/${id} ${seconds}`); }
  unload(): void { this.log.push('unload'); }
}

const ev = (channel: number, action: SampleEvent['action'], sample: number, more: Partial<SampleEvent> = {}): SampleEvent =>
  ({ channel, action, sample, loop: false, volume: 1, rate: 1, offsetSamples: 0, seek: 0, ...more });

describe('SamplePlayer', () => {
  it('a start on a busy channel replaces its sound; stop/volume/rate go to the channel\'s sound id', () => {
    const bank = new FakeBank();
    const p = new SamplePlayer();
    p.setBank(bank, 2);
    p.handle([ev(0, 'start', 1, { loop: true, volume: 0.5 }), ev(0, 'volume', 1, { volume: 0.25 }), ev(0, 'rate', 1, { rate: 2 })], true);
    p.handle([ev(0, 'start', 0), ev(1, 'stop', -1), ev(0, 'stop', -1)], true);
    expect(bank.log).toEqual([
      'play 1 -> 100', 'loop 1/100 true', 'volume 1/100 0.5', 'volume 1/100 0.25', 'rate 1/100 2',
      'stop 1/100', 'play 0 -> 101', 'loop 0/101 false', 'volume 0/101 1', 'stop 0/101',
    ]);
    expect(p.stats).toMatchObject({ loaded: 2, starts: 2, stops: 1, active: 0 });
  });

  it('without sound (fast-forward, stepping) one-shots are dropped, loops still start', () => {
    const bank = new FakeBank();
    const p = new SamplePlayer();
    p.setBank(bank, 2);
    p.handle([ev(0, 'start', 0), ev(1, 'start', 1, { loop: true })], false);
    expect(bank.log).toEqual(['play 1 -> 100', 'loop 1/100 true', 'volume 1/100 1']);
  });

  it('pausing holds every sound, state loads stop them, and a resumed state seeks into the sample', () => {
    const bank = new FakeBank();
    const p = new SamplePlayer();
    p.setBank(bank, 2);
    p.handle([ev(1, 'start', 1, { loop: true })], true);
    p.setPaused(true);
    p.setPaused(false);
    p.stopAll();
    p.handle([ev(1, 'start', 1, { loop: true, seek: 0.25 })], true);
    expect(bank.log.slice(3)).toEqual(['pause 1/100', 'resume 1/100', 'stop 1/100', 'play 1 -> 101', 'loop 1/101 true', 'volume 1/101 1', 'seek 1/101 0.25']);
    p.setBank(null, 0);
    expect(bank.log.slice(-2)).toEqual(['stop 1/101', 'unload']);
  });

  it('a one-shot that ended leaves its channel; a loop does not', () => {
    const p = new SamplePlayer(new FakeBank());
    p.handle([ev(0, 'start', 0), ev(1, 'start', 1, { loop: true })], true);
    p.ended(0, 100);
    p.ended(1, 101);
    expect(p.stats.active).toBe(1);
  });
});
