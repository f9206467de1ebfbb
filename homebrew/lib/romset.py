"""Shared by the homebrew sets' mkmanifest.py / mkfiles.py: ROM manifest entries and the manifest file.

A homebrew set uses the file names, sizes, regions and offsets of the MAME 0.251 set it stands in for,
with its own hashes (ARCHITECTURE.md section 3); the JSON is written one ROM a line, in the layout's
order, so a rebuild gives byte-identical files.
"""
import hashlib
import json
import os
import zlib

MAKER = "Arcade project (homebrew)"


def rom_entry(name, data, region, offset):
    """One ROM of a manifest: name, size, CRC32, SHA1 of `data`, region and offset."""
    return {"name": name, "size": len(data), "crc32": "%08x" % (zlib.crc32(data) & 0xFFFFFFFF),
            "sha1": hashlib.sha1(data).hexdigest(), "region": region, "offset": offset}


def check_size(name, data, size, mame_set):
    if len(data) != size:
        raise SystemExit("%s: %d bytes, the %s set has %d" % (name, len(data), mame_set, size))


def read_layout(romdir, layout, mame_set):
    """The entries of a built ROM folder; `layout` is (name, size, region, offset) in the set's order."""
    entries = []
    for name, size, region, offset in layout:
        data = open(os.path.join(romdir, name), "rb").read()
        check_size(name, data, size, mame_set)
        entries.append(rom_entry(name, data, region, offset))
    return entries


def write_manifest(dest, name, title, driver, entries):
    """roms-manifest/<name>.json for a homebrew set."""
    head = {"name": name, "title": title, "year": "2026", "maker": MAKER, "driver": driver, "homebrew": True}
    text = "{\n" + "".join("  %s: %s,\n" % (json.dumps(k), json.dumps(v)) for k, v in head.items())
    text += '  "roms": [\n' + ",\n".join("    " + json.dumps(e, separators=(",", ":")) for e in entries) + "\n  ]\n}\n"
    os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
    with open(dest, "w") as f:
        f.write(text)
