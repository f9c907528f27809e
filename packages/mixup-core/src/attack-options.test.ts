import { describe, expect, it } from 'vitest';
import { checkAttackOptions, type AttackOptions } from './attack-options.js';

const fgsm = { attack: 'fgsm', loss: 'margin', epsilons: [0.1], clip: [0, 1] } as const;
const pgd = { ...fgsm, attack: 'pgd', seed: 1 } as const;
const check = (options: unknown) => () => checkAttackOptions('adversarialAccuracy', options as AttackOptions);

describe('checkAttackOptions', () => {
  it('fills in the defaults: batch 500, PGD-10 with steps of 2.5·ε/10 from a random start', () => {
    expect(checkAttackOptions('f', fgsm)).toEqual({
      attack: 'fgsm',
      loss: 'margin',
      epsilons: [0.1],
      clip: [0, 1],
      batchSize: 500,
      steps: 0,
      stepSizes: [],
      seed: null,
    });
    const plan = checkAttackOptions('f', { ...pgd, epsilons: [0, 0.04, 0.1] });
    expect(plan.steps).toBe(10);
    expect(plan.stepSizes).toEqual([0, 0.01, 0.025]);
    expect(plan.seed).toBe(1);
    expect(checkAttackOptions('f', { ...pgd, randomStart: false, steps: 4, stepSize: 0.5 })).toMatchObject({
      steps: 4,
      stepSizes: [0.5],
      seed: null,
    });
  });

  it('refuses a bad value with a RangeError naming the function, the field and what it found', () => {
    expect(check({ ...fgsm, attack: 'bim' })).toThrow(
      new RangeError(`adversarialAccuracy: options.attack must be 'fgsm' or 'pgd', found "bim"`),
    );
    expect(check({ ...fgsm, loss: 'hinge' })).toThrow(
      /options\.loss must be 'margin' or 'cross-entropy', found "hinge"/,
    );
    expect(check({ ...fgsm, epsilons: [] })).toThrow(
      new RangeError('adversarialAccuracy: options.epsilons must not be empty, found an empty array'),
    );
    expect(check({ ...fgsm, epsilons: [0.1, -1] })).toThrow(
      new RangeError('adversarialAccuracy: options.epsilons[1] must be a finite number >= 0, found -1'),
    );
    expect(check({ ...fgsm, clip: [1, 0] })).toThrow(
      new RangeError(
        'adversarialAccuracy: options.clip must be [min, max] with finite min < max, or null, found [1,0]',
      ),
    );
    expect(check({ ...fgsm, batchSize: 2.5 })).toThrow(RangeError);
    expect(check({ ...pgd, steps: 0 })).toThrow(/options\.steps must be a positive integer, found 0/);
    expect(check({ ...pgd, stepSize: -0.1 })).toThrow(/options\.stepSize must be a finite number >= 0, found -0\.1/);
    expect(check({ ...pgd, seed: 0.5 })).toThrow(
      new RangeError('adversarialAccuracy: options.seed must be an integer, found 0.5'),
    );
    expect(check({ ...fgsm, steps: 3 })).toThrow(
      new RangeError("adversarialAccuracy: options.steps must be left out when options.attack is 'fgsm', found 3"),
    );
  });

  it('refuses a value of the wrong kind with a TypeError', () => {
    expect(check(null)).toThrow(new TypeError('adversarialAccuracy: options must be an object, found null'));
    expect(check({ ...fgsm, epsilons: 0.1 })).toThrow(TypeError);
    expect(check({ ...fgsm, epsilons: ['0.1'] })).toThrow(
      new TypeError('adversarialAccuracy: options.epsilons[0] must be a finite number >= 0, found string'),
    );
    expect(check({ ...fgsm, clip: undefined })).toThrow(/options\.clip must be \[min, max\].*, found undefined/);
    expect(check({ ...pgd, seed: undefined })).toThrow(
      new TypeError('adversarialAccuracy: options.seed must be an integer, found undefined'),
    );
    expect(check({ ...pgd, randomStart: 'yes' })).toThrow(TypeError);
  });
});
