import { defineConfig } from 'vitest/config';

// Shared by every package's vitest.config.ts. `turbo run test` runs all packages at once on
// machines with 2 cores, so a hook that loads MNIST or trains a tiny model can take many times
// longer than alone: the timeouts catch hangs, not slowness. The one test that asserts a rate (the
// playground's frame rate) is a `*.browser.test.ts`, run alone by `turbo run test:browser`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
