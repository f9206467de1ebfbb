/**
 * Comparing a run of ours with a MAME oracle recording (../shared/oracle/README.md, "Outputs"):
 * snapshot pixels (`rgb_sha1` of "WxH:" + RGB rows), memory hashes per frame, audio figures per frame.
 * On a snapshot mismatch the actual frame is written to test-results/golden/ for inspection.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { framePng } from '../../src/cli/commands/run';
import type { InputEvent } from '../../src/core/input';
import { createMachine, type ArcadeMachine } from '../../src/core/machine';
import { findGame } from '../../drivers/index';
import { loadManifests } from '../../src/core/roms/rompath-node';

export function rgbSha1(fb: Uint32Array, width: number, height: number): string {
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const c = fb[i];
    rgb[i * 3] = c & 0xff;
    rgb[i * 3 + 1] = (c >>> 8) & 0xff;
    rgb[i * 3 + 2] = (c >>> 16) & 0xff;
  }
  return createHash('sha1').update(`${width}x${height}:`).update(rgb).digest('hex');
}

export function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])));
}

export interface RunRecord {
  /** frame → name → sha1 */
  memory: Map<number, Map<string, string>>;
  snapshots: Map<number, string>;
  /** per frame, our audio in 16-bit units (left channel) */
  audio: Float32Array[];
}

/** Run `frames` frames applying `events` the oracle's way; record memory hashes of `ranges` every frame. */
export function recordRun(m: ArcadeMachine, events: InputEvent[], frames: number, ranges: Record<string, () => Uint8Array>, snapFrames: Set<number>): RunRecord {
  const rec: RunRecord = { memory: new Map(), snapshots: new Map(), audio: [] };
  const apply = (f: number) => { for (const e of events) if (e.frame === f) m.setInput(e.port, e.field, e.value); };
  apply(0);
  for (let f = 1; f <= frames; f++) {
    m.runFrame();
    const hashes = new Map<string, string>();
    for (const [name, get] of Object.entries(ranges)) hashes.set(name, createHash('sha1').update(get()).digest('hex'));
    rec.memory.set(f, hashes);
    if (snapFrames.has(f)) rec.snapshots.set(f, rgbSha1(m.frameBuffer, m.info.width, m.info.height));
    const a = m.audio(), ch = m.audioChannels;
    const mono = new Float32Array(a.length / ch);
    for (let i = 0; i < mono.length; i++) mono[i] = a[i * ch] * 32768;
    rec.audio.push(mono);
    apply(f);
  }
  return rec;
}

export function saveActual(m: ArcadeMachine, name: string): string {
  const dir = join('test-results', 'golden');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  writeFileSync(path, framePng(m.frameBuffer, m.info.width, m.info.height));
  return path;
}

/**
 * A machine of driver set `game` running one of our test programs from test/fixtures/roms/NAME (files named
 * like the set's; checksums differ, as for any homebrew).
 */
export function fixtureMachine(game: string, fixture: string): ArcadeMachine {
  const manifest = loadManifests().get(game)!;
  const dir = join('test', 'fixtures', 'roms', fixture);
  const files = new Map(manifest.roms.map((r) => [r.name, new Uint8Array(readFileSync(join(dir, r.name)))]));
  return createMachine(findGame(game)!, { manifest, files });
}
