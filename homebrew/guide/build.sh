#!/usr/bin/env bash
# Build the twocpu ROM set (the driver guide's example board, docs/drivers.md) and roms-manifest/twocpu.json.
# usage: homebrew/guide/build.sh
# Needs z80asm, ca65/ld65 (cc65) and python3 (Debian). Reproducible: the same sources give byte-identical files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/homebrew/twocpu"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
z80asm -i "$here/main.asm" -o "$tmp/main.bin" 2>"$tmp/asm.log" || { cat "$tmp/asm.log" >&2; exit 1; }
ca65 -o "$tmp/sound.o" "$here/sound.s"
ld65 -C "$here/sound.cfg" -o "$out/sound.rom" "$tmp/sound.o"
python3 - "$tmp/main.bin" "$out" "$root/roms-manifest/twocpu.json" <<'PY'
import hashlib, json, sys, zlib
main, out, manifest = sys.argv[1:4]
prog = open(main, "rb").read()
open(out + "/main.rom", "wb").write(prog + b"\xff" * (0x4000 - len(prog)))
# four 8 KiB bank blocks: block n holds (n << 4) | (offset & 15), so a byte tells its block
open(out + "/banks.rom", "wb").write(bytes(((i >> 13) << 4) | (i & 15) for i in range(0x8000)))
roms = [("main.rom", "maincpu", 0), ("banks.rom", "banks", 0), ("sound.rom", "soundcpu", 0)]
lines = []
for name, region, offset in roms:
    data = open(out + "/" + name, "rb").read()
    lines.append("    " + json.dumps({"name": name, "size": len(data), "crc32": "%08x" % (zlib.crc32(data) & 0xFFFFFFFF),
                                     "sha1": hashlib.sha1(data).hexdigest(), "region": region, "offset": offset}, separators=(",", ":")))
head = {"name": "twocpu", "title": "Two-CPU example board (driver guide)", "year": "2026",
        "maker": "Arcade project (homebrew)", "driver": "example", "homebrew": True}
text = "{\n" + "".join("  %s: %s,\n" % (json.dumps(k), json.dumps(v)) for k, v in head.items())
open(manifest, "w").write(text + '  "roms": [\n' + ",\n".join(lines) + "\n  ]\n}\n")
PY
echo "twocpu: ROM set written to $out"
