#!/usr/bin/env bash
# Golden reference files for the cendemo homebrew set (Centipede hardware), recorded with MAME 0.251
# through the shared oracle (../shared/oracle/mame-oracle.sh) into test/golden/cendemo/.
#
# usage: tools/make-golden-cendemo.sh            rebuild the ROMs (must equal the committed ones), record
#                                                the run twice (must agree), write the goldens
#        tools/make-golden-cendemo.sh --check    the same, but compare with the committed goldens
# Needs: MAME 0.251 (/usr/games/mame), cc65, python3. ARCADE_ORACLE overrides the oracle folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
golden="$root/test/golden/cendemo"
check=0
[ "${1:-}" = "--check" ] && check=1
export PATH="$PATH:/usr/games"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

"$root/homebrew/centipede/build.sh" "$tmp/roms" >/dev/null
for f in "$tmp"/roms/*; do
  cmp -s "$f" "$root/homebrew/cendemo/$(basename "$f")" \
    || { echo "make-golden-cendemo: homebrew/cendemo/$(basename "$f") differs from a fresh build (run homebrew/centipede/build.sh)" >&2; exit 1; }
done

inputs=homebrew/centipede/inputs-golden.txt
snaps=1,2,60,120,200,300,400,500,600,640,700,800,900
record() {
  "$oracle/mame-oracle.sh" -m centiped -r "$root/homebrew/cendemo" -o "$1" --force -f 900 -s "$snaps" \
    -M ram=share:rambase -M vram=share:videoram -M spr=share:spriteram -M pal=share:paletteram \
    --state maincpu,pokey -i "$root/$inputs" 2>&1 | grep -v '^mame-oracle: note:' || true
  [ -f "$1/status.json" ] && grep -q '"done"' "$1/status.json" || { echo "make-golden-cendemo: MAME run failed" >&2; exit 1; }
}
fingerprint() {
  { cat "$1/snapshots.tsv" "$1/memory.tsv" "$1/audio.tsv" "$1/cpu_state.tsv" "$1/frames.tsv"; sha1sum < "$1/audio.wav"; } | sha1sum | cut -d' ' -f1
}
collect() {
  local out=$1 dest=$2
  mkdir -p "$dest/snaps" "$dest/mem"
  rm -f "$dest"/snaps/*.png "$dest"/mem/*.gz
  cp "$out"/snaps/*.png "$dest/snaps/"
  for f in snapshots.tsv memory.tsv frames.tsv audio.tsv inputs_applied.tsv cpu_state.tsv mem_layout.tsv; do cp "$out/$f" "$dest/$f"; done
  for f in "$out"/mem/*.bin; do gzip -9nc "$f" > "$dest/mem/$(basename "$f").gz"; done
  python3 "$root/sound/namco-wsg/figures/audio_figures.py" "$out" "$dest/audio-figures.tsv" >/dev/null
  sed -i "1s|.*|# per-frame audio figures of MAME's audio.wav (48000 Hz, left channel, 16-bit units); see sound/namco-wsg/figures/audio_figures.py|" "$dest/audio-figures.tsv"
  python3 - "$out" "$dest" "$root" "$oracle" "$inputs" <<'PY'
import json, sys, hashlib, os
out, dest, root, oracle, inputs_rel = sys.argv[1:]
m = json.load(open(os.path.join(out, "manifest.json")))
m.pop("wall_ms", None)
def clean(v):
    if isinstance(v, str):
        return (v.replace(out, "<out>").replace(os.path.realpath(oracle), "<oracle>").replace(oracle, "<oracle>").replace(root, "<repo>"))
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

record "$tmp/a"
record "$tmp/b"
fa=$(fingerprint "$tmp/a"); fb=$(fingerprint "$tmp/b")
[ "$fa" = "$fb" ] || { echo "make-golden-cendemo: two MAME runs differ ($fa vs $fb)" >&2; exit 1; }
echo "make-golden-cendemo: two runs agree, fingerprint $fa"
if [ $check -eq 1 ]; then
  collect "$tmp/a" "$tmp/golden"
  if diff -r -q "$tmp/golden" "$golden" --exclude README.md >/dev/null; then echo "make-golden-cendemo: committed goldens are up to date"
  else diff -r -q "$tmp/golden" "$golden" --exclude README.md || true; exit 1; fi
else
  collect "$tmp/a" "$golden"
  echo "make-golden-cendemo: -> ${golden#$root/}"
fi
