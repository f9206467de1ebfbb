/**
 * Yamaha YM3812 (OPL2): 9 two-operator FM channels, four waveforms, rhythm mode, two timers with an IRQ
 * line, through an external YM3014 DAC (mantissa/exponent).
 *
 * Games: Snow Bros. (drivers/kaneko/snowbros.ts); later Raiden, Toki, Terra Cresta and many others.
 *
 * Sources (facts only, our own code):
 *  - MAME 0.251 runs this chip through Aaron Giles' ymfm (`ymfm_opl.cpp`, `ymfm_fm.ipp`, read through the
 *    search tool). We follow its arithmetic so our output matches MAME's: the 4.8 log-sine and exponent
 *    ROMs (generated here from their closed forms, which reproduce the die tables entry for entry), the
 *    10.10 phase accumulator stepped by ((fnum << 2 << block) >> 2) × multiple / 2, the envelope counter
 *    stepped by 4 per sample with the 6-bit rate, its shift and the 8-step increment patterns, attack as
 *    att += (~att × inc) >> 4, KSL/KSR, the AM LFO (210 × 64 triangle steps) and PM LFO (8192 steps, eight
 *    1024-step slices), the 23-bit rhythm noise LFSR, the rhythm-mode phase tricks, the modulator delay of
 *    pre-OPL3 chips (operator 2 is modulated by operator 1's previous sample), and the YM3014 round trip
 *    that drops low bits by exponent.
 *  - Yamaha YM3812 application manual: the register map below, timer 1 = 80 µs / timer 2 = 320 µs at
 *    3.58 MHz (at 3 MHz: 96 / 384 µs: ../shared/docs/DRIVER-TARGETS.md § Snow Bros., measured on MAME).
 *  - Sample rate = clock / 72 in integer Hz (MAME's stream: 3 MHz → 41666 Hz).
 *
 * Register map:
 *   01 bit 5 waveform select enable (ymfm honours E0-F5 regardless; so do we, to match MAME)
 *   02 timer 1 (×4 → 10-bit), 03 timer 2, 04 IRQ reset / masks / timer loads
 *   08 bit 7 CSM, bit 6 note select
 *   20-35 AM, VIB, EG type, KSR, multiple      40-55 KSL, total level
 *   60-75 attack, decay                        80-95 sustain level, release
 *   A0-A8 F-number low   B0-B8 key on, block, F-number high   C0-C8 feedback, connection
 *   BD AM depth, VIB depth, rhythm, BD SD TT TC HH key on      E0-F5 waveform (2 bits)
 *
 * Not emulated: CSM key-on (no board here uses it), the busy time between writes (the chip has no busy
 * flag to read).
 */
import { Device, type Serializer } from '../../src/core/device';
import { OutputLine } from '../../src/core/line';
import { clocksToAs, type Scheduler, type Timer } from '../../src/core/scheduler';
import { SoundStream, type SoundDevice } from '../../src/core/sound';

const CHANNELS = 9;
const OPERATORS = 18;
/** operators per sample × clock prescale: the chip produces one sample every 72 clocks */
const CLOCKS_PER_SAMPLE = OPERATORS * 4;

// Envelope states (ymfm numbering; 0 is OPLL's depress state, unused here).
const EG_ATTACK = 1, EG_DECAY = 2, EG_SUSTAIN = 3, EG_RELEASE = 4;
/** attenuation above which an operator contributes nothing (4.6 format) */
const EG_QUIET = 0x380;

const STATUS_TIMER_A = 0x40, STATUS_TIMER_B = 0x20, STATUS_IRQ = 0x80;
const KEYON_NORMAL = 1, KEYON_RHYTHM = 2;

