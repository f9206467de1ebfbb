import { describe, expect, it } from 'vitest';
import type { MapEntry, ReadHandler, Write16Handler, WriteHandler } from '../../src/core/driver-schema';
import { AddressSpace } from '../../src/core/memory';
import { compileSpace, entryReads, entryWrites, type MapResolver } from '../../src/core/memory-map';

/** Handlers that log their calls under a name (reads answer 0x42, 16-bit reads 0x1234). */
function recorders(log: string[]) {
  return {
    r: (name: string): ReadHandler => (o) => { log.push(`r ${name} ${o.toString(16)}`); return 0x42; },
    w: (name: string): WriteHandler => (o, d) => { log.push(`w ${name} ${o.toString(16)}=${d.toString(16)}`); },
    r16: (name: string): ReadHandler => (o) => { log.push(`r16 ${name} ${o.toString(16)}`); return 0x1234; },
    w16: (name: string): Write16Handler => (o, d, mask) => { log.push(`w16 ${name} ${o.toString(16)}=${d.toString(16)}${mask === 0xffff ? '' : ` mask ${mask.toString(16)}`}`); },
  };
}

function build(makeMap: (h: ReturnType<typeof recorders>) => MapEntry[], opts: { bits?: number; endian?: 'big' | 'little'; openBus?: number; bankWritable?: boolean } = {}) {
  const arena = new Uint8Array(0x40000);
  const space = new AddressSpace({ name: 'test', addrBits: opts.bits ?? 16, endian: opts.endian, openBus: opts.openBus ?? 0xbf }, arena);
  const log: string[] = [];
  const shares = new Map<string, number>();
  let next = 0x10000;
  const r: MapResolver = {
    shareBase: (n) => { if (!shares.has(n)) { shares.set(n, next); next += 0x10000; } return shares.get(n)!; },
    shareSize: () => 0x10000,
    regionBase: () => 0,
    regionSize: () => 0x10000,
    bank: () => ({ size: 0x1000, writable: opts.bankWritable ?? false, base: 0x8000 }),
    port: () => () => 0x5a,
  };
  for (let i = 0; i < 0x10000; i++) arena[i] = i & 0xff ^ (i >> 8);
  compileSpace(space, makeMap(recorders(log)), r);
  return { space, log, arena, shares };
}

