import { describeFound, numberError, typeError } from '@manifold-mixup/errors';

/**
 * Holm–Bonferroni step-down adjusted p-values, in the order given. With the m p-values sorted ascending,
 * p_(1) ≤ … ≤ p_(m), the adjusted value of p_(i) is max over j ≤ i of min(1, (m − j + 1) p_(j)): rejecting
 * every hypothesis whose adjusted p is ≤ α keeps the chance of any false rejection in the family ≤ α, whatever
 * the dependence between the tests. Adjusted p-values are ≥ the raw ones, ≤ 1, and keep their order (tied raw
 * p-values get equal adjusted ones). An empty family gives an empty array.
 */
export function holm(pValues: readonly number[]): number[] {
  if (!Array.isArray(pValues))
    throw typeError('holm', 'pValues', 'must be an array of p-values', describeFound(pValues));
  pValues.forEach((p: unknown, i) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1))
      throw numberError('holm', `pValues[${i}]`, 'must be a number in [0, 1]', p);
  });
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
    adjusted[index] = running;
  });
  return adjusted;
}
