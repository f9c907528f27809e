#!/usr/bin/env node
import { resolve } from 'node:path';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { FileFormatError } from './file-format-error.js';
import { MergeError } from './merge-error.js';
import { Progress } from './progress.js';
import { REPO_ROOT } from './repo-root.js';
import { killWorkers } from './worker-pool.js';

/** `--validate`: every expected figure and result of `experiments` in --out exists, is valid and agrees. */
async function validated(options: CliOptions, experiments: readonly string[], progress: Progress): Promise<number> {
  if (!options.validate) return 0;
  const { validateRun } = await import('./check-outputs.js');
  const problems = await validateRun(options.out, experiments);
  if (problems.length > 0) {
    progress.log(`--validate: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  progress.log('--validate: every expected figure and result exists and is valid; README.md agrees with them');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv, { out: REPO_ROOT });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`manifold-mixup-reproduce: ${error.message}\n(--help lists every flag)\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  options.out = resolve(options.out);
  if (options.check) {
    // Loaded only here: --help never pays for jsdom (--check draws every figure again).
    const { checkOutputs } = await import('./check-outputs.js');
    const problems = await checkOutputs(options.out);
    if (problems.length === 0) {
      process.stdout.write(`--check: README.md, figures/ and results/ in ${options.out} agree\n`);
      return 0;
    }
    process.stderr.write(
      `--check: ${problems.length} problem(s) in ${options.out}:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  const progress = new Progress(process.stderr);
  const stop = (signal: NodeJS.Signals): void => {
    killWorkers(signal);
    progress.log(
      `\n${signal}: stopped. Finished epochs are checkpointed in ${options.out}/.reproduce-cache; rerun the same command to resume.`,
    );
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Loaded only for a run or a merge: --help and --check never pay for tfjs.
  const plan = options.merge
    ? await (await import('./merge.js')).mergeShards(options.merge, options, progress)
    : await (await import('./run.js')).runExperiments(options, progress);
  // A shard publishes nothing to validate; a merge validates the experiments its shards ran.
  return plan ? validated(options, plan.experiments, progress) : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    killWorkers();
    // A bad file from elsewhere (a shard, a cache entry), or shards that do not make one run, is the
    // input's fault, not ours: no stack trace.
    const text =
      error instanceof FileFormatError || error instanceof MergeError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`manifold-mixup-reproduce: ${text}\n`);
    process.exitCode = 1;
  },
);