/** 4.8 log attenuation of |sin| over a quarter wave: round(-log2(sin((i + 0.5)·π/512)) × 256). */
const LOG_SIN = new Uint16Array(256);
/** exponent ROM with the implicit 0x400 bit, ×4, reversed: (round((2^((255-i)/256) - 1) × 1024) | 0x400) << 2 */
const EXP = new Uint16Array(256);
for (let i = 0; i < 256; i++) {
  LOG_SIN[i] = Math.round(-Math.log2(Math.sin(((i + 0.5) * Math.PI) / 512)) * 256);
  EXP[i] = (Math.round((2 ** ((255 - i) / 256) - 1) * 1024) | 0x400) << 2;
}

/** The four OPL2 waveforms over 1024 phase steps: bits 0-14 attenuation, bit 15 sign. */
const WAVES = new Uint16Array(4 * 1024);
{
  const quarter = (i: number): number => LOG_SIN[(i & 0x100 ? ~i : i) & 0xff];
  const zero = quarter(0); // the quietest value stands for "no output" in the cut waveforms
  for (let i = 0; i < 1024; i++) {
    const sine = quarter(i) | ((i >> 9) & 1) << 15;
    WAVES[i] = sine; //                                          0: sine
    WAVES[1024 + i] = i & 0x200 ? zero : sine; //                1: half sine
    WAVES[2048 + i] = sine & 0x7fff; //                          2: |sine|
    WAVES[3072 + i] = i & 0x100 ? zero : sine & 0x7fff; //       3: quarter pulses
  }
}

/** 13-bit linear magnitude of a 5.8 attenuation. */
function attToVolume(att: number): number {
  return EXP[att & 0xff] >> (att >> 8);
}

/**
 * Envelope increments: for each 6-bit rate, eight 4-bit steps (step = bits 11-13 of the shifted counter).
 * Written as nibble strings, step 0 first (the common Yamaha EG pattern table, as ymfm has it).
 */
const INCREMENT = new Uint8Array(64 * 8);
{
  const low = ['01010101', '01011101', '01110111', '01111111'];
  const high = ['11111111', '11121112', '12121212', '12221222'];
  for (let rate = 0; rate < 64; rate++) {
    let pattern: string;
    let scale = 1;
    if (rate < 2) pattern = '00000000';
    else if (rate < 8) pattern = low[rate < 6 ? 0 : 2];
    else if (rate < 48) pattern = low[rate & 3];
    else if (rate < 60) { pattern = high[rate & 3]; scale = 1 << ((rate - 48) >> 2); }
    else { pattern = '11111111'; scale = 8; }
    for (let s = 0; s < 8; s++) INCREMENT[rate * 8 + s] = Number(pattern[s]) * scale;
  }
}

/** KSL attenuation (0.75 dB units) by the top 4 F-number bits at block 7; 8 less per block below. */
const KSL_TABLE = [0, 24, 32, 37, 40, 43, 45, 47, 48, 50, 51, 52, 53, 54, 55, 56];
/** PM LFO: 1.3 fractions of the top F-number bits over eight 1024-step slices. */
const PM_SCALE = [8, 4, 0, -4, -8, -4, 0, 4];
/** register offset of each operator (0-17): 0-5 → 0x00-0x05, 6-11 → 0x08-0x0d, 12-17 → 0x10-0x15 */
const OP_OFFSET = Array.from({ length: OPERATORS }, (_, op) => op + 2 * Math.floor(op / 6));
/** channel c uses operators OP_OF_CHANNEL[c] (modulator) and +3 (carrier) */
const OP_OF_CHANNEL = [0, 1, 2, 6, 7, 8, 12, 13, 14];
const CHANNEL_OF_OP = new Uint8Array(OPERATORS);
for (let c = 0; c < CHANNELS; c++) { CHANNEL_OF_OP[OP_OF_CHANNEL[c]] = c; CHANNEL_OF_OP[OP_OF_CHANNEL[c] + 3] = c; }

function effectiveRate(raw: number, ksr: number): number {
  return raw === 0 ? 0 : Math.min(raw + ksr, 63);
}

