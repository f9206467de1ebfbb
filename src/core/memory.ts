/**
 * Address spaces: page tables of typed arrays with handler fallback (jsbeeb `memLook`, chips `mem.h`).
 *
 * One concrete class serves every space (8-bit and 16-bit data buses, big- and little-endian), so CPU
 * call sites stay monomorphic. All RAM and ROM a space can reach directly lives in one `Uint8Array`
 * arena that the machine shares between its spaces; a page either points into that arena (a
 * non-negative base offset) or falls back to a handler. Pages that mix RAM and I/O, RAM with a write
 * hook, or sub-page mirrors get a handler compiled by `memory-map.ts`.
 *
 * - Unmapped reads return the space's open-bus value; writes to ROM or unmapped pages are dropped.
 * - `read16`/`write16` use the space's byte order (68000: big-endian, x86: little-endian). A word access
 *   that straddles a page boundary, or hits a handler page without a 16-bit handler, is done as two
 *   byte accesses in bus order.
 * - Banks repatch `rdBase` (and `wrBase` for RAM banks) of the pages they own whole, and nothing else.
 */

export type Read8 = (addr: number) => number;
export type Write8 = (addr: number, data: number) => void;
export type Read16 = (addr: number) => number;
export type Write16 = (addr: number, data: number) => void;

export interface SpaceConfig {
  name: string;
  /** Address bus width in bits (16 for Z80/6502, 20 for 8086, 24 for 68000). */
  addrBits: number;
  /** log2 of the page size. Default: 8 for spaces up to 16 bits, 12 above. */
  pageBits?: number;
  /** Byte order of 16-bit accesses. Default little. */
  endian?: 'big' | 'little';
  /** Data bus width: 8 or 16. Informational (cores choose their access width); default 8. */
  dataBits?: 8 | 16;
  /** Value of unmapped reads (per byte). Default 0xff. */
  openBus?: number;
}

/**
 * A switchable window as one space sees it (MAME `memory_bank` installed in a space): the pages it owns
 * whole, which are repointed when it switches, and the arena offset of the current choice, which handler
 * pages shared with finer entries read at access time.
 */
export class SpaceBank {
  /** arena offset of the current choice's first byte */
  base = 0;
  private readonly rdPages: number[] = [];
  private readonly rdOffsets: number[] = [];
  private readonly wrPages: number[] = [];
  private readonly wrOffsets: number[] = [];

  constructor(
    readonly name: string,
    readonly writable: boolean,
    private readonly space: AddressSpace,
  ) {}

  /** Page `page` shows the window's bytes from `offset` on (for reads or, RAM banks, writes). */
  addPage(page: number, offset: number, dir: 'r' | 'w'): void {
    (dir === 'r' ? this.rdPages : this.wrPages).push(page);
    (dir === 'r' ? this.rdOffsets : this.wrOffsets).push(offset);
    this.repoint();
  }

  /** Point the owned pages at `base` (and nothing else: RAM, I/O and traps over the window stay). */
  select(base: number): void {
    this.base = base;
    this.repoint();
  }

  private repoint(): void {
    const sp = this.space, b = this.base;
    for (let k = 0; k < this.rdPages.length; k++) sp.rdBase[this.rdPages[k]] = b + this.rdOffsets[k];
    for (let k = 0; k < this.wrPages.length; k++) sp.wrBase[this.wrPages[k]] = b + this.wrOffsets[k];
  }
}

export class AddressSpace {
  readonly name: string;
  readonly addrBits: number;
  readonly addrMask: number;
  readonly pageBits: number;
  readonly pageSize: number;
  readonly offMask: number;
  readonly pageCount: number;
  readonly bigEndian: boolean;
  readonly dataBits: 8 | 16;
  openBus: number;

  /** page → arena offset of the page's first byte, or -1 for a handler page */
  readonly rdBase: Int32Array;
  readonly wrBase: Int32Array;
  readonly rdFn: Read8[];
  readonly wrFn: Write8[];
  /** optional 16-bit handlers; null → two byte accesses */
  readonly rd16Fn: (Read16 | null)[];
  readonly wr16Fn: (Write16 | null)[];
  private readonly banks = new Map<string, SpaceBank>();

  constructor(
    config: SpaceConfig,
    /** The machine's shared RAM/ROM arena. */
    public mem: Uint8Array,
  ) {
    this.name = config.name;
    this.addrBits = config.addrBits;
    this.addrMask = config.addrBits >= 32 ? 0xffffffff : (1 << config.addrBits) - 1;
    this.pageBits = Math.min(config.pageBits ?? (config.addrBits <= 16 ? 8 : 12), config.addrBits);
    this.pageSize = 1 << this.pageBits;
    this.offMask = this.pageSize - 1;
    this.pageCount = 2 ** (config.addrBits - this.pageBits);
    this.bigEndian = config.endian === 'big';
    this.dataBits = config.dataBits ?? 8;
    this.openBus = config.openBus ?? 0xff;
    this.rdBase = new Int32Array(this.pageCount).fill(-1);
    this.wrBase = new Int32Array(this.pageCount).fill(-1);
    const unmappedRead: Read8 = () => this.openBus;
    const unmappedWrite: Write8 = () => {};
    this.rdFn = new Array<Read8>(this.pageCount).fill(unmappedRead);
    this.wrFn = new Array<Write8>(this.pageCount).fill(unmappedWrite);
    this.rd16Fn = new Array<Read16 | null>(this.pageCount).fill(null);
    this.wr16Fn = new Array<Write16 | null>(this.pageCount).fill(null);
  }

