/**
 * Live input: which keys are down (keyboard events) and which gamepad buttons/axes are active
 * (Gamepad API, polled). `sample()` is called just before each emulated frame is requested and turns
 * the current state into field values through the game's bindings.
 */
import type { KeyBinding } from '../../../preload/api';
import type { InputValue } from '../emu/protocol';

const AXIS_DEADZONE = 0.5;

export class InputState {
  private readonly down = new Set<string>();
  /** fields forced by the on-screen UI or the test hook (e.g. a touch coin button) */
  readonly forced = new Map<string, number>();

  keyDown(code: string): void { this.down.add(code); }
  keyUp(code: string): void { this.down.delete(code); }
  clear(): void { this.down.clear(); }
  isDown(code: string): boolean { return this.down.has(code); }

  /** Active gamepad controls ("b0", "a1-", …) over all connected pads. */
  padState(): Set<string> {
    const active = new Set<string>();
    const pads = typeof navigator !== 'undefined' && navigator.getGamepads ? navigator.getGamepads() : [];
    for (const p of pads) {
      if (!p) continue;
      p.buttons.forEach((b, i) => { if (b.pressed) active.add(`b${i}`); });
      p.axes.forEach((v, i) => {
        if (v <= -AXIS_DEADZONE) active.add(`a${i}-`);
        else if (v >= AXIS_DEADZONE) active.add(`a${i}+`);
      });
    }
    return active;
  }

  sample(bindings: Map<string, KeyBinding>): InputValue[] {
    const pad = bindings.size > 0 ? this.padState() : new Set<string>();
    const out: InputValue[] = [];
    for (const [key, b] of bindings) {
      const slash = key.indexOf('/');
      const forced = this.forced.get(key);
      const on = forced !== undefined ? forced : (b.keys.some((k) => this.down.has(k)) || b.pad.some((p) => pad.has(p)) ? 1 : 0);
      out.push([key.slice(0, slash), key.slice(slash + 1), on]);
    }
    return out;
  }
}
