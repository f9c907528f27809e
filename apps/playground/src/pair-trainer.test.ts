import { initBackend } from '@manifold-mixup/mixup-core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { epochSeed, PairTrainer, type EpochReport } from './pair-trainer.js';
import { parseSettings } from './settings-query.js';

// Small settings: the properties the page relies on, checked in Node on the wasm backend the page uses.
const SMALL = 'data=moons&points=50&width=16&depth=2&batch=16&mix=1,2';
const small = (changes: Record<string, string>): string => {
  const query = new URLSearchParams(SMALL);
  for (const [key, value] of Object.entries(changes)) query.set(key, value);
  return query.toString();
};

async function run(query: string, epochs: number): Promise<{ reports: EpochReport[]; tensors: number[] }> {
  const trainer = new PairTrainer(parseSettings(query));
  const reports = [await trainer.measureNow()];
  const tensors: number[] = [];
  for (let e = 0; e < epochs; e++) {
    reports.push(await trainer.trainEpoch());
    tensors.push(tf.memory().numTensors);
  }
  trainer.dispose();
  return { reports, tensors };
}

const objectives = (reports: EpochReport[], role: 'baseline' | 'mixup') =>
  reports.slice(1).map((r) => r.models[role].objective);

describe('PairTrainer', () => {
  beforeAll(() => initBackend('wasm', { threads: 1 }));

  it('starts both models from the same weights, and repeats itself exactly for the same setting', async () => {
    const before = tf.memory().numTensors;
    const first = await run(SMALL, 3);
    const again = await run(SMALL, 3);
    expect(first.reports[0].models.mixup.pClass1).toEqual(first.reports[0].models.baseline.pClass1);
    expect(again.reports.map((r) => r.models.mixup.objective)).toEqual(
      first.reports.map((r) => r.models.mixup.objective),
    );
    expect(again.reports[3].models.mixup.pClass1).toEqual(first.reports[3].models.mixup.pClass1);
    // The mixing is the difference: with it, the models part ways.
    expect(objectives(first.reports, 'mixup')).not.toEqual(objectives(first.reports, 'baseline'));
    // No tensor outlives its epoch, and dispose frees the models.
    expect(new Set(first.tensors).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains the mixup model exactly as the baseline when no place may mix', async () => {
    const { reports } = await run(small({ mix: '' }), 3);
    expect(objectives(reports, 'mixup')).toEqual(objectives(reports, 'baseline'));
    expect(reports[3].models.mixup.pClass1).toEqual(reports[3].models.baseline.pClass1);
  });

  it('counts the places the mixup model drew, one per batch, among the ticked ones only', async () => {
    const { reports } = await run(small({ mix: '0,2' }), 2);
    const batches = Math.ceil(100 / 16);
    expect(reports[0].draws).toEqual([0, 0, 0]);
    for (const report of reports.slice(1)) {
      expect(report.draws.reduce((a, b) => a + b, 0)).toBe(batches);
      expect(report.draws[1]).toBe(0);
      expect(report.draws[0] + report.draws[2]).toBe(batches);
    }
  });

  it('gives L2 and dropout to the baseline only, from the same initial weights', async () => {
    const plain = await run(SMALL, 2);
    const regularised = await run(small({ l2: '0.01', dropout: '0.2' }), 2);
    expect(regularised.reports[0].models.baseline.pClass1).toEqual(plain.reports[0].models.baseline.pClass1);
    expect(objectives(regularised.reports, 'mixup')).toEqual(objectives(plain.reports, 'mixup'));
    expect(objectives(regularised.reports, 'baseline')).not.toEqual(objectives(plain.reports, 'baseline'));
    expect(new Set(regularised.tensors).size).toBe(1);
  });

  it('changes only the mixup model when α changes', async () => {
    const [a, b] = [await run(small({ alpha: '1' }), 2), await run(small({ alpha: '0.2' }), 2)];
    expect(objectives(b.reports, 'baseline')).toEqual(objectives(a.reports, 'baseline'));
    expect(objectives(b.reports, 'mixup')).not.toEqual(objectives(a.reports, 'mixup'));
  });

  it('measures train, test and the map with numbers in range', async () => {
    const { reports } = await run(SMALL, 1);
    const { models, trainSeconds } = reports[1];
    for (const m of [models.baseline, models.mixup]) {
      expect(m.train.accuracy).toBeGreaterThanOrEqual(0);
      expect(m.test.ece).toBeGreaterThanOrEqual(0);
      expect(m.lowConfidence).toBeGreaterThanOrEqual(0);
      expect(m.lowConfidence).toBeLessThanOrEqual(1);
      expect(m.totalVariation).toBeGreaterThanOrEqual(0);
      expect(m.pClass1.every((p) => p >= 0 && p <= 1)).toBe(true);
    }
    expect(trainSeconds).toBeGreaterThan(0);
  });

  it('seeds every epoch differently, and differently for different seeds', () => {
    const seeds = new Set([0, 1, 2].flatMap((seed) => [0, 1, 2, 3].map((epoch) => epochSeed(seed, epoch))));
    expect(seeds.size).toBe(12);
  });
});
