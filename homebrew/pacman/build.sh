#!/usr/bin/env bash
# Build the pacdemo ROM set (MAME `pacman` file names and sizes) from source.
# usage: homebrew/pacman/build.sh [OUTDIR=homebrew/pacdemo]   (PACDEMO_SYMBOLS=DIR: also the listing and symbols)
# Needs only Debian tools: z80asm, python3. Reproducible: the same sources give byte-identical files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/build-lib.sh"
build_pacman_set pacdemo "${1:-$here/../pacdemo}" "${PACDEMO_SYMBOLS:-}" mkpacdemo.py
