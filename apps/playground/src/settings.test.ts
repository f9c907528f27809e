import { describe, expect, it } from 'vitest';
import { readAddress, shownPlace, VIEW_DEFAULTS, writeAddress } from './address.js';
import { refusal, withChange, GROUPS } from './control-groups.js';
import { parseMix, parseSettings, readableQuery, readSettings, settingsToQuery } from './settings-query.js';
import { bottleneckPlace, DEFAULTS, hiddenWidths, testPoints, type Settings } from './settings.js';

const query = (s: Settings) => readableQuery(settingsToQuery(s));

describe('settings in the query string', () => {
  it('round-trips every field, and an empty query is the default setting', () => {
    const setting: Settings = {
      data: 'xor',
      points: 400,
      ratio: 80,
      noise: 0.15,
      alpha: 0.4,
      mix: [0, 2],
      act: 'tanh',
      width: 16,
      depth: 2,
      bottleneck: true,
      lr: 0.003,
      batch: 64,
      lambda: 'example',
      l2: 0.001,
      dropout: 0.2,
      seed: 42,
      added: [{ x: 1.25, y: -3, label: 1 }],
    };
    expect(query(setting)).toBe(
      'data=xor&points=400&ratio=80&noise=0.15&alpha=0.4&mix=0,2&act=tanh&width=16&depth=2&bottleneck=1' +
        '&lr=0.003&batch=64&lambda=example&l2=0.001&dropout=0.2&seed=42&add=1.25:-3:1',
    );
    expect(parseSettings(query(setting))).toEqual(setting);
    expect(readSettings('')).toEqual({ settings: DEFAULTS, refused: [] });
    expect(parseSettings(query({ ...DEFAULTS, mix: [] })).mix).toEqual([]);
    // A link from before the new fields means what it meant: they take defaults that train as before.
    const old =
      'data=moons&points=100&noise=0.2&alpha=0.5&mix=0,2&width=32&depth=2&lr=0.003&batch=16&lambda=batch&seed=7';
    expect(readSettings(old).refused).toEqual([]);
    expect(parseSettings(old)).toMatchObject({ ratio: 50, act: 'relu', bottleneck: false, l2: 0, dropout: 0 });
  });

  it('takes the default for what is missing, unknown or out of range, and says so', () => {
    const { settings, refused } = readSettings(
      'data=rings&points=7&alpha=0&width=48&depth=9&lr=1&batch=0&lambda=row&seed=-1&act=gelu&bottleneck=yes',
    );
    expect(settings).toEqual(DEFAULTS);
    expect(refused.map((r) => r.key)).toEqual([
      'data',
      'depth',
      'bottleneck',
      'points',
      'alpha',
      'act',
      'width',
      'lr',
      'batch',
      'lambda',
      'seed',
    ]);
    expect(refused[0]).toEqual({ key: 'data', value: 'rings', reason: expect.stringContaining('using spirals') });
    expect(readSettings('alpha=abc&noise=&seed=1.5').settings).toEqual(DEFAULTS);
    expect(readSettings('seed=1.5').refused[0].reason).toContain('an integer');
    // A data set brings its own noise when the address names none.
    expect(parseSettings('data=moons').noise).toBe(0.1);
    expect(parseSettings('data=moons&noise=0.3').noise).toBe(0.3);
  });

  it('keeps only mixing places the network has; a value that is not a list of places gives the default', () => {
    expect(parseMix('3,1,1,7', 3, [])).toEqual([1, 3]);
    expect(parseMix(null, 2, [1, 2, 3])).toEqual([1, 2]);
    expect(parseSettings('depth=1').mix).toEqual([1]);
    // The README promises the default for a value it cannot read: mixing is not silently turned off.
    const { settings, refused } = readSettings('mix=abc');
    expect(settings.mix).toEqual(DEFAULTS.mix);
    expect(refused).toEqual([{ key: 'mix', value: 'abc', reason: expect.stringContaining('using 1,2,3') }]);
    expect(readSettings('mix=1,x').settings.mix).toEqual(DEFAULTS.mix);
    expect(readSettings('mix=1,7').refused[0].reason).toContain('no place 7');
    // With the bottleneck there is one more hidden layer, so one more place.
    expect(parseSettings('depth=3&bottleneck=1&mix=4').mix).toEqual([4]);
  });

  it('reads added points, refusing malformed ones', () => {
    const { settings, refused } = readSettings('add=1:2:0,3:4:1,5:6:2,x:1:0');
    expect(settings.added).toEqual([
      { x: 1, y: 2, label: 0 },
      { x: 3, y: 4, label: 1 },
    ]);
    expect(refused.map((r) => r.value)).toEqual(['5:6:2', 'x:1:0']);
  });
});

