// The density of Beta(α, α) beside the α field, redrawn as α is typed: how far the blends go (λ near 0 or 1 barely
// mixes; λ near ½ mixes half and half).
import { betaCurve } from './beta-density.js';
import { MODEL_COLORS, svgElement } from './palette.js';

const WIDTH = 150;
const HEIGHT = 58;
const AXIS = 14;
/** Densities above this are cut off (for α < 1 they go to infinity at both ends). */
const CAP = 4;

/** In words, for the plot's label. */
export function describeBeta(alpha: number): string {
  if (alpha < 0.9) return `λ ~ Beta(${alpha}, ${alpha}): mostly near 0 or 1, so most blends stay close to one point`;
  if (alpha <= 1.1) return `λ ~ Beta(${alpha}, ${alpha}): about uniform, any blend as likely as another`;
  return `λ ~ Beta(${alpha}, ${alpha}): mostly near ½, blends of about half and half`;
}

export function drawBeta(svg: SVGSVGElement, alpha: number): void {
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('width', String(WIDTH));
  svg.setAttribute('height', String(HEIGHT));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', describeBeta(alpha));
  const curve = betaCurve(alpha);
  const top = Math.min(CAP, Math.max(1.2, ...curve.map(([, d]) => d)));
  const x = (lambda: number) => 4 + lambda * (WIDTH - 8);
  const y = (density: number) => HEIGHT - AXIS - (Math.min(density, top) / top) * (HEIGHT - AXIS - 4);
  const line = curve.map(([l, d], i) => `${i === 0 ? 'M' : 'L'}${x(l).toFixed(1)},${y(d).toFixed(1)}`).join('');
  const area = `M${x(0)},${y(0)}${line.replace(/^M/, 'L')}L${x(1)},${y(0)}Z`;
  svg.replaceChildren(
    svgElement('path', { d: area, fill: MODEL_COLORS.mixup, 'fill-opacity': 0.18, stroke: 'none' }),
    svgElement('path', { d: line, fill: 'none', stroke: MODEL_COLORS.mixup, 'stroke-width': 1.6 }),
    svgElement('line', { x1: x(0), x2: x(1), y1: y(0), y2: y(0), stroke: '#888' }),
  );
  for (const [lambda, text, anchor] of [
    [0, '0', 'start'],
    [0.5, 'λ', 'middle'],
    [1, '1', 'end'],
  ] as const) {
    const label = svgElement('text', { x: x(lambda), y: HEIGHT - 2, 'text-anchor': anchor });
    label.textContent = text;
    svg.appendChild(label);
  }
}
