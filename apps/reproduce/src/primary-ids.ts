import { PRIMARY_CLAIMS } from './experiments/generalisation-primary.js';

/** The ids of the declared primary claims (experiments/generalisation-primary.ts). */
export const PRIMARY_IDS: ReadonlySet<string> = new Set(PRIMARY_CLAIMS.map((c) => c.id));

/** A dataset's prefix before a declared id: lowercase words joined by '-', ending in '-'. */
const DATASET_PREFIX = /^[a-z0-9]+(?:-[a-z0-9]+)*-$/;

/**
 * Whether `id` names a declared primary claim: the declared id itself, or the declared id after a
 * dataset's prefix (the Fashion-MNIST page judges the same family on its own data, as
 * `fashion-mnist-<id>`, in a family of its own).
 */
export function isDeclaredPrimary(id: string): boolean {
  return [...PRIMARY_IDS].some(
    (declared) =>
      id === declared || (id.endsWith(`-${declared}`) && DATASET_PREFIX.test(id.slice(0, id.length - declared.length))),
  );
}
