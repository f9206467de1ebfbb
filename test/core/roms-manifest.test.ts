// Manifest parsing and loading: the real manifests load, and malformed ones fail with a message that
// names the file and the problem.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RomError } from '../../src/core/roms/errors';
import { parentChain, parseManifest } from '../../src/core/roms/manifest';
import { loadManifests } from '../../src/core/roms/rompath-node';
import { fakeSets, tempDirs, writeManifests } from '../fixtures/roms/make-sets';

function errorOf(f: () => unknown): RomError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RomError);
    return e as RomError;
  }
  throw new Error('expected a RomError');
}

describe('the project manifests', () => {
  it('load, and pacman is a clone of puckman sharing its PROMs by merge name', () => {
    const all = loadManifests();
    const pacman = all.get('pacman')!;
    const puckman = all.get('puckman')!;
    expect(pacman.parent).toBe('puckman');
    expect(puckman.parent).toBeUndefined();
    expect(pacman.driver).toBe('pacman');
    expect(parentChain(all, 'pacman').map((m) => m.name)).toEqual(['puckman']);
    // Values from DRIVER-TARGETS.md (read from MAME 0.251 -listxml): 16 and 10 files, 25376 bytes each.
    expect(puckman.roms).toHaveLength(16);
    expect(pacman.roms).toHaveLength(10);
    expect(puckman.roms.reduce((s, r) => s + r.size, 0)).toBe(25376);
    expect(pacman.roms.reduce((s, r) => s + r.size, 0)).toBe(25376);
    for (const r of pacman.roms.filter((r) => r.merge)) {
      const inParent = puckman.roms.find((p) => p.name === r.merge)!;
      expect(inParent, r.name).toBeDefined();
      expect([r.crc32, r.sha1, r.size]).toEqual([inParent.crc32, inParent.sha1, inParent.size]);
    }
  });
});

describe('parseManifest', () => {
  const good = () => JSON.parse(JSON.stringify(fakeSets().clone));

  it('accepts a valid manifest and keeps its fields', () => {
    const m = parseManifest(good(), 'x.json');
    expect(m).toEqual(fakeSets().clone);
  });

  const cases: [string, (m: any) => void, RegExp][] = [
    ['roms that are not an array', (m) => Object.assign(m, { roms: 5 }), /"roms" must be a non-empty array/],
    ['an unknown set key', (m) => (m.crc = 'x'), /unknown key "crc"/],
    ['an unknown ROM key', (m) => (m.roms[0].crc = m.roms[0].crc32), /roms\[0\] \(c\.bin\): unknown key "crc"/],
    ['an uppercase CRC', (m) => (m.roms[0].crc32 = m.roms[0].crc32.toUpperCase().replace(/^./, 'A')), /"crc32" must be 8 lowercase hex digits/],
    ['a short SHA1', (m) => (m.roms[1].sha1 = 'abc'), /roms\[1\] \(b\.bin\): "sha1" must be 40 lowercase hex/],
    ['a missing size', (m) => delete m.roms[0].size, /"size" must be a positive integer/],
    ['a fractional size', (m) => (m.roms[0].size = 1.5), /"size" must be a positive integer/],
    ['a negative offset', (m) => (m.roms[0].offset = -1), /"offset" must be an integer >= 0/],
    ['a hex-string offset', (m) => (m.roms[0].offset = '0x400'), /"offset" must be an integer >= 0/],
    ['a duplicate ROM name', (m) => (m.roms[1].name = 'C.BIN'), /appears twice/],
    ['a path in a ROM name', (m) => (m.roms[0].name = '../c.bin'), /cannot contain a path/],
    ['merge without a parent', (m) => delete m.parent, /"merge" names a file of the parent set, but the set has no parent/],
    ['a bad set name', (m) => (m.name = 'Fake Clone'), /MAME short name/],
    ['a missing title', (m) => delete m.title, /"title" must be a non-empty string/],
    ['an unknown dump status', (m) => (m.roms[0].status = 'good'), /"status" must be "nodump" or "baddump"/],
  ];
  it.each(cases)('rejects %s with a clear message', (_what, mutate, message) => {
    const m = good();
    mutate(m);
    const e = errorOf(() => parseManifest(m, 'roms-manifest/fakeclo.json'));
    expect(e.message).toMatch(/^roms-manifest\/fakeclo\.json: /);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });

  it('rejects non-objects', () => {
    for (const v of [null, 3, 'x', []]) expect(errorOf(() => parseManifest(v, 'f.json')).message).toMatch(/must be a JSON object/);
  });

  it('accepts nodump ROMs without hashes, and baddump/optional flags', () => {
    const m = good();
    m.roms[0] = { name: 'lost.bin', size: 16, region: 'main', offset: 0, status: 'nodump' };
    m.roms[1].status = 'baddump';
    m.roms[1].optional = true;
    const p = parseManifest(m, 'f.json');
    expect(p.roms[0]).toMatchObject({ status: 'nodump', crc32: '', sha1: '' });
    expect(p.roms[1]).toMatchObject({ status: 'baddump', optional: true });
  });
});

describe('loadManifests', () => {
  const scratch = tempDirs('arcade-manifests-');
  const tmp = () => scratch.make();
  afterAll(() => scratch.cleanup());

  it('loads a folder of manifests', () => {
    const dir = tmp();
    writeManifests(dir, fakeSets().manifests.values());
    expect([...loadManifests(dir).keys()].sort()).toEqual(['fakeclo', 'fakepar']);
  });
  it('rejects a file not named after its set', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'other.json'), JSON.stringify(fakeSets().parent));
    expect(errorOf(() => loadManifests(dir)).message).toMatch(/other\.json: the file must be named after its set \(fakepar\.json\)/);
  });
  it('rejects a clone whose parent has no manifest', () => {
    const dir = tmp();
    writeManifests(dir, [fakeSets().clone]);
    expect(errorOf(() => loadManifests(dir)).message).toMatch(/set fakeclo: its parent set fakepar has no manifest/);
  });
  it('names the file that is not valid JSON', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'broken.json'), '{ "name": ');
    expect(errorOf(() => loadManifests(dir)).message).toMatch(/broken\.json: not valid JSON/);
  });
  it('says when the folder does not exist', () => {
    expect(errorOf(() => loadManifests('/nonexistent/manifests')).message).toBe(
      'cannot read the manifest folder /nonexistent/manifests: it does not exist',
    );
  });
});