export class Ym3812 extends Device implements SoundDevice {
  readonly chipName = 'YM3812 OPL2';
  readonly streams: SoundStream[];
  readonly stream: SoundStream;
  /** IRQ output (1 = asserted), to the sound CPU's INT */
  readonly irq = new OutputLine();

  readonly regs = new Uint8Array(256);
  address = 0;
  status = 0;
  irqState = 0;
  private readonly irqMask = STATUS_TIMER_A | STATUS_TIMER_B;
  readonly timerRunning = new Uint8Array(2);
  private readonly timers: Timer[];

  // engine
  envCounter = 0;
  /** samples produced since power-on, mod 2^32 (ymfm `m_total_clocks`: timer B's free-running ×16 divider) */
  totalClocks = 0;
  modified = 1;
  prepareCount = 0;
  activeChannels = 0x1ff;
  lfoAmCounter = 0;
  lfoPmCounter = 0;
  lfoAm = 0;
  noiseLfsr = 1;

  // operators
  readonly phase = new Uint32Array(OPERATORS);
  readonly envAtt = new Uint16Array(OPERATORS);
  readonly envState = new Uint8Array(OPERATORS);
  readonly keyState = new Uint8Array(OPERATORS);
  readonly keyonLive = new Uint8Array(OPERATORS);
  // per-operator cache, rebuilt from the registers on the sample after a write (ymfm `prepare`)
  private readonly phaseStep = new Int32Array(OPERATORS); // -1: recomputed each sample (vibrato)
  private readonly blockFreq = new Uint16Array(OPERATORS);
  private readonly multiple = new Uint8Array(OPERATORS);
  private readonly totalLevel = new Uint16Array(OPERATORS);
  private readonly sustain = new Uint16Array(OPERATORS);
  private readonly egRate = new Uint8Array(OPERATORS * 5);
  private readonly wave = new Uint16Array(OPERATORS);
  private readonly amOn = new Uint8Array(OPERATORS);

  // channels
  readonly feedback = new Int16Array(CHANNELS * 2);
  readonly feedbackIn = new Int16Array(CHANNELS);

  constructor(tag: string, clock: number, private readonly scheduler: Scheduler) {
    super(tag, clock);
    this.stream = new SoundStream(Math.floor(clock / CLOCKS_PER_SAMPLE), 1, (out, start, count) => this.render(out[0], start, count));
    this.streams = [this.stream];
    this.timers = [0, 1].map((t) => scheduler.timer(this, `timer${t}`, () => this.timerExpired(t)));
  }

  // ---- bus ----------------------------------------------------------------------------------

  /** Offset 0: status; offset 1 reads nothing (0xff). */
  read(offset: number): number {
    return offset & 1 ? 0xff : (this.status & ~(this.regs[0x04] & 0x78)) | 0x06;
  }

  /** Offset 0: register address; offset 1: data. */
  write(offset: number, data: number): void {
    if ((offset & 1) === 0) { this.address = data & 0xff; return; }
    this.stream.update();
    this.writeRegister(this.address, data & 0xff);
  }

  private writeRegister(reg: number, data: number): void {
    if (reg === 0x04) { this.modeWrite(data); return; }
    this.modified = 1;
    this.regs[reg] = data;
    if (reg === 0xbd) {
      const mask = data & 0x20 ? data & 0x1f : 0;
      this.keyOnOff(6, mask & 0x10 ? 3 : 0, KEYON_RHYTHM);
      this.keyOnOff(7, (mask & 1) | ((mask >> 3) & 1) << 1, KEYON_RHYTHM);
      this.keyOnOff(8, ((mask >> 2) & 1) | ((mask >> 1) & 1) << 1, KEYON_RHYTHM);
    } else if ((reg & 0xf0) === 0xb0 && (reg & 0x0f) < CHANNELS) {
      this.keyOnOff(reg & 0x0f, data & 0x20 ? 3 : 0, KEYON_NORMAL);
    }
  }

