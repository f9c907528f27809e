// A fourth experiment added through the registry alone: defined here (no other file knows it), listed
// in a registry after the reproduction's own, then planned, trained (quick, in real worker
// processes), published into a temporary folder and checked there, as the CLI does with its own.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeGrid } from '@manifold-mixup/analysis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticExperiment } from '../__fixtures__/synthetic-results.js';
import { array, floats, testCalibration } from '../analyze-common.js';
import { checkOutputs, validateRun } from '../check-outputs.js';
import { calibrationSpec } from '../claims.js';
import { figurePanels } from '../common-figures.js';
import { codeFingerprint } from '../code-fingerprint.js';
import { allJobs, planRun } from '../plan.js';
import { Progress } from '../progress.js';
import { publish } from '../publish.js';
import { renderBlocks } from '../render-readme.js';
import { trainAll } from '../train-all.js';
import type { Experiment } from './experiment.js';
import { hidden, modelJob, output, SEED_SCHEDULE } from './model-parts.js';
import { EXPERIMENTS, experimentRegistry } from './registry.js';

interface ToySettings {
  width: number;
  pointsPerClass: number;
  epochs: number;
  /** P(class 1) on a resolution² grid over [-extent, extent]². */
  extent: number;
  resolution: number;
}

interface ToyArrays {
  maps: Array<{ p1: Float32Array; points: Float32Array; labels: ArrayLike<number> }>;
}

const TINY: ToySettings = { width: 8, pointsPerClass: 40, epochs: 1, extent: 12, resolution: 6 };

const toyGrid = (s: ToySettings) =>
  makeGrid({ xMin: -s.extent, xMax: s.extent, yMin: -s.extent, yMax: s.extent }, s.resolution);

/** Two small spirals, a one-hidden-layer pair of MLPs, one epoch: the smallest experiment with every part. */
const toy: Experiment<ToySettings, ToyArrays, 'toy-planar'> = {
  name: 'toy-planar',
  title: 'A planar toy',
  settings: { quick: TINY, default: TINY, paper: { ...TINY, epochs: 2 } },
  jobs: (s, run) =>
    (['baseline', 'manifold-mixup'] as const).map((variant) =>
      modelJob(run, variant, {
        data: {
          kind: 'spiral',
          pointsPerClass: s.pointsPerClass,
          noise: 0.5,
          testFraction: 0.25,
          validationFraction: 0.25,
          seed: run.seed,
        },
        inputSize: 2,
        layers: [hidden(s.width), output(2, variant === 'manifold-mixup')],
        alpha: 1,
        training: { epochs: s.epochs, batchSize: 16, learningRate: 1e-2, lrSchedule: SEED_SCHEDULE },
        outputs: { grid: { extent: s.extent, resolution: s.resolution }, trainingPointsPerClass: 5 },
      }),
    ),
  analyzeSeed: (models) => ({
    runs: models.map((model) => ({ ...testCalibration(model), analysis: {} })),
    arrays: {
      maps: models.map((model) => ({
        p1: floats(model, 'gridProbabilities').filter((_, i) => i % 2 === 1),
        points: floats(model, 'trainingPoints'),
        labels: array(model, 'trainingPointLabels'),
      })),
    },
  }),
  claims: () => [calibrationSpec('toy-planar')],
  figures: (results, arrays, { file, suffix }) => [
    {
      name: 'toy-planar-map.svg',
      caption: `A planar toy: P(class 1)${suffix}`,
      kind: 'confidenceMaps',
      data: figurePanels(arrays.maps, results.models.length, file).map((m, i) => ({
        title: results.models[i].label,
        grid: toyGrid(results.config),
        probability: m.p1,
        points: { x: m.points, labels: m.labels },
      })),
      options: { title: 'A planar toy' },
    },
  ],
  statistics: (results) => `${results.models.length} models of width ${results.config.width}.`,
  methodDifferences: [['data', 'none (not in the paper)', 'two small spirals']],
  synthetic: {
    run: () => ({ analysis: {} }),
    arrays: (models, s) => ({
      maps: Array.from({ length: models }, () => ({
        p1: new Float32Array(s.resolution ** 2).fill(0.5),
        points: Float32Array.from([1, 1, -1, -1]),
        labels: [0, 1],
      })),
    }),
  },
};

