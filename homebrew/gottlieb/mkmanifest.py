#!/usr/bin/env python3
"""Write roms-manifest/gottdemo.json for the built ROM folder (format: ARCHITECTURE.md section 3).

usage: mkmanifest.py [--qbert] ROMDIR OUT.json
File names, sizes, regions and offsets are those of MAME 0.251's `mplanets` set (mame -listxml mplanets),
or with --qbert of its `qbert` set (gottdemoq; Q*bert's Votrax ROM sc01a.bin is a device ROM our loader
does not need).
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from romset import read_layout, write_manifest  # noqa: E402

LAYOUT = [  # name, size, region, offset (MAME's order)
    ("rom4.c16", 8192, "maincpu", 0x6000), ("rom3.c14-15", 8192, "maincpu", 0x8000),
    ("rom2.c13-14", 8192, "maincpu", 0xa000), ("rom1.c12-13", 8192, "maincpu", 0xc000),
    ("rom0.c11-12", 8192, "maincpu", 0xe000),
    ("snd1", 2048, "r1sound:audiocpu", 0x7000), ("snd2", 2048, "r1sound:audiocpu", 0x7800),
    ("bg0.e11-12", 4096, "bgtiles", 0x0000), ("bg1.e13", 4096, "bgtiles", 0x1000),
    ("fg3.k7-8", 8192, "sprites", 0x0000), ("fg2.k6", 8192, "sprites", 0x2000),
    ("fg1.k5", 8192, "sprites", 0x4000), ("fg0.k4", 8192, "sprites", 0x6000),
]


QBERT_LAYOUT = [
    ("qb-rom2.bin", 8192, "maincpu", 0xa000), ("qb-rom1.bin", 8192, "maincpu", 0xc000),
    ("qb-rom0.bin", 8192, "maincpu", 0xe000),
    ("qb-snd1.bin", 2048, "r1sound:audiocpu", 0x7000), ("qb-snd2.bin", 2048, "r1sound:audiocpu", 0x7800),
    ("qb-bg0.bin", 4096, "bgtiles", 0x0000), ("qb-bg1.bin", 4096, "bgtiles", 0x1000),
    ("qb-fg3.bin", 8192, "sprites", 0x0000), ("qb-fg2.bin", 8192, "sprites", 0x2000),
    ("qb-fg1.bin", 8192, "sprites", 0x4000), ("qb-fg0.bin", 8192, "sprites", 0x6000),
]


def main():
    args = sys.argv[1:]
    qbert = args[0] == "--qbert"
    if qbert:
        args = args[1:]
    romdir, dest = args[0], args[1]
    if qbert:
        write_manifest(dest, "gottdemoq", "Gottlieb hardware demo, Q*bert layout (Arcade homebrew)", "gottlieb",
                       read_layout(romdir, QBERT_LAYOUT, "qbert"))
    else:
        write_manifest(dest, "gottdemo", "Gottlieb hardware demo (Arcade homebrew)", "gottlieb",
                       read_layout(romdir, LAYOUT, "mplanets"))


if __name__ == "__main__":
    main()