  /** Both operators of a channel: bit 0 = modulator, bit 1 = carrier. */
  private keyOnOff(ch: number, states: number, source: number): void {
    const op = OP_OF_CHANNEL[ch];
    this.keyonLive[op] = states & 1 ? this.keyonLive[op] | source : this.keyonLive[op] & ~source;
    this.keyonLive[op + 3] = states & 2 ? this.keyonLive[op + 3] | source : this.keyonLive[op + 3] & ~source;
  }

  private modeWrite(data: number): void {
    this.modified = 1;
    // with bit 7 set only the IRQ reset is taken; the mask and load bits keep their values
    this.regs[0x04] = data & 0x80 ? this.regs[0x04] | 0x80 : data;
    const r = this.regs[0x04];
    if (r & 0x80) { this.setResetStatus(0, 0x78); return; }
    this.setResetStatus(0, (r & 0x20 ? STATUS_TIMER_B : 0) | (r & 0x40 ? STATUS_TIMER_A : 0));
    // timer B's ×16 divider runs freely, so its first period is short by the divider's phase
    this.updateTimer(1, (r >> 1) & 1, -((this.totalClocks + 1) & 15));
    this.updateTimer(0, r & 1, 0);
  }

  private setResetStatus(set: number, reset: number): void {
    this.status = (this.status | set) & ~reset;
    this.checkInterrupts();
  }

  private checkInterrupts(): void {
    const old = this.irqState;
    this.irqState = (this.status & this.irqMask & ~(this.regs[0x04] & 0x78)) !== 0 ? 1 : 0;
    if (this.irqState) this.status |= STATUS_IRQ; else this.status &= ~STATUS_IRQ;
    if (old !== this.irqState) this.irq.set(this.irqState);
  }

  /** Timer 1 counts (256 - N) × 4 × 72 clocks, timer 2 (256 - N) × 16 × 72; they reload until stopped. */
  private updateTimer(t: number, enable: number, delta: number): void {
    if (enable && !this.timerRunning[t]) {
      const period = (t === 0 ? 1024 - this.regs[0x02] * 4 : 16 * (256 - this.regs[0x03])) + delta;
      const clocks = period * CLOCKS_PER_SAMPLE;
      // MAME: attotime::from_ticks(clocks, chip clock)
      this.timers[t].adjust((clocks * this.scheduler.ticksPerSecond) / this.clock, t, 0, clocksToAs(clocks, this.clock));
      this.timerRunning[t] = 1;
    } else if (!enable) {
      this.timers[t].stop();
      this.timerRunning[t] = 0;
    }
  }

  private timerExpired(t: number): void {
    this.stream.update();
    this.setResetStatus(t === 0 ? STATUS_TIMER_A : STATUS_TIMER_B, 0);
    this.timerRunning[t] = 0;
    this.updateTimer(t, 1, 0);
  }

  // ---- sound generation ------------------------------------------------------------------------

