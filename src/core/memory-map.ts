/**
 * Compiles a declarative `MapEntry[]` into an `AddressSpace`'s page tables.
 *
 * An entry whose range and mirrors cover whole pages (RAM, ROM, banks) maps those pages straight into
 * the arena. A page touched by anything finer (I/O registers, sub-page mirrors like Pac-Man's 0x50xx
 * block, RAM with a write hook) gets one handler that decodes the low address bits through a small table
 * compiled from the same entries. Later entries win over earlier ones, per direction, as in MAME.
 * Handlers receive the offset from the entry's start with mirror bits removed (MAME's `offset`).
 */
import type { MapEntry, ReadHandler, ReadSource, WriteHandler, Write16Handler } from './driver-schema';
import { AddressSpace, hex, type SpaceBank } from './memory';

export type { ReadHandler, WriteHandler, Write16Handler };

/** How the builder resolves the names used in maps (regions, shares, banks, input ports). */
export interface MapResolver {
  /** arena offset of the first byte of a RAM share, and its size */
  shareBase(name: string): number;
  shareSize(name: string): number;
  /** arena offset of a ROM region placed in the arena */
  regionBase(name: string): number;
  regionSize(name: string): number;
  /** a bank's window size, whether it is RAM, and the arena offset of its current choice */
  bank(name: string): { size: number; writable: boolean; base: number };
  /** an input port's reader */
  port(name: string): () => number;
}

/** A read source as a handler: input ports and constants become small functions. */
function readHandler(src: ReadSource, r: MapResolver): ReadHandler {
  if (typeof src === 'function') return src;
  if ('port' in src) {
    const port = r.port(src.port);
    return () => port();
  }
  const v = src.value;
  return () => v;
}

/** Does the entry silence direction `dir` (MAME nop/unmap)? */
function silences(e: MapEntry, dir: 'r' | 'w'): boolean {
  return (e.nop?.includes(dir) ?? false) || (e.unmap?.includes(dir) ?? false);
}

interface Compiled {
  entry: MapEntry;
  start: number;
  end: number;
  mirror: number;
  /** arena base for RAM/ROM entries (address start maps here), or -1 */
  base: number;
  writable: boolean;
  /** byte handlers (made from the 16-bit ones when an entry only has those) */
  read: ReadHandler | null;
  write: WriteHandler | null;
  read16: ReadHandler | null;
  write16: Write16Handler | null;
  /** covers whole pages: can be mapped directly for this direction */
  pageUniform: boolean;
  /** a switchable bank: memory at `bank.base` (changes at run time) instead of a fixed `base` */
  bank: SpaceBank | null;
}

/**
 * Does the entry answer reads? Memory (ROM, RAM, a bank) unless write-only, a read handler, or a
 * `nop`/`unmap` of reads. The one definition: the compiler below and validate.ts's overlap check use it.
 */
export function entryReads(e: MapEntry): boolean {
  return ((e.rom !== undefined || e.ram !== undefined || e.bank !== undefined) && !e.writeOnly)
    || e.read !== undefined || e.read16 !== undefined || silences(e, 'r');
}
/**
 * Does the entry take writes? RAM, a write handler, a `nop`/`unmap` of writes, or a bank that is RAM.
 * A ROM entry is read-only (MAME 0.251 emumem: `rom()` sets only the read side), so its writes fall to
 * an earlier entry that takes them, or nowhere (unmapped: dropped). A bank's writability follows its
 * declaration: ROM-region banks are read-only (MAME `bankr`), share banks are RAM (`bankrw`).
 */
export function entryWrites(e: MapEntry, bankWritable: boolean): boolean {
  return e.ram !== undefined || (e.bank !== undefined && bankWritable) || e.write !== undefined || e.write16 !== undefined
    || silences(e, 'w');
}
function reads(c: Compiled): boolean {
  return entryReads(c.entry);
}
function writes(c: Compiled): boolean {
  return entryWrites(c.entry, c.bank !== null && c.writable);
}

/**
 * Byte access to a device that only has 16-bit handlers: read the word and take the byte's lane;
 * write the byte into its lane with the lane's mask (MAME's mem_mask).
 */
