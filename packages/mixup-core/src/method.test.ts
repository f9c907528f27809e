import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  batch,
  betaCdf,
  bitwiseEqual,
  chiSquareUniform,
  crossEntropy,
  ksStatistic,
  LOGITS_PROBE,
  mixedTargets,
  OBSERVED,
  probeModel,
  reconstructMix,
  type ObservedMix,
} from './__fixtures__/observe.js';
import { initBackend } from './backend.js';
import { SeededRandom } from '@manifold-mixup/random';
import type { ManifoldMixupModel } from './model.js';
import { softCrossEntropy } from './output-head.js';
import { trainStep } from './training.js';

// The method, specified by what the layers receive and what the step returns (README, "The
// method, as implemented"): per batch one eligible layer k, uniformly; lambda ~ Beta(alpha, alpha);
// a random pairing; layer k receives lambda h + (1 - lambda) h[perm] instead of h; the targets are
// mixed with the same lambda and pairing; the loss is the soft-target cross-entropy.

const ROWS = 8;
const live: ManifoldMixupModel[] = [];
const track = (m: { model: ManifoldMixupModel; seen: Array<Float32Array | undefined> }) => {
  live.push(m.model);
  return m;
};

interface Step {
  /** The first observed layer whose input differs from the unmixed forward pass (-1: none). */
  mixedAt: number;
  mix: ObservedMix | null;
  loss: number;
  /** What each layer received in the training step, and what it receives unmixed. */
  received: Array<Float32Array | undefined>;
  reference: Array<Float32Array | undefined>;
}

/** One trainStep, observed: compare every layer's input with an unmixed forward pass at the same weights. */
function observedStep(
  model: ManifoldMixupModel,
  seen: Array<Float32Array | undefined>,
  x: tf.Tensor,
  y: tf.Tensor,
  rng: SeededRandom,
  learningRate = 0,
): Step {
  seen.length = 0;
  tf.tidy(() => {
    model.forward(x, true);
  });
  const reference = [...seen];
  seen.length = 0;
  const value = trainStep({ model, x, y, rng, learningRate });
  const loss = value.dataSync()[0];
  value.dispose();
  const received = [...seen];
  const mixedAt = OBSERVED.find((i) => !bitwiseEqual(received[i]!, reference[i]!)) ?? -1;
  const mix = mixedAt < 0 ? null : reconstructMix(reference[mixedAt]!, received[mixedAt]!, x.shape[0]);
  return { mixedAt, mix, loss, received, reference };
}

function expectPermutation(partner: number[]): void {
  expect([...partner].sort((a, b) => a - b)).toEqual(partner.map((_, i) => i));
}

