import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

// The test page is built as a reader of the root README's "In a browser" section builds theirs: an app folder
// with src/main.ts (the page; src/main.js for webpack, which reads JavaScript) and its node_modules (this
// app's), where the commands of the README's block for that bundler run as printed. Nothing tells the page
// where the .wasm files are. The conv-nets page, which takes code from mixup-core's README, is bundled by
// esbuild's API with a plugin for that, and gets the binaries as the README's esbuild block copies them.

export type Bundler = 'esbuild' | 'vite' | 'webpack';

const app = fileURLToPath(new URL('..', import.meta.url));
const rootReadme = fileURLToPath(new URL('../../../README.md', import.meta.url));
const require = createRequire(import.meta.url);
/** The page's modules (src/page/), copied into the reader's app: main.ts and what it imports. */
const PAGE_MODULES = ['main.ts', 'report.ts'];

const page = (script: string): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>manifold-mixup in a browser</title>
    <link rel="icon" href="data:," />
  </head>
  <body style="margin: 0; background: #fff">
    <main id="figure"></main>
    <pre id="log"></pre>
    <script type="module" src="${script}"></script>
  </body>
</html>
`;

// The README of the installed package, found by name as the page's imports are.
const MIXUP_CORE_README = join(dirname(require.resolve('@manifold-mixup/mixup-core/package.json')), 'README.md');
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
      const readme = await readFile(MIXUP_CORE_README, 'utf8');
      const marker = readme.indexOf(`<!-- example: ${args.path}`);
      const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker));
      if (marker < 0 || block == null) return { errors: [{ text: `mixup-core's README has no example ${args.path}` }] };
      const resolveDir = fileURLToPath(new URL('.', import.meta.url));
      return { contents: block[1], loader: 'ts', resolveDir, watchFiles: [MIXUP_CORE_README] };
    });
  },
};

/**
 * Bundles `entries` (name: path) for browsers the way an application would (platform 'browser': package.json
 * `browser` fields and conditions apply, and a Node built-in that is still imported fails the build)
 * into `outdir`.
 */
export async function bundleForBrowser(entries: Record<string, string>, outdir: string): Promise<Metafile> {
  const result = await build({
    entryPoints: entries,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    outdir,
    metafile: true,
    logLevel: 'silent',
    plugins: [readmeExamples],
  });
  return result.metafile;
}

/**
 * The conv-nets page (src/page/conv-nets.ts) in `outdir`, as conv-nets.html, and the wasm binaries beside
 * its bundle, as the root README's esbuild block copies them: esbuild leaves tfjs-wasm-training's
 * `new URL('./<binary>', import.meta.url)` relative to the bundle, so the page needs no wasmPaths.
 */
export async function buildConvNetsPage(outdir: string): Promise<Metafile> {
  await rm(outdir, { recursive: true, force: true });
  const entry = fileURLToPath(new URL('./page/conv-nets.ts', import.meta.url));
  const metafile = await bundleForBrowser({ 'conv-nets': entry }, outdir);
  const binaries = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'])
    await copyFile(join(binaries, name), join(outdir, name));
  await writeFile(join(outdir, 'conv-nets.html'), page('./conv-nets.js'));
  return metafile;
}

/** A reader's shell: without the npm_config_* variables pnpm sets for its scripts (npx warns about each). */
function readerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
}

/** The commands of the README's ```sh block marked `<!-- browser-test:NAME -->`, comments dropped. */
export async function readmeCommands(bundler: Bundler): Promise<string[]> {
  const text = await readFile(rootReadme, 'utf8');
  const block = new RegExp(`<!-- browser-test:${bundler} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(text);
  if (block == null) throw new Error(`README.md: no \`\`\`sh block after <!-- browser-test:${bundler} -->`);
  return block[1]
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

export interface Built {
  /** The folder to serve: the page is its index.html. */
  root: string;
  /** What the commands printed. */
  output: string;
}

/**
 * Builds the test page in `dir` with the README's commands for `bundler`; `keep` chooses which run (all by
 * default: the test leaves out esbuild's copy of the .wasm files to see what a page without them says).
 */
export async function buildFromReadme(
  bundler: Bundler,
  dir: string,
  keep: (command: string) => boolean = () => true,
): Promise<Built> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src'), { recursive: true });
  // The page and the module it imports (report.ts, shared with the conv-nets page).
  const sources = PAGE_MODULES.map((name) => join(app, 'src', 'page', name));
  if (bundler === 'webpack') {
    // Types stripped, nothing bundled: the JavaScript a webpack user would have written.
    await build({ entryPoints: sources, outdir: join(dir, 'src'), format: 'esm', logLevel: 'silent' });
  } else {
    for (const source of sources) await copyFile(source, join(dir, 'src', basename(source)));
  }
  await symlink(join(app, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (bundler === 'vite') await writeFile(join(dir, 'index.html'), page('/src/main.ts'));
  let output = '';
  for (const command of (await readmeCommands(bundler)).filter(keep)) {
    const result = spawnSync('sh', ['-c', command], {
      cwd: dir,
      encoding: 'utf8',
      env: readerEnvironment(),
    });
    output += `$ ${command}\n${result.stdout}${result.stderr}`;
    if (result.status !== 0)
      throw new Error(`README.md's ${bundler} build: \`${command}\` exited ${result.status}\n${output}`);
  }
  const root = join(dir, bundler === 'esbuild' ? 'public' : 'dist');
  if (bundler !== 'vite') await writeFile(join(root, 'index.html'), page('./main.js'));
  return { root, output };
}

// webpack's hints about the size of what it emits (tfjs is large); they name no module's code.
const SIZE_HINTS = /^WARNING in (asset size limit|entrypoint size limit|webpack performance recommendations)/;

/**
 * The warnings in a build's output (esbuild's `▲ [WARNING]`, Vite's and rolldown's `warn`/`(!)`/`[CODE]`
 * lines, webpack's `WARNING in`), each as its first line; webpack's size hints left out.
 */
export function buildWarnings(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /\bwarn(ing)?\b|\(!\)/i.test(line) || /\[[A-Z_]{4,}\]/.test(line))
    .filter((line) => !SIZE_HINTS.test(line) && !/compiled with \d+ warnings?/.test(line));
}
