import { chromiumForTests } from '@manifold-mixup/browser-harness';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTPUT, useSite } from './test-support/site.js';
import {
  epochs,
  markerCount,
  measureFrameRate,
  PHONE,
  runNumber,
  shownEpoch,
  stepEpoch,
  svgTextSizes,
  waitForEpoch,
  waitForRunAfter,
} from './test-support/playground-page.js';

// What issue 24 added, used as a visitor would in headless Chromium: the hidden space, the mixing itself, a
// phone, a long run, refused input, and what TensorFlow Playground's users ask for. No Chromium: skipped with a
// message here, a failure in CI (CI=true).
const { executable, skip } = chromiumForTests('the playground browser test (manifold)');

const hidden = (page: Page) => page.evaluate(() => window.__playground?.hidden);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe.skipIf(skip)('the playground shows the manifold', () => {
  const open = useSite(executable);

  it('draws each model’s hidden layer live: a bottleneck’s codes as they are, a wider layer projected', async () => {
    const { page, problems } = await open('data=moons&points=100&bottleneck=1&seed=2');
    await page.waitForFunction(() => window.__playground?.hidden != null);
    const first = await hidden(page);
    expect(first).toMatchObject({ place: 3, cols: 2, fittedAt: { baseline: null, mixup: null } });
    for (const id of ['hidden-baseline', 'hidden-mixup'])
      await expect.poll(() => markerCount(page, `#${id} g.points`)).toBe(200);
    await expect.poll(() => page.locator('#hidden-caption').textContent()).toContain('The 2-unit bottleneck h3');
    const marks = () =>
      page.locator('#hidden-mixup g.points path').evaluateAll((m) => m.map((p) => p.getAttribute('d')));
    const before = await marks();
    for (let i = 0; i < 3; i++) await stepEpoch(page);
    expect(await marks()).not.toEqual(before);

    // Another layer: the worker answers with it, projected, without restarting the run.
    const run = await runNumber(page);
    await page.getByLabel('layer', { exact: true }).selectOption('2');
    await expect.poll(async () => (await hidden(page))?.place).toBe(2);
    expect(await hidden(page)).toMatchObject({ cols: 64, fittedAt: { baseline: 3, mixup: 3 } });
    expect(await runNumber(page)).toBe(run);
    expect(new URL(page.url()).searchParams.get('layer')).toBe('2');
    await expect.poll(() => page.locator('#hidden-caption').textContent()).toContain('Fitted at epoch 3 and kept');
    await stepEpoch(page);
    expect((await hidden(page))?.fittedAt).toEqual({ baseline: 3, mixup: 3 });
    await page.getByRole('button', { name: 'refit view' }).click();
    await expect.poll(async () => (await hidden(page))?.fittedAt).toEqual({ baseline: 4, mixup: 4 });
    await page.screenshot({ path: `${OUTPUT}playground-hidden.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('overlays a mixed batch (pairs and blends at λ) in input space and in the hidden panel, and counts draws', async () => {
    const { page, problems } = await open('data=moons&points=100&mix=0,2&batch=16');
    await stepEpoch(page);
    await page.getByLabel('show a mixed batch').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('pairs')).toBe('1');
    const report = await hidden(page);
    const batch = report?.batch;
    if (batch == null) throw new Error('no mixed batch after an epoch');
    const pairs = [...batch.partner].slice(0, 16).filter((j, i) => j !== i).length;
    expect(pairs).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#maps g.overlay g.mixed-batch line').count()).toBe(pairs);
    expect(await page.locator('#maps g.overlay g.mixed-batch path.blend').count()).toBe(pairs);
    expect(await page.locator('#hidden-mixup g.mixed-batch line').count()).toBe(pairs);
    expect(await page.locator('#hidden-baseline g.mixed-batch').count()).toBe(0);
    // Only on the mixup model's map (the last panel).
    expect(await page.locator('#maps g.panel').first().locator('g.mixed-batch').count()).toBe(0);
    expect(await page.locator('#batch-caption').textContent()).toMatch(/mixed (here, at h2|at input).*λ = 0\.\d\d/);
    // The blend of the first pair sits at λ along its segment.
    const [line] = await page
      .locator('#maps g.mixed-batch line')
      .evaluateAll((ls) => ls.map((l) => ['x1', 'y1', 'x2', 'y2'].map((k) => Number(l.getAttribute(k)))));
    const first = [...batch.partner].findIndex((j, i) => j !== i);
    const blend = await page.locator('#maps g.mixed-batch path.blend').first().getAttribute('transform');
    const [bx] = (blend ?? '').match(/-?[\d.]+/g)?.map(Number) ?? [];
    const lambda = batch.lambda[first];
    expect(bx).toBeCloseTo(lambda * line[0] + (1 - lambda) * line[2], 0);
    // How often each ticked place was drawn: one per batch, over the epoch's 13 batches.
    const draws = (await epochs(page)).at(-1)?.draws ?? [];
    expect(draws[0] + draws[2]).toBe(13);
    expect(draws[1]).toBe(0);
    expect(await page.locator('#draws').textContent()).toBe(
      `Epoch 1 drew input ${draws[0]}×, h2 ${draws[2]}× (of 13 batches).`,
    );
    await page.getByLabel('show a mixed batch').uncheck();
    await expect.poll(() => page.locator('g.mixed-batch').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a phone: maps first at full width, then the hidden space, the controls below; no SVG text under 11 px', async () => {
    const { page, problems } = await open('pairs=1&test=1', PHONE);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForEpoch(page, 5);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForTimeout(500);
    const box = async (selector: string) => {
      const b = await page.locator(selector).first().boundingBox();
      if (b == null) throw new Error(`phone: ${selector} is not shown`);
      return b;
    };
    const [maps, hiddenSpace, controls] = [await box('#maps'), await box('.hidden-space'), await box('#controls')];
    expect(maps.y).toBeLessThan(hiddenSpace.y);
    expect(hiddenSpace.y).toBeLessThan(controls.y);
    expect(maps.y).toBeLessThan(PHONE.height * 0.6);
    // Two maps stacked, each as wide as the column allows.
    const figures = await page.locator('#maps svg').evaluateAll((s) => s.map((e) => e.getBoundingClientRect().width));
    expect(figures).toHaveLength(2);
    for (const width of figures) expect(width).toBeGreaterThan(PHONE.width - 80);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const sizes = await svgTextSizes(page);
    expect(sizes.length).toBeGreaterThan(20);
    expect(sizes.filter((s) => s.size < 10.99)).toEqual([]);
    await page.screenshot({ path: `${OUTPUT}playground-phone.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says what it refused: address values, typed values (aria-invalid); mix=abc keeps the default', async () => {
    const { page, problems } = await open('mix=abc&alpha=-1&colour=red');
    const notice = page.locator('#notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    const said = (await notice.textContent()) ?? '';
    for (const part of ['mix=abc', 'using 1,2,3', 'alpha=-1', 'colour=red']) expect(said).toContain(part);
    const ticked = await page
      .locator('input[name="mix"]')
      .evaluateAll((b) => b.map((x) => (x as HTMLInputElement).checked));
    expect(ticked).toEqual([false, true, true, true]);
    const alpha = page.getByLabel('α of Beta(α, α)');
    await alpha.fill('0');
    await alpha.press('Enter');
    expect(await alpha.getAttribute('aria-invalid')).toBe('true');
    expect(await notice.textContent()).toContain('α of Beta(α, α) must be a number from 0.05 to 10; still 1');
    expect(await page.locator('#announce').textContent()).toContain('Refused');
    expect(new URL(page.url()).searchParams.get('alpha')).toBe('1');
    await alpha.fill('2');
    await alpha.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('alpha')).toBe('2');
    expect(await alpha.getAttribute('aria-invalid')).toBe('false');
    // The Beta(2, 2) density is highest in the middle.
    expect(await page.locator('svg.beta').getAttribute('aria-label')).toContain('mostly near ½');
    // The live region says play and pause, never epoch numbers.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.locator('#announce').textContent()).toBe('Playing');
    await waitForEpoch(page, 3);
    expect(await page.locator('#announce').textContent()).toBe('Playing');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.locator('#announce').textContent()).toBe('Paused');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has TensorFlow Playground’s test points, discretized output, activations, L2, dropout, unit maps, Back and clicks', async () => {
    const { page, problems } = await open('data=xor&points=50&ratio=80&width=8&depth=2');
    const test = await page.evaluate(() => window.__playground?.test?.labels.length);
    expect(test).toBe(2 * Math.round((50 * 20) / 80));
    await page.getByLabel('test points').check();
    await expect.poll(() => markerCount(page, '#maps g.test-points')).toBe(2 * (test ?? 0)); // on both maps
    await page.getByLabel('discretize output').check();
    // Two bands split at 0.5 (one, where a model predicts one class everywhere) instead of ten.
    await expect
      .poll(() => page.locator('#maps g.panel').first().locator('g.bands path').count())
      .toBeLessThanOrEqual(2);

    // Hidden units: pointing at one shows its activation over the map, for both models.
    await page.locator('.network circle.unit').first().hover();
    await expect.poll(() => page.locator('.unit-view.active').count()).toBe(1);
    expect(await page.locator('.unit-caption').textContent()).toMatch(/^Unit 1 of h1 after epoch 0/);

    // A setting, then a click that adds a point: each is an entry of the history, and Back undoes them.
    let run = await runNumber(page);
    await page.getByLabel('activation').selectOption('tanh');
    await waitForRunAfter(page, run);
    run = await runNumber(page);
    const points = await page.evaluate(() => window.__playground?.points?.labels.length ?? 0);
    await page.getByLabel('a click on a map adds').selectOption('1');
    const panel = await page.locator('#maps g.panel > rect[fill="none"]').first().boundingBox();
    if (panel == null) throw new Error('no map to click');
    await page.mouse.click(panel.x + panel.width * 0.25, panel.y + panel.height * 0.25);
    await waitForRunAfter(page, run);
    expect(await page.evaluate(() => window.__playground?.points?.labels.length)).toBe(points + 1);
    expect(await page.evaluate(() => window.__playground?.points?.labels.at(-1))).toBe(1);
    expect(new URL(page.url()).searchParams.get('add')).toMatch(/^-?[\d.]+:-?[\d.]+:1$/);
    run = await runNumber(page);
    await page.goBack();
    await waitForRunAfter(page, run);
    expect(new URL(page.url()).searchParams.get('add')).toBeNull();
    expect(new URL(page.url()).searchParams.get('act')).toBe('tanh');
    run = await runNumber(page);
    await page.goBack();
    await waitForRunAfter(page, run);
    expect(await page.getByLabel('activation').inputValue()).toBe('relu');

    // The paper's regularised baselines: L2 and dropout go to the baseline only.
    run = await runNumber(page);
    await page.getByLabel('L2 weight decay').selectOption('0.001');
    await waitForRunAfter(page, run);
    run = await runNumber(page);
    await page.getByLabel('dropout', { exact: true }).selectOption('0.2');
    await waitForRunAfter(page, run);
    await expect.poll(() => page.locator('#maps').textContent()).toContain('Baseline (L2 0.001, dropout 0.2)');
    await stepEpoch(page);
    const [record] = (await epochs(page)).slice(-1);
    expect(record.models.baseline.objective).not.toBe(record.models.mixup.objective);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pauses while the tab is hidden, stops at the epoch asked, and keeps its frame rate at epoch 5,000', async () => {
    // Small and fast (one batch an epoch), so 5,000 epochs take well under a minute or two.
    const { page, problems } = await open('data=moons&points=50&width=8&depth=1&batch=128&mix=1&pairs=1');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForEpoch(page, 3);
    const setVisibility = (state: string) =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { value, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await expect.poll(() => page.evaluate(() => window.__playground?.playing)).toBe(false);
    await page.waitForTimeout(400);
    const hiddenAt = await page.evaluate(() => window.__playground?.latest?.epoch ?? 0);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => window.__playground?.latest?.epoch)).toBe(hiddenAt);
    await setVisibility('visible');
    await expect.poll(() => page.evaluate(() => window.__playground?.playing)).toBe(true);

    await waitForEpoch(page, 5000, 600_000);
    const epochAtStart = await shownEpoch(page);
    const rates = await measureFrameRate(page, 5);
    const epochAtEnd = await shownEpoch(page);
    const draws = (await page.evaluate(() => window.__playground?.drawMilliseconds)) ?? [];
    const curvePoints = await page
      .locator('#loss path')
      .evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').split('L').length));
    console.log(
      `playground at epoch ${epochAtStart}-${epochAtEnd}: ${rates.map((r) => r.toFixed(1)).join(', ')} frames per ` +
        `second (median ${median(rates).toFixed(1)}; a shared 2-core machine: noisy), a draw took ` +
        `${median(draws).toFixed(0)} ms (median of ${draws.length}); curves of ${Math.max(...curvePoints)} points at most`,
    );
    expect(epochAtEnd).toBeGreaterThan(epochAtStart);
    expect(Math.max(...curvePoints)).toBeLessThanOrEqual(501);

    // The epoch cap: playing stops exactly there.
    const stopAt = (await page.evaluate(() => window.__playground?.latest?.epoch ?? 0)) + 300;
    await page.getByLabel('stop at epoch').fill(String(stopAt));
    await page.getByLabel('stop at epoch').press('Enter');
    await expect.poll(() => page.evaluate(() => window.__playground?.playing), { timeout: 60_000 }).toBe(false);
    expect(await page.evaluate(() => window.__playground?.latest?.epoch)).toBe(stopAt);
    expect(new URL(page.url()).searchParams.get('stop')).toBe(String(stopAt));
    expect(problems).toEqual([]);
    await page.close();
  }, 900_000);
});
