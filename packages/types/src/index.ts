export type { LabeledSet } from './labeled-set.js';
