// Folders and zip files on disk: MAME's search order, and clear one-line errors for a rompath that does
// not exist, damaged zips and files that cannot be read — never a hang (FIFOs are never opened).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { auditSet, loadSet } from '../../src/core/roms/audit';
import { RomError } from '../../src/core/roms/errors';
import { checkRompath, folderSource, openSetSources, parseRompath, zipFileSource } from '../../src/core/roms/rompath-node';
import { bytesFrom, fakeSets, writeFolder, tempDirs } from '../fixtures/roms/make-sets';

const sets = fakeSets();
const scratch = tempDirs('arcade-rompath-');
const tmp = () => scratch.make();
afterAll(() => scratch.cleanup());

function romError(f: () => unknown): RomError {
  const t0 = Date.now();
  try {
    f();
  } catch (e) {
    expect(Date.now() - t0).toBeLessThan(2000);
    if (!(e instanceof RomError)) throw new Error(`expected a RomError, got ${String(e)}`);
    expect(e.message).not.toContain('\n');
    return e;
  }
  throw new Error('expected a RomError');
}

describe('parseRompath', () => {
  it("splits on ';' and the platform delimiter, dropping empty parts and spaces", () => {
    expect(parseRompath('roms')).toEqual(['roms']);
    expect(parseRompath(' a ; b;;c ')).toEqual(['a', 'b', 'c']);
    if (sep === '/') expect(parseRompath('/x/roms:/y/roms;z')).toEqual(['/x/roms', '/y/roms', 'z']);
    expect(parseRompath('')).toEqual([]);
  });
});

describe('openSetSources', () => {
  it('searches DIR/SET/ and DIR/SET.zip for each DIR, then the parent’s, in that order', () => {
    const [d1, d2] = [tmp(), tmp()];
    writeFolder(join(d1, 'fakeclo'), new Map([['c.bin', sets.files.fakeclo.get('c.bin')!]]));
    writeFileSync(join(d2, 'fakepar.zip'), zipSync(Object.fromEntries(sets.files.fakepar)));
    const sources = openSetSources(sets.manifests, 'fakeclo', [d1, d2]);
    expect(sources.map((s) => s.label)).toEqual([
      `${d1}/fakeclo/`, `${d1}/fakeclo.zip`, `${d2}/fakeclo/`, `${d2}/fakeclo.zip`,
      `${d1}/fakepar/`, `${d1}/fakepar.zip`, `${d2}/fakepar/`, `${d2}/fakepar.zip`,
    ]);
    const report = auditSet(sets.clone, sources);
    expect(report.status).toBe('good');
    expect(report.files.map((f) => f.foundIn)).toEqual([`${d1}/fakeclo/`, `${d2}/fakepar.zip`, `${d2}/fakepar.zip`]);
    expect(loadSet(sets.clone, sources).files.get('clo.prom')).toEqual(sets.files.fakepar.get('p.prom'));
  });

  it('finds renamed files in folders by CRC32', () => {
    const d = tmp();
    writeFolder(join(d, 'fakepar'), new Map([['one', sets.files.fakepar.get('a.bin')!], ['two', sets.files.fakepar.get('b.bin')!], ['p.prom', sets.files.fakepar.get('p.prom')!]]));
    const report = auditSet(sets.parent, openSetSources(sets.manifests, 'fakepar', [d]));
    expect(report.status).toBe('good');
    expect(report.files.map((f) => f.foundAs)).toEqual(['one', 'two', undefined]);
  });

  it('a rompath folder that does not exist is a one-line error', () => {
    expect(romError(() => openSetSources(sets.manifests, 'fakepar', ['/nonexistent'])).message).toBe('rompath folder /nonexistent does not exist');
    expect(checkRompath(['/nonexistent', tmpdir()])).toEqual(['rompath folder /nonexistent does not exist']);
    expect(checkRompath([])).toEqual(['the rompath is empty: give at least one folder']);
    // verifyroms asks to carry on, so that each file can be reported with where we looked
    const sources = openSetSources(sets.manifests, 'fakepar', ['/nonexistent'], { ignoreMissingFolders: true });
    expect(auditSet(sets.parent, sources).problems[0]).toMatch(/NOT FOUND \(looked in \/nonexistent\/fakepar\/, \/nonexistent\/fakepar\.zip\)$/);
  });

  it('a rompath entry that is a file is a one-line error', () => {
    const f = join(tmp(), 'file');
    writeFileSync(f, 'x');
    expect(romError(() => openSetSources(sets.manifests, 'fakepar', [f])).message).toBe(`rompath entry ${f} is not a folder`);
  });

  it('an unknown set is a one-line error', () => {
    expect(romError(() => openSetSources(sets.manifests, 'nosuch', [tmpdir()])).message).toBe('unknown set nosuch: there is no roms-manifest/nosuch.json');
  });

  it('random bytes named SET.zip: a one-line error naming the file', () => {
    const d = tmp();
    writeFileSync(join(d, 'fakepar.zip'), bytesFrom(1, 10_000));
    expect(romError(() => openSetSources(sets.manifests, 'fakepar', [d])).message).toBe(
      `${d}/fakepar.zip: not a readable zip file (invalid zip data); the file is damaged, truncated or not a zip`,
    );
  });

  it('a truncated SET.zip on disk: a one-line error naming the file', () => {
    const d = tmp();
    const z = zipSync(Object.fromEntries(sets.files.fakepar));
    writeFileSync(join(d, 'fakepar.zip'), z.subarray(0, z.length - 30));
    expect(romError(() => openSetSources(sets.manifests, 'fakepar', [d])).message).toMatch(new RegExp(`^${d}/fakepar\\.zip: not a readable zip file`));
  });

  it('an empty SET.zip file is refused, a folder named SET.zip too', () => {
    const d = tmp();
    writeFileSync(join(d, 'fakepar.zip'), '');
    romError(() => openSetSources(sets.manifests, 'fakepar', [d]));
    const d2 = tmp();
    mkdirSync(join(d2, 'fakepar.zip'));
    expect(romError(() => openSetSources(sets.manifests, 'fakepar', [d2])).message).toBe(`cannot read ${d2}/fakepar.zip: it is not a regular file`);
  });

  it('a FIFO named SET.zip or like a ROM is never opened (no hang)', () => {
    const d = tmp();
    mkdirSync(join(d, 'fakepar'));
    execFileSync('mkfifo', [join(d, 'fakepar.zip'), join(d, 'fakepar', 'a.bin')]);
    expect(romError(() => openSetSources(sets.manifests, 'fakepar', [d])).message).toBe(`cannot read ${d}/fakepar.zip: it is not a regular file`);
    rmSync(join(d, 'fakepar.zip'));
    const report = auditSet(sets.parent, openSetSources(sets.manifests, 'fakepar', [d]));
    expect(report.files[0].status).toBe('missing');
  });
});

