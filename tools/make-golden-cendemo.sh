#!/usr/bin/env bash
# Golden reference files for the cendemo homebrew set (Centipede hardware), recorded with MAME 0.251
# through the shared oracle (../shared/oracle/mame-oracle.sh) into test/golden/cendemo/.
#
# usage: tools/make-golden-cendemo.sh            rebuild the ROMs (must equal the committed ones), record
#                                                the run twice (must agree), write the goldens
#        tools/make-golden-cendemo.sh --check    the same, but compare with the committed goldens
# Needs: MAME 0.251 (/usr/games/mame), cc65, python3 + python3-numpy. ARCADE_ORACLE overrides the oracle
# folder. The work is in tools/lib/mame-golden.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sets=(cendemo)
build="$root/homebrew/centipede/build.sh"
golden="$root/test/golden/cendemo"
machine=centiped
mems=(-M ram=share:rambase -M vram=share:videoram -M spr=share:spriteram -M pal=share:paletteram)
state=maincpu,pokey
runs=(
  "main 900 1,2,60,120,200,300,400,500,600,640,700,800,900 homebrew/centipede/inputs-golden.txt $golden"
)
. "$root/tools/lib/mame-golden.sh"
golden_main
