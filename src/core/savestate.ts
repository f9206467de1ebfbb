/**
 * The save-state container (ARCHITECTURE.md §3; the format is documented in docs/savestate.md): what surrounds the
 * devices' own serialized state.
 *
 *   str  magic "ARCADE-STATE"      (u32 length + UTF-8 bytes)
 *   u16  format version            (STATE_VERSION)
 *   str  set name
 *   u32  ROM count, then per ROM: str name, str SHA-1 (hex), sorted by name
 *   ...  body: the machine's state (scheduler, inputs, mixer, screen, memory, devices in tag order)
 *   u32  CRC-32 of every byte before it
 *
 * Loading checks, in order: magic, version, checksum, set, ROMs; only then is the body read, and every
 * value read from it is range-checked where it is read (serializer.ts `loadedInRange`). Every refusal is
 * a `SaveStateError` whose message says what is wrong and what to do.
 */
import { crc32 } from './roms/hash';
import { SaveStateError } from './machine-api';
import { StateFormatError, StateReader, StateWriter } from './serializer';

export { SaveStateError };

export const STATE_MAGIC = 'ARCADE-STATE';
// 2: scheduler times kept in MAME attoseconds and the 50 Hz sound-manager timer
// 3: a CRC-32 of the whole file at its end; loaded values range-checked
// 4: each sound stream's timing saved once, by its sound device (3 also saved it after the mixer)
export const STATE_VERSION = 4;

export interface StateIdentity {
  set: string;
  /** [ROM name, SHA-1 hex] sorted by name */
  roms: readonly (readonly [string, string])[];
}

/** A complete state file: header, the body `writeBody` produces, checksum. */
export function writeState(id: StateIdentity, writeBody: (w: StateWriter) => void): Uint8Array {
  const w = new StateWriter();
  w.str(STATE_MAGIC);
  w.u16(STATE_VERSION);
  w.str(id.set);
  w.u32(id.roms.length);
  for (const [n, h] of id.roms) { w.str(n); w.str(h); }
  writeBody(w);
  const bytes = w.bytes();
  const out = new Uint8Array(bytes.length + 4);
  out.set(bytes);
  new DataView(out.buffer).setUint32(bytes.length, crc32(bytes), true);
  return out;
}

/**
 * Checks the container of `bytes` against the machine (`id`) and returns a reader positioned at the
 * body, which ends before the checksum. Throws SaveStateError.
 */
export function openState(bytes: Uint8Array, id: StateIdentity): StateReader {
  const magic = new TextEncoder().encode(STATE_MAGIC);
  const head = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const prefix = new Uint8Array(4 + magic.length);
  new DataView(prefix.buffer).setUint32(0, magic.length, true);
  prefix.set(magic, 4);
  const minimum = prefix.length + 2 + 4; // magic, version, checksum
  if (!prefix.every((b, i) => i >= bytes.length || bytes[i] === b) || bytes.length === 0)
    throw new SaveStateError('not an Arcade save state (no ARCADE-STATE header); choose a file saved by Arcade');
  if (bytes.length < minimum) throw new SaveStateError(`this save state is damaged (cut short after ${bytes.length} bytes); it cannot be loaded`);
  const version = head.getUint16(4 + magic.length, true);
  if (version !== STATE_VERSION) {
    throw new SaveStateError(version > 0 && version < STATE_VERSION
      ? `this save state has format ${version}, from an older version of Arcade; this version reads format ${STATE_VERSION} only, so save the game again`
      : `this save state has format ${version}, which this version of Arcade does not know (it reads format ${STATE_VERSION}); the file is damaged or from a newer version`);
  }
  const end = bytes.length - 4;
  if (end < 4 + magic.length + 2 || crc32(bytes.subarray(0, end)) !== head.getUint32(end, true))
    throw new SaveStateError('this save state is damaged (its checksum does not match: the file was cut short or changed); it cannot be loaded');
  const r = new StateReader(bytes.subarray(0, end));
  try {
    r.str(''); r.u16(0);
    const set = r.str('');
    if (set !== id.set) throw new SaveStateError(`this save state is for '${printable(set)}', not '${id.set}'; load it with that game`);
    const n = r.u32(0);
    if (n !== id.roms.length) throw new SaveStateError(`this save state was made with a different ROM set (${n} files, this one has ${id.roms.length})`);
    for (let i = 0; i < n; i++) {
      const name = r.str(''), hash = r.str('');
      if (name !== id.roms[i][0] || hash !== id.roms[i][1])
        throw new SaveStateError(`this save state was made with different ROMs (${printable(name)} differs); load it with the ROMs it was saved with`);
    }
  } catch (e) {
    throw asSaveStateError(e);
  }
  return r;
}

/** A name read from a (possibly damaged) file, safe to show on one line. */
function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** Any failure while reading a state, as the one documented error type. */
export function asSaveStateError(e: unknown): SaveStateError {
  if (e instanceof SaveStateError) return e;
  if (e instanceof StateFormatError || e instanceof Error)
    return new SaveStateError(`this save state is damaged (${e.message}); it cannot be loaded`);
  return new SaveStateError(`this save state is damaged (${String(e)}); it cannot be loaded`);
}

/**
 * Recomputes the checksum of an edited state in place (for tests and tools that damage a state on
 * purpose, to show that the range checks behind the checksum hold on their own).
 */
export function sealState(bytes: Uint8Array): Uint8Array {
  const end = bytes.length - 4;
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(end, crc32(bytes.subarray(0, end)), true);
  return bytes;
}
