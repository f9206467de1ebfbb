/**
 * ROM manifests: `roms-manifest/<set>.json`, the single source of ROM facts for a game set (file names,
 * sizes, CRC32, SHA1, regions, offsets, parent/merge). For real sets the content equals MAME 0.251's
 * `-listxml` for that set (checked by `tools/check-manifests.ts`); homebrew sets of ours carry
 * `homebrew: true`. The format is described in `roms-manifest/README.md`.
 *
 * `parseManifest` is strict on purpose: a typo such as `"crc"` for `"crc32"` would otherwise turn into a
 * ROM that can never be verified, so unknown keys are errors.
 */
import { RomError } from './errors';

export interface RomEntry {
  name: string;
  size: number;
  /** 8 lowercase hex digits; empty for `status: 'nodump'` */
  crc32: string;
  /** 40 lowercase hex digits; empty for `status: 'nodump'` */
  sha1: string;
  region: string;
  /** byte offset in the region (MAME -listxml prints it in hex; here it is a plain number) */
  offset: number;
  /** the file's name in the parent set, when the clone shares it (MAME `merge`) */
  merge?: string;
  /** MAME's dump status: `nodump` = no good dump known, `baddump` = known to be imperfect */
  status?: 'nodump' | 'baddump';
  /** the set runs without it */
  optional?: boolean;
}

/** What names a game set, shared by its manifest, its driver entry and the machine's `GameInfo`. */
export interface SetIdentity {
  /** MAME short name */
  name: string;
  parent?: string;
  title: string;
  year: string;
  maker: string;
  /** driver family (MAME source file name without .cpp) */
  driver: string;
}

export interface RomManifest extends SetIdentity {
  roms: RomEntry[];
  status?: Record<string, unknown>;
  homebrew?: boolean;
}

const SET_KEYS = new Set(['name', 'parent', 'title', 'year', 'maker', 'driver', 'roms', 'status', 'homebrew']);
const ROM_KEYS = new Set(['name', 'size', 'crc32', 'sha1', 'region', 'offset', 'merge', 'status', 'optional']);
/** MAME short names: lowercase letters, digits, underscore (MAME's validity check enforces the same). */
const SET_NAME = /^[a-z0-9_]{1,32}$/;
const HEX8 = /^[0-9a-f]{8}$/;
const HEX40 = /^[0-9a-f]{40}$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks the shape of a parsed manifest and returns it typed. `origin` names where it came from (a file
 * path) and starts every error message. Throws RomError.
 */
export function parseManifest(json: unknown, origin: string): RomManifest {
  const fail = (what: string): never => {
    throw new RomError(`${origin}: ${what}`);
  };
  if (!isObject(json)) fail('a manifest must be a JSON object');
  const m = json as Record<string, unknown>;
  for (const k of Object.keys(m)) if (!SET_KEYS.has(k)) fail(`unknown key "${k}" (allowed: ${[...SET_KEYS].join(', ')})`);

  const str = (o: Record<string, unknown>, key: string, where: string, optional = false): string | undefined => {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v.length === 0) fail(`${where}"${key}" must be a non-empty string`);
    return v as string;
  };

  const name = str(m, 'name', '')!;
  if (!SET_NAME.test(name)) fail(`set name "${name}" must be a MAME short name (a-z, 0-9, _; at most 32 characters)`);
  const parent = str(m, 'parent', '', true);
  if (parent !== undefined && !SET_NAME.test(parent)) fail(`parent "${parent}" is not a valid set name`);
  if (parent === name) fail('a set cannot be its own parent');
  const title = str(m, 'title', '')!;
  const year = str(m, 'year', '')!;
  const maker = str(m, 'maker', '')!;
  const driver = str(m, 'driver', '')!;
  if (m.status !== undefined && !isObject(m.status)) fail('"status" must be an object');
  if (m.homebrew !== undefined && typeof m.homebrew !== 'boolean') fail('"homebrew" must be true or false');
  if (!Array.isArray(m.roms) || m.roms.length === 0) fail('"roms" must be a non-empty array');

  const roms: RomEntry[] = [];
  const seen = new Set<string>();
  (m.roms as unknown[]).forEach((r, i) => {
    if (!isObject(r)) fail(`roms[${i}] must be an object`);
    const ro = r as Record<string, unknown>;
    const at = `roms[${i}]${typeof ro.name === 'string' ? ` (${ro.name})` : ''}: `;
    for (const k of Object.keys(ro)) if (!ROM_KEYS.has(k)) fail(`${at}unknown key "${k}" (allowed: ${[...ROM_KEYS].join(', ')})`);
    const romName = str(ro, 'name', at)!;
    if (/[\\/]|^\.\.?$/.test(romName)) fail(`${at}a ROM name cannot contain a path`);
    const key = romName.toLowerCase();
    if (seen.has(key)) fail(`${at}the name appears twice in the set`);
    seen.add(key);
    const size = ro.size;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0) fail(`${at}"size" must be a positive integer`);
    const offset = ro.offset;
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) fail(`${at}"offset" must be an integer >= 0`);
    const region = str(ro, 'region', at)!;
    const status = ro.status;
    if (status !== undefined && status !== 'nodump' && status !== 'baddump') fail(`${at}"status" must be "nodump" or "baddump"`);
    const crc = ro.crc32, sha1 = ro.sha1;
    if (status === 'nodump') {
      // MAME lists no hashes for a file nobody has dumped correctly.
      if ((crc !== undefined && crc !== '') || (sha1 !== undefined && sha1 !== '')) fail(`${at}a "nodump" ROM has no hashes`);
    } else {
      if (typeof crc !== 'string' || !HEX8.test(crc)) fail(`${at}"crc32" must be 8 lowercase hex digits`);
      if (typeof sha1 !== 'string' || !HEX40.test(sha1)) fail(`${at}"sha1" must be 40 lowercase hex digits`);
    }
    const merge = str(ro, 'merge', at, true);
    if (merge !== undefined && parent === undefined) fail(`${at}"merge" names a file of the parent set, but the set has no parent`);
    if (ro.optional !== undefined && typeof ro.optional !== 'boolean') fail(`${at}"optional" must be true or false`);
    const entry: RomEntry = { name: romName, size: size as number, crc32: (crc as string) ?? '', sha1: (sha1 as string) ?? '', region, offset: offset as number };
    if (merge !== undefined) entry.merge = merge;
    if (status !== undefined) entry.status = status as 'nodump' | 'baddump';
    if (ro.optional !== undefined) entry.optional = ro.optional as boolean;
    roms.push(entry);
  });

  const out: RomManifest = { name, title, year, maker, driver, roms };
  if (parent !== undefined) out.parent = parent;
  if (m.status !== undefined) out.status = m.status as Record<string, unknown>;
  if (m.homebrew !== undefined) out.homebrew = m.homebrew as boolean;
  return out;
}

/** The set's ancestors, nearest first (MAME `romof` chain), from a map of loaded manifests. */
export function parentChain(manifests: ReadonlyMap<string, RomManifest>, set: string): RomManifest[] {
  const chain: RomManifest[] = [];
  const seen = new Set<string>([set]);
  let p = manifests.get(set)?.parent;
  while (p !== undefined) {
    if (seen.has(p)) throw new RomError(`set ${set}: its parents form a loop through ${p}`);
    seen.add(p);
    const pm = manifests.get(p);
    if (!pm) throw new RomError(`set ${set}: its parent set ${p} has no manifest`);
    chain.push(pm);
    p = pm.parent;
  }
  return chain;
}
