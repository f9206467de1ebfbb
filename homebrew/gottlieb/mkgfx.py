#!/usr/bin/env python3
"""Tile and sprite ROMs of the gottdemo set (MAME `mplanets` file names and sizes), from ASCII art.

usage: mkgfx.py OUTDIR     writes bg0.e11-12, bg1.e13 (tiles) and fg3.k7-8, fg2.k6, fg1.k5, fg0.k4 (sprites)

Formats (MAME 0.251 gottlieb.cpp gfx layouts, ../shared/docs/DRIVER-TARGETS.md):
  tiles   8x8, 4 bits per pixel packed, 4 bytes per row, high nibble = left pixel, 32 bytes per tile;
          bg0 holds codes 0-127, bg1 codes 128-255.
  sprites 16x16, 4 planes a quarter of the 32 KiB region apart (fg3 at 0x0000 = most significant
          bit, then fg2, fg1, fg0 = least significant), 2 bytes per row (MSB = left pixel), 32 bytes
          per picture; the game writes 255 ^ picture to sprite RAM.
The monitor is rotated 270 degrees: output (column c, row r) of a tile shows native pixel (x = 7 - r,
y = c), so glyphs are stored turned to read upright on screen.
"""
import os
import sys

# 5x7 glyphs, our own drawing; '#' = ink
FONT = {
    ' ': ['.....'] * 7,
    '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
    '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
    '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
    '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
    '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
    '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
    '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
    '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
    '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
    '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
    'A': ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
    'B': ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
    'C': ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
    'D': ['###..', '#..#.', '#...#', '#...#', '#...#', '#..#.', '###..'],
    'E': ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
    'F': ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
    'G': ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'],
    'H': ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
    'I': ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
    'J': ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
    'K': ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
    'L': ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
    'M': ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
    'N': ['#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'],
    'O': ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
    'P': ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
    'Q': ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
    'R': ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
    'S': ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
    'T': ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
    'U': ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
    'V': ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
    'W': ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
    'X': ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
    'Y': ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
    'Z': ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'],
    '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
    ':': ['.....', '.##..', '.##..', '.....', '.##..', '.##..', '.....'],
    '*': ['.....', '#.#.#', '.###.', '#####', '.###.', '#.#.#', '.....'],
}

# 16x16 sprites, upright as seen on screen; digits are pens (hex), '.' = pen 0 (transparent)
SPRITES = {
    1: [  # ball: shaded circle
        '......5555......', '....55666655....', '...5566776655...', '..556677776655..',
        '.55667788776655.', '.56677888877665.', '5566788998876655', '5667889aa9887665',
        '5667889aa9887665', '5566788998876655', '.56677888877665.', '.55667788776655.',
        '..556677776655..', '...5566776655...', '....55666655....', '......5555......'],
    2: [  # ship: an arrow pointing up, asymmetric fins show the flips
        '.......bb.......', '......bbbb......', '......bccb......', '.....bbccbb.....',
        '.....bbccbb.....', '....bbbccbbb....', '....bbbbbbbb....', '...bbbbbbbbbb...',
        '..bbbbbbbbbbbb..', '.bbbb.bbbb.bbbb.', 'bbbb..bbbb..bbbb', 'ddd...bbbb......',
        'dd....bbbb......', 'd.....dddd......', '......d..d......', '................'],
    3: [  # letter F in a frame (flip test)
        '2222222222222222', '2..............2', '2.333333333....2', '2.333333333....2',
        '2.33...........2', '2.33...........2', '2.3333333......2', '2.3333333......2',
        '2.33...........2', '2.33...........2', '2.33...........2', '2.33...........2',
        '2.33...........2', '2..............2', '2..............2', '2222222222222222'],
    4: [  # quadrants of four colours, full square (priority test: covers tiles)
        '4444444499999999', '4444444499999999', '4444444499999999', '4444444499999999',
        '4444444499999999', '4444444499999999', '4444444499999999', '4444444499999999',
        'eeeeeeeeffffffff', 'eeeeeeeeffffffff', 'eeeeeeeeffffffff', 'eeeeeeeeffffffff',
        'eeeeeeeeffffffff', 'eeeeeeeeffffffff', 'eeeeeeeeffffffff', 'eeeeeeeeffffffff'],
}


def native_from_upright(art, size):
    """Turn an upright picture (rows as seen on the rotated monitor) into native rows."""
    # output (column c, row r) = native (x = size-1-r, y = c)
    return [[art[size - 1 - x][y] for x in range(size)] for y in range(size)]


def tile_bytes(pix):
    out = bytearray()
    for y in range(8):
        for x in range(0, 8, 2):
            out.append((pix[y][x] << 4) | pix[y][x + 1])
    return out


def glyph_tile(ch):
    rows = FONT[ch]
    art = [[0] * 8 for _ in range(8)]
    for r, line in enumerate(rows):
        for c, p in enumerate(line):
            if p == '#':
                art[r][c + 1] = 1
    return tile_bytes(native_from_upright(art, 8))


def main():
    out = sys.argv[1]
    tiles = bytearray(0x2000)
    for code in range(256):
        pix = [[0] * 8 for _ in range(8)]
        if 0x80 <= code <= 0x8f:            # solid colour tiles
            pix = [[code & 15] * 8 for _ in range(8)]
        elif code == 0x90:                  # checkerboard 2/3
            pix = [[2 if ((x >> 1) + (y >> 1)) & 1 else 3 for x in range(8)] for y in range(8)]
        elif code == 0x91:                  # diagonal stripes, pen 0 between (shows priority)
            pix = [[4 if (x + y) & 4 else 0 for x in range(8)] for y in range(8)]
        elif code == 0x92:                  # border box
            pix = [[6 if x in (0, 7) or y in (0, 7) else 0 for x in range(8)] for y in range(8)]
        elif code == 0x93:                  # gradient of all 16 pens across two tiles
            pix = [[x for x in range(8)] for _ in range(8)]
        elif code == 0x94:
            pix = [[8 + x for x in range(8)] for _ in range(8)]
        if code < 128 and chr(code) in FONT:
            tiles[code * 32:code * 32 + 32] = glyph_tile(chr(code))
        else:
            tiles[code * 32:code * 32 + 32] = tile_bytes(pix)
    with open(os.path.join(out, 'bg0.e11-12'), 'wb') as f:
        f.write(tiles[:0x1000])
    with open(os.path.join(out, 'bg1.e13'), 'wb') as f:
        f.write(tiles[0x1000:])

    planes = [bytearray(0x2000) for _ in range(4)]   # MSB first
    for code, art in SPRITES.items():
        grid = [[0 if ch == '.' else int(ch, 16) for ch in row] for row in art]
        pix = native_from_upright(grid, 16)
        for y in range(16):
            for x in range(16):
                pen = pix[y][x]
                byte = code * 32 + y * 2 + (x >> 3)
                for p in range(4):
                    if (pen >> (3 - p)) & 1:
                        planes[p][byte] |= 0x80 >> (x & 7)
    for p, name in enumerate(['fg3.k7-8', 'fg2.k6', 'fg1.k5', 'fg0.k4']):
        with open(os.path.join(out, name), 'wb') as f:
            f.write(planes[p])


if __name__ == '__main__':
    main()
