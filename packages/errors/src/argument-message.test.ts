import { describe, expect, it } from 'vitest';
import { argumentMessage } from './argument-message.js';

describe('argumentMessage', () => {
  it('names where, the field, the requirement and what was found, in that order', () => {
    expect(argumentMessage('sampleGamma', 'shape', 'must be a positive finite number', '0')).toBe(
      'sampleGamma: shape must be a positive finite number, found 0',
    );
  });

  it('keeps a field path and a requirement that is not "must be" as given', () => {
    expect(argumentMessage('scatterPlots', 'panels[1].labels', 'must not be empty', 'length 0')).toBe(
      'scatterPlots: panels[1].labels must not be empty, found length 0',
    );
  });
});
