import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>manifold-mixup in a browser</title>
    <link rel="icon" href="data:," />
  </head>
  <body style="margin: 0; background: #fff">
    <main id="figure"></main>
    <pre id="log"></pre>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`;

/**
 * Bundles `entry` for browsers the way an application would (platform 'browser': package.json
 * `browser` fields and conditions apply, and a Node built-in that is still imported fails the build)
 * into `outdir`; .wasm imports become files beside the bundle.
 */
export async function bundleForBrowser(entry: string, outdir: string): Promise<Metafile> {
  const result = await build({
    entryPoints: { main: entry },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    outdir,
    loader: { '.wasm': 'file' },
    assetNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** The test page: the bundle of src/page/main.ts and an index.html that loads it. */
export async function buildPage(outdir: string): Promise<Metafile> {
  const metafile = await bundleForBrowser(fileURLToPath(new URL('./page/main.ts', import.meta.url)), outdir);
  await writeFile(join(outdir, 'index.html'), PAGE);
  return metafile;
}
