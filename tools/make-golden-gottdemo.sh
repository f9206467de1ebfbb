#!/usr/bin/env bash
# Golden reference files for the gottdemo homebrew sets (Gottlieb GG-1 + sound board rev. 1), recorded with
# MAME 0.251 through the shared oracle (../shared/oracle/mame-oracle.sh): gottdemo as `mplanets` into
# test/golden/gottdemo/, and gottdemoq (the same program in Q*bert's ROM layout) as `qbert` into
# test/golden/gottdemoq/ (MAME also wants Q*bert's Votrax ROM sc01a.bin: a 512-byte stand-in of zeros is
# used; the program never speaks, so the Votrax ROM is never read).
#
# usage: tools/make-golden-gottdemo.sh            rebuild the ROMs (must equal the committed ones), record the
#                                                 run twice (must agree), write the goldens
#        tools/make-golden-gottdemo.sh --check    the same, but compare with the committed goldens instead
# Needs: MAME 0.251 (/usr/games/mame), nasm, cc65, python3 + python3-numpy. ARCADE_ORACLE overrides the
# oracle folder (default ../shared/oracle next to the repository).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
golden="$root/test/golden/gottdemo"
check=0
[ "${1:-}" = "--check" ] && check=1
export PATH="$PATH:/usr/games"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# 1. the committed ROMs must be what the sources build (byte for byte)
"$root/homebrew/gottlieb/build.sh" "$tmp/roms" "$tmp/romsq" >/dev/null
for f in "$tmp"/roms/* "$tmp"/romsq/*; do
  d=gottdemo; case "$f" in "$tmp"/romsq/*) d=gottdemoq;; esac
  cmp -s "$f" "$root/homebrew/$d/$(basename "$f")" \
    || { echo "make-golden-gottdemo: homebrew/$d/$(basename "$f") differs from a fresh build (run homebrew/gottlieb/build.sh)" >&2; exit 1; }
done
cp -r "$root/homebrew/gottdemoq" "$tmp/qbert"
head -c 512 /dev/zero > "$tmp/qbert/sc01a.bin"

MEMS=(-M nvram=share:nvram -M ram=cpu:maincpu/program/1000-2fff -M vram=share:videoram -M spr=share:spriteram
      -M pal=share:paletteram -M charram=share:charram -M sndram=cpu:r1sound:audiocpu/program/0000-007f)

record() {
  local out=$1
  "$oracle/mame-oracle.sh" -m $MACHINE -r "$ROMDIR" -o "$out" --force -f $FRAMES -s $SNAPS \
    "${MEMS[@]}" --state maincpu,r1sound:audiocpu -i "$root/$INPUTS" 2>&1 | grep -v '^mame-oracle: note:' || true
  [ -f "$out/status.json" ] && grep -q '"done"' "$out/status.json" || { echo "make-golden-gottdemo: run failed" >&2; exit 1; }
}

collect() {
  local out=$1 dest=$2
  mkdir -p "$dest/snaps" "$dest/mem"
  rm -f "$dest"/snaps/*.png "$dest"/mem/*.gz
  cp "$out"/snaps/*.png "$dest/snaps/"
  for f in snapshots.tsv memory.tsv frames.tsv audio.tsv inputs_applied.tsv cpu_state.tsv mem_layout.tsv; do
    cp "$out/$f" "$dest/$f"
  done
  for f in "$out"/mem/*.bin; do gzip -9nc "$f" > "$dest/mem/$(basename "$f").gz"; done
  python3 "$root/sound/namco-wsg/figures/audio_figures.py" "$out" "$dest/audio-figures.tsv" >/dev/null
  sed -i "1s|.*|# per-frame audio figures of MAME's audio.wav (48000 Hz, left channel, 16-bit units); see sound/namco-wsg/figures/audio_figures.py|" "$dest/audio-figures.tsv"
  python3 - "$out" "$dest" "$root" "$oracle" "$INPUTS" <<'PY'
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

fingerprint() {
  local out=$1
  { cat "$out/snapshots.tsv" "$out/memory.tsv" "$out/audio.tsv" "$out/cpu_state.tsv" "$out/frames.tsv";
    sha1sum < "$out/audio.wav"; } | sha1sum | cut -d' ' -f1
}

status=0
runs=(
  "gottdemo mplanets $root/homebrew/gottdemo 600 1,2,60,120,200,250,300,330,400,500,600 homebrew/gottlieb/inputs-golden.txt"
  "gottdemoq qbert $tmp/qbert 300 1,60,150,250,300 homebrew/gottlieb/inputs-golden-qbert.txt"
)
for r in "${runs[@]}"; do
  read -r SET MACHINE ROMDIR FRAMES SNAPS INPUTS <<<"$r"
  golden="$root/test/golden/$SET"
  record "$tmp/$SET-a"
  record "$tmp/$SET-b"
  fa=$(fingerprint "$tmp/$SET-a"); fb=$(fingerprint "$tmp/$SET-b")
  [ "$fa" = "$fb" ] || { echo "make-golden-gottdemo: $SET: two MAME runs differ ($fa vs $fb)" >&2; exit 1; }
  echo "make-golden-gottdemo: $SET: two runs agree, fingerprint $fa"
  if [ $check -eq 1 ]; then
    collect "$tmp/$SET-a" "$tmp/golden-$SET"
    if diff -r -q "$tmp/golden-$SET" "$golden" --exclude README.md --exclude '*.test.ts' >/dev/null; then
      echo "make-golden-gottdemo: $SET: committed goldens are up to date"
    else
      diff -r -q "$tmp/golden-$SET" "$golden" --exclude README.md --exclude '*.test.ts' || true
      status=1
    fi
  else
    collect "$tmp/$SET-a" "$golden"
    echo "make-golden-gottdemo: $SET -> ${golden#$root/}"
  fi
done
exit $status
