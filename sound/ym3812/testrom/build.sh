#!/usr/bin/env bash
# Build the YM3812 test ROM set (MAME `snowbros` names and sizes) into OUTDIR (default: ./rom).
# Needs binutils-m68k-linux-gnu, z80asm, python3. Reproducible.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/rom}"
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 "$here/mkymtest.py" "$tmp" >/dev/null
m68k-linux-gnu-as -m68000 --register-prefix-optional "$here/ymtest68k.s" -o "$tmp/main.o"
m68k-linux-gnu-ld -Ttext=0 -e 0 --oformat=binary -o "$tmp/main.bin" "$tmp/main.o"
z80asm -I "$tmp" -i "$here/ymtest.asm" -o "$tmp/sound.bin" 2>"$tmp/asm.log" || { cat "$tmp/asm.log" >&2; exit 1; }
python3 - "$tmp" "$out" <<'PY'
import sys
tmp, out = sys.argv[1], sys.argv[2]
main = open(f'{tmp}/main.bin', 'rb').read()
main += b'\xff' * (0x40000 - len(main))
open(f'{out}/sn6.bin', 'wb').write(main[0::2])
open(f'{out}/sn5.bin', 'wb').write(main[1::2])
sound = open(f'{tmp}/sound.bin', 'rb').read()
open(f'{out}/sbros-4.29', 'wb').write(sound + b'\xff' * (0x8000 - len(sound)))
open(f'{out}/sbros-1.41', 'wb').write(bytes(0x80000))
PY
echo "ymtest: ROM set written to $out"
