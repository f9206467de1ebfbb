/**
 * Dials and trackballs in the app (#14, Mad Planets' dial): the analog bindings made from a game's
 * input fields, and the counter the renderer's input state sends each frame (keys, mouse, stick;
 * wrapping within the field's mask like MAME's relative analog ports).
 */
import { describe, expect, it } from 'vitest';
import type { InputFieldInfo } from '../../src/core/machine-api';
import { InputState } from '../../src/renderer/src/input/input';
import { analogBindingsFor } from '../../src/renderer/src/input/keymap';

const dial: InputFieldInfo = {
  port: 'TRACKY', name: 'Dial', kind: 'analog', mask: 0xff, type: 'P1_DIAL', defaultValue: 0,
  analog: { min: 0, max: 255, sensitivity: 5, relative: true },
};
const coin: InputFieldInfo = { port: 'IN1', name: 'Coin 1', kind: 'digital', mask: 0x01, type: 'COIN1', defaultValue: 0 };

describe('analog inputs in the app', () => {
  it('binds only analog fields: Z/X keys, the mouse X, the right stick X', () => {
    const b = analogBindingsFor([coin, dial]);
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ key: 'TRACKY/Dial', decKeys: ['KeyZ'], incKeys: ['KeyX'], mouse: 'x', axis: 2, mask: 0xff });
  });

  it('keys turn the dial by its step per frame and the counter wraps at the mask', () => {
    const input = new InputState();
    const analog = analogBindingsFor([dial]);
    const value = () => input.sample(new Map(), analog).find(([p]) => p === 'TRACKY')![2];
    expect(value()).toBe(0);
    input.keyDown('KeyX');
    expect(value()).toBe(10);
    expect(value()).toBe(20);
    input.keyUp('KeyX');
    input.keyDown('KeyZ');
    expect(value()).toBe(10);
    expect(value()).toBe(0);
    expect(value()).toBe(246); // wraps like the 8-bit counter
  });

  it('mouse movement moves the dial, one count per 4 pixels, keeping the remainder', () => {
    const input = new InputState();
    const analog = analogBindingsFor([dial]);
    input.mouseMove(10, 50);
    expect(input.sample(new Map(), analog)).toEqual([['TRACKY', 'Dial', 2]]);
    input.mouseMove(2, 0); // 2 left over + 2 = one more count
    expect(input.sample(new Map(), analog)).toEqual([['TRACKY', 'Dial', 3]]);
    input.mouseMove(-8, 0);
    expect(input.sample(new Map(), analog)).toEqual([['TRACKY', 'Dial', 1]]);
  });
});
