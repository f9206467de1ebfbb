/**
 * The two `Serializer` implementations: a writer that appends to a growing byte buffer and a reader
 * that walks a saved one. Values are little-endian. Any mismatch while reading (a block of another
 * length, running off the end, a float that is not a finite number, a value out of its range) throws
 * `StateFormatError`, so a damaged state is refused as a whole; the save-state container
 * (savestate.ts) turns it into the documented `SaveStateError`.
 */
import type { Serializer } from './device';

export class StateFormatError extends Error {
  override name = 'StateFormatError';
}

/** Strings in a state are names and decimal numbers. */
const MAX_STRING_BYTES = 4096;

/**
 * A loaded number checked against its range: outside [min, max] the state is refused (a flipped byte
 * in a timer period or a frame counter must not make the machine hang). Saving passes `v` through.
 */
export function loadedInRange(s: Serializer, v: number, min: number, max: number, what: string): number {
  if (s.loading && !(v >= min && v <= max)) throw new StateFormatError(`${what} ${v} is outside ${min}..${max}`);
  return v;
}

/** A big integer saved as its decimal digits (MAME attosecond times), checked against [min, max] when loading. */
export function bigField(s: Serializer, v: bigint, min: bigint, max: bigint, what: string): bigint {
  const text = s.str(v.toString());
  if (!s.loading) return v;
  if (!/^-?[0-9]{1,40}$/.test(text)) throw new StateFormatError(`${what} '${text.slice(0, 40)}' is not a number`);
  const n = BigInt(text);
  if (n < min || n > max) throw new StateFormatError(`${what} ${n} is outside ${min}..${max}`);
  return n;
}

type Block = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

export class StateWriter implements Serializer {
  readonly loading = false;
  private buf = new Uint8Array(4096);
  private view = new DataView(this.buf.buffer);
  private pos = 0;

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): number { this.room(1); this.view.setUint8(this.pos, v); this.pos += 1; return v; }
  u16(v: number): number { this.room(2); this.view.setUint16(this.pos, v, true); this.pos += 2; return v; }
  u32(v: number): number { this.room(4); this.view.setUint32(this.pos, v >>> 0, true); this.pos += 4; return v; }
  i32(v: number): number { this.room(4); this.view.setInt32(this.pos, v | 0, true); this.pos += 4; return v; }
  f64(v: number): number { this.room(8); this.view.setFloat64(this.pos, v, true); this.pos += 8; return v; }
  bool(v: boolean): boolean { this.u8(v ? 1 : 0); return v; }
  str(v: string): string {
    const bytes = new TextEncoder().encode(v);
    this.u32(bytes.length);
    this.room(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
    return v;
  }
  block(a: Block): void {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    this.u32(a.byteLength);
    this.room(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }
  /** The bytes written so far (a copy). */
  bytes(): Uint8Array { return this.buf.slice(0, this.pos); }
}

export class StateReader implements Serializer {
  readonly loading = true;
  private readonly view: DataView;
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new StateFormatError(`state data ends early (needed ${n} more bytes at offset ${this.pos})`);
  }
  u8(_v: number): number { this.need(1); const r = this.view.getUint8(this.pos); this.pos += 1; return r; }
  u16(_v: number): number { this.need(2); const r = this.view.getUint16(this.pos, true); this.pos += 2; return r; }
  u32(_v: number): number { this.need(4); const r = this.view.getUint32(this.pos, true); this.pos += 4; return r; }
  i32(_v: number): number { this.need(4); const r = this.view.getInt32(this.pos, true); this.pos += 4; return r; }
  f64(_v: number): number {
    this.need(8);
    const r = this.view.getFloat64(this.pos, true);
    // Time stamps and totals are finite: NaN or Infinity would poison every comparison after it.
    if (!Number.isFinite(r)) throw new StateFormatError(`a number at offset ${this.pos} is not finite`);
    this.pos += 8;
    return r;
  }
  bool(_v: boolean): boolean { return this.u8(0) !== 0; }
  str(_v: string): string {
    const n = this.u32(0);
    if (n > MAX_STRING_BYTES) throw new StateFormatError(`a name at offset ${this.pos - 4} claims ${n} bytes`);
    this.need(n);
    const s = new TextDecoder().decode(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
  block(a: Block): void {
    const n = this.u32(0);
    if (n !== a.byteLength) throw new StateFormatError(`state block has ${n} bytes where ${a.byteLength} were expected at offset ${this.pos - 4}`);
    this.need(n);
    new Uint8Array(a.buffer, a.byteOffset, a.byteLength).set(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
  }
  get offset(): number { return this.pos; }
  get atEnd(): boolean { return this.pos === this.buf.length; }
}
