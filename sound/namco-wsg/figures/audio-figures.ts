/**
 * Per-frame audio figures (RMS level, dominant pitch), the TypeScript twin of `audio_figures.py`: same
 * definitions, same grid, so our emulator's audio can be compared with the figures computed from
 * MAME's WAV. Used by `test/sound/namco-wsg.test.ts` and by the Pac-Man golden tests
 * (`test/golden/pacdemo/audio-figures.tsv`). Samples are in 16-bit units (our float output × 32768).
 *
 * pitchHz: strongest peak of the Hann-windowed spectrum of the DC-free frame, on a log grid
 * 50 Hz × 1.01^k (k = 0..510), refined by a parabola through the log magnitudes around the best point.
 * dominance: second-highest local maximum / highest; a pitch is meaningful only when it is small.
 */

export interface FrameFigures {
  rms: number;
  peak: number;
  pitchHz: number;
  dominance: number;
}

const GRID_F0 = 50;
const GRID_STEP = 1.01;
const GRID_N = 511;

interface Basis { cos: Float64Array; sin: Float64Array }
const bases = new Map<string, Basis>();

function basis(n: number, rate: number): Basis {
  const key = `${n}@${rate}`;
  let b = bases.get(key);
  if (b === undefined) {
    const cos = new Float64Array(GRID_N * n), sin = new Float64Array(GRID_N * n);
    for (let k = 0; k < GRID_N; k++) {
      const f = GRID_F0 * GRID_STEP ** k;
      for (let t = 0; t < n; t++) {
        const win = 0.5 - 0.5 * Math.cos((2 * Math.PI * t) / (n - 1));
        const ph = (2 * Math.PI * f * t) / rate;
        cos[k * n + t] = Math.cos(ph) * win;
        sin[k * n + t] = Math.sin(ph) * win;
      }
    }
    b = { cos, sin };
    bases.set(key, b);
  }
  return b;
}

export function frameFigures(x: ArrayLike<number>, rate: number): FrameFigures {
  const n = x.length;
  if (n < 2) return { rms: 0, peak: 0, pitchHz: 0, dominance: 1 };
  let sq = 0, peak = 0, sum = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    sq += v * v;
    sum += v;
    if (Math.abs(v) > peak) peak = Math.abs(v);
  }
  const rms = Math.sqrt(sq / n);
  const mean = sum / n;
  const y = new Float64Array(n);
  let any = false;
  for (let i = 0; i < n; i++) { y[i] = x[i] - mean; if (y[i] !== 0) any = true; }
  if (!any) return { rms, peak, pitchHz: 0, dominance: 1 };
  const { cos, sin } = basis(n, rate);
  const m = new Float64Array(GRID_N);
  let k = 0;
  for (let g = 0; g < GRID_N; g++) {
    let re = 0, im = 0;
    const o = g * n;
    for (let t = 0; t < n; t++) { re += cos[o + t] * y[t]; im += sin[o + t] * y[t]; }
    m[g] = Math.hypot(re, im);
    if (m[g] > m[k]) k = g;
  }
  let second = 0;
  for (let i = 1; i < GRID_N - 1; i++) {
    if (i !== k && m[i] > m[i - 1] && m[i] >= m[i + 1] && m[i] > second) second = m[i];
  }
  const dominance = m[k] > 0 ? second / m[k] : 1;
  let kf = k;
  if (k > 0 && k < GRID_N - 1 && m[k - 1] > 0 && m[k + 1] > 0) {
    const a = Math.log(m[k - 1]), b = Math.log(m[k]), c = Math.log(m[k + 1]);
    const d = a - 2 * b + c;
    if (d < 0) kf = k + (0.5 * (a - c)) / d;
  }
  return { rms, peak, pitchHz: GRID_F0 * GRID_STEP ** kf, dominance };
}

export interface FigureRow extends FrameFigures {
  frame: number;
  samples: number;
}

/** Parse an `audio-figures.tsv` written by audio_figures.py. */
export function parseFigures(text: string): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('frame')) continue;
    const [frame, samples, rms, peak, pitch, dominance] = line.split('\t').map(Number);
    rows.push({ frame, samples, rms, peak, pitchHz: pitch, dominance });
  }
  return rows;
}