function byteRead(r16: ReadHandler, bigEndian: boolean): ReadHandler {
  return (o) => {
    const w = r16(o & ~1);
    return ((o & 1) === (bigEndian ? 1 : 0) ? w : w >>> 8) & 0xff;
  };
}
function byteWrite(w16: Write16Handler, bigEndian: boolean): WriteHandler {
  return (o, d) => {
    const low = (o & 1) === (bigEndian ? 1 : 0);
    w16(o & ~1, low ? d & 0xff : (d & 0xff) << 8, low ? 0x00ff : 0xff00);
  };
}

function matches(c: Compiled, a: number): boolean {
  const m = a & ~c.mirror;
  return m >= c.start && m <= c.end;
}

export function compileSpace(space: AddressSpace, map: readonly MapEntry[], r: MapResolver): void {
  const compiled: Compiled[] = map.map((e) => {
    try {
      return compileEntry(space, e, r);
    } catch (err) {
      throw new Error(`${space.name} entry ${hex(e.at[0])}-${hex(e.at[1])}: ${(err as Error).message}`);
    }
  });
  compilePages(space, compiled, r);
}

function compileEntry(space: AddressSpace, e: MapEntry, r: MapResolver): Compiled {
  const offMask = space.offMask;
  {
    const [start, end] = e.at;
    const mirror = e.mirror ?? 0;
    if (end < start) throw new Error('it ends before it starts');
    if (end > space.addrMask) throw new Error(`it lies outside the ${space.addrBits}-bit space`);
    if ((start & mirror) !== 0 || (end & mirror) !== 0)
      throw new Error(`it has address bits inside its mirror ${hex(mirror)}`);
    let base = -1;
    let writable = false;
    let bank: SpaceBank | null = null;
    const size = end - start + 1;
    if (e.rom !== undefined) {
      const regionBase = r.regionBase(e.rom);
      const off = e.offset ?? start;
      if (off + size > r.regionSize(e.rom))
        throw new Error(`it reads region '${e.rom}' past its end (${hex(r.regionSize(e.rom))} bytes)`);
      base = regionBase + off;
    } else if (e.bank !== undefined) {
      const b = r.bank(e.bank);
      if (size !== b.size) throw new Error(`bank '${e.bank}' is ${hex(b.size)} bytes but mapped over ${hex(size)}`);
      bank = space.bank(e.bank, b.writable);
      bank.base = b.base;
      writable = b.writable;
    } else if (e.ram !== undefined) {
      if (size > r.shareSize(e.ram))
        throw new Error(`it maps ${hex(size)} bytes of share '${e.ram}', which has ${hex(r.shareSize(e.ram))}`);
      base = r.shareBase(e.ram);
      writable = true;
    }
    if ((base >= 0 || bank !== null) && (e.read !== undefined || e.read16 !== undefined))
      throw new Error('it has both memory and a read handler');
    const aligned = (start & offMask) === 0 && ((end + 1) & offMask) === 0 && (mirror & offMask) === 0;
    const read16 = e.read16 ?? null;
    const write16 = e.write16 ?? null;
    let read = e.read !== undefined ? readHandler(e.read, r) : null;
    let write = e.write ?? null;
    if (read === null && read16 !== null) read = byteRead(read16, space.bigEndian);
    if (write === null && write16 !== null && !writable) write = byteWrite(write16, space.bigEndian);
    return { entry: e, start, end, mirror, base, writable, read, write, read16, write16, pageUniform: aligned, bank };
  }
}

