/**
 * The game library: every supported set with its audit status, search and filters (available only,
 * driver, year, maker), a details panel (chips, screen, controls, ROM files and where they were
 * found) and the Play button. Zips dropped anywhere on the window are imported (see app.ts).
 */
import type { SetAudit } from '../../../shared/api';
import type { ChipInfo } from '../../../core/machine-api';
import type { CoreGame } from '../emu/core-bridge';
import { isPlayable } from '../../../shared/roms-bridge';
import { statusLabels } from '../../../core/describe';
import { clear, h, icon } from './dom';

export interface LibraryEntry {
  game: CoreGame;
  audit: SetAudit | undefined;
  /** the game's last frame when the player left it (PNG data URL) */
  art?: string;
}

const STATUS_TEXT: Record<string, string> = {
  good: 'Ready', badChecksum: 'Wrong checksum', missing: 'Missing files', notFound: 'Not found',
};

function statusOf(e: LibraryEntry): string {
  return e.audit?.status ?? 'notFound';
}

export function playable(e: LibraryEntry): boolean {
  return isPlayable(statusOf(e) as SetAudit['status']);
}

/** A stable colour per game for its card art. */
function hue(name: string): number {
  let x = 0;
  for (const c of name) x = (x * 31 + c.charCodeAt(0)) >>> 0;
  return x % 360;
}

function mhz(hz: number): string {
  return hz >= 1e6 ? `${(hz / 1e6).toFixed(3).replace(/\.?0+$/, '')} MHz` : `${(hz / 1e3).toFixed(1).replace(/\.0$/, '')} kHz`;
}

export class LibraryView {
  readonly el: HTMLElement;
  private entries: LibraryEntry[] = [];
  private selected: string | null = null;
  private query = '';
  private onlyAvailable = false;
  private driver = '';
  private year = '';
  private maker = '';
  private readonly grid: HTMLElement;
  private readonly details: HTMLElement;
  private readonly filters: HTMLElement;
  private readonly count: HTMLElement;
  private readonly empty: HTMLElement;

  constructor(private readonly actions: {
    play: (name: string) => void;
    addFolder: () => void;
    settings: () => void;
    folderCount: () => number;
    platform: 'electron' | 'web';
    /** the game's chips, from the emulator worker (emu/chip-lookup.ts); null when unknown */
    chips: (name: string) => Promise<ChipInfo[] | null>;
  }) {
    const search = h('input', {
      type: 'search', class: 'search', placeholder: 'Search games, makers, years…', 'aria-label': 'Search',
      on: { input: (e) => { this.query = (e.target as HTMLInputElement).value.trim().toLowerCase(); this.render(); } },
    });
    this.filters = h('div', { class: 'filters' });
    this.count = h('span', { class: 'count' });
    this.grid = h('div', { class: 'grid', role: 'list' });
    this.details = h('aside', { class: 'details' });
    this.empty = h('div', { class: 'empty' });
    this.el = h('section', { class: 'library view' },
      h('header', { class: 'topbar' },
        h('div', { class: 'brand' }, h('span', { class: 'logo' }, icon('joystick')), h('span', null, 'ARCADE')),
        h('label', { class: 'searchbox' }, icon('search'), search),
        h('button', { class: 'btn ghost', title: actions.platform === 'web' ? 'Add ROM zips' : 'Add a ROM folder', on: { click: () => actions.addFolder() } },
          icon('folder'), actions.platform === 'web' ? 'Add ROMs' : 'Add ROM folder'),
        h('button', { class: 'btn icon-btn', title: 'Settings', 'aria-label': 'Settings', on: { click: () => actions.settings() } }, icon('gear')),
      ),
      h('div', { class: 'library-body' },
        h('main', { class: 'library-main' }, h('div', { class: 'filterbar' }, this.filters, this.count), this.grid, this.empty),
        this.details,
      ),
    );
  }

  setEntries(entries: LibraryEntry[]): void {
    this.entries = entries;
    if (!this.selected || !entries.some((e) => e.game.info.name === this.selected)) {
      this.selected = entries.find(playable)?.game.info.name ?? entries[0]?.game.info.name ?? null;
    }
    this.render();
  }

