/**
 * Issue #19, the app side, as plain functions: importing zips never replaces a better set with a worse
 * one, files are matched by CRC as MAME does, messages are written for players (the file named once,
 * no IPC internals), the advice for a clone's shared files names the parent zip, and a settings file
 * loses only its invalid entries, with a backup made before it is rewritten.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { Library } from '../../src/main/library';
import { auditRaw, manifests } from '../../src/shared/roms-bridge';
import { ImportError, importTarget } from '../../src/shared/rom-import';
import { ConfigStore, sanitizeConfig } from '../../src/main/config';
import { A, B, C, rom, SETS, tempDirs } from './fixture-sets';

const tmp = tempDirs('arcade-import-');

function library() {
  const root = tmp();
  const roots = { homebrew: join(root, 'hb'), imported: join(root, 'imp'), user: [] as string[] };
  const lib = new Library(() => roots, () => SETS);
  const status = (set: string) => lib.scan().find((a) => a.name === set)!.status;
  return { lib, roots, status };
}

function refusal(f: () => unknown): string {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(ImportError); return (e as Error).message; }
  throw new Error('expected a refusal');
}

describe('importing zips never loses a better set', () => {
  it('an empty zip of the same name does not replace a working one', () => {
    const { lib, status } = library();
    expect(lib.importZip('parent.zip', zipSync({ 'a.bin': A, 'b.bin': B }))).toBe('parent');
    expect(status('parent')).toBe('good');
    expect(refusal(() => lib.importZip('parent.zip', zipSync({})))).toMatch(/^parent\.zip holds no files; it was not added/);
    expect(status('parent')).toBe('good');
  });

  it('a worse zip for the same set is refused with the reason; a better one replaces', () => {
    const { lib, roots, status } = library();
    lib.importZip('parent.zip', zipSync({ 'a.bin': A, 'b.bin': B }));
    const badB = B.slice(); badB[0] ^= 1;
    expect(refusal(() => lib.importZip('parent (1).zip', zipSync({ 'a.bin': A }))))
      .toBe('Kept the parent.zip you added before: it has 2 of 2 files right, parent (1).zip has 1. To use parent (1).zip instead, remove parent.zip in Settings → ROMs first.');
    expect(refusal(() => lib.importZip('parent.zip', zipSync({ 'a.bin': A, 'b.bin': badB })))).toMatch(/^Kept the parent\.zip/);
    expect(status('parent')).toBe('good');
    rmSync(join(roots.imported, 'parent.zip'));
    lib.importZip('parent.zip', zipSync({ 'a.bin': A }));
    expect(status('parent')).toBe('missing');
    lib.importZip('better.zip', zipSync({ 'a.bin': A, 'b.bin': B })); // better: replaces
    expect(status('parent')).toBe('good');
  });
});

describe('matching and messages', () => {
  it('a wrongly named zip is matched by CRC, as MAME does (Pac-Man [!].zip, renamed files)', () => {
    expect(importTarget('Pac-Man [!].zip', zipSync({ 'x.rom': A, 'y.rom': B }), SETS)).toBe('parent');
    expect(importTarget('download.zip', zipSync({ 'a.bin': A, 'z.rom': C }), SETS)).toBe('clone'); // its CRCs say clone
    expect(importTarget('parent.zip', zipSync({ 'a.bin': A, 'z.rom': C }), SETS)).toBe('parent'); // named after a set it fits
  });

  it('right names with wrong sizes: says so, not "holds no file of any supported game"', () => {
    const m = refusal(() => importTarget('parent (1).zip', zipSync({ 'a.bin': new Uint8Array(10), 'b.bin': new Uint8Array(3) }), SETS));
    expect(m).toMatch(/^parent \(1\)\.zip has the file names of parent but not their sizes \(a\.bin is 10 bytes, parent needs 64\)/);
  });

  it('no "invalid IPC argument", no doubled names, the size limit given', () => {
    const messages = [
      refusal(() => importTarget('random.zip', rom(7, 200), SETS)),
      refusal(() => importTarget('big.zip', new Uint8Array(65 * 1024 * 1024).fill(0x50, 0, 1).fill(0x4b, 1, 2).fill(3, 2, 3).fill(4, 3, 4), SETS)),
      refusal(() => importTarget('parent.zip', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]), SETS)),
      refusal(() => importTarget('empty.zip', new Uint8Array(0), SETS)),
      refusal(() => importTarget('notes.txt', zipSync({ 'a.bin': A }), SETS)),
    ];
    expect(messages[0]).toBe('random.zip is not a zip archive (7z and rar are not supported: re-pack it as .zip); it was not added.');
    expect(messages[1]).toBe('big.zip is 65.0 MB; ROM sets of the supported games are at most 64.0 MB, so it was not added.');
    expect(messages[2]).toMatch(/^parent\.zip: not a readable zip file/);
    for (const m of messages) {
      expect(m).not.toMatch(/IPC argument/);
      const file = /^(\S+\.(zip|txt))/.exec(m)![1];
      expect(m.split(file).length - 1, m).toBe(1);
    }
  });

  it('a clone missing its shared files is told to put them in the parent zip (puckman.zip)', () => {
    const pacman = manifests().get('pacman')!;
    const own = pacman.roms.filter((r) => r.merge === undefined);
    const zip = zipSync(Object.fromEntries(own.map((r) => [r.name, new Uint8Array(r.size)])));
    const audit = auditRaw(pacman, [{ kind: 'zip', label: 'pacman.zip', bytes: zip }], ['pacman.zip']);
    expect(audit.status).toBe('missing');
    expect(audit.message).toMatch(/They are shared with the parent set: put them in puckman\.zip/);
    expect(audit.message).not.toMatch(/Add them to pacman\.zip/);
  });
});

describe('settings files keep every valid entry', () => {
  const good = { bindings: { 'IN0/P1 Up': { keys: ['KeyW'], pad: [] } }, dips: { 'DSW1/Lives': 8 } };

  it('one bad game name keeps every other game\'s bindings and DIPs', () => {
    const c = sanitizeConfig({ games: { pacman: good, 'Bad Name!': good, mspacman: good } });
    expect(Object.keys(c.games).sort()).toEqual(['mspacman', 'pacman']);
    expect(c.games.pacman).toEqual(good);
  });

  it('one bad binding or DIP value drops only itself', () => {
    const c = sanitizeConfig({ games: { pacman: { bindings: { ...good.bindings, 'IN0/P1 Down': { keys: ['bad key!'], pad: [] } }, dips: { ...good.dips, 'DSW1/Bonus Life': -5 } } } });
    expect(c.games.pacman).toEqual(good);
  });

  it('one bad hotkey keeps the other custom hotkeys', () => {
    const c = sanitizeConfig({ hotkeys: { pause: 'KeyO', reset: 'not a key!', screenshot: 'F9' } });
    expect(c.hotkeys.pause).toBe('KeyO');
    expect(c.hotkeys.screenshot).toBe('F9');
    expect(c.hotkeys.reset).toBe('F3');
  });

  it('a damaged file is backed up, byte for byte, before it is rewritten', () => {
    const dir = tmp();
    const file = join(dir, 'config.json');
    const text = JSON.stringify({ volume: 0.5, games: { pacman: good, 'Bad Name!': good }, hotkeys: { reset: '??' } });
    writeFileSync(file, text);
    const store = new ConfigStore(file, () => new Date(2026, 11, 7, 15, 30, 0));
    expect(store.dropped).toEqual(['games.Bad Name!', 'hotkeys.reset']);
    store.update({ muted: true });
    expect(readFileSync(join(dir, 'config.json.20261207-153000.bak'), 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(file, 'utf8')).games.pacman).toEqual(good);
    store.update({ muted: false });
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1); // once, not at every save
  });

  it('a clean file gets no backup', () => {
    const dir = tmp();
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ volume: 0.5 }));
    new ConfigStore(file).update({ muted: true });
    expect(readdirSync(dir)).toEqual(['config.json']);
    expect(existsSync(file)).toBe(true);
  });
});
