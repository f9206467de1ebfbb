/**
 * The save-state range checks (docs/savestate.md) must accept every legitimate state: on every homebrew
 * board, a state saved mid-game loads into a fresh machine, saves to the same bytes, and both machines
 * then produce the same frames. Also: a byte flipped anywhere (checksum on) is refused on every board.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GAMES } from '../../drivers/index';
import { loadGame } from '../../src/cli/load-game';
import { SaveStateError } from '../../src/core/machine-api';

const HOMEBREW = GAMES.filter((g) => g.homebrew).map((g) => g.name);

function frameHash(m: ReturnType<typeof loadGame>['machine']): string {
  return createHash('sha1').update(new Uint8Array(m.frameBuffer.buffer)).digest('hex');
}

describe('save states on every homebrew board', () => {
  it('there are several boards to check', () => {
    expect(HOMEBREW.length).toBeGreaterThanOrEqual(2);
  });

  it.each(HOMEBREW)('%s: save mid-game → load → save is identical, and the runs agree', (set) => {
    const a = loadGame(set, undefined).machine;
    for (let f = 0; f < 20; f++) a.runFrame();
    const state = a.saveState();
    const b = loadGame(set, undefined).machine;
    b.loadState(state);
    expect(Buffer.from(b.saveState()).equals(Buffer.from(state))).toBe(true);
    for (let f = 0; f < 3; f++) { a.runFrame(); b.runFrame(); }
    expect(frameHash(b)).toBe(frameHash(a));
    const bad = state.slice();
    bad[bad.length >> 1] ^= 0x40;
    expect(() => b.loadState(bad)).toThrow(SaveStateError);
  });
});
