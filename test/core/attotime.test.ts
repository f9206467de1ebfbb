import { describe, expect, it } from 'vitest';
import { Attotime, idiv } from '../../src/core/attotime';

// Attotime's Number arithmetic against the same operations done in BigInt (the reference), on random
// values across the ranges the scheduler meets: times up to an hour, CPU clocks, cycle counts.
const S = 1_000_000_000_000_000_000n;
let seed = 12345;
function rnd(n: number): number {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return Math.floor((seed / 2 ** 32) * n);
}
function randomTime(): bigint {
  const scale = [10n ** 9n, 10n ** 15n, 10n ** 17n, S, S * 3600n][rnd(5)];
  return (BigInt(rnd(2 ** 30)) * BigInt(rnd(2 ** 30)) * 7919n) % scale;
}
const CLOCKS = [894_886, 1_512_000, 3_072_000, 5_000_000, 6_000_000, 8_000_000, 12_000_000, 18_432_000, 60];

describe('Attotime (exact MAME attoseconds in two Numbers)', () => {
  it('adds, subtracts, multiplies, compares and divides exactly as BigInt does', () => {
    for (let i = 0; i < 5_000; i++) {
      const a = randomTime(), b = randomTime();
      const A = Attotime.fromBig(a), B = Attotime.fromBig(b);
      expect(A.toBig()).toBe(a);
      expect(new Attotime().set(A).add(B).toBig()).toBe(a + b);
      if (a >= b) expect(new Attotime().set(A).sub(B).toBig()).toBe(a - b);
      expect(A.lt(B)).toBe(a < b);
      expect(A.le(B)).toBe(a <= b);
      const hz = CLOCKS[rnd(CLOCKS.length)], per = S / BigInt(hz);
      const n = rnd(2) ? rnd(1 << 20) : rnd(hz * 3);
      expect(new Attotime().set(A).addMul(n, Attotime.period(hz)).toBig()).toBe(a + BigInt(n) * per);
      // attotime::from_ticks: whole seconds split off
      const clocks = BigInt(Math.floor(n / hz)) * S + BigInt(n % hz) * per;
      expect(new Attotime().set(A).addClocks(n, hz, Attotime.period(hz)).toBig()).toBe(a + clocks);
      // attotime::as_ticks
      expect(A.ticks(hz)).toBe(Number((a / S) * BigInt(hz) + ((a % S) * BigInt(hz)) / S));
      const d = per >> BigInt(rnd(4));
      if (d > 0n && a / d < 1n << 40n) expect(A.divFloor(Attotime.fromBig(d), Number(d))).toBe(Number(a / d));
    }
  });

  it('keeps never after every comparison, and idiv rounds down exactly', () => {
    const never = new Attotime().setNever();
    expect(never.toBig()).toBe(1n << 120n);
    expect(Attotime.fromBig(S * 3600n).lt(never)).toBe(true);
    expect(never.le(Attotime.fromBig(S))).toBe(false);
    expect(idiv(2 ** 53 - 1, 3)).toBe(Number((2n ** 53n - 1n) / 3n));
    expect(idiv(999_999_999_999_999, 1_000_000_000)).toBe(999_999);
  });
});
