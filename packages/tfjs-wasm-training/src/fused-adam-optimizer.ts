import * as tf from '@tensorflow/tfjs-core';
import { fusedAdamAvailable, fusedAdamUpdate } from './fused-adam.js';

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

  constructor({ learningRate = 1e-3, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7, fused = true }: FusedAdamConfig = {}) {
    super();
    const check = (name: string, value: number, ok: boolean, expected: string): void => {
      if (!ok) throw new RangeError(`FusedAdamOptimizer ${name}: expected ${expected}, found ${value}`);
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
      const zeros = (): tf.Variable => tf.tidy(() => tf.variable(tf.zerosLike(variable), false));
      moments = { m: zeros(), v: zeros() };
      this.#moments.set(name, moments);
    }
    return moments;
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const gradients = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => [name, tensor] as const)
      : Object.entries(variableGradients);
    const step = this.iterations + 1;
    const { beta1, beta2, epsilon } = this;
    const stepSize = (this.learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
    const scalars = { beta1, oneMinusBeta1: 1 - beta1, beta2, oneMinusBeta2: 1 - beta2, epsilon, step: -stepSize };
    const fused = this.#fused && fusedAdamAvailable();
    tf.tidy(() => {
      for (const [name, g] of gradients) {
        const w = tf.engine().registeredVariables[name];
        if (g == null || w == null) continue;
        const { m, v } = this.#momentsOf(name, w);
        const [w2, m2, v2] = fused ? fusedAdamUpdate(w, g, m, v, scalars) : elementwise(w, g, m, v, scalars);
        m.assign(m2);
        v.assign(v2);
        w.assign(w2);
      }
    });
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

/** The update as elementwise kernels: the f32 operations of the fused kernel, in its order. */
function elementwise(
  w: tf.Tensor,
  g: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  s: { beta1: number; oneMinusBeta1: number; beta2: number; oneMinusBeta2: number; epsilon: number; step: number },
): tf.Tensor[] {
  const m2 = tf.add(tf.mul(m, tf.scalar(s.beta1)), tf.mul(g, tf.scalar(s.oneMinusBeta1)));
  const v2 = tf.add(tf.mul(v, tf.scalar(s.beta2)), tf.mul(tf.square(g), tf.scalar(s.oneMinusBeta2)));
  const w2 = tf.add(w, tf.mul(tf.div(m2, tf.add(tf.sqrt(v2), tf.scalar(s.epsilon))), tf.scalar(s.step)));
  return [w2, m2, v2];
}

/** A FusedAdamOptimizer, like tf.train.adam(learningRate, beta1, beta2, epsilon). */
export function fusedAdam(learningRate = 1e-3, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7): FusedAdamOptimizer {
  return new FusedAdamOptimizer({ learningRate, beta1, beta2, epsilon });
}
