import { chromiumForTests } from '@manifold-mixup/browser-harness';
import { describe, expect, it } from 'vitest';
import { writeAddress, VIEW_DEFAULTS } from './address.js';
import { parseSettings } from './settings-query.js';
import { OUTPUT, useSite } from './test-support/site.js';
import {
  epochs,
  expectStillPlaying,
  mapBands,
  measureFrameRate,
  shownEpoch,
  stepEpoch,
  waitForEpoch,
  waitForNewRun,
} from './test-support/playground-page.js';

// The site as a user gets it: built by Vite, served from this machine, used in headless Chromium through its
// buttons, controls and address. No Chromium: skipped with a message here, a failure in CI (CI=true).
const { executable, skip } = chromiumForTests('the playground browser test');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe.skipIf(skip)('the playground in headless Chromium', () => {
  const open = useSite(executable);

  it('trains both models in a worker on wasm, draws both maps every few epochs and keeps 30 fps', async () => {
    const { page, problems } = await open();
    expect(await page.evaluate(() => window.__playground?.backend)).toMatchObject({ name: 'wasm', threads: 1 });
    const before = await mapBands(page);
    expect(before).toHaveLength(2);

    // What this machine gives an idle page, before and after training, to tell a slow page from a busy machine.
    const idleRates = await measureFrameRate(page, 2);
    // Loaded, it needs no network: everything from here on runs with the browser offline.
    await page.context().setOffline(true);
    // Keyboard: the controls are native buttons, selects, inputs and checkboxes.
    await page.getByRole('button', { name: 'Play' }).press('Space');
    await waitForEpoch(page, 3);
    const epochAtStart = await shownEpoch(page);
    const rates = await measureFrameRate(page, 5);
    const epochAtEnd = await shownEpoch(page);
    await waitForEpoch(page, 60);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.evaluate(() => window.__playground?.playing)).toBe(false);
    // The epoch under way when Pause came still finishes (well under a second); then nothing more.
    await page.waitForTimeout(1000);
    const paused = await shownEpoch(page);
    await page.waitForTimeout(500);
    expect(await shownEpoch(page)).toBe(paused);
    idleRates.push(...(await measureFrameRate(page, 2)));

    const after = await mapBands(page);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    const records = await epochs(page);
    expect(records.map((r) => r.epoch)).toEqual(records.map((_, i) => i));
    // Nothing piles up in tfjs' memory: the same number of tensors after every epoch.
    expect(new Set(records.slice(1).map((r) => r.numTensors)).size).toBe(1);
    expect(records.at(-1)?.models.baseline.train.loss).toBeLessThan(records[0].models.baseline.train.loss);

    const seconds = records.slice(1).map((r) => r.trainSeconds + r.measureSeconds);
    const draws = (await page.evaluate(() => window.__playground?.drawMilliseconds)) ?? [];
    console.log(
      `playground: ${rates.map((r) => r.toFixed(1)).join(', ')} frames per second over 5 s of training ` +
        `(idle page: ${idleRates.map((r) => r.toFixed(1)).join(', ')}) ` +
        `(epochs ${epochAtStart} to ${epochAtEnd}); an epoch of both models with its measurements took ` +
        `${median(seconds).toFixed(3)} s (median; ${Math.min(...seconds).toFixed(3)}-${Math.max(...seconds).toFixed(3)} ` +
        `over ${seconds.length} epochs); a draw of the page took ${median(draws).toFixed(0)} ms (median; ` +
        `${Math.min(...draws).toFixed(0)}-${Math.max(...draws).toFixed(0)} over the last ${draws.length})`,
    );
    expect(epochAtEnd).toBeGreaterThan(epochAtStart);
    // At least 30 frames per second while training (the median of five 1-s counts). The browser tests run
    // alone (`turbo run test:browser --concurrency=1`, after the others): beside the other packages' tests on
    // 2 cores this page got 4-40 frames a second in CI. Only when the machine cannot give even an idle page
    // 40 (another tenant on its cores) does the bar drop, to three quarters of what the idle page gets; no
    // second may freeze below half the bar. The epoch time is reported, not asserted: it is the machine's.
    const required = Math.min(30, 0.75 * median(idleRates));
    expect(median(rates)).toBeGreaterThanOrEqual(required);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(0.5 * required);

    await page.screenshot({ path: `${OUTPUT}playground-trained.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps playing through two changed controls and Reset (the play-state race)', async () => {
    const { page, problems } = await open('data=moons&points=100');
    const run = () => page.evaluate(() => window.__playground?.run ?? 0);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForEpoch(page, 2);
    // Each change restarts both models; the worker used to answer with the old run's number, so the page
    // dropped the answer, showed Play while training went on, and the next change stopped it silently.
    let current = await run();
    await page.getByLabel('batch size').selectOption('16');
    current = await expectStillPlaying(page, current);
    await page.getByLabel('units per hidden layer').selectOption('16');
    current = await expectStillPlaying(page, current);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expectStillPlaying(page, current);
    const before = await shownEpoch(page);
    await waitForEpoch(page, before + 2);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.evaluate(() => window.__playground?.playing)).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('trains the mixup model as the baseline with no place ticked, and α changes only the mixup model', async () => {
    const { page, problems } = await open('data=moons&points=100&seed=3');
    for (const name of ['h1', 'h2', 'h3'])
      await page.getByRole('checkbox', { name: new RegExp(`^${name}:`) }).uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('mix')).toBe('');
    // The network is drawn again on every toggle; the keyboard stays on the checkbox it was on.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('3');
    await waitForNewRun(page);
    for (let i = 0; i < 3; i++) await stepEpoch(page);
    let records = await epochs(page);
    expect(records.map((r) => r.models.mixup.objective)).toEqual(records.map((r) => r.models.baseline.objective));
    expect(records.at(-1)?.models.mixup.test).toEqual(records.at(-1)?.models.baseline.test);

    // Tick h2 back, then try two values of α over the same epochs.
    await page.getByRole('checkbox', { name: /^h2:/ }).check();
    const runWith = async (alpha: string) => {
      await page.getByLabel('α of Beta(α, α)').fill(alpha);
      await page.getByLabel('α of Beta(α, α)').press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('alpha')).toBe(alpha);
      await waitForNewRun(page);
      for (let i = 0; i < 3; i++) await stepEpoch(page);
      records = await epochs(page);
      expect(records).toHaveLength(4);
      return {
        baseline: records.map((r) => r.models.baseline.objective),
        mixup: records.map((r) => r.models.mixup.objective),
      };
    };
    const [weak, strong] = [await runWith('0.2'), await runWith('2')];
    expect(strong.baseline).toEqual(weak.baseline);
    expect(strong.mixup.slice(1)).not.toEqual(weak.mixup.slice(1));
    expect(strong.mixup.slice(1)).not.toEqual(strong.baseline.slice(1));
    await page.screenshot({ path: `${OUTPUT}playground-controls.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads its setting from the address, writes every change back, and repeats a run exactly', async () => {
    const query =
      'data=moons&points=100&noise=0.2&alpha=0.5&mix=0,2&width=32&depth=2&lr=0.003&batch=16&lambda=example&seed=7';
    const { page, problems } = await open(query);
    const value = (label: string) => page.getByLabel(label, { exact: true }).inputValue();
    expect(await value('data set')).toBe('moons');
    expect(await value('training points per class')).toBe('100');
    expect(await value('noise')).toBe('0.2');
    expect(await value('α of Beta(α, α)')).toBe('0.5');
    expect(await value('units per hidden layer')).toBe('32');
    expect(await value('hidden layers')).toBe('2');
    expect(await value('learning rate (Adam)')).toBe('0.003');
    expect(await value('batch size')).toBe('16');
    expect(await value('λ drawn')).toBe('example');
    expect(await value('seed')).toBe('7');
    const ticked = await page
      .locator('input[name="mix"]')
      .evaluateAll((boxes) => boxes.map((b) => `${(b as HTMLInputElement).value}:${(b as HTMLInputElement).checked}`));
    expect(ticked).toEqual(['0:true', '1:false', '2:true']);
    expect(await page.locator('#maps').textContent()).toContain('Manifold mixup (α 0.5; input, h2)');

    for (let i = 0; i < 2; i++) await stepEpoch(page);
    const first = await epochs(page);

    await page.getByLabel('units per hidden layer').selectOption('64');
    await expect.poll(() => new URL(page.url()).searchParams.get('width')).toBe('64');
    const expected = writeAddress({ ...parseSettings(query), width: 64 }, VIEW_DEFAULTS);
    expect(new URL(page.url()).search).toBe(`?${expected}`);

    // The same address again: the same numbers, epoch by epoch (timings aside).
    await page.goto(new URL(`./?${query}`, page.url()).href);
    await waitForEpoch(page, 0);
    for (let i = 0; i < 2; i++) await stepEpoch(page);
    const again = await epochs(page);
    expect(again.map((r) => r.models)).toEqual(first.map((r) => r.models));
    expect(problems).toEqual([]);
    await page.close();
  });
});
