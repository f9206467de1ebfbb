/** ROM folder scan (MAME-style lookup, containment), audit summary, zip import, save-state storage. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { collectSources, isInside, safeReal } from '../../src/main/rom-scan';
import { Library } from '../../src/main/library';
import { StateStore, writeScreenshot } from '../../src/main/storage';
import { auditRaw } from '../../src/shared/roms-bridge';
import { A, B, C, CLONE, SETS, tempDirs } from './fixture-sets';

const tmp = tempDirs('arcade-lib-');

describe('rom folder scan', () => {
  it('finds DIR/SET/ and DIR/SET.zip, then the parent’s, in every folder', () => {
    const r1 = tmp(), r2 = tmp();
    mkdirSync(join(r1, 'clone'));
    writeFileSync(join(r1, 'clone', 'c.bin'), C);
    writeFileSync(join(r2, 'parent.zip'), zipSync({ 'a.bin': A, 'b.bin': B }));
    const { sources, searched } = collectSources([r1, r2], 'clone', 'parent');
    expect(sources.map((s) => `${s.kind}:${s.label}`)).toEqual([`files:${join(r1, 'clone')}`, `zip:${join(r2, 'parent.zip')}`]);
    expect(searched).toEqual([join(r1, 'clone'), join(r1, 'clone.zip'), join(r2, 'clone'), join(r2, 'clone.zip'),
      join(r1, 'parent'), join(r1, 'parent.zip'), join(r2, 'parent'), join(r2, 'parent.zip')]);
    expect(auditRaw(CLONE, sources, searched).status).toBe('good');
  });
  it('never follows a symlink out of a ROM folder', () => {
    const root = tmp(), outside = tmp();
    writeFileSync(join(outside, 'secret.bin'), B);
    mkdirSync(join(root, 'parent'));
    writeFileSync(join(root, 'parent', 'a.bin'), A);
    symlinkSync(join(outside, 'secret.bin'), join(root, 'parent', 'b.bin'));
    symlinkSync(outside, join(root, 'clone'));
    const p = collectSources([root], 'parent');
    expect(p.sources).toHaveLength(1);
    expect(Object.keys((p.sources[0] as { files: Record<string, Uint8Array> }).files)).toEqual(['a.bin']);
    expect(collectSources([root], 'clone').sources).toHaveLength(0);
    expect(safeReal(root, join(root, 'clone'))).toBeNull();
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
  });
  it('reports missing, wrong-size and wrong-checksum files with what to do', () => {
    const root = tmp();
    const lib = new Library(() => ({ homebrew: join(root, 'hb'), imported: join(root, 'imp'), user: [root] }), () => SETS);
    expect(lib.scan().map((a) => [a.name, a.status])).toEqual([['clone', 'notFound'], ['parent', 'notFound']]);
    expect(lib.scan()[1].message).toMatch(/parent\.zip/);
    writeFileSync(join(root, 'parent.zip'), zipSync({ 'a.bin': A }));
    let p = lib.scan().find((a) => a.name === 'parent')!;
    expect(p.status).toBe('missing');
    expect(p.files.find((f) => f.name === 'b.bin')?.status).toBe('missing');
    const badB = B.slice(); badB[0] ^= 1;
    writeFileSync(join(root, 'parent.zip'), zipSync({ 'a.bin': A, 'b.bin': badB }));
    p = lib.scan().find((a) => a.name === 'parent')!;
    expect(p.status).toBe('badChecksum');
    writeFileSync(join(root, 'parent.zip'), zipSync({ 'a.bin': A, 'b.bin': B.subarray(0, 16) }));
    expect(lib.scan().find((a) => a.name === 'parent')!.files[1].status).toBe('wrongSize');
    // renamed file found by CRC
    writeFileSync(join(root, 'parent.zip'), zipSync({ 'a.bin': A, 'renamed.rom': B }));
    expect(lib.scan().find((a) => a.name === 'parent')!.status).toBe('good');
  });
  it('a corrupt zip gives a readable message, not an exception', () => {
    const root = tmp();
    writeFileSync(join(root, 'parent.zip'), new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const lib = new Library(() => ({ homebrew: join(root, 'hb'), imported: join(root, 'imp'), user: [root] }), () => SETS);
    const p = lib.scan().find((a) => a.name === 'parent')!;
    expect(p.status).toBe('missing');
    expect(p.message.length).toBeGreaterThan(20);
  });
  it('imports a dropped zip under the set it belongs to, into the app’s own folder', () => {
    const root = tmp();
    const roots = { homebrew: join(root, 'hb'), imported: join(root, 'imp'), user: [] as string[] };
    const lib = new Library(() => roots, () => SETS);
    expect(lib.importZip('My Download.zip', zipSync({ 'a.bin': A, 'b.bin': B }))).toBe('parent');
    expect(existsSync(join(roots.imported, 'parent.zip'))).toBe(true);
    expect(lib.scan().find((a) => a.name === 'parent')!.status).toBe('good');
    expect(lib.importZip('clone.zip', zipSync({ 'c.bin': C }))).toBe('clone');
    expect(lib.scan().find((a) => a.name === 'clone')!.status).toBe('good');
    expect(() => lib.importZip('junk.zip', zipSync({ 'readme.txt': new Uint8Array(5) }))).toThrow(/no file of any supported game/);
    expect(() => lib.importZip('../evil.zip', zipSync({ 'a.bin': A }))).toThrow();
    const loaded = lib.load('clone');
    expect(loaded.sources.map((s) => s.label)).toEqual([join(roots.imported, 'clone.zip'), join(roots.imported, 'parent.zip')]);
    expect(() => lib.load('nosuch')).toThrow(/Unknown set/);
  });
});

describe('save-state slots and screenshots', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
  it('writes, lists and reads slots per game', () => {
    const s = new StateStore(tmp());
    expect(s.list('pacdemo')).toEqual([]);
    s.write('pacdemo', 2, new Uint8Array([1, 2, 3]), png);
    s.write('pacdemo', 0, new Uint8Array([4]), png);
    expect(s.list('pacdemo').map((x) => x.slot)).toEqual([0, 2]);
    expect(s.list('pacdemo')[0].thumbnail).toMatch(/^data:image\/png;base64,iVBORw0KGg/);
    expect([...s.read('pacdemo', 2)!]).toEqual([1, 2, 3]);
    expect(s.read('pacdemo', 5)).toBeNull();
    expect(() => s.write('../x', 0, new Uint8Array([1]), png)).toThrow();
    expect(() => s.read('pacdemo', 10)).toThrow();
  });
  it('screenshots never overwrite each other', () => {
    const d = tmp();
    const when = new Date(2026, 10, 26, 14, 5, 9);
    const a = writeScreenshot(d, 'pacdemo', png, when);
    const b = writeScreenshot(d, 'pacdemo', png, when);
    expect(a).toBe(join(d, 'pacdemo', 'pacdemo-20261126-140509.png'));
    expect(b).toBe(join(d, 'pacdemo', 'pacdemo-20261126-140509-2.png'));
    expect([...readFileSync(b)]).toEqual([...png]);
  });
});
