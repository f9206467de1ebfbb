/**
 * MAME's `attotime` (integer attoseconds, 10^-18 s) held exactly in two Numbers, so the scheduler's
 * per-slice arithmetic allocates nothing: `ns` whole nanoseconds (exact up to 2^53 ns, 104 days) and `as`
 * the attoseconds within that nanosecond (0 ≤ as < 10^9). Every operation is exact integer arithmetic
 * on doubles below 2^53; where an operand is too large for that (a multiplier or clock ≥ 2^23) the
 * operation is done in BigInt instead, with the same result.
 *
 * Values are mutable and preallocated by their owner (a timer's expiry, a CPU's local time): hot paths
 * write into them, never create them.
 */

/** attoseconds per nanosecond */
export const AS_PER_NS = 1_000_000_000;
const AS_PER_NS_BIG = 1_000_000_000n;
/** Above this a product with a nanosecond part or a clock may pass 2^53: BigInt instead. */
const FAST_LIMIT = 1 << 23;

/** floor(x / y) for non-negative integers x, y < 2^53 (the rounded quotient, corrected). */
export function idiv(x: number, y: number): number {
  let q = Math.floor(x / y);
  const r = x - q * y;
  if (r < 0) q--;
  else if (r >= y) q++;
  return q;
}

export class Attotime {
  /** whole nanoseconds; Infinity = never */
  ns = 0;
  /** attoseconds within the nanosecond */
  as = 0;

  static fromBig(v: bigint): Attotime {
    return new Attotime().setBig(v);
  }

  /** MAME `HZ_TO_ATTOSECONDS`: floor(10^18 / hz), for an integer hz ≥ 1. */
  static period(hz: number): Attotime {
    return new Attotime().setBig(1_000_000_000_000_000_000n / BigInt(Math.round(hz)));
  }

  get never(): boolean {
    return this.ns === Infinity;
  }

  setNever(): this {
    this.ns = Infinity;
    this.as = 0;
    return this;
  }

  setBig(v: bigint): this {
    if (v >= 1n << 100n) return this.setNever();
    this.ns = Number(v / AS_PER_NS_BIG);
    this.as = Number(v % AS_PER_NS_BIG);
    return this;
  }

  toBig(): bigint {
    if (this.ns === Infinity) return 1n << 120n;
    return BigInt(this.ns) * AS_PER_NS_BIG + BigInt(this.as);
  }

  set(o: Attotime): this {
    this.ns = o.ns;
    this.as = o.as;
    return this;
  }

  setZero(): this {
    this.ns = 0;
    this.as = 0;
    return this;
  }

  add(o: Attotime): this {
    let as = this.as + o.as, ns = this.ns + o.ns;
    if (as >= AS_PER_NS) { as -= AS_PER_NS; ns++; }
    this.ns = ns;
    this.as = as;
    return this;
  }

  /** this − o (o ≤ this). */
  sub(o: Attotime): this {
    let as = this.as - o.as, ns = this.ns - o.ns;
    if (as < 0) { as += AS_PER_NS; ns--; }
    this.ns = ns;
    this.as = as;
    return this;
  }

  /** this += n × per, n a non-negative integer. */
  addMul(n: number, per: Attotime): this {
    if (n >= FAST_LIMIT || per.ns >= FAST_LIMIT) return this.setBig(this.toBig() + BigInt(n) * per.toBig());
    const p = n * per.as, r = p % AS_PER_NS;
    let as = this.as + r, ns = this.ns + n * per.ns + (p - r) / AS_PER_NS;
    if (as >= AS_PER_NS) { as -= AS_PER_NS; ns++; }
    this.ns = ns;
    this.as = as;
    return this;
  }

  /** this += whole seconds. */
  addSeconds(s: number): this {
    this.ns += s * AS_PER_NS;
    return this;
  }

  /**
   * MAME `attotime::from_ticks(cycles, hz)` added to this: whole seconds split off, the rest in
   * truncated periods (`period` = floor(10^18 / hz) of the same hz).
   */
  addClocks(cycles: number, hz: number, period: Attotime): this {
    if (cycles < hz) return this.addMul(cycles, period);
    const sec = Math.floor(cycles / hz);
    return this.addSeconds(sec).addMul(cycles - sec * hz, period);
  }

  lt(o: Attotime): boolean {
    return this.ns < o.ns || (this.ns === o.ns && this.as < o.as);
  }

  le(o: Attotime): boolean {
    return this.ns < o.ns || (this.ns === o.ns && this.as <= o.as);
  }

  eq(o: Attotime): boolean {
    return this.ns === o.ns && this.as === o.as;
  }

  /**
   * floor(this / d) for a positive `d` (`approx` = d as a double): the number of whole d in this.
   * Exact: the double quotient is corrected against the exact products.
   */
  divFloor(d: Attotime, approx: number): number {
    let q = Math.floor((this.ns * AS_PER_NS + this.as) / approx);
    if (q >= FAST_LIMIT || d.ns >= FAST_LIMIT || this.ns === Infinity) return Number(this.toBig() / d.toBig());
    if (q < 0) q = 0;
    // t = q × d, then moved until t ≤ this < t + d
    const p = q * d.as, r = p % AS_PER_NS;
    let tn = q * d.ns + (p - r) / AS_PER_NS, ta = r;
    while (tn > this.ns || (tn === this.ns && ta > this.as)) {
      q--;
      tn -= d.ns;
      ta -= d.as;
      if (ta < 0) { ta += AS_PER_NS; tn--; }
    }
    for (;;) {
      let un = tn + d.ns, ua = ta + d.as;
      if (ua >= AS_PER_NS) { ua -= AS_PER_NS; un++; }
      if (un > this.ns || (un === this.ns && ua > this.as)) return q;
      q++;
      tn = un;
      ta = ua;
    }
  }

  /** MAME `attotime::as_ticks(hz)`: whole periods of an integer `hz` clock elapsed in this time (truncated). */
  ticks(hz: number): number {
    if (hz >= FAST_LIMIT || this.ns === Infinity) {
      const v = this.toBig(), h = BigInt(hz), s = 1_000_000_000_000_000_000n;
      return Number((v / s) * h + ((v % s) * h) / s);
    }
    // seconds S and nanoseconds N within the second: S·hz + floor((N·hz·10^9 + as·hz) / 10^18)
    const n = this.ns % AS_PER_NS, sec = (this.ns - n) / AS_PER_NS;
    const b = this.as * hz, bq = (b - (b % AS_PER_NS)) / AS_PER_NS;
    const x = n * hz + bq;
    return sec * hz + (x - (x % AS_PER_NS)) / AS_PER_NS;
  }
}
