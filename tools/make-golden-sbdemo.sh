#!/usr/bin/env bash
# Golden reference files for the sbdemo homebrew set, recorded with MAME 0.251 through the shared
# oracle (../shared/oracle/mame-oracle.sh), into test/golden/sbdemo/.
#
# usage: tools/make-golden-sbdemo.sh            rebuild the ROMs (must equal the committed ones),
#                                                record both runs twice (must agree), write the goldens
#        tools/make-golden-sbdemo.sh --check    the same, but compare with the committed goldens
#                                                instead of writing them (exit 1 on any difference)
# Needs: MAME 0.251 (/usr/games/mame), binutils-m68k-linux-gnu, z80asm, python3 + python3-numpy. ARCADE_ORACLE overrides the
# oracle folder (default ../shared/oracle next to the repository).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
golden="$root/test/golden/sbdemo"
check=0
[ "${1:-}" = "--check" ] && check=1
export PATH="$PATH:/usr/games"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# 1. the committed ROMs must be what the sources build (byte for byte)
"$root/homebrew/snowbros/build.sh" "$tmp/roms" >/dev/null
for f in "$tmp"/roms/*; do
  cmp -s "$f" "$root/homebrew/sbdemo/$(basename "$f")" \
    || { echo "make-golden-sbdemo: homebrew/sbdemo/$(basename "$f") differs from a fresh build (run homebrew/snowbros/build.sh)" >&2; exit 1; }
done

MEMS=(-M ram=cpu:maincpu/program/100000-103fff -M zram=cpu:soundcpu/program/8000-87ff -M pal=share:palette
      -M spr=cpu:maincpu/program/700000-701fff)

# record NAME FRAMES SNAPS INPUTS OUTDIR
record() {
  local name=$1 frames=$2 snaps=$3 inputs=$4 out=$5
  "$oracle/mame-oracle.sh" -m snowbros -r "$root/homebrew/sbdemo" -o "$out" --force -f "$frames" -s "$snaps" \
    "${MEMS[@]}" --state maincpu,soundcpu -i "$inputs" 2>&1 | grep -v '^mame-oracle: note:' || true
  [ -f "$out/status.json" ] && grep -q '"done"' "$out/status.json" || { echo "make-golden-sbdemo: $name run failed" >&2; exit 1; }
}

# the files kept, with machine-specific paths and wall times taken out so they are reproducible
collect() {
  local out=$1 dest=$2 inputs_rel=$3
  mkdir -p "$dest/snaps" "$dest/mem"
  rm -f "$dest"/snaps/*.png "$dest"/mem/*.gz
  cp "$out"/snaps/*.png "$dest/snaps/"
  for f in snapshots.tsv memory.tsv frames.tsv audio.tsv inputs_applied.tsv cpu_state.tsv mem_layout.tsv; do
    cp "$out/$f" "$dest/$f"
  done
  for f in "$out"/mem/*.bin; do gzip -9nc "$f" > "$dest/mem/$(basename "$f").gz"; done
  python3 "$root/sound/namco-wsg/figures/audio_figures.py" "$out" "$dest/audio-figures.tsv" >/dev/null
  sed -i "1s|.*|# per-frame audio figures of MAME's audio.wav (48000 Hz, left channel, 16-bit units); see sound/namco-wsg/figures/audio_figures.py|" "$dest/audio-figures.tsv"
  python3 - "$out" "$dest" "$root" "$oracle" "$inputs_rel" <<'PY'
import json, sys, hashlib, os
out, dest, root, oracle, inputs_rel = sys.argv[1:]
m = json.load(open(os.path.join(out, "manifest.json")))
m.pop("wall_ms", None)
def clean(v):
    if isinstance(v, str):
        return (v.replace(out, "<out>").replace(os.path.realpath(oracle), "<oracle>")
                 .replace(oracle, "<oracle>").replace(root, "<repo>"))
    if isinstance(v, list):
        return [clean(x) for x in v]
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    return v
m = clean(m)
m["inputs_file"] = inputs_rel
m["audio_wav_sha1"] = hashlib.sha1(open(os.path.join(out, "audio.wav"), "rb").read()).hexdigest()
m["audio_wav_bytes"] = os.path.getsize(os.path.join(out, "audio.wav"))
with open(os.path.join(dest, "manifest.json"), "w") as f:
    json.dump(m, f, indent=2, sort_keys=True)
    f.write("\n")
PY
}

# content fingerprint of a run (everything MAME produced that must not change between runs)
fingerprint() {
  local out=$1
  { cat "$out/snapshots.tsv" "$out/memory.tsv" "$out/audio.tsv" "$out/cpu_state.tsv" "$out/frames.tsv";
    sha1sum < "$out/audio.wav"; } | sha1sum | cut -d' ' -f1
}

runs=(
  "main 600 1,2,3,60,150,200,250,320,400,450,600 homebrew/snowbros/inputs-golden.txt $golden"
)
status=0
for r in "${runs[@]}"; do
  read -r name frames snaps inputs dest <<<"$r"
  record "$name" "$frames" "$snaps" "$root/$inputs" "$tmp/$name-a"
  record "$name" "$frames" "$snaps" "$root/$inputs" "$tmp/$name-b"
  fa=$(fingerprint "$tmp/$name-a"); fb=$(fingerprint "$tmp/$name-b")
  [ "$fa" = "$fb" ] || { echo "make-golden-sbdemo: $name: two MAME runs differ ($fa vs $fb)" >&2; exit 1; }
  echo "make-golden-sbdemo: $name: two runs agree, fingerprint $fa"
  if [ $check -eq 1 ]; then
    collect "$tmp/$name-a" "$tmp/golden-$name" "$inputs"
    if diff -r -q "$tmp/golden-$name" "$dest" --exclude README.md --exclude '*.test.ts' >/dev/null; then
      echo "make-golden-sbdemo: $name: committed goldens are up to date"
    else
      diff -r -q "$tmp/golden-$name" "$dest" --exclude README.md --exclude '*.test.ts' || true
      status=1
    fi
  else
    collect "$tmp/$name-a" "$dest" "$inputs"
    echo "make-golden-sbdemo: $name -> ${dest#$root/}"
  fi
done
exit $status