describe('address space compiled from a declarative map', () => {
  it('ROM mirrored by A15, writes to ROM ignored, unmapped reads give open bus', () => {
    const { space, arena } = build((h) => [{ at: [0x0000, 0x3fff], mirror: 0x8000, rom: 'maincpu' }]);
    expect(space.read8(0x1234)).toBe(arena[0x1234]);
    expect(space.read8(0x9234)).toBe(arena[0x1234]);
    space.write8(0x1234, 0x99);
    expect(arena[0x1234]).not.toBe(0x99);
    expect(space.read8(0x4000)).toBe(0xbf);
  });

  it('RAM with sub-page mirrors and I/O registers sharing a page (Pac-Man style 0x50xx)', () => {
    const { space, log } = build((h) => [
      { at: [0x4c00, 0x4fff], mirror: 0xa000, ram: 'work' },
      { at: [0x5000, 0x5007], mirror: 0xaf38, write: h.w('latch.write') },
      { at: [0x5000, 0x5000], mirror: 0xaf3f, read: { port: 'IN0' } },
      { at: [0x50c0, 0x50c0], mirror: 0xaf3f, write: h.w('watchdog.kick') },
    ]);
    space.write8(0x4c10, 0x77);
    expect(space.read8(0xec10)).toBe(0x77); // mirror 0xa000
    expect(space.read8(0x5000)).toBe(0x5a);
    expect(space.read8(0x5100)).toBe(0x5a); // mirror
    expect(space.read8(0x503f)).toBe(0x5a); // low 6 bits are mirror bits too
    expect(space.read8(0x5040)).toBe(0xbf); // nothing reads there
    space.write8(0x5003, 1);
    space.write8(0x5103 | 0x0008, 0); // 0x510b → latch offset 3 through the mirror
    space.write8(0x50c5, 0);
    expect(log).toEqual(['w latch.write 3=1', 'w latch.write 3=0', 'w watchdog.kick 0=0']);
  });

  it('RAM with a write hook stores then notifies with the entry offset', () => {
    const { space, log } = build((h) => [{ at: [0x4000, 0x43ff], ram: 'vram', write: h.w('video.tileWrite') }]);
    space.write8(0x4005, 0x12);
    expect(space.read8(0x4005)).toBe(0x12);
    expect(log).toEqual(['w video.tileWrite 5=12']);
  });

  it('later entries win per direction', () => {
    const { space, log } = build((h) => [
      { at: [0x0000, 0x0fff], ram: 'ram' },
      { at: [0x0010, 0x0010], read: h.r('dev.status') },
    ]);
    space.write8(0x0010, 5);
    expect(space.read8(0x0010)).toBe(0x42);
    expect(space.read8(0x0011)).toBe(0);
    expect(log).toEqual(['r dev.status 0']);
  });

  it('switchable banks repatch pages', () => {
    const { space, arena } = build(() => [{ at: [0x8000, 0x8fff], bank: 'rombank' }]);
    expect(space.read8(0x8001)).toBe(arena[0x8001]);
    space.bank('rombank').select(0xa000);
    expect(space.read8(0x8001)).toBe(arena[0xa001]);
  });

  it('16-bit big-endian (68000) and little-endian (x86) word access, 16-bit handlers', () => {
    const be = build((h) => [{ at: [0x000000, 0x00ffff], ram: 'ram' }, { at: [0x100000, 0x100fff], read16: h.r16('io.r'), write16: h.w16('io.w'), read: h.r('io.r8'), write: h.w('io.w8') }], { bits: 24, endian: 'big' });
    be.space.write16(0x10, 0xabcd);
    expect(be.space.read8(0x10)).toBe(0xab);
    expect(be.space.read8(0x11)).toBe(0xcd);
    expect(be.space.read16(0x10)).toBe(0xabcd);
    expect(be.space.read16(0x100002)).toBe(0x1234);
    be.space.write16(0x100004, 0x5678);
    expect(be.log).toEqual(['r16 io.r 2', 'w16 io.w 4=5678']);
    const le = build((h) => [{ at: [0x00000, 0x0ffff], ram: 'ram' }], { bits: 20, endian: 'little' });
    le.space.write16(0x21, 0xabcd); // unaligned is fine on x86
    expect(le.space.read8(0x21)).toBe(0xcd);
    expect(le.space.read8(0x22)).toBe(0xab);
    expect(le.space.read16(0x21)).toBe(0xabcd);
    le.space.write16(0x0fff, 0x1122); // across a 4 KB page
    expect(le.space.read16(0x0fff)).toBe(0x1122);
  });

  it('rejects entries outside the space or with address bits inside their mirror', () => {
    expect(() => build((h) => [{ at: [0x0000, 0x1ffff], ram: 'x' }])).toThrow(/outside/);
    expect(() => build((h) => [{ at: [0x8000, 0x8fff], mirror: 0x8000, ram: 'x' }])).toThrow(/inside its mirror/);
  });

  it('a device with only 16-bit handlers serves byte accesses through its byte lanes (MAME mem_mask)', () => {
    const be = build((h) => [
      { at: [0x000000, 0x000fff], ram: 'ram' },
      { at: [0x100000, 0x100fff], read16: h.r16('io.r'), write16: h.w16('io.w') },           // a whole page
      { at: [0x200000, 0x20000f], read16: h.r16('fine.r'), write16: h.w16('fine.w') },       // shares a page
      { at: [0x200010, 0x20001f], read: h.r('byte.r'), write: h.w('byte.w') },
    ], { bits: 24, endian: 'big' });
    expect(be.space.read8(0x100002)).toBe(0x12); // high byte at the even address (big-endian)
    expect(be.space.read8(0x100003)).toBe(0x34);
    be.space.write8(0x100004, 0xab);
    be.space.write8(0x100005, 0xcd);
    expect(be.space.read16(0x200002)).toBe(0x1234);
    be.space.write16(0x200006, 0xbeef);
    expect(be.space.read16(0x200010)).toBe(0x4242); // a byte device read twice for a word
    expect(be.log).toEqual([
      'r16 io.r 2', 'r16 io.r 2', 'w16 io.w 4=ab00 mask ff00', 'w16 io.w 4=cd mask ff',
      'r16 fine.r 2', 'w16 fine.w 6=beef', 'r byte.r 0', 'r byte.r 1',
    ]);
    const le = build((h) => [{ at: [0x1000, 0x1fff], read16: h.r16('io.r'), write16: h.w16('io.w') }], { bits: 20, endian: 'little' });
    expect(le.space.read8(0x1000)).toBe(0x34); // low byte at the even address (little-endian)
    le.space.write8(0x1001, 0x56);
    expect(le.log).toEqual(['r16 io.r 0', 'w16 io.w 0=5600 mask ff00']);
  });
});

