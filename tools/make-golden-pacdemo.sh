#!/usr/bin/env bash
# Golden reference files for the pacdemo homebrew set, recorded with MAME 0.251 through the shared
# oracle (../shared/oracle/mame-oracle.sh), into test/golden/pacdemo/ (main run) and
# test/golden/pacdemo/cocktail/ (second run: flip screen through Cabinet = Cocktail, free play, 5 lives).
#
# usage: tools/make-golden-pacdemo.sh            rebuild the ROMs (must equal the committed ones),
#                                                record both runs twice (must agree), write the goldens
#        tools/make-golden-pacdemo.sh --check    the same, but compare with the committed goldens
#                                                instead of writing them (exit 1 on any difference)
# Needs: MAME 0.251 (/usr/games/mame), z80asm, python3 + python3-numpy. ARCADE_ORACLE overrides the
# oracle folder (default ../shared/oracle next to the repository). The work is in tools/lib/mame-golden.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sets=(pacdemo)
build="$root/homebrew/pacman/build.sh"
golden="$root/test/golden/pacdemo"
machine=pacman
mems=(-M vram=share:videoram -M cram=share:colorram -M spr=share:spriteram -M sprpos=share:spriteram2
      -M ram=cpu:maincpu/program/4c00-4fef)
state=maincpu
runs=(
  "main 600 1,60,125,200,300,400,430,500,600 homebrew/pacman/inputs-golden.txt $golden"
  "cocktail 300 1,100,200,250,300 homebrew/pacman/inputs-cocktail.txt $golden/cocktail"
)
. "$root/tools/lib/mame-golden.sh"
golden_main