const WORKER = fileURLToPath(new URL('../../dist/worker.js', import.meta.url));
let out: string;
beforeAll(async () => {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`pnpm build\` first (turbo's test task does)`);
  out = await mkdtemp(join(tmpdir(), 'reproduce-fourth-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('a fourth experiment, registered and nothing else', () => {
  it('plans, trains, publishes and passes --check; an altered output fails it', async () => {
    const registry = experimentRegistry([...EXPERIMENTS, toy]);
    expect(registry.names).toEqual([
      'spiral',
      'bottleneck-2d',
      'bottleneck-12d',
      'generalisation',
      'generalisation-fashion-mnist',
      'toy-planar',
    ]);
    const plan = planRun('quick', [registry.get('toy-planar')], [0], 'wasm', codeFingerprint());
    expect(allJobs(plan).map((j) => `${j.experiment}/${j.model}`)).toEqual([
      'toy-planar/baseline',
      'toy-planar/manifold-mixup',
    ]);
    const log: string[] = [];
    const progress = new Progress({ write: (s: string) => log.push(s) > 0 } as unknown as NodeJS.WritableStream, false);
    const trained = await trainAll(allJobs(plan), { cacheRoot: join(out, '.cache'), workers: 2, progress });
    const environment = {
      node: process.versions.node,
      platform: 'test',
      cpus: 2,
      backend: { name: 'wasm', requested: 'wasm', threads: 1, tfjsVersion: '4.22.0' },
      packages: {},
      git: { commit: null, dirty: null },
      workers: 2,
      startedAt: '2026-12-01T00:00:00.000Z',
      finishedAt: '2026-12-01T00:00:10.000Z',
      runSeconds: 10,
    };
    await publish(out, plan, trained, environment, { png: false, progress, registry });

    const results = JSON.parse(await readFile(join(out, 'results', 'toy-planar.json'), 'utf8'));
    expect(results.config).toEqual(TINY);
    expect(results.models.map((m: { label: string }) => m.label)).toEqual(['baseline', 'manifold mixup']);
    expect(results.claims.map((c: { id: string }) => c.id)).toEqual(['toy-planar-calibration']);
    expect(results.figures.map((f: { path: string }) => f.path)).toEqual([
      'figures/toy-planar-map.svg',
      'figures/toy-planar-reliability.svg',
      'figures/toy-planar-metrics.svg',
    ]);
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('<!-- reproduce:begin toy-planar -->');
    expect(readme).toContain('2 models of width 8.');
    expect(readme).toContain('| toy-planar | data | none (not in the paper) | two small spirals |');
    expect(await checkOutputs(out, registry)).toEqual([]);
    expect(await validateRun(out, ['toy-planar'], registry)).toEqual([]);
    // The reproduction's own registry does not know it: its figures are strays there.
    expect(await checkOutputs(out)).toContain(
      'figures/toy-planar-map.svg: not listed in any results file (stale figure?)',
    );

    const map = join(out, 'figures', 'toy-planar-map.svg');
    await writeFile(map, (await readFile(map, 'utf8')).replace('A planar toy', 'An edited toy'));
    expect(await checkOutputs(out, registry)).toEqual([
      expect.stringMatching(
        /^figures\/toy-planar-map.svg: differs from the figure drawn again from results\/toy-planar.json/,
      ),
    ]);
  });

  it('the synthetic fixture of the tests covers it too', () => {
    const registry = experimentRegistry([...EXPERIMENTS, toy]);
    const { results, svgs } = syntheticExperiment(toy, [0, 1]);
    expect([...svgs.keys()]).toEqual(['toy-planar-map.svg', 'toy-planar-reliability.svg', 'toy-planar-metrics.svg']);
    expect(renderBlocks([results], registry).get('toy-planar')).toContain('2 models of width 8.');
  });
});
