#!/usr/bin/env python3
"""Generate the non-program ROMs of `pacdemo` and the data the Z80 program includes.

usage: mkpacdemo.py OUTDIR

Writes into OUTDIR (all our own content, from the ASCII art below):
  pacman.5e   4096  tile ROM: font, dots, maze walls (cut from a rendered maze picture)
  pacman.5f   4096  sprite ROM: Pac, ghosts, cherry, bat
  82s123.7f     32  palette PROM (bits 0-2 red, 3-5 green, 6-7 blue)
  82s126.4a    256  colour lookup PROM (64 palettes x 4, low nibble = palette PROM entry 0-15)
  82s126.1m    256  waveform PROM (8 waves x 32 nibbles)
  82s126.3m    256  timing PROM (not used by the emulation: zeros)
  maze.inc          the maze as video RAM and colour RAM images of rows 2-33 (column-major, 896 bytes
                    each) plus its dot count, for one LDIR each
  tune.inc          the start tune and the level-clear tune (frame counts + WSG frequencies)

Pac-Man ROM facts used (../shared/oracle/README.md, "Pac-Man hardware facts"): 2 bits per pixel, pixel k
of a byte has its high bit at 7-k and its low bit at 3-k; tiles 16 bytes, sprites 64 bytes; the monitor
is turned 90 degrees clockwise, so art drawn upright is rotated before encoding.
"""
import math
import os
import sys

# ---------------------------------------------------------------- palette PROM (16 usable colours)
def rgb(r, g, b):
    return (r & 7) | ((g & 7) << 3) | ((b & 3) << 6)


COLOURS = [
    ("black", rgb(0, 0, 0)), ("red", rgb(7, 0, 0)), ("pink", rgb(7, 5, 3)), ("cyan", rgb(0, 7, 3)),
    ("orange", rgb(7, 5, 1)), ("yellow", rgb(7, 7, 0)), ("blue", rgb(1, 1, 3)), ("white", rgb(7, 7, 3)),
    ("peach", rgb(7, 6, 2)), ("green", rgb(0, 6, 0)), ("brown", rgb(5, 2, 0)), ("magenta", rgb(7, 0, 3)),
    ("navy", rgb(0, 0, 2)), ("grey", rgb(4, 4, 2)), ("skyblue", rgb(3, 5, 3)), ("dkred", rgb(4, 0, 0)),
]
C = {name: i for i, (name, _) in enumerate(COLOURS)}

# colour lookup: palette number -> 4 palette-PROM entries (pixel value 0..3); pixel 0 = black = transparent
PALETTES = {
    0: ["black", "black", "black", "black"],
    1: ["black", "white", "white", "white"],       # text
    2: ["black", "blue", "skyblue", "navy"],        # maze walls
    3: ["black", "peach", "peach", "peach"],        # dots
    4: ["black", "yellow", "yellow", "yellow"],     # Pac, yellow text
    5: ["black", "red", "white", "navy"],           # ghost: body, eye white, pupil
    6: ["black", "pink", "white", "navy"],
    7: ["black", "cyan", "white", "navy"],
    8: ["black", "orange", "white", "navy"],
    9: ["black", "red", "green", "white"],          # cherry: fruit, stem, shine
    10: ["black", "red", "red", "red"],             # red text
    11: ["black", "cyan", "cyan", "cyan"],          # cyan text
    12: ["black", "magenta", "white", "dkred"],     # bat
    13: ["black", "white", "white", "white"],       # walls while the level flashes
    14: ["black", "orange", "orange", "orange"],    # orange text
    15: ["black", "pink", "pink", "pink"],          # pink text
    16: ["black", "green", "green", "green"],       # green text
}

