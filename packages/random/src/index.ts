export { mulberry32, SeededRandom } from './seeded-random.js';
export { randomPermutation } from './random-permutation.js';
export { sampleWithoutReplacement } from './sample-without-replacement.js';
export { sampleNormal } from './sample-normal.js';
export { sampleGamma } from './sample-gamma.js';
export { sampleBeta } from './sample-beta.js';