  /** the card Enter was pressed on: a second Enter plays it */
  private confirmed: string | null = null;

  private select(name: string): void {
    if (name !== this.selected) this.confirmed = null;
    this.selected = name;
    this.render();
  }

  /** Move keyboard focus to a game's card (after returning from the game, or by arrow keys). */
  focusCard(name: string): void {
    if (this.selected !== name && this.entries.some((e) => e.game.info.name === name)) this.select(name);
    this.grid.querySelector<HTMLElement>(`.card[data-set="${CSS.escape(name)}"]`)?.focus();
  }

  /**
   * Keyboard (and gamepad, through the same keys) in the library: arrows move between cards, Enter or
   * Space selects a card and shows its details, a second Enter — or P — plays it. Keys typed into the
   * search box or a filter stay theirs.
   */
  onKey(e: KeyboardEvent): void {
    const t = e.target as HTMLElement | null;
    const onCard = !!t?.classList?.contains('card');
    if (t && t !== document.body && !onCard && t instanceof HTMLElement) return;
    const list = this.visible().map((x) => x.game.info.name);
    if (list.length === 0) return;
    const cur = onCard ? t!.dataset.set! : this.selected ?? list[0];
    let i = Math.max(0, list.indexOf(cur));
    const cols = this.columns();
    switch (e.key) {
      case 'ArrowRight': i = Math.min(list.length - 1, i + 1); break;
      case 'ArrowLeft': i = Math.max(0, i - 1); break;
      case 'ArrowDown': i = Math.min(list.length - 1, i + cols); break;
      case 'ArrowUp': i = Math.max(0, i - cols); break;
      case 'Home': i = 0; break;
      case 'End': i = list.length - 1; break;
      case 'Enter':
      case ' ': {
        e.preventDefault?.();
        const entry = this.entries.find((x) => x.game.info.name === cur);
        // the first Enter picks the card (details on the right), the second starts it
        if (e.key === 'Enter' && this.confirmed === cur && entry && playable(entry)) { this.actions.play(cur); return; }
        this.focusCard(cur);
        if (e.key === 'Enter') this.confirmed = cur;
        return;
      }
      case 'p':
      case 'P': {
        const entry = this.entries.find((x) => x.game.info.name === cur);
        if (entry && playable(entry)) this.actions.play(cur);
        return;
      }
      default: return;
    }
    e.preventDefault?.();
    this.focusCard(list[i]);
  }

  /** Cards per row as laid out now (the grid wraps with the window). */
  private columns(): number {
    const cards = [...this.grid.querySelectorAll<HTMLElement>('.card')];
    if (cards.length < 2) return 1;
    const top = cards[0].offsetTop;
    const n = cards.findIndex((c) => c.offsetTop !== top);
    return n < 0 ? cards.length : n;
  }

  private chip(label: string, active: boolean, onClick: () => void): HTMLElement {
    return h('button', { class: `chip${active ? ' active' : ''}`, 'aria-pressed': String(active), on: { click: onClick } }, label);
  }

  private selectFilter(label: string, values: string[], current: string, set: (v: string) => void): HTMLElement {
    const sel = h('select', { class: 'select', 'aria-label': label, on: { change: (e) => { set((e.target as HTMLSelectElement).value); this.render(); } } },
      h('option', { value: '' }, `${label}: all`),
      ...values.map((v) => h('option', { value: v, selected: v === current }, v)));
    return sel;
  }

  private visible(): LibraryEntry[] {
    return this.entries.filter((e) => {
      const i = e.game.info;
      if (this.onlyAvailable && !playable(e)) return false;
      if (this.driver && i.driver !== this.driver) return false;
      if (this.year && i.year !== this.year) return false;
      if (this.maker && i.maker !== this.maker) return false;
      if (this.query) {
        const hay = `${i.title} ${i.name} ${i.maker} ${i.year} ${i.driver}`.toLowerCase();
        if (!this.query.split(/\s+/).every((w) => hay.includes(w))) return false;
      }
      return true;
    }).sort((a, b) => Number(playable(b)) - Number(playable(a)) || a.game.info.title.localeCompare(b.game.info.title));
  }

