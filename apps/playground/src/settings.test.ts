import { describe, expect, it } from 'vitest';
import { withChange } from './controls.js';
import { DEFAULTS, parseMix, parseSettings, settingsToQuery, type Settings } from './settings.js';

describe('settings in the query string', () => {
  it('round-trips every field, and an empty query is the default setting', () => {
    const setting: Settings = {
      data: 'xor',
      points: 400,
      noise: 0.15,
      alpha: 0.4,
      mix: [0, 2],
      width: 16,
      depth: 2,
      lr: 0.003,
      batch: 64,
      lambda: 'example',
      seed: 42,
    };
    const query = settingsToQuery(setting);
    expect(query).toBe(
      'data=xor&points=400&noise=0.15&alpha=0.4&mix=0,2&width=16&depth=2&lr=0.003&batch=64&lambda=example&seed=42',
    );
    expect(parseSettings(query)).toEqual(setting);
    expect(parseSettings('')).toEqual(DEFAULTS);
    expect(parseSettings(settingsToQuery({ ...DEFAULTS, mix: [] })).mix).toEqual([]);
  });

  it('takes the default for what is missing, unknown or out of range', () => {
    const parsed = parseSettings('data=rings&points=7&alpha=0&width=48&depth=9&lr=1&batch=0&lambda=row&seed=-1');
    expect(parsed).toEqual(DEFAULTS);
    expect(parseSettings('alpha=abc&noise=&seed=1.5')).toEqual(DEFAULTS);
    // A data set brings its own noise when the address names none.
    expect(parseSettings('data=moons').noise).toBe(0.1);
    expect(parseSettings('data=moons&noise=0.3').noise).toBe(0.3);
  });

  it('keeps only mixing places the network has, once each, in order', () => {
    expect(parseMix('3,1,1,x,-1,7', 3, [])).toEqual([1, 3]);
    expect(parseMix(null, 2, [1, 2, 3])).toEqual([1, 2]);
    expect(parseSettings('depth=1').mix).toEqual([1]);
  });
});

describe('withChange', () => {
  it('gives a new data set its own noise, and fewer layers fewer mixing places', () => {
    expect(withChange(DEFAULTS, 'data', 'circles')).toMatchObject({ data: 'circles', noise: 0.05 });
    expect(withChange(DEFAULTS, 'depth', '2')).toMatchObject({ depth: 2, mix: [1, 2] });
    expect(withChange(DEFAULTS, 'alpha', '0.3')).toEqual({ ...DEFAULTS, alpha: 0.3 });
  });
});
