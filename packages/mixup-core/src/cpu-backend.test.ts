import { beforeAll, describe, expect, it } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';

// The pure-JS backend keeps references to the arrays handed to tf.tensor (wasm copies):
// this checks that batch buffers are reused safely there too.
describe('on the cpu backend', () => {
  beforeAll(async () => {
    expect((await initBackend('cpu')).name).toBe('cpu');
  });

  it('trains deterministically and learns two blobs', async () => {
    const make = () =>
      new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 1, lambdaMode: 'example' });
    const a = make();
    const b = make();
    const train = blobs(200, 1);
    const history = await a.fit(train, { epochs: 6, batchSize: 20, learningRate: 1e-2 });
    await b.fit(train, { epochs: 6, batchSize: 20, learningRate: 1e-2 });
    expect(history.backend).toBe('cpu');
    expect(await a.predict(train.x, train.n)).toEqual(await b.predict(train.x, train.n));
    expect((await a.evaluate(blobs(100, 2))).accuracy).toBeGreaterThan(0.9);
    a.dispose();
    b.dispose();
  });
});
