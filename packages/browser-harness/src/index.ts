export { chromiumForTests, launchChromium, type ChromiumForTests } from './chromium.js';
export { CHROMIUM_VARIABLE, findChromium, NO_CHROMIUM } from './find-chromium.js';
export { serveStatic, type StaticServer } from './serve.js';
export { watchPage } from './watch-page.js';
