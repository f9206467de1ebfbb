/**
 * Checks every real-set manifest in roms-manifest/ against MAME's own description of the set
 * (`mame -listxml SET`): title, year, maker, parent, and for each ROM its name, size, CRC32, SHA1,
 * region, offset, merge name, dump status and `optional` flag, in MAME's order. Homebrew manifests
 * (`homebrew: true`) are ours and are skipped.
 *
 *   npx tsx tools/check-manifests.ts [--mame PATH] [--dir DIR] [SET…]
 *   npx tsx tools/check-manifests.ts --write SET…    (create roms-manifest/SET.json from -listxml;
 *                                                     the driver name is MAME's source file stem)
 *
 * Exit 0 when every checked manifest matches; 1 on a difference; 3 when MAME cannot be run.
 * MAME defaults to $MAME, else /usr/games/mame (Debian's package). The project targets MAME 0.251.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RomError } from '../src/core/roms/errors';
import type { RomEntry, RomManifest } from '../src/core/roms/manifest';
import { DEFAULT_MANIFEST_DIR, loadManifests } from '../src/core/roms/rompath-node';

export const TARGET_MAME_VERSION = '0.251';

export interface ListedMachine {
  name: string;
  sourcefile?: string;
  cloneof?: string;
  romof?: string;
  description: string;
  year: string;
  manufacturer: string;
  roms: Record<string, string>[];
  /** elements our manifest format cannot express (disks, BIOS selections) */
  unsupported: string[];
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&'
    : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/**
 * The machines in MAME -listxml output. The format is MAME's fixed, line-oriented XML (one element per
 * line, attributes double-quoted), so a small reader of the elements we need is enough.
 */
export function parseListxml(xml: string): Map<string, ListedMachine> {
  const out = new Map<string, ListedMachine>();
  for (const block of xml.matchAll(/<machine\s([^>]*)>([\s\S]*?)<\/machine>/g)) {
    const a = attributes(block[1]);
    const body = block[2];
    const text = (el: string): string => unescapeXml(body.match(new RegExp(`<${el}>([^<]*)</${el}>`))?.[1] ?? '');
    const m: ListedMachine = {
      name: a.name,
      description: text('description'),
      year: text('year'),
      manufacturer: text('manufacturer'),
      roms: [...body.matchAll(/<rom\s([^>]*?)\/>/g)].map((r) => attributes(r[1])),
      unsupported: [],
    };
    if (a.sourcefile) m.sourcefile = a.sourcefile;
    if (a.cloneof) m.cloneof = a.cloneof;
    if (a.romof) m.romof = a.romof;
    for (const d of body.matchAll(/<disk\s([^>]*?)\/>/g)) m.unsupported.push(`disk ${attributes(d[1]).name}`);
    for (const r of m.roms) if (r.bios) m.unsupported.push(`ROM ${r.name} belongs to BIOS option ${r.bios}`);
    if (m.romof && m.romof !== m.cloneof) m.unsupported.push(`romof=${m.romof} differs from cloneof=${m.cloneof ?? '(none)'}`);
    out.set(m.name, m);
  }
  return out;
}

/** The manifest MAME's description implies (without `driver`, which is ours). */
export function expectedManifest(m: ListedMachine): Omit<RomManifest, 'driver'> {
  const roms = m.roms.map((r) => {
    const e: RomEntry = {
      name: r.name,
      size: Number(r.size),
      crc32: r.crc ?? '',
      sha1: r.sha1 ?? '',
      region: r.region ?? '',
      // -listxml prints offsets in hex without a prefix
      offset: parseInt(r.offset ?? '0', 16),
    };
    if (r.merge !== undefined) e.merge = r.merge;
    if (r.status === 'nodump' || r.status === 'baddump') e.status = r.status;
    if (r.optional === 'yes') e.optional = true;
    return e;
  });
  const out: Omit<RomManifest, 'driver'> = { name: m.name, title: m.description, year: m.year, maker: m.manufacturer, roms };
  if (m.cloneof) out.parent = m.cloneof;
  return out;
}

/** Human lines, one per difference; empty when the manifest agrees with MAME. */
export function compareManifest(manifest: RomManifest, listed: ListedMachine): string[] {
  const diffs: string[] = [...listed.unsupported.map((u) => `MAME lists ${u}, which the manifest format cannot express`)];
  const exp = expectedManifest(listed);
  const field = (what: string, ours: unknown, theirs: unknown): void => {
    if (ours !== theirs) diffs.push(`${what}: manifest has ${JSON.stringify(ours)}, MAME has ${JSON.stringify(theirs)}`);
  };
  field('title', manifest.title, exp.title);
  field('year', manifest.year, exp.year);
  field('maker', manifest.maker, exp.maker);
  field('parent', manifest.parent, exp.parent);
  if (manifest.roms.length !== exp.roms.length)
    diffs.push(`ROM count: manifest has ${manifest.roms.length}, MAME has ${exp.roms.length}`);
  const n = Math.max(manifest.roms.length, exp.roms.length);
  for (let i = 0; i < n; i++) {
    const ours = manifest.roms[i] as RomEntry | undefined;
    const theirs = exp.roms[i] as RomEntry | undefined;
    if (!ours || !theirs) {
      diffs.push(`ROM #${i + 1}: ${ours ? `${ours.name} is not in MAME's list` : `MAME's ${theirs!.name} is missing`}`);
      continue;
    }
    for (const k of ['name', 'size', 'crc32', 'sha1', 'region', 'offset', 'merge', 'status', 'optional'] as const)
      field(`ROM #${i + 1} (${theirs.name}) ${k}`, ours[k], theirs[k]);
  }
  return diffs;
}

