/**
 * GI ER2055: 64 × 8-bit electrically alterable ROM (EAROM), Atari's high-score store (Centipede,
 * Millipede, Missile Command's relatives). Non-volatile: the machine saves it to `<nvram>/<set>/<tag>`.
 *
 * Facts (MAME 0.251 `machine/er2055.cpp`, facts only): the control inputs C1, C2, CS1, CS2 are set
 * together; with both chip selects active a change of mode acts at once: C1 = C2 = 0 writes (the data
 * latch ANDed into the cell: bits only clear, so a cell must be erased first), C2 alone erases the cell to
 * 0xff. A falling edge of CK with the chip selected reads the cell into the data latch when C1 = 1, and
 * repeats the write/erase otherwise. Fresh contents are all 0xff.
 */
import { Device, type Serializer } from '../device';

const SIZE = 64;
const CK = 0x01;
const C1 = 0x02;
const C2 = 0x04;
const CS1 = 0x08;
const CS2 = 0x10;

export class Er2055 extends Device {
  readonly chipName = 'ER2055 EAROM';
  readonly cells = new Uint8Array(SIZE);
  private control = 0;
  private address = 0;
  private latch = 0;

  constructor(tag: string) {
    super(tag, 0);
    this.nvramDefault();
  }

  /** The data latch (what a read of the chip's data pins gives). */
  data(): number {
    return this.latch;
  }

  setAddress(address: number): void {
    this.address = address & (SIZE - 1);
  }

  setData(data: number): void {
    this.latch = data & 0xff;
  }

  /** Control lines, changed together (the chip reacts to the combination). */
  setControl(cs1: number, cs2: number, c1: number, c2: number): void {
    const old = this.control;
    this.control = (old & CK) | (c1 ? C1 : 0) | (c2 ? C2 : 0) | (cs1 ? CS1 : 0) | (cs2 ? CS2 : 0);
    if ((this.control & (CS1 | CS2)) !== (CS1 | CS2) || this.control === old) return;
    this.apply();
  }

  setClock(state: number): void {
    const old = this.control;
    this.control = state ? old | CK : old & ~CK;
    // acts on a falling edge with the chip selected
    if ((this.control & (CS1 | CS2)) !== (CS1 | CS2) || this.control === old || state) return;
    if (this.control & C1) this.latch = this.cells[this.address];
    this.apply();
  }

  private apply(): void {
    switch (this.control & (C1 | C2)) {
      case 0: // write: without an erase first, bits can only go from 1 to 0
        this.cells[this.address] &= this.latch;
        break;
      case C2: // erase
        this.cells[this.address] = 0xff;
        break;
      default:
        break;
    }
  }

  // ---- NVRAM contract (HELPERS.md; MAME device_nvram_interface) ----

  nvramDefault(): void {
    this.cells.fill(0xff);
  }

  nvramRead(data: Uint8Array): boolean {
    if (data.length !== SIZE) return false;
    this.cells.set(data);
    return true;
  }

  nvramWrite(): Uint8Array {
    return this.cells.slice();
  }

  /** Power-on: the cells keep their contents (that is the point of the part); the lines are released. */
  reset(): void {
    this.control = 0;
  }

  serialize(s: Serializer): void {
    s.block(this.cells);
    this.control = s.u8(this.control);
    this.address = s.u8(this.address);
    this.latch = s.u8(this.latch);
  }
}
