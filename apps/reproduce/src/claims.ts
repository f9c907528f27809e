import type { Claim } from './results.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const num = (x: number): string =>
  Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(3);

interface Calibrated {
  label: string;
  ece: number;
}

/** Lower test ECE for every mixing model than for the baseline. */
export function calibrationClaim(experiment: string, baseline: Calibrated, mixed: Calibrated[]): Claim {
  const better = mixed.filter((m) => m.ece < baseline.ece);
  return {
    id: `${experiment}-calibration`,
    statement: 'Training on mixed examples lowers the expected calibration error (ECE) on the test set',
    source: 'mixup literature (e.g. Thulasidasan et al., NeurIPS 2019); not pictured by the seed',
    evidence: `test ECE: baseline ${pct(baseline.ece)}, ${mixed.map((m) => `${m.label} ${pct(m.ece)}`).join(', ')}`,
    supported: mixed.length > 0 && better.length === mixed.length,
  };
}

export interface ConfidenceNumbers extends Calibrated {
  lowConfidenceFraction: number;
  totalVariation: number;
  threshold: number;
}

/** Spiral: a wider band of low confidence and a smoother decision boundary. */
export function spiralClaims(baseline: ConfidenceNumbers, mixup: ConfidenceNumbers): Claim[] {
  return [
    {
      id: 'spiral-low-confidence',
      statement: 'Manifold mixup widens the band of low-confidence predictions around the decision boundary',
      source: 'Verma et al. 2019, section 1 and figure 1 (broader regions of low confidence)',
      evidence:
        `share of the grid with top-class probability < ${baseline.threshold}: ` +
        `baseline ${pct(baseline.lowConfidenceFraction)}, ${mixup.label} ${pct(mixup.lowConfidenceFraction)}`,
      supported: mixup.lowConfidenceFraction > baseline.lowConfidenceFraction,
    },
    {
      id: 'spiral-smoothness',
      statement: 'Manifold mixup gives a smoother decision boundary (less total variation of P(class 1) over the grid)',
      source: 'Verma et al. 2019, section 1 and figure 1 (smoother decision boundaries)',
      evidence: `total variation: baseline ${num(baseline.totalVariation)}, ${mixup.label} ${num(mixup.totalVariation)}`,
      supported: mixup.totalVariation < baseline.totalVariation,
    },
    calibrationClaim('spiral', baseline, [mixup]),
  ];
}

export interface MarginNumbers extends Calibrated {
  meanMargin: number;
  silhouette: number;
}

/** 2-D bottleneck: larger margins between the classes' codes. */
export function bottleneck2dClaims(baseline: MarginNumbers, mixup: MarginNumbers): Claim[] {
  return [
    {
      id: 'bottleneck-2d-margin',
      statement: 'Manifold mixup separates the classes in the 2-D bottleneck by a larger margin',
      source: "Verma et al. 2019, section 1 (boundaries further from the data) and figure 1; the seed's MNIST figures",
      evidence: `mean margin statistic: baseline ${num(baseline.meanMargin)}, ${mixup.label} ${num(mixup.meanMargin)}`,
      supported: mixup.meanMargin > baseline.meanMargin,
    },
    {
      id: 'bottleneck-2d-silhouette',
      statement:
        'Manifold mixup makes each class of 2-D codes tighter relative to its distance from the others (silhouette)',
      source: "the seed's MNIST figures (pictured; the silhouette is our measure of it)",
      evidence: `silhouette: baseline ${num(baseline.silhouette)}, ${mixup.label} ${num(mixup.silhouette)}`,
      supported: mixup.silhouette > baseline.silhouette,
    },
    calibrationClaim('bottleneck-2d', baseline, [mixup]),
  ];
}

export interface SpectrumNumbers extends Calibrated {
  /** Per class, in the same class order for every model. */
  sumOfOthers: number[];
  significantDirections: number[];
}

/**
 * 12-D bottleneck: flatter class representations. The paper's section 3.2 statistic (sum of the
 * non-top singular values) compared class by class, and Theorem 1's bound dim - classes + 1.
 */
export function bottleneck12dClaims(
  baseline: SpectrumNumbers,
  inputMixup: SpectrumNumbers,
  manifold: SpectrumNumbers,
  bound: { dim: number; classes: number; relativeThreshold: number },
): Claim[] {
  const classes = manifold.sumOfOthers.length;
  const smallerThan = (other: SpectrumNumbers): number =>
    manifold.sumOfOthers.filter((value, c) => value < other.sumOfOthers[c]).length;
  const vsBaseline = smallerThan(baseline);
  const vsInput = smallerThan(inputMixup);
  const limit = bound.dim - bound.classes + 1;
  const within = (m: SpectrumNumbers): number => m.significantDirections.filter((d) => d <= limit).length;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return [
    {
      id: 'bottleneck-12d-flatter',
      statement:
        'Manifold mixup flattens class representations: a smaller sum of non-top singular values than the baseline and input mixup in most classes',
      source: "Verma et al. 2019, section 3.2 (and the seed's SVD figures)",
      evidence:
        `${manifold.label} smaller than baseline in ${vsBaseline}/${classes} classes, ` +
        `than ${inputMixup.label} in ${vsInput}/${classes}`,
      supported: classes > 0 && vsBaseline > classes / 2 && vsInput > classes / 2,
    },
    {
      id: 'bottleneck-12d-theorem-1',
      statement:
        `Manifold mixup collapses each class to at most ${bound.dim} - ${bound.classes} + 1 = ${limit} significant directions ` +
        `(centred spectrum; significant: σ > ${bound.relativeThreshold} × the largest)`,
      source: 'Verma et al. 2019, section 3.1, Theorem 1',
      evidence:
        `classes within the bound: ${manifold.label} ${within(manifold)}/${classes} ` +
        `(mean ${num(mean(manifold.significantDirections))} directions), ` +
        `baseline ${within(baseline)}/${classes} (mean ${num(mean(baseline.significantDirections))}), ` +
        `${inputMixup.label} ${within(inputMixup)}/${classes} (mean ${num(mean(inputMixup.significantDirections))})`,
      supported: classes > 0 && within(manifold) > classes / 2,
    },
    calibrationClaim('bottleneck-12d', baseline, [inputMixup, manifold]),
  ];
}
