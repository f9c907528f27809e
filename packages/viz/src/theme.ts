// One place for fonts, sizes and colours so every figure looks like it belongs to the same paper.

/** Font stack: the shipped DejaVu Sans first (what svgToPng renders with), then a generic fallback for browsers. */
export const fontFamily = "'DejaVu Sans', sans-serif";

export const fontSize = {
  title: 16,
  subtitle: 12,
  panelTitle: 13,
  axisLabel: 12,
  tick: 11,
  legend: 11.5,
  annotation: 10.5,
} as const;

export const colors = {
  text: '#222222',
  mutedText: '#555555',
  axis: '#444444',
  grid: '#e6e6e6',
  panelBorder: '#444444',
  background: '#ffffff',
  diagonal: '#777777',
} as const;

/**
 * Paul Tol's "muted" scheme (9 hues designed for colour-blind readers) plus a dark grey as the tenth: ten classes
 * (digits 0-9) with distinct hues. (Tableau's Color Blind 10 was tried first: four of its ten are greys.)
 */
export const classPalette: readonly string[] = [
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
  '#555555',
];

/** Okabe-Ito (2008) without its yellow (too light on white): used for models/series (few lines or bars). */
export const seriesPalette: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#000000',
];

/** Two classes drawn over a viridis map: Okabe-Ito vermillion and sky blue, both outlined, plus distinct shapes. */
export const binaryPointColors: readonly [string, string] = ['#D55E00', '#56B4E9'];

export function classColor(index: number): string {
  return classPalette[((index % classPalette.length) + classPalette.length) % classPalette.length];
}

export function seriesColor(index: number): string {
  return seriesPalette[index % seriesPalette.length];
}
