/** The contents of an unsigned-byte IDX file: labels (1 dimension) or images (3 dimensions: count, rows, cols). */
export interface IdxArray {
  kind: 'labels' | 'images';
  dims: number[];
  /** prod(dims) bytes, row-major. parseIdx returns a view into the (decompressed) input, not a copy. */
  data: Uint8Array;
}

/** The magic numbers: 0x00000801 (ubyte, 1 dim) and 0x00000803 (ubyte, 3 dims). */
export const IDX_LABELS_MAGIC = 2049;
export const IDX_IMAGES_MAGIC = 2051;
/** IDX type code of unsigned bytes, the only one MNIST uses. */
export const IDX_UBYTE = 0x08;

export function dimensionCount(kind: IdxArray['kind']): number {
  return kind === 'labels' ? 1 : 3;
}
