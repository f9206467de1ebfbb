#!/usr/bin/env bash
# test/debug/golden/pacdemo-maincpu.tr.gz: MAME 0.251's own `trace` of the homebrew Pac-Man set's main CPU
# (homebrew/pacdemo), from power-on to the end of frame FRAMES (default 600), with the golden input script
# homebrew/pacman/inputs-golden.txt applied as the oracle applies it (two coins, start, steering). Recorded
# headless with MAME's debugger (tools/mame-debug.sh + tools/mame-debug/trace.lua: `trace FILE,maincpu`,
# `go`, and `trace off` at the frame-done callback of the last frame), twice, and the two must agree.
# test/debug/trace.test.ts runs `arcade run pacdemo --frames FRAMES --inputs … --trace maincpu=…` and
# compares line for line. The same diff by hand:
#   npx arcade run pacdemo --rompath homebrew --frames 600 --inputs homebrew/pacman/inputs-golden.txt \
#     --trace maincpu=/tmp/ours.tr && zcat test/debug/golden/pacdemo-maincpu.tr.gz | diff - /tmp/ours.tr
# usage: tools/make-golden-trace.sh [FRAMES]      needs MAME 0.251 (/usr/games/mame)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
frames="${1:-600}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for run in a b; do
  "$root/tools/mame-debug.sh" pacman "$root/homebrew/pacdemo" "$root/tools/mame-debug/trace.lua" \
    TRACE_OUT="$tmp/$run.tr" TRACE_FRAMES="$frames" TRACE_CPU=maincpu TRACE_INPUTS="$root/homebrew/pacman/inputs-golden.txt"
  [ -s "$tmp/$run.tr" ] || { echo "make-golden-trace: MAME wrote no trace" >&2; exit 1; }
done
cmp -s "$tmp/a.tr" "$tmp/b.tr" || { echo "make-golden-trace: two MAME runs differ" >&2; exit 1; }
mkdir -p "$root/test/debug/golden"
gzip -9nc "$tmp/a.tr" > "$root/test/debug/golden/pacdemo-maincpu.tr.gz"
echo "make-golden-trace: $(wc -l < "$tmp/a.tr") lines, $frames frames -> test/debug/golden/pacdemo-maincpu.tr.gz"
