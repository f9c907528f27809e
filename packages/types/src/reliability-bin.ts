/**
 * One confidence bin of a reliability diagram: the predictions whose confidence lies between lower and upper.
 * analysis' `calibration` returns them and viz's `reliabilityDiagram` draws them.
 */
export interface ReliabilityBin {
  lower: number;
  upper: number;
  /** Mean confidence of the examples in the bin (0 when count is 0). */
  confidence: number;
  /** Fraction of the bin's examples predicted correctly (0 when count is 0). */
  accuracy: number;
  count: number;
}
