/**
 * `arcade verifyroms [SET…] [--rompath P] [--manifests DIR]`: MAME's -verifyroms for our manifests.
 * For each set, one line per problem file (as MAME prints them, plus where we looked), then
 * `romset S [PARENT] is good | is best available | is bad`. Exit 0 only when every checked set is good
 * or best available.
 */
import { auditSet, verdictLine } from '../../core/roms/audit';
import { RomError } from '../../core/roms/errors';
import type { RomManifest } from '../../core/roms/manifest';
import { checkRompath, DEFAULT_MANIFEST_DIR, loadManifests, openSetSources, parseRompath } from '../../core/roms/rompath-node';
import { parseOptions } from '../args';
import { CliError } from '../cli-error';
import type { Command } from '../main';

export const command: Command = {
  name: 'verifyroms',
  summary: 'Check ROM sets in a rompath against their manifests (roms-manifest/), like MAME -verifyroms.',
  usage: `arcade verifyroms [SET…] [--rompath P] [--manifests DIR]

  SET              set names (default: every set with a manifest)
  --rompath P      folders to search, separated by ';' (or ':' on Linux/macOS); for each folder DIR a
                   set S is looked for in DIR/S/ and DIR/S.zip, then in its parent's folder or zip
                   (default: $ARCADE_ROMPATH, else ./roms)
  --manifests DIR  folder of <set>.json manifests (default: the project's roms-manifest/)

Prints one line per file that is missing, has the wrong size or the wrong checksum, then
"romset S [PARENT] is good", "is best available" (no better dump exists) or "is bad".
A wrong checksum means the file's contents differ from the dump MAME lists (a bad or different dump,
a hack or a homebrew build): the game still runs, with a warning. Exit 0 only when every set checked
is good or best available.`,
  async run(args) {
    const { values: o, positionals } = parseOptions(args, { rompath: { type: 'string' }, manifests: { type: 'string' } }, { variadic: true });
    const rompath = parseRompath(o.rompath ?? (process.env.ARCADE_ROMPATH || 'roms'));
    let manifests: Map<string, RomManifest>;
    try {
      manifests = loadManifests(o.manifests ?? DEFAULT_MANIFEST_DIR);
    } catch (e) {
      if (e instanceof RomError) throw new CliError(e.message, 2);
      throw e;
    }
    if (manifests.size === 0) throw new CliError(`${o.manifests ?? DEFAULT_MANIFEST_DIR} holds no <set>.json manifest; give the folder of roms-manifest/ files`, 2);
    const sets = positionals.length ? positionals : [...manifests.keys()].sort();
    const unknown = sets.filter((s) => !manifests.has(s));
    if (unknown.length)
      throw new CliError(`no manifest for ${unknown.join(', ')} (known sets: ${[...manifests.keys()].sort().join(', ')})`, 2);

    // A rompath folder that does not exist is reported once; the audit still runs so every file gets its line.
    for (const problem of checkRompath(rompath)) console.error(`arcade verifyroms: ${problem}`);

    let ok = 0;
    for (const set of sets) {
      const m = manifests.get(set)!;
      try {
        const report = auditSet(m, openSetSources(manifests, set, rompath, { ignoreMissingFolders: true }));
        for (const line of report.problems) console.log(line);
        console.log(verdictLine(report));
        if (report.status !== 'bad') ok++;
      } catch (e) {
        if (!(e instanceof RomError)) throw e;
        // A damaged zip or an unreadable file: one line, and the set counts as bad.
        console.log(`${set.padEnd(12)}: ${e.message}`);
        console.log(verdictLine({ set, parent: m.parent, status: 'bad', files: [], searched: [], problems: [] }));
      }
    }
    console.log(`${sets.length} romset${sets.length === 1 ? '' : 's'} checked, ${ok} good or best available`);
    return ok === sets.length ? 0 : 1;
  },
};
