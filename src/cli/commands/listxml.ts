/**
 * `arcade listxml [SET…]`: MAME `-listxml`-compatible XML for our sets: machine, rom, chip, display,
 * sound, input, dipswitch/configuration, as MAME 0.251 writes them (element and attribute names).
 */
import { GAMES } from '../../../drivers/index';
import { describeGame } from '../../core/describe';
import type { InputFieldInfo } from '../../core/machine-api';
import { loadManifests } from '../../core/roms/rompath-node';
import { parseOptions } from '../args';
import { CliError } from '../cli-error';
import type { Command } from '../main';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function settingXml(kind: 'dip' | 'conf', f: InputFieldInfo): string[] {
  const tag = kind === 'dip' ? 'dipswitch' : 'configuration';
  const value = kind === 'dip' ? 'dipvalue' : 'confsetting';
  const out = [`\t\t<${tag} name="${esc(f.name)}" tag="${f.port}" mask="${f.mask}">`];
  if (f.location) {
    const [sw, bits] = f.location.split(':');
    for (const b of bits.split(',')) out.push(`\t\t\t<${kind === 'dip' ? 'diplocation' : 'conflocation'} name="${esc(sw)}" number="${b}"/>`);
  }
  for (const s of f.settings ?? []) out.push(`\t\t\t<${value} name="${esc(s.name)}" value="${s.value}"${s.value === f.defaultValue ? ' default="yes"' : ''}/>`);
  out.push(`\t\t</${tag}>`);
  return out;
}

export function listXml(sets: string[]): string {
  const manifests = loadManifests();
  const lines = ['<?xml version="1.0"?>', '<mame build="arcade" debug="no" mameconfig="10">'];
  for (const name of sets) {
    const g = GAMES.find((x) => x.name === name)!;
    const m = manifests.get(name);
    if (!m) throw new CliError(`set '${name}' has no manifest`, 2);
    const info = describeGame(g, m);
    const parent = m.parent ? ` cloneof="${m.parent}" romof="${m.parent}"` : '';
    lines.push(`\t<machine name="${g.name}" sourcefile="${g.driver}"${parent}>`);
    lines.push(`\t\t<description>${esc(m.title)}</description>`, `\t\t<year>${esc(m.year)}</year>`, `\t\t<manufacturer>${esc(m.maker)}</manufacturer>`);
    for (const r of m.roms) {
      const merge = r.merge ? ` merge="${esc(r.merge)}"` : '';
      const dump = r.status ? ` status="${r.status}"` : '';
      lines.push(`\t\t<rom name="${esc(r.name)}"${merge} size="${r.size}" crc="${r.crc32}" sha1="${r.sha1}" region="${esc(r.region)}" offset="${r.offset.toString(16)}"${dump}/>`);
    }
    for (const c of info.chips) if (c.kind === 'cpu') lines.push(`\t\t<chip type="cpu" tag="${c.tag}" name="${esc(c.type)}" clock="${Math.round(c.clock)}"/>`);
    for (const c of info.chips) if (c.kind === 'audio') lines.push(`\t\t<chip type="audio" tag="${c.tag}" name="${esc(c.type)}" clock="${Math.round(c.clock)}"/>`);
    // MAME lists the native raster size; `rotate` turns it for the monitor.
    const [w, h] = info.rotate % 180 ? [info.height, info.width] : [info.width, info.height];
    lines.push(`\t\t<display tag="screen" type="raster" rotate="${info.rotate}" width="${w}" height="${h}" refresh="${info.refreshHz.toFixed(6)}"/>`);
    lines.push(`\t\t<sound channels="${info.chips.some((c) => c.kind === 'audio') ? 1 : 0}"/>`);
    const digital = info.inputs.filter((f) => f.kind === 'digital');
    const players = [...new Set(digital.map((f) => /^P(\d) /.exec(f.name)?.[1]).filter((p): p is string => p !== undefined))].sort();
    const coins = digital.filter((f) => f.type.startsWith('COIN')).length;
    lines.push(`\t\t<input players="${players.length}" coins="${coins}">`);
    for (const p of players) {
      const joy = info.inputs.filter((f) => f.type.startsWith(`P${p}_JOYSTICK`));
      if (joy.length) lines.push(`\t\t\t<control type="joy" player="${p}" ways="${joy.length === 2 ? 2 : joy.length >= 4 ? 4 : 8}"/>`);
    }
    lines.push('\t\t</input>');
    // As MAME: every DIP switch, then every configuration setting, each in port-tag order.
    const byPort = [...info.inputs].sort((a, b) => (a.port < b.port ? -1 : a.port > b.port ? 1 : 0));
    for (const f of byPort) if (f.kind === 'dip') lines.push(...settingXml('dip', f));
    for (const f of byPort) if (f.kind === 'config') lines.push(...settingXml('conf', f));
    lines.push(`\t\t<driver status="${Object.values(info.status).some(Boolean) ? 'imperfect' : 'good'}" emulation="good" savestate="supported"/>`);
    lines.push('\t</machine>');
  }
  lines.push('</mame>');
  return lines.join('\n');
}

export const command: Command = {
  name: 'listxml',
  summary: 'Describe sets as MAME -listxml compatible XML.',
  usage: 'arcade listxml [SET…]',
  async run(args) {
    const { positionals } = parseOptions(args, {}, { variadic: true });
    const sets = positionals.length ? positionals : GAMES.map((g) => g.name);
    const unknown = sets.filter((s) => !GAMES.some((g) => g.name === s));
    if (unknown.length) throw new CliError(`unknown set${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, 2);
    console.log(listXml(sets));
    return 0;
  },
};
