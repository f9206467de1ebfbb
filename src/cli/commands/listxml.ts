/**
 * `arcade listxml [SET…]`: MAME `-listxml`-compatible XML for our sets: machine, rom, chip, display,
 * sound, input, dipswitch/configuration, as MAME 0.251 writes them (element and attribute names).
 */
import { GAMES } from '../../../drivers/index';
import { describeMachine } from '../../core/describe';
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
    // '!3': switch 3 reads inverted (MAME PORT_DIPLOCATION("SW:!3") → inverted="yes")
    for (const b of bits.split(',')) {
      const inverted = b.startsWith('!');
      out.push(`\t\t\t<${kind === 'dip' ? 'diplocation' : 'conflocation'} name="${esc(sw)}" number="${inverted ? b.slice(1) : b}"${inverted ? ' inverted="yes"' : ''}/>`);
    }
  }
  for (const s of f.settings ?? []) {
    const head = `\t\t\t<${value} name="${esc(s.name)}" value="${s.value}"${s.value === f.defaultValue ? ' default="yes"' : ''}`;
    const c = s.condition;
    if (!c) out.push(`${head}/>`);
    else out.push(`${head}>`, `\t\t\t\t<condition tag="${c.port}" mask="${c.mask}" relation="${c.relation}" value="${c.value}"/>`, `\t\t\t</${value}>`);
  }
  out.push(`\t\t</${tag}>`);
  return out;
}

/** MAME's control type for an analog field type (info.cpp), by the type without its player prefix. */
const ANALOG_CONTROLS: [RegExp, string][] = [
  [/^TRACKBALL_[XY]$/, 'trackball'], [/^DIAL(_V)?$/, 'dial'], [/^PADDLE(_V)?$/, 'paddle'], [/^AD_STICK_[XYZ]$/, 'stick'],
  [/^LIGHTGUN_[XY]$/, 'lightgun'], [/^PEDAL\d?$/, 'pedal'], [/^POSITIONAL(_V)?$/, 'positional'], [/^MOUSE_[XY]$/, 'mouse'],
];

/** `<input>`: players, coins, service/tilt switches, then each player's joystick and analog controls. */
function inputXml(inputs: readonly InputFieldInfo[]): string[] {
  const playerOf = (f: InputFieldInfo) => /^P(\d)_/.exec(f.type)?.[1] ?? /^P(\d) /.exec(f.name)?.[1];
  const players = [...new Set(inputs.filter((f) => f.kind === 'digital' || f.kind === 'analog').map(playerOf).filter((p): p is string => p !== undefined))].sort();
  const coins = inputs.filter((f) => f.kind === 'digital' && /^COIN\d/.test(f.type)).length;
  const service = inputs.some((f) => f.type === 'SERVICE') ? ' service="yes"' : '';
  const tilt = inputs.some((f) => f.type === 'TILT') ? ' tilt="yes"' : '';
  const out = [`\t\t<input players="${players.length}" coins="${coins}"${service}${tilt}>`];
  // MAME names the player only when there are several.
  const who = (p: string) => (players.length > 1 ? ` player="${p}"` : '');
  for (const p of players) {
    const joy = inputs.filter((f) => f.type.startsWith(`P${p}_JOYSTICK`));
    if (joy.length) out.push(`\t\t\t<control type="joy"${who(p)} ways="${joy[0].ways ?? 8}"/>`);
    // One control per kind (a trackball's X and Y axes are one control), reversed when any axis is.
    const controls = new Map<string, NonNullable<InputFieldInfo['analog']>>();
    for (const f of inputs) {
      if (f.kind !== 'analog' || !f.analog || playerOf(f) !== p) continue;
      const control = ANALOG_CONTROLS.find(([re]) => re.test(f.type.replace(/^P\d_/, '')))?.[1];
      if (!control) continue;
      const had = controls.get(control);
      controls.set(control, had ? { ...had, reverse: had.reverse || f.analog.reverse } : f.analog);
    }
    for (const [control, a] of controls)
      out.push(`\t\t\t<control type="${control}"${who(p)} minimum="${a.min}" maximum="${a.max}" sensitivity="${a.sensitivity}"`
        + `${a.keydelta ? ` keydelta="${a.keydelta}"` : ''}${a.reverse ? ' reverse="yes"' : ''}/>`);
  }
  out.push('\t\t</input>');
  return out;
}

export function listXml(sets: string[]): string {
  const manifests = loadManifests();
  const lines = ['<?xml version="1.0"?>', '<mame build="arcade" debug="no" mameconfig="10">'];
  for (const name of sets) {
    const g = GAMES.find((x) => x.name === name)!;
    const m = manifests.get(name);
    if (!m) throw new CliError(`set '${name}' has no manifest`, 2);
    const info = describeMachine(g, m);
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
    lines.push(...inputXml(info.inputs));
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
