/**
 * Where the game picture goes in the player area: integer scaling (sharp, every source pixel the same
 * size) or fit (largest size that keeps the aspect ratio), after the monitor rotation.
 * The core's frames are already oriented like MAME's snapshots (Pac-Man 224×288 upright) with square
 * pixels, so the aspect ratio is width:height; `rotate` is the user's extra rotation for a turned monitor.
 */
export interface Layout {
  /** scale of one source pixel */
  scale: number;
  /** displayed size in CSS pixels, after rotation */
  width: number;
  height: number;
  /** top-left of the displayed picture in the area */
  x: number;
  y: number;
}

export function computeLayout(srcW: number, srcH: number, rotate: number, areaW: number, areaH: number, mode: 'integer' | 'fit'): Layout {
  const turned = rotate === 90 || rotate === 270;
  const w = turned ? srcH : srcW;
  const h = turned ? srcW : srcH;
  const fit = Math.min(areaW / w, areaH / h);
  let scale = mode === 'integer' ? Math.floor(fit) : fit;
  if (scale < 1) scale = mode === 'integer' ? Math.max(fit, 0.01) : Math.max(fit, 0.01); // smaller than 1×: fit anyway
  const width = Math.round(w * scale);
  const height = Math.round(h * scale);
  return { scale, width, height, x: Math.floor((areaW - width) / 2), y: Math.floor((areaH - height) / 2) };
}
