import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticIndependentRun } from './__fixtures__/independent-run.js';
import { FileFormatError } from './file-format-error.js';
import { INDEPENDENT_FILE, loadIndependentRun, parseIndependentRun } from './independent-run.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reproduce-independent-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeIndependent(value: unknown): Promise<void> {
  await mkdir(dirname(join(root, INDEPENDENT_FILE)), { recursive: true });
  await writeFile(join(root, INDEPENDENT_FILE), typeof value === 'string' ? value : JSON.stringify(value));
}

describe('parseIndependentRun', () => {
  it('accepts the committed run of the repository', async () => {
    const loaded = await loadIndependentRun();
    expect(loaded.kind).toBe('run');
    if (loaded.kind === 'run') expect(loaded.run.claims.seeds).toHaveLength(10);
  });

  it('names the field of a malformed file, what was expected and what was found', () => {
    const run = syntheticIndependentRun() as unknown as { runs: Record<string, Record<string, { testNll: unknown }>> };
    run.runs['1']['manifold-mixup'].testNll = 'low';
    expect(() => parseIndependentRun(run)).toThrow(FileFormatError);
    expect(() => parseIndependentRun(run)).toThrow(
      `${INDEPENDENT_FILE}: runs.1.manifold-mixup.testNll: expected a finite number >= 0, found "low"`,
    );
  });

  it('refuses a run whose family lacks a declared claim or judges it on another statistic', () => {
    const lacking = syntheticIndependentRun();
    lacking.claims.claims = lacking.claims.claims.filter((c) => c.id !== 'test-nll-vs-baseline');
    expect(() => parseIndependentRun(lacking)).toThrow(
      /claims\.claims: expected a claim with id "test-nll-vs-baseline" \(generalisation-primary\.ts declares it\)/,
    );
    const other = syntheticIndependentRun();
    other.claims.claims[0].alternative = 'greater';
    expect(() => parseIndependentRun(other)).toThrow(
      `claims.claims[0].alternative: expected "less" as declared for 'test-error-vs-baseline', found "greater"`,
    );
  });
});

describe('loadIndependentRun', () => {
  it('reports a missing file as missing and a malformed one as unreadable, naming file and field', async () => {
    expect(await loadIndependentRun(root)).toEqual({ kind: 'missing' });
    await writeIndependent('{"design": ');
    const notJson = await loadIndependentRun(root);
    expect(notJson.kind === 'unreadable' && notJson.problem).toMatch(`${INDEPENDENT_FILE}: not valid JSON`);
    await writeIndependent({ ...syntheticIndependentRun(), claims: { alpha: 0.05, seeds: [], claims: [] } });
    expect(await loadIndependentRun(root)).toEqual({
      kind: 'unreadable',
      problem: `${INDEPENDENT_FILE}: claims.seeds: expected an array of at least 1 items, found an array of length 0`,
    });
    await writeIndependent(syntheticIndependentRun());
    expect(await loadIndependentRun(root)).toEqual({ kind: 'run', run: syntheticIndependentRun() });
  });
});