function compilePages(space: AddressSpace, compiled: Compiled[], r: MapResolver): void {
  const pb = space.pageBits;

  void r;
  const pageSize = space.pageSize;
  const rdTable = new Int16Array(pageSize);
  const wrTable = new Int16Array(pageSize);
  for (let p = 0; p < space.pageCount; p++) {
    const pageStart = p << pb;
    // Which entries touch this page, per direction (in map order; later wins).
    let rdAny = false, wrAny = false, rdFine = false, wrFine = false;
    let rdLast = -1, wrLast = -1;
    for (let i = 0; i < compiled.length; i++) {
      const c = compiled[i];
      if (!touches(c, pageStart, pageSize)) continue;
      if (reads(c)) { rdAny = true; rdLast = i; if (!c.pageUniform) rdFine = true; }
      if (writes(c)) { wrAny = true; wrLast = i; if (!c.pageUniform || (c.writable && c.write !== null)) wrFine = true; }
    }
    if (!rdAny && !wrAny) continue;
    // When no fine-grained entry touches the page, every touching entry covers it whole, so the last one
    // owns the page and it can be mapped directly (RAM/ROM) or to its handler without decoding.
    if (rdAny) {
      const last = compiled[rdLast];
      if (!rdFine && last.base >= 0) {
        const o = last.base + ((pageStart & ~last.mirror) - last.start);
        space.rdBase[p] = o;
      } else if (!rdFine && last.bank !== null) {
        // A page the bank owns whole: repointed when the bank switches (and only such pages are).
        last.bank.addPage(p, (pageStart & ~last.mirror) - last.start, 'r');
      } else if (!rdFine && last.read !== null) {
        const h = last.read, c = last;
        space.mapHandler(pageStart, pageStart + pageSize - 1, { read: (a) => h((a & ~c.mirror) - c.start), read16: wrap16r(last) });
      } else {
        fillTable(rdTable, compiled, pageStart, 'r');
        space.mapHandler(pageStart, pageStart + pageSize - 1, decodedRead(space, compiled, rdTable.slice()));
      }
    }
    if (wrAny) {
      const last = compiled[wrLast];
      if (!wrFine && last.bank !== null && last.write === null) {
        last.bank.addPage(p, (pageStart & ~last.mirror) - last.start, 'w'); // a RAM bank (entryWrites)
      } else if (!wrFine && last.writable && last.write === null) {
        space.wrBase[p] = last.base + ((pageStart & ~last.mirror) - last.start);
      } else if (!wrFine && last.base < 0 && last.bank === null && last.write !== null) {
        const h = last.write, c = last;
        space.mapHandler(pageStart, pageStart + pageSize - 1, { write: (a, d) => h((a & ~c.mirror) - c.start, d), write16: wrap16w(last) });
      } else {
        fillTable(wrTable, compiled, pageStart, 'w');
        space.mapHandler(pageStart, pageStart + pageSize - 1, decodedWrite(space, compiled, wrTable.slice()));
      }
    }
  }
}

/** The entry's 16-bit handler as a space-level function (address → entry offset), or undefined. */
function wrap16r(c: Compiled): ((a: number) => number) | undefined {
  const h = c.read16;
  return h === null ? undefined : (a) => h((a & ~c.mirror) - c.start);
}
function wrap16w(c: Compiled): ((a: number, d: number) => void) | undefined {
  const h = c.write16;
  return h === null ? undefined : (a, d) => h((a & ~c.mirror) - c.start, d, 0xffff);
}

/** Does entry `c` match any address of the page? (exact for mirrors, by walking the page when needed) */
function touches(c: Compiled, pageStart: number, pageSize: number): boolean {
  const lo = pageStart & ~c.mirror;
  // Fast reject/accept when the mirror has no bits inside the page.
  if ((c.mirror & (pageSize - 1)) === 0) {
    const hi = lo + pageSize - 1;
    return hi >= c.start && lo <= c.end;
  }
  for (let a = pageStart; a < pageStart + pageSize; a++) if (matches(c, a)) return true;
  return false;
}

function fillTable(table: Int16Array, compiled: Compiled[], pageStart: number, dir: 'r' | 'w'): void {
  table.fill(-1);
  for (let i = 0; i < compiled.length; i++) {
    const c = compiled[i];
    if (!(dir === 'r' ? reads(c) : writes(c))) continue;
    for (let k = 0; k < table.length; k++) if (matches(c, pageStart + k)) table[k] = i;
  }
}

