/**
 * A sound stream's timing (its last rendered tick and the fraction of a sample owed) is its device's
 * state, saved once, by the device (save-state format 4; the machine no longer saves streams). For one
 * game of every sound chip we have: a device's own save brings its stream's timing back.
 */
import { describe, expect, it } from 'vitest';
import { GAMES } from '../../drivers/index';
import { createMachine } from '../../src/core/machine';
import { loadManifests } from '../../src/core/roms/rompath-node';
import { StateReader, StateWriter } from '../../src/core/serializer';
import { isSoundDevice, type SoundStream } from '../../src/core/sound';
import type { Device } from '../../src/core/device';

const manifests = loadManifests();

function timing(st: SoundStream): number[] {
  const w = new StateWriter();
  st.serializeTiming(w);
  return [...w.bytes()];
}

/** The first game (drivers/index.ts order) of every sound device class, built over zero-filled ROMs. */
function oneGamePerChip(): [string, string, () => { m: ReturnType<typeof createMachine>; dev: Device }][] {
  const seen = new Map<string, [string, string, () => { m: ReturnType<typeof createMachine>; dev: Device }]>();
  for (const g of GAMES) {
    const manifest = manifests.get(g.name);
    if (!manifest) continue;
    const build = () => createMachine(g, { manifest, files: new Map(manifest.roms.filter((r) => r.status !== 'nodump').map((r) => [r.name, new Uint8Array(r.size)])) });
    const probe = build();
    for (const dev of probe.devices.values()) {
      const kind = dev.constructor.name;
      if (!isSoundDevice(dev) || seen.has(kind)) continue;
      const tag = dev.tag;
      seen.set(kind, [kind, g.name, () => { const m = build(); return { m, dev: m.devices.get(tag)! }; }]);
    }
  }
  return [...seen.values()];
}

describe('sound stream timing is saved by its device', () => {
  const cases = oneGamePerChip();
  it('covers every sound chip the drivers use', () => {
    expect(cases.map(([kind]) => kind).sort()).toEqual(expect.arrayContaining(['Dac8', 'NamcoWsg', 'Pokey', 'Samples', 'Ym3812']));
  });

  it.each(cases)('%s (%s)', (_kind, _game, make) => {
    const { m, dev } = make();
    const streams = (dev as unknown as { streams: SoundStream[] }).streams;
    for (let f = 0; f < 3; f++) m.runFrame();
    for (const st of streams) st.update();
    const w = new StateWriter();
    dev.serialize(w);
    const saved = w.bytes();
    const before = streams.map(timing);
    m.runFrame();
    for (const st of streams) st.update();
    expect(streams.map(timing)).not.toEqual(before); // the streams moved on
    dev.serialize(new StateReader(saved));
    expect(streams.map(timing)).toEqual(before);
  });
});
