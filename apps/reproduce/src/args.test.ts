import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './args.js';

const parse = (...argv: string[]) => parseCliArgs(argv, { out: '/repo' });

describe('parseCliArgs', () => {
  it('defaults to the default profile, every experiment, seed 0, the repo root, auto backend', () => {
    expect(parse()).toEqual({
      profile: 'default',
      experiments: ['spiral', 'bottleneck-2d', 'bottleneck-12d'],
      seed: 0,
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
      '--seed',
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
      seed: 7,
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
      /unknown flag '--profiel'; valid flags: --profile, --only, --seed, --out, --backend, --workers, --png, --check, --validate, --help/,
    );
  });

  it('rejects bad backends, seeds and worker counts', () => {
    expect(() => parse('--backend', 'webgl')).toThrow(
      "--backend: unknown value 'webgl'; valid: auto, wasm, cpu, tensorflow",
    );
    expect(() => parse('--seed', '1.5')).toThrow("--seed: expected an integer >= 0, found '1.5'");
    expect(() => parse('--seed=-1')).toThrow(/--seed: expected an integer >= 0/);
    expect(() => parse('--workers', '0')).toThrow("--workers: expected an integer >= 1, found '0'");
    expect(() => parse('--workers', 'two')).toThrow(UsageError);
  });

  it('rejects positional arguments and missing values', () => {
    expect(() => parse('quick')).toThrow(UsageError);
    expect(() => parse('--profile')).toThrow(UsageError);
  });
});
