// svg-to-png.ts for browsers (package.json's `browser` field): resvg-js is a native Node addon.
import type * as Node from './svg-to-png.js';

export const svgToPng: typeof Node.svgToPng = () => {
  throw new Error(
    'svgToPng: renders with @resvg/resvg-js, a native Node addon: in a browser, draw the SVG on a canvas ' +
      '(an <img> of it, then canvas.toBlob) instead',
  );
};
