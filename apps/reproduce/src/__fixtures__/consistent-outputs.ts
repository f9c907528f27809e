import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPERIMENTS } from '../experiments/registry.js';
import { drawFigure, encodeArrays } from '../figure-spec.js';
import { globalFigures } from '../global-figures.js';
import { writeBlocks } from '../readme-blocks.js';
import { renderBlocks } from '../render-readme.js';
import { figureArraysPath, resultsPath } from '../results.js';
import { syntheticExperiment } from './synthetic-results.js';

/**
 * Fills `out` with a consistent output folder of every registered experiment (synthetic results,
 * figure arrays, the figures drawn from them, a README with the rendered blocks): --check passes on it.
 */
export async function writeConsistentOutputs(out: string): Promise<void> {
  await mkdir(join(out, 'figures'), { recursive: true });
  await mkdir(join(out, 'results'), { recursive: true });
  const all = [];
  for (const experiment of EXPERIMENTS) {
    const { results, arrays, svgs } = syntheticExperiment(experiment);
    for (const [name, svg] of svgs) await writeFile(join(out, 'figures', name), svg);
    await writeFile(join(out, figureArraysPath(experiment.name)), encodeArrays(arrays));
    all.push(results);
    await writeFile(join(out, resultsPath(experiment.name)), JSON.stringify(results));
  }
  for (const spec of globalFigures(all)) await writeFile(join(out, 'figures', spec.name), drawFigure(spec));
  const readme =
    '# Project\n\nHuman prose.\n\n<!-- reproduce:begin claims -->\n<!-- reproduce:end claims -->\n\nMore prose.\n';
  await writeFile(join(out, 'README.md'), writeBlocks(readme, renderBlocks(all)).text);
}
