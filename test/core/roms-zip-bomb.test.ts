/**
 * A zip whose entries inflate far beyond the sizes the manifest expects (issue #19: a 653 KB zip of
 * 64 MiB entries made `run`/`verifyroms` peak at ~720 MB before saying INCORRECT LENGTH): an entry larger
 * than the manifest's size is reported from the zip's directory and never inflated.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { auditSet } from '../../src/core/roms/audit';
import { loadManifests } from '../../src/core/roms/rompath-node';
import { zipSource, type RomSource } from '../../src/core/roms/source';

describe('zip entries larger than the manifest expects', () => {
  it('are reported as INCORRECT LENGTH without being inflated', () => {
    const manifest = loadManifests().get('pacman')!;
    const big = new Uint8Array(16 << 20); // 16 MiB of zeros deflates to ~16 KB
    const zip = zipSync({ 'pacman.6e': big, 'pacman.6f': big }, { level: 1 });
    expect(zip.length).toBeLessThan(1 << 20);
    const src = zipSource('/roms/pacman.zip', zip);
    const reads: string[] = [];
    const spied: RomSource = { label: src.label, list: () => src.list(), read: (n) => { reads.push(n); return src.read(n); } };
    const report = auditSet(manifest, [spied]);
    expect(report.problems.filter((p) => /INCORRECT LENGTH: 16777216 bytes/.test(p))).toHaveLength(2);
    expect(reads).toEqual([]);
  });
});
