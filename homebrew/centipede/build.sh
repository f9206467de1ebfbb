#!/usr/bin/env bash
# Build the cendemo ROM set (MAME `centiped` file names and sizes) from source.
# usage: homebrew/centipede/build.sh [OUTDIR=homebrew/cendemo]
# Needs only Debian tools: cc65 (ca65, ld65) and python3. Reproducible: the same sources give
# byte-identical files (no dates, no randomness).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/homebrew/cendemo}"
command -v ca65 >/dev/null && command -v ld65 >/dev/null || { echo "build.sh: ca65/ld65 not found (apt-get install cc65)" >&2; exit 1; }
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
ca65 -g -o "$tmp/cendemo.o" -l "$tmp/cendemo.lst" "$here/cendemo.s"
ld65 -C "$here/cendemo.cfg" -o "$tmp/cendemo.bin" -m "$tmp/cendemo.map" -Ln "$tmp/cendemo.lbl" "$tmp/cendemo.o"
size=$(stat -c %s "$tmp/cendemo.bin")
[ "$size" -eq 8192 ] || { echo "build.sh: program image is $size bytes, expected 8192" >&2; exit 1; }
# program ROMs d1/e1/fh1/j1: 4 x 2 KiB at 0x2000, 0x2800, 0x3000, 0x3800
i=0
for n in 136001-407.d1 136001-408.e1 136001-409.fh1 136001-410.j1; do
  dd if="$tmp/cendemo.bin" of="$out/$n" bs=2048 skip=$i count=1 status=none
  i=$((i + 1))
done
python3 "$here/mkgfx.py" "$out"
if [ "$out" = "$root/homebrew/cendemo" ]; then
  python3 "$here/mkmanifest.py" "$out" "$root/roms-manifest/cendemo.json"
fi
if [ -n "${CENDEMO_SYMBOLS:-}" ]; then cp "$tmp/cendemo.lbl" "$tmp/cendemo.lst" "$tmp/cendemo.map" "$CENDEMO_SYMBOLS/"; fi
echo "cendemo: ROM set written to $out"
