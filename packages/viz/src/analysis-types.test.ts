import { describe, expectTypeOf, it } from 'vitest';
import type {
  Calibration,
  Grid,
  GridBox as AnalysisGridBox,
  ReliabilityBin as AnalysisBin,
} from '@manifold-mixup/analysis';
import type { GridBox, ReliabilityBin } from '@manifold-mixup/types';
import type { ConfidenceMapPanel, ReliabilityModel } from './index.js';

// Type-level checks (`pnpm typecheck` fails if they do not hold): what analysis computes is what viz draws, now that
// both take the two shapes from @manifold-mixup/types instead of viz importing them from analysis.
describe('the shapes viz shares with analysis', () => {
  it('takes analysis grids and reliability bins as they are', () => {
    expectTypeOf<Grid>().toExtend<ConfidenceMapPanel['grid']>();
    expectTypeOf<Calibration['bins']>().toEqualTypeOf<ReliabilityModel['bins']>();
  });

  it('keeps analysis exporting the same types under the old names', () => {
    expectTypeOf<AnalysisGridBox>().toEqualTypeOf<GridBox>();
    expectTypeOf<AnalysisBin>().toEqualTypeOf<ReliabilityBin>();
  });
});
