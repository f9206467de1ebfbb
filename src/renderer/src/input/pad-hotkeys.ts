/**
 * Gamepads outside the game: hot-key buttons while playing (Settings → Hotkeys), and moving through
 * the library with the d-pad or left stick (A = Enter, B = back, Start = play), the way a console front
 * end works. Buttons act on their press edge; held directions repeat after 400 ms, every 120 ms.
 */
import type { InputState } from './input';

/** Standard-mapping controls → the keys the library already understands. */
const NAV: [string, string][] = [
  ['b12', 'ArrowUp'], ['a1-', 'ArrowUp'], ['b13', 'ArrowDown'], ['a1+', 'ArrowDown'],
  ['b14', 'ArrowLeft'], ['a0-', 'ArrowLeft'], ['b15', 'ArrowRight'], ['a0+', 'ArrowRight'],
  ['b0', 'Enter'], ['b1', 'Escape'], ['b9', 'p'],
];
const REPEAT_DELAY = 400;
const REPEAT_EVERY = 120;

export class GamepadHotkeys {
  private held = new Set<string>();
  private navHeld = new Map<string, number>();

  constructor(private readonly input: InputState) {}

  /** Player view: press/release of each button bound to a hot-key action (action → "bN"). */
  poll(bindings: Record<string, string>, down: (action: string) => void, up: (action: string) => void): void {
    const entries = Object.entries(bindings);
    if (entries.length === 0) return;
    const now = this.input.padState();
    for (const [action, button] of entries) {
      const was = this.held.has(action), is = now.has(button);
      if (is && !was) { this.held.add(action); down(action); }
      else if (!is && was) { this.held.delete(action); up(action); }
    }
  }

  /** Library view: d-pad/stick/A/B/Start as key presses, with repeat for held directions. */
  navigate(press: (key: string) => void, now = performance.now()): void {
    const state = this.input.padState();
    const keys = new Set<string>();
    for (const [control, key] of NAV) if (state.has(control)) keys.add(key);
    for (const key of [...this.navHeld.keys()]) if (!keys.has(key)) this.navHeld.delete(key);
    for (const key of keys) {
      const next = this.navHeld.get(key);
      if (next === undefined) {
        this.navHeld.set(key, now + REPEAT_DELAY);
        press(key);
      } else if (key.startsWith('Arrow') && now >= next) {
        this.navHeld.set(key, now + REPEAT_EVERY);
        press(key);
      }
    }
  }
}
