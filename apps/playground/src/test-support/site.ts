import { fileURLToPath } from 'node:url';
import { serveStatic, type StaticServer } from '@manifold-mixup/browser-harness';
import { build } from 'vite';

const APP = fileURLToPath(new URL('../../', import.meta.url));
/** Where the browser test and the screenshot command put the site they build and what they save (git-ignored). */
export const OUTPUT = `${APP}output/`;

/** Builds the site as `vite build` does (base /) into output/site and serves it on 127.0.0.1. */
export async function buildAndServe(): Promise<StaticServer> {
  const outDir = `${OUTPUT}site`;
  await build({ root: APP, base: '/', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return serveStatic(outDir);
}
