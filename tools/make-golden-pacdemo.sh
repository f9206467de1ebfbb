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
# oracle folder (default ../shared/oracle next to the repository).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
golden="$root/test/golden/pacdemo"
check=0
[ "${1:-}" = "--check" ] && check=1
export PATH="$PATH:/usr/games"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# 1. the committed ROMs must be what the sources build (byte for byte)
"$root/homebrew/pacman/build.sh" "$tmp/roms" >/dev/null
for f in "$tmp"/roms/*; do
  cmp -s "$f" "$root/homebrew/pacdemo/$(basename "$f")" \
    || { echo "make-golden-pacdemo: homebrew/pacdemo/$(basename "$f") differs from a fresh build (run homebrew/pacman/build.sh)" >&2; exit 1; }
done

MEMS=(-M vram=share:videoram -M cram=share:colorram -M spr=share:spriteram -M sprpos=share:spriteram2
      -M ram=cpu:maincpu/program/4c00-4fef)

# record NAME FRAMES SNAPS INPUTS OUTDIR
record() {
  local name=$1 frames=$2 snaps=$3 inputs=$4 out=$5
  "$oracle/mame-oracle.sh" -m pacman -r "$root/homebrew/pacdemo" -o "$out" --force -f "$frames" -s "$snaps" \
    "${MEMS[@]}" --state maincpu -i "$inputs" 2>&1 | grep -v '^mame-oracle: note:' || true
  [ -f "$out/status.json" ] && grep -q '"done"' "$out/status.json" || { echo "make-golden-pacdemo: $name run failed" >&2; exit 1; }
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
  "main 600 1,60,125,200,300,400,430,500,600 homebrew/pacman/inputs-golden.txt $golden"
  "cocktail 300 1,100,200,250,300 homebrew/pacman/inputs-cocktail.txt $golden/cocktail"
)
status=0
for r in "${runs[@]}"; do
  read -r name frames snaps inputs dest <<<"$r"
  record "$name" "$frames" "$snaps" "$root/$inputs" "$tmp/$name-a"
  record "$name" "$frames" "$snaps" "$root/$inputs" "$tmp/$name-b"
  fa=$(fingerprint "$tmp/$name-a"); fb=$(fingerprint "$tmp/$name-b")
  [ "$fa" = "$fb" ] || { echo "make-golden-pacdemo: $name: two MAME runs differ ($fa vs $fb)" >&2; exit 1; }
  echo "make-golden-pacdemo: $name: two runs agree, fingerprint $fa"
  if [ $check -eq 1 ]; then
    collect "$tmp/$name-a" "$tmp/golden-$name" "$inputs"
    if diff -r -q "$tmp/golden-$name" "$dest" --exclude cocktail --exclude README.md >/dev/null; then
      echo "make-golden-pacdemo: $name: committed goldens are up to date"
    else
      diff -r -q "$tmp/golden-$name" "$dest" --exclude cocktail --exclude README.md || true
      status=1
    fi
  else
    collect "$tmp/$name-a" "$dest" "$inputs"
    echo "make-golden-pacdemo: $name -> ${dest#$root/}"
  fi
done
exit $status
