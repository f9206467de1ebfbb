#!/usr/bin/env bash
# Fetches the full SingleStepTests suites for the four CPU cores and lays them out as the vector tests
# and `arcade conformance` read them: DEST/<cpu>/<opcode>.json.gz (+ DEST/8086/metadata.json).
#
#   tools/fetch-cpu-tests.sh DEST          # then: ARCADE_CPU_TESTS=DEST npm test
#                                          #   or: npm run conformance -- z80 --vectors DEST/z80
#
# Needs git, gzip, python3 (the 68000 suite ships in a binary form that its own decode.py turns into
# JSON) and internet access; downloads a few GB. The suites are MIT-licensed by their authors
# (test/fixtures/cpu-vectors/LICENSE). Upstream has more tests per file than the team's shared slices
# (e.g. Z80 1,000 instead of 100), so a full run takes correspondingly longer.
set -euo pipefail
dest="${1:?usage: tools/fetch-cpu-tests.sh DEST}"
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# clone ONE folder of a repository without the rest of its history or tree
fetch() { # repo folder
  local name="${1##*/}"
  git clone -q --depth 1 --filter=blob:none --sparse "https://github.com/$1.git" "$work/$name"
  git -C "$work/$name" sparse-checkout set "$2"
  echo "$work/$name/$2"
}

# gzip every *.json of SRC into DEST/CPU/*.json.gz (already gzipped files are copied)
install() { # src cpu
  mkdir -p "$dest/$2"
  for f in "$1"/*.json "$1"/*.json.gz; do
    [ -e "$f" ] || continue
    local base="${f##*/}"
    case "$base" in
      metadata.json) cp "$f" "$dest/$2/" ;;
      *.json.gz) cp "$f" "$dest/$2/" ;;
      *) gzip -9 -n -c "$f" > "$dest/$2/$base.gz" ;;
    esac
  done
  echo "$2: $(ls "$dest/$2" | wc -l) files in $dest/$2"
}

install "$(fetch SingleStepTests/z80 v1)" z80
install "$(fetch SingleStepTests/ProcessorTests 6502/v1)" 6502
install "$(fetch SingleStepTests/8086 v1)" 8086

m68k="$(fetch SingleStepTests/m68000 v1)"
(cd "$work/m68000" && python3 decode.py >/dev/null)
install "$m68k" m68000
