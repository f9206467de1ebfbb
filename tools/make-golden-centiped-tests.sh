#!/usr/bin/env bash
# Golden files of the two Centipede-board test programs, recorded with MAME 0.251 (../shared/oracle):
#   test/fixtures/roms/pokeytest  -> test/golden/pokeytest/  (60 frames, RAM every frame: POKEY reads)
#   test/fixtures/roms/cenhwtest  -> test/golden/cenhwtest/  (150 frames, 12 snapshots, RAM/video/sprite/palette)
# usage: tools/make-golden-centiped-tests.sh     Needs MAME 0.251, cc65, python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
export PATH="$PATH:/usr/games"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# record NAME FRAMES SNAPS MEMS...
record() {
  local name=$1 frames=$2 snaps=$3; shift 3
  "$root/test/fixtures/roms/build-centiped-test.sh" "$name" "$tmp/$name-rom"
  for f in "$root/test/fixtures/roms/$name"/136001-*; do
    cmp -s "$f" "$tmp/$name-rom/$(basename "$f")" || { echo "make-golden: $name/$(basename "$f") differs from a fresh build" >&2; exit 1; }
  done
  "$oracle/mame-oracle.sh" -m centiped -r "$root/test/fixtures/roms/$name" -o "$tmp/$name" --force -f "$frames" -s "$snaps" \
    "$@" --state pokey --no-wav 2>&1 | grep -v '^mame-oracle: note:' || true
  grep -q '"done"' "$tmp/$name/status.json" || { echo "make-golden: $name: MAME run failed" >&2; exit 1; }
  local dest="$root/test/golden/$name"
  mkdir -p "$dest"
  rm -rf "$dest/snaps"
  for f in "$tmp/$name"/mem/*.bin; do gzip -9nc "$f" > "$dest/$(basename "$f").gz"; done
  cp "$tmp/$name/memory.tsv" "$tmp/$name/snapshots.tsv" "$tmp/$name/cpu_state.tsv" "$dest/"
  echo "make-golden: $name -> ${dest#$root/}"
}
record pokeytest 60 60 -M ram=share:rambase
record cenhwtest 150 1,2,20,31,33,61,62,91,92,121,122,150 -i "$root/test/fixtures/roms/cenhwtest/inputs.txt" \
  -M ram=share:rambase -M vram=share:videoram -M spr=share:spriteram -M pal=share:paletteram
