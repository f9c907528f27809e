import { defineConfig } from 'vite';

// PLAYGROUND_BASE: the path the site is served under, e.g. /manifold-mixup/ on GitHub Pages (a project page
// lives below the repository's name); / for the dev server, preview and the browser test.
export default defineConfig({
  base: process.env.PLAYGROUND_BASE ?? '/',
  // The training worker imports tfjs and our packages as ES modules.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The worker's chunk holds tfjs (about 500 kB); it loads once, in the background.
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      onwarn(warning, warn) {
        // mixup-core imports tfjs-layers lazily for Node's sake; in this bundle it is loaded anyway. Harmless.
        if (warning.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
        warn(warning);
      },
    },
  },
});
