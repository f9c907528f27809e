import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// `pnpm screenshot`: only the task that regenerates the README's picture of the playground (not the tests).
export default defineConfig({ test: { ...shared.test, include: ['src/screenshot.task.ts'] } });