  /** Refresh every operator's cached parameters and key state (ymfm `prepare`). */
  private prepare(): void {
    const r = this.regs;
    let active = 0;
    for (let op = 0; op < OPERATORS; op++) {
      const ch = CHANNEL_OF_OP[op];
      const o = OP_OFFSET[op];
      const bf = ((r[0xb0 + ch] & 0x1f) << 8) | r[0xa0 + ch];
      this.blockFreq[op] = bf;
      this.wave[op] = (r[0xe0 + o] & 3) << 10;
      this.amOn[op] = r[0x20 + o] >> 7;
      const block = bf >> 10;
      const keycode = (block << 1) | ((bf >> (9 - ((r[0x08] >> 6) & 1))) & 1);
      const m = r[0x20 + o] & 0x0f;
      const mul = ((m & 0x0e) | ((0xc2aa >> m) & 1)) * 2;
      this.multiple[op] = mul === 0 ? 1 : mul;
      this.phaseStep[op] = r[0x20 + o] & 0x40 ? -1 : phaseStepOf(bf, this.multiple[op], 0);
      let tl = (r[0x40 + o] & 0x3f) << 3;
      const kslBits = r[0x40 + o] >> 6;
      const ksl = ((kslBits >> 1) & 1) | ((kslBits & 1) << 1);
      if (ksl !== 0) tl += Math.max(0, KSL_TABLE[(bf >> 6) & 15] - 8 * (block ^ 7)) << ksl;
      this.totalLevel[op] = tl;
      let sl = r[0x80 + o] >> 4;
      sl |= (sl + 1) & 0x10;
      this.sustain[op] = sl << 5;
      const ksr = keycode >> (2 * (((r[0x20 + o] >> 4) & 1) ^ 1));
      const rr = effectiveRate((r[0x80 + o] & 15) * 4, ksr);
      this.egRate[op * 5 + EG_ATTACK] = effectiveRate((r[0x60 + o] >> 4) * 4, ksr);
      this.egRate[op * 5 + EG_DECAY] = effectiveRate((r[0x60 + o] & 15) * 4, ksr);
      this.egRate[op * 5 + EG_SUSTAIN] = r[0x20 + o] & 0x20 ? 0 : rr;
      this.egRate[op * 5 + EG_RELEASE] = rr;
      // key state follows the live key-on bits
      const key = this.keyonLive[op] !== 0 ? 1 : 0;
      if (key !== this.keyState[op]) {
        this.keyState[op] = key;
        if (key) this.startAttack(op);
        else if (this.envState[op] < EG_RELEASE) this.envState[op] = EG_RELEASE;
      }
      if (this.envState[op] !== EG_RELEASE || this.envAtt[op] < EG_QUIET) active |= 1 << ch;
    }
    this.activeChannels = active;
  }

  private startAttack(op: number): void {
    if (this.envState[op] === EG_ATTACK) return;
    this.envState[op] = EG_ATTACK;
    this.phase[op] = 0;
    if (this.egRate[op * 5 + EG_ATTACK] >= 62) this.envAtt[op] = 0;
  }

  private clockEnvelope(op: number, counter: number): void {
    let state = this.envState[op];
    let att = this.envAtt[op];
    if (state === EG_ATTACK && att === 0) state = EG_DECAY;
    if (state === EG_DECAY && att >= this.sustain[op]) state = EG_SUSTAIN;
    this.envState[op] = state;
    const rate = this.egRate[op * 5 + state];
    const shift = rate >> 2;
    const shifted = (counter << shift) >>> 0;
    if ((shifted & 0x7ff) !== 0) return;
    const inc = INCREMENT[rate * 8 + ((shifted >>> (shift <= 11 ? 11 : shift)) & 7)];
    if (state === EG_ATTACK) {
      if (rate < 62) att = (att + ((~att * inc) >> 4)) & 0xffff;
    } else {
      att += inc;
      if (att >= 0x400) att = 0x3ff;
    }
    this.envAtt[op] = att;
  }

  /** Signed 14-bit output of an operator at a 10-bit phase. */
  private volume(op: number, phase: number, am: number): number {
    const env = this.envAtt[op];
    if (env > EG_QUIET) return 0;
    const sin = WAVES[this.wave[op] + (phase & 0x3ff)];
    let att = env;
    if (this.amOn[op] !== 0) att += am;
    att += this.totalLevel[op];
    if (att > 0x3ff) att = 0x3ff;
    const v = attToVolume((sin & 0x7fff) + (att << 2));
    return sin & 0x8000 ? -v : v;
  }

