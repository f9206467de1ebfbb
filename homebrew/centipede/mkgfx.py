#!/usr/bin/env python3
"""Graphics for the cendemo homebrew set (MAME `centiped` file names): 136001-211.f7 (low plane),
136001-212.hj7 (high plane), 136001-213.p4 (the PROM, unused by Centipede's video: zeros).

usage: mkgfx.py OUTDIR

Centipede's gfx ROM pair holds 256 8x8 tiles (8 bytes each, one byte per native pixel row, bit 7 = left
native pixel; f7 = plane bit 0, hj7 = plane bit 1) and, read as 8x16 sprites, 128 sprites of 16 bytes.
The playfield uses tiles 0x40-0x7f only ((byte & 0x3f) + 0x40); our sprites use codes 0-31 (tiles 0-63).
The monitor is rotated 270 degrees (MAME ROT270): native pixel (x, y) shows upright at (y, 255 - x), so the
art below is drawn upright and turned here: native tile pixel (px, py) = upright (ux = py, uy = 7 - px).
Facts: ../../../shared/docs/DRIVER-TARGETS.md section Centipede.
"""
import os
import sys

FONT = {  # 5x7, upright, '#' = pen 1
    ' ': [''] * 7,
    '0': [' ### ', '#   #', '#  ##', '# # #', '##  #', '#   #', ' ### '],
    '1': ['  #  ', ' ##  ', '  #  ', '  #  ', '  #  ', '  #  ', ' ### '],
    '2': [' ### ', '#   #', '    #', '   # ', '  #  ', ' #   ', '#####'],
    '3': ['#####', '   # ', '  #  ', '   # ', '    #', '#   #', ' ### '],
    '4': ['   # ', '  ## ', ' # # ', '#  # ', '#####', '   # ', '   # '],
    '5': ['#####', '#    ', '#### ', '    #', '    #', '#   #', ' ### '],
    '6': ['  ## ', ' #   ', '#    ', '#### ', '#   #', '#   #', ' ### '],
    '7': ['#####', '    #', '   # ', '  #  ', ' #   ', ' #   ', ' #   '],
    '8': [' ### ', '#   #', '#   #', ' ### ', '#   #', '#   #', ' ### '],
    '9': [' ### ', '#   #', '#   #', ' ####', '    #', '   # ', ' ##  '],
    'A': [' ### ', '#   #', '#   #', '#####', '#   #', '#   #', '#   #'],
    'B': ['#### ', '#   #', '#   #', '#### ', '#   #', '#   #', '#### '],
    'C': [' ### ', '#   #', '#    ', '#    ', '#    ', '#   #', ' ### '],
    'D': ['#### ', '#   #', '#   #', '#   #', '#   #', '#   #', '#### '],
    'E': ['#####', '#    ', '#    ', '#### ', '#    ', '#    ', '#####'],
    'F': ['#####', '#    ', '#    ', '#### ', '#    ', '#    ', '#    '],
    'G': [' ### ', '#   #', '#    ', '# ###', '#   #', '#   #', ' ####'],
    'H': ['#   #', '#   #', '#   #', '#####', '#   #', '#   #', '#   #'],
    'I': [' ### ', '  #  ', '  #  ', '  #  ', '  #  ', '  #  ', ' ### '],
    'J': ['  ###', '   # ', '   # ', '   # ', '   # ', '#  # ', ' ##  '],
    'K': ['#   #', '#  # ', '# #  ', '##   ', '# #  ', '#  # ', '#   #'],
    'L': ['#    ', '#    ', '#    ', '#    ', '#    ', '#    ', '#####'],
    'M': ['#   #', '## ##', '# # #', '# # #', '#   #', '#   #', '#   #'],
    'N': ['#   #', '#   #', '##  #', '# # #', '#  ##', '#   #', '#   #'],
    'O': [' ### ', '#   #', '#   #', '#   #', '#   #', '#   #', ' ### '],
    'P': ['#### ', '#   #', '#   #', '#### ', '#    ', '#    ', '#    '],
    'Q': [' ### ', '#   #', '#   #', '#   #', '# # #', '#  # ', ' ## #'],
    'R': ['#### ', '#   #', '#   #', '#### ', '# #  ', '#  # ', '#   #'],
    'S': [' ####', '#    ', '#    ', ' ### ', '    #', '    #', '#### '],
    'T': ['#####', '  #  ', '  #  ', '  #  ', '  #  ', '  #  ', '  #  '],
    'U': ['#   #', '#   #', '#   #', '#   #', '#   #', '#   #', ' ### '],
    'V': ['#   #', '#   #', '#   #', '#   #', '#   #', ' # # ', '  #  '],
    'W': ['#   #', '#   #', '#   #', '# # #', '# # #', '# # #', ' # # '],
    'X': ['#   #', '#   #', ' # # ', '  #  ', ' # # ', '#   #', '#   #'],
    'Y': ['#   #', '#   #', ' # # ', '  #  ', '  #  ', '  #  ', '  #  '],
    'Z': ['#####', '    #', '   # ', '  #  ', ' #   ', '#    ', '#####'],
    '-': ['', '', '', '#####', '', '', ''],
}
CHARS = ' 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-'  # playfield tile index = position here

