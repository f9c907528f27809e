// Polyline simplification (Ramer-Douglas-Peucker) and compact relative path data, to keep contour SVGs small.

type Point = readonly [number, number];

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Keeps the points needed to stay within `tolerance` px of the original polyline (iterative, no recursion limit). */
export function simplifyPolyline(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Ring (closed, default) or open polyline as path data with one absolute move and relative line segments, coordinates in tenths of a pixel.
 * Deltas are taken between already rounded points, so rounding never accumulates.
 */
export function ringPath(points: readonly Point[], closed = true): string {
  let d = '';
  let px = 0;
  let py = 0;
  for (let i = 0; i < points.length; i++) {
    const x = Math.round(points[i][0] * 10);
    const y = Math.round(points[i][1] * 10);
    if (i === 0) d += `M${x / 10},${y / 10}`;
    else if (x === px && y === py) continue;
    else d += `l${(x - px) / 10},${(y - py) / 10}`.replace(/,-/g, '-');
    px = x;
    py = y;
  }
  return d && closed ? d + 'z' : d;
}
