/**
 * 74LS259 8-bit addressable latch: a write sets output Q(offset & 7) to data bit 0. Outputs are lines
 * the machine wires to board functions (Pac-Man: IRQ enable, sound enable, flip screen, lamps, coin
 * lockout and counter). TI 74LS259 datasheet: outputs clear on reset (CLR low).
 */
import { Device, type Serializer } from '../device';
import { outputLines } from '../line';

export class Ls259 extends Device {
  /** outputs Q0-Q7, connected by the hardware definition's `lines` */
  readonly q = outputLines(8);
  private bits = 0;

  constructor(tag: string) {
    super(tag, 0);
  }

  write(offset: number, data: number): void {
    const bit = offset & 7;
    const v = data & 1;
    if (((this.bits >> bit) & 1) !== v) {
      this.bits ^= 1 << bit;
      this.q[bit].set(v);
    }
  }

  /**
   * CLR: every output low, and every wired device is told so, even where the output already was low: a
   * device's own reset may have put its input back to a default (the Namco WSG starts enabled), and the
   * latch's level is what the board sees after a reset (MAME 0.251 `addressable_latch_device::device_reset`
   * clears the outputs; its WSG keeps the level through a soft reset).
   */
  reset(): void {
    this.bits = 0;
    for (let b = 0; b < 8; b++) this.q[b].set(0);
  }

  serialize(s: Serializer): void {
    this.bits = s.u8(this.bits);
  }

  /** After a load, drive every output to its loaded level so wired devices agree. */
  override postLoad(): void {
    for (let b = 0; b < 8; b++) this.q[b].set((this.bits >> b) & 1);
  }
}
