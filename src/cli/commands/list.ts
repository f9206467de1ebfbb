/** `arcade list [--json]`: the supported sets, like MAME -listfull plus parent, year, maker and driver. */
import { GAMES } from '../../../drivers/index';
import { describeGame, statusLabels } from '../../core/describe';
import { loadManifests } from '../../core/roms/rompath-node';
import { parseOptions } from '../args';
import type { Command } from '../main';

export function listEntries() {
  const manifests = loadManifests();
  return GAMES.map((g) => {
    const m = manifests.get(g.name);
    const info = m ? describeGame(g) : null;
    return {
      name: g.name, parent: g.parent ?? null, title: m?.title ?? g.title, year: m?.year ?? g.year, maker: m?.maker ?? g.maker,
      driver: g.driver, homebrew: g.homebrew ?? false, status: g.status ?? {}, flags: statusLabels(g.status ?? {}), manifest: m !== undefined,
      screen: info ? { width: info.width, height: info.height, refreshHz: info.refreshHz, rotate: info.rotate } : null,
    };
  });
}

export const command: Command = {
  name: 'list',
  summary: 'List the supported game sets.',
  usage: 'arcade list [--json]',
  async run(args) {
    const { values: o } = parseOptions(args, { json: { type: 'boolean' } });
    const rows = listEntries();
    if (o.json) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    console.log(`${'name'.padEnd(10)} ${'parent'.padEnd(10)} ${'year'.padEnd(5)} ${'driver'.padEnd(8)} ${'maker'.padEnd(28)} title`);
    for (const r of rows) {
      const flags = [r.homebrew ? 'homebrew' : '', ...r.flags].filter(Boolean);
      console.log(`${r.name.padEnd(10)} ${(r.parent ?? '').padEnd(10)} ${r.year.padEnd(5)} ${r.driver.padEnd(8)} ${r.maker.padEnd(28)} ${r.title}${flags.length ? ` [${flags.join(', ')}]` : ''}`);
    }
    console.log(`${rows.length} sets`);
    return 0;
  },
};