describe('the method, observed in training steps', () => {
  beforeAll(async () => {
    // One thread: many tiny steps, on a machine whose two cores are shared (this file's own process).
    await initBackend('wasm', { threads: 1 });
  });
  afterEach(() => {
    for (const m of live.splice(0)) m.dispose();
  });

  it('mixes at one eligible layer per step, chosen uniformly (chi-square), never at an ineligible one', () => {
    const eligible = [0, 2, 4, 5];
    const { model, seen } = track(probeModel(eligible));
    const { x, y } = batch(ROWS, 1);
    const rng = new SeededRandom(2024);
    const counts = new Map<number, number>(eligible.map((k) => [k, 0]));
    const steps = 240;
    for (let s = 0; s < steps; s++) {
      const step = observedStep(model, seen, x, y, rng);
      expect(eligible, `step ${s} mixed at layer ${step.mixedAt}`).toContain(step.mixedAt);
      // What that layer received is a mix of its own unmixed input's rows: the mix is at its input.
      expect(step.mix!.residual, `step ${s}`).toBeLessThan(1e-5);
      counts.set(step.mixedAt, counts.get(step.mixedAt)! + 1);
    }
    // 3 degrees of freedom: P(chi2 > 16.27) = 0.001. Deterministic (fixed seed).
    const chi2 = chiSquareUniform([...counts.values()]);
    expect(chi2, `counts ${JSON.stringify([...counts])}`).toBeLessThan(16.27);
    for (const k of eligible) expect(counts.get(k)).toBeGreaterThan(steps / eligible.length / 2);
    tf.dispose([x, y]);
  });

  it("feeds λ·h + (1−λ)·h[perm] into layer k's input; the layers before it see h, the ones after the mix", () => {
    for (const k of [2, 3, 5]) {
      const { model, seen } = track(probeModel([k]));
      const { x, y } = batch(ROWS, k);
      const rng = new SeededRandom(k);
      for (let s = 0; s < 5; s++) {
        const step = observedStep(model, seen, x, y, rng);
        expect(step.mixedAt, `k = ${k}, step ${s}`).toBe(k);
        const { partner, lambda, residual } = step.mix!;
        expect(residual).toBeLessThan(1e-5);
        expectPermutation(partner);
        expect(partner.some((j, i) => j !== i)).toBe(true);
        // One lambda per batch, strictly inside (0, 1).
        const lambdas = lambda.filter((l) => !Number.isNaN(l));
        for (const l of lambdas) {
          expect(l).toBeCloseTo(lambdas[0], 4);
          expect(l > 0 && l < 1).toBe(true);
        }
        // The next layer receives layer k's output on the mixed activations.
        const next = k + 1;
        const expected = tf.tidy(() =>
          (model.layers[k].apply(tf.tensor2d(step.received[k]!, [ROWS, 6])) as tf.Tensor).dataSync(),
        );
        step.received[next]!.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
      }
      tf.dispose([x, y]);
    }
  });

  it('flagging the first layer is input mixup: layer 0 receives λ·x + (1−λ)·x[perm] of the batch', () => {
    const { model, seen } = track(probeModel([0]));
    const { x, y } = batch(ROWS, 5);
    const data = x.dataSync() as Float32Array;
    const rng = new SeededRandom(5);
    for (let s = 0; s < 5; s++) {
      const step = observedStep(model, seen, x, y, rng);
      expect(step.mixedAt).toBe(0);
      expect(bitwiseEqual(step.reference[0]!, data)).toBe(true);
      const mix = reconstructMix(data, step.received[0]!, ROWS);
      expect(mix.residual).toBeLessThan(1e-5);
      expectPermutation(mix.partner);
    }
    tf.dispose([x, y]);
  });

  for (const lambdaMode of ['batch', 'example'] as const) {
    it(`mixes the targets with the same λ and pairing as the activations (${lambdaMode} λ)`, () => {
      const { model, seen } = track(probeModel([2, 4], { lambdaMode, alpha: 1 }));
      const rng = new SeededRandom(11);
      for (let s = 0; s < 12; s++) {
        const { x, y, labels } = batch(ROWS, 20 + s);
        const step = observedStep(model, seen, x, y, rng, 1e-2);
        const mix = step.mix!;
        expect(mix.residual).toBeLessThan(1e-5);
        const lambdas = mix.lambda.filter((l) => !Number.isNaN(l));
        const spread = Math.max(...lambdas) - Math.min(...lambdas);
        if (lambdaMode === 'batch') expect(spread).toBeLessThan(1e-4);
        else expect(spread).toBeGreaterThan(1e-2); // one lambda per row
        const logits = step.received[LOGITS_PROBE]!;
        const expected = crossEntropy(logits, mixedTargets(labels, mix));
        expect(step.loss).toBeCloseTo(expected, 4);
        // Unmixed targets would give another loss (the test can tell them apart).
        const unmixed = crossEntropy(
          logits,
          labels.map((label) => Array.from({ length: 8 }, (_, c) => (c === label ? 1 : 0))),
        );
        expect(Math.abs(unmixed - expected)).toBeGreaterThan(1e-3);
        tf.dispose([x, y]);
      }
    });
  }

  for (const alpha of [0.5, 2]) {
    it(`draws the λ it mixes with from Beta(${alpha}, ${alpha}) (KS test on the λs of 300 steps)`, () => {
      const { model, seen } = track(probeModel([3], { alpha }));
      const { x, y } = batch(ROWS, 3);
      const rng = new SeededRandom(77);
      const lambdas: number[] = [];
      for (let s = 0; s < 300; s++) {
        const mix = observedStep(model, seen, x, y, rng).mix!;
        const own = mix.lambda.filter((l) => !Number.isNaN(l));
        lambdas.push(own.reduce((a, b) => a + b, 0) / own.length);
      }
      // Critical value at the 1% level for n = 300: 1.628 / sqrt(300) = 0.094. Deterministic (fixed seed).
      const d = ksStatistic(lambdas, (v) => betaCdf(v, alpha));
      expect(d).toBeLessThan(0.094);
      // Against the other alpha's distribution the same sample is far off: the test has power.
      expect(ksStatistic(lambdas, (v) => betaCdf(v, alpha === 2 ? 0.5 : 2))).toBeGreaterThan(0.15);
      tf.dispose([x, y]);
    });
  }

  it('draws one λ per row from Beta(α, α) in example mode (KS on the pooled λs)', () => {
    const { model, seen } = track(probeModel([2], { alpha: 2, lambdaMode: 'example' }));
    const { x, y } = batch(ROWS, 4);
    const rng = new SeededRandom(3);
    const lambdas: number[] = [];
    for (let s = 0; s < 40; s++) {
      const mix = observedStep(model, seen, x, y, rng).mix!;
      lambdas.push(...mix.lambda.filter((l) => !Number.isNaN(l)));
    }
    expect(lambdas.length).toBeGreaterThan(250);
    expect(ksStatistic(lambdas, (v) => betaCdf(v, 2))).toBeLessThan(1.628 / Math.sqrt(lambdas.length));
    tf.dispose([x, y]);
  });

  it('with α given but no eligible layer, trains exactly as plain training (identical weights)', () => {
    const { model: mixup, seen } = track(probeModel([], { alpha: 2 }));
    const { model: plain } = track(probeModel([], { alpha: 2 }));
    const rng = new SeededRandom(9);
    for (let s = 0; s < 3; s++) {
      const { x, y } = batch(ROWS, 40 + s);
      const step = observedStep(mixup, seen, x, y, rng, 0.01);
      expect(step.mixedAt).toBe(-1);
      const { value, grads } = tf.variableGrads(
        () => softCrossEntropy(plain.forward(x, true), y, plain.logitsSource),
        plain.trainableVariables,
      );
      expect(step.loss).toBe(value.dataSync()[0]);
      plain.adam().apply(
        plain.trainableVariables.map((v) => grads[v.name]),
        0.01,
      );
      tf.dispose([value, ...Object.values(grads), x, y]);
    }
    mixup.trainableVariables.forEach((v, i) =>
      expect(bitwiseEqual(v.dataSync() as Float32Array, plain.trainableVariables[i].dataSync() as Float32Array)).toBe(
        true,
      ),
    );
    // No draw is taken from the stream either: fit's shuffles are the baseline's.
    expect(rng.state).toBe(new SeededRandom(9).state);
  });

  it('moves every weight, the layers before k included, along the gradient of the mixed loss', () => {
    const k = 4;
    const { model, seen } = track(probeModel([k]));
    const { x, y, labels } = batch(ROWS, 8);
    const before = model.trainableVariables.map((v) => v.dataSync().slice() as Float32Array);
    const rate = 0.01;
    const step = observedStep(model, seen, x, y, new SeededRandom(8), rate);
    expect(step.mixedAt).toBe(k);
    const after = model.trainableVariables.map((v) => v.dataSync().slice() as Float32Array);

    // The same loss written out by hand, at the weights before the step: the layers run one by one,
    // row i of layer k's input replaced by lambda h_i + (1 - lambda) h_partner(i), mixed targets.
    const mix = step.mix!;
    const lam = mix.lambda.map((l, i) => (mix.partner[i] === i ? 1 : l));
    const matrix = tf.tensor2d(
      Array.from({ length: ROWS }, (_, i) =>
        Array.from(
          { length: ROWS },
          (_, j) => (j === i ? lam[i] : 0) + (j === mix.partner[i] && j !== i ? 1 - lam[i] : 0),
        ),
      ),
    );
    const targets = tf.tensor2d(mixedTargets(labels, mix));
    model.trainableVariables.forEach((v, i) => v.assign(tf.tensor(before[i], v.shape)));
    const { grads } = tf.variableGrads(() => {
      let h: tf.Tensor = x;
      model.layers.forEach((layer, i) => {
        if (i === k) h = tf.matMul(matrix, h as tf.Tensor2D);
        h = layer.apply(h) as tf.Tensor;
      });
      const logSoftmax = tf.sub(h, tf.logSumExp(h, 1, true));
      return tf.div(tf.neg(tf.sum(tf.mul(targets, logSoftmax))), ROWS) as tf.Scalar;
    }, model.trainableVariables);

    // Adam's first step: w -= lr * g / (|g| + 1e-7 / sqrt(1 - 0.999)).
    const c = 1e-7 / Math.sqrt(0.001);
    model.trainableVariables.forEach((v, i) => {
      const g = grads[v.name].dataSync();
      let moved = 0;
      g.forEach((gj, j) => {
        const delta = (after[i][j] - before[i][j]) / rate;
        expect(delta, `${v.name}[${j}]`).toBeCloseTo(-gj / (Math.abs(gj) + c), 2);
        if (Math.abs(delta) > 0.5) moved++;
      });
      expect(moved, `${v.name} moved`).toBeGreaterThan(g.length / 2);
    });
    tf.dispose([x, y, matrix, targets, ...Object.values(grads)]);
  });
});

