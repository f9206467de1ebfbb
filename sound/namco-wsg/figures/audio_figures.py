#!/usr/bin/env python3
"""Compact per-frame audio figures of a MAME oracle run: RMS level and dominant pitch per frame.

usage: audio_figures.py ORACLE_OUTDIR [OUT.tsv]        (reads audio.wav and audio.tsv)

For every frame listed in audio.tsv (MAME's WAV slice from the end of frame N-1 to the end of frame N)
it writes: frame, samples, rms, peak, pitch_hz, dominance, where
  rms        sqrt(mean(x^2)) of the left channel, x in 16-bit units (DC included)
  peak       max |x|
  pitch_hz   dominant pitch: strongest peak of the Hann-windowed spectrum (see frame_figures)
  dominance  second-highest spectral peak / highest: compare pitches only where this is small
The same algorithm is implemented in TypeScript in audio-figures.ts (used by the tests), so figures of
our own emulator's output can be compared with these: RMS within 10 %, pitch within 2 %.
Needs python3 and numpy (Debian python3-numpy).
"""
import csv
import math
import os
import struct
import sys
import wave

import numpy as np


GRID_F0 = 50.0       # Hz, lowest pitch looked at
GRID_STEP = 1.01     # 1 % steps (log-spaced)
GRID_N = 511         # 50 Hz .. ~8 kHz
_basis = {}


def _grid(n, rate):
    """Hann-windowed DFT basis at the grid frequencies for frames of n samples at rate Hz (cached)."""
    key = (n, rate)
    if key not in _basis:
        t = np.arange(n)
        win = 0.5 - 0.5 * np.cos(2 * np.pi * t / (n - 1)) if n > 1 else np.ones(1)
        f = GRID_F0 * GRID_STEP ** np.arange(GRID_N)
        ph = 2 * np.pi * np.outer(f, t) / rate
        _basis[key] = (np.cos(ph) * win, np.sin(ph) * win)
    return _basis[key]


def frame_figures(x, rate):
    """x: 1-D array (16-bit units). Returns (rms, peak, pitch_hz, dominance).

    rms        sqrt(mean(x^2)), DC included
    peak       max |x|
    pitch_hz   frequency of the strongest peak of the Hann-windowed spectrum of x - mean(x), looked up
               on a log grid 50 Hz * 1.01^k (k = 0..510) and refined by a parabola through the log
               magnitudes of the best grid point and its neighbours; 0 for a silent or flat frame
    dominance  magnitude of the second-highest local maximum of that spectrum / the highest (0..1);
               a pitch is only meaningful when this is small (one tone dominates the frame)
    """
    x = np.asarray(x, dtype=np.float64)
    n = len(x)
    if n < 2:
        return 0.0, 0.0, 0.0, 1.0
    rms = float(np.sqrt(np.mean(x * x)))
    peak = float(np.max(np.abs(x)))
    y = x - x.mean()
    if not np.any(y):
        return rms, peak, 0.0, 1.0
    c, s = _grid(n, rate)
    m = np.hypot(c @ y, s @ y)
    k = int(np.argmax(m))
    loc = [i for i in range(1, GRID_N - 1) if m[i] > m[i - 1] and m[i] >= m[i + 1] and i != k]
    second = max((m[i] for i in loc), default=0.0)
    dominance = float(second / m[k]) if m[k] > 0 else 1.0
    kf = float(k)
    if 0 < k < GRID_N - 1 and m[k - 1] > 0 and m[k + 1] > 0:
        a, b, cc = np.log(m[k - 1]), np.log(m[k]), np.log(m[k + 1])
        d = a - 2 * b + cc
        if d < 0:
            kf = k + 0.5 * (a - cc) / d
    return rms, peak, float(GRID_F0 * GRID_STEP ** kf), dominance


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    outdir = sys.argv[1]
    dest = sys.argv[2] if len(sys.argv) > 2 else os.path.join(outdir, "audio-figures.tsv")
    with wave.open(os.path.join(outdir, "audio.wav"), "rb") as w:
        rate, ch, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
        assert width == 2, "16-bit WAV expected"
        raw = w.readframes(w.getnframes())
    total = len(raw) // (2 * ch)
    left = struct.unpack("<%dh" % (total * ch), raw)[::ch]
    rows = []
    with open(os.path.join(outdir, "audio.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            first, count = int(r["first_sample"]), int(r["samples"])
            x = np.array(left[first:first + count], dtype=np.float64)
            rms, peak, pitch, dom = frame_figures(x, rate)
            rows.append((int(r["frame"]), len(x), rms, peak, pitch, dom))
    with open(dest, "w") as f:
        f.write("# per-frame audio figures of %s (rate %d Hz, left channel, 16-bit units); see audio_figures.py\n"
                % (os.path.basename(os.path.normpath(outdir)), rate))
        f.write("frame\tsamples\trms\tpeak\tpitch_hz\tdominance\n")
        for fr, n, rms, peak, pitch, dom in rows:
            f.write("%d\t%d\t%.2f\t%d\t%.2f\t%.4f\n" % (fr, n, rms, peak, pitch, dom))
    print("audio_figures: %d frames -> %s" % (len(rows), dest))


if __name__ == "__main__":
    main()
