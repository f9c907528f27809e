// Long runs stay cheap to draw: a series of thousands of epochs becomes about `points` points, the lowest and the
// highest value of each of points / 2 equal runs of epochs, in the order they came. Unlike taking every k-th
// epoch, a spike or a dip survives, so the drawn line still covers everything the series did.

/** Indices of the finite `values` to draw: all of them when few, else the min and max of each bucket, in order. */
export function minMaxIndices(values: ArrayLike<number>, points = 500): number[] {
  const n = values.length;
  if (n <= points) return Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(values[i]));
  const buckets = Math.max(1, Math.floor(points / 2));
  const kept: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let low = -1;
    let high = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (low < 0 || v < values[low]) low = i;
      if (high < 0 || v > values[high]) high = i;
    }
    if (low < 0) continue; // nothing finite to draw here
    if (low === high) kept.push(low);
    else kept.push(Math.min(low, high), Math.max(low, high));
  }
  return kept;
}
