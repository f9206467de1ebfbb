/**
 * The app's one door to the ROM layer (src/core/roms) and the manifests (roms-manifest/*.json).
 * Portable: no node:fs, so the Electron main process, the web build's page and the emulator worker
 * all audit and load sets through the same functions. The manifests are bundled at build time
 * (import.meta.glob), so a packaged app never looks for JSON files on disk.
 */
import type { RawSource, RomFileAudit, SetAudit, SetStatus } from './api';
import { parseManifest, type RomManifest } from '../core/roms/manifest';
import { memorySource, zipSource, type RomSource } from '../core/roms/source';
import { auditSet, loadSet, type AuditReport, type FileStatus } from '../core/roms/audit';
import { describeError } from '../core/roms/errors';

export type { RomManifest };

const manifestModules = import.meta.glob('../../roms-manifest/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

let cache: Map<string, RomManifest> | null = null;

/** Every bundled manifest by set name. A broken manifest is left out (and logged), never fatal for the app. */
export function manifests(extra: RomManifest[] = []): Map<string, RomManifest> {
  if (!cache) {
    cache = new Map();
    for (const [path, json] of Object.entries(manifestModules)) {
      try {
        const m = parseManifest(json, path);
        cache.set(m.name, m);
      } catch (e) {
        console.error(describeError(e));
      }
    }
  }
  if (extra.length === 0) return cache;
  const all = new Map(cache);
  for (const m of extra) all.set(m.name, m);
  return all;
}

export function toRomSource(s: RawSource): RomSource {
  return s.kind === 'zip' ? zipSource(s.label, s.bytes) : memorySource(s.label, new Map(Object.entries(s.files)));
}

const FILE_STATUS: Record<FileStatus, RomFileAudit['status']> = {
  ok: 'good', nodump: 'good', missing: 'missing', 'wrong-size': 'wrongSize', 'bad-checksum': 'badChecksum',
};

function summarize(manifest: RomManifest, report: AuditReport | null, rawCount: number, searched: string[], problem?: string): SetAudit {
  const files: RomFileAudit[] = (report?.files ?? []).map((f) => {
    const out: RomFileAudit = { name: f.rom.name, size: f.rom.size, crc32: f.rom.crc32, status: FILE_STATUS[f.status] };
    if (f.status === 'missing' && f.rom.optional) out.status = 'good';
    if (f.foundIn) out.foundIn = f.foundIn;
    return out;
  });
  if (!report) {
    for (const r of manifest.roms) files.push({ name: r.name, size: r.size, crc32: r.crc32, status: 'missing' });
  }
  const missing = files.filter((f) => f.status === 'missing' || f.status === 'wrongSize');
  const bad = files.filter((f) => f.status === 'badChecksum');
  let status: SetStatus;
  let message: string;
  if (rawCount === 0) {
    status = 'notFound';
    message = `Not found. Put ${manifest.name}.zip (or a ${manifest.name} folder) in one of your ROM folders, or drop the zip on this window.`;
  } else if (missing.length > 0 || !report) {
    status = 'missing';
    message = `${missing.length} of ${files.length} files missing or the wrong size (${missing.slice(0, 3).map((f) => f.name).join(', ')}${missing.length > 3 ? ', …' : ''}). ${whereToAdd(manifest, missing)}`;
  } else if (bad.length > 0) {
    status = 'badChecksum';
    message = `Playable, but ${bad.length} file${bad.length > 1 ? 's have' : ' has'} a wrong checksum (another revision or a hack); it may not run correctly.`;
  } else {
    status = 'good';
    message = report.status === 'best available' ? 'Best available: no perfect dump of every file exists.' : 'All files present and verified.';
  }
  if (problem) message += ` (${problem})`;
  return { name: manifest.name, status, files, searched: report?.searched ?? searched, message };
}

/**
 * Where the missing files belong. A clone's files that MAME marks `merge` are the parent's: MAME users
 * keep them in the parent's zip (split sets), so the advice names that zip.
 */
function whereToAdd(manifest: RomManifest, missing: RomFileAudit[]): string {
  const fromParent = new Set(manifest.roms.filter((r) => r.merge !== undefined).map((r) => r.name));
  const own = missing.filter((f) => !fromParent.has(f.name));
  const shared = missing.filter((f) => fromParent.has(f.name));
  const parts: string[] = [];
  if (own.length) parts.push(`Add ${own.length === missing.length ? 'them' : own.map((f) => f.name).join(', ')} to ${manifest.name}.zip.`);
  if (shared.length && manifest.parent)
    parts.push(`${shared.length === missing.length ? 'They are' : `${shared.map((f) => f.name).join(', ')} ${shared.length > 1 ? 'are' : 'is'}`} shared with the parent set: put ${shared.length > 1 ? 'them' : 'it'} in ${manifest.parent}.zip (or ${manifest.name}.zip).`);
  return parts.join(' ') || `Add them to ${manifest.name}.zip.`;
}

function openAll(raw: RawSource[]): { sources: RomSource[]; problem?: string } {
  const sources: RomSource[] = [];
  let problem: string | undefined;
  for (const r of raw) {
    try {
      sources.push(toRomSource(r));
    } catch (e) {
      problem ??= describeError(e);
    }
  }
  return { sources, problem };
}

/**
 * Audit one set against raw sources with the core's MAME-rules audit (src/core/roms/audit.ts):
 * a missing or wrong-size file means the set cannot run; wrong checksums run with a warning.
 */
export function auditRaw(manifest: RomManifest, raw: RawSource[], searched: string[]): SetAudit {
  const { sources, problem } = openAll(raw);
  try {
    return summarize(manifest, auditSet(manifest, sources), raw.length, searched, problem);
  } catch (e) {
    return summarize(manifest, null, raw.length, searched, describeError(e));
  }
}

export function isPlayable(status: SetStatus): boolean {
  return status === 'good' || status === 'badChecksum';
}

/**
 * The bytes of every ROM file of the set, by manifest name, for the machine builder. Throws the core's
 * RomError (a user-facing message listing each missing file) when the set cannot run.
 */
export function loadRaw(manifest: RomManifest, raw: RawSource[]): { files: Map<string, Uint8Array>; audit: SetAudit } {
  const { sources, problem } = openAll(raw);
  const { files, report } = loadSet(manifest, sources);
  return { files, audit: summarize(manifest, report, raw.length, report.searched, problem) };
}