function decodedRead(space: AddressSpace, compiled: Compiled[], table: Int16Array): { read: (a: number) => number; read16: (a: number) => number; peek: (a: number) => number } {
  const fns: ((a: number) => number)[] = compiled.map((c) => {
    // (constants hoisted: these run for every access to a page shared by several entries)
    const keep = ~c.mirror, start = c.start;
    if (c.base >= 0) { const base = c.base - start; return (a: number) => space.mem[base + (a & keep)]; }
    // Part of a page that finer entries share: the bank's bytes are read at its current base.
    const b = c.bank;
    if (b !== null) return (a: number) => space.mem[b.base - start + (a & keep)];
    if (c.read !== null) { const h = c.read; return (a: number) => h((a & ~c.mirror) - c.start); }
    return () => space.openBus;
  });
  const offMask = space.offMask;
  let read = (a: number): number => {
    const e = table[a & offMask];
    return e >= 0 ? fns[e](a) : space.openBus;
  };
  // A page that is memory except a few bytes (a ROM or bank page with trap addresses, Ms. Pac-Man): the
  // memory entry is read inline, one call less for the bytes a CPU mostly fetches there.
  const main = majority(table);
  const mc = main >= 0 ? compiled[main] : null;
  if (mc !== null && !mc.entry.writeOnly && (mc.base >= 0 || mc.bank !== null)) {
    const keep = ~mc.mirror, bank = mc.bank, fixed = mc.base - mc.start, start = mc.start;
    read = bank !== null
      ? (a) => { const e = table[a & offMask]; return e === main ? space.mem[bank.base - start + (a & keep)] : e >= 0 ? fns[e](a) : space.openBus; }
      : (a) => { const e = table[a & offMask]; return e === main ? space.mem[fixed + (a & keep)] : e >= 0 ? fns[e](a) : space.openBus; };
  }
  return {
    read,
    // A word access reaches an entry's 16-bit handler once; other entries are read byte by byte.
    read16: (a) => {
      const e = table[a & offMask];
      const h = e >= 0 ? compiled[e].read16 : null;
      if (h !== null && table[(a + 1) & offMask] === e) return h((a & ~compiled[e].mirror) - compiled[e].start);
      return space.bigEndian ? (read(a) << 8) | read(a + 1) : read(a) | (read(a + 1) << 8);
    },
    peek: (a) => {
      const e = table[a & offMask];
      return e >= 0 && (compiled[e].base >= 0 || compiled[e].bank !== null) ? fns[e](a) : space.openBus;
    },
  };
}

/** The entry that decodes most addresses of a page's table (-1 when none does). */
function majority(table: Int16Array): number {
  const counts = new Map<number, number>();
  let best = -1, bestCount = 0;
  for (const e of table) {
    if (e < 0) continue;
    const n = (counts.get(e) ?? 0) + 1;
    counts.set(e, n);
    if (n > bestCount) { best = e; bestCount = n; }
  }
  return best;
}

function decodedWrite(space: AddressSpace, compiled: Compiled[], table: Int16Array): { write: (a: number, d: number) => void; write16: (a: number, d: number) => void } {
  const fns: ((a: number, d: number) => void)[] = compiled.map((c) => {
    const h = c.write;
    const bank = c.bank;
    if (c.writable && bank !== null) {
      return h === null
        ? (a: number, d: number) => { space.mem[bank.base + ((a & ~c.mirror) - c.start)] = d; }
        : (a: number, d: number) => { const o = (a & ~c.mirror) - c.start; space.mem[bank.base + o] = d; h(o, d); };
    }
    if (c.writable) {
      return h === null
        ? (a: number, d: number) => { space.mem[c.base + ((a & ~c.mirror) - c.start)] = d; }
        : (a: number, d: number) => { const o = (a & ~c.mirror) - c.start; space.mem[c.base + o] = d; h(o, d); };
    }
    if (h !== null) return (a: number, d: number) => h((a & ~c.mirror) - c.start, d);
    return () => {};
  });
  const offMask = space.offMask;
  const write = (a: number, d: number): void => {
    const e = table[a & offMask];
    if (e >= 0) fns[e](a, d);
  };
  return {
    write,
    write16: (a, d) => {
      const e = table[a & offMask];
      const h = e >= 0 && !compiled[e].writable ? compiled[e].write16 : null;
      if (h !== null && table[(a + 1) & offMask] === e) { h((a & ~compiled[e].mirror) - compiled[e].start, d, 0xffff); return; }
      if (space.bigEndian) { write(a, d >>> 8); write(a + 1, d & 0xff); }
      else { write(a, d & 0xff); write(a + 1, d >>> 8); }
    },
  };
}
