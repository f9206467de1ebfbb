#!/usr/bin/env bash
# Build the gottdemo ROM set (MAME `mplanets` file names and sizes) from source, and the same program
# with MAME `qbert` file names and sizes (gottdemoq: Q*bert's board maps ROM at 0xa000-0xffff only).
# usage: homebrew/gottlieb/build.sh [OUTDIR=homebrew/gottdemo [QOUTDIR=homebrew/gottdemoq]]
# Needs only Debian tools: nasm, cc65 (ca65 + ld65), python3. Reproducible: the same sources give
# byte-identical files (no dates, no randomness).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/homebrew/gottdemo}"
if [ $# -ge 1 ]; then qout="${2:-${1%/}q}"; else qout="$root/homebrew/gottdemoq"; fi
for t in nasm ca65 ld65 python3; do
  command -v $t >/dev/null || { echo "build.sh: $t not found (apt-get install nasm cc65 python3)" >&2; exit 1; }
done
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
# 8088 program: 40 KiB at 0x6000-0xffff = rom4 .. rom0, 8 KiB each
nasm -f bin -o "$tmp/main.bin" -l "$tmp/main.lst" "$here/gottdemo.asm"
size=$(stat -c %s "$tmp/main.bin")
[ "$size" -eq 40960 ] || { echo "build.sh: 8088 image is $size bytes, expected 40960" >&2; exit 1; }
i=0
for n in rom4.c16 rom3.c14-15 rom2.c13-14 rom1.c12-13 rom0.c11-12; do
  dd if="$tmp/main.bin" of="$out/$n" bs=8192 skip=$i count=1 status=none
  i=$((i + 1))
done
# 6502 sound program: 4 KiB at 0x7000-0x7fff = snd1 + snd2
ca65 -o "$tmp/sound.o" -l "$tmp/sound.lst" "$here/sound.s"
ld65 -C "$here/sound.cfg" -o "$tmp/sound.bin" "$tmp/sound.o"
dd if="$tmp/sound.bin" of="$out/snd1" bs=2048 skip=0 count=1 status=none
dd if="$tmp/sound.bin" of="$out/snd2" bs=2048 skip=1 count=1 status=none
python3 "$here/mkgfx.py" "$out"
# the Q*bert layout: the top 24 KiB of the program, the same sound, tile and sprite ROMs
mkdir -p "$qout"
for pair in rom2.c13-14:qb-rom2.bin rom1.c12-13:qb-rom1.bin rom0.c11-12:qb-rom0.bin snd1:qb-snd1.bin snd2:qb-snd2.bin \
            bg0.e11-12:qb-bg0.bin bg1.e13:qb-bg1.bin fg3.k7-8:qb-fg3.bin fg2.k6:qb-fg2.bin fg1.k5:qb-fg1.bin fg0.k4:qb-fg0.bin; do
  cp "$out/${pair%%:*}" "$qout/${pair##*:}"
done
if [ "$out" = "$root/homebrew/gottdemo" ]; then
  python3 "$here/mkmanifest.py" "$out" "$root/roms-manifest/gottdemo.json"
  python3 "$here/mkmanifest.py" --qbert "$qout" "$root/roms-manifest/gottdemoq.json"
fi
if [ -n "${GOTTDEMO_LISTINGS:-}" ]; then cp "$tmp/main.lst" "$tmp/sound.lst" "$GOTTDEMO_LISTINGS/"; fi
echo "gottdemo: ROM sets written to $out and $qout"
