import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  chromiumForTests,
  launchChromium,
  serveStatic,
  watchPage,
  type StaticServer,
} from '@manifold-mixup/browser-harness';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConvNetsPage, buildFromReadme, buildWarnings, type Built } from './bundle.js';
import type { ConvNetsResult } from './page/conv-nets.js';
import type { PageResult } from './page/main.js';

// The real thing: the packages bundled for a browser as the root README says (esbuild, Vite, webpack), and
// the conv-nets page with esbuild, served from this machine, trained and drawn in headless Chromium on wasm,
// with no wasmPaths anywhere. No Chromium: skipped with a message here, a failure in CI (CI=true).
const { executable, skip } = chromiumForTests('the browser test');

const output = fileURLToPath(new URL('../output/', import.meta.url));

interface Run<Result = PageResult> {
  page: Page;
  result: Result;
  /** Console errors, page errors, failed or refused requests: each a failure of the test. */
  problems: string[];
}

describe.skipIf(skip)('in headless Chromium', () => {
  let browser: Browser | undefined;
  const servers: Partial<Record<'esbuild' | 'vite' | 'webpack' | 'noWasm' | 'convNets', StaticServer>> = {};
  const builds: Partial<Record<'esbuild' | 'vite' | 'webpack', Built>> = {};
  let first: Run;

  beforeAll(async () => {
    await mkdir(output, { recursive: true });
    builds.esbuild = await buildFromReadme('esbuild', `${output}esbuild-app`);
    builds.vite = await buildFromReadme('vite', `${output}vite-app`);
    builds.webpack = await buildFromReadme('webpack', `${output}webpack-app`);
    // The esbuild build without the README's copy of the .wasm files: what does a page without them say?
    const noWasm = await buildFromReadme(
      'esbuild',
      `${output}esbuild-no-wasm`,
      (command) => !command.startsWith('cp '),
    );
    servers.esbuild = await serveStatic(builds.esbuild.root);
    servers.vite = await serveStatic(builds.vite.root);
    servers.webpack = await serveStatic(builds.webpack.root);
    servers.noWasm = await serveStatic(noWasm.root);
    const convNets = `${output}conv-nets`;
    await buildConvNetsPage(convNets);
    servers.convNets = await serveStatic(convNets);
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of Object.values(servers)) await server.close();
    await rm(`${output}esbuild-no-wasm`, { recursive: true, force: true });
  });

  async function open(
    server: StaticServer | undefined,
    path: string,
    ready: () => boolean,
  ): Promise<{ page: Page; problems: string[] }> {
    if (browser == null || server == null) throw new Error('browser test: no browser or server (see beforeAll)');
    const page = await browser.newPage({ viewport: { width: 1000, height: 720 } });
    // Nothing but this machine's server: a request elsewhere (a CDN for the .wasm files) is a failure.
    const problems = await watchPage(page, new URL(server.url).origin);
    await page.goto(new URL(path, server.url).href);
    await page.waitForFunction(ready, null, { timeout: 150_000, polling: 250 });
    return { page, problems };
  }

  async function run<Result = PageResult>(server: StaticServer | undefined, path: string): Promise<Run<Result>> {
    const { page, problems } = await open(server, path, () => window.__result != null || window.__failure != null);
    expect(await page.evaluate(() => window.__failure), `${path} failed`).toBeUndefined();
    return { page, result: (await page.evaluate(() => window.__result)) as Result, problems };
  }

  it('builds from the README with esbuild, Vite and webpack, with no warnings', () => {
    for (const built of [builds.esbuild, builds.vite, builds.webpack]) {
      expect(built?.output).toBeDefined();
      expect(buildWarnings(built?.output ?? '')).toEqual([]);
    }
    // Vite and webpack emitted the three binaries they found through new URL(…, import.meta.url).
    expect(builds.vite?.output).toMatch(/assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm/);
    expect(builds.webpack?.output).toMatch(/\[from: [^\]]*tfjs-backend-wasm-simd\.wasm\]/);
  });

  it('trains two spirals with manifold mixup on wasm, measures and draws the confidence map', async () => {
    first = await run(servers.esbuild, './');
    const { page, result, problems } = first;

    // In a page: wasm first ('auto' has no tfjs-node to try), single-threaded without cross-origin isolation.
    expect(result.tensorflowRefusal).toMatch(/tensorflow \(Node only/);
    expect(result.threadsRefusal).toMatch(/^initBackend options.threads: 2 threads need a cross-origin-isolated page/);
    expect(result.backend).toMatchObject({ name: 'wasm', requested: 'auto', threads: 1, simd: true });
    expect(result.backend.skipped).toBeUndefined();
    expect(result.backend.accelerations).toEqual(['fast-matmul', 'heap-kernels', 'simd-gemm', 'fused-adam']);
    expect(result.analysisWasmKernels).toBe(true);

    // Training progressed: every epoch ran, the loss fell, the model beats chance clearly.
    const losses = result.epochs.map((e) => e.loss);
    expect(result.epochs.map((e) => e.epoch)).toEqual(losses.map((_, i) => i + 1));
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]).toBeLessThan(0.8 * losses[0]);
    expect(result.accuracy).toBeGreaterThan(0.7);
    expect(result.lowConfidenceFraction).toBeGreaterThan(0);
    expect(result.spectrumClasses).toBe(2);
    // toLayersModel() → save('indexeddb://…') → loadLayersModel gives predict's probabilities.
    expect(result.exportMaxDifference).toBeLessThan(1e-6);
    // tfjs-wasm-training alone: a plain tf.sequential trained by model.fit with fusedAdam learns too.
    expect(result.plainLosses).toHaveLength(5);
    expect(result.plainLosses[4]).toBeLessThan(0.9 * result.plainLosses[0]);
    // fit as a tfjs user calls it: tensors, validationSplit and earlyStopping give a tf.History.
    expect(result.tfjsFit).toEqual({ keys: ['acc', 'loss', 'val_acc', 'val_loss'], epochs: 3 });

    // Node-only functions refuse with errors that say why, rather than breaking the bundle.
    expect(result.nodeOnly.save).toMatch(/browsers have no file system/);
    expect(result.nodeOnly.loadMnist).toMatch(/^loadMnist: reads the MNIST IDX files from disk/);
    expect(result.nodeOnly.svgToPng).toMatch(/^svgToPng: renders with @resvg\/resvg-js, a native Node addon/);
    expect(result.nodeOnly.gzip).toMatch(/^parseIdx: gzipped IDX data needs node:zlib/);

    // The figure is in the page, drawn by viz in the page's document: contour bands, points, colour bar.
    const figure = page.locator('#figure > svg');
    await expect.poll(() => figure.count()).toBe(1);
    expect(await figure.locator('title').first().textContent()).toBe('Two spirals: P(class 1), trained in the page');
    expect(await figure.locator('path').count()).toBeGreaterThan(20);
    expect(result.svgLength).toBeGreaterThan(10_000);
    expect((await figure.boundingBox())?.width).toBeGreaterThan(300);

    await figure.screenshot({ path: `${output}spirals-chromium.png` });
    console.log(
      `browser test: ${result.epochs.length} epochs, loss ${losses[0].toFixed(3)} -> ${losses.at(-1)?.toFixed(3)}, ` +
        `accuracy ${result.accuracy.toFixed(3)}; screenshot ${output}spirals-chromium.png`,
    );
    expect(problems).toEqual([]);
  });

  it('trains on 2 threads on a cross-origin-isolated page, to the same losses', async () => {
    // The same page served with COOP/COEP: SharedArrayBuffer, tfjs' threaded build, our heap kernels
    // on shared memory (their helper threads stay Node-only). 10 epochs of the same schedule.
    const { result, problems } = await run(servers.esbuild, './isolated/?threads=2&epochs=10');
    expect(result.backend).toMatchObject({ name: 'wasm', threads: 2, simd: true });
    // Our GEMM has no threads in a page, so XNNPACK on two keeps the products.
    expect(result.backend.accelerations).toEqual(['fast-matmul', 'heap-kernels', 'fused-adam', 'threads']);
    // XNNPACK splits outputs, not sums, and our kernels split rows: bit-identical to 1 thread.
    expect(result.epochs.map((e) => e.loss)).toEqual(first.result.epochs.slice(0, 10).map((e) => e.loss));
    expect(result.plainLosses).toEqual(first.result.plainLosses);
    expect(problems).toEqual([]);
  });

  it("trains mixup-core README's conv net and residual net with manifold mixup, and exports the residual net", async () => {
    const { result, problems } = await run<ConvNetsResult>(servers.convNets, './conv-nets.html');
    // The README's choice of backend: wasm (the default here) once it has the conv training kernels.
    if (result.cpuReason !== '') console.log(`browser test: the conv nets trained on cpu: ${result.cpuReason}`);
    expect(result.backend).toBe(result.cpuReason === '' ? 'wasm' : 'cpu');
    // Losses against mixed targets level off well above 0 and vary from epoch to epoch: the last
    // epoch's against the first batch's, at the initial weights.
    for (const [name, { firstBatchLoss, losses }] of Object.entries({
      convnet: result.convnet,
      resnet: result.resnet,
    })) {
      expect(losses.every(Number.isFinite), name).toBe(true);
      expect(losses[losses.length - 1], name).toBeLessThan(firstBatchLoss);
    }
    // The convnet (dropout 0.5, 5 batches an epoch) shows it by its accuracy on new images (chance: 1/3)...
    expect(result.convnet.accuracy).toBeGreaterThan(0.6);
    // ...the residual net by its loss: after 30 steps its BatchNorm layers' moving averages (momentum
    // 0.99), which inference uses, are still mostly their initial values.
    expect(result.resnet.losses[result.resnet.losses.length - 1]).toBeLessThan(0.75 * result.resnet.firstBatchLoss);
    // fromLayersModel -> fit -> toLayersModel -> save('indexeddb://...') -> loadLayersModel: the same probabilities.
    expect(result.resnet.exportMaxDifference).toBeLessThan(1e-6);
    console.log(
      `browser test: conv nets on ${result.backend}, accuracy ${result.convnet.accuracy.toFixed(3)} (convnet), ` +
        `${result.resnet.accuracy.toFixed(3)} (resnet)`,
    );
    expect(problems).toEqual([]);
  });

  it.each(['vite', 'webpack'] as const)(
    'trains on wasm when %s built the page, the binaries where it put them',
    async (bundler) => {
      const { result, problems } = await run(servers[bundler], './?epochs=3');
      expect(result.backend).toMatchObject({ name: 'wasm', requested: 'auto', threads: 1, simd: true });
      expect(result.backend.skipped).toBeUndefined();
      expect(result.epochs.map((e) => e.loss)).toEqual(first.result.epochs.slice(0, 3).map((e) => e.loss));
      expect(problems).toEqual([]);
    },
  );

  it('names the .wasm files it could not fetch in skipped, and falls back to cpu', async () => {
    const { page, problems } = await open(servers.noWasm, './?backend-only', () => window.__backend != null);
    const backend = await page.evaluate(() => window.__backend);
    expect(backend?.name).toBe('cpu');
    const origin = new URL(servers.noWasm?.url ?? '').origin.replace(/[.]/g, '\\.');
    expect(backend?.skipped).toEqual([
      {
        name: 'wasm',
        reason: expect.stringMatching(
          new RegExp(`^the wasm binaries: cannot fetch ${origin}/tfjs-backend-wasm\\.wasm \\(404[^)]*\\), `),
        ),
      },
    ]);
    expect(problems.some((p) => p.includes('404') && p.endsWith('tfjs-backend-wasm-simd.wasm'))).toBe(true);
  });
});
