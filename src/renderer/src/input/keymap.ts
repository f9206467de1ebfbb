/**
 * Default controls, as in MAME's default configuration: arrows for P1's joystick, Left Ctrl / Left Alt /
 * Space / Left Shift for buttons 1-4, 1/2 start, 5/6 coin, 9 service coin; player 2 on R/F/D/G with
 * A/S/Q/W. Gamepads (standard mapping): d-pad or left stick, A/B/X/Y, Start, Back/Select for coin.
 * Fields are keyed "PORT/Field name" (MAME port tag and field name).
 */
import type { InputFieldInfo } from '../../../core/machine-api';
import type { GameSettings, KeyBinding } from '../../../shared/api';

const KEYS: Record<string, string[]> = {
  P1_JOYSTICK_UP: ['ArrowUp'], P1_JOYSTICK_DOWN: ['ArrowDown'], P1_JOYSTICK_LEFT: ['ArrowLeft'], P1_JOYSTICK_RIGHT: ['ArrowRight'],
  P1_BUTTON1: ['ControlLeft'], P1_BUTTON2: ['AltLeft'], P1_BUTTON3: ['Space'], P1_BUTTON4: ['ShiftLeft'],
  P2_JOYSTICK_UP: ['KeyR'], P2_JOYSTICK_DOWN: ['KeyF'], P2_JOYSTICK_LEFT: ['KeyD'], P2_JOYSTICK_RIGHT: ['KeyG'],
  P2_BUTTON1: ['KeyA'], P2_BUTTON2: ['KeyS'], P2_BUTTON3: ['KeyQ'], P2_BUTTON4: ['KeyW'],
  START1: ['Digit1'], START2: ['Digit2'], COIN1: ['Digit5'], COIN2: ['Digit6'], SERVICE1: ['Digit9'],
  SERVICE: ['F2'], TILT: ['KeyT'],
};

const PAD: Record<string, string[]> = {
  P1_JOYSTICK_UP: ['b12', 'a1-'], P1_JOYSTICK_DOWN: ['b13', 'a1+'], P1_JOYSTICK_LEFT: ['b14', 'a0-'], P1_JOYSTICK_RIGHT: ['b15', 'a0+'],
  P1_BUTTON1: ['b0'], P1_BUTTON2: ['b1'], P1_BUTTON3: ['b2'], P1_BUTTON4: ['b3'],
  START1: ['b9'], COIN1: ['b8'],
};

/** MAME type names come as P1_BUTTON1 or BUTTON1 depending on the driver; normalise to the P1_ form. */
export function normalizeType(type: string): string {
  const t = type.toUpperCase();
  if (/^(BUTTON\d|JOYSTICK_(UP|DOWN|LEFT|RIGHT))$/.test(t)) return `P1_${t}`;
  return t.replace(/^P(\d)_JOYSTICK(LEFT|RIGHT)?_/, 'P$1_JOYSTICK_');
}

export function fieldKey(f: Pick<InputFieldInfo, 'port' | 'name'>): string {
  return `${f.port}/${f.name}`;
}

export function defaultBinding(f: InputFieldInfo): KeyBinding {
  const t = normalizeType(f.type);
  return { keys: [...(KEYS[t] ?? [])], pad: [...(PAD[t] ?? [])] };
}

/** The effective binding of every digital field: the user's override, else MAME's default. */
export function bindingsFor(inputs: InputFieldInfo[], settings: GameSettings | undefined): Map<string, KeyBinding> {
  const out = new Map<string, KeyBinding>();
  for (const f of inputs) {
    if (f.kind !== 'digital') continue;
    const k = fieldKey(f);
    out.set(k, settings?.bindings[k] ?? defaultBinding(f));
  }
  return out;
}

/**
 * How the app turns an analog field (a dial or trackball axis: MAME IPT_DIAL, IPT_TRACKBALL_X/Y) into its
 * raw counter: keys that turn it down/up by `step` per frame (Z / X, the keys MAME gives Mad Planets'
 * dial with PORT_CODE_DEC/INC; a trackball's Y axis uses the same pair), the mouse moved over the game
 * (horizontal for dials and X axes, vertical for Y axes; one count per `mousePixels` pixels), and the
 * gamepad's right stick. The counter wraps within the field's mask, as MAME's relative analog ports do.
 */
export interface AnalogBinding {
  key: string;
  decKeys: string[];
  incKeys: string[];
  /** gamepad axis index (standard mapping: 2 = right stick X, 3 = right stick Y) */
  axis: number;
  mouse: 'x' | 'y';
  mousePixels: number;
  /** counts per frame for a held key or a full stick */
  step: number;
  mask: number;
}

export function analogBindingsFor(inputs: InputFieldInfo[]): AnalogBinding[] {
  const out: AnalogBinding[] = [];
  for (const f of inputs) {
    if (f.kind !== 'analog') continue;
    const y = /TRACKBALL_Y|AD_STICK_Y|PADDLE_V/.test(f.type);
    out.push({
      key: fieldKey(f), decKeys: ['KeyZ'], incKeys: ['KeyX'], axis: y ? 3 : 2, mouse: y ? 'y' : 'x', mousePixels: 4,
      step: 10, mask: f.mask >>> countTrailingZeros(f.mask),
    });
  }
  return out;
}

function countTrailingZeros(mask: number): number {
  let n = 0;
  while (mask !== 0 && ((mask >>> n) & 1) === 0) n++;
  return n;
}

/** A readable key name for the remapping screen. */
export function keyLabel(code: string): string {
  const m = /^(Key|Digit)(.)$/.exec(code);
  if (m) return m[2];
  const names: Record<string, string> = {
    ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', ControlLeft: 'L Ctrl', ControlRight: 'R Ctrl',
    AltLeft: 'L Alt', AltRight: 'R Alt', ShiftLeft: 'L Shift', ShiftRight: 'R Shift', Space: 'Space', Enter: 'Enter',
    Backquote: '`', Escape: 'Esc',
  };
  return names[code] ?? code.replace(/^Numpad/, 'Num ');
}

export function padLabel(code: string): string {
  const names: Record<string, string> = {
    b0: 'A', b1: 'B', b2: 'X', b3: 'Y', b4: 'LB', b5: 'RB', b6: 'LT', b7: 'RT', b8: 'Back', b9: 'Start',
    b12: 'D-pad ↑', b13: 'D-pad ↓', b14: 'D-pad ←', b15: 'D-pad →', 'a0-': 'Stick ←', 'a0+': 'Stick →', 'a1-': 'Stick ↑', 'a1+': 'Stick ↓',
  };
  return names[code] ?? code;
}
