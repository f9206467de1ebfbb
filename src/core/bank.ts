/**
 * A switchable memory window (MAME `memory_bank`): a board selects one of several blocks of a ROM region
 * (or a RAM share) to appear in a range of one or more address spaces.
 *
 * Declared in the hardware (`banks: { rombank: { region: 'maincpu', size: 0x4000, offsets: [0x10000, …] } }`),
 * mapped by `{ at: […], bank: 'rombank' }` entries (mirrors allowed), switched by the board through the
 * handle `c.bank('rombank')` (or `m.bank()` in the wiring) with `select(n)`. Switching repoints only the
 * pages the window owns whole; where finer entries share a page with it, that page's handler reads the
 * window's current bytes. The selected entry is machine state, saved with it.
 */
import { Device, type Serializer } from './device';
import type { SpaceBank } from './memory';

export class MemoryBank extends Device {
  private current = 0;
  private readonly views: SpaceBank[] = [];

  constructor(
    readonly name: string,
    /** arena offset of each choice's first byte */
    private readonly choices: readonly number[],
    readonly size: number,
    readonly writable: boolean,
  ) {
    super(`bank.${name}`, 0);
  }

  get count(): number {
    return this.choices.length;
  }

  /** The selected choice (0-based). */
  get entry(): number {
    return this.current;
  }

  /** Arena offset of the selected choice (what the map compiler starts from). */
  get base(): number {
    return this.choices[this.current];
  }

  /** Select choice `n`; numbers past the last choice wrap (boards decode only the bits they have). */
  select(n: number): void {
    const i = n % this.choices.length;
    if (i === this.current) return;
    this.current = i;
    this.apply();
  }

  /** The machine connects every space that maps the bank. */
  attach(view: SpaceBank): void {
    this.views.push(view);
    view.select(this.base);
  }

  private apply(): void {
    const b = this.choices[this.current];
    for (const v of this.views) v.select(b);
  }

  /** The selection survives a reset, as in MAME (boards select again in their own reset). */
  reset(): void {}

  serialize(s: Serializer): void {
    this.current = s.u32(this.current);
  }

  override postLoad(): void {
    if (!(this.current < this.choices.length)) this.current = 0;
    this.apply();
  }
}
