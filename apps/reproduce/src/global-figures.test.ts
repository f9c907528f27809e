import { describe, expect, it } from 'vitest';
import { primaryToy, TEN_SEEDS } from './__fixtures__/primary-experiment.js';
import { syntheticResults } from './__fixtures__/synthetic-results.js';
import { spiral } from './experiments/spiral.js';
import { drawFigure } from './figure-spec.js';
import { CLAIMS_FIGURE, globalFigures } from './global-figures.js';
import { judgePrimaryFamily } from './primary-family.js';

describe('the claims figure', () => {
  it('draws the primary family first, apart from the exploratory claims, whatever the experiment order', () => {
    const all = judgePrimaryFamily([syntheticResults(spiral, TEN_SEEDS), syntheticResults(primaryToy, TEN_SEEDS)]);
    const [spec] = globalFigures(all);
    expect(spec.name).toBe(CLAIMS_FIGURE);
    const rows = spec.data as Array<{ family: string; group: string; label: string }>;
    const families = rows.map((r) => r.family);
    const primary = 'Primary: 7 claims of the paper, Holm over the family';
    const exploratory = 'Exploratory: unadjusted, verdicts from the interval, not evidence';
    expect(families.slice(0, 7)).toEqual(Array(7).fill(primary));
    expect(new Set(families.slice(7))).toEqual(new Set([exploratory]));
    expect(rows[7].group).toBe('spiral');
    const svg = drawFigure(spec);
    expect(svg.indexOf(`>${primary}<`)).toBeGreaterThan(0);
    expect(svg).toContain(`>${exploratory}<`);
  });
});
