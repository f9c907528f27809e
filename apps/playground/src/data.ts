import { makeGrid, type Grid } from '@manifold-mixup/analysis';
import { twoCircles, twoMoons, twoSpirals, xorQuadrants, type LabeledSet } from '@manifold-mixup/datasets';
import { testPoints, type AddedPoint, type DatasetName, type Settings } from './settings.js';

export interface PlaygroundData {
  /** The generated training points, then the visitor's added points. */
  train: LabeledSet;
  /** Drawn like train from its own seed: the held-out points that test loss, accuracy and ECE are measured on. */
  test: LabeledSet;
  /** Square box around both sets where the confidence maps and their statistics are computed. */
  grid: Grid;
}

const GENERATORS: Record<DatasetName, (o: { pointsPerClass: number; noise: number; seed: number }) => LabeledSet> = {
  spirals: twoSpirals,
  moons: twoMoons,
  circles: twoCircles,
  xor: xorQuadrants,
};

// Cells per side of the confidence grid: fine enough for smooth contours, small enough to predict every epoch.
export const GRID_RESOLUTION = 50;
// The test set's seed is the training seed moved by a constant, so it differs from train but follows the seed.
const TEST_SEED_OFFSET = 1_000_003;

/** A square around every point, 10% wider than their largest half-extent, so the map shows a margin. */
export function squareBox(...sets: LabeledSet[]): { xMin: number; xMax: number; yMin: number; yMax: number } {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const set of sets) {
    for (let i = 0; i < set.n; i++) {
      const [x, y] = [set.x[2 * i], set.x[2 * i + 1]];
      [xMin, xMax, yMin, yMax] = [Math.min(xMin, x), Math.max(xMax, x), Math.min(yMin, y), Math.max(yMax, y)];
    }
  }
  const [cx, cy] = [(xMin + xMax) / 2, (yMin + yMax) / 2];
  const half = 1.1 * Math.max(xMax - xMin, yMax - yMin, 1e-6) * 0.5;
  return { xMin: cx - half, xMax: cx + half, yMin: cy - half, yMax: cy + half };
}

/** `set` with `added` appended. */
function withAdded(set: LabeledSet, added: readonly AddedPoint[]): LabeledSet {
  if (added.length === 0) return set;
  const x = new Float32Array(set.x.length + 2 * added.length);
  const y = new Uint8Array(set.n + added.length);
  x.set(set.x);
  y.set(set.y);
  added.forEach((p, i) => {
    x.set([p.x, p.y], set.x.length + 2 * i);
    y[set.n + i] = p.label;
  });
  return { ...set, x, y, n: set.n + added.length };
}

export function makeData(
  settings: Pick<Settings, 'data' | 'points' | 'ratio' | 'noise' | 'seed'> & { added?: readonly AddedPoint[] },
): PlaygroundData {
  const generate = GENERATORS[settings.data];
  const { noise } = settings;
  const train = generate({ pointsPerClass: settings.points, noise, seed: settings.seed });
  const seed = (settings.seed + TEST_SEED_OFFSET) % 2 ** 32;
  const test = generate({ pointsPerClass: testPoints(settings), noise, seed });
  // The box is the generated points' alone: a clicked point does not move the map under the cursor.
  const grid = makeGrid(squareBox(train, test), GRID_RESOLUTION);
  return { train: withAdded(train, settings.added ?? []), test, grid };
}
