import { describe, expect, it } from 'vitest';
import type { AnyExperiment } from './experiment.js';
import { EXPERIMENT_NAMES, EXPERIMENTS, experimentRegistry, REGISTRY } from './registry.js';
import { spiral } from './spiral.js';

const renamed = (name: string): AnyExperiment => ({ ...spiral, name });

describe('the experiment registry', () => {
  it('lists the experiments in README order and finds each by name', () => {
    expect(EXPERIMENT_NAMES).toEqual([
      'spiral',
      'bottleneck-2d',
      'bottleneck-12d',
      'generalisation',
      'generalisation-fashion-mnist',
    ]);
    expect(REGISTRY.names).toEqual(EXPERIMENT_NAMES);
    for (const experiment of EXPERIMENTS) expect(REGISTRY.get(experiment.name)).toBe(experiment);
  });

  it('names the registered experiments when asked for another', () => {
    expect(() => REGISTRY.get('moons')).toThrow(
      "experiment 'moons': not registered; registered: spiral, bottleneck-2d, bottleneck-12d",
    );
  });

  it('takes a list of its own, in its order', () => {
    const registry = experimentRegistry([renamed('b'), spiral]);
    expect(registry.names).toEqual(['b', 'spiral']);
    expect(registry.get('b').title).toBe('Two spirals');
    expect(() => registry.get('bottleneck-2d')).toThrow(/not registered; registered: b, spiral/);
  });

  it('refuses names that cannot name files, markers and flags, README blocks, and repeats', () => {
    for (const bad of ['Spiral', 'two spirals', 'a_b', '-a', 'a-', ''])
      expect(() => experimentRegistry([renamed(bad)])).toThrow(
        `experimentRegistry: name '${bad}': expected lowercase letters and digits joined by '-'`,
      );
    expect(() => experimentRegistry([renamed('claims')])).toThrow("name 'claims' is taken by a README block");
    expect(() => experimentRegistry([spiral, renamed('spiral')])).toThrow("two experiments are named 'spiral'");
  });
});
