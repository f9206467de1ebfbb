/**
 * The mouse (and a gamepad's right stick) as an arcade trackball: MAME's `*_TRACKBALL_X/Y` analog fields
 * hold a free-running 8-bit counter that the board reads (Centipede: 4 bits and a direction latch). A
 * click on the game locks the pointer; mouse movement then turns the counters. Like MAME, a field marked
 * reverse counts the other way (Centipede's X), the port's sensitivity scales the motion (MAME
 * PORT_SENSITIVITY, 50 % on Centipede), and the user's sensitivity setting (kept in localStorage) scales it
 * again. Esc or a click elsewhere releases the pointer (the browser's own rule).
 */
import type { InputFieldInfo } from '../../../core/machine-api';
import type { InputValue } from '../emu/protocol';

const SETTING_KEY = 'arcade.trackball.sensitivity';
/** gamepad stick: counts per frame at full deflection */
const STICK_SPEED = 8;
const STICK_DEADZONE = 0.15;

export function trackballFields(inputs: readonly InputFieldInfo[]): InputFieldInfo[] {
  return inputs.filter((f) => f.kind === 'analog' && /^P1_TRACKBALL_[XY]$/.test(f.type));
}

export function loadSensitivity(): number {
  const v = Number(globalThis.localStorage?.getItem(SETTING_KEY) ?? '1');
  return Number.isFinite(v) && v >= 0.1 && v <= 10 ? v : 1;
}

export function saveSensitivity(v: number): void {
  globalThis.localStorage?.setItem(SETTING_KEY, String(Math.min(10, Math.max(0.1, v))));
}

export class Trackball {
  /** accumulated motion in mouse pixels since the game started */
  private x = 0;
  private y = 0;
  sensitivity = loadSensitivity();
  private el: HTMLElement | null = null;

  private readonly onMove = (e: MouseEvent): void => {
    if (this.el === null || document.pointerLockElement !== this.el) return;
    this.x += e.movementX;
    this.y += e.movementY;
  };
  private readonly onClick = (): void => {
    if (this.active && this.el && document.pointerLockElement !== this.el) void this.el.requestPointerLock?.();
  };

  /** the running game has trackball fields (set by the player at start) */
  active = false;

  attach(el: HTMLElement): void {
    if (this.el === el) return;
    this.el?.removeEventListener('click', this.onClick);
    this.el = el;
    el.addEventListener('click', this.onClick);
    document.addEventListener('mousemove', this.onMove);
  }

  /** A new game: counters back to the fields' defaults. */
  reset(inputs: readonly InputFieldInfo[]): void {
    this.x = 0;
    this.y = 0;
    this.active = trackballFields(inputs).length > 0;
    this.sensitivity = loadSensitivity();
  }

  /** Motion in counts (tests, on-screen controls). */
  move(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
  }

  /** The trackball fields' values now. */
  sample(inputs: readonly InputFieldInfo[]): InputValue[] {
    if (!this.active) return [];
    this.pollStick();
    const out: InputValue[] = [];
    for (const f of trackballFields(inputs)) {
      const motion = f.type.endsWith('_X') ? this.x : this.y;
      const scale = ((f.analog?.sensitivity ?? 100) / 100) * this.sensitivity;
      const counts = Math.round(motion * scale) * (f.analog?.reverse ? -1 : 1);
      out.push([f.port, f.name, (f.defaultValue + counts) & f.mask]);
    }
    return out;
  }

  private pollStick(): void {
    const pads = typeof navigator !== 'undefined' && navigator.getGamepads ? navigator.getGamepads() : [];
    for (const p of pads) {
      if (!p || p.axes.length < 4) continue;
      const [ax, ay] = [p.axes[2], p.axes[3]];
      if (Math.abs(ax) > STICK_DEADZONE) this.x += ax * STICK_SPEED;
      if (Math.abs(ay) > STICK_DEADZONE) this.y += ay * STICK_SPEED;
    }
  }
}
