/**
 * The device model: every CPU, sound chip, video unit, latch and board glue is a `Device`.
 *
 * A device owns all of its state and saves it through one `serialize()` method that runs in both
 * directions (the ares pattern): the same code writes a state and reads it back, so the two can never
 * drift apart. Devices reach each other only through what the machine builder wires: map entries,
 * `WriteLine` fields and constructor references.
 */

/** One visitor for both directions. When `loading`, each call returns the stored value; else it stores `v` and returns it. */
export interface Serializer {
  readonly loading: boolean;
  u8(v: number): number;
  u16(v: number): number;
  u32(v: number): number;
  /** Signed 32-bit integer. */
  i32(v: number): number;
  /** A JS number stored exactly (float64): time stamps and accumulated cycle totals. */
  f64(v: number): number;
  bool(v: boolean): boolean;
  /** Copied in place: the array keeps its identity, its length must match the saved one. */
  block(a: Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array): void;
  /** Short UTF-8 string (debug names, bank names). */
  str(v: string): string;
}

/** An output line (a pin). 0 = clear, 1 = assert. */
export type WriteLine = (state: number) => void;
export const unconnected: WriteLine = () => {};

export abstract class Device {
  constructor(
    readonly tag: string,
    public clock: number,
  ) {}
  /** Power-on / reset pin. Must not allocate. */
  abstract reset(): void;
  /** Every non-derivable field; the same code saves and loads. */
  abstract serialize(s: Serializer): void;
  /** Rebuild caches after a load: decoded palettes, bank pointers. */
  postLoad(): void {}
}
