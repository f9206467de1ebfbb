#!/usr/bin/env bash
# Build the Namco WSG test ROM set (Pac-Man file names) into OUTDIR (default: ./rom next to this script).
# Needs z80asm and python3 (Debian). Deterministic: the same sources give the same bytes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/rom}"
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 "$here/mkwsgtest.py" "$tmp"
cp "$here/wsgtest.asm" "$tmp/"
( cd "$tmp" && z80asm -i wsgtest.asm -o wsgtest.bin )
[ "$(stat -c %s "$tmp/wsgtest.bin")" -eq 16384 ] || { echo "build.sh: program is not 16384 bytes" >&2; exit 1; }
for i in 0 1 2 3; do
  n=(6e 6f 6h 6j); dd if="$tmp/wsgtest.bin" of="$out/pacman.${n[$i]}" bs=4096 skip=$i count=1 status=none
done
for f in pacman.5e pacman.5f 82s123.7f 82s126.4a 82s126.1m 82s126.3m; do cp "$tmp/$f" "$out/$f"; done
echo "wsgtest ROM set -> $out"
