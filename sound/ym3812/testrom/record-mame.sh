#!/usr/bin/env bash
# Record the YM3812 test ROM in MAME 0.251 (machine snowbros) through the shared oracle and keep compact
# figures of its audio: mame/audio-figures.tsv (per-frame RMS / peak / pitch of MAME's WAV, computed by
# sound/namco-wsg/figures/audio_figures.py), mame/audio.tsv and mame/manifest.json as the oracle wrote them
# (paths shown as <out>/<oracle>).
# usage: record-mame.sh [FRAMES=270]     (needs MAME, binutils-m68k-linux-gnu, z80asm, python3 + numpy)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
oracle="${ARCADE_ORACLE:-$root/../shared/oracle}"
frames="${1:-270}"
export PATH="$PATH:/usr/games"
"$here/build.sh" "$here/rom" >/dev/null
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$oracle/mame-oracle.sh" -m snowbros -r "$here/rom" -o "$tmp/out" -f "$frames" 2>&1 | grep -v '^mame-oracle: note:' || true
mkdir -p "$here/mame"
python3 "$root/sound/namco-wsg/figures/audio_figures.py" "$tmp/out" "$here/mame/audio-figures.tsv" >/dev/null
cp "$tmp/out/audio.tsv" "$here/mame/"
python3 - "$tmp/out" "$here/mame/manifest.json" "$oracle" <<'PY'
import json, sys, os, hashlib
out, dest, oracle = sys.argv[1:]
m = json.load(open(os.path.join(out, "manifest.json")))
m.pop("wall_ms", None)
def clean(v):
    if isinstance(v, str):
        return v.replace(out, "<out>").replace(os.path.realpath(oracle), "<oracle>").replace(oracle, "<oracle>")
    if isinstance(v, list): return [clean(x) for x in v]
    if isinstance(v, dict): return {k: clean(x) for k, x in v.items()}
    return v
m = clean(m)
m["audio_wav_sha1"] = hashlib.sha1(open(os.path.join(out, "audio.wav"), "rb").read()).hexdigest()
json.dump(m, open(dest, "w"), indent=2, sort_keys=True)
PY
echo "record-mame: $frames frames -> ${here#$root/}/mame"