describe('folderSource: unreadable files', () => {
  it('a file that disappears between listing and reading', () => {
    const d = tmp();
    writeFolder(d, sets.files.fakepar);
    const src = folderSource(d);
    expect(src.list().map((f) => f.name)).toEqual(['a.bin', 'b.bin', 'p.prom']);
    unlinkSync(join(d, 'a.bin'));
    expect(romError(() => src.read('a.bin')).message).toBe(`cannot read ${d}/a.bin: it does not exist`);
    // a fresh audit lists the folder again and reports the file as missing instead
    expect(auditSet(sets.parent, [src]).files[0].status).toBe('missing');
  });

  it('a file replaced by a folder', () => {
    const d = tmp();
    writeFolder(d, sets.files.fakepar);
    const src = folderSource(d);
    src.list();
    unlinkSync(join(d, 'b.bin'));
    mkdirSync(join(d, 'b.bin'));
    expect(romError(() => src.read('b.bin')).message).toBe(`cannot read ${d}/b.bin: it is not a regular file`);
  });

  it('a dangling symlink is not listed; a good symlink is followed', () => {
    const d = tmp();
    const elsewhere = tmp();
    writeFolder(elsewhere, sets.files.fakepar);
    symlinkSync(join(elsewhere, 'a.bin'), join(d, 'a.bin'));
    symlinkSync(join(elsewhere, 'gone.bin'), join(d, 'b.bin'));
    expect(folderSource(d).list()).toEqual([{ name: 'a.bin', size: 1024 }]);
  });

  it('a folder that vanishes is a one-line error when listed', () => {
    const d = tmp();
    const src = folderSource(d);
    rmSync(d, { recursive: true });
    expect(romError(() => src.list()).message).toBe(`cannot list the folder ${d}/: it does not exist`);
  });

  it('zipFileSource on a missing path', () => {
    expect(romError(() => zipFileSource('/nonexistent/x.zip')).message).toBe('cannot read /nonexistent/x.zip: it does not exist');
  });
});
