// The page's colours in one place. The models own blue and vermillion (Okabe-Ito) everywhere: curves, numbers,
// the network, the mixed batch. The two classes are told apart by shape and lightness instead (a white circle, a
// black triangle), so a point of class 0 never reads as "the mixup model"; both stay visible on viridis.

export const MODEL_COLORS = { baseline: '#0072B2', mixup: '#D55E00' } as const;

export const CLASS_MARKS = [
  { name: 'class 0', shape: 'circle', fill: '#ffffff', stroke: '#1a1a1a' },
  { name: 'class 1', shape: 'triangle', fill: '#1a1a1a', stroke: '#ffffff' },
] as const;

/**
 * A class's marker of radius r at (x, y) as SVG path commands. Many markers of one class go into one path's `d`:
 * moving hundreds of points is then one attribute to set, not hundreds of elements to restyle.
 */
export function markerAt(label: number, r: number, x: number, y: number): string {
  const [px, py] = [x.toFixed(1), y.toFixed(1)];
  if (label === 1) return `M${px},${(y - 1.15 * r).toFixed(1)}l${r},${1.75 * r}h${-2 * r}z`;
  return `M${(x - r).toFixed(1)},${py}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}

/** One `d` per class for the points (rows × 2, placed by `at`) whose label is 0, then 1. */
export function classPaths(
  points: ArrayLike<number>,
  labels: ArrayLike<number>,
  r: number,
  at: (x: number, y: number) => [number, number],
): [string, string] {
  const parts: [string[], string[]] = [[], []];
  for (let i = 0; i < labels.length; i++) {
    const [x, y] = at(points[2 * i], points[2 * i + 1]);
    parts[labels[i] === 1 ? 1 : 0].push(markerAt(labels[i], r, x, y));
  }
  return [parts[0].join(''), parts[1].join('')];
}

const SVG = 'http://www.w3.org/2000/svg';

/** A new SVG element with attributes. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}
