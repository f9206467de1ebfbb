#!/usr/bin/env python3
"""Write roms-manifest/<set>.json for a built Pac-Man homebrew ROM folder (format: ARCHITECTURE.md section 3).

usage: mkmanifest.py ROMDIR OUT.json [SET TITLE]      (default: pacdemo and its title)
Regions and offsets are those of MAME 0.251's `pacman` set (../shared/docs/DRIVER-TARGETS.md).
"""
import hashlib
import json
import os
import sys
import zlib

LAYOUT = [  # name, region, offset
    ("pacman.6e", "maincpu", 0x0000), ("pacman.6f", "maincpu", 0x1000),
    ("pacman.6h", "maincpu", 0x2000), ("pacman.6j", "maincpu", 0x3000),
    ("pacman.5e", "gfx1", 0x0000), ("pacman.5f", "gfx1", 0x1000),
    ("82s123.7f", "proms", 0x0000), ("82s126.4a", "proms", 0x0020),
    ("82s126.1m", "namco", 0x0000), ("82s126.3m", "namco", 0x0100),
]
SIZES = {"pacman.6e": 4096, "pacman.6f": 4096, "pacman.6h": 4096, "pacman.6j": 4096, "pacman.5e": 4096,
         "pacman.5f": 4096, "82s123.7f": 32, "82s126.4a": 256, "82s126.1m": 256, "82s126.3m": 256}


def main():
    romdir, dest = sys.argv[1], sys.argv[2]
    set_name = sys.argv[3] if len(sys.argv) > 3 else "pacdemo"
    title = sys.argv[4] if len(sys.argv) > 4 else "Pac-Man hardware demo (Arcade homebrew)"
    lines = []
    for name, region, offset in LAYOUT:
        data = open(os.path.join(romdir, name), "rb").read()
        if len(data) != SIZES[name]:
            raise SystemExit("%s: %d bytes, the pacman set has %d" % (name, len(data), SIZES[name]))
        entry = {"name": name, "size": len(data), "crc32": "%08x" % (zlib.crc32(data) & 0xFFFFFFFF),
                 "sha1": hashlib.sha1(data).hexdigest(), "region": region, "offset": offset}
        lines.append("    " + json.dumps(entry, separators=(",", ":")))
    head = {"name": set_name, "title": title, "year": "2026",
            "maker": "Arcade project (homebrew)", "driver": "pacman", "homebrew": True}
    text = "{\n" + "".join("  %s: %s,\n" % (json.dumps(k), json.dumps(v)) for k, v in head.items())
    text += '  "roms": [\n' + ",\n".join(lines) + "\n  ]\n}\n"
    os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
    with open(dest, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
