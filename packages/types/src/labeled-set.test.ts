import { describe, expectTypeOf, it } from 'vitest';
import type { LabeledSet } from './labeled-set.js';

// Type-level checks: `pnpm typecheck` fails if they do not hold (vitest only runs the bodies).
describe('LabeledSet', () => {
  it('defaults to Uint8Array labels', () => {
    expectTypeOf<LabeledSet['y']>().toEqualTypeOf<Uint8Array>();
  });

  it('lets a set with Uint8Array labels go where any numeric labels are accepted', () => {
    expectTypeOf<LabeledSet>().toExtend<LabeledSet<ArrayLike<number>>>();
    expectTypeOf<LabeledSet<number[]>>().toExtend<LabeledSet<ArrayLike<number>>>();
    expectTypeOf<LabeledSet<number[]>>().not.toExtend<LabeledSet>();
  });
});
