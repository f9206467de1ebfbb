#!/usr/bin/env bash
# Build the sbdemo ROM set (MAME `snowbros` file names and sizes) from source.
# usage: homebrew/snowbros/build.sh [OUTDIR=homebrew/sbdemo]
# Needs only Debian tools: binutils-m68k-linux-gnu (as, ld), z80asm, python3. Reproducible: the same
# sources give byte-identical files (no dates, no randomness).
#   sn6.bin      even bytes of the 256 KiB 68000 program (MAME ROM_LOAD16_BYTE at offset 0)
#   sn5.bin      odd bytes (offset 1)
#   sbros-4.29   32 KiB Z80 sound program
#   sbros-1.41   512 KiB sprite graphics
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/homebrew/sbdemo}"
for t in m68k-linux-gnu-as m68k-linux-gnu-ld z80asm python3; do
  command -v "$t" >/dev/null || { echo "build.sh: $t not found (apt-get install binutils-m68k-linux-gnu z80asm python3)" >&2; exit 1; }
done
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 "$here/mksbdemo.py" "$tmp"
m68k-linux-gnu-as -m68000 --register-prefix-optional -I "$tmp" "$here/sbdemo68k.s" -o "$tmp/main.o"
m68k-linux-gnu-ld -Ttext=0 -e 0 --oformat=binary -o "$tmp/main.bin" "$tmp/main.o"
z80asm -I "$tmp" -i "$here/sbsound.asm" -o "$tmp/sound.bin" 2>"$tmp/asm.log" || { cat "$tmp/asm.log" >&2; exit 1; }
python3 - "$tmp" "$out" <<'PY'
import sys
tmp, out = sys.argv[1], sys.argv[2]
main = open(f'{tmp}/main.bin', 'rb').read()
assert len(main) <= 0x40000, len(main)
main = main + b'\xff' * (0x40000 - len(main))
open(f'{out}/sn6.bin', 'wb').write(main[0::2])
open(f'{out}/sn5.bin', 'wb').write(main[1::2])
sound = open(f'{tmp}/sound.bin', 'rb').read()
assert len(sound) <= 0x8000, len(sound)
open(f'{out}/sbros-4.29', 'wb').write(sound + b'\xff' * (0x8000 - len(sound)))
open(f'{out}/sbros-1.41', 'wb').write(open(f'{tmp}/sbros-1.41', 'rb').read())
PY
if [ "$out" = "$root/homebrew/sbdemo" ]; then
  python3 "$here/mkmanifest.py" "$out" "$root/roms-manifest/sbdemo.json"
fi
echo "sbdemo: ROM set written to $out"
