#!/usr/bin/env python3
"""Write roms-manifest/cendemo.json for the built ROM folder (format: ARCHITECTURE.md section 3).

usage: mkmanifest.py ROMDIR OUT.json
File names, sizes, regions and offsets are those of MAME 0.251's `centiped` set (roms-manifest/centiped.json).
"""
import hashlib
import json
import os
import sys
import zlib

LAYOUT = [  # name, size, region, offset
    ("136001-407.d1", 2048, "maincpu", 0x2000), ("136001-408.e1", 2048, "maincpu", 0x2800),
    ("136001-409.fh1", 2048, "maincpu", 0x3000), ("136001-410.j1", 2048, "maincpu", 0x3800),
    ("136001-211.f7", 2048, "gfx1", 0x0000), ("136001-212.hj7", 2048, "gfx1", 0x0800),
    ("136001-213.p4", 256, "proms", 0x0000),
]


def main():
    romdir, dest = sys.argv[1], sys.argv[2]
    lines = []
    for name, size, region, offset in LAYOUT:
        data = open(os.path.join(romdir, name), "rb").read()
        if len(data) != size:
            raise SystemExit("%s: %d bytes, the centiped set has %d" % (name, len(data), size))
        entry = {"name": name, "size": size, "crc32": "%08x" % (zlib.crc32(data) & 0xFFFFFFFF),
                 "sha1": hashlib.sha1(data).hexdigest(), "region": region, "offset": offset}
        lines.append("    " + json.dumps(entry, separators=(",", ":")))
    head = {"name": "cendemo", "title": "Bug Blaster (Centipede hardware, Arcade homebrew)", "year": "2026",
            "maker": "Arcade project (homebrew)", "driver": "centiped", "homebrew": True}
    text = "{\n" + "".join("  %s: %s,\n" % (json.dumps(k), json.dumps(v)) for k, v in head.items())
    text += '  "roms": [\n' + ",\n".join(lines) + "\n  ]\n}\n"
    with open(dest, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
