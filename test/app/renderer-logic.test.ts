/** Renderer logic that needs no DOM: pacing, layout, audio rate control, default keys, input sampling. */
import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/renderer/src/emu/pacer';
import { computeLayout } from '../../src/renderer/src/video/layout';
import { MAX_ADJUST, MAX_ADJUST_FAR, RateControl } from '../../src/renderer/src/audio/resampler';
import { bindingsFor, defaultBinding, normalizeType } from '../../src/renderer/src/input/keymap';
import { InputState } from '../../src/renderer/src/input/input';
import { FAKE_INFO } from './fake-core';

const PACMAN_HZ = 60.606061; // 18.432 MHz / 3 / (384 × 264)

function simulate(displayHz: number, seconds: number, jitterMs = 0): { frames: number; maxPerTick: number } {
  const p = new Pacer(PACMAN_HZ);
  let frames = 0, maxPerTick = 0;
  const ticks = Math.round(seconds * displayHz);
  let seed = 1;
  for (let i = 0; i <= ticks; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const t = (i * 1000) / displayHz + (jitterMs ? ((seed / 0x7fffffff) - 0.5) * jitterMs : 0);
    const n = p.tick(t);
    frames += n;
    maxPerTick = Math.max(maxPerTick, n);
  }
  return { frames, maxPerTick };
}

describe('pacing at the game’s refresh rate', () => {
  for (const hz of [50, 60, 75, 120, 144, 240]) {
    it(`${hz} Hz display runs ${PACMAN_HZ} frames per second, no more`, () => {
      const { frames, maxPerTick } = simulate(hz, 60, 2);
      expect(Math.abs(frames - PACMAN_HZ * 60)).toBeLessThanOrEqual(2);
      expect(maxPerTick).toBeLessThanOrEqual(hz >= PACMAN_HZ ? 2 : 3);
    });
  }
  it('never runs two frames per tick on a fast display without jitter', () => {
    expect(simulate(144, 10).maxPerTick).toBe(1);
    expect(simulate(120, 10).maxPerTick).toBe(1);
  });
  it('does not race to catch up after a stall', () => {
    const p = new Pacer(PACMAN_HZ);
    p.tick(0);
    expect(p.tick(5000)).toBeLessThanOrEqual(3);
    expect(p.tick(5016)).toBeLessThanOrEqual(1);
  });
  it('fast-forward multiplies the rate', () => {
    const p = new Pacer(PACMAN_HZ, 3);
    let n = 0;
    for (let i = 0; i <= 600; i++) n += p.tick((i * 1000) / 60, 4);
    expect(Math.abs(n - PACMAN_HZ * 10 * 4)).toBeLessThanOrEqual(4);
  });
});

describe('screen layout', () => {
  it('integer scaling keeps whole multiples and centres', () => {
    const l = computeLayout(224, 288, 0, 1280, 800, 'integer');
    expect(l).toEqual({ scale: 2, width: 448, height: 576, x: 416, y: 112 });
  });
  it('fit scaling keeps the aspect ratio', () => {
    const l = computeLayout(224, 288, 0, 1280, 800, 'fit');
    expect(l.height).toBe(800);
    expect(l.width / l.height).toBeCloseTo(224 / 288, 2);
  });
  it('a turned monitor swaps the axes', () => {
    const l = computeLayout(224, 288, 90, 1280, 800, 'integer');
    expect([l.width, l.height, l.scale]).toEqual([864, 672, 3]);
  });
  it('smaller than 1× still fits', () => {
    const l = computeLayout(224, 288, 0, 100, 100, 'integer');
    expect(l.height).toBeLessThanOrEqual(100);
  });
});

