# Shared part of the tools/make-golden-<set>.sh scripts for Pac-Man-hardware homebrew sets: record
# runs with MAME 0.251 through the shared oracle, twice each (they must agree), then write or check the
# golden files. Sourced, not run. The caller sets:
#   root      repository root               set     ROM folder name under homebrew/ (e.g. pacdemo)
#   build     build script (rebuilds the set into the folder given as its first argument)
#   golden    golden folder (test/golden/<set>) check   1 = compare with the committed files
#   runs      array of "NAME FRAMES SNAPS INPUTS|- DEST" (INPUTS relative to root, - for none)
# then calls golden_main. Needs MAME 0.251, z80asm, python3 + python3-numpy. ARCADE_ORACLE overrides
# the oracle folder (default ../shared/oracle next to the repository).
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
export PATH="$PATH:/usr/games"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
me="$(basename "$0" .sh)"

MEMS=(-M vram=share:videoram -M cram=share:colorram -M spr=share:spriteram -M sprpos=share:spriteram2
      -M ram=cpu:maincpu/program/4c00-4fef)

# the committed ROMs must be what the sources build (byte for byte)
check_roms() {
  "$build" "$tmp/roms" >/dev/null
  for f in "$tmp"/roms/*; do
    cmp -s "$f" "$root/homebrew/$set/$(basename "$f")" \
      || { echo "$me: homebrew/$set/$(basename "$f") differs from a fresh build (run ${build#$root/})" >&2; exit 1; }
  done
}

# record NAME FRAMES SNAPS INPUTS OUTDIR
record() {
  local name=$1 frames=$2 snaps=$3 inputs=$4 out=$5
  local in=()
  [ "$inputs" != - ] && in=(-i "$root/$inputs")
  "$oracle/mame-oracle.sh" -m pacman -r "$root/homebrew/$set" -o "$out" --force -f "$frames" -s "$snaps" \
    "${MEMS[@]}" --state maincpu "${in[@]}" 2>&1 | grep -v '^mame-oracle: note:' || true
  [ -f "$out/status.json" ] && grep -q '"done"' "$out/status.json" || { echo "$me: $name run failed" >&2; exit 1; }
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

golden_main() {
  check_roms
  local status=0 r name frames snaps inputs dest fa fb
  for r in "${runs[@]}"; do
    read -r name frames snaps inputs dest <<<"$r"
    record "$name" "$frames" "$snaps" "$inputs" "$tmp/$name-a"
    record "$name" "$frames" "$snaps" "$inputs" "$tmp/$name-b"
    fa=$(fingerprint "$tmp/$name-a"); fb=$(fingerprint "$tmp/$name-b")
    [ "$fa" = "$fb" ] || { echo "$me: $name: two MAME runs differ ($fa vs $fb)" >&2; exit 1; }
    echo "$me: $name: two runs agree, fingerprint $fa"
    if [ "$check" -eq 1 ]; then
      collect "$tmp/$name-a" "$tmp/golden-$name" "$inputs"
      # sub-folders of a golden folder hold other runs; README.md and tests next to the files are ours
      local excl=(--exclude README.md --exclude '*.ts')
      for d in "$dest"/*/; do [ -d "$d" ] && [ "$(basename "$d")" != snaps ] && [ "$(basename "$d")" != mem ] && excl+=(--exclude "$(basename "$d")"); done
      if diff -r -q "$tmp/golden-$name" "$dest" "${excl[@]}" >/dev/null; then
        echo "$me: $name: committed goldens are up to date"
      else
        diff -r -q "$tmp/golden-$name" "$dest" "${excl[@]}" || true
        status=1
      fi
    else
      collect "$tmp/$name-a" "$dest" "$inputs"
      echo "$me: $name -> ${dest#$root/}"
    fi
  done
  return $status
}
