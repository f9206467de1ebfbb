#!/usr/bin/env bash
# Golden reference files for the sbdemo homebrew set, recorded with MAME 0.251 through the shared
# oracle (../shared/oracle/mame-oracle.sh), into test/golden/sbdemo/.
#
# usage: tools/make-golden-sbdemo.sh            rebuild the ROMs (must equal the committed ones),
#                                                record both runs twice (must agree), write the goldens
#        tools/make-golden-sbdemo.sh --check    the same, but compare with the committed goldens
#                                                instead of writing them (exit 1 on any difference)
# Needs: MAME 0.251 (/usr/games/mame), binutils-m68k-linux-gnu, z80asm, python3 + python3-numpy. ARCADE_ORACLE overrides the
# oracle folder (default ../shared/oracle next to the repository). The work is in tools/lib/mame-golden.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sets=(sbdemo)
build="$root/homebrew/snowbros/build.sh"
golden="$root/test/golden/sbdemo"
machine=snowbros
mems=(-M ram=cpu:maincpu/program/100000-103fff -M zram=cpu:soundcpu/program/8000-87ff -M pal=share:palette
      -M spr=cpu:maincpu/program/700000-701fff)
state=maincpu,soundcpu
runs=(
  "main 600 1,2,3,60,150,200,250,320,400,450,600 homebrew/snowbros/inputs-golden.txt $golden"
)
. "$root/tools/lib/mame-golden.sh"
golden_main
