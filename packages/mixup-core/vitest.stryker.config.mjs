import { defineConfig } from 'vitest/config';

// The vitest config StrykerJS runs (`pnpm mutation`). Stryker copies this package alone into a
// sandbox, so unlike vitest.config.ts it cannot import ../../vitest.shared.ts. It runs the tests
// that specify what the mutated files do (stryker.config.json's `mutate`), and leaves out:
// - the golden-weight hash tests (wasm-single-thread, wasm-threads): a hash kills almost any
//   mutant of training without saying what was wrong, which would hide untested behaviour;
// - the kernel and backend tests, which exercise none of the mutated files;
// - the checkpoint fuzz test (thousands of loads, ~15 s per mutant): checkpoint-untrusted and
//   model-io test the same checks case by case.
// One wasm thread: mutants run one at a time on a machine with two shared cores.
export default defineConfig({
  test: {
    include: [
      'src/method.test.ts',
      'src/contracts.test.ts',
      'src/sampling.test.ts',
      'src/data-dense.test.ts',
      'src/model.test.ts',
      'src/training.test.ts',
      'src/mixing.test.ts',
      'src/regularization.test.ts',
      'src/fgsm.test.ts',
      'src/adam.test.ts',
      'src/model-io.test.ts',
      'src/cpu-backend.test.ts',
      'src/finite-guard.test.ts',
      'src/fit-callbacks.test.ts',
      'src/to-layers-model.test.ts',
      'src/api-refusals.test.ts',
      'src/checkpoint-untrusted.test.ts',
      'src/option-objects.test.ts',
      'src/file-system-io.test.ts',
    ],
    env: { MANIFOLD_MIXUP_THREADS: '1' },
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
