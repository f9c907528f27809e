import { numberError, rangeError } from '@manifold-mixup/errors';

/** One share of a run: shard `index` (1-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** The most shards a run may be split into (far more than it has jobs: the rest would be empty). */
export const MAX_SHARD_COUNT = 10_000;

/** Parses `i/n` with 1 <= i <= n <= MAX_SHARD_COUNT; returns a message when it is not that. */
export function parseShard(value: string): ShardSpec | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const expected = `expected i/n with integers 1 <= i <= n (e.g. 2/3), found '${value}'`;
  if (!match) return expected;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return expected;
  if (count > MAX_SHARD_COUNT) return `expected at most ${MAX_SHARD_COUNT} shards, found '${value}'`;
  return { index, count };
}

/**
 * Splits jobs into `count` shards balanced by estimated cost: the longest-processing-time rule
 * (largest job first, each to the shard with the least cost so far; ties to the lower shard), which
 * keeps every shard within the largest single job of the mean. A pure function of the jobs' keys,
 * costs and `count`: every machine computes the same split. Jobs keep their input order in a shard.
 */
export function assignShards<T>(
  jobs: readonly T[],
  count: number,
  cost: (job: T) => number,
  key: (job: T) => string,
): T[][] {
  if (!Number.isInteger(count) || count < 1)
    throw numberError('assignShards', 'count', 'must be an integer >= 1', count);
  const keys = jobs.map(key);
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw rangeError('assignShards', 'jobs', 'must have distinct keys', `job '${k}' twice`);
    seen.add(k);
  }
  const order = jobs
    .map((job, i) => ({ i, cost: cost(job), key: keys[i] }))
    .sort((a, b) => b.cost - a.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const load = new Array<number>(count).fill(0);
  const shardOf = new Array<number>(jobs.length);
  for (const { i, cost: c } of order) {
    let best = 0;
    for (let s = 1; s < count; s++) if (load[s] < load[best]) best = s;
    shardOf[i] = best;
    load[best] += c;
  }
  const shards: T[][] = Array.from({ length: count }, () => []);
  jobs.forEach((job, i) => shards[shardOf[i]].push(job));
  return shards;
}