function mameBinary(explicit?: string): string {
  return explicit ?? process.env.MAME ?? '/usr/games/mame';
}

function runMame(mame: string, args: string[]): string {
  return execFileSync(mame, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function listxml(mame: string, sets: string[]): Map<string, ListedMachine> {
  try {
    return parseListxml(runMame(mame, ['-listxml', ...sets]));
  } catch (e) {
    const err = e as { status?: number; stderr?: string; stdout?: string };
    // MAME exits 5 when a name is unknown but still lists the others.
    if (err.status === 5 && err.stdout) return parseListxml(err.stdout);
    throw new Error(`${mame} -listxml failed: ${(err.stderr || String(e)).trim()}`);
  }
}

function writeManifests(mame: string, dir: string, sets: string[]): number {
  const listed = listxml(mame, sets);
  for (const s of sets) {
    const m = listed.get(s);
    if (!m) {
      console.error(`${s}: MAME does not know this set`);
      return 1;
    }
    if (m.unsupported.length) {
      console.error(`${s}: cannot be expressed: ${m.unsupported.join('; ')}`);
      return 1;
    }
    const e = expectedManifest(m);
    const driver = (m.sourcefile ?? '').replace(/^.*\//, '').replace(/\.cpp$/, '');
    const ordered = { name: e.name, ...(e.parent ? { parent: e.parent } : {}), title: e.title, year: e.year, maker: e.maker, driver, roms: e.roms };
    const path = join(dir, `${s}.json`);
    writeFileSync(path, formatManifest(ordered));
    console.log(`wrote ${path} (${e.roms.length} ROMs)`);
  }
  return 0;
}

/** Manifest JSON as committed: one ROM per line, so diffs stay readable. */
export function formatManifest(m: object & { roms: RomEntry[] }): string {
  const head = JSON.stringify({ ...m, roms: [] }, null, 2).replace(/\n\s*"roms": \[\]\n\}$/, '');
  return `${head}\n  "roms": [\n${m.roms.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
}

export function main(argv: string[]): number {
  let mamePath: string | undefined;
  let dir = DEFAULT_MANIFEST_DIR;
  let write = false;
  const sets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--mame') mamePath = argv[++i];
    else if (a === '--dir') dir = argv[++i];
    else if (a === '--write') write = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx tools/check-manifests.ts [--mame PATH] [--dir DIR] [--write] [SET…]');
      return 0;
    } else if (a.startsWith('--')) {
      console.error(`check-manifests: unknown option ${a}`);
      return 2;
    } else sets.push(a);
  }
  const mame = mameBinary(mamePath);
  if (!existsSync(mame)) {
    console.error(`check-manifests: MAME not found at ${mame} (install the Debian package "mame", or set MAME=/path/to/mame)`);
    return 3;
  }
  let version: string;
  try {
    version = runMame(mame, ['-version']).trim();
  } catch (e) {
    console.error(`check-manifests: cannot run ${mame}: ${(e as Error).message.split('\n')[0]}`);
    return 3;
  }
  if (!version.startsWith(TARGET_MAME_VERSION + ' ') && version !== TARGET_MAME_VERSION)
    console.log(`warning: MAME is ${version}; manifests follow MAME ${TARGET_MAME_VERSION}, so differences may be MAME's changes`);
  if (write) return writeManifests(mame, dir, sets);

  let manifests: Map<string, RomManifest>;
  try {
    manifests = loadManifests(dir);
  } catch (e) {
    console.error(`check-manifests: ${e instanceof RomError ? e.message : String(e)}`);
    return 1;
  }
  const chosen = sets.length ? sets : [...manifests.keys()];
  const unknown = chosen.filter((s) => !manifests.has(s));
  if (unknown.length) {
    console.error(`check-manifests: no manifest for ${unknown.join(', ')} in ${dir}`);
    return 2;
  }
  const real = chosen.filter((s) => !manifests.get(s)!.homebrew);
  for (const s of chosen.filter((c) => manifests.get(c)!.homebrew)) console.log(`${s}: homebrew set, not in MAME (skipped)`);
  let listed: Map<string, ListedMachine>;
  try {
    listed = real.length ? listxml(mame, real) : new Map();
  } catch (e) {
    console.error(`check-manifests: ${(e as Error).message}`);
    return 3;
  }
  let differ = 0;
  for (const s of real) {
    const m = manifests.get(s)!;
    const l = listed.get(s);
    const diffs = l ? compareManifest(m, l) : [`MAME ${version} does not know the set ${s}`];
    if (diffs.length) {
      differ++;
      console.log(`${s}: DIFFERS from mame -listxml`);
      for (const d of diffs) console.log(`  ${d}`);
    } else {
      console.log(`${s}: matches mame -listxml (${m.roms.length} ROMs)`);
    }
  }
  console.log(`${real.length} manifests checked against MAME ${version}, ${differ} differ`);
  return differ ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
