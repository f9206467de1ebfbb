#!/usr/bin/env bash
# Golden reference files for the pacstress homebrew set (the speed stress test of issue #16), recorded
# with MAME 0.251 through the shared oracle (../shared/oracle/mame-oracle.sh) into test/golden/pacstress/.
#
# usage: tools/make-golden-pacstress.sh          rebuild the ROMs (must equal the committed ones),
#                                                record the run twice (must agree), write the goldens
#        tools/make-golden-pacstress.sh --check  compare with the committed goldens instead (exit 1 on
#                                                any difference)
# Needs: MAME 0.251 (/usr/games/mame), z80asm, python3 + python3-numpy. The work is in
# tools/lib/mame-golden.sh. No inputs: the program ignores them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sets=(pacstress)
build="$root/homebrew/pacman/build-pacstress.sh"
golden="$root/test/golden/pacstress"
machine=pacman
mems=(-M vram=share:videoram -M cram=share:colorram -M spr=share:spriteram -M sprpos=share:spriteram2
      -M ram=cpu:maincpu/program/4c00-4fef)
state=maincpu
# snapshots: the first frames (boot, first interrupt), both sides of flip-screen toggles (frames 34/35,
# 66/67: the toggle written at interrupt 32 shows at frame 34), and spread over the run
runs=(
  "main 240 1,2,3,4,34,35,66,67,100,131,160,200,240 - $golden"
)
. "$root/tools/lib/mame-golden.sh"
golden_main
