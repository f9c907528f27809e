import * as tf from '@tensorflow/tfjs-core';
import { fusedAdamAvailable, fusedAdamUpdate } from '@manifold-mixup/tfjs-wasm-training';

export interface AdamConfig {
  beta1: number;
  beta2: number;
  epsilon: number;
}
const ADAM_DEFAULTS: AdamConfig = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/**
 * Adam in the form TensorFlow/Keras use (the seed's): the bias corrections are folded into
 * the step size, lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t), and
 * w -= lr_t * m / (sqrt(v) + epsilon): 12 elementwise kernels per variable instead of
 * tf.train.adam's 14, or on wasm one fused SIMD kernel (fusedAdamUpdate of tfjs-wasm-training) doing the same f32
 * operations. Our own class so that its state (step and both moments) can be checkpointed
 * and restored exactly.
 */
export class Adam {
  readonly config: AdamConfig;
  step = 0;
  readonly firstMoments: tf.Variable[];
  readonly secondMoments: tf.Variable[];

  /**
   * `options.fused` (default true): on wasm, one fused SIMD pass per variable (bit-identical
   * results); false forces the elementwise kernels (for comparisons). `options.foldL2` (default
   * true): whether fit hands the fused pass the L2 penalties it can fold (see folded-l2.ts); false
   * keeps them on the gradient tape (same results, for comparisons).
   */
  constructor(
    readonly variables: tf.Variable[],
    config: Partial<AdamConfig> = {},
    private readonly options: { fused?: boolean; foldL2?: boolean } = {},
  ) {
    this.config = { ...ADAM_DEFAULTS, ...config };
    this.firstMoments = variables.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
    this.secondMoments = variables.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
  }

  /** Whether updates run as the fused kernel. */
  get fused(): boolean {
    return this.options.fused !== false && fusedAdamAvailable();
  }

  /** Whether fit should hand `apply` the L2 penalties' coefficients instead of their gradients. */
  get foldsL2(): boolean {
    return this.options.foldL2 !== false && this.fused;
  }

  /**
   * One update; `gradients[i]` belongs to `variables[i]`; null leaves a (frozen) variable and its
   * moments as they are. `l2[i] > 0` (fused only) adds an L2 penalty's gradient to `gradients[i]`
   * first, as tfjs computes it: see FusedAdamScalars.l2 of tfjs-wasm-training.
   */
  apply(gradients: Array<tf.Tensor | null>, learningRate: number, l2?: readonly number[]): void {
    const { beta1, beta2, epsilon } = this.config;
    const fused = this.fused;
    if (!fused && l2?.some((c) => c !== 0))
      throw new Error('Adam.apply: L2 penalties can be folded into the fused update only (wasm)');
    this.step += 1;
    const stepSize = (learningRate * Math.sqrt(1 - beta2 ** this.step)) / (1 - beta1 ** this.step);
    if (fused) {
      const scalars = { beta1, oneMinusBeta1: 1 - beta1, beta2, oneMinusBeta2: 1 - beta2, epsilon, step: -stepSize };
      this.variables.forEach((w, i) => {
        const g = gradients[i];
        if (g == null) return;
        const s = l2 == null || l2[i] === 0 ? scalars : { ...scalars, l2: l2[i] };
        const [wNext, m, v] = fusedAdamUpdate(w, g, this.firstMoments[i], this.secondMoments[i], s);
        this.firstMoments[i].assign(m);
        this.secondMoments[i].assign(v);
        w.assign(wNext);
        tf.dispose([wNext, m, v]);
      });
      return;
    }
    tf.tidy(() => {
      const b1 = tf.scalar(beta1);
      const oneMinusB1 = tf.scalar(1 - beta1);
      const b2 = tf.scalar(beta2);
      const oneMinusB2 = tf.scalar(1 - beta2);
      const eps = tf.scalar(epsilon);
      const minusStep = tf.scalar(-stepSize);
      this.variables.forEach((w, i) => {
        const g = gradients[i];
        if (g == null) return;
        const m = tf.add(tf.mul(this.firstMoments[i], b1), tf.mul(g, oneMinusB1));
        const v = tf.add(tf.mul(this.secondMoments[i], b2), tf.mul(tf.square(g), oneMinusB2));
        this.firstMoments[i].assign(m);
        this.secondMoments[i].assign(v);
        w.assign(tf.add(w, tf.mul(tf.div(m, tf.add(tf.sqrt(v), eps)), minusStep)));
      });
    });
  }

  dispose(): void {
    for (const t of [...this.firstMoments, ...this.secondMoments]) t.dispose();
  }
}