describe('the address: setting, view and unknown parameters', () => {
  it('writes view options only when set, reads them back, and reports unknown parameters', () => {
    const view = { ...VIEW_DEFAULTS, test: true, pairs: true, layer: 2, stop: 5000 };
    const address = writeAddress(DEFAULTS, view);
    expect(address).toBe(`${query(DEFAULTS)}&test=1&pairs=1&layer=2&stop=5000`);
    expect(readAddress(address)).toEqual({ settings: DEFAULTS, view, refused: [] });
    expect(writeAddress(DEFAULTS, VIEW_DEFAULTS)).toBe(query(DEFAULTS));
    const odd = readAddress('alhpa=2&stop=0&test=yes');
    expect(odd.view).toEqual(VIEW_DEFAULTS);
    expect(odd.refused.map((r) => r.key)).toEqual(['test', 'stop', 'alhpa']);
  });

  it('shows the bottleneck by default, else the last hidden layer, and only layers the network has', () => {
    expect(shownPlace(DEFAULTS, VIEW_DEFAULTS)).toBe(3);
    expect(shownPlace({ ...DEFAULTS, bottleneck: true }, VIEW_DEFAULTS)).toBe(3);
    expect(shownPlace({ ...DEFAULTS, depth: 4, bottleneck: true }, VIEW_DEFAULTS)).toBe(3);
    expect(shownPlace(DEFAULTS, { ...VIEW_DEFAULTS, layer: 2 })).toBe(2);
    expect(shownPlace(DEFAULTS, { ...VIEW_DEFAULTS, layer: 6 })).toBe(3);
  });
});

describe('the network shape and the test set', () => {
  it('puts the 2-unit bottleneck after the first ⌈depth / 2⌉ hidden layers', () => {
    expect(hiddenWidths({ depth: 3, width: 64, bottleneck: false })).toEqual([64, 64, 64]);
    expect(hiddenWidths({ depth: 3, width: 64, bottleneck: true })).toEqual([64, 64, 2, 64]);
    expect(hiddenWidths({ depth: 1, width: 8, bottleneck: true })).toEqual([8, 2]);
    expect(bottleneckPlace({ depth: 4, bottleneck: true })).toBe(3);
  });

  it('draws as many test points as training points at 50%, fewer above', () => {
    expect(testPoints({ points: 200, ratio: 50 })).toBe(200);
    expect(testPoints({ points: 200, ratio: 80 })).toBe(50);
    expect(testPoints({ points: 100, ratio: 10 })).toBe(900);
  });
});

describe('withChange and refusal', () => {
  it('gives a new data set its own noise, and fewer layers fewer mixing places', () => {
    expect(withChange(DEFAULTS, 'data', 'circles')).toMatchObject({ data: 'circles', noise: 0.05 });
    expect(withChange(DEFAULTS, 'depth', '2')).toMatchObject({ depth: 2, mix: [1, 2] });
    expect(withChange(DEFAULTS, 'alpha', '0.3')).toEqual({ ...DEFAULTS, alpha: 0.3 });
    expect(withChange(DEFAULTS, 'bottleneck', true)).toEqual({ ...DEFAULTS, bottleneck: true });
    expect(withChange({ ...DEFAULTS, bottleneck: true, mix: [4] }, 'bottleneck', false).mix).toEqual([]);
    expect(withChange(DEFAULTS, 'act', 'tanh').act).toBe('tanh');
  });

  it('says why a typed value is refused', () => {
    const controls = GROUPS.flatMap((g) => g.controls);
    const alpha = controls.find((c) => c.key === 'alpha');
    const seed = controls.find((c) => c.key === 'seed');
    if (alpha == null || seed == null) throw new Error('no α or seed control');
    expect(refusal(alpha, '0.5')).toBeNull();
    expect(refusal(alpha, '0')).toBe('α of Beta(α, α) must be a number from 0.05 to 10');
    expect(refusal(alpha, '')).not.toBeNull();
    expect(refusal(seed, '1.5')).toContain('a whole number');
  });
});