  /** One sample: clock everything (ymfm `clock`), then sum the channels (ymfm `output`, rshift 1). */
  private sample(): number {
    this.totalClocks = (this.totalClocks + 1) >>> 0;
    if (this.modified !== 0 || this.prepareCount++ >= 4096) {
      this.prepare();
      this.modified = 0;
      this.prepareCount = 0;
    }
    this.envCounter = (this.envCounter + 4) >>> 0;
    const r = this.regs;

    // noise and LFOs
    let n = (this.noiseLfsr << 1) >>> 0;
    n = (n | (((n >>> 23) ^ (n >>> 9) ^ (n >>> 8) ^ (n >>> 1)) & 1)) >>> 0;
    this.noiseLfsr = n;
    const amCount = this.lfoAmCounter;
    this.lfoAmCounter = amCount >= 210 * 64 - 1 ? 0 : amCount + 1;
    const amShift = 9 - 2 * ((r[0xbd] >> 7) & 1);
    this.lfoAm = ((amCount < 105 * 64 ? amCount : 210 * 64 + 63 - amCount) >> amShift) & 0xff;
    const pmCount = this.lfoPmCounter;
    this.lfoPmCounter = (pmCount + 1) & 0xffff;
    const pm = PM_SCALE[(pmCount >> 10) & 7] >> (((r[0xbd] >> 6) & 1) ^ 1);

    for (let ch = 0; ch < CHANNELS; ch++) {
      this.feedback[ch * 2] = this.feedback[ch * 2 + 1];
      this.feedback[ch * 2 + 1] = this.feedbackIn[ch];
    }
    const counter = this.envCounter >>> 2;
    for (let op = 0; op < OPERATORS; op++) {
      // a released operator at full attenuation cannot change: skip its envelope step
      if (this.envState[op] !== EG_RELEASE || this.envAtt[op] !== 0x3ff) this.clockEnvelope(op, counter);
      let step = this.phaseStep[op];
      if (step < 0) step = phaseStepOf(this.blockFreq[op], this.multiple[op], pm);
      this.phase[op] = (this.phase[op] + step) >>> 0;
    }

    // output
    const am = this.lfoAm;
    const rhythm = (r[0xbd] & 0x20) !== 0;
    const active = this.activeChannels;
    let sum = 0;
    const last = rhythm ? 6 : CHANNELS;
    for (let ch = 0; ch < last; ch++) if (active & (1 << ch)) sum += this.output2op(ch, am);
    if (rhythm) {
      const p13 = this.phase[13] >>> 10, p17 = this.phase[17] >>> 10;
      const select = (((p13 >> 2) ^ (p13 >> 7)) & 1) | ((p13 >> 3) & 1) | (((p17 >> 5) ^ (p17 >> 3)) & 1);
      const noise = (this.noiseLfsr >>> 23) & 1;
      if (active & 0x40) sum += this.bassDrum(am) * 2;
      if (active & 0x80) {
        // high hat (operator 13) and snare drum (operator 16)
        let v = this.volume(13, (select << 9) | (0xd0 >> (2 * (noise ^ select))), am) >> 1;
        v += this.volume(16, (0x100 << ((p13 >> 8) & 1)) ^ (noise << 8), am) >> 1;
        sum += clamp16(v) * 2;
      }
      if (active & 0x100) {
        // tom-tom (operator 14) and top cymbal (operator 17)
        let v = this.volume(14, this.phase[14] >>> 10, am) >> 1;
        v += this.volume(17, 0x100 | (select << 9), am) >> 1;
        sum += clamp16(v) * 2;
      }
    }
    return roundTripDac(sum);
  }

  private feedbackMod(ch: number): number {
    const fb = (this.regs[0xc0 + ch] >> 1) & 7;
    return fb === 0 ? 0 : (this.feedback[ch * 2] + this.feedback[ch * 2 + 1]) >> (10 - fb);
  }

