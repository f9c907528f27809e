import { chromium, type Browser } from 'playwright-core';
import { findChromium, NO_CHROMIUM } from './find-chromium.js';

// Headless in a container: no sandbox (root), no GPU, nothing fetched in the background.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];

export interface ChromiumForTests {
  /** The executable, or null when the machine has none. */
  executable: string | null;
  /** True when the tests should be skipped: no Chromium outside CI (under CI=true a missing one fails instead). */
  skip: boolean;
}

/** Finds the machine's Chromium for a browser test and prints why the test is skipped when it is. */
export function chromiumForTests(
  testName: string,
  env: Record<string, string | undefined> = process.env,
): ChromiumForTests {
  const executable = findChromium(env);
  const skip = executable == null && env.CI !== 'true';
  if (skip) console.log(`SKIPPED ${testName}: ${NO_CHROMIUM}`);
  return { executable, skip };
}

/** Launches headless Chromium; with no executable (only reached under CI=true) fails, saying how to get one. */
export function launchChromium(executable: string | null): Promise<Browser> {
  if (executable == null) throw new Error(`CI=true: ${NO_CHROMIUM}`);
  return chromium.launch({ executablePath: executable, headless: true, args: FLAGS });
}
