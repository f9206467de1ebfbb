/**
 * Atari C012294 POKEY: four sound channels, polynomial noise, timers, pots, keyboard scan and serial port.
 *
 * Boards: Centipede (drivers/atari/centiped.ts); reusable by Millipede, Missile Command, Gauntlet and the
 * other Atari boards (two POKEYs on Millipede: two instances).
 *
 * Sources (facts only; MAME's code is not copied):
 *  - MAME 0.251 `sound/pokey.cpp` (chip emulator 4.x), read through the search tool: register map below,
 *    the per-clock model (prescalers 28 and 114, 8-bit up-counters reloaded with AUDF ^ 0xff, a borrow
 *    that completes 1 clock after the wrap at the slow clocks, 4 clocks at the CPU clock, 7 joined),
 *    the 4/5/9/17-bit polynomial tables and their step per clock, the distortion selection, the
 *    high-pass "filter" flip-flops clocked by channels 3/4, volume-only mode, STIMER, SKCTL reset
 *    (bits 0-1 = 0 hold the polynomials and prescalers at 0 and clear IRQEN/SKSTAT errors), the read
 *    registers (POTx, ALLPOT, KBCODE, RANDOM, SERIN, IRQST and SKSTAT active low, others 0xff) and the
 *    output stage "op-amp low pass" Centipede uses: a resistor DAC per volume bit (90k, 26.5k, 8.05k,
 *    3.4k; 8M when off) into a 3.3k feedback resistor and a 0.01 µF capacitor.
 *  - ../shared/docs/DRIVER-TARGETS.md § Centipede (measured on MAME 0.251): at 1.512 MHz a slow-clock
 *    channel plays base / (2 (N + 1)), a CPU-clock channel 1,512,000 / (2 (N + 4)), a joined pair
 *    / (2 (N + 7)); volume bits weigh about 594/2033/6709/15895 in MAME's 16-bit WAV (gain 0.5) behind
 *    a ~4.8 kHz low-pass.
 *
 * The chip is stepped one input clock per output sample (the stream runs at the chip clock, as MAME's
 * does); between prescaler ticks nothing but the polynomial counters moves, so those stretches are
 * skipped in one step.
 *
 * Scheduling as in MAME 0.251, where the POKEY is an execute device run after the CPU in every timeslice:
 * `run(budget)` (the scheduler's CPU contract) steps the chip and records its samples, and stops early on
 * the clock a timer borrow raises an enabled IRQ or the pot scan latches (MAME synchronizes there). A CPU
 * read therefore sees the chip where the last slice left it; the board applies writes from a zero-delay
 * timer, after the chip has caught up with the CPU (MAME `synchronize(sync_write)`). Used alone (unit
 * tests, no scheduler), `write` and the stream step the chip themselves.
 *
 * Register map (offset & 15):
 *   write: 0 AUDF1 1 AUDC1 2 AUDF2 3 AUDC2 4 AUDF3 5 AUDC3 6 AUDF4 7 AUDC4 8 AUDCTL 9 STIMER 10 SKREST
 *          11 POTGO 13 SEROUT 14 IRQEN 15 SKCTL
 *   read:  0-7 POT0-7 8 ALLPOT 9 KBCODE 10 RANDOM 13 SERIN 14 IRQST 15 SKSTAT (11, 12: 0xff)
 *
 * Not emulated: the serial port's bit timing (SEROUT sets the MAME-arbitrary 200 µs / 2 ms ready and
 *   complete interrupts; no board here listens), the keyboard scan (no board here has a keyboard).
 */
import type { CpuDevice, Disassembly, RegisterInfo } from '../../src/core/cpu';
import { Device, type Serializer, type WriteLine, unconnected } from '../../src/core/device';
import { SoundStream, type SoundDevice } from '../../src/core/sound';