# ---------------------------------------------------------------- font (upright 5x7, our own drawing)
FONT = {
    "0": [".###.", "#..##", "#.#.#", "#.#.#", "##..#", "#...#", ".###."],
    "1": ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
    "2": [".###.", "#...#", "....#", "..##.", ".#...", "#....", "#####"],
    "3": ["####.", "....#", "....#", ".###.", "....#", "....#", "####."],
    "4": ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
    "5": ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
    "6": [".###.", "#....", "#....", "####.", "#...#", "#...#", ".###."],
    "7": ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
    "8": [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
    "9": [".###.", "#...#", "#...#", ".####", "....#", "....#", ".###."],
    "A": ["..#..", ".#.#.", "#...#", "#...#", "#####", "#...#", "#...#"],
    "B": ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
    "C": [".####", "#....", "#....", "#....", "#....", "#....", ".####"],
    "D": ["###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.."],
    "E": ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
    "F": ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
    "G": [".####", "#....", "#....", "#..##", "#...#", "#...#", ".####"],
    "H": ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
    "I": ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "#####"],
    "J": ["....#", "....#", "....#", "....#", "#...#", "#...#", ".###."],
    "K": ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
    "L": ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
    "M": ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
    "N": ["#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"],
    "O": [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
    "P": ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
    "Q": [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
    "R": ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
    "S": [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
    "T": ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
    "U": ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
    "V": ["#...#", "#...#", "#...#", ".#.#.", ".#.#.", "..#..", "..#.."],
    "W": ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "##.##", "#...#"],
    "X": ["#...#", ".#.#.", "..#..", "..#..", "..#..", ".#.#.", "#...#"],
    "Y": ["#...#", ".#.#.", "..#..", "..#..", "..#..", "..#..", "..#.."],
    "Z": ["#####", "...#.", "..#..", "..#..", ".#...", "#....", "#####"],
    "-": [".....", ".....", ".....", "#####", ".....", ".....", "....."],
    "!": ["..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.."],
    ".": [".....", ".....", ".....", ".....", ".....", ".##..", ".##.."],
    ":": [".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."],
    "/": ["....#", "...#.", "...#.", "..#..", ".#...", ".#...", "#...."],
    "@": [".###.", "#...#", "#.###", "#.#.#", "#.###", "#....", ".###."],   # drawn as (C) sign stand-in
    " ": ["....."] * 7,
}

# tile codes (ASCII for text; the rest below 0x20 and from 0x80)
T_BLANK = 0x20
T_DOT = 0x10
T_POWER = 0x11
T_LIFE = 0x12          # small Pac for the lives row
T_WALL0 = 0x80         # first maze wall tile


def glyph(ch):
    g = [[0] * 8 for _ in range(8)]
    for r, line in enumerate(FONT[ch]):
        for c, p in enumerate(line):
            if p == "#":
                g[r][c + 1] = 1
    return g


def art(lines):
    n = len(lines)
    assert all(len(l) == n for l in lines), lines
    return [[int(p) if p.isdigit() else 0 for p in l] for l in lines]


# ---------------------------------------------------------------- encoders (Pac-Man bit layout)
def put(buf, i, k, v):
    if v & 2:
        buf[i] |= 0x80 >> k
    if v & 1:
        buf[i] |= 0x08 >> k


def encode_tile(g):
    """8x8 upright art -> 16 bytes. Upright (col c, row r) is native (x = r, y = 7 - c)."""
    out = bytearray(16)
    for r in range(8):
        for c in range(8):
            x, y = r, 7 - c
            put(out, (8 if x < 4 else 0) + y, x & 3, g[r][c])
    return bytes(out)


def encode_sprite(g):
    """16x16 upright art -> 64 bytes. Upright (c, r) is native (x = r, y = 15 - c)."""
    out = bytearray(64)
    for r in range(16):
        for c in range(16):
            x, y = r, 15 - c
            put(out, (8, 16, 24, 0)[x >> 2] + (y & 7) + (32 if y >= 8 else 0), x & 3, g[r][c])
    return bytes(out)


# ---------------------------------------------------------------- maze (left half, mirrored)
# '#' wall, '.' dot, 'o' power dot, ' ' empty corridor, 'T' empty text area (inside the centre box)
MAZE_HALF = [
    "##############",
    "#............#",
    "#o####.#####.#",
    "#.####.#####.#",
    "#.............",
    "#.####.##.####",
    "#......##....#",
    "######.#####.#",
    "######.#####.#",
    "######.##.....",
    "######.##.####",
    "######.##.#TTT",
    "#.........#TTT",
    "######.##.#TTT",
    "######.##.####",
    "######.##.....",
    "######.##.##.#",
    "#............#",
    "#.####.#####.#",
    "#o..##........",
    "###.##.##.####",
    "#......##....#",
    "#.##########.#",
    "#.............",
    "#.####.##.####",
    "#.####.##....#",
    "#......#####.#",
    "#.####.......#",
    "##############",
]
MAZE = [h + h[::-1] for h in MAZE_HALF]
MAZE_TOP = 3                       # screen row of maze row 0
MAZE_ROWS = len(MAZE)
assert MAZE_TOP + MAZE_ROWS <= 34 and all(len(r) == 28 for r in MAZE)


def check_maze():
    """Every dot must be reachable from Pac's start, and the border closed (no way off screen)."""
    for r, row in enumerate(MAZE):
        for c, ch in enumerate(row):
            if (r in (0, MAZE_ROWS - 1) or c in (0, 27)) and ch != "#":
                raise SystemExit("maze: border open at row %d col %d" % (r, c))
    start = PAC_START
    seen, todo = {start}, [start]
    while todo:
        c, r = todo.pop()
        for dc, dr in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            n = (c + dc, r + dr)
            if MAZE[n[1]][n[0]] in ".o " and n not in seen:
                seen.add(n)
                todo.append(n)
    for r, row in enumerate(MAZE):
        for c, ch in enumerate(row):
            if ch in ".o" and (c, r) not in seen:
                raise SystemExit("maze: dot at row %d col %d unreachable" % (r, c))


# start positions (maze col, maze row); also written to maze.inc for the program
PAC_START = (13, 23)               # between two columns: Pac starts half a tile right (x = 13*8+8)
GHOST_STARTS = [(9, 9), (18, 9), (9, 15), (18, 15)]
CHERRY_POS = (13, 19)


def render_walls():
    """Wall picture of the whole maze (1 px per pixel): an outline 3 px inside every wall area."""
    W, H = 28 * 8, MAZE_ROWS * 8

    def wall_px(x, y):
        if x < 0 or y < 0 or x >= W or y >= H:
            return True
        return MAZE[y // 8][x // 8] == "#"

    # inset: wall pixels at Chebyshev distance >= 3 from any corridor pixel
    inner = [[False] * W for _ in range(H)]
    for y in range(H):
        for x in range(W):
            if not wall_px(x, y):
                continue
            ok = True
            for dy in range(-3, 4):
                for dx in range(-3, 4):
                    if not wall_px(x + dx, y + dy):
                        ok = False
                        break
                if not ok:
                    break
            inner[y][x] = ok
    pic = [[0] * W for _ in range(H)]
    for y in range(H):
        for x in range(W):
            if not wall_px(x, y):
                continue
            if inner[y][x]:
                # edge of the inset area: a thin line (value 1); the inside stays dark (value 3 = navy)
                edge = any(not (0 <= x + dx < W and 0 <= y + dy < H) or not inner[y + dy][x + dx]
                           for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))
                edge = edge and not all(
                    (not (0 <= x + dx < W and 0 <= y + dy < H)) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))
                pic[y][x] = 1 if edge else 0
    return pic


def build_maze_tiles(tiles):
    pic = render_walls()
    codes = {}
    cellcode = {}
    for r in range(MAZE_ROWS):
        for c in range(28):
            if MAZE[r][c] != "#":
                continue
            g = tuple(tuple(pic[r * 8 + y][c * 8 + x] for x in range(8)) for y in range(8))
            if g not in codes:
                code = T_WALL0 + len(codes)
                if code > 0xFF:
                    raise SystemExit("maze: too many distinct wall tiles")
                codes[g] = code
                tiles[code] = encode_tile([list(row) for row in g])
            cellcode[(c, r)] = codes[g]
    return cellcode, len(codes)


def vram_offset(col, row):
    """Offset from 0x4000 of the upright tile (col, row), rows 2..33 (oracle README)."""
    return 0x40 + (27 - col) * 32 + (row - 2)


def build_maze_images(cellcode):
    vram = bytearray([T_BLANK] * 896)
    cram = bytearray([1] * 896)
    dots = 0
    for r in range(MAZE_ROWS):
        for c in range(28):
            ch = MAZE[r][c]
            o = vram_offset(c, MAZE_TOP + r) - 0x40
            if ch == "#":
                vram[o], cram[o] = cellcode[(c, r)], 2
            elif ch == ".":
                vram[o], cram[o] = T_DOT, 3
                dots += 1
            elif ch == "o":
                vram[o], cram[o] = T_POWER, 3
                dots += 1
            elif ch == "T":
                cram[o] = 4
    return vram, cram, dots


# ---------------------------------------------------------------- tiles
DOT = ["........", "........", "........", "...11...", "...11...", "........", "........", "........"]
POWER = ["..1111..", ".111111.", "11111111", "11111111", "11111111", "11111111", ".111111.", "..1111.."]
LIFE = ["..1111..", ".111111.", "11111...", "1111....", "1111....", "11111...", ".111111.", "..1111.."]


def build_tiles():
    tiles = [bytes(16)] * 256
    for ch in FONT:
        tiles[ord(ch)] = encode_tile(glyph(ch))
    tiles[T_DOT] = encode_tile(art(DOT))
    tiles[T_POWER] = encode_tile(art(POWER))
    tiles[T_LIFE] = encode_tile(art(LIFE))
    cellcode, nwall = build_maze_tiles(tiles)
    return tiles, cellcode, nwall


# ---------------------------------------------------------------- sprites (16x16 upright art)
PAC_OPEN = [
    "................",
    ".....111111.....",
    "...1111111111...",
    "..11111111111...",
    ".1111111111.....",
    ".11111111.......",
    "1111111.........",
    "11111...........",
    "11111...........",
    "1111111.........",
    ".11111111.......",
    ".1111111111.....",
    "..11111111111...",
    "...1111111111...",
    ".....111111.....",
    "................"]
PAC_HALF = [
    "................",
    ".....111111.....",
    "...1111111111...",
    "..111111111111..",
    ".11111111111111.",
    ".1111111111111..",
    "1111111111111...",
    "1111111111......",
    "1111111111......",
    "1111111111111...",
    ".1111111111111..",
    ".11111111111111.",
    "..111111111111..",
    "...1111111111...",
    ".....111111.....",
    "................"]
PAC_SHUT = [
    "................",
    ".....111111.....",
    "...1111111111...",
    "..111111111111..",
    ".11111111111111.",
    ".11111111111111.",
    "1111111111111111",
    "1111111111111111",
    "1111111111111111",
    "1111111111111111",
    ".11111111111111.",
    ".11111111111111.",
    "..111111111111..",
    "...1111111111...",
    ".....111111.....",
    "................"]
GHOST_A = [
    "................",
    "......1111......",
    "....11111111....",
    "...1111111111...",
    "..111222111222..",
    "..112222112222..",
    "..112233112233..",
    ".11122331122331.",
    ".11112211112211.",
    ".11111111111111.",
    ".11111111111111.",
    ".11111111111111.",
    ".11111111111111.",
    ".11.111..111.11.",
    ".1...11..11...1.",
    "................"]
GHOST_B = [
    "................",
    "......1111......",
    "....11111111....",
    "...1111111111...",
    "..111222111222..",
    "..112222112222..",
    "..112233112233..",
    ".11122331122331.",
    ".11112211112211.",
    ".11111111111111.",
    ".11111111111111.",
    ".11111111111111.",
    ".11111111111111.",
    ".1111.1111.1111.",
    "..11...11...11..",
    "................"]
CHERRY = [
    "................",
    "...........22...",
    ".........222....",
    "........2.2.....",
    ".......2..2.....",
    "......2...2.....",
    ".....2....2.....",
    "..1112...2......",
    ".113111.1112....",
    ".131111113111...",
    ".111111131111...",
    ".111111111111...",
    "..1111.111111...",
    "........1111....",
    "................",
    "................"]
BAT_UP = [
    "................",
    "1..............1",
    "11............11",
    "111....11....111",
    "1111..1111..1111",
    "11111.1221.11111",
    "111111111111111.",
    ".11111111111111.",
    "..111113311111..",
    "...11.1..1.11...",
    "....1......1....",
    "................",
    "................",
    "................",
    "................",
    "................"]
BAT_DOWN = [
    "................",
    "................",
    "................",
    ".......11.......",
    "......1111......",
    "......1221......",
    "....11111111....",
    "..111111111111..",
    ".11111133111111.",
    "111111111111111.",
    "11111.1..1.11111",
    "1111........1111",
    "111..........111",
    "11............11",
    "1..............1",
    "................"]
SPRITES = {0: PAC_OPEN, 1: PAC_HALF, 2: PAC_SHUT, 5: GHOST_A, 6: GHOST_B, 7: CHERRY, 8: BAT_UP, 9: BAT_DOWN}


def rotate_left(g):
    """Turn art 90 degrees anticlockwise (mouth right -> mouth up)."""
    n = len(g)
    return [[g[c][n - 1 - r] for c in range(n)] for r in range(n)]


def build_sprites():
    out = [bytes(64)] * 64
    for code, lines in SPRITES.items():
        out[code] = encode_sprite(art(lines))
    out[3] = encode_sprite(rotate_left(art(PAC_OPEN)))   # mouth up; down = upside-down flip of it
    out[4] = encode_sprite(rotate_left(art(PAC_HALF)))
    return b"".join(out)


# ---------------------------------------------------------------- waveform PROM
def build_waves():
    w = []
    w += [int(round(7.5 + 7.5 * math.sin(2 * math.pi * i / 32))) for i in range(32)]        # 0 sine
    w += [15 if i < 16 else 0 for i in range(32)]                                            # 1 square
    w += [min(15, 2 * i) if i < 16 else min(15, 2 * (31 - i) + 1) for i in range(32)]        # 2 triangle
    w += [i >> 1 for i in range(32)]                                                         # 3 saw
    w += [15 if i < 8 else 0 for i in range(32)]                                             # 4 pulse 25 %
    w += [int(round(7.5 + 5 * math.sin(2 * math.pi * i / 32) + 2.5 * math.sin(4 * math.pi * i / 32)))
          for i in range(32)]                                                                # 5 organ
    w += [int(round(7.5 + 7.5 * math.sin(2 * math.pi * i / 32) ** 3)) for i in range(32)]   # 6 soft
    w += [(i * 7 + (i >> 2) * 5) & 15 for i in range(32)]                                   # 7 buzz
    return bytes(v & 15 for v in w)


# ---------------------------------------------------------------- tunes
NOTE = {"C": 0, "C#": 1, "D": 2, "D#": 3, "E": 4, "F": 5, "F#": 6, "G": 7, "G#": 8, "A": 9, "A#": 10, "B": 11}


def freq_reg(name):
    """Note like 'A4' -> WSG 20-bit frequency >> 4 (what voices 2/3 can hold), '-' -> 0 (rest)."""
    if name == "-":
        return 0
    n, octave = name[:-1], int(name[-1])
    hz = 440.0 * 2 ** ((NOTE[n] + 12 * (octave - 4) - 9) / 12)
    return int(round(hz * (1 << 20) / 96000)) >> 4


# (frames, melody on voice 2, bass on voice 3)
START_TUNE = [
    (6, "C5", "C3"), (6, "E5", "-"), (6, "G5", "G3"), (6, "E5", "-"),
    (6, "C6", "C3"), (6, "G5", "-"), (12, "E5", "G3"),
    (6, "D5", "D3"), (6, "F5", "-"), (6, "A5", "A3"), (6, "F5", "-"),
    (6, "D6", "D3"), (6, "A5", "-"), (12, "F5", "A3"),
    (6, "E5", "C3"), (6, "G5", "E3"), (6, "C6", "G3"), (18, "C6", "C3"),
]
CLEAR_TUNE = [
    (6, "G5", "C4"), (6, "C6", "E4"), (6, "E6", "G4"), (6, "G6", "C5"), (6, "E6", "G4"), (18, "G6", "C4"),
]


def tune_inc(label, tune):
    lines = ["%s:" % label]
    for frames, mel, bass in tune:
        lines.append("        defb %d\n        defw 0x%04X, 0x%04X    ; %s %s" % (frames, freq_reg(mel), freq_reg(bass), mel, bass))
    lines.append("        defb 0")
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    check_maze()
    tiles, cellcode, nwall = build_tiles()
    vram, cram, dots = build_maze_images(cellcode)
    pal = bytes([v for _, v in COLOURS] + [0] * 16)
    lookup = bytearray(256)
    for p, entries in PALETTES.items():
        for i, name in enumerate(entries):
            lookup[p * 4 + i] = C[name]
    files = {
        "pacman.5e": b"".join(tiles), "pacman.5f": build_sprites(), "82s123.7f": pal,
        "82s126.4a": bytes(lookup), "82s126.1m": build_waves(), "82s126.3m": bytes(256),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    def defb(data):
        return "\n".join("        defb " + ", ".join("0x%02X" % b for b in data[i:i + 16]) for i in range(0, len(data), 16))

    with open(os.path.join(out, "maze.inc"), "w") as f:
        f.write("; generated by mkpacdemo.py: maze rows %d-%d, %d wall tiles\n" % (MAZE_TOP, MAZE_TOP + MAZE_ROWS - 1, nwall))
        f.write("MAZE_DOTS: equ %d\n" % dots)
        f.write("PAC_X0: equ %d\nPAC_Y0: equ %d\n" % (PAC_START[0] * 8 + 8, (MAZE_TOP + PAC_START[1]) * 8 + 4))
        for i, (c, r) in enumerate(GHOST_STARTS):
            f.write("GHOST%d_X0: equ %d\nGHOST%d_Y0: equ %d\n" % (i, c * 8 + 4, i, (MAZE_TOP + r) * 8 + 4))
        f.write("CHERRY_X: equ %d\nCHERRY_Y: equ %d\n" % (CHERRY_POS[0] * 8 + 8, (MAZE_TOP + CHERRY_POS[1]) * 8 + 4))
        f.write("maze_vram:\n%s\nmaze_cram:\n%s\n" % (defb(vram), defb(cram)))
    with open(os.path.join(out, "tune.inc"), "w") as f:
        f.write("; generated by mkpacdemo.py: per note: frames, voice-2 frequency >> 4, voice-3 frequency >> 4\n")
        f.write(tune_inc("start_tune", START_TUNE))
        f.write(tune_inc("clear_tune", CLEAR_TUNE))
    print("mkpacdemo: %d wall tiles, %d dots" % (nwall, dots))


if __name__ == "__main__":
    main()
