import type * as tf from '@tensorflow/tfjs-core';
import {
  ADAM_DEFAULTS,
  adamMoment,
  adamRunsFused,
  adamScalars,
  applyAdamUpdate,
  type AdamConfig,
} from '@manifold-mixup/tfjs-wasm-training';

/**
 * Adam in the form TensorFlow/Keras use (the seed's): the bias corrections are folded into
 * the step size, lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t), and
 * w -= lr_t * m / (sqrt(v) + epsilon): 12 elementwise kernels per variable instead of
 * tf.train.adam's 14, or on wasm one fused SIMD kernel doing the same f32 operations. The update is
 * tfjs-wasm-training's (applyAdamUpdate, which its FusedAdamOptimizer uses too); this class exists so
 * that the state (step and both moments, by variable index) can be checkpointed and restored exactly.
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
    this.firstMoments = variables.map(adamMoment);
    this.secondMoments = variables.map(adamMoment);
  }

  /** Whether updates run as the fused kernel. */
  get fused(): boolean {
    return adamRunsFused(this.options.fused);
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
    const fused = this.fused;
    if (!fused && l2?.some((c) => c !== 0))
      throw new Error('Adam.apply: L2 penalties can be folded into the fused update only (wasm)');
    this.step += 1;
    const scalars = adamScalars(this.config, learningRate, this.step);
    this.variables.forEach((w, i) => {
      const g = gradients[i];
      if (g == null) return;
      const s = l2 == null || l2[i] === 0 ? scalars : { ...scalars, l2: l2[i] };
      applyAdamUpdate(w, g, this.firstMoments[i], this.secondMoments[i], s, fused);
    });
  }

  dispose(): void {
    for (const t of [...this.firstMoments, ...this.secondMoments]) t.dispose();
  }
}