// AUDCx
const NOTPOLY5 = 0x80;
const POLY4 = 0x40;
const PURE = 0x20;
const VOLUME_ONLY = 0x10;
// AUDCTL
const POLY9 = 0x80;
const CH1_HICLK = 0x40;
const CH3_HICLK = 0x20;
const CH12_JOINED = 0x10;
const CH34_JOINED = 0x08;
const CH1_FILTER = 0x04;
const CH2_FILTER = 0x02;
const CLK_15KHZ = 0x01;
// IRQ bits (IRQEN / IRQST)
export const IRQ_SEROR = 0x10;
export const IRQ_SEROC = 0x08;
export const IRQ_TIMR4 = 0x04;
export const IRQ_TIMR2 = 0x02;
export const IRQ_TIMR1 = 0x01;
// SKSTAT / SKCTL
const SK_FRAME = 0x80;
const SK_KBERR = 0x40;
const SK_OVERRUN = 0x20;
const SK_SEROUT = 0x02;
const SK_TWOTONE = 0x08;
const SK_PADDLE = 0x04;
const SK_RESET = 0x03;
const SK_KEYSCAN = 0x02;

/** prescalers from the input clock: "64 kHz" and "15 kHz" */
const DIV_64 = 28;
const DIV_15 = 114;
/** borrow delays: a channel at the input clock reloads 4 clocks after wrapping, a joined pair 7 */
const BORROW_LOW = 1;
const BORROW_HI = 4;
const BORROW_HI_JOINED = 7;
/** a pot that never charges reads this */
const POT_MAX = 228;

function polyTable45(size: number): Uint8Array {
  // MAME 0.251: shift left, new bit = NOT(bit 2 XOR bit size-1); only bit 0 of each step is used.
  const mask = (1 << size) - 1;
  const out = new Uint8Array(mask);
  let lfsr = 0;
  for (let i = 0; i < mask; i++) {
    lfsr = ((lfsr << 1) | (~((lfsr >> 2) ^ (lfsr >> (size - 1))) & 1)) & mask;
    out[i] = lfsr;
  }
  return out;
}

function polyTable917(size: 9 | 17): Uint32Array {
  // MAME 0.251: start all ones, shift right one bit per clock; the 17-bit one feeds bit 16 from bit 0
  // and bit 7 from bits 8 ^ 13, the 9-bit one feeds bit 8 from bits 0 ^ 5.
  const mask = (1 << size) - 1;
  const out = new Uint32Array(mask);
  let lfsr = mask;
  for (let i = 0; i < mask; i++) {
    if (size === 17) {
      const in8 = ((lfsr >> 8) ^ (lfsr >> 13)) & 1;
      const inb = lfsr & 1;
      lfsr >>>= 1;
      lfsr = (lfsr & 0xff7f) | (in8 << 7) | (inb << 16);
    } else {
      const inb = (lfsr ^ (lfsr >> 5)) & 1;
      lfsr = (lfsr >>> 1) | (inb << 8);
    }
    out[i] = lfsr;
  }
  return out;
}

const POLY4_TABLE = polyTable45(4);
const POLY5_TABLE = polyTable45(5);
const POLY9_TABLE = polyTable917(9);
const POLY17_TABLE = polyTable917(17);

/** Write registers by offset (MAME's state names where it has one). */
const POKEY_WRITE_REGS = ['AUDF1', 'AUDC1', 'AUDF2', 'AUDC2', 'AUDF3', 'AUDC3', 'AUDF4', 'AUDC4', 'AUDCTL', 'STIMER', 'SKREST', 'POTGO', '', 'SEROUT', 'IRQEN', 'SKCTL'];
const POKEY_REGISTERS: readonly RegisterInfo[] = ['AUDF1', 'AUDC1', 'AUDF2', 'AUDC2', 'AUDF3', 'AUDC3', 'AUDF4', 'AUDC4', 'AUDCTL', 'SEROUT', 'IRQEN', 'SKCTL']
  .map((name) => ({ name, bits: 8 }));

/** How the chip's output pin is turned into sound (MAME `pokey_device::output_type`). */
export type PokeyOutput =
  | { kind: 'linear' }
  /** op-amp with the DAC resistors in the input leg: V = Rf / Rdac × Vref / 5, RC low-pass Rf·C */
  | { kind: 'opampLowPass'; rFeedback: number; capacitance: number; vRef: number };

/** Conductance of one channel's DAC for a 4-bit volume (MAME's resistor values; 8 MΩ for an off bit). */
function channelConductance(volume: number): number {
  const R = [90000, 26500, 8050, 3400];
  let g = 1e-12;
  for (let i = 0; i < 4; i++) g += (volume >> i) & 1 ? 1 / R[i] : 1 / 8e6;
  return g;
}

