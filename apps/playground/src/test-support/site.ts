import { fileURLToPath } from 'node:url';
import { launchChromium, serveStatic, type StaticServer } from '@manifold-mixup/browser-harness';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { DESKTOP, openPlayground, type OpenPage } from './playground-page.js';

type Viewport = typeof DESKTOP;

const APP = fileURLToPath(new URL('../../', import.meta.url));
/** Where the browser test and the screenshot command put the site they build and what they save (git-ignored). */
export const OUTPUT = `${APP}output/`;

/** Builds the site as `vite build` does (base /) into output/site and serves it on 127.0.0.1. */
export async function buildAndServe(): Promise<StaticServer> {
  const outDir = `${OUTPUT}site`;
  await build({ root: APP, base: '/', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return serveStatic(outDir);
}

/**
 * For a describe block: builds and serves the site and starts Chromium before its tests, closes both after, and
 * returns how to open the playground (at a query, in a viewport).
 */
export function useSite(executable: string | null): (query?: string, viewport?: Viewport) => Promise<OpenPage> {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await buildAndServe();
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return (query = '', viewport = DESKTOP) => {
    if (browser == null || server == null) throw new Error('useSite: no browser or server (see beforeAll)');
    return openPlayground(browser, server, query, viewport);
  };
}
