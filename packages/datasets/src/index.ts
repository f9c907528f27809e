// Re-exported so that users of this package can name its sets and seed its generator without another import.
export type { LabeledSet } from '@manifold-mixup/types';
export { mulberry32 } from '@manifold-mixup/random';
export { twoSpirals, type TwoSpiralsOptions } from './two-spirals.js';
export { subset } from './subset.js';
export { trainValidationTestSplit, type SplitOptions } from './train-validation-test-split.js';
export { holdOutLast } from './hold-out-last.js';
export { filterClasses } from './filter-classes.js';
export { takePerClass } from './take-per-class.js';
export { oneHot } from './one-hot.js';
export type { IdxArray } from './idx-array.js';
export { IdxFormatError, type IdxErrorCode } from './idx-format-error.js';
export { parseIdx, isGzip, type ParseIdxOptions } from './parse-idx.js';
export { encodeIdx } from './encode-idx.js';
export { MNIST_CHECKSUMS, MNIST_FILES, type MnistFile } from './mnist-checksums.js';
export { loadMnist, defaultMnistDir, type LoadMnistOptions, type MnistData } from './load-mnist.js';
