import { numberError } from '@manifold-mixup/errors';

/**
 * Runs `run` on every item with at most `concurrency` in flight, starting items in the given order.
 * Results come back in input order. After the first failure no new item starts; the ones in flight are
 * awaited, then the first error is thrown (so no worker is left orphaned behind a rejected promise).
 * `slot` (0 .. concurrency-1) tells the runner which lane it occupies (progress display).
 */
export async function runQueue<T, R>(
  items: readonly T[],
  concurrency: number,
  run: (item: T, slot: number, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw numberError('runQueue', 'concurrency', 'must be an integer >= 1', concurrency);
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async (slot: number): Promise<void> => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        results[index] = await run(items[index], slot, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, (_, slot) => lane(slot));
  await Promise.all(lanes);
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
