import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// The test page is built as a reader of the root README's "In a browser" section builds theirs: an app folder
// with src/main.ts (the page; src/main.js for webpack, which reads JavaScript) and its node_modules (this
// app's), where the commands of the README's block for that bundler run as printed. Nothing tells the page
// where the .wasm files are.

export type Bundler = 'esbuild' | 'vite' | 'webpack';

const app = fileURLToPath(new URL('..', import.meta.url));
const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));

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

/** A reader's shell: without the npm_config_* variables pnpm sets for its scripts (npx warns about each). */
function readerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
}

/** The commands of the README's ```sh block marked `<!-- browser-test:NAME -->`, comments dropped. */
export async function readmeCommands(bundler: Bundler): Promise<string[]> {
  const text = await readFile(readme, 'utf8');
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
  const main = join(app, 'src', 'page', 'main.ts');
  if (bundler === 'webpack') {
    // Types stripped, nothing bundled: the JavaScript a webpack user would have written.
    await build({ entryPoints: [main], outfile: join(dir, 'src', 'main.js'), format: 'esm', logLevel: 'silent' });
  } else {
    await copyFile(main, join(dir, 'src', 'main.ts'));
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