describe('audio rate control', () => {
  it('adjusts by at most ±0.5 % toward the target queue (±1 % when far off)', () => {
    expect(RateControl.ratio(1000, 1000)).toBe(1);
    expect(RateControl.ratio(800, 1000)).toBeCloseTo(1 + 0.4 * MAX_ADJUST);
    expect(RateControl.ratio(700, 1000)).toBeCloseTo(1 + MAX_ADJUST);
    expect(RateControl.ratio(1300, 1000)).toBeCloseTo(1 - MAX_ADJUST);
    // far off (after a stall): up to ±1 %
    expect(RateControl.ratio(0, 1000)).toBeCloseTo(1 + MAX_ADJUST_FAR);
    expect(RateControl.ratio(5000, 1000)).toBeCloseTo(1 - MAX_ADJUST_FAR);
  });
  it('keeps the sample count over many blocks and joins blocks smoothly', () => {
    const rc = new RateControl(1);
    let total = 0;
    const out: number[] = [];
    let phase = 0;
    for (let b = 0; b < 100; b++) {
      const block = new Float32Array(735);
      for (let i = 0; i < block.length; i++) block[i] = Math.sin((phase++ * 2 * Math.PI) / 100);
      const o = rc.process(block, 1.004);
      total += o.length;
      out.push(...o);
    }
    expect(Math.abs(total - 73500 * 1.004)).toBeLessThan(3);
    // a resampled sine stays a smooth sine: no jumps at block joins
    let maxStep = 0;
    for (let i = 1; i < out.length; i++) maxStep = Math.max(maxStep, Math.abs(out[i] - out[i - 1]));
    expect(maxStep).toBeLessThan((2 * Math.PI) / 100 + 0.01);
  });
  it('handles stereo interleaving', () => {
    const rc = new RateControl(2);
    const block = new Float32Array(200);
    for (let i = 0; i < 100; i++) { block[2 * i] = 0.5; block[2 * i + 1] = -0.5; }
    rc.process(block, 1);
    const o = rc.process(block, 1);
    for (let i = 0; i < o.length; i += 2) { expect(o[i]).toBeCloseTo(0.5); expect(o[i + 1]).toBeCloseTo(-0.5); }
  });
});

describe('default controls (MAME defaults)', () => {
  const f = (type: string) => ({ port: 'IN0', name: type, kind: 'digital' as const, mask: 1, defaultValue: 0, type });
  it('maps coins, starts, joystick and buttons like MAME', () => {
    expect(defaultBinding(f('COIN1')).keys).toEqual(['Digit5']);
    expect(defaultBinding(f('COIN2')).keys).toEqual(['Digit6']);
    expect(defaultBinding(f('START1')).keys).toEqual(['Digit1']);
    expect(defaultBinding(f('START2')).keys).toEqual(['Digit2']);
    expect(defaultBinding(f('P1_JOYSTICK_UP')).keys).toEqual(['ArrowUp']);
    expect(defaultBinding(f('P1_BUTTON1')).keys).toEqual(['ControlLeft']);
    expect(defaultBinding(f('BUTTON2')).keys).toEqual(['AltLeft']);
    expect(defaultBinding(f('P1_BUTTON3')).keys).toEqual(['Space']);
    expect(normalizeType('JOYSTICK_LEFT')).toBe('P1_JOYSTICK_LEFT');
    expect(defaultBinding(f('P1_BUTTON1')).pad).toEqual(['b0']);
  });
  it('user overrides win, DIPs are not key-bound', () => {
    const b = bindingsFor(FAKE_INFO.inputs, { bindings: { 'IN0/Coin 1': { keys: ['KeyC'], pad: [] } }, dips: {} });
    expect(b.get('IN0/Coin 1')!.keys).toEqual(['KeyC']);
    expect(b.get('IN0/P1 Up')!.keys).toEqual(['ArrowUp']);
    expect(b.has('DSW1/Lives')).toBe(false);
  });
  it('samples the keys into field values', () => {
    const s = new InputState();
    const b = bindingsFor(FAKE_INFO.inputs, undefined);
    s.keyDown('Digit5');
    s.keyDown('ArrowUp');
    const v = new Map(s.sample(b).map(([p, n, x]) => [`${p}/${n}`, x]));
    expect(v.get('IN0/Coin 1')).toBe(1);
    expect(v.get('IN0/P1 Up')).toBe(1);
    expect(v.get('IN0/P1 Down')).toBe(0);
    s.keyUp('Digit5');
    expect(new Map(s.sample(b).map(([p, n, x]) => [`${p}/${n}`, x])).get('IN0/Coin 1')).toBe(0);
  });
});

describe('gamepads', () => {
  it('reads buttons and stick directions through the Gamepad API', () => {
    const pad = { buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: i === 0 || i === 8 })), axes: [-0.9, 0.1] };
    const nav = globalThis.navigator as unknown as { getGamepads?: () => unknown[] } | undefined;
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { ...(nav ?? {}), getGamepads: () => [null, pad] }, configurable: true });
    try {
      const s = new InputState();
      expect([...s.padState()].sort()).toEqual(['a0-', 'b0', 'b8']);
      const v = new Map(s.sample(bindingsFor(FAKE_INFO.inputs, undefined)).map(([p, n, x]) => [`${p}/${n}`, x]));
      expect(v.get('IN0/Coin 1')).toBe(1); // Back/Select = coin
      expect(v.get('IN0/P1 Left')).toBe(1); // stick left
      expect(v.get('IN0/P1 Right')).toBe(0);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'navigator', saved);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});
