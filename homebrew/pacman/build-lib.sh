# Sourced by build.sh (pacdemo) and build-pacstress.sh: the steps both Pac-Man-board sets share.
# build_pacman_set NAME OUTDIR SYMBOLS_DIR GENERATOR [MANIFEST_ARG…]
#   GENERATOR (a .py beside this file) writes the include files, graphics ROMs and PROMs into a temporary
#   folder; NAME.asm is assembled against them with Debian's z80asm into the four 4 KiB program ROMs
#   6e/6f/6h/6j (0x0000, 0x1000, 0x2000, 0x3000). Built into homebrew/NAME, the manifest is rewritten
#   (names, sizes, CRC32, SHA-1, MAME's regions: mkmanifest.py OUT JSON MANIFEST_ARG…). With SYMBOLS_DIR
#   set, the listing and symbols are copied there (for the debugger). Reproducible: no dates, no randomness.
build_pacman_set() {
  local name="$1" out="$2" symbols="$3" gen="$4"; shift 4
  local here root tmp size i n f
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  root="$(cd "$here/../.." && pwd)"
  command -v z80asm >/dev/null || { echo "$name: z80asm not found (apt-get install z80asm)" >&2; return 1; }
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
  tmp="$(mktemp -d)"; trap "rm -rf '$tmp'" EXIT  # expanded now: $tmp is local
  PYTHONDONTWRITEBYTECODE=1 python3 "$here/$gen" "$tmp" >/dev/null
  z80asm -I "$tmp" -I "$here" -i "$here/$name.asm" -o "$tmp/$name.bin" -l"$tmp/$name.lst" -L"$tmp/$name.sym" 2>"$tmp/asm.log" \
    || { cat "$tmp/asm.log" >&2; return 1; }
  size=$(stat -c %s "$tmp/$name.bin")
  [ "$size" -eq 16384 ] || { echo "$name: program image is $size bytes, expected 16384" >&2; return 1; }
  i=0
  for n in 6e 6f 6h 6j; do
    dd if="$tmp/$name.bin" of="$out/pacman.$n" bs=4096 skip=$i count=1 status=none
    i=$((i + 1))
  done
  for f in pacman.5e pacman.5f 82s123.7f 82s126.4a 82s126.1m 82s126.3m; do cp "$tmp/$f" "$out/$f"; done
  if [ "$out" = "$root/homebrew/$name" ]; then
    python3 "$here/mkmanifest.py" "$out" "$root/roms-manifest/$name.json" "$@"
  fi
  if [ -n "$symbols" ]; then cp "$tmp/$name.sym" "$tmp/$name.lst" "$symbols/"; fi
  echo "$name: ROM set written to $out"
}
