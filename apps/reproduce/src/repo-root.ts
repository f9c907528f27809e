import { fileURLToPath } from 'node:url';

/**
 * The repository this code runs in: this file is apps/reproduce/src/repo-root.ts (tests) or
 * apps/reproduce/dist/repo-root.js (the CLI), three levels below the root either way.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
