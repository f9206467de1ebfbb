#!/usr/bin/env python3
"""Write roms-manifest/sbdemo.json for the built ROM folder (format: ARCHITECTURE.md section 3).

usage: mkmanifest.py ROMDIR OUT.json
Names, sizes, regions and offsets are those of MAME 0.251's `snowbros` set
(../shared/docs/DRIVER-TARGETS.md § Snow Bros.); the hashes are our files'.
"""
import hashlib
import json
import os
import sys
import zlib

LAYOUT = [  # name, size, region, offset
    ("sn6.bin", 131072, "maincpu", 0), ("sn5.bin", 131072, "maincpu", 1),
    ("sbros-4.29", 32768, "soundcpu", 0), ("sbros-1.41", 524288, "gfx1", 0),
]


def main():
    romdir, dest = sys.argv[1], sys.argv[2]
    lines = []
    for name, size, region, offset in LAYOUT:
        data = open(os.path.join(romdir, name), "rb").read()
        if len(data) != size:
            raise SystemExit("%s: %d bytes, the snowbros set has %d" % (name, len(data), size))
        entry = {"name": name, "size": size, "crc32": "%08x" % (zlib.crc32(data) & 0xFFFFFFFF),
                 "sha1": hashlib.sha1(data).hexdigest(), "region": region, "offset": offset}
        lines.append("    " + json.dumps(entry, separators=(",", ":")))
    head = {"name": "sbdemo", "title": "Snow Bros. hardware demo (Arcade homebrew)", "year": "2026",
            "maker": "Arcade project (homebrew)", "driver": "snowbros", "homebrew": True}
    text = "{\n" + "".join("  %s: %s,\n" % (json.dumps(k), json.dumps(v)) for k, v in head.items())
    text += '  "roms": [\n' + ",\n".join(lines) + "\n  ]\n}\n"
    with open(dest, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