// MAME 0.251 emumem: `rom()` is the read side only (a ROM entry's writes are unmapped unless another entry
// takes them); `bankr` banks are read-only, `bankrw` banks take writes. One definition, entryReads/entryWrites,
// serves the compiler and validate.ts.
describe('which direction an entry takes', () => {
  it('a ROM entry is read-only: writes are dropped, the ROM keeps its bytes', () => {
    const { space, arena } = build(() => [{ at: [0x0000, 0x3fff], rom: 'maincpu' }]);
    const before = space.read8(0x1234);
    space.write8(0x1234, before ^ 0xff);
    expect(space.read8(0x1234)).toBe(before);
    expect(arena[0x1234]).toBe(before);
    expect(entryReads({ at: [0, 0xff], rom: 'maincpu' })).toBe(true);
    expect(entryWrites({ at: [0, 0xff], rom: 'maincpu' }, false)).toBe(false);
  });

  it('a later ROM entry does not take the writes of an earlier write handler (whole pages and finer)', () => {
    const { space, log } = build((h) => [
      { at: [0x0000, 0x3fff], write: h.w('latch') },
      { at: [0x0000, 0x3fff], rom: 'maincpu' },
      { at: [0x4000, 0x4003], write: h.w('io') },
      { at: [0x4000, 0x40ff], rom: 'maincpu', offset: 0 },
    ]);
    space.write8(0x2000, 0x12);
    space.write8(0x4001, 0x34);
    expect(log).toEqual(['w latch 2000=12', 'w io 1=34']);
    expect(space.read8(0x4001)).toBe(space.read8(0x0001)); // reads still come from the ROM
  });

  it('a ROM bank is read-only: its writes reach the handler beneath or are dropped', () => {
    const { space, log, arena } = build((h) => [
      { at: [0x8000, 0x80ff], write: h.w('under') },
      { at: [0x8000, 0x8fff], bank: 'rombank' },
    ]);
    const before = arena[0x8010];
    space.write8(0x8010, 0x99);
    space.write8(0x8800, 0x77);
    expect(log).toEqual(['w under 10=99']);
    expect(arena[0x8010]).toBe(before);
    expect(space.read8(0x8800)).toBe(arena[0x8800]);
    expect(entryWrites({ at: [0x8000, 0x8fff], bank: 'rombank' }, false)).toBe(false);
  });

  it('a RAM bank takes writes, over whatever an earlier entry did', () => {
    const { space, log, arena } = build((h) => [
      { at: [0x8000, 0x80ff], write: h.w('under') },
      { at: [0x8000, 0x8fff], bank: 'rambank' },
    ], { bankWritable: true });
    space.write8(0x8010, 0x99);
    expect(log).toEqual([]);
    expect(arena[0x8010]).toBe(0x99);
    expect(entryWrites({ at: [0x8000, 0x8fff], bank: 'rambank' }, true)).toBe(true);
  });

  it('write-only RAM answers no reads', () => {
    expect(entryReads({ at: [0, 0xff], ram: 'work', writeOnly: true })).toBe(false);
    expect(entryWrites({ at: [0, 0xff], ram: 'work', writeOnly: true }, false)).toBe(true);
  });
});
