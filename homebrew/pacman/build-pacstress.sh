#!/usr/bin/env bash
# Build the pacstress ROM set (MAME `pacman` file names and sizes) from source.
# usage: homebrew/pacman/build-pacstress.sh [OUTDIR=homebrew/pacstress]
# Needs only Debian tools: z80asm, python3. Reproducible: the same sources give byte-identical files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/homebrew/pacstress}"
command -v z80asm >/dev/null || { echo "build-pacstress.sh: z80asm not found (apt-get install z80asm)" >&2; exit 1; }
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
PYTHONDONTWRITEBYTECODE=1 python3 "$here/mkpacstress.py" "$tmp"
z80asm -I "$tmp" -I "$here" -i "$here/pacstress.asm" -o "$tmp/pacstress.bin" -l"$tmp/pacstress.lst" -L"$tmp/pacstress.sym" 2>"$tmp/asm.log" \
  || { cat "$tmp/asm.log" >&2; exit 1; }
size=$(stat -c %s "$tmp/pacstress.bin")
[ "$size" -eq 16384 ] || { echo "build-pacstress.sh: program image is $size bytes, expected 16384" >&2; exit 1; }
i=0
for n in 6e 6f 6h 6j; do
  dd if="$tmp/pacstress.bin" of="$out/pacman.$n" bs=4096 skip=$i count=1 status=none
  i=$((i + 1))
done
for f in pacman.5e pacman.5f 82s123.7f 82s126.4a 82s126.1m 82s126.3m; do cp "$tmp/$f" "$out/$f"; done
if [ "$out" = "$root/homebrew/pacstress" ]; then
  python3 "$here/mkmanifest.py" "$out" "$root/roms-manifest/pacstress.json" pacstress "Pac-Man hardware stress test (Arcade homebrew)"
fi
if [ -n "${PACSTRESS_SYMBOLS:-}" ]; then cp "$tmp/pacstress.sym" "$tmp/pacstress.lst" "$PACSTRESS_SYMBOLS/"; fi
echo "pacstress: ROM set written to $out"
