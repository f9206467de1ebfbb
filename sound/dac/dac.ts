/**
 * An 8-bit multiplying DAC as a sound stream (MAME's `dac_byte_device_base`): Gottlieb's MC1408 on the
 * rev. 1 sound board, written directly by the 6502.
 *
 * Facts (MAME 0.251 `src/devices/sound/dac.cpp` / `dac.h`, read through the search tool; no code copied):
 *  - the MC1408 is an unsigned 8-bit R-2R DAC: code c maps to c / 256 (gain 1);
 *  - with no voltage reference wired, a DAC's output range is -1..+1, so the sample is -1 + 2 · c / 256;
 *  - the output holds its value between writes, and a write takes effect at its exact machine time
 *    (MAME updates the stream before storing the new code).
 * The board's routing gain (0.25 on Gottlieb) is applied by the speaker, like MAME's `add_route`.
 * The stream runs at the output rate (48 kHz by default), so the mixer does not resample it.
 */
import { Device, type Serializer } from '../../src/core/device';
import { SoundStream, type SoundDevice } from '../../src/core/sound';

export class Dac8 extends Device implements SoundDevice {
  readonly streams: SoundStream[];
  private readonly stream: SoundStream;
  /** the code last written */
  code = 0;
  private level = -1;

  constructor(
    tag: string,
    readonly chipName = 'MC1408 DAC',
    rate = 48000,
  ) {
    super(tag, 0);
    this.stream = new SoundStream(rate, 1, (out, start, count) => out[0].fill(this.level, start, start + count));
    this.streams = [this.stream];
  }

  /** Data bus write (any offset): the new code takes effect now. */
  write(_offset: number, data: number): void {
    data &= 0xff;
    if (data === this.code) return;
    this.stream.update();
    this.code = data;
    this.level = dacLevel(data);
  }

  reset(): void {
    // MAME keeps the DAC's code across a reset (the device has no reset handler that clears it).
  }

  serialize(s: Serializer): void {
    this.code = s.u8(this.code);
    this.stream.serializeTiming(s); // the stream's position is this chip's state (save-state format 4)
  }

  override postLoad(): void {
    this.level = dacLevel(this.code);
  }
}

/** Output level of an unsigned 8-bit R-2R DAC over MAME's default -1..+1 range. */
export function dacLevel(code: number): number {
  return -1 + (2 * (code & 0xff)) / 256;
}
