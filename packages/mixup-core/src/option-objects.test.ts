import { beforeAll, describe, expect, it } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';

// predict, evaluate, activations and fit take an options object: anything else where it is
// expected (predict's former row count n, say) and keys they do not know are refused, named.

/** The error `promise` rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Error,
  );
  if (outcome == null) throw new Error('expected a refusal, the call succeeded');
  return outcome;
}

async function expectRefusal(promise: Promise<unknown>, type: typeof TypeError, message: string | RegExp) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(type);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

describe('options objects', () => {
  let model: ManifoldMixupModel;
  const data = blobs(8, 1);
  beforeAll(async () => {
    await initBackend('wasm');
    model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 1 });
  });

  it('predict: a number as second argument (the removed n) is a TypeError saying so', async () => {
    await expectRefusal(
      model.predict(data.x, 100 as never),
      TypeError,
      'predict: options must be an object such as { batchSize: 1000 }, found the number 100 ' +
        '(predict no longer takes a row count n: it predicts every row of x)',
    );
    for (const [bad, found] of [
      [null, 'null'],
      ['10', 'a string'],
      [[10], 'an array'],
      [() => 10, 'a function'],
    ] as const) {
      await expectRefusal(
        model.predict(data.x, bad as never),
        TypeError,
        new RegExp(`^predict: options must .*, found ${found}`),
      );
    }
    // Absent options are the defaults.
    expect(await model.predict(data.x, undefined)).toEqual(await model.predict(data.x));
  });

  it('predict, evaluate and activations: unknown keys are named, with the valid ones', async () => {
    await expectRefusal(
      model.predict(data.x, { batchsize: 4 } as never),
      TypeError,
      'predict: unknown option "batchsize" (valid options: batchSize)',
    );
    await expectRefusal(
      model.evaluate(data, { batch: 4, n: 8 } as never),
      TypeError,
      'evaluate: unknown options "batch", "n" (valid options: batchSize)',
    );
    await expectRefusal(
      model.activations(data.x, 1, { rows: 8 } as never),
      TypeError,
      'activations: unknown option "rows" (valid options: batchSize)',
    );
    await expectRefusal(
      model.evaluate(data, 4 as never),
      TypeError,
      /^evaluate: options must be an object .*, found the number 4$/,
    );
    await expectRefusal(
      model.activations(data.x, 1, 'a' as never),
      TypeError,
      /^activations: options must be an object/,
    );
  });

  it('batchSize: a TypeError when not a number, a RangeError when not a positive integer', async () => {
    await expectRefusal(
      model.predict(data.x, { batchSize: '4' as never }),
      TypeError,
      'predict: batchSize must be a positive integer, found "4" (a string)',
    );
    await expectRefusal(
      model.evaluate(data, { batchSize: 0 }),
      RangeError,
      'evaluate: batchSize must be a positive integer, found 0',
    );
    await expectRefusal(model.activations(data.x, 1, { batchSize: 1.5 }), RangeError, /found 1\.5$/);
  });

  it('fit: a non-object, unknown keys (lrSchedule included) and mistyped numbers are refused, named', async () => {
    await expectRefusal(
      model.fit(data, 5 as never),
      TypeError,
      /^fit: options must be an object such as \{ epochs: 10, batchSize: 32 \}, found the number 5$/,
    );
    await expectRefusal(model.fit(data, null as never), TypeError, /^fit: options must be an object .*, found null$/);
    const error = await rejection(model.fit(data, { epochs: 1, batchSize: 4, epoch: 2, lr: 0.1 } as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(
      /^fit: unknown options "epoch", "lr" \(valid options: epochs, batchSize, initialEpoch, shuffle, learningRate, /,
    );
    await expectRefusal(
      model.fit(data, { epochs: 1, batchSize: 4, lrSchedule: { every: 1, factor: 1, start: 0 } as never }),
      TypeError,
      'fit: unknown option "lrSchedule.start" (valid options: every, factor)',
    );
    await expectRefusal(
      model.fit(data, { epochs: '1' as never, batchSize: 4 }),
      TypeError,
      'fit: options.epochs must be a non-negative integer, found "1" (a string)',
    );
    await expectRefusal(
      model.fit(data, { epochs: -1, batchSize: 4 }),
      RangeError,
      'fit: options.epochs must be a non-negative integer, found -1',
    );
    await expectRefusal(
      model.fit(data, { epochs: 1, batchSize: 0 }),
      RangeError,
      'fit: options.batchSize must be a positive integer, found 0',
    );
    // Known keys whose value is undefined count as absent.
    await expect(
      model.fit(data, { epochs: 1, batchSize: 4, validation: undefined, seed: undefined }),
    ).resolves.toMatchObject({
      epochs: [{ epoch: 1 }],
    });
  });
});
