#!/usr/bin/env python3
"""Write roms-manifest/<set>.json for a built Pac-Man homebrew ROM folder (format: ARCHITECTURE.md section 3).

usage: mkmanifest.py ROMDIR OUT.json [SET TITLE]      (default: pacdemo and its title)
Regions and offsets are those of MAME 0.251's `pacman` set (../shared/docs/DRIVER-TARGETS.md).
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from romset import read_layout, write_manifest  # noqa: E402

LAYOUT = [  # name, size, region, offset
    ("pacman.6e", 4096, "maincpu", 0x0000), ("pacman.6f", 4096, "maincpu", 0x1000),
    ("pacman.6h", 4096, "maincpu", 0x2000), ("pacman.6j", 4096, "maincpu", 0x3000),
    ("pacman.5e", 4096, "gfx1", 0x0000), ("pacman.5f", 4096, "gfx1", 0x1000),
    ("82s123.7f", 32, "proms", 0x0000), ("82s126.4a", 256, "proms", 0x0020),
    ("82s126.1m", 256, "namco", 0x0000), ("82s126.3m", 256, "namco", 0x0100),
]


def main():
    romdir, dest = sys.argv[1], sys.argv[2]
    set_name = sys.argv[3] if len(sys.argv) > 3 else "pacdemo"
    title = sys.argv[4] if len(sys.argv) > 4 else "Pac-Man hardware demo (Arcade homebrew)"
    write_manifest(dest, set_name, title, "pacman", read_layout(romdir, LAYOUT, "pacman"))


if __name__ == "__main__":
    main()