export class Pokey extends Device implements SoundDevice, CpuDevice {
  readonly chipName = 'Atari C012294 POKEY';
  readonly streams: SoundStream[];
  readonly stream: SoundStream;
  /** IRQ output (active high here): any IRQST bit that is enabled */
  irqOut: WriteLine = unconnected;
  /** POT0-7 inputs (MAME `pot_r`), null = not connected; ALLPOT override (MAME `allpot_r`) */
  readonly potRead: (((pot: number) => number) | null)[] = new Array(8).fill(null);
  allpotRead: (() => number) | null = null;

  readonly audf = new Uint8Array(4);
  readonly audc = new Uint8Array(4);
  private readonly counter = new Uint8Array(4);
  private readonly borrow = new Uint8Array(4);
  private readonly out = new Uint8Array(4);
  private readonly filterSample = new Uint8Array(4);
  private clk28 = 0;
  private clk114 = 0;
  private p4 = 0;
  private p5 = 0;
  private p9 = 0;
  p17 = 0;
  audctl = 0;
  skctl = 0;
  private skstat = 0;
  private irqst = IRQ_SEROC;
  irqen = 0;
  private allpot = 0;
  private kbcode = 0x09;
  private serin = 0;
  private serout = 0;
  private potCounter = 0;
  private readonly potx = new Uint8Array(8);
  /** serial timers (MAME: SEROUT ready after 200 µs, complete after 2 ms), in input clocks; 0 = idle */
  private seroutReady = 0;
  private seroutComplete = 0;
  /** the four 4-bit output levels packed as MAME's raw output (channel n in bits 4n..4n+3) */
  private outRaw = 0;
  private filtered = 0;
  private irqLine = 0;

  /** output stage: level per raw value (Float32 for 64K entries) and the low-pass step */
  private readonly levels: Float32Array;
  private readonly lowPass: number;

  /** samples produced by `run` and not yet taken by the stream; a stream ahead of the chip holds the level */
  private produced = new Float32Array(4096);
  private producedCount = 0;
  private owed = 0;
  /** true once the scheduler drives the chip (`run` was called) */
  private scheduled = false;
  private cyc = 0;
  private end = 0;
  private syncRaised = false;

  constructor(tag: string, clock: number, output: PokeyOutput = { kind: 'linear' }) {
    super(tag, clock);
    this.levels = new Float32Array(0x10000);
    if (output.kind === 'opampLowPass') {
      const g = new Float64Array(16);
      for (let v = 0; v < 16; v++) g[v] = channelConductance(v);
      for (let raw = 0; raw < 0x10000; raw++) {
        const total = g[raw & 15] + g[(raw >> 4) & 15] + g[(raw >> 8) & 15] + g[(raw >> 12) & 15];
        // MAME: V = Rf / (1 / Gtotal) × Vref / 5, on the ±1.0 stream scale
        this.levels[raw] = output.rFeedback * total * output.vRef / 5;
      }
      const period = 1 / clock;
      this.lowPass = output.capacitance === 0 ? 1 : 1 - Math.exp(-period / (output.capacitance * output.rFeedback));
    } else {
      // MAME's legacy gain: (sum of volumes) × 32767 / 11 / 4, clipped at 0x7fff
      const gain = Math.floor(32767 / 11 / 4);
      for (let raw = 0; raw < 0x10000; raw++) {
        const sum = (raw & 15) + ((raw >> 4) & 15) + ((raw >> 8) & 15) + ((raw >> 12) & 15);
        this.levels[raw] = Math.min(sum * gain, 0x7fff) / 32768;
      }
      this.lowPass = 1;
    }
    this.stream = new SoundStream(clock, 1, (o, start, count) => (this.scheduled ? this.deliver(o[0], start, count) : this.render(o[0], start, count)));
    this.streams = [this.stream];
    this.powerOn();
  }

  // ---- bus -------------------------------------------------------------------------------------

  /** Register read; the caller has brought the chip up to the moment it reads (see the board). */
  read(offset: number): number {
    switch (offset & 15) {
      case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: {
        const pot = offset & 7;
        return this.allpot & (1 << pot) ? this.potx[pot] : this.potCounter;
      }
      case 8:
        if ((this.skctl & SK_RESET) === 0) return this.allpot;
        if (this.allpotRead !== null) return (this.allpot = this.allpotRead() & 0xff);
        return this.allpot ^ 0xff;
      case 9:
        return this.kbcode;
      case 10:
        return this.audctl & POLY9 ? POLY9_TABLE[this.p9] & 0xff : (POLY17_TABLE[this.p17] >>> 8) & 0xff;
      case 13:
        return this.serin;
      case 14:
        return this.irqst ^ 0xff;
      case 15:
        return this.skstat ^ 0xff;
      default:
        return 0xff;
    }
  }

