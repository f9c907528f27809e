// `pnpm --filter playground screenshot`: the pictures of the playground in the READMEs, taken from the built site in
// headless Chromium after a fixed number of epochs of the default setting with a mixed batch shown (training is
// seeded, so the maps and numbers are the same every time; only fonts and the timing line may differ): the first
// screenful at 1280 × 800 (screenshot.png) and on a phone, 390 × 844 (screenshot-phone.png).
import { chromiumForTests, launchChromium } from '@manifold-mixup/browser-harness';
import { expect, it } from 'vitest';
import { buildAndServe } from './test-support/site.js';
import { openPlayground, PHONE, shownEpoch, stepEpoch, waitForEpoch } from './test-support/playground-page.js';

const EPOCHS = 300;
const QUERY = 'pairs=1';
const SHOTS = [
  { file: '../screenshot.png', viewport: { width: 1280, height: 800 } },
  { file: '../screenshot-phone.png', viewport: PHONE },
];
const { executable } = chromiumForTests('the playground screenshot');

it(`saves the playground after ${EPOCHS} epochs to screenshot.png and screenshot-phone.png`, async () => {
  const server = await buildAndServe();
  const browser = await launchChromium(executable);
  try {
    for (const shot of SHOTS) {
      const { page, problems } = await openPlayground(browser, server, QUERY, shot.viewport);
      // Play most of the way, then step to exactly EPOCHS, so the picture does not depend on timing.
      await page.getByRole('button', { name: 'Play' }).click();
      await waitForEpoch(page, EPOCHS - 40);
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => page.evaluate(() => window.__playground?.playing)).toBe(false);
      while ((await shownEpoch(page)) < EPOCHS) await stepEpoch(page);
      expect(await shownEpoch(page)).toBe(EPOCHS);
      // No tooltip or hover state in the picture.
      await page.mouse.move(0, 0);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.waitForTimeout(300);
      const path = new URL(shot.file, import.meta.url).pathname;
      await page.screenshot({ path });
      expect(problems).toEqual([]);
      console.log(`screenshot: ${path}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
