import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const page = (script: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>manifold-mixup in a browser</title>
    <link rel="icon" href="data:," />
  </head>
  <body style="margin: 0; background: #fff">
    <main id="figure"></main>
    <pre id="log"></pre>
    <script type="module" src="./${script}"></script>
  </body>
</html>
`;

// The README of the installed package, found by name as the page's imports are.
const README = join(
  dirname(createRequire(import.meta.url).resolve('@manifold-mixup/mixup-core/package.json')),
  'README.md',
);
const NAMESPACE = 'mixup-core-readme';

/**
 * `import ... from 'mixup-core-readme:<file>'` is the TypeScript block that follows
 * `<!-- example: <file> ... -->` in mixup-core's README, so the page runs the README's code as written.
 */
export const readmeExamples: Plugin = {
  name: NAMESPACE,
  setup(builder) {
    builder.onResolve({ filter: new RegExp(`^${NAMESPACE}:`) }, (args) => ({
      path: args.path.slice(NAMESPACE.length + 1),
      namespace: NAMESPACE,
    }));
    builder.onLoad({ filter: /.*/, namespace: NAMESPACE }, async (args) => {
      const readme = await readFile(README, 'utf8');
      const marker = readme.indexOf(`<!-- example: ${args.path}`);
      const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker));
      if (marker < 0 || block == null) return { errors: [{ text: `mixup-core's README has no example ${args.path}` }] };
      const resolveDir = fileURLToPath(new URL('.', import.meta.url));
      return { contents: block[1], loader: 'ts', resolveDir, watchFiles: [README] };
    });
  },
};

/**
 * Bundles `entries` (name: path) for browsers the way an application would (platform 'browser': package.json
 * `browser` fields and conditions apply, and a Node built-in that is still imported fails the build)
 * into `outdir`; .wasm imports become files beside the bundle.
 */
export async function bundleForBrowser(entries: Record<string, string>, outdir: string): Promise<Metafile> {
  const result = await build({
    entryPoints: entries,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    outdir,
    loader: { '.wasm': 'file' },
    assetNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
    plugins: [readmeExamples],
  });
  return result.metafile;
}

/** The test pages: index.html (src/page/main.ts, two spirals) and conv-nets.html (src/page/conv-nets.ts). */
export async function buildPage(outdir: string): Promise<Metafile> {
  const entry = (name: string) => fileURLToPath(new URL(`./page/${name}.ts`, import.meta.url));
  const metafile = await bundleForBrowser({ main: entry('main'), 'conv-nets': entry('conv-nets') }, outdir);
  await writeFile(join(outdir, 'index.html'), page('main.js'));
  await writeFile(join(outdir, 'conv-nets.html'), page('conv-nets.js'));
  return metafile;
}