  render(): void {
    const uniq = (f: (e: LibraryEntry) => string): string[] => [...new Set(this.entries.map(f))].sort();
    clear(this.filters);
    this.filters.append(
      this.chip('All games', !this.onlyAvailable, () => { this.onlyAvailable = false; this.render(); }),
      this.chip('Available', this.onlyAvailable, () => { this.onlyAvailable = true; this.render(); }),
      this.selectFilter('Driver', uniq((e) => e.game.info.driver), this.driver, (v) => { this.driver = v; }),
      this.selectFilter('Year', uniq((e) => e.game.info.year), this.year, (v) => { this.year = v; }),
      this.selectFilter('Maker', uniq((e) => e.game.info.maker), this.maker, (v) => { this.maker = v; }),
    );
    const list = this.visible();
    const nPlayable = this.entries.filter(playable).length;
    this.count.textContent = `${list.length} shown · ${nPlayable} of ${this.entries.length} playable`;
    const hadFocus = this.grid.contains(document.activeElement);
    clear(this.grid);
    for (const e of list) this.grid.append(this.card(e));
    if (hadFocus && this.selected) this.grid.querySelector<HTMLElement>(`.card[data-set="${CSS.escape(this.selected)}"]`)?.focus();
    this.empty.hidden = list.length > 0;
    clear(this.empty);
    if (list.length === 0) {
      this.empty.append(h('h3', null, 'No games match'), h('p', null, this.onlyAvailable && nPlayable === 0
        ? 'None of your ROM sets is complete yet. Add a ROM folder, or drop zips on this window.'
        : 'Try another search or clear the filters.'));
    }
    this.renderDetails();
  }

  private card(e: LibraryEntry): HTMLElement {
    const i = e.game.info;
    const st = statusOf(e);
    const hh = hue(i.name);
    const card = h('div', {
      class: `card${this.selected === i.name ? ' selected' : ''}${playable(e) ? '' : ' unavailable'}`,
      // one tab stop for the whole grid (the selected card); arrows move inside it
      role: 'listitem', tabindex: this.selected === i.name ? '0' : '-1', 'data-set': i.name, 'aria-selected': String(this.selected === i.name),
      'aria-label': `${i.title}, ${i.year}, ${i.maker}, ${STATUS_TEXT[st] ?? st}`,
      on: {
        click: () => this.select(i.name),
        dblclick: () => { if (playable(e)) this.actions.play(i.name); },
      },
    },
    h('div', { class: `art${e.art ? ' has-img' : ''}`, style: { background: `radial-gradient(circle at 30% 20%, hsl(${hh} 90% 62%), transparent 60%), linear-gradient(135deg, hsl(${(hh + 40) % 360} 70% 22%), hsl(${(hh + 200) % 360} 60% 12%))` } },
      e.art ? h('img', { class: 'art-img', src: e.art, alt: '' }) : null,
      e.art ? h('div', { class: 'art-shade' }) : null,
      e.art ? null : h('div', { class: `art-title${i.title.replace(/\s*\(.*\)$/, '').length > 14 ? ' long' : ''}` }, i.title.replace(/\s*\(.*\)$/, '')),
      i.homebrew ? h('span', { class: 'tag homebrew' }, 'Homebrew') : null,
      statusLabels(i.status).length ? h('span', { class: 'tag status-flags', title: statusLabels(i.status).join(', ') }, statusLabels(i.status)[0]) : null,
      h('span', { class: 'orientation' }, i.height > i.width ? 'Vertical' : 'Horizontal'),
      // the hover shortcut: not a tab stop (it is invisible until hovered); the details' Play button is
      playable(e) ? h('button', { class: 'play-fab', tabindex: '-1', title: `Play ${i.title}`, 'aria-label': `Play ${i.title}`, on: { click: (ev) => { ev.stopPropagation(); this.actions.play(i.name); } } }, icon('play')) : null,
    ),
    h('div', { class: 'card-body' },
      h('div', { class: 'card-title' }, i.title),
      h('div', { class: 'card-meta' }, `${i.year} · ${i.maker}`),
      h('span', { class: `status status-${st}` }, STATUS_TEXT[st] ?? st),
    ));
    return card;
  }

