/**
 * Live input: which keys are down (keyboard events) and which gamepad buttons/axes are active
 * (Gamepad API, polled). `sample()` is called just before each emulated frame is requested and turns
 * the current state into field values through the game's bindings.
 */
import type { KeyBinding } from '../../../shared/api';
import type { InputValue } from '../emu/protocol';
import type { AnalogBinding } from './keymap';

const AXIS_DEADZONE = 0.5;

export class InputState {
  private readonly down = new Set<string>();
  /** fields forced by the on-screen UI or the test hook (e.g. a touch coin button) */
  readonly forced = new Map<string, number>();

  /** analog counters by field key, and mouse movement not yet turned into counts */
  private readonly analog = new Map<string, number>();
  private mouseX = 0;
  private mouseY = 0;

  keyDown(code: string): void { this.down.add(code); }
  /** Mouse movement over the game (pixels), for dials and trackballs. */
  mouseMove(dx: number, dy: number): void { this.mouseX += dx; this.mouseY += dy; }
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

  sample(bindings: Map<string, KeyBinding>, analog: readonly AnalogBinding[] = []): InputValue[] {
    const pad = bindings.size > 0 ? this.padState() : new Set<string>();
    const out: InputValue[] = [];
    for (const [key, b] of bindings) {
      const slash = key.indexOf('/');
      const forced = this.forced.get(key);
      const on = forced !== undefined ? forced : (b.keys.some((k) => this.down.has(k)) || b.pad.some((p) => pad.has(p)) ? 1 : 0);
      out.push([key.slice(0, slash), key.slice(slash + 1), on]);
    }
    if (analog.length > 0) this.sampleAnalog(analog, out);
    return out;
  }

  /** Each analog field's counter moves by its keys, the mouse and the right stick since the last frame. */
  private sampleAnalog(analog: readonly AnalogBinding[], out: InputValue[]): void {
    const pads = typeof navigator !== 'undefined' && navigator.getGamepads ? navigator.getGamepads() : [];
    for (const a of analog) {
      let delta = 0;
      if (a.decKeys.some((k) => this.down.has(k))) delta -= a.step;
      if (a.incKeys.some((k) => this.down.has(k))) delta += a.step;
      const moved = a.mouse === 'x' ? this.mouseX : this.mouseY;
      delta += Math.trunc(moved / a.mousePixels);
      for (const p of pads) {
        const v = p?.axes[a.axis] ?? 0;
        if (Math.abs(v) >= AXIS_DEADZONE) delta += Math.round(v * a.step);
      }
      const value = ((this.analog.get(a.key) ?? 0) + delta) & a.mask;
      this.analog.set(a.key, value);
      const slash = a.key.indexOf('/');
      out.push([a.key.slice(0, slash), a.key.slice(slash + 1), value]);
    }
    // keep the remainder of a movement too small for one count
    for (const axis of ['x', 'y'] as const) {
      const px = analog.find((a) => a.mouse === axis)?.mousePixels;
      if (axis === 'x') this.mouseX = px ? this.mouseX % px : 0;
      else this.mouseY = px ? this.mouseY % px : 0;
    }
  }
}
