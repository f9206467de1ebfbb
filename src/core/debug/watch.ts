/**
 * Watchpoints by page-table patching: the pages a watchpoint covers are switched to handler pages whose
 * handlers do the original access, then report it. CPU cores that read the page tables inline (the Z80)
 * fall back to the space's handlers for those pages, so no core changes and unwatched pages keep their
 * direct path. Removing the last watchpoint of a page puts the original entries back.
 *
 * Not handled: a bank switch (`setBank`) on a watched page re-points it at the arena until the next
 * change of watchpoints; accesses through a mirror address are not the watched address (as in MAME, a
 * watchpoint covers logical addresses of its space).
 */
import type { AddressSpace, Read8, Write8, Read16, Write16 } from '../memory';

export type WatchKind = 'r' | 'w' | 'rw';

export interface WatchRange {
  start: number;
  end: number;
  kind: WatchKind;
  enabled: boolean;
}

interface SavedPage {
  rdBase: number; rdFn: Read8; rd16: Read16 | null; peek: Read8 | null;
  wrBase: number; wrFn: Write8; wr16: Write16 | null;
}

export class SpaceWatcher {
  private readonly saved = new Map<number, SavedPage>();

  constructor(
    readonly space: AddressSpace,
    /** called after a watched access; `write` tells the direction */
    private readonly hit: (addr: number, data: number, write: boolean) => void,
  ) {}

  /** Patch the pages covered by `ranges` (restoring every page patched before). */
  apply(ranges: readonly WatchRange[]): void {
    this.restore();
    const sp = this.space;
    const pages = new Map<number, { r: boolean; w: boolean }>();
    for (const r of ranges) {
      if (!r.enabled) continue;
      for (let p = (r.start & sp.addrMask) >>> sp.pageBits; p <= (r.end & sp.addrMask) >>> sp.pageBits; p++) {
        const e = pages.get(p) ?? { r: false, w: false };
        if (r.kind !== 'w') e.r = true;
        if (r.kind !== 'r') e.w = true;
        pages.set(p, e);
      }
    }
    const inRange = (a: number, write: boolean): boolean => {
      for (const r of ranges) if (r.enabled && a >= r.start && a <= r.end && (write ? r.kind !== 'r' : r.kind !== 'w')) return true;
      return false;
    };
    for (const [p, want] of pages) {
      const page: SavedPage = {
        rdBase: sp.rdBase[p], rdFn: sp.rdFn[p], rd16: sp.rd16Fn[p], peek: sp.peekFn[p] ?? null,
        wrBase: sp.wrBase[p], wrFn: sp.wrFn[p], wr16: sp.wr16Fn[p],
      };
      this.saved.set(p, page);
      const mem = sp.mem, off = sp.offMask;
      const read: Read8 = page.rdBase >= 0 ? (a) => mem[page.rdBase + (a & off)] : page.rdFn;
      const peek: Read8 | null = page.rdBase >= 0 ? read : page.peek;
      const write: Write8 = page.wrBase >= 0 ? (a, d) => { mem[page.wrBase + (a & off)] = d; } : page.wrFn;
      if (want.r) {
        sp.rdBase[p] = -1;
        sp.rd16Fn[p] = null;
        sp.rdFn[p] = (a) => { const v = read(a); if (inRange(a, false)) this.hit(a, v, false); return v; };
        sp.peekFn[p] = peek;
      }
      if (want.w) {
        sp.wrBase[p] = -1;
        sp.wr16Fn[p] = null;
        sp.wrFn[p] = (a, d) => { write(a, d); if (inRange(a, true)) this.hit(a, d, true); };
      }
    }
  }

  restore(): void {
    const sp = this.space;
    for (const [p, s] of this.saved) {
      sp.rdBase[p] = s.rdBase; sp.rdFn[p] = s.rdFn; sp.rd16Fn[p] = s.rd16; sp.peekFn[p] = s.peek;
      sp.wrBase[p] = s.wrBase; sp.wrFn[p] = s.wrFn; sp.wr16Fn[p] = s.wr16;
    }
    this.saved.clear();
  }
}
