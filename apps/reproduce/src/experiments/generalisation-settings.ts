import type { ImageDataset, TrainingSettings } from '../model-job.js';

/** The generalisation experiment's settings in one profile (its results' `config`). */
export interface GeneralisationSettings {
  dataset: ImageDataset;
  /** Units of each of the three hidden layers. */
  width: number;
  hiddenLayers: number;
  /** Beta(α, α) of input mixup (α = 1) and of manifold mixup at {input, h1, h2} (α = 2), as §5.1. */
  inputMixupAlpha: number;
  manifoldMixupAlpha: number;
  /** Training images per seed, drawn at random from all 60,000 (the same subset for a seed's three models). */
  trainSize: number;
  /** First test images evaluated (null: all 10,000); fit validates on them every epoch (the curves). */
  testLimit: number | null;
  /** Adam, constant rate, long enough that the baseline overfits (final-epoch weights are kept). */
  training: TrainingSettings;
  /**
   * FGSM (whole test set), PGD and the transferred FGSM (first `pgd.limit` test images) strengths,
   * pixels in [0, 1].
   */
  attackEpsilons: number[];
  pgd: { steps: number; limit: number; seed: number };
  /** The §5.2 deformations of the test images. */
  deformations: { rotationDegrees: number[]; shearDegrees: number[]; zoomFactors: number[] };
  /** Dense layer whose activations (after its LeakyReLU) are measured: 0 = h1, §3.2's first hidden layer. */
  flatteningDenseIndex: number;
}