  /** Filled in when the worker answers (at once when it already has), if the game is still shown. */
  private chipList(name: string): HTMLElement {
    const list = h('ul', { class: 'chips', 'aria-busy': 'true' });
    void this.actions.chips(name).then((chips) => {
      list.removeAttribute('aria-busy');
      if (!chips) { list.append(h('li', null, 'unknown')); return; }
      list.append(...chips.map((c) => h('li', null, h('b', null, c.type), ` ${c.tag} · ${mhz(c.clock)}`)));
    });
    return list;
  }

  private renderDetails(): void {
    clear(this.details);
    const e = this.entries.find((x) => x.game.info.name === this.selected);
    if (!e) {
      this.details.append(h('div', { class: 'details-empty' }, h('h3', null, 'Your library is empty'),
        h('p', null, 'Choose the folder that holds your ROM zips (for example pacman.zip), or drop zips on this window.'),
        h('button', { class: 'btn primary', on: { click: () => this.actions.addFolder() } }, icon('folder'), 'Add ROM folder')));
      return;
    }
    const i = e.game.info;
    const a = e.audit;
    const st = statusOf(e);
    const controls = i.inputs.filter((f) => f.kind === 'digital').map((f) => f.name);
    const dips = i.inputs.filter((f) => f.kind === 'dip' || f.kind === 'config').length;
    this.details.append(
      h('div', { class: 'details-head' },
        h('h2', null, i.title),
        h('div', { class: 'sub' }, `${i.name}${i.parent ? ` · clone of ${i.parent}` : ''} · ${i.year} · ${i.maker}`),
        h('span', { class: `status big status-${st}` }, STATUS_TEXT[st] ?? st),
        h('p', { class: 'status-msg' }, a?.message ?? 'Not audited yet.'),
        playable(e)
          ? h('button', { class: 'btn primary big', 'data-action': 'play', on: { click: () => this.actions.play(i.name) } }, icon('play'), 'Play')
          : h('button', { class: 'btn', on: { click: () => this.actions.addFolder() } }, icon('folder'), this.actions.platform === 'web' ? 'Add ROM zips…' : 'Add a ROM folder…'),
      ),
      h('dl', { class: 'facts' },
        h('dt', null, 'Driver'), h('dd', null, i.driver),
        h('dt', null, 'Screen'), h('dd', null, `${i.width}×${i.height} ${i.height > i.width ? 'vertical' : 'horizontal'}, ${i.refreshHz.toFixed(3)} Hz`),
        h('dt', null, 'Chips'), h('dd', null, this.chipList(i.name)),
        h('dt', null, 'Controls'), h('dd', null, controls.slice(0, 10).join(', ') + (controls.length > 10 ? '…' : '')),
        h('dt', null, 'DIP switches'), h('dd', null, dips ? `${dips} (change them in Settings while playing)` : 'none'),
        ...(statusLabels(i.status).length ? [h('dt', null, 'Emulation'), h('dd', null, statusLabels(i.status).join(', '))] : []),
      ),
      h('h3', null, 'ROM files'),
      h('table', { class: 'roms' },
        h('thead', null, h('tr', null, h('th', null, 'File'), h('th', null, 'Size'), h('th', null, 'CRC32'), h('th', null, ''))),
        h('tbody', null, ...(a?.files ?? e.game.manifest.roms.map((r) => ({ name: r.name, size: r.size, crc32: r.crc32, status: 'missing' as const, foundIn: undefined })))
          .map((f) => h('tr', { title: f.foundIn ? `found in ${f.foundIn}` : 'not found' },
            h('td', null, f.name), h('td', null, String(f.size)), h('td', { class: 'mono' }, f.crc32),
            h('td', null, h('span', { class: `dot dot-${f.status}`, title: f.status }))))),
      ),
    );
    if (a && a.status !== 'good' && a.searched.length) {
      this.details.append(h('details', { class: 'searched' }, h('summary', null, 'Where we looked'),
        h('ul', null, ...a.searched.slice(0, 12).map((s) => h('li', { class: 'mono' }, s)))));
    }
  }
}