# extra playfield tiles (8x8 upright, digits = pen), after the characters
MUSHROOM = ['  2222  ', ' 233332 ', '23333332', '23333332', ' 222222 ', '   11   ', '   11   ', '  1111  ']
MUSH_HIT = ['        ', '        ', '  2222  ', ' 233332 ', ' 222222 ', '   11   ', '   11   ', '  1111  ']
BLOCK = ['33333333'] * 8
BORDER = ['2' * 8, '2' * 8, '', '', '', '', '', '']

# sprites: 16 wide x 8 tall upright
SHIP = ['       33       ', '      3333      ', '      3223      ', '     322223     ',
        '   3322112233   ', '  332211112233  ', ' 33 22 11 22 33 ', '3   2      2   3']
SHOT = ['       33       ', '       33       ', '       22       ', '       22       ',
        '       11       ', '       11       ', '                ', '                ']
BUG_A = ['  1          1  ', '   1        1   ', '    22222222    ', '  223333333322  ',
         ' 22333333333322 ', '  223333333322  ', '   1 2222222 1  ', '  1          1 ']
BUG_B = ['   1        1   ', '   1        1   ', '    22222222    ', '  223333333322  ',
         ' 22333333333322 ', '  223333333322  ', '  1 22222222  1 ', ' 1            1']
BOOM = ['  3   1  1   3  ', '   3  2  2  3   ', ' 1  3 2332 3  1 ', '  22 333333 22  ',
        '  22 333333 22  ', ' 1  3 2332 3  1 ', '   3  2  2  3   ', '  3   1  1   3  ']


def pad(rows, w, h):
    rows = [r.ljust(w)[:w] for r in rows] + [' ' * w] * (h - len(rows))
    return rows[:h]


def put_tile(lo, hi, tile, art):
    art = pad(art, 8, 8)
    for py in range(8):          # native row = upright column
        blo = bhi = 0
        for px in range(8):      # native column = upright row 7 - px
            ch = art[7 - px][py]
            v = int(ch) if ch.isdigit() else (1 if ch == '#' else 0)
            blo |= (v & 1) << (7 - px)
            bhi |= ((v >> 1) & 1) << (7 - px)
        lo[tile * 8 + py] = blo
        hi[tile * 8 + py] = bhi


def put_sprite(lo, hi, code, art):
    art = pad(art, 16, 8)
    for py in range(16):
        blo = bhi = 0
        for px in range(8):
            ch = art[7 - px][py]
            v = int(ch) if ch.isdigit() else 0
            blo |= (v & 1) << (7 - px)
            bhi |= ((v >> 1) & 1) << (7 - px)
        lo[code * 16 + py] = blo
        hi[code * 16 + py] = bhi


def main():
    out = sys.argv[1]
    lo, hi = bytearray(0x800), bytearray(0x800)
    for i, ch in enumerate(CHARS):
        glyph = [r.ljust(5) for r in FONT[ch]] if FONT[ch][0] != '' or ch != ' ' else [''] * 7
        put_tile(lo, hi, 0x40 + i, [' ' + r.replace(' ', ' ') for r in glyph] + [''])
    extra = len(CHARS)
    for j, art in enumerate([MUSHROOM, MUSH_HIT, BLOCK, BORDER]):
        put_tile(lo, hi, 0x40 + extra + j, art)
    for code, art in enumerate([SHIP, SHOT, BUG_A, BUG_B, BOOM]):
        put_sprite(lo, hi, code, art)
    os.makedirs(out, exist_ok=True)
    open(os.path.join(out, '136001-211.f7'), 'wb').write(lo)
    open(os.path.join(out, '136001-212.hj7'), 'wb').write(hi)
    open(os.path.join(out, '136001-213.p4'), 'wb').write(bytes(256))


if __name__ == '__main__':
    main()
