#!/usr/bin/env python3
"""Write roms-manifest/sbdemo.json for the built ROM folder (format: ARCHITECTURE.md section 3).

usage: mkmanifest.py ROMDIR OUT.json
Names, sizes, regions and offsets are those of MAME 0.251's `snowbros` set
(../shared/docs/DRIVER-TARGETS.md § Snow Bros.); the hashes are our files'.
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from romset import read_layout, write_manifest  # noqa: E402

LAYOUT = [  # name, size, region, offset
    ("sn6.bin", 131072, "maincpu", 0), ("sn5.bin", 131072, "maincpu", 1),
    ("sbros-4.29", 32768, "soundcpu", 0), ("sbros-1.41", 524288, "gfx1", 0),
]


def main():
    romdir, dest = sys.argv[1], sys.argv[2]
    write_manifest(dest, "sbdemo", "Snow Bros. hardware demo (Arcade homebrew)", "snowbros",
                   read_layout(romdir, LAYOUT, "snowbros"))


if __name__ == "__main__":
    main()
