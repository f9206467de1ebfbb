/**
 * The library's chip lists, asked from an emulator worker: a chip's class name and clock are known only
 * once a machine is built, and the UI thread never builds one (core-bridge.ts). One worker is started on
 * the first question and answers every later one; answers are kept.
 */
import type { ChipInfo } from '../../../core/machine-api';
import type { FromWorker, ToWorker } from './protocol';
import EmuWorker from './worker.ts?worker';

export class ChipLookup {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (chips: ChipInfo[] | null) => void>();
  private readonly known = new Map<string, Promise<ChipInfo[] | null>>();

  /** The game's chips, or null when its machine cannot be built. */
  chips(name: string): Promise<ChipInfo[] | null> {
    let p = this.known.get(name);
    if (!p) {
      p = new Promise((resolve) => {
        const id = this.nextId++;
        this.waiting.set(id, resolve);
        this.start().postMessage({ t: 'chips', id, name } satisfies ToWorker);
      });
      this.known.set(name, p);
    }
    return p;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new EmuWorker({ name: 'emu-describe' });
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      const m = ev.data;
      if (m.t !== 'chips') return;
      this.waiting.get(m.id)?.(m.chips);
      this.waiting.delete(m.id);
    };
    w.onerror = () => {
      // answer everyone (no chips) and start afresh on the next question
      for (const r of this.waiting.values()) r(null);
      this.waiting.clear();
      this.known.clear();
      this.worker = null;
    };
    this.worker = w;
    return w;
  }
}
