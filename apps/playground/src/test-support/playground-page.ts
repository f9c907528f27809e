// Drives the playground as a user would (buttons, controls, the address), and reads what the page shows and
// what window.__playground (the page's RunHistory) holds.
import type { Browser, Page } from 'playwright-core';
import { watchPage, type StaticServer } from '@manifold-mixup/browser-harness';
import type { EpochRecord } from '../run-history.js';

export interface OpenPage {
  page: Page;
  /** Console errors, failed or off-machine requests (see watchPage): expected to stay empty. */
  problems: string[];
}

export const DESKTOP = { width: 1280, height: 1000 };
/** A phone's viewport (an iPhone 12-14's CSS pixels). */
export const PHONE = { width: 390, height: 844 };

export async function openPlayground(
  browser: Browser,
  server: StaticServer,
  query = '',
  viewport = DESKTOP,
): Promise<OpenPage> {
  const page = await browser.newPage({ viewport });
  const problems = await watchPage(page, new URL(server.url).origin);
  await page.goto(new URL(query === '' ? './' : `./?${query}`, server.url).href);
  await waitForEpoch(page, 0);
  return { page, problems };
}

/** Waits until the page has drawn epoch `epoch` or a later one (the status line's data-epoch). */
export async function waitForEpoch(page: Page, epoch: number, timeout = 120_000): Promise<number> {
  const drawn = (e: number) => {
    const shown = document.getElementById('status')?.dataset.epoch;
    return shown != null && shown !== '' && Number(shown) >= e;
  };
  await page.waitForFunction(drawn, epoch, { timeout, polling: 50 });
  return shownEpoch(page);
}

/** Waits until a new run (after a reset or a changed setting) has drawn its epoch 0. */
export async function waitForNewRun(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('status')?.dataset.epoch === '0', null, { polling: 20 });
}

export async function shownEpoch(page: Page): Promise<number> {
  return Number(await page.locator('#status').getAttribute('data-epoch'));
}

export function epochs(page: Page): Promise<EpochRecord[]> {
  return page.evaluate(() => window.__playground?.epochs ?? []);
}

/** Runs exactly one more epoch with the step button and waits until it is drawn. */
export async function stepEpoch(page: Page): Promise<number> {
  const before = await shownEpoch(page);
  await page.getByRole('button', { name: 'Step one epoch' }).click();
  return waitForEpoch(page, before + 1);
}

/**
 * After a change made while playing: waits until a newer run than `run` has drawn epoch `epochs` or later, then
 * checks that the button still says Pause (pressed). Returns the new run's number.
 */
export async function expectStillPlaying(page: Page, run: number, epochs = 2): Promise<number> {
  await page.waitForFunction(
    ([previous, target]) => {
      const h = window.__playground;
      const shown = Number(document.getElementById('status')?.dataset.epoch);
      return h != null && h.run > previous && (h.latest?.epoch ?? -1) >= target && shown >= target;
    },
    [run, epochs] as const,
    { polling: 50, timeout: 120_000 },
  );
  const button = page.locator('#play');
  if ((await button.textContent()) !== 'Pause' || (await button.getAttribute('aria-pressed')) !== 'true')
    throw new Error(`expectStillPlaying: the play button reads "${await button.textContent()}" after the change`);
  return page.evaluate(() => window.__playground?.run ?? 0);
}

/** The filled contour bands of each map, as drawn (one string per panel: baseline, mixup). */
export function mapBands(page: Page): Promise<string[]> {
  return page.locator('#maps g.panel g.bands').evaluateAll((groups) => groups.map((g) => g.innerHTML));
}

/** Frames per second, one value per whole second for `seconds` seconds, counted with requestAnimationFrame. */
export function measureFrameRate(page: Page, seconds: number): Promise<number[]> {
  return page.evaluate(
    (count) =>
      new Promise<number[]>((resolve) => {
        const rates: number[] = [];
        let frames = 0;
        let windowStart = performance.now();
        const tick = (now: number) => {
          frames += 1;
          if (now - windowStart >= 1000) {
            rates.push((1000 * frames) / (now - windowStart));
            frames = 0;
            windowStart = now;
          }
          if (rates.length < count) requestAnimationFrame(tick);
          else resolve(rates);
        };
        requestAnimationFrame(tick);
      }),
    seconds,
  );
}

/** The run number, bumped by every reset (a changed setting, Reset, an added point, Back). */
export function runNumber(page: Page): Promise<number> {
  return page.evaluate(() => window.__playground?.run ?? 0);
}

/** Waits until a newer run than `run` has drawn its epoch 0 (and its hidden panels). */
export async function waitForRunAfter(page: Page, run: number): Promise<void> {
  await page.waitForFunction(
    (previous) => {
      const h = window.__playground;
      return h != null && h.run > previous && h.latest != null && h.hidden != null && h.points != null;
    },
    run,
    { polling: 50, timeout: 120_000 },
  );
}

/** Each SVG text's rendered font size in CSS pixels (its computed size times its SVG's scale), with its text. */
export function svgTextSizes(page: Page): Promise<Array<{ size: number; text: string }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg text')].flatMap((node) => {
      const text = node as SVGTextElement;
      const matrix = text.getScreenCTM();
      if (matrix == null || text.getClientRects().length === 0) return []; // not rendered
      const scale = Math.hypot(matrix.a, matrix.b);
      return [{ size: parseFloat(getComputedStyle(text).fontSize) * scale, text: text.textContent ?? '' }];
    }),
  );
}

/** Markers drawn by the paths under `selector` (a class's markers share one path, one "M" each). */
export function markerCount(page: Page, selector: string): Promise<number> {
  return page
    .locator(`${selector} path`)
    .evaluateAll((paths) => paths.reduce((sum, p) => sum + ((p.getAttribute('d') ?? '').match(/M/g)?.length ?? 0), 0));
}
