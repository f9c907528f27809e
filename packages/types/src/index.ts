export type { LabeledSet } from './labeled-set.js';
export type { GridBox } from './grid-box.js';
export type { ReliabilityBin } from './reliability-bin.js';
