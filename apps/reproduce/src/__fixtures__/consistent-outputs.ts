import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REGISTRY, type Registry } from '../experiments/registry.js';
import { drawFigure, encodeArrays } from '../figure-spec.js';
import { globalFigures } from '../global-figures.js';
import { loadIndependentRun } from '../independent-run.js';
import { judgePrimaryFamily } from '../primary-family.js';
import { writeBlocks } from '../readme-blocks.js';
import { renderBlocks } from '../render-readme.js';
import { figureArraysPath, resultsPath } from '../results.js';
import { syntheticExperiment } from './synthetic-results.js';

/**
 * Fills `out` with a consistent output folder of every experiment of `registry` (synthetic results with
 * `seeds`, their primary claims judged as one family, figure arrays, the figures drawn from them, a
 * README with the rendered blocks, the independent one from the repository's run as --check reads it):
 * --check passes on it.
 */
export async function writeConsistentOutputs(
  out: string,
  registry: Registry = REGISTRY,
  seeds?: number[],
): Promise<void> {
  await mkdir(join(out, 'figures'), { recursive: true });
  await mkdir(join(out, 'results'), { recursive: true });
  const unjudged = [];
  // The root page: opt-in experiments (Fashion-MNIST) have a page, and a primary family, of their own.
  for (const experiment of registry.experiments.filter((e) => !e.optIn)) {
    const { results, arrays, svgs } = syntheticExperiment(experiment, seeds);
    for (const [name, svg] of svgs) await writeFile(join(out, 'figures', name), svg);
    await writeFile(join(out, figureArraysPath(experiment.name)), encodeArrays(arrays));
    unjudged.push(results);
  }
  const all = judgePrimaryFamily(unjudged);
  for (const results of all) await writeFile(join(out, resultsPath(results.experiment)), JSON.stringify(results));
  for (const spec of globalFigures(all)) await writeFile(join(out, 'figures', spec.name), drawFigure(spec));
  const readme =
    '# Project\n\nHuman prose.\n\n<!-- reproduce:begin claims -->\n<!-- reproduce:end claims -->\n\nMore prose.\n';
  await writeFile(
    join(out, 'README.md'),
    writeBlocks(readme, renderBlocks(all, registry, await loadIndependentRun())).text,
  );
}
