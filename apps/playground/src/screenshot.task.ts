// `pnpm --filter playground screenshot`: the picture of the playground in the repository's README, taken from
// the built site in headless Chromium after a fixed number of epochs of the default setting (training is
// seeded, so the maps and numbers are the same every time; only fonts and the timing line may differ).
import { chromiumForTests, launchChromium } from '@manifold-mixup/browser-harness';
import { expect, it } from 'vitest';
import { buildAndServe } from './test-support/site.js';
import { openPlayground, shownEpoch, stepEpoch, waitForEpoch } from './test-support/playground-page.js';

const EPOCHS = 300;
const TARGET = new URL('../screenshot.png', import.meta.url);
const { executable } = chromiumForTests('the playground screenshot');

it(`saves the playground after ${EPOCHS} epochs to screenshot.png`, async () => {
  const server = await buildAndServe();
  const browser = await launchChromium(executable);
  try {
    const { page, problems } = await openPlayground(browser, server);
    // Play most of the way, then step to exactly EPOCHS, so the picture does not depend on timing.
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForEpoch(page, EPOCHS - 40);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.evaluate(() => window.__playground?.playing)).toBe(false);
    while ((await shownEpoch(page)) < EPOCHS) await stepEpoch(page);
    expect(await shownEpoch(page)).toBe(EPOCHS);
    // Down to the curves: controls, maps, numbers and curves (the explanation below them is text).
    const curves = await page.locator('.curves').boundingBox();
    if (curves == null) throw new Error('screenshot: the page shows no curves');
    const height = Math.ceil(curves.y + curves.height + 12);
    await page.screenshot({ path: TARGET.pathname, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
    expect(problems).toEqual([]);
    console.log(`screenshot: ${TARGET.pathname}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
