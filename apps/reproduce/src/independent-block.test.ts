import { describe, expect, it } from 'vitest';
import { syntheticIndependentRun } from './__fixtures__/independent-run.js';
import { syntheticResults } from './__fixtures__/synthetic-results.js';
import { generalisation } from './experiments/generalisation.js';
import { PRIMARY_CLAIMS } from './experiments/generalisation-primary.js';
import { independentBlock } from './independent-block.js';
import { INDEPENDENT_FILE } from './independent-run.js';

describe('independentBlock', () => {
  // Made-up numbers under the default profile's design, the one the (synthetic) PyTorch run has.
  const ours = { ...syntheticResults(generalisation, [0, 1]), config: generalisation.settings.default };
  const ourVerdicts = Object.fromEntries(ours.claims.filter((c) => c.primary).map((c) => [c.id, c.verdict]));

  it('sets each primary claim beside the PyTorch judgement and says the verdicts agree', () => {
    const block = independentBlock(ours, { kind: 'run', run: syntheticIndependentRun(ourVerdicts) });
    expect(block).toContain(`**The verdicts agree** on all ${PRIMARY_CLAIMS.length} primary claims.`);
    expect(block).not.toContain('**no**');
    expect(block).not.toContain('design differs');
    // The shared design, not the draws; the implementations' differences from the file's design.
    expect(block).toContain("The two runs share the design, not the seeds' random draws");
    expect(block).toContain(
      'there PyTorch default nn.Linear (uniform +-1/sqrt(fan_in), weights and biases); here Glorot-uniform',
    );
    expect(block).toContain('(there betas (0.9, 0.999), eps 1e-8; here Adam ε 1e-7 (tfjs default))');
    // PyTorch's side of the first claim: mean, interval, p, Holm p, verdict, in that order.
    const first = block.split('\n').find((line) => line.startsWith(`| ${PRIMARY_CLAIMS[0].statement} |`)) ?? '';
    expect(first).toContain('| -0.0100 [-0.0200, 0.00500] | 0.250 | 1.00 | inconclusive | yes |');
    // Our side is model − reference: the signed effect turned back (a 'less' claim's effect is negated).
    const claim = ours.claims.find((c) => c.id === PRIMARY_CLAIMS[0].id);
    expect(first).toContain(`| manifold mixup − baseline (claimed < 0) |`);
    expect(Number(first.split(' | ')[2].split(' ')[0])).toBeCloseTo(-(claim?.mean ?? NaN), 2);
  });

  it('shows per-model means over seeds, ours beside PyTorch', () => {
    const block = independentBlock(ours, { kind: 'run', run: syntheticIndependentRun(ourVerdicts) });
    const row = (label: string) => block.split('\n').find((line) => line.startsWith(`| ${label} |`)) ?? '';
    const error = (label: string, model: string) => {
      const runs = ours.models.find((m) => m.model === model)?.runs ?? [];
      return `${((100 * runs.reduce((a, r) => a + 1 - r.metrics.accuracy, 0)) / runs.length).toFixed(2)}%`;
    };
    expect(row('baseline')).toMatch(new RegExp(`^\\| baseline \\| ${error('baseline', 'baseline')} \\| 5\\.00% \\|`));
    expect(row('manifold mixup')).toContain(`| ${error('manifold mixup', 'manifold-mixup')} | 7.00% |`);
    expect(row('input mixup')).toContain('| 9.00 |'); // PyTorch's participation ratio, 8 + 1
  });

  const flip = (id: string) => ({
    ...ourVerdicts,
    [id]: ourVerdicts[id] === 'supported' ? ('contradicted' as const) : ('supported' as const),
  });

  it('says plainly when the verdicts disagree under the same design', () => {
    const flipped = flip('fgsm-vs-baseline');
    const block = independentBlock(ours, { kind: 'run', run: syntheticIndependentRun(flipped) });
    expect(block).toContain(
      `**The verdicts disagree** on 1 of ${PRIMARY_CLAIMS.length} primary claims: fgsm-vs-baseline ` +
        `(ours ${ourVerdicts['fgsm-vs-baseline']}, PyTorch ${flipped['fgsm-vs-baseline']}). The same design gives another verdict`,
    );
    expect(block.split('\n').filter((line) => line.endsWith('| **no** |'))).toHaveLength(1);
  });

  it('says when our design differs from the file (a quick run): then differing verdicts are no disagreement', () => {
    const quick = syntheticResults(generalisation);
    const block = independentBlock(quick, {
      kind: 'run',
      run: syntheticIndependentRun(flip('test-error-vs-baseline')),
    });
    expect(block).toContain(
      "**This run's design differs from the PyTorch run's** (widths 784-32-32-32-10 here, 784-256-256-256-10 there;",
    );
    expect(block).toContain('epochs 3 here, 60 there');
    expect(block).toContain('seeds 3 here, 2 there');
    expect(block).toContain(
      `The verdicts differ on 1 of ${PRIMARY_CLAIMS.length} primary claims (test-error-vs-baseline`,
    );
    expect(block).not.toContain('**The verdicts disagree**');
  });

  it('without our results shows PyTorch alone; without the file says none is available', () => {
    const alone = independentBlock(undefined, { kind: 'run', run: syntheticIndependentRun() });
    expect(alone).toContain("Our run has no results yet: only PyTorch's verdicts are shown.");
    expect(alone).not.toContain('design differs');
    expect(independentBlock(ours, { kind: 'missing' })).toBe(
      `_No independent run available: \`${INDEPENDENT_FILE}\` is not in this repository (independent/README.md says how to make it)._`,
    );
    expect(independentBlock(ours, { kind: 'unreadable', problem: 'x.json: runs: expected an object, found 3' })).toBe(
      '_No independent run available: the file cannot be used: x.json: runs: expected an object, found 3_',
    );
  });
});
