/**
 * Namco WSG: the PROM-based 3-voice waveform sound generator of Pac-Man, Pengo, Dig Dug and friends.
 *
 * Games: every board of `drivers/namco/pacman*` (puckman, pacman, our pacdemo); reusable by other early
 * Namco boards with another voice count (the register layout below is the Pac-Man one).
 *
 * Sources:
 *  - `../shared/oracle/README.md` "Sound": registers 0x5040-0x505f, 96 kHz = 3.072 MHz / 32, frequency
 *    0x012c6 → 440 Hz, 0x5001 bit 0 = 0 silences the chip from the next frame on, and MAME's WAV peaks
 *    (voice 1 alone, volume 10, sine 0..15 → 6825; with voice 2 volume 12 square → 15017).
 *  - MAME 0.251 `sound/namco.cpp` (facts only, read through the search tool): the chip's register map,
 *    that a voice's sample is (PROM nibble - 8) × volume scaled by 2^8 / voices into 16 bits (a signed,
 *    offset-binary DAC: there is no DC removal, a silent voice sits at 0 only because volume 0 multiplies
 *    everything away), that a voice's phase counter only advances while its volume and its frequency are
 *    both non-zero, that a disabled chip outputs 0 and freezes every counter, and that CPU writes to the
 *    accumulator registers do not reach the counters in MAME's model.
 *  - Derivation of the scale from the measured peaks: voice 1's sine reaches nibble 0, (0 - 8) × 10 = -80;
 *    80 × 256 / 3 = 6826.7 → MAME's integer level 6826 (the WAV shows 6825 after its 48 kHz resampler);
 *    with voice 2 the worst case is -80 - 96 = -176 → 6826 + 8192 = 15018 (WAV: 15017). Both agree with
 *    level = trunc((nibble - 8) × volume × 256 / voices) on a 16-bit scale, i.e. / 32768 as float here.
 *
 * Register map (offset = address - 0x5040; only the low nibble of each write counts):
 *   0x00-0x04  voice 1 accumulator, nibbles 0-4      0x05  voice 1 waveform (bits 0-2)
 *   0x06-0x09  voice 2 accumulator, nibbles 1-4      0x0a  voice 2 waveform
 *   0x0b-0x0e  voice 3 accumulator, nibbles 1-4      0x0f  voice 3 waveform
 *   0x10-0x14  voice 1 frequency, bits 0-19 (low nibble first)   0x15  voice 1 volume
 *   0x16-0x19  voice 2 frequency, bits 4-19 (bits 0-3 are 0)      0x1a  voice 2 volume
 *   0x1b-0x1e  voice 3 frequency, bits 4-19                       0x1f  voice 3 volume
 *
 * The 20-bit phase accumulator of each voice advances by its frequency once per 96 kHz sample; its top
 * five bits (15-19) pick one of the 32 samples of the selected waveform, so f_out = f × 96000 / 2^20.
 *
 * Not emulated: the accumulator registers as CPU-writable RAM (MAME ignores those writes too, and our
 *   golden files come from MAME); the analogue resistor/4066 volume network (MAME: linear volumes).
 * MAME difference: MAME renders this chip at 192 kHz (clock doubled, one more fraction bit); the chip's
 *   own rate, used here, is 96 kHz. The waveform and its pitch are the same; only the instant a sample
 *   step happens is quantised to 1/96000 s instead of 1/192000 s.
 */
import { Device, type Serializer } from '../../src/core/device';
import { SoundStream, type SoundDevice } from '../../src/core/sound';

/** 8 waveforms × 32 samples of 4 bits (PROM 82s126 at 1m on Pac-Man). */
const WAVES = 8;
const WAVE_LEN = 32;
const VOLUMES = 16;
/** MAME's mix: 16-bit output, 4 volume bits, 4 sample bits → 2^(16-4-4) per step, shared by the voices. */
const MIX_LEVEL = 256;
const FULL_SCALE = 32768;
const ACC_MASK = 0xf_ffff;

export class NamcoWsg extends Device implements SoundDevice {
  /** part name shown in the library and -listxml (class names do not survive minification) */
  readonly chipName = 'Namco WSG (Pac-Man)';
  readonly streams: SoundStream[];
  readonly stream: SoundStream;
  /** the 32 register nibbles as last written (accumulator nibbles kept only for state/debug) */
  readonly regs = new Uint8Array(0x20);
  /** per voice: 20-bit frequency, phase accumulator, volume, waveform select */
  readonly frequency: Uint32Array;
  readonly counter: Uint32Array;
  readonly volume: Uint8Array;
  readonly waveSelect: Uint8Array;
  /** LS259 sound-enable line: 0 mutes the output and freezes the counters */
  enabled = 1;
  /** decoded waveforms: [volume][wave][sample] → output level, float with 1.0 = 16-bit full scale */
  private readonly levels: Float32Array;

