import type { LabeledSet } from '@manifold-mixup/types';

/** n examples of shape [2]: example i is (i, -i) with label labelOf(i), so every row says where it came from. */
export function numberedSet(n: number, numClasses = 3, labelOf = (i: number) => i % numClasses): LabeledSet {
  const x = new Float32Array(2 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = i;
    x[2 * i + 1] = -i;
    y[i] = labelOf(i);
  }
  return { x, y, n, shape: [2], numClasses };
}

/** The original index of every row of a set made by numberedSet (and checks the row is intact). */
export function originalIndices(set: LabeledSet): number[] {
  const out: number[] = [];
  for (let j = 0; j < set.n; j++) {
    const i = set.x[2 * j];
    if (set.x[2 * j + 1] !== -i) throw new Error(`row ${j} is not intact`);
    out.push(i);
  }
  return out;
}

/** How many examples of each class a set holds. */
export function histogram(set: LabeledSet): number[] {
  const h = new Array<number>(set.numClasses).fill(0);
  for (const label of set.y) h[label]++;
  return h;
}
