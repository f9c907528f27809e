import { deformImages, mulberry32, rotation, shear, zoom, type LabeledSet } from '@manifold-mixup/datasets';
import type { ImageTransform } from '@manifold-mixup/datasets';
import type { OutputSpec } from './model-job.js';

/** One deformed copy of the test set: its name in results and how each image is transformed. */
export interface Deformation {
  name: string;
  /** The transform of image `index` of the set. */
  transform: (index: number) => ImageTransform;
  /** The same transform for every image (zoom): the set is deformed in one call. */
  uniform: boolean;
}

/**
 * A uniform draw in [-1, 1) for image `index`, the first output of mulberry32(index): every model, and
 * every deformation of one kind, sees the same draw for the same test image.
 */
export function imageDraw(index: number): number {
  return 2 * mulberry32(index)() - 1;
}

/**
 * The deformations of `spec` in order: rotations by a uniform angle in ±d for each d, shears likewise,
 * then zooms by each fixed factor. Names are the results' keys, e.g. 'rotation-20', 'shear-28.6', 'zoom-0.6'.
 */
export function deformations(spec: NonNullable<OutputSpec['deformations']>): Deformation[] {
  return [
    ...spec.rotationDegrees.map((d) => ({
      name: `rotation-${d}`,
      transform: (i: number) => rotation(d * imageDraw(i)),
      uniform: false,
    })),
    ...spec.shearDegrees.map((d) => ({
      name: `shear-${d}`,
      transform: (i: number) => shear(d * imageDraw(i)),
      uniform: false,
    })),
    ...spec.zoomFactors.map((f) => ({ name: `zoom-${f}`, transform: () => zoom(f), uniform: true })),
  ];
}

/** The test set with image i deformed by `deformation.transform(i)` (image by image when the draws differ). */
export function deformSet(set: LabeledSet, deformation: Deformation): LabeledSet {
  if (deformation.uniform) return deformImages(set, deformation.transform(0));
  const size = set.x.length / set.n;
  const x = new Float32Array(set.x.length);
  for (let i = 0; i < set.n; i++) {
    // A view of image i, not a copy: deformImages only reads it.
    const image = { ...set, x: set.x.subarray(i * size, (i + 1) * size), y: set.y.subarray(i, i + 1), n: 1 };
    x.set(deformImages(image, deformation.transform(i)).x, i * size);
  }
  return { ...set, x };
}
