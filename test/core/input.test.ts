import { describe, expect, it } from 'vitest';
import { bit, config, dip, InputManager, parseInputScript, port } from '../../src/core/input';

describe('input ports', () => {
  const ports = {
    IN0: port([bit(0x01, 'P1_JOYSTICK_UP', { ways: 4 }), bit(0x20, 'COIN1'), config('Rack Test (Cheat)', 0x10, 'Off', { Off: 0x10, On: 0x00 })], { unusedBits: 0xff }),
    DSW1: port([
      dip('Coinage', 0x03, '1 Coin/1 Credit', { '2 Coins/1 Credit': 0x03, '1 Coin/1 Credit': 0x01, '1 Coin/2 Credits': 0x02, 'Free Play': 0x00 }, 'SW:1,2'),
      dip('Lives', 0x0c, '3', { '1': 0x00, '2': 0x04, '3': 0x08, '5': 0x0c }, 'SW:3,4'),
    ], { unusedBits: 0xc0 }),
    P2: port([bit(0x01, 'START1', { activeHigh: true })]),
  };
  it('composes active-low/high bits, DIP settings and unused bits', () => {
    const m = new InputManager(ports);
    expect(m.read('IN0')).toBe(0xff);
    m.set('IN0', 'P1 Up', 1);
    m.set(':IN0', 'Coin 1', 1);
    expect(m.read('IN0')).toBe(0xff & ~0x21);
    m.set('IN0', 'Rack Test (Cheat)', 0);
    expect(m.read('IN0')).toBe(0xff & ~0x31);
    // MAME's pacman default DSW1 reads 0xc9: 1C/1C (1) + 3 lives (8) + unused high bits here.
    expect(m.read('DSW1')).toBe(0xc9);
    m.set('DSW1', 'Lives', 0x0c);
    expect(m.read('DSW1')).toBe(0xcd);
    expect(m.read('P2')).toBe(0);
    m.set('P2', '1 Player Start', 1);
    expect(m.read('P2')).toBe(1);
  });
  it('reports unknown ports/fields and out-of-mask values clearly', () => {
    const m = new InputManager(ports);
    expect(() => m.set('IN9', 'Coin 1', 1)).toThrow(/no input port 'IN9'/);
    expect(() => m.set('IN0', 'Coin 3', 1)).toThrow(/no field 'Coin 3'.*Coin 1/);
    expect(() => m.set('DSW1', 'Lives', 0x10)).toThrow(/outside the field mask/);
    expect(() => dip('X', 3, 'nope', { a: 0 })).toThrow(/default setting 'nope'/);
  });
});

describe('input scripts (oracle format)', () => {
  it('parses the oracle example, with held ranges released after END + 1', () => {
    const ev = parseInputScript(`# comment
30-35   :IN0 Coin 1            # coin
100     :IN1 1 Player Start = 1
0       :DSW1 Lives = 0x0c
`);
    expect(ev.map((e) => [e.frame, e.port, e.field, e.value])).toEqual([
      [0, 'DSW1', 'Lives', 12],
      [30, 'IN0', 'Coin 1', 1],
      [36, 'IN0', 'Coin 1', 0],
      [100, 'IN1', '1 Player Start', 1],
    ]);
  });
  it('rejects malformed lines with their line number', () => {
    expect(() => parseInputScript('abc')).toThrow(/:1: cannot read/);
    expect(() => parseInputScript('\n10 IN0 Coin 1')).toThrow(/:2: missing '= VALUE'/);
    expect(() => parseInputScript('20-10 IN0 Coin 1')).toThrow(/ends before it starts/);
    expect(() => parseInputScript('5 IN0 Coin 1 = x')).toThrow(/not an integer/);
  });
});

describe('analog fields', () => {
  it('place the raw counter in their mask, next to digital bits', async () => {
    const { analog } = await import('../../src/core/input');
    const m = new InputManager({
      TRACK: port([analog(0xf0, 'P1_TRACKBALL_X', { relative: true }), bit(0x01, 'P1_BUTTON1')], { unusedBits: 0x0e }),
    });
    expect(m.read('TRACK')).toBe(0x0f);
    m.set('TRACK', 'Track X', 0x5);
    expect(m.read('TRACK')).toBe(0x5f);
    m.set('TRACK', 'Track X', 0x15); // counters wrap within the field
    expect(m.read('TRACK')).toBe(0x5f);
    m.set('TRACK', 'P1 Button 1', 1);
    expect(m.read('TRACK')).toBe(0x5e);
    expect(m.info().find((f) => f.name === 'Track X')?.analog?.relative).toBe(true);
  });
});
