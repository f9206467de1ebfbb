#!/usr/bin/env bash
# Build the mspactest ROM set (MAME `mspacman` file names and sizes) and roms-manifest/mspactest.json.
# usage: homebrew/mspacman/build.sh
# Needs z80asm and python3 (Debian). Reproducible: the same sources give byte-identical files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
command -v z80asm >/dev/null || { echo "build.sh: z80asm not found (apt-get install z80asm)" >&2; exit 1; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
z80asm -i "$here/mstest.asm" -o "$tmp/mstest.bin" -l"$tmp/mstest.lst" 2>"$tmp/asm.log" || { cat "$tmp/asm.log" >&2; exit 1; }
python3 "$here/mkfiles.py" "$tmp/mstest.bin" "$root/homebrew/pacdemo" "$root/homebrew/mspactest" "$root/roms-manifest/mspactest.json"
echo "mspactest: ROM set written to $root/homebrew/mspactest"