  /** Register write, applied at the current time (unscheduled use: the stream is brought up to it first). */
  write(offset: number, data: number): void {
    if (!this.scheduled) this.stream.update();
    this.writeNow(offset & 15, data & 0xff);
  }

  /** Apply a register write to the chip as it stands now. */
  writeNow(reg: number, data: number): void {
    reg &= 15;
    data &= 0xff;
    switch (reg) {
      case 0: case 2: case 4: case 6:
        this.audf[reg >> 1] = data;
        break;
      case 1: case 3: case 5: case 7:
        this.audc[reg >> 1] = data;
        break;
      case 8:
        this.audctl = data;
        break;
      case 9: // STIMER: every counter reloads, outputs low, filters of channels 1-2 high
        for (let ch = 0; ch < 4; ch++) {
          this.reload(ch);
          this.out[ch] = 0;
          this.filterSample[ch] = ch < 2 ? 1 : 0;
        }
        break;
      case 10: // SKREST
        this.skstat &= ~(SK_FRAME | SK_OVERRUN | SK_KBERR);
        break;
      case 11: // POTGO (MAME 0.251: only while the chip is out of reset)
        if (this.skctl & SK_RESET) this.potGo();
        break;
      case 13: // SEROUT
        this.serout = data;
        this.irqst &= ~IRQ_SEROC;
        this.skstat |= SK_SEROUT;
        this.seroutReady = Math.max(1, Math.round(this.clock * 200e-6));
        this.seroutComplete = Math.max(1, Math.round(this.clock * 2000e-6));
        break;
      case 14: // IRQEN: disabling a source acknowledges it (SEROC stays, as in MAME)
        this.irqst &= IRQ_SEROC | data;
        this.irqen = data;
        this.updateIrq();
        break;
      case 15: {
        if (data === this.skctl) break;
        this.skctl = data;
        if ((data & SK_RESET) === 0) {
          this.irqst &= IRQ_SEROC;
          this.irqen = 0;
          this.skstat &= ~(SK_FRAME | SK_OVERRUN | SK_KBERR);
          this.p4 = this.p5 = this.p9 = this.p17 = 0;
          this.clk28 = this.clk114 = 0;
          this.updateIrq();
        }
        break;
      }
      default:
        break;
    }
    this.outRaw = this.computeRaw();
  }

  private potGo(): void {
    this.allpot = 0;
    this.potCounter = 0;
    for (let pot = 0; pot < 8; pot++) {
      this.potx[pot] = POT_MAX;
      const cb = this.potRead[pot];
      if (cb !== null) {
        const r = Math.min(cb(pot) & 0xff, POT_MAX);
        if (r === 0) this.allpot |= 1 << pot; // no capacitor: ready at once
        this.potx[pot] = r;
      }
    }
  }

  private updateIrq(): void {
    const line = this.irqst & this.irqen ? 1 : 0;
    if (line !== this.irqLine) {
      this.irqLine = line;
      this.irqOut(line);
    }
  }

  // ---- the clock ---------------------------------------------------------------------------------

  /** MAME `reset_channel`: reload the counter from AUDF and drop a borrow in progress. */
  private reload(ch: number): void {
    this.counter[ch] = this.audf[ch] ^ 0xff;
    this.borrow[ch] = 0;
  }

  /** Count one clock on channel `ch`; on the wrap to 0 the borrow starts (`delay` clocks to reload). */
  private inc(ch: number, delay: number): void {
    const c = (this.counter[ch] + 1) & 0xff;
    this.counter[ch] = c;
    if (c === 0 && this.borrow[ch] === 0) {
      this.borrow[ch] = delay;
      const mask = ch === 0 ? IRQ_TIMR1 : ch === 1 ? IRQ_TIMR2 : ch === 3 ? IRQ_TIMR4 : 0;
      if (this.irqen & mask) {
        this.irqst |= mask;
        this.updateIrq();
        this.syncRaised = true; // MAME synchronizes here: the chip's slice ends after this clock
      }
    }
  }

