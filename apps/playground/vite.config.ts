import { defineConfig } from 'vite';

// PLAYGROUND_BASE: the path the site is served under, e.g. /manifold-mixup/ on GitHub Pages (a project page
// lives below the repository's name); / for the dev server, preview and the browser test.
export default defineConfig({
  base: process.env.PLAYGROUND_BASE ?? '/',
  // The training worker imports tfjs and our packages as ES modules.
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
