import { initBackend, mixingMatrix } from '@manifold-mixup/mixup-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HiddenSpace, pickBatch } from './hidden-space.js';
import { decodeMixingMatrix, type MixedBatch } from './mix-probe.js';
import { PairTrainer } from './pair-trainer.js';
import { parseSettings } from './settings-query.js';

const SMALL = 'data=moons&points=50&width=16&depth=2&batch=16';

describe('decodeMixingMatrix', () => {
  it("reads λ and each row's partner back from mixup-core's mixing matrix", () => {
    const permutation = [2, 0, 1, 3];
    const lambda = [0.25, 0.5, 0.9, 0.4];
    const { lambda: l, partner } = decodeMixingMatrix(mixingMatrix(lambda, permutation), 4);
    expect([...partner]).toEqual(permutation);
    expect([...l.slice(0, 3)].map((v) => +v.toFixed(6))).toEqual([0.25, 0.5, 0.9]);
    expect(l[3]).toBe(1); // paired with itself: not mixed
  });
});

describe('pickBatch', () => {
  it("prefers the batch mixed at the place shown, then the input's, then the lowest place's", () => {
    const batch = (place: number) => ({ place }) as MixedBatch;
    const batches = new Map([2, 3].map((p) => [p, batch(p)]));
    expect(pickBatch(batches, 3)?.place).toBe(3);
    expect(pickBatch(batches, 1)?.place).toBe(2);
    expect(pickBatch(new Map([...batches, [0, batch(0)]]), 1)?.place).toBe(0);
    expect(pickBatch(new Map(), 1)).toBeNull();
  });
});

describe('HiddenSpace', () => {
  beforeAll(() => initBackend('wasm', { threads: 1 }));

  it('draws a 2-unit bottleneck as it is, and a wider layer through a projection fitted once', async () => {
    const trainer = new PairTrainer(parseSettings(`${SMALL}&bottleneck=1&mix=1,2,3`));
    const space = new HiddenSpace(trainer);
    const code = await space.report(2);
    expect(code.cols).toBe(2);
    expect(code.fittedAt).toEqual({ baseline: null, mixup: null });
    const raw = await trainer.activations('mixup', trainer.data.train.x, 2);
    expect(code.models.mixup).toEqual(raw.values);

    const wide = await space.report(3);
    expect(wide.cols).toBe(16);
    expect(wide.models.baseline).toHaveLength(2 * trainer.data.train.n);
    await trainer.trainEpoch();
    await trainer.trainEpoch();
    const later = await space.report(3);
    expect(later.fittedAt).toEqual({ baseline: 0, mixup: 0 });
    expect(later.models.mixup).not.toEqual(wide.models.mixup);
    space.refit();
    expect((await space.report(3)).fittedAt).toEqual({ baseline: 2, mixup: 2 });
    trainer.dispose();
  });

  it('shows a batch the mixup model really mixed: its rows, pairs and λ', async () => {
    const trainer = new PairTrainer(parseSettings(`${SMALL}&mix=2`));
    const space = new HiddenSpace(trainer);
    expect((await space.report(2)).batch).toBeNull();
    await trainer.trainEpoch();
    const { batch } = await space.report(2);
    if (batch == null) throw new Error('no mixed batch after an epoch');
    expect(batch.place).toBe(2);
    expect(batch.rows).toBe(16);
    expect(batch.input).toHaveLength(32);
    expect(batch.hidden).toHaveLength(32);
    // Each row is a training point, paired with another row of the batch; one λ for the batch.
    const train = trainer.data.train.x;
    for (let i = 0; i < batch.rows; i++) {
      const [x, y] = [batch.input[2 * i], batch.input[2 * i + 1]];
      expect([...Array(trainer.data.train.n).keys()].some((r) => train[2 * r] === x && train[2 * r + 1] === y)).toBe(
        true,
      );
    }
    expect([...batch.partner].sort((a, b) => a - b)).toEqual([...Array(16).keys()]);
    const mixed = [...batch.lambda].filter((_, i) => batch.partner[i] !== i);
    expect(new Set(mixed).size).toBe(1);
    expect(mixed[0]).toBeGreaterThan(0);
    expect(mixed[0]).toBeLessThan(1);
    trainer.dispose();
  });
});
