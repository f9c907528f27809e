import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './args.js';

const parse = (...argv: string[]) => parseCliArgs(argv, { out: '/repo' });

describe('parseCliArgs', () => {
  it("defaults to the default profile, every experiment, the profile's seeds, the repo root, auto backend", () => {
    expect(parse()).toEqual({
      profile: 'default',
      experiments: ['spiral', 'bottleneck-2d', 'bottleneck-12d', 'generalisation'],
      seeds: null,
      shard: null,
      cache: null,
      merge: null,
      out: '/repo',
      backend: 'auto',
      workers: null,
      png: false,
      check: false,
      validate: false,
      help: false,
    });
  });

  it('reads every flag', () => {
    const o = parse(
      '--profile',
      'quick',
      '--only',
      'bottleneck-12d,spiral',
      '--seeds',
      '7',
      '--out',
      'x',
      '--backend',
      'cpu',
      '--workers',
      '3',
      '--png',
      '--validate',
    );
    expect(o).toMatchObject({
      profile: 'quick',
      seeds: [0, 1, 2, 3, 4, 5, 6],
      out: 'x',
      backend: 'cpu',
      workers: 3,
      png: true,
      validate: true,
    });
    // canonical order, duplicates removed
    expect(o.experiments).toEqual(['spiral', 'bottleneck-12d']);
    expect(parse('--only=spiral,spiral').experiments).toEqual(['spiral']);
  });

  it('rejects an unknown profile, listing the valid ones', () => {
    expect(() => parse('--profile', 'fast')).toThrow(UsageError);
    expect(() => parse('--profile', 'fast')).toThrow("--profile: unknown value 'fast'; valid: quick, default, paper");
  });

  it('rejects an unknown experiment, listing the valid ones', () => {
    expect(() => parse('--only', 'spiral,mnist')).toThrow(
      "--only: unknown value 'mnist'; valid: spiral, bottleneck-2d, bottleneck-12d",
    );
    expect(() => parse('--only', ',')).toThrow(/--only: no experiment given/);
  });

  it('rejects an unknown flag, listing the valid ones', () => {
    expect(() => parse('--profiel', 'quick')).toThrow(
      /unknown flag '--profiel'; valid flags: --profile, --only, --seeds, --shard, --cache, --out, --backend, --workers, --png, --check, --validate, --help/,
    );
  });

  it('rejects bad backends, seeds and worker counts', () => {
    expect(() => parse('--backend', 'webgl')).toThrow(
      "--backend: unknown value 'webgl'; valid: auto, wasm, cpu, tensorflow",
    );
    expect(() => parse('--workers', '0')).toThrow("--workers: expected an integer >= 1, found '0'");
    expect(() => parse('--workers', '0')).toThrow("--workers: expected an integer >= 1, found '0'");
    expect(() => parse('--workers', 'two')).toThrow(UsageError);
  });

  it('reads --seeds as a count or a list, and rejects 0, negatives, words and duplicates', () => {
    expect(parse('--seeds', '3').seeds).toEqual([0, 1, 2]);
    expect(parse('--seeds', '4,0,9').seeds).toEqual([4, 0, 9]);
    expect(parse('--seeds= 1, 2 ').seeds).toEqual([1, 2]);
    const accepted = 'a seed count >= 1 (seeds 0..N-1) or a comma-separated list of distinct integers >= 0';
    expect(() => parse('--seeds', '0')).toThrow(`--seeds: expected ${accepted}; found '0'`);
    expect(() => parse('--seeds=-1')).toThrow(`--seeds: expected ${accepted}; found '-1'`);
    expect(() => parse('--seeds', 'abc')).toThrow(`--seeds: expected ${accepted}; found 'abc'`);
    expect(() => parse('--seeds', '1,2.5')).toThrow(UsageError);
    expect(() => parse('--seeds', '0,1,0')).toThrow(`--seeds: seed 0 is listed twice; expected ${accepted}`);
  });

  it('reads --shard i/n, --cache and merge DIR...', () => {
    expect(parse('--shard', '2/3', '--cache', '/shared').shard).toEqual({ index: 2, count: 3 });
    expect(parse('--shard', '2/3', '--cache', '/shared').cache).toBe('/shared');
    expect(parse('merge', 'a', 'b', '--out', 'x')).toMatchObject({ merge: ['a', 'b'], out: 'x', shard: null });
    expect(() => parse('--shard', '4/3')).toThrow(
      "--shard: expected i/n with integers 1 <= i <= n (e.g. 2/3), found '4/3'",
    );
    expect(() => parse('merge')).toThrow(/merge: give the --out folders of the shards/);
    expect(() => parse('merge', 'a', '--shard', '1/2')).toThrow(/--shard and merge do not go together/);
    expect(() => parse('split', 'a')).toThrow("unexpected argument 'split'; the only command is 'merge DIR...'");
  });

  it('rejects positional arguments and missing values', () => {
    expect(() => parse('quick')).toThrow(UsageError);
    expect(() => parse('--profile')).toThrow(UsageError);
  });
});
