import type { Page } from 'playwright-core';

/**
 * Collects what makes a page test fail however its assertions go: console errors, uncaught page errors,
 * failed requests, HTTP errors, and any request that would leave `origin` (a CDN for the .wasm files,
 * say), which is aborted. Returns the list, filled as the page runs; a test ends with
 * `expect(problems).toEqual([])`.
 */
export async function watchPage(page: Page, origin: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request off this machine: ${url}`);
    return route.abort();
  });
  return problems;
}