  /** True on the clock the borrow completes. */
  private borrowDone(ch: number): boolean {
    const b = this.borrow[ch];
    if (b === 0) return false;
    this.borrow[ch] = b - 1;
    return b === 1;
  }

  /** A channel's output flip-flop on its borrow: pure tone toggles, noise samples a polynomial. */
  private process(ch: number): void {
    const audc = this.audc[ch];
    if (audc & NOTPOLY5 || POLY5_TABLE[this.p5] & 1) {
      if (audc & PURE) this.out[ch] ^= 1;
      else if (audc & POLY4) this.out[ch] = POLY4_TABLE[this.p4] & 1;
      else if (this.audctl & POLY9) this.out[ch] = POLY9_TABLE[this.p9] & 1;
      else this.out[ch] = POLY17_TABLE[this.p17] & 1;
    }
  }

  private computeRaw(): number {
    let sum = 0;
    for (let ch = 0; ch < 4; ch++) {
      const audc = this.audc[ch];
      if ((this.out[ch] ^ this.filterSample[ch]) !== 0 || audc & VOLUME_ONLY) sum |= (audc & 15) << (ch * 4);
    }
    return sum;
  }

  /** One input clock (MAME `step_one_clock`). */
  private step(): void {
    const audctl = this.audctl;
    if (this.skctl & SK_RESET) {
      if (++this.p4 === 0x0f) this.p4 = 0;
      if (++this.p5 === 0x1f) this.p5 = 0;
      if (++this.p9 === 0x1ff) this.p9 = 0;
      if (++this.p17 === 0x1ffff) this.p17 = 0;
      let t28 = false, t114 = false;
      if (++this.clk28 >= DIV_64) { this.clk28 = 0; t28 = true; }
      if (++this.clk114 >= DIV_15) { this.clk114 = 0; t114 = true; }
      const base = audctl & CLK_15KHZ ? t114 : t28;
      if (audctl & CH1_HICLK) this.inc(0, audctl & CH12_JOINED ? BORROW_HI_JOINED : BORROW_HI);
      else if (base) this.inc(0, BORROW_LOW);
      if (audctl & CH3_HICLK) this.inc(2, audctl & CH34_JOINED ? BORROW_HI_JOINED : BORROW_HI);
      else if (base) this.inc(2, BORROW_LOW);
      if (base) {
        if (!(audctl & CH12_JOINED)) this.inc(1, BORROW_LOW);
        if (!(audctl & CH34_JOINED)) this.inc(3, BORROW_LOW);
      }
      if ((t114 || this.skctl & SK_PADDLE) && this.potCounter < POT_MAX) this.stepPot();
    }
    let changed = false;
    if (this.borrowDone(2)) {
      if (audctl & CH34_JOINED) this.inc(3, BORROW_LOW);
      else this.reload(2);
      this.process(2);
      if (audctl & CH1_FILTER) this.filterSample[0] = this.out[0];
      else this.filterSample[0] = 1;
      changed = true;
    }
    if (this.borrowDone(3)) {
      if (audctl & CH34_JOINED) this.reload(2);
      this.reload(3);
      this.process(3);
      if (audctl & CH2_FILTER) this.filterSample[1] = this.out[1];
      else this.filterSample[1] = 1;
      changed = true;
    }
    if (this.skctl & SK_TWOTONE && this.borrow[1] === 1) {
      this.reload(0);
      changed = true;
    }
    if (this.borrowDone(0)) {
      if (audctl & CH12_JOINED) this.inc(1, BORROW_LOW);
      else this.reload(0);
      this.process(0);
      changed = true;
    }
    if (this.borrowDone(1)) {
      if (audctl & CH12_JOINED) this.reload(0);
      this.reload(1);
      this.process(1);
      changed = true;
    }
    if (changed) this.outRaw = this.computeRaw();
  }

  private stepPot(): void {
    this.potCounter++;
    let latched = 0;
    for (let pot = 0; pot < 8; pot++)
      if (this.potx[pot] < this.potCounter || this.potCounter === POT_MAX) latched |= 1 << pot;
    if (latched !== 0) {
      this.allpot |= latched;
      this.syncRaised = true; // MAME: the latch reaches ALLPOT through a synchronize
    }
  }