  constructor(
    tag: string,
    clock: number,
    waveRom: Uint8Array,
    readonly voices = 3,
  ) {
    super(tag, clock);
    if (waveRom.length < WAVES * WAVE_LEN) throw new Error(`${tag}: waveform PROM has ${waveRom.length} bytes, needs ${WAVES * WAVE_LEN}`);
    // the Pac-Man register layout has room for three voices; larger Namco chips (15XX, CUS30) use other maps
    if (voices < 1 || voices > 3) throw new Error(`${tag}: ${voices} voices (1-3 supported by this register map)`);
    this.frequency = new Uint32Array(voices);
    this.counter = new Uint32Array(voices);
    this.volume = new Uint8Array(voices);
    this.waveSelect = new Uint8Array(voices);
    this.levels = new Float32Array(VOLUMES * WAVES * WAVE_LEN);
    for (let v = 0; v < VOLUMES; v++) {
      for (let i = 0; i < WAVES * WAVE_LEN; i++) {
        // MAME namco.cpp: 16-bit level = (nibble - 8) × volume × 256 / voices, C integer division (towards 0)
        const level = Math.trunc((((waveRom[i] & 0x0f) - 8) * v * MIX_LEVEL) / voices);
        this.levels[v * WAVES * WAVE_LEN + i] = level / FULL_SCALE;
      }
    }
    // the chip's own rate: 3.072 MHz / 32 = 96 kHz (clock given here is that 96 kHz)
    this.stream = new SoundStream(clock, 1, (out, start, count) => this.render(out[0], start, count));
    this.streams = [this.stream];
  }

  /** Register write, offset 0x00-0x1f (Pac-Man: 0x5040-0x505f). */
  write(offset: number, data: number): void {
    offset &= 0x1f;
    data &= 0x0f;
    if (this.regs[offset] === data) return;
    this.stream.update();
    this.regs[offset] = data;
    this.decode(offset);
  }

  /** Sound-enable input (Pac-Man: LS259 Q1 at 0x5001). */
  setEnable(state: number): void {
    const s = state ? 1 : 0;
    if (s === this.enabled) return;
    this.stream.update();
    this.enabled = s;
  }

  reset(): void {
    this.regs.fill(0);
    this.frequency.fill(0);
    this.counter.fill(0);
    this.volume.fill(0);
    this.waveSelect.fill(0);
    // MAME starts the chip enabled ("many games have no enable register"); on Pac-Man the board's
    // LS259 reset then drives the line low until the program writes 0x5001.
    this.enabled = 1;
  }

  serialize(s: Serializer): void {
    s.block(this.regs);
    s.block(this.frequency);
    s.block(this.counter);
    s.block(this.volume);
    s.block(this.waveSelect);
    this.enabled = s.u8(this.enabled);
    this.stream.serializeTiming(s);
  }

  /** Recompute the voice parameter a register belongs to. */
  private decode(offset: number): void {
    const r = this.regs;
    if (offset < 0x10) {
      // waveform selects at 0x05, 0x0a, 0x0f; the rest are accumulator nibbles (not fed to the counters)
      if (offset % 5 === 0 && offset > 0) {
        const ch = offset / 5 - 1;
        if (ch < this.voices) this.waveSelect[ch] = r[offset] & 7;
      }
      return;
    }
    const ch = offset === 0x10 ? 0 : ((offset - 0x11) / 5) | 0;
    if (ch >= this.voices) return;
    const base = 0x11 + ch * 5;
    if (offset === base + 4) {
      this.volume[ch] = r[offset];
      return;
    }
    // voice 1 has its own low nibble at 0x10; voices 2 and 3 have bits 0-3 = 0
    this.frequency[ch] = (ch === 0 ? r[0x10] : 0) | (r[base] << 4) | (r[base + 1] << 8) | (r[base + 2] << 12) | (r[base + 3] << 16);
  }

  private render(out: Float32Array, start: number, count: number): void {
    const end = start + count;
    out.fill(0, start, end);
    if (!this.enabled) return;
    const levels = this.levels;
    for (let ch = 0; ch < this.voices; ch++) {
      const vol = this.volume[ch];
      const f = this.frequency[ch];
      // MAME: a voice with volume 0 or frequency 0 adds nothing and keeps its phase
      if (vol === 0 || f === 0) continue;
      const base = (vol * WAVES + this.waveSelect[ch]) * WAVE_LEN;
      let c = this.counter[ch];
      for (let i = start; i < end; i++) {
        out[i] += levels[base + ((c >>> 15) & 0x1f)];
        c = (c + f) & ACC_MASK;
      }
      this.counter[ch] = c;
    }
  }
}
