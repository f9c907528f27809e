// PNG through resvg with the DejaVu fonts this package depends on (no system fonts), so PNGs match on every machine.
import { describeFound, numberError, rangeError, typeError } from '@manifold-mixup/errors';
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) =>
    join(dir, f),
  );
}

/** Renders an SVG string to PNG bytes; `width` in px (default: the SVG's own width), height keeps the aspect ratio. */
export function svgToPng(svg: string, options: { width?: number } = {}): Uint8Array {
  const requirement = 'must be an SVG document string';
  if (typeof svg !== 'string') throw typeError('svgToPng', 'svg', requirement, describeFound(svg));
  if (!svg.includes('<svg'))
    throw rangeError('svgToPng', 'svg', requirement, `a string starting ${JSON.stringify(svg.slice(0, 20))}`);
  const width = options.width;
  if (width !== undefined && !(Number.isInteger(width) && width > 0 && width <= 16384))
    throw numberError('svgToPng', 'options.width', 'must be an integer in 1..16384', width);
  const resvg = new Resvg(svg, {
    fitTo: width === undefined ? { mode: 'original' } : { mode: 'width', value: width },
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    background: '#ffffff',
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
