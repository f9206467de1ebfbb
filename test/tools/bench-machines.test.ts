import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mameRomDir } from '../../tools/bench-machines';

// `mame -listroms qbert` as MAME 0.251 prints it (trimmed to two files): the machine's own ROM and the
// Votrax SC-01 device's ROM, which a homebrew set in Q*bert's layout does not ship.
const LISTROMS = `ROMs required for driver "qbert" (including device "votrax").
Name                                   Size Checksum
qb-rom2.bin                            8192 CRC(fe434526) SHA1(4cfc5d52dd6c82163e035af82d6112c0c93a3797)
sc01a.bin                               512 CRC(fc416227) SHA1(1d6da90b1807a01b5e186ef08476119a862b5e6d)
`;

describe('bench-machines: the ROM folder MAME benches', () => {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

  it('adds zero-filled stand-ins for the files MAME requires that the set lacks, and removes them after', () => {
    const romDir = mkdtempSync(join(tmpdir(), 'bm-test-'));
    dirs.push(romDir);
    writeFileSync(join(romDir, 'qb-rom2.bin'), new Uint8Array(8192).fill(0xea));
    const r = mameRomDir({ set: 'gottdemoq', machine: 'qbert', romDir }, LISTROMS);
    expect(r.dir).not.toBe(romDir);
    expect(readdirSync(r.dir).sort()).toEqual(['qb-rom2.bin', 'sc01a.bin']);
    expect(readFileSync(join(r.dir, 'sc01a.bin'))).toEqual(Buffer.alloc(512));
    expect(readFileSync(join(r.dir, 'qb-rom2.bin'))[0]).toBe(0xea);
    expect(existsSync(join(romDir, 'sc01a.bin'))).toBe(false); // the set's own folder is untouched
    r.done();
    expect(existsSync(r.dir)).toBe(false);
  });

  it('benches the set folder itself when nothing is missing', () => {
    const romDir = mkdtempSync(join(tmpdir(), 'bm-test-'));
    dirs.push(romDir);
    writeFileSync(join(romDir, 'qb-rom2.bin'), new Uint8Array(8192));
    writeFileSync(join(romDir, 'sc01a.bin'), new Uint8Array(512));
    expect(mameRomDir({ set: 'x', machine: 'qbert', romDir }, LISTROMS).dir).toBe(romDir);
  });
});