describe('fit, observed', () => {
  beforeAll(async () => {
    await initBackend('wasm', { threads: 1 });
  });
  afterEach(() => {
    for (const m of live.splice(0)) m.dispose();
  });

  const dataSet = (n: number, seed: number) => {
    const { x, y, labels } = batch(n, seed);
    const data = { x: x.dataSync() as Float32Array, y: labels, n, shape: [6], numClasses: 8 };
    tf.dispose([x, y]);
    return data;
  };

  it('trains on every row exactly once per epoch, in a new order each epoch, the last batch partial', async () => {
    const { model, seen } = track(probeModel([]));
    const data = dataSet(10, 1);
    const rowsOf = (values: Float32Array) =>
      Array.from({ length: values.length / 6 }, (_, r) => Array.from(values.subarray(r * 6, (r + 1) * 6)).join());
    const dataRows = rowsOf(data.x);
    const epochs: string[][] = [[], []];
    const sizes: number[] = [];
    await model.fit(data, {
      epochs: 2,
      batchSize: 4,
      onBatchEnd: ({ epoch }) => {
        const rows = rowsOf(seen[0]!);
        sizes.push(rows.length);
        epochs[epoch - 1].push(...rows);
      },
    });
    expect(sizes).toEqual([4, 4, 2, 4, 4, 2]);
    for (const order of epochs) expect([...order].sort()).toEqual([...dataRows].sort());
    expect(epochs[0]).not.toEqual(epochs[1]);
    expect(epochs[0]).not.toEqual(dataRows);
  });

  it("reports as the epoch's loss the mean over rows of the batch losses", async () => {
    const { model } = track(probeModel([2, 4]));
    const losses: number[] = [];
    const history = await model.fit(dataSet(10, 2), {
      epochs: 1,
      batchSize: 4,
      onBatchEnd: ({ loss }) => losses.push(loss),
    });
    expect(losses).toHaveLength(3);
    expect(history.epochs[0].loss).toBeCloseTo((4 * losses[0] + 4 * losses[1] + 2 * losses[2]) / 10, 12);
  });

  it('defaults to the model seed, Adam 1e-3 at a constant rate, and reports validation as evaluate does', async () => {
    const data = dataSet(4, 3);
    const validation = dataSet(8, 4);
    const { model: a } = track(probeModel([2]));
    const { model: b } = track(probeModel([2]));
    const started = performance.now();
    const history = await a.fit(data, { epochs: 11, batchSize: 4, validation });
    const wall = (performance.now() - started) / 1000;
    await b.fit(data, { epochs: 11, batchSize: 4, validation, seed: 3, learningRate: 1e-3 });
    a.trainableVariables.forEach((v, i) =>
      expect(bitwiseEqual(v.dataSync() as Float32Array, b.trainableVariables[i].dataSync() as Float32Array)).toBe(true),
    );
    expect(history.epochs.map((e) => e.learningRate)).toEqual(Array(11).fill(1e-3));
    const last = history.epochs[10];
    const metrics = await a.evaluate(validation);
    expect(last.valLoss).toBe(metrics.nll);
    expect(last.valAccuracy).toBe(metrics.accuracy);
    const seconds = history.epochs.reduce((s, e) => s + e.seconds, 0);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(wall);
  });
});
