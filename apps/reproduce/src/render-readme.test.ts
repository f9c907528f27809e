import { describe, expect, it } from 'vitest';
import { syntheticResults } from './__fixtures__/synthetic-results.js';
import { BLOCK_NAMES, renderBlocks } from './render-readme.js';
import { configDifferences } from './seed-differences.js';

describe('renderBlocks', () => {
  const all = [syntheticResults('spiral'), syntheticResults('bottleneck-2d'), syntheticResults('bottleneck-12d')];

  it('renders every block, deterministically', () => {
    const blocks = renderBlocks(all);
    expect([...blocks.keys()]).toEqual([...BLOCK_NAMES]);
    expect(renderBlocks(structuredClone(all))).toEqual(blocks);
  });

  it('says which claims this run does not support', () => {
    const claims = renderBlocks(all).get('claims') ?? '';
    expect(claims).toContain(
      'This run supports 2 of the 3 claims checked; it does **not** support: `bottleneck-2d-x`.',
    );
    expect(claims).toContain('| bottleneck-2d | a claim | paper | **not supported** | numbers |');
  });

  it('links figures relative to the README and shows the numbers from the results', () => {
    const spiral = renderBlocks(all).get('spiral') ?? '';
    expect(spiral).toContain('![caption of spiral-confidence](figures/spiral-confidence.svg)');
    expect(spiral).toContain('| baseline | 90.00% |');
  });

  it('marks experiments without results as not run', () => {
    expect(renderBlocks([all[0]]).get('bottleneck-12d')).toContain('_No results yet: run');
  });

  it('lists the config settings that differ from the seed', () => {
    const rows = configDifferences(all[0]);
    expect(rows).toContainEqual(['width', '1024', '16']);
    expect(rows).toContainEqual(['training.epochs', '24', '2']);
    expect(rows.some(([key]) => key === 'alpha')).toBe(false);
    expect(renderBlocks(all).get('differences')).toContain('the 12-D codes are mixed');
  });
});
