import { typeError } from '@manifold-mixup/errors';
import { describe, expect, it } from 'vitest';
import {
  arrayLike,
  describeFound,
  fail,
  figureOptions,
  finiteNumber,
  finiteValues,
  nonEmptyArray,
  nonNegativeInteger,
  positiveInteger,
  positiveNumber,
} from './validate.js';
import { confidenceMaps } from './confidence-maps.js';
import { scatterPlots } from './scatter-plots.js';
import { spectraSmallMultiples } from './spectra-small-multiples.js';
import { reliabilityDiagram } from './reliability-diagram.js';
import { groupedBarChart } from './grouped-bar-chart.js';
import { barData, confidencePanels, reliabilityModels, scatterPanels, spectraSeries } from '../test/fixtures.js';

describe('validate', () => {
  it('describes what was found', () => {
    expect(describeFound(NaN)).toBe('NaN');
    expect(describeFound([1, 2])).toBe('an array of length 2');
    expect(describeFound(new Float32Array(3))).toBe('a Float32Array of length 3');
    expect(describeFound(undefined)).toBe('undefined');
    expect(describeFound(null)).toBe('null');
  });

  it('rejects non-positive and non-finite numbers by name', () => {
    expect(positiveNumber('f', 'options.x', 2.5)).toBe(2.5);
    expect(() => positiveNumber('f', 'options.x', NaN)).toThrow(
      'f: options.x must be a positive finite number, found NaN',
    );
    expect(() => positiveNumber('f', 'options.x', 0)).toThrow(/found 0$/);
    expect(() => positiveNumber('f', 'options.x', Infinity)).toThrow(/found Infinity$/);
    expect(() => positiveNumber('f', 'options.x', '3')).toThrow(/found string$/);
  });

  it('checks the options shared by every figure', () => {
    expect(() => figureOptions('f', { width: 10, height: 5, title: 't' })).not.toThrow();
    expect(() => figureOptions('f', { width: NaN })).toThrow(
      'f: options.width must be a positive finite number, found NaN',
    );
    expect(() => figureOptions('f', { height: -1 })).toThrow(
      /options\.height must be a positive finite number, found -1/,
    );
    expect(() => figureOptions('f', { title: 3 })).toThrow(/options\.title must be a string, found 3/);
    expect(() => figureOptions('f', null)).toThrow(/f: options must be an object, found null/);
  });

  it('throws a TypeError for a value of the wrong kind and a RangeError for a value not allowed', () => {
    expect(() => positiveNumber('f', 'options.x', '3')).toThrow(TypeError);
    expect(() => positiveNumber('f', 'options.x', -1)).toThrow(RangeError);
    expect(() => positiveInteger('f', 'options.n', 2.5)).toThrow(
      new RangeError('f: options.n must be a positive integer, found 2.5'),
    );
    expect(() => positiveInteger('f', 'options.n', null)).toThrow(TypeError);
    expect(nonNegativeInteger('f', 'n', 0)).toBe(0);
    expect(() => nonNegativeInteger('f', 'n', -1)).toThrow(
      new RangeError('f: n must be a non-negative integer, found -1'),
    );
    expect(() => nonNegativeInteger('f', 'n', '1')).toThrow(TypeError);
    expect(() => finiteNumber('f', 'x', undefined)).toThrow(
      new TypeError('f: x must be a finite number, found undefined'),
    );
    expect(() => finiteNumber('f', 'x', NaN)).toThrow(RangeError);
    expect(() => finiteValues('f', 'v', [0, NaN])).toThrow(
      new RangeError('f: v[1] must be a finite number, found NaN'),
    );
    expect(() => finiteValues('f', 'v', [0, 2], 0, 1)).toThrow(new RangeError('f: v[1] must be in [0, 1], found 2'));
    expect(() => nonEmptyArray('f', 'a', {} as never)).toThrow(new TypeError('f: a must be an array, found object'));
    expect(() => nonEmptyArray('f', 'a', [])).toThrow(new RangeError('f: a must not be empty, found an empty array'));
    expect(() => arrayLike('f', 'a', 3 as never)).toThrow(TypeError);
    expect(() => arrayLike('f', 'a', [1, 2], 3)).toThrow(new RangeError('f: a must have length 3, found length 2'));
    expect(() => figureOptions('f', 'wide')).toThrow(TypeError);
    expect(() => figureOptions('f', { subtitle: 1 })).toThrow(TypeError);
  });

  it('fail throws a RangeError by default and the TypeError it is given for a wrong kind', () => {
    expect(() => fail('f', 'x', 'must exceed 1', '0')).toThrow(new RangeError('f: x must exceed 1, found 0'));
    expect(() => fail('f', 'x', 'must be a string', '3', typeError)).toThrow(
      new TypeError('f: x must be a string, found 3'),
    );
  });

  // Every figure refuses NaN sizes instead of writing width="NaN".
  const figures: Array<[string, (o: Record<string, number>) => string, string[]]> = [
    ['confidenceMaps', (o) => confidenceMaps(confidencePanels(), o), ['width', 'height', 'panelSize', 'bands']],
    ['scatterPlots', (o) => scatterPlots(scatterPanels(), o), ['width', 'height', 'panelSize']],
    [
      'spectraSmallMultiples',
      (o) => spectraSmallMultiples(spectraSeries(), o),
      ['width', 'height', 'panelWidth', 'panelHeight', 'columns'],
    ],
    ['reliabilityDiagram', (o) => reliabilityDiagram(reliabilityModels(), o), ['width', 'height', 'panelSize']],
    ['groupedBarChart', (o) => groupedBarChart(barData(), o), ['width', 'height', 'plotWidth', 'plotHeight']],
  ];
  for (const [name, draw, keys] of figures) {
    it(`${name} names a NaN numeric option`, () => {
      for (const key of keys) {
        expect(() => draw({ [key]: NaN }), key).toThrow(new RegExp(`^${name}: options\\.${key} must be a positive`));
      }
    });
  }
});
