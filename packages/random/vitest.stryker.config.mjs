import { defineConfig } from 'vitest/config';

// The vitest config StrykerJS runs (`pnpm mutation`). Stryker copies this package alone into a
// sandbox, so unlike vitest.config.ts it cannot import ../../vitest.shared.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
