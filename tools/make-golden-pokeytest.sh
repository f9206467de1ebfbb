#!/usr/bin/env bash
# Golden RAM dumps of the POKEY register test (test/fixtures/roms/pokeytest) on MAME 0.251's centiped board:
# 60 frames, RAM 0000-03ff every frame -> test/golden/pokeytest/ram.bin.gz (+ memory.tsv).
# usage: tools/make-golden-pokeytest.sh      Needs MAME 0.251, cc65, python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
export PATH="$PATH:/usr/games"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$root/test/fixtures/roms/pokeytest/build.sh" "$tmp/src"
for f in "$root"/test/fixtures/roms/pokeytest/136001-*; do
  cmp -s "$f" "$tmp/src/$(basename "$f")" || { echo "make-golden-pokeytest: $(basename "$f") differs from a fresh build" >&2; exit 1; }
done
"$oracle/mame-oracle.sh" -m centiped -r "$root/test/fixtures/roms/pokeytest" -o "$tmp/out" --force -f 60 -s 60 \
  -M ram=share:rambase --state pokey --no-wav 2>&1 | grep -v '^mame-oracle: note:' || true
grep -q '"done"' "$tmp/out/status.json" || { echo "make-golden-pokeytest: MAME run failed" >&2; exit 1; }
mkdir -p "$root/test/golden/pokeytest"
gzip -9nc "$tmp/out/mem/ram.bin" > "$root/test/golden/pokeytest/ram.bin.gz"
cp "$tmp/out/memory.tsv" "$tmp/out/cpu_state.tsv" "$root/test/golden/pokeytest/"
echo "make-golden-pokeytest: -> test/golden/pokeytest"
