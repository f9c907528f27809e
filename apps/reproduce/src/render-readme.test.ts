import { describe, expect, it } from 'vitest';
import { syntheticResults } from './__fixtures__/synthetic-results.js';
import { EXPERIMENTS } from './experiments/registry.js';
import { spiral } from './experiments/spiral.js';
import { overSeeds } from './over-seeds.js';
import { blockNames, renderBlocks } from './render-readme.js';
import type { ModelRun } from './results.js';
import { configDifferences } from './seed-differences.js';

describe('renderBlocks', () => {
  const all = EXPERIMENTS.filter((e) => !e.optIn).map((experiment) => syntheticResults(experiment));

  it('renders every block, deterministically', () => {
    const blocks = renderBlocks(all);
    // The root page: the opt-in Fashion-MNIST experiment has a page of its own.
    expect([...blocks.keys()]).toEqual(blockNames().filter((name) => name !== 'generalisation-fashion-mnist'));
    expect(blockNames()).toEqual([
      'claims',
      'spiral',
      'bottleneck-2d',
      'bottleneck-12d',
      'generalisation',
      'generalisation-fashion-mnist',
      'independent',
      'differences',
      'environment',
    ]);
    expect(renderBlocks(structuredClone(all))).toEqual(blocks);
  });

  it('counts primary and exploratory claims apart; with no primary claim, says where they come from', () => {
    const withPrimary = renderBlocks(all).get('claims') ?? '';
    expect(withPrimary).toMatch(
      /\*\*Primary\*\* \(7 claims of the paper, declared before the run, Holm over the family at α = 0\.05\): \d+ supported, \d+ contradicted, \d+ inconclusive\. \*\*Exploratory\*\* \(18 claims, unadjusted/,
    );
    expect(withPrimary).toContain('**Primary claims**');
    const exploratoryOnly = renderBlocks(all.filter((r) => r.experiment !== 'generalisation')).get('claims') ?? '';
    expect(exploratoryOnly).toContain(
      '**Primary**: none in these results (the generalisation experiment judges them). **Exploratory** (14 claims, ' +
        'unadjusted, interval verdicts, not evidence):',
    );
    expect(exploratoryOnly).toMatch(
      /\| spiral \| Manifold mixup gives a smoother decision boundary .* \| 10\.0 \| \[10\.0, 10\.0\] \| - \| \+\d+\.\d% of baseline \| 3\/3 \| 0\.13 \| _supported_ \|/,
    );
    expect(exploratoryOnly).not.toContain('**Primary claims**');
    expect(exploratoryOnly).toContain('![Claims at a glance');
  });

  it('links figures relative to the README and shows means ± interval half-widths', () => {
    const spiral = renderBlocks(all).get('spiral') ?? '';
    expect(spiral).toContain('(figures/spiral-metrics.svg)');
    expect(spiral).toContain('seeds 0-2 (3 per model)');
    expect(spiral).toContain('| baseline | 90.00% ± 0.00% |');
  });

  it('12-D: Corollary 1 descriptively, appendix G beside the paper as ratios, and the FGSM table', () => {
    const block = renderBlocks(all).get('bottleneck-12d') ?? '';
    expect(block).toContain('| manifold mixup |');
    // synthetic raw largest σ = 10·scale: baseline 30, input mixup 40, manifold mixup 10·(1 + s/10)
    expect(block).toContain('| input mixup | 40.0 ± 0.00 | 1.33 ± 0.00 | 37.17 | 0.74 |');
    expect(block).toContain('| weight decay | 60.0 ± 0.00 | 2.00 ± 0.00 | - | - |');
    expect(block).toContain('| baseline | 3.0 ± 0.0 | 0.0 ± 0.0 | 0.0% ± 0.0% |');
    expect(block).toContain('compare the ratios between models, not the raw values');
    expect(block).not.toContain('51.73');
    expect(block).toContain('| model | ε = 0 | ε = 0.05 | ε = 0.1 | ε = 0.2 | ε = 0.3 |');
  });

  it('marks experiments without results as not run', () => {
    expect(renderBlocks([all[0]]).get('bottleneck-12d')).toContain('_No results yet: run');
  });

  it('lists the config settings that differ from the seed', () => {
    const rows = configDifferences(spiral, all[0]);
    expect(rows).toContainEqual(['width', '1024', '16']);
    expect(rows).toContainEqual(['training.epochs', '24', '2']);
    expect(rows.some(([key]) => key === 'alpha')).toBe(false);
    expect(renderBlocks(all).get('differences')).toContain('the 12-D codes are mixed');
  });
});

describe('overSeeds', () => {
  const runs = (xs: number[]) => xs.map((x) => ({ metrics: { accuracy: x } }) as unknown as ModelRun);
  it('prints mean ± the t half-width, one value alone, and - for missing', () => {
    // 1..5: mean 3, half-width 2.7764451·√0.5 = 1.963
    expect(
      overSeeds(
        runs([1, 2, 3, 4, 5]),
        (r) => r.metrics.accuracy,
        (x) => x.toFixed(3),
      ),
    ).toBe('3.000 ± 1.963');
    expect(
      overSeeds(
        runs([0.5]),
        (r) => r.metrics.accuracy,
        (x) => x.toFixed(1),
      ),
    ).toBe('0.5');
    expect(overSeeds(runs([0.5, NaN]), (r) => r.metrics.accuracy, String)).toBe('-');
  });
});
