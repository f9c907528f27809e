import { numberError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import { ADAM_DEFAULTS, adamMoment, adamRunsFused, adamScalars, applyAdamUpdate } from './adam-update.js';

// Adam as a tf.Optimizer, for model.compile, updating each variable with fusedAdamUpdate on wasm:
// one SIMD pass over the heap instead of a dozen elementwise kernels. The update is TensorFlow/
// Keras' form, which the kernel computes (tf.train.adam differs only in where epsilon enters).

export interface FusedAdamConfig {
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** false: always the elementwise kernels (the same f32 operations; for comparisons). Default true. */
  fused?: boolean;
}

/** tfjs-core's { name, tensor } pair, which its index does not export. */
type NamedTensor = Awaited<ReturnType<tf.Optimizer['getWeights']>>[number];

interface Moments {
  m: tf.Variable;
  v: tf.Variable;
}

/**
 * Adam in TensorFlow/Keras' form: m = β1·m + (1−β1)·g, v = β2·v + (1−β2)·g², and
 * w += −lr·sqrt(1−β2^t)/(1−β1^t) · m/(sqrt(v) + ε). On wasm with our heap kernels, one fused SIMD
 * pass per variable; elsewhere the same operations as elementwise kernels, with bit-identical results.
 */
export class FusedAdamOptimizer extends tf.Optimizer {
  static readonly className = 'FusedAdam';
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly #fused: boolean;
  readonly #moments = new Map<string, Moments>();

  constructor({
    learningRate = 1e-3,
    beta1 = ADAM_DEFAULTS.beta1,
    beta2 = ADAM_DEFAULTS.beta2,
    epsilon = ADAM_DEFAULTS.epsilon,
    fused = true,
  }: FusedAdamConfig = {}) {
    super();
    // A string where a number belongs is a TypeError even when it would compare as in range ('0.5' < 1).
    const check = (name: string, value: number, ok: boolean, expected: string): void => {
      if (!ok || typeof value !== 'number') throw numberError('FusedAdamOptimizer', name, `must be ${expected}`, value);
    };
    check('learningRate', learningRate, learningRate > 0 && Number.isFinite(learningRate), 'a finite number > 0');
    check('beta1', beta1, beta1 >= 0 && beta1 < 1, 'a number in [0, 1)');
    check('beta2', beta2, beta2 >= 0 && beta2 < 1, 'a number in [0, 1)');
    check('epsilon', epsilon, epsilon > 0 && Number.isFinite(epsilon), 'a finite number > 0');
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.#fused = fused;
  }

  #momentsOf(name: string, variable: tf.Variable): Moments {
    let moments = this.#moments.get(name);
    if (moments == null) {
      moments = { m: adamMoment(variable), v: adamMoment(variable) };
      this.#moments.set(name, moments);
    }
    return moments;
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const gradients = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => [name, tensor] as const)
      : Object.entries(variableGradients);
    const scalars = adamScalars(this, this.learningRate, this.iterations + 1);
    const fused = adamRunsFused(this.#fused);
    for (const [name, g] of gradients) {
      const w = tf.engine().registeredVariables[name];
      if (g == null || w == null) continue;
      const { m, v } = this.#momentsOf(name, w);
      applyAdamUpdate(w, g, m, v, scalars, fused);
    }
    this.incrementIterations();
  }

  override dispose(): void {
    for (const { m, v } of this.#moments.values()) tf.dispose([m, v]);
    this.#moments.clear();
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const moments = [...this.#moments].flatMap(([name, { m, v }]) => [
      { name: `${name}/m`, tensor: m },
      { name: `${name}/v`, tensor: v },
    ]);
    return [await this.saveIterations(), ...moments];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const values = await this.extractIterations(weightValues);
    this.dispose();
    for (let i = 0; i + 1 < values.length; i += 2) {
      const name = values[i].name.replace(/\/m$/, '');
      const keep = (t: tf.Tensor): tf.Variable => tf.variable(t, false);
      this.#moments.set(name, { m: keep(values[i].tensor), v: keep(values[i + 1].tensor) });
    }
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }
}

/** A FusedAdamOptimizer, like tf.train.adam(learningRate, beta1, beta2, epsilon). */
export function fusedAdam(
  learningRate = 1e-3,
  beta1 = ADAM_DEFAULTS.beta1,
  beta2 = ADAM_DEFAULTS.beta2,
  epsilon = ADAM_DEFAULTS.epsilon,
): FusedAdamOptimizer {
  return new FusedAdamOptimizer({ learningRate, beta1, beta2, epsilon });
}