  /** A space of plain RAM over the whole address range (CPU tests, benchmarks). */
  static flatRam(config: SpaceConfig): AddressSpace {
    const size = 2 ** config.addrBits;
    const space = new AddressSpace(config, new Uint8Array(size));
    space.mapArena(0, size - 1, 0, true);
    return space;
  }

  // ---- the hot path -------------------------------------------------------------------------

  read8(addr: number): number {
    const a = addr & this.addrMask;
    const p = a >>> this.pageBits;
    const o = this.rdBase[p];
    return o >= 0 ? this.mem[o + (a & this.offMask)] : this.rdFn[p](a);
  }

  write8(addr: number, data: number): void {
    const a = addr & this.addrMask;
    const p = a >>> this.pageBits;
    const o = this.wrBase[p];
    if (o >= 0) this.mem[o + (a & this.offMask)] = data;
    else this.wrFn[p](a, data & 0xff);
  }

  read16(addr: number): number {
    const a = addr & this.addrMask;
    const p = a >>> this.pageBits;
    const off = a & this.offMask;
    const o = this.rdBase[p];
    if (o >= 0 && off !== this.offMask) {
      const m = this.mem, i = o + off;
      return this.bigEndian ? (m[i] << 8) | m[i + 1] : m[i] | (m[i + 1] << 8);
    }
    const f = this.rd16Fn[p];
    if (f !== null && (a & 1) === 0) return f(a);
    return this.bigEndian ? (this.read8(a) << 8) | this.read8(a + 1) : this.read8(a) | (this.read8(a + 1) << 8);
  }

  write16(addr: number, data: number): void {
    const a = addr & this.addrMask;
    const p = a >>> this.pageBits;
    const off = a & this.offMask;
    const o = this.wrBase[p];
    if (o >= 0 && off !== this.offMask) {
      const m = this.mem, i = o + off;
      if (this.bigEndian) { m[i] = (data >>> 8) & 0xff; m[i + 1] = data & 0xff; }
      else { m[i] = data & 0xff; m[i + 1] = (data >>> 8) & 0xff; }
      return;
    }
    const f = this.wr16Fn[p];
    if (f !== null && (a & 1) === 0) { f(a, data & 0xffff); return; }
    if (this.bigEndian) { this.write8(a, data >>> 8); this.write8(a + 1, data); }
    else { this.write8(a, data); this.write8(a + 1, data >>> 8); }
  }

  /** Read without side effects for debuggers and memory viewers: handler pages answer `peek` or open bus. */
  peek8(addr: number): number {
    const a = addr & this.addrMask;
    const p = a >>> this.pageBits;
    const o = this.rdBase[p];
    if (o >= 0) return this.mem[o + (a & this.offMask)];
    const peek = this.peekFn[p];
    return peek ? peek(a) : this.openBus;
  }
  readonly peekFn: (Read8 | null)[] = [];

  // ---- building (not on the hot path) -------------------------------------------------------

  private pageRange(start: number, end: number): [number, number] {
    if ((start & this.offMask) !== 0 || ((end + 1) & this.offMask) !== 0)
      throw new Error(`${this.name}: range ${hex(start)}-${hex(end)} is not page aligned (page ${hex(this.pageSize)})`);
    return [start >>> this.pageBits, end >>> this.pageBits];
  }

  /** Map [start, end] (page aligned) directly onto the arena at `arenaOffset`; writable = RAM. */
  mapArena(start: number, end: number, arenaOffset: number, writable: boolean): void {
    const [p0, p1] = this.pageRange(start, end);
    for (let p = p0; p <= p1; p++) {
      const o = arenaOffset + ((p - p0) << this.pageBits);
      this.rdBase[p] = o;
      this.wrBase[p] = writable ? o : -1;
      if (!writable) this.wrFn[p] = () => {};
    }
  }

  /** Map [start, end] (page aligned) to handlers. `read`/`write` undefined leaves that side as it was. */
  mapHandler(start: number, end: number, h: { read?: Read8; write?: Write8; read16?: Read16; write16?: Write16; peek?: Read8 }): void {
    const [p0, p1] = this.pageRange(start, end);
    for (let p = p0; p <= p1; p++) {
      if (h.read) { this.rdBase[p] = -1; this.rdFn[p] = h.read; this.rd16Fn[p] = h.read16 ?? null; this.peekFn[p] = h.peek ?? null; }
      if (h.write) { this.wrBase[p] = -1; this.wrFn[p] = h.write; this.wr16Fn[p] = h.write16 ?? null; }
    }
  }

  /** This space's view of bank `name` (created by the map compiler; the machine switches it). */
  bank(name: string, writable = false): SpaceBank {
    let b = this.banks.get(name);
    if (!b) {
      b = new SpaceBank(name, writable, this);
      this.banks.set(name, b);
    }
    return b;
  }

  bankNames(): string[] { return [...this.banks.keys()]; }
}

export function hex(v: number, digits = 4): string {
  return '0x' + v.toString(16).padStart(digits, '0');
}
