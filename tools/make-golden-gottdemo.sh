#!/usr/bin/env bash
# Golden reference files for the gottdemo homebrew sets (Gottlieb GG-1 + sound board rev. 1), recorded with
# MAME 0.251 through the shared oracle (../shared/oracle/mame-oracle.sh): gottdemo as `mplanets` into
# test/golden/gottdemo/, and gottdemoq (the same program in Q*bert's ROM layout) as `qbert` into
# test/golden/gottdemoq/ (MAME also wants Q*bert's Votrax ROM sc01a.bin: a 512-byte stand-in of zeros is
# used; the program never speaks, so the Votrax ROM is never read).
#
# usage: tools/make-golden-gottdemo.sh            rebuild the ROMs (must equal the committed ones), record the
#                                                 run twice (must agree), write the goldens
#        tools/make-golden-gottdemo.sh --check    the same, but compare with the committed goldens instead
# Needs: MAME 0.251 (/usr/games/mame), nasm, cc65, python3 + python3-numpy. ARCADE_ORACLE overrides the
# oracle folder (default ../shared/oracle next to the repository). The work is in tools/lib/mame-golden.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sets=(gottdemo gottdemoq)
build="$root/homebrew/gottlieb/build.sh"
machine=mplanets
mems=(-M nvram=share:nvram -M ram=cpu:maincpu/program/1000-2fff -M vram=share:videoram -M spr=share:spriteram
      -M pal=share:paletteram -M charram=share:charram -M sndram=cpu:r1sound:audiocpu/program/0000-007f)
state=maincpu,r1sound:audiocpu
. "$root/tools/lib/mame-golden.sh"
# qbert's folder: gottdemoq plus the Votrax ROM stand-in (see above)
cp -r "$root/homebrew/gottdemoq" "$tmp/qbert"
head -c 512 /dev/zero > "$tmp/qbert/sc01a.bin"
runs=(
  "gottdemo 600 1,2,60,120,200,250,300,330,400,500,600 homebrew/gottlieb/inputs-golden.txt $root/test/golden/gottdemo"
  "gottdemoq 300 1,60,150,250,300 homebrew/gottlieb/inputs-golden-qbert.txt $root/test/golden/gottdemoq qbert $tmp/qbert"
)
golden_main
