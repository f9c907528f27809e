// Rounding for coordinates and labels: output must be byte-identical for identical input and stay small.
import { format } from 'd3-format';

/** Rounds to `digits` decimals (default 2) and turns -0 into 0 so serialised numbers are stable. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

/** Number for an SVG attribute: rounded, shortest decimal form. */
export function num(value: number, digits = 2): string {
  return String(round(value, digits));
}

/** Path data from a list of points ("M x,y L x,y ..."), rounded; `close` appends Z. */
export function pathFrom(points: ReadonlyArray<readonly [number, number]>, close = false): string {
  if (points.length === 0) return '';
  let d = `M${num(points[0][0])},${num(points[0][1])}`;
  for (let i = 1; i < points.length; i++) d += `L${num(points[i][0])},${num(points[i][1])}`;
  return close ? d + 'Z' : d;
}

/** Percentage with `digits` decimals, e.g. 0.0312 -> "3.1%". */
export function percent(value: number, digits = 1): string {
  return format(`.${digits}%`)(value);
}

/** Compact number for value labels: 3 significant digits, SI suffix for large values, no trailing zeros. */
export function compact(value: number): string {
  if (value === 0) return '0';
  const a = Math.abs(value);
  if (a >= 1e4) return format('.3~s')(value);
  if (a >= 0.01) return format('.3~r')(value);
  return format('.2~e')(value);
}
