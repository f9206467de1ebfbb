#!/usr/bin/env bash
# Build the pacdemo ROM set (MAME `pacman` file names and sizes) from source.
# usage: homebrew/pacman/build.sh [OUTDIR=homebrew/pacdemo]
# Needs only Debian tools: z80asm, python3 (+ python3 for the manifest). Reproducible: the same
# sources give byte-identical files (no dates, no randomness).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/homebrew/pacdemo}"
command -v z80asm >/dev/null || { echo "build.sh: z80asm not found (apt-get install z80asm)" >&2; exit 1; }
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 "$here/mkpacdemo.py" "$tmp" >/dev/null
z80asm -I "$tmp" -I "$here" -i "$here/pacdemo.asm" -o "$tmp/pacdemo.bin" -l"$tmp/pacdemo.lst" -L"$tmp/pacdemo.sym" 2>"$tmp/asm.log" \
  || { cat "$tmp/asm.log" >&2; exit 1; }
size=$(stat -c %s "$tmp/pacdemo.bin")
[ "$size" -eq 16384 ] || { echo "build.sh: program image is $size bytes, expected 16384" >&2; exit 1; }
# program ROMs 6e/6f/6h/6j: 4 x 4 KiB at 0x0000, 0x1000, 0x2000, 0x3000
i=0
for n in 6e 6f 6h 6j; do
  dd if="$tmp/pacdemo.bin" of="$out/pacman.$n" bs=4096 skip=$i count=1 status=none
  i=$((i + 1))
done
for f in pacman.5e pacman.5f 82s123.7f 82s126.4a 82s126.1m 82s126.3m; do cp "$tmp/$f" "$out/$f"; done
# the manifest (names, sizes, CRC32, SHA-1, MAME's regions and offsets)
if [ "$out" = "$root/homebrew/pacdemo" ]; then
  python3 "$here/mkmanifest.py" "$out" "$root/roms-manifest/pacdemo.json"
fi
if [ -n "${PACDEMO_SYMBOLS:-}" ]; then cp "$tmp/pacdemo.sym" "$tmp/pacdemo.lst" "$PACDEMO_SYMBOLS/"; fi
echo "pacdemo: ROM set written to $out"
