#!/usr/bin/env python3
"""Data for the sbdemo ROM set (Snow Bros. hardware), all our own:

  sbros-1.41   512 KiB sprite ROM: 4096 tiles of 16x16x4 in MAME's gfx_8x8x4_row_2x2_group_packed_msb layout
               (four 8x8 blocks TL, TR, BL, BR of 32 bytes; 4 bytes per row; high nibble = left pixel)
  tables.inc   68000 data (sine table) for sbdemo68k.s
  notes.inc    Z80 data (YM3812 F-numbers, the tune) for sbsound.asm

usage: mksbdemo.py OUTDIR
Deterministic: no dates, no randomness.
"""
import math
import sys

out = sys.argv[1]

# ---- tiles -----------------------------------------------------------------------------------------
TILES = 4096


def encode(pix):
    """16x16 list of rows of pen values 0-15 -> 128 bytes."""
    b = bytearray(128)
    for block, (bx, by) in enumerate(((0, 0), (8, 0), (0, 8), (8, 8))):
        for row in range(8):
            for col in range(0, 8, 2):
                hi = pix[by + row][bx + col] & 15
                lo = pix[by + row][bx + col + 1] & 15
                b[block * 32 + row * 4 + col // 2] = (hi << 4) | lo
    return bytes(b)


def blank():
    return [[0] * 16 for _ in range(16)]


tiles = [None] * TILES
tiles[0] = blank()
# 1: brick wall
t = blank()
for y in range(16):
    for x in range(16):
        mortar = y % 8 == 7 or (x + (4 if (y // 8) % 2 else 0)) % 16 == 15
        t[y][x] = 1 if mortar else 2 + ((x + y) % 3)
tiles[1] = t
# 2: checkerboard
tiles[2] = [[(6 if ((x // 4) + (y // 4)) % 2 else 7) for x in range(16)] for y in range(16)]
# 3: vertical gradient (pens 8-15)
tiles[3] = [[8 + y // 2 for x in range(16)] for y in range(16)]
# 4: diagonal stripes
tiles[4] = [[(9 if (x + y) % 8 < 4 else 10) for x in range(16)] for y in range(16)]
# 5: shaded ball, pen 0 outside (transparent)
t = blank()
for y in range(16):
    for x in range(16):
        dx, dy = x - 7.5, y - 7.5
        r = math.hypot(dx, dy)
        if r < 7.6:
            light = math.hypot(x - 5, y - 5)
            t[y][x] = max(1, min(15, 15 - int(light * 1.3)))
tiles[5] = t
# 6-9: player, 32x32 in four tiles (TL, TR, BL, BR): a snowman with an arrow nose pointing right
big = [[0] * 32 for _ in range(32)]
for y in range(32):
    for x in range(32):
        head = math.hypot(x - 15.5, y - 9) < 7
        body = math.hypot(x - 15.5, y - 22) < 9.5
        if head or body:
            big[y][x] = 15 if (x + y) % 7 else 14
for x in range(22, 30):  # nose
    for y in range(8, 11 - (x - 22) // 3):
        big[y][x] = 3
for (ex, ey) in ((13, 7), (18, 7)):  # eyes
    big[ey][ex] = big[ey][ex + 1] = 1
for i, (ox, oy) in enumerate(((0, 0), (16, 0), (0, 16), (16, 16))):
    tiles[6 + i] = [row[ox:ox + 16] for row in big[oy:oy + 16]]
# 0x10: frame marker "F" (asymmetric: shows flips), 0x11: arrow up
t = blank()
for y in range(2, 14):
    t[y][3] = t[y][4] = 12
for x in range(3, 13):
    t[2][x] = t[3][x] = 12
for x in range(3, 10):
    t[7][x] = t[8][x] = 12
tiles[0x10] = t
t = blank()
for y in range(16):
    w = min(y, 7)
    for x in range(8 - w, 8 + w):
        if y < 8 or 6 <= x < 10:
            t[y][x] = 11
tiles[0x11] = t

# font: 5x7 glyphs drawn 2x (10x14) in pen 15 with a pen 1 shadow, tiles 0x20-0x5f = ASCII 0x20-0x5f
FONT = {
    '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
    '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
    '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
    '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
    '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
    '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
    '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
    '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
    '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
    '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
    'A': ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
    'B': ['11110', '10001', '10001', '11110', '10001', '10001', '11110'],
    'C': ['01110', '10001', '10000', '10000', '10000', '10001', '01110'],
    'D': ['11110', '10001', '10001', '10001', '10001', '10001', '11110'],
    'E': ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
    'F': ['11111', '10000', '10000', '11110', '10000', '10000', '10000'],
    'I': ['01110', '00100', '00100', '00100', '00100', '00100', '01110'],
    'M': ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
    'N': ['10001', '11001', '10101', '10011', '10001', '10001', '10001'],
    'O': ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
    'R': ['11110', '10001', '10001', '11110', '10100', '10010', '10001'],
    'S': ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
    'W': ['10001', '10001', '10001', '10101', '10101', '10101', '01010'],
    'Y': ['10001', '10001', '01010', '00100', '00100', '00100', '00100'],
    ':': ['00000', '01100', '01100', '00000', '01100', '01100', '00000'],
    '-': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
}
for ch, rows in FONT.items():
    t = blank()
    for gy, row in enumerate(rows):
        for gx, c in enumerate(row):
            if c == '1':
                for yy in (0, 1):
                    for xx in (0, 1):
                        x, y = 2 + gx * 2 + xx, 1 + gy * 2 + yy
                        t[y][x] = 15
                        if x + 1 < 16 and y + 1 < 16 and t[y + 1][x + 1] == 0:
                            t[y + 1][x + 1] = 1
    tiles[ord(ch)] = t

# every other tile: a pattern derived from its number, so any tile code shows something distinct
for n in range(TILES):
    if tiles[n] is None:
        tiles[n] = [[((x * (1 + (n & 3)) + y * (1 + ((n >> 2) & 3)) + (n >> 4)) & 15) for x in range(16)] for y in range(16)]

with open(f'{out}/sbros-1.41', 'wb') as f:
    for n in range(TILES):
        f.write(encode(tiles[n]))

# ---- 68000 tables ----------------------------------------------------------------------------------
with open(f'{out}/tables.inc', 'w') as f:
    f.write('| generated by mksbdemo.py: 256-entry sine table, signed bytes, amplitude 96\nsine:\n')
    vals = [int(round(96 * math.sin(2 * math.pi * i / 256))) for i in range(256)]
    for i in range(0, 256, 16):
        f.write('\t.byte ' + ','.join(str(v) for v in vals[i:i + 16]) + '\n')

# palette: per bank a hue, pens 1-15 a brightness ramp; bank 15 a rainbow (it is colour-cycled)
HUES = [(31, 8, 4), (4, 28, 6), (6, 10, 31), (31, 28, 4), (28, 6, 28), (4, 28, 28), (31, 18, 4), (20, 20, 20),
        (31, 12, 12), (12, 31, 12), (12, 12, 31), (31, 31, 12), (31, 12, 31), (12, 31, 31), (31, 31, 31), None]
with open(f'{out}/palette.inc', 'w') as f:
    f.write('| generated by mksbdemo.py: 256 words xBGR 5-5-5\n')
    words = []
    for bank in range(16):
        for pen in range(16):
            if pen == 0:
                r = g = b = 0
            elif HUES[bank] is None:
                h = (pen - 1) / 14.0
                r, g, b = (int(31 * max(0.0, min(1.0, abs(h * 6 - 3) - 1))), int(31 * max(0.0, min(1.0, 2 - abs(h * 6 - 2)))),
                           int(31 * max(0.0, min(1.0, 2 - abs(h * 6 - 4)))))
            else:
                hr, hg, hb = HUES[bank]
                r, g, b = (hr * pen) // 15, (hg * pen) // 15, (hb * pen) // 15
            words.append((b << 10) | (g << 5) | r)
    for i in range(0, 256, 16):
        f.write('\t.word ' + ','.join(f'0x{w:04x}' for w in words[i:i + 16]) + '\n')

# ---- Z80 tables ------------------------------------------------------------------------------------
# YM3812 at 3 MHz: sample rate 3e6/72; f = fnum * rate * 2^block / 2^20 (fnum < 1024)
RATE = 3_000_000 / 72


def fnum_block(freq):
    for block in range(8):
        fnum = round(freq * (1 << 20) / (RATE * (1 << block)))
        if fnum < 1024:
            return fnum, block
    raise ValueError(freq)


NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B']


def note_freq(midi):
    return 440.0 * 2 ** ((midi - 69) / 12)


with open(f'{out}/notes.inc', 'w') as f:
    f.write('; generated by mksbdemo.py: YM3812 A0/B0 values (F-number low byte, key-on|block<<2|F-number high)\n')
    f.write('; for MIDI notes 36-95, key-on bit (0x20) set\nnotetab:\n')
    for midi in range(36, 96):
        fnum, block = fnum_block(note_freq(midi))
        f.write(f'\tdefb {fnum & 0xff}, {0x20 | (block << 2) | (fnum >> 8)}\t; {NAMES[midi % 12]}{midi // 12 - 1}\n')
    # the tune: 64 steps of 8 frames; melody and bass as MIDI numbers (0 = rest), drums as BD SD HH bits
    melody = [72, 0, 74, 76, 79, 0, 76, 74, 72, 0, 67, 0, 69, 71, 72, 0,
              74, 0, 76, 77, 79, 81, 79, 77, 76, 0, 74, 0, 72, 0, 0, 0,
              79, 0, 81, 83, 84, 0, 83, 81, 79, 0, 76, 0, 77, 79, 81, 0,
              79, 77, 76, 74, 72, 74, 76, 79, 72, 0, 67, 0, 72, 0, 0, 0]
    bass = [48, 48, 55, 55, 45, 45, 52, 52, 41, 41, 48, 48, 43, 43, 47, 47,
            48, 48, 55, 55, 45, 45, 52, 52, 41, 41, 43, 43, 48, 48, 48, 48,
            43, 43, 50, 50, 45, 45, 52, 52, 41, 41, 48, 48, 43, 43, 50, 50,
            48, 48, 43, 43, 45, 45, 41, 41, 43, 43, 47, 47, 48, 48, 48, 48]
    drums = [0x10 | 0x01, 0x01, 0x08 | 0x01, 0x01] * 16
    f.write('melody:\n')
    for i in range(0, 64, 16):
        f.write('\tdefb ' + ','.join(str(v) for v in melody[i:i + 16]) + '\n')
    f.write('bass:\n')
    for i in range(0, 64, 16):
        f.write('\tdefb ' + ','.join(str(v) for v in bass[i:i + 16]) + '\n')
    f.write('drums:\n')
    for i in range(0, 64, 16):
        f.write('\tdefb ' + ','.join(str(v) for v in drums[i:i + 16]) + '\n')
