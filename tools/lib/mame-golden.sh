# Shared part of the tools/make-golden-<set>.sh scripts: rebuild a homebrew set (it must equal the
# committed ROMs), record runs with MAME 0.251 through the shared oracle, twice each (they must agree),
# then write or check the golden files. Sourced, not run. The caller sets:
#   root      repository root
#   sets      ROM folder names under homebrew/ that `build` makes, in the order of its OUTDIR arguments
#   build     build script: `build OUTDIR…` builds each set of `sets` into the folder given for it
#   machine   MAME driver name the runs use (a run may name another)
#   mems      array of oracle memory dumps (-M NAME=SPEC …), the same for every run
#   state     CPU/device tags whose state the oracle records (--state), e.g. maincpu,soundcpu
#   runs      array of "NAME FRAMES SNAPS INPUTS DEST [MACHINE [ROMDIR]]": INPUTS relative to root or
#             - for none; MACHINE defaults to $machine, ROMDIR to homebrew/<first of sets>
# then calls golden_main (after any set-up of its own in $tmp). Needs MAME 0.251, python3 + python3-numpy
# and the set's toolchain. ARCADE_ORACLE overrides the oracle folder (default ../shared/oracle next to
# the repository).
# the script's own first argument: --check compares with the committed files instead of writing them
check=0
[ "${1:-}" = "--check" ] && check=1
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
export PATH="$PATH:/usr/games"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
me="$(basename "$0" .sh)"

# the committed ROMs must be what the sources build (byte for byte)
check_roms() {
  local s f outs=()
  for s in "${sets[@]}"; do outs+=("$tmp/roms-$s"); done
  "$build" "${outs[@]}" >/dev/null
  for s in "${sets[@]}"; do
    for f in "$tmp/roms-$s"/*; do
      cmp -s "$f" "$root/homebrew/$s/$(basename "$f")" \
        || { echo "$me: homebrew/$s/$(basename "$f") differs from a fresh build (run ${build#$root/})" >&2; exit 1; }
    done
  done
}

# record NAME FRAMES SNAPS INPUTS OUTDIR MACHINE ROMDIR
record() {
  local name=$1 frames=$2 snaps=$3 inputs=$4 out=$5 mach=$6 romdir=$7
  local in=()
  [ "$inputs" != - ] && in=(-i "$root/$inputs")
  "$oracle/mame-oracle.sh" -m "$mach" -r "$romdir" -o "$out" --force -f "$frames" -s "$snaps" \
    "${mems[@]}" --state "$state" "${in[@]}" 2>&1 | grep -v '^mame-oracle: note:' || true
  [ -f "$out/status.json" ] && grep -q '"done"' "$out/status.json" || { echo "$me: $name run failed" >&2; exit 1; }
}

# the files kept, with machine-specific paths (the run, oracle, repository and work folders) and wall
# times taken out so they are reproducible
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
  python3 - "$out" "$dest" "$root" "$oracle" "$inputs_rel" "$tmp" <<'PY'
import json, sys, hashlib, os
out, dest, root, oracle, inputs_rel, tmp = sys.argv[1:]
m = json.load(open(os.path.join(out, "manifest.json")))
m.pop("wall_ms", None)
def clean(v):
    if isinstance(v, str):
        return (v.replace(out, "<out>").replace(os.path.realpath(oracle), "<oracle>")
                 .replace(oracle, "<oracle>").replace(root, "<repo>").replace(tmp, "<tmp>"))
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
  local status=0 r name frames snaps inputs dest mach romdir fa fb
  for r in "${runs[@]}"; do
    mach='' romdir=''
    read -r name frames snaps inputs dest mach romdir <<<"$r"
    mach=${mach:-$machine}
    romdir=${romdir:-$root/homebrew/${sets[0]}}
    record "$name" "$frames" "$snaps" "$inputs" "$tmp/$name-a" "$mach" "$romdir"
    record "$name" "$frames" "$snaps" "$inputs" "$tmp/$name-b" "$mach" "$romdir"
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
