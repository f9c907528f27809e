import { describe, expect, it } from 'vitest';
import { primaryToy, TEN_SEEDS } from './__fixtures__/primary-experiment.js';
import { syntheticResults } from './__fixtures__/synthetic-results.js';
import { claimsBlock } from './claims-block.js';
import { spiral } from './experiments/spiral.js';
import { judgePrimaryFamily } from './primary-family.js';

describe('claimsBlock', () => {
  const all = judgePrimaryFamily([syntheticResults(spiral, TEN_SEEDS), syntheticResults(primaryToy, TEN_SEEDS)]);
  const block = claimsBlock(all);

  it('counts the primary family and the exploratory claims apart in the headline', () => {
    expect(block).toMatch(
      /^Profile `quick`, 10 seeds per experiment\. \*\*Primary\*\* \(7 claims of the paper, declared before the run, Holm over the family at α = 0\.05\): 1 supported, 1 contradicted, 5 inconclusive\. \*\*Exploratory\*\* \(11 claims, unadjusted, interval verdicts, not evidence\): \d+ supported, \d+ contradicted, \d+ inconclusive\.$/m,
    );
  });

  it('shows the primary table first, with p and the Holm-adjusted p, then the exploratory table', () => {
    const primary = block.indexOf('**Primary claims**');
    const exploratory = block.indexOf('**Exploratory claims**');
    expect(primary).toBeGreaterThan(0);
    expect(exploratory).toBeGreaterThan(primary);
    expect(block).toContain(
      '| experiment | claim | source | effect (> 0: as claimed) | mean difference | 95% interval | d_z | relative change (> 0: as claimed) | seeds agreeing | p | Holm p | verdict |',
    );
    expect(block).toContain(
      '| experiment | claim | source | effect (> 0: as claimed) | mean difference | 95% interval | d_z | relative change (> 0: as claimed) | seeds agreeing | p (unadjusted) | verdict (exploratory) |',
    );
    // Every seed as claimed: p = 2^-10, Holm ×7; effects 0.003 on a reference of 0.1: +3.1%.
    expect(block).toMatch(
      /\| primary-toy \| Manifold mixup lowers the test error below the baseline \| .* \| 0\.00310 \| \[0\.00\d+, 0\.00\d+\] \| \+[\d.]+ \| \+3\.1% of baseline \| 10\/10 \| 0\.00098 \| 0\.0068 \| \*\*supported\*\* \|/,
    );
    // Significant alone (p = 1/64), not after Holm (6/64).
    expect(block).toMatch(/\| 8\/10 \| 0\.016 \| 0\.094 \| \*\*inconclusive\*\* \|/);
    expect(block).toMatch(/\| spiral \| Manifold mixup widens the band .* \| 10\/10 \| [\d.]+ \| _supported_ \|/);
    expect(block.slice(exploratory)).not.toContain('**supported**');
  });
});
