#!/usr/bin/env bash
# Record the WSG test ROM in MAME 0.251 through the shared oracle and keep compact figures of it:
#   mame/audio-figures.tsv   per-frame RMS / peak / pitch of MAME's WAV (figures/audio_figures.py)
#   mame/irq.tsv             per frame: interrupts serviced so far (RAM 0x4C00), i.e. when each script
#                            entry reached the chip
#   mame/audio.tsv, mame/manifest.json (paths shown as <out>/<oracle>)   as written by the oracle
# usage: record-mame.sh [FRAMES=350]     (run from anywhere; needs MAME, z80asm, python3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
frames="${1:-350}"
"$here/build.sh" "$here/rom" >/dev/null
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$oracle/mame-oracle.sh" -m pacman -r "$here/rom" -o "$tmp/out" -f "$frames" \
  -M irq=cpu:maincpu/program/4c00-4c01
mkdir -p "$here/mame"
python3 "$root/sound/namco-wsg/figures/audio_figures.py" "$tmp/out" "$here/mame/audio-figures.tsv"
python3 - "$tmp/out" "$here/mame/irq.tsv" <<'PY'
import sys, os
out, dest = sys.argv[1], sys.argv[2]
data = open(os.path.join(out, "mem", "irq.bin"), "rb").read()
with open(dest, "w") as f:
    f.write("frame\tirqs\n")
    for i in range(len(data) // 2):
        f.write("%d\t%d\n" % (i + 1, data[2 * i] | data[2 * i + 1] << 8))
PY
cp "$tmp/out/audio.tsv" "$here/mame/"
rm -f "$here/mame/command.txt"
# the oracle's manifest without the run's temporary paths and wall time, so a re-recording is comparable
python3 - "$tmp/out" "$here/mame/manifest.json" "$oracle" <<'PY'
import json, sys
out, dest, oracle = sys.argv[1:]
m = json.load(open(out + "/manifest.json"))
m.pop("wall_ms", None)
def clean(v):
    if isinstance(v, str):
        return v.replace(out, "<out>").replace(oracle, "<oracle>")
    if isinstance(v, list):
        return [clean(x) for x in v]
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    return v
with open(dest, "w") as f:
    json.dump(clean(m), f, indent=2, sort_keys=True)
    f.write("\n")
PY
sha1sum "$tmp/out/audio.wav" | cut -d' ' -f1 > "$here/mame/audio.wav.sha1"
echo "recorded $frames frames -> $here/mame"
