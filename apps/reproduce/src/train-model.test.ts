import { describe, expect, it } from 'vitest';
import { trainingSeconds } from './train-model.js';

const history = [{ seconds: 100 }, { seconds: 120 }, { seconds: 90 }, { seconds: 95 }];

describe('trainingSeconds', () => {
  it('is the process time alone when every epoch ran in it', () => {
    expect(trainingSeconds(420, history, 0)).toBe(420);
  });

  it('adds the epochs resumed from a checkpoint, trained by earlier processes', () => {
    expect(trainingSeconds(200, history, 2)).toBe(200 + 100 + 120);
    expect(trainingSeconds(5, history, 4)).toBe(5 + 405);
  });

  it('refuses a count of epochs the history does not hold', () => {
    expect(() => trainingSeconds(1, history, 5)).toThrow(/resumedEpochs must be an integer in \[0, 4\], found 5/);
    expect(() => trainingSeconds(1, history, -1)).toThrow(/found -1/);
  });
});
