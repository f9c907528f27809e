import { array, boolean, nullable, number, object, optional, record, string, type Shape } from './json-shape.js';

const seconds = number({ min: 0 });
const count = (min: number) => number({ min, integer: true });

/**
 * The members of a run's `environment` (results.ts' Environment without `models`) as shard.json and
 * results/*.json hold them: the README's environment block and merge read every one of them.
 */
export const RUN_ENVIRONMENT: Record<string, Shape> = {
  node: string(),
  platform: string(),
  cpus: count(1),
  backend: object({
    name: string(),
    requested: string(),
    threads: count(1),
    simd: optional(boolean),
    fastMatMul: optional(boolean),
    tfjsVersion: string(),
  }),
  packages: record(string()),
  git: object({ commit: nullable(string()), dirty: nullable(boolean) }),
  workers: count(1),
  startedAt: string(),
  finishedAt: string(),
  runSeconds: seconds,
  shards: optional(
    array(
      object({
        index: count(1),
        count: count(1),
        folder: string(),
        models: count(0),
        runSeconds: seconds,
        machine: string(),
      }),
    ),
  ),
};

/** A results file's `environment`: the run's, plus the training time of every model and seed. */
export const RESULTS_ENVIRONMENT: Shape = object({
  ...RUN_ENVIRONMENT,
  models: record(object({ seconds, cached: boolean, epochSeconds: array(seconds) })),
});
