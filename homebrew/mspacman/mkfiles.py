#!/usr/bin/env python3
"""Write the mspactest ROM set (MAME `mspacman` file names and sizes, our own contents) and its manifest.

usage: mkfiles.py PROGRAM.bin PACDEMO_DIR OUTDIR MANIFEST.json
- pacman.6e: the assembled probe program, padded with 0xFF;
- pacman.6f/6h/6j and the aux ROMs u5/u6/u7: byte patterns that differ per file and per address, so every
  byte the aux board's scrambling moves can be told apart;
- graphics and PROMs: those of our pacdemo set (renamed to the mspacman set's names).
Regions and offsets are those of MAME 0.251's `mspacman` set (roms-manifest/mspacman.json).
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from romset import check_size, rom_entry, write_manifest  # noqa: E402

LAYOUT = [  # name, size, region, offset, source
    ("pacman.6e", 4096, "maincpu", 0x0000, "program"), ("pacman.6f", 4096, "maincpu", 0x1000, 0x11),
    ("pacman.6h", 4096, "maincpu", 0x2000, 0x22), ("pacman.6j", 4096, "maincpu", 0x3000, 0x33),
    ("u5", 2048, "maincpu", 0x8000, 0x55), ("u6", 4096, "maincpu", 0x9000, 0x66), ("u7", 4096, "maincpu", 0xB000, 0x77),
    ("5e", 4096, "gfx1", 0x0000, "pacman.5e"), ("5f", 4096, "gfx1", 0x1000, "pacman.5f"),
    ("82s123.7f", 32, "proms", 0x0000, "82s123.7f"), ("82s126.4a", 256, "proms", 0x0020, "82s126.4a"),
    ("82s126.1m", 256, "namco", 0x0000, "82s126.1m"), ("82s126.3m", 256, "namco", 0x0100, "82s126.3m"),
]


def pattern(seed, size):
    # address-dependent bytes (no two neighbours equal), different for every file
    return bytes(((i * 7) ^ (i >> 5) ^ seed) & 0xFF for i in range(size))


def main():
    program, pacdemo, out, manifest = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    entries = []
    for name, size, region, offset, source in LAYOUT:
        if source == "program":
            data = open(program, "rb").read()
            if len(data) > size:
                raise SystemExit("program is %d bytes, more than %s holds" % (len(data), name))
            data = data + b"\xff" * (size - len(data))
        elif isinstance(source, int):
            data = pattern(source, size)
        else:
            data = open(os.path.join(pacdemo, source), "rb").read()
        check_size(name, data, size, "mspacman")
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        entries.append(rom_entry(name, data, region, offset))
    write_manifest(manifest, "mspactest", "Ms. Pac-Man aux board probe (Arcade homebrew)", "pacman", entries)


if __name__ == "__main__":
    main()
