// Part of the build: copies tfjs-backend-wasm's three binaries into dist/, beside wasm-host.browser.js,
// whose `new URL('./<binary>', import.meta.url)` makes Vite and webpack emit them into a page's build
// with no user code (esbuild leaves the URLs relative to the bundle). The peer dependency is pinned to
// the version these copies come from, so they always fit its JavaScript glue.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const from = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
const to = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
mkdirSync(to, { recursive: true });
for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
  copyFileSync(join(from, name), join(to, name));
}
