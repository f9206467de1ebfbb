#!/usr/bin/env bash
# Build the pacstress ROM set (MAME `pacman` file names and sizes) from source.
# usage: homebrew/pacman/build-pacstress.sh [OUTDIR=homebrew/pacstress]   (PACSTRESS_SYMBOLS=DIR: also the listing and symbols)
# Needs only Debian tools: z80asm, python3. Reproducible: the same sources give byte-identical files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/build-lib.sh"
build_pacman_set pacstress "${1:-$here/../pacstress}" "${PACSTRESS_SYMBOLS:-}" mkpacstress.py \
  pacstress "Pac-Man hardware stress test (Arcade homebrew)"