  /** Serial-port timers, counted in input clocks (they run whatever SKCTL says, as MAME's timers do). */
  private stepSerial(n: number): void {
    if (this.seroutReady > 0 && (this.seroutReady -= n) <= 0) {
      this.seroutReady = 0;
      if (this.irqen & IRQ_SEROR) { this.irqst |= IRQ_SEROR; this.updateIrq(); }
    }
    if (this.seroutComplete > 0 && (this.seroutComplete -= n) <= 0) {
      this.seroutComplete = 0;
      this.irqst |= IRQ_SEROC;
      this.updateIrq();
    }
  }

  /**
   * Clocks until something other than the polynomial counters and prescalers can happen: a prescaler
   * tick, a pending borrow, a channel on the input clock, or the pot counter in fast mode.
   */
  private quietClocks(limit: number): number {
    const audctl = this.audctl;
    if (this.borrow[0] | this.borrow[1] | this.borrow[2] | this.borrow[3]) return 0;
    if ((this.skctl & SK_RESET) === 0) return limit; // counters frozen
    if (audctl & (CH1_HICLK | CH3_HICLK)) return 0;
    if (this.skctl & SK_PADDLE && this.potCounter < POT_MAX) return 0;
    // the step that makes clk28 reach 28 (or clk114 reach 114) is not quiet
    const n = Math.min(DIV_64 - 1 - this.clk28, DIV_15 - 1 - this.clk114);
    return n < limit ? n : limit;
  }

  private skip(n: number): void {
    if (this.skctl & SK_RESET) {
      this.p4 = (this.p4 + n) % 0x0f;
      this.p5 = (this.p5 + n) % 0x1f;
      this.p9 = (this.p9 + n) % 0x1ff;
      this.p17 = (this.p17 + n) % 0x1ffff;
      this.clk28 += n;
      this.clk114 += n;
    }
  }

  private render(buf: Float32Array, start: number, count: number): void {
    const levels = this.levels, k = this.lowPass;
    let y = this.filtered;
    let i = start;
    const end = start + count;
    if (this.seroutReady > 0 || this.seroutComplete > 0) this.stepSerial(count);
    while (i < end) {
      const quiet = this.quietClocks(end - i);
      if (quiet > 0) {
        this.skip(quiet);
        const v = levels[this.outRaw];
        for (const stop = i + quiet; i < stop; i++) { y += (v - y) * k; buf[i] = y; }
        continue;
      }
      this.step();
      y += (levels[this.outRaw] - y) * k;
      buf[i++] = y;
    }
    this.filtered = y;
  }

  // ---- execution (the scheduler's CPU contract, MAME's device_execute_interface) ------------------------

  /** Step up to `budget` clocks; stop after a clock that synchronized (IRQ or pot latch). */
  run(budget: number): number {
    this.scheduled = true;
    this.cyc = 0;
    this.end = budget;
    if (this.producedCount + budget > this.produced.length) {
      const next = new Float32Array(Math.max(this.produced.length * 2, this.producedCount + budget));
      next.set(this.produced.subarray(0, this.producedCount));
      this.produced = next;
    }
    if (this.seroutReady > 0 || this.seroutComplete > 0) this.stepSerial(budget);
    const levels = this.levels, k = this.lowPass, buf = this.produced;
    let y = this.filtered, i = this.producedCount;
    while (this.cyc < this.end) {
      const quiet = this.quietClocks(this.end - this.cyc);
      if (quiet > 0) {
        this.skip(quiet);
        const v = levels[this.outRaw];
        for (const stop = i + quiet; i < stop; i++) { y += (v - y) * k; buf[i] = y; }
        this.cyc += quiet;
        continue;
      }
      this.syncRaised = false;
      this.step();
      y += (levels[this.outRaw] - y) * k;
      buf[i++] = y;
      this.cyc++;
      if (this.syncRaised) break;
    }
    this.filtered = y;
    // a stream that already took samples the chip had not made yet (it held the level) is paid back here
    const pay = Math.min(this.owed, i - this.producedCount);
    if (pay > 0) { buf.copyWithin(this.producedCount, this.producedCount + pay, i); i -= pay; this.owed -= pay; }
    this.producedCount = i;
    return this.cyc;
  }

  /** The stream takes the chip's samples; if it asks for more than were made, it holds the level. */
  private deliver(out: Float32Array, start: number, count: number): void {
    const n = Math.min(count, this.producedCount);
    out.set(this.produced.subarray(0, n), start);
    if (n < count) {
      out.fill(this.filtered, start + n, start + count);
      this.owed += count - n;
    }
    this.produced.copyWithin(0, n, this.producedCount);
    this.producedCount -= n;
  }