  private output2op(ch: number, am: number): number {
    const op = OP_OF_CHANNEL[ch];
    const v1 = this.volume(op, (this.phase[op] >>> 10) + this.feedbackMod(ch), am);
    this.feedbackIn[ch] = v1;
    if ((this.regs[0xc0 + ch] & 1) === 0) {
      // pre-OPL3 modulator delay: the carrier is modulated by the modulator's previous sample
      return this.volume(op + 3, (this.phase[op + 3] >>> 10) + (this.feedback[ch * 2 + 1] >> 1), am) >> 1;
    }
    // additive: the modulator's previous sample too (MODULATOR_DELAY), both halved
    return clamp16((this.feedback[ch * 2 + 1] >> 1) + (this.volume(op + 3, this.phase[op + 3] >>> 10, am) >> 1));
  }

  /** Channel 6 in rhythm mode: a normal FM pair, except connection 1 drops the modulator from the sum. */
  private bassDrum(am: number): number {
    const v1 = this.volume(12, (this.phase[12] >>> 10) + this.feedbackMod(6), am);
    this.feedbackIn[6] = v1;
    const mod = this.regs[0xc6] & 1 ? 0 : v1 >> 1;
    return this.volume(15, (this.phase[15] >>> 10) + mod, am) >> 1;
  }

  private render(out: Float32Array, start: number, count: number): void {
    for (let i = 0; i < count; i++) out[start + i] = this.sample() / 32768;
  }

  // ---- device ------------------------------------------------------------------------------------

  reset(): void {
    // ymfm reset: status cleared, registers zeroed, mode register written with 0 (timers stop),
    // channels and operators silenced; the envelope counter, LFOs and noise keep running
    this.status = 0;
    this.regs.fill(0);
    this.regs[0x04] = 0;
    this.modeWrite(0);
    this.feedback.fill(0);
    this.feedbackIn.fill(0);
    this.phase.fill(0);
    this.envAtt.fill(0x3ff);
    this.envState.fill(EG_RELEASE);
    this.keyState.fill(0);
    this.keyonLive.fill(0);
    this.modified = 1;
  }

  serialize(s: Serializer): void {
    s.block(this.regs);
    this.address = s.u8(this.address);
    this.status = s.u8(this.status);
    this.irqState = s.u8(this.irqState);
    s.block(this.timerRunning);
    this.envCounter = s.u32(this.envCounter);
    this.totalClocks = s.u32(this.totalClocks);
    this.prepareCount = s.u32(this.prepareCount);
    this.lfoAmCounter = s.u16(this.lfoAmCounter);
    this.lfoPmCounter = s.u16(this.lfoPmCounter);
    this.lfoAm = s.u8(this.lfoAm);
    this.noiseLfsr = s.u32(this.noiseLfsr);
    s.block(this.phase);
    s.block(this.envAtt);
    s.block(this.envState);
    this.stream.serializeTiming(s); // the stream's position is this chip's state (save-state format 4)
    s.block(this.keyState);
    s.block(this.keyonLive);
    s.block(this.feedback);
    s.block(this.feedbackIn);
    // the operator cache is rebuilt from the registers on the next sample
    this.modified = 1;
  }
}

/** Phase step in 10.10 units: F-number as a 12-bit fraction, vibrato from its top 3 bits, block, multiple (x.1). */
function phaseStepOf(bf: number, multiple: number, pm: number): number {
  let fnum = (bf & 0x3ff) << 2;
  if (pm !== 0) fnum = (fnum + ((pm * ((bf >> 7) & 7)) >> 1)) & 0xfff;
  const step = (fnum << ((bf >> 10) & 7)) >> 2;
  return (step * multiple) >> 1;
}

function clamp16(v: number): number {
  return v < -32768 ? -32768 : v > 32767 ? 32767 : v;
}

/** YM3014 DAC: 10-bit mantissa and 3-bit exponent, so the low bits below the exponent are lost. */
function roundTripDac(v: number): number {
  if (v < -32768) return -32768;
  if (v > 32767) return 32767;
  const scan = v ^ (v >> 31);
  let exponent = 7 - Math.clz32((scan << 17) >>> 0);
  if (exponent < 1) exponent = 1;
  exponent -= 1;
  return (v >> exponent) << exponent;
}
