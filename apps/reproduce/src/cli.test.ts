import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built CLI, as a user runs it (turbo builds the package before testing it).
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 170_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const dirs: string[] = [];
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first (turbo's test task does)`);
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('manifold-mixup-reproduce (end to end)', () => {
  it('rejects unknown profiles, experiments and flags with exit 2, listing the valid ones', async () => {
    const profile = await cli('--profile', 'huge');
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain("--profile: unknown value 'huge'; valid: quick, default, paper");
    const flag = await cli('--fast');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown flag '--fast'; valid flags: --profile");
    expect((await cli('--help')).stdout).toContain('--only <list>');
    const seeds = await cli('--seeds', '0');
    expect(seeds.code).toBe(2);
    expect(seeds.stderr).toContain('--seeds: expected a seed count >= 1');
  });

  it('quick spiral: validates, reruns from the cache with identical results and figures, and --check catches edits', async () => {
    const out = await mkdtemp(join(tmpdir(), 'reproduce-e2e-'));
    dirs.push(out);
    await writeFile(
      join(out, 'README.md'),
      '# Mine\n\n<!-- reproduce:begin spiral -->\n<!-- reproduce:end spiral -->\n\nKept.\n',
    );
    const first = await cli('--profile', 'quick', '--only', 'spiral', '--out', out, '--validate', '--workers', '2');
    expect(first.stderr).toMatch(/seeds 0, 1;/);
    expect(first.stderr).toContain('--validate: every expected figure and result exists and is valid');
    expect(first.code).toBe(0);
    const results1 = JSON.parse(await readFile(join(out, 'results', 'spiral.json'), 'utf8'));
    const figure1 = await readFile(join(out, 'figures', 'spiral-confidence.svg'), 'utf8');

    const second = await cli('--profile', 'quick', '--only', 'spiral', '--out', out);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/spiral\/baseline\/seed-1: cached \([0-9a-f]{16}\), not retrained/);
    const results2 = JSON.parse(await readFile(join(out, 'results', 'spiral.json'), 'utf8'));
    expect(results2.environment.models['baseline/seed-0'].cached).toBe(true);
    expect(results2.seeds).toEqual([0, 1]);
    expect(results2.claims.every((c: { perSeed: unknown[] }) => c.perSeed.length === 2)).toBe(true);
    const { environment: _e1, ...same1 } = results1;
    const { environment: _e2, ...same2 } = results2;
    expect(same2).toEqual(same1);
    expect(await readFile(join(out, 'figures', 'spiral-confidence.svg'), 'utf8')).toBe(figure1);

    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme.startsWith('# Mine\n\n<!-- reproduce:begin spiral -->\n')).toBe(true);
    expect(readme).toContain('<!-- reproduce:end spiral -->\n\nKept.\n');
    expect((await cli('--check', '--out', out)).code).toBe(0);

    await writeFile(join(out, 'README.md'), readme.replace('| baseline |', '| base line |'));
    const check = await cli('--check', '--out', out);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("README.md: block 'spiral' disagrees with results/*.json");
    expect((await readdir(join(out, 'figures'))).sort()).toEqual([
      'claims-at-a-glance.svg',
      'spiral-confidence.svg',
      'spiral-metrics.svg',
      'spiral-reliability.svg',
    ]);
  }, 300_000); // five CLI runs; generous because turbo runs every package's tests at once on 2 cores

  // generalisation: its transfer attack reads two seeds' models, which merge finds in different shards.
  it.each(['spiral', 'generalisation'])(
    'quick %s in 3 shards (separate processes and folders) merges to exactly the unsharded run',
    async (experiment) => {
      const root = await mkdtemp(join(tmpdir(), 'reproduce-shards-'));
      dirs.push(root);
      const quick = ['--profile', 'quick', '--only', experiment, '--workers', '1'];
      const single = join(root, 'single');
      expect((await cli(...quick, '--out', single)).code).toBe(0);
      const shardDirs = [1, 2, 3].map((i) => join(root, `shard-${i}`));
      const runs = await Promise.all(shardDirs.map((dir, i) => cli(...quick, '--shard', `${i + 1}/3`, '--out', dir)));
      for (const run of runs) expect(run.code).toBe(0);
      // A shard writes its manifest, no figures or results.
      expect(existsSync(join(shardDirs[0], 'shard.json'))).toBe(true);
      expect(existsSync(join(shardDirs[0], 'figures'))).toBe(false);
      const merged = join(root, 'merged');
      const merge = await cli('merge', ...shardDirs, '--out', merged, '--validate');
      expect(merge.stderr).toContain('merge: 3 shards of profile quick');
      expect(merge.code).toBe(0);
      const names = (await readdir(join(single, 'figures'))).sort();
      expect((await readdir(join(merged, 'figures'))).sort()).toEqual(names);
      for (const name of names)
        expect(await readFile(join(merged, 'figures', name), 'utf8')).toBe(
          await readFile(join(single, 'figures', name), 'utf8'),
        );
      const results = (dir: string) => readFile(join(dir, 'results', `${experiment}.json`), 'utf8');
      const { environment: e1, ...a } = JSON.parse(await results(single));
      const { environment: e2, ...b } = JSON.parse(await results(merged));
      expect(b).toEqual(a);
      expect(e2.shards.map((s: { index: number }) => s.index)).toEqual([1, 2, 3]);
      expect(e1.shards).toBeUndefined();
      // A missing shard: an error naming it, and nothing written.
      const partial = join(root, 'partial');
      const refused = await cli('merge', shardDirs[0], shardDirs[2], '--out', partial);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('merge: shard 2/3 missing');
      expect(refused.stderr).not.toMatch(/^\s+at /m); // the input's fault: no stack trace
      expect(existsSync(partial)).toBe(false);
    },
    300_000,
  );
});
