// Small deterministic inputs for every figure (kept tiny so golden files stay readable and tests fast).
import type {
  ConfidenceMapPanel,
  ScatterPanel,
  SpectrumSeries,
  ReliabilityModel,
  GroupedBarData,
  ClaimRow,
  IntervalSeries,
} from '../src/index.js';

export function confidencePanels(): ConfidenceMapPanel[] {
  const grid = { xMin: -2, xMax: 2, yMin: -2, yMax: 2, nx: 9, ny: 9 };
  const field = (k: number) => {
    const p = new Float32Array(81);
    for (let j = 0; j < 9; j++)
      for (let i = 0; i < 9; i++) p[j * 9 + i] = 1 / (1 + Math.exp((-k * (i - 4 + 0.5 * (j - 4))) / 4));
    return p;
  };
  const points = { x: new Float32Array([-1.5, -1, -1, 0.5, 1, 1.2, 1.5, -0.5]), labels: new Uint8Array([0, 0, 1, 1]) };
  return [
    { title: 'sharp', grid, probability: field(8), points },
    { title: 'soft', grid, probability: field(1), points },
  ];
}

export function scatterPanels(): ScatterPanel[] {
  const codes = (s: number) => new Float32Array([0, 0, 1 * s, 0.5, 2, 2 * s, 3, 1, -1, -1 * s, 0.5, 3]);
  const labels = new Uint8Array([0, 1, 2, 0, 1, 2]);
  return [
    { title: 'A', codes: codes(1), labels },
    { title: 'B', codes: codes(3), labels },
  ];
}

export function spectraSeries(): SpectrumSeries[] {
  return [
    {
      model: 'baseline',
      perClass: [
        { label: 0, singularValues: [10, 4, 2, 1] },
        { label: 1, singularValues: [8, 3, 1, 0.5] },
      ],
    },
    {
      model: 'mixup',
      perClass: [
        { label: 0, singularValues: [6, 1, 0.3, 0.1] },
        { label: 1, singularValues: [5, 0.8, 0.2, 0] },
      ],
    },
  ];
}

export function reliabilityModels(): ReliabilityModel[] {
  const bins = (gap: number) =>
    [0, 1, 2, 3].map((k) => ({
      lower: k / 4,
      upper: (k + 1) / 4,
      confidence: k / 4 + 0.125,
      accuracy: Math.min(1, Math.max(0, k / 4 + 0.125 - gap)),
      count: k === 0 ? 0 : 10 * k,
    }));
  return [
    { model: 'baseline', bins: bins(0.1), ece: 0.1 },
    { model: 'mixup', bins: bins(-0.06) }, // underconfident: accuracy above confidence
  ];
}

export function barData(): GroupedBarData {
  return {
    groups: ['accuracy', 'ECE'],
    series: [
      { name: 'baseline', values: [0.9, 0.08] },
      { name: 'mixup', values: [0.92, 0.03] },
    ],
  };
}

export function barDataWithSeeds(): GroupedBarData {
  return {
    groups: ['accuracy', 'ECE'],
    series: [
      {
        name: 'baseline',
        values: [0.9, 0.08],
        points: [
          [0.88, 0.9, 0.92],
          [0.07, 0.08, 0.09],
        ],
      },
      {
        name: 'mixup',
        values: [0.92, 0.03],
        points: [
          [0.91, 0.925, 0.925],
          [0.02, 0.03, 0.04],
        ],
      },
    ],
  };
}

export function claimRows(): ClaimRow[] {
  return [
    {
      group: 'spiral',
      label: 'wider low-confidence band between the arms of the two spirals',
      unit: 'share of grid',
      mean: 0.12,
      low: 0.05,
      high: 0.19,
      perSeed: [0.08, 0.1, 0.15, 0.16],
      verdict: 'supported',
    },
    {
      group: 'spiral',
      label: 'lower test NLL',
      unit: 'nats',
      mean: -0.02,
      low: -0.06,
      high: 0.02,
      perSeed: [-0.05, 0.01, -0.03, 0.0],
      verdict: 'inconclusive',
    },
    {
      group: 'MNIST',
      label: 'flatter spectra',
      unit: '',
      mean: -1.5,
      low: -2.4,
      high: -0.6,
      perSeed: [-1, -2, -1.6, -1.4],
      verdict: 'contradicted',
    },
    {
      group: 'MNIST',
      label: 'one seed only',
      unit: 'points',
      mean: 0.4,
      low: NaN,
      high: NaN,
      perSeed: [0.4],
      verdict: 'inconclusive',
    },
  ];
}

/** Claims in two families, given interleaved: the figure must draw the primary family first, then the other. */
export function familyClaimRows(): ClaimRow[] {
  const [band, nll, flat] = claimRows();
  const exploratory = 'Exploratory: unadjusted, not evidence';
  const primary = 'Primary: Holm over 2 claims';
  return [
    { ...band, family: exploratory },
    { ...nll, family: primary, group: 'generalisation', label: 'lower test NLL than the baseline' },
    { ...flat, family: exploratory },
    { ...band, family: primary, group: 'generalisation', label: 'lower test error than the baseline' },
  ];
}

export function intervalSeries(): IntervalSeries[] {
  const x = [0, 0.05, 0.1, 0.2];
  return [
    { name: 'baseline', x, mean: [0.98, 0.7, 0.4, 0.1], low: [0.97, 0.65, 0.33, 0.05], high: [0.99, 0.75, 0.47, 0.15] },
    {
      name: 'manifold mixup',
      x,
      mean: [0.985, 0.8, 0.55, 0.2],
      low: [0.98, NaN, 0.5, 0.14],
      high: [0.99, NaN, 0.6, 0.26],
    },
  ];
}
