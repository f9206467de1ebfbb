#!/usr/bin/env python3
"""Write roms-manifest/cendemo.json for the built ROM folder (format: ARCHITECTURE.md section 3).

usage: mkmanifest.py ROMDIR OUT.json
File names, sizes, regions and offsets are those of MAME 0.251's `centiped` set (roms-manifest/centiped.json).
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from romset import read_layout, write_manifest  # noqa: E402

LAYOUT = [  # name, size, region, offset
    ("136001-407.d1", 2048, "maincpu", 0x2000), ("136001-408.e1", 2048, "maincpu", 0x2800),
    ("136001-409.fh1", 2048, "maincpu", 0x3000), ("136001-410.j1", 2048, "maincpu", 0x3800),
    ("136001-211.f7", 2048, "gfx1", 0x0000), ("136001-212.hj7", 2048, "gfx1", 0x0800),
    ("136001-213.p4", 256, "proms", 0x0000),
]


def main():
    romdir, dest = sys.argv[1], sys.argv[2]
    write_manifest(dest, "cendemo", "Bug Blaster (Centipede hardware, Arcade homebrew)", "centiped",
                   read_layout(romdir, LAYOUT, "centiped"))


if __name__ == "__main__":
    main()