  endSlice(): void { this.end = this.cyc; }
  sliceCycles(): number { return this.cyc; }
  setIrq(_state: number): void {}
  setNmi(_state: number): void {}
  pcValue(): number { return 0; }
  registerInfo(): readonly RegisterInfo[] { return POKEY_REGISTERS; }
  getRegister(name: string): number {
    const v = this.registers()[name.toUpperCase()];
    if (v === undefined) throw new Error(`pokey: no register '${name}'`);
    return v;
  }
  setRegister(name: string, value: number): void {
    const reg = POKEY_WRITE_REGS.indexOf(name.toUpperCase());
    if (reg < 0) throw new Error(`pokey: no register '${name}'`);
    this.writeNow(reg, value);
  }
  disassemble(_addr: number, _peek: (addr: number) => number): Disassembly {
    return { text: '', length: 1 };
  }

  // ---- device ------------------------------------------------------------------------------------

  /** MAME 0.251: the chip has no reset pin, so a board reset only restarts the pot scan (`device_reset`). */
  reset(): void {
    this.stream.update();
    this.potGo();
  }

  /** Power-on values (MAME `device_start`): AUDCx 0xb0, SKCTL 0 (held in reset), IRQST with SEROC. */
  private powerOn(): void {
    this.audf.fill(0);
    this.audc.fill(0xb0);
    this.counter.fill(0);
    this.borrow.fill(0);
    this.out.fill(0);
    this.filterSample.fill(0);
    this.clk28 = this.clk114 = 0;
    this.p4 = this.p5 = this.p9 = this.p17 = 0;
    this.audctl = 0;
    this.skctl = 0;
    this.skstat = 0;
    this.irqst = IRQ_SEROC;
    this.irqen = 0;
    this.kbcode = 0x09;
    this.serin = 0;
    this.serout = 0;
    this.seroutReady = this.seroutComplete = 0;
    this.potx.fill(0);
    this.potGo();
    this.outRaw = this.computeRaw();
    this.filtered = this.levels[this.outRaw];
    if (this.irqLine) { this.irqLine = 0; this.irqOut(0); }
  }

  serialize(s: Serializer): void {
    s.block(this.audf);
    s.block(this.audc);
    s.block(this.counter);
    s.block(this.borrow);
    s.block(this.out);
    s.block(this.filterSample);
    s.block(this.potx);
    this.clk28 = s.u8(this.clk28);
    this.clk114 = s.u8(this.clk114);
    this.p4 = s.u8(this.p4);
    this.p5 = s.u8(this.p5);
    this.p9 = s.u16(this.p9);
    this.p17 = s.u32(this.p17);
    this.audctl = s.u8(this.audctl);
    this.skctl = s.u8(this.skctl);
    this.skstat = s.u8(this.skstat);
    this.irqst = s.u8(this.irqst);
    this.irqen = s.u8(this.irqen);
    this.allpot = s.u8(this.allpot);
    this.kbcode = s.u8(this.kbcode);
    this.serin = s.u8(this.serin);
    this.serout = s.u8(this.serout);
    this.potCounter = s.u8(this.potCounter);
    this.seroutReady = s.i32(this.seroutReady);
    this.seroutComplete = s.i32(this.seroutComplete);
    this.outRaw = s.u16(this.outRaw);
    this.filtered = s.f64(this.filtered);
    this.irqLine = s.u8(this.irqLine);
    this.owed = s.u32(this.owed);
    this.producedCount = s.u32(this.producedCount);
    if (this.producedCount > this.produced.length) this.produced = new Float32Array(this.producedCount);
    s.block(this.produced.subarray(0, this.producedCount));
    this.stream.serializeTiming(s);
  }

  /** Registers as the debugger and the golden tests see them (MAME's state names). */
  registers(): Record<string, number> {
    return {
      AUDF1: this.audf[0], AUDC1: this.audc[0], AUDF2: this.audf[1], AUDC2: this.audc[1],
      AUDF3: this.audf[2], AUDC3: this.audc[2], AUDF4: this.audf[3], AUDC4: this.audc[3],
      AUDCTL: this.audctl, SEROUT: this.serout, IRQEN: this.irqen, SKCTL: this.skctl,
    };
  }
}
