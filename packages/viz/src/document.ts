// Creating and serialising a standalone SVG document. d3.create needs a global document, so we create elements on an
// explicit document (the caller's, else in Node a fresh jsdom one per call, in a browser the page's) and wrap them
// with d3-selection's select().
import { select, type Selection } from 'd3-selection';
import { defaultDocument, serializerFor } from './default-document.js';
import { fontFamily, colors } from './theme.js';
import { num } from './format.js';
import type { FigureDocument } from './figure-options.js';

export const svgNamespace = 'http://www.w3.org/2000/svg';

/** A group (or the root) that figure code appends to. */
export type Group = Selection<SVGElement, unknown, null, undefined>;

export interface Figure {
  document: Document;
  root: Group;
  width: number;
  height: number;
}

/** Root <svg> of natural size width x height with <title> and <desc> first, white background, theme font. */
export function createFigure(options: {
  document?: FigureDocument;
  width: number;
  height: number;
  title: string;
  description: string;
}): Figure {
  // FigureDocument is the structural view of a DOM Document that the public options expose; inside we use the real type.
  const document = (options.document as Document | undefined) ?? defaultDocument();
  const svgElement = document.createElementNS(svgNamespace, 'svg') as SVGSVGElement;
  const root = select<SVGElement, unknown>(svgElement);
  root
    .attr('viewBox', `0 0 ${num(options.width)} ${num(options.height)}`)
    .attr('width', num(options.width))
    .attr('height', num(options.height))
    .attr('font-family', fontFamily)
    .attr('role', 'img');
  root.append('title').text(options.title);
  root.append('desc').text(options.description);
  root
    .append('rect')
    .attr('width', num(options.width))
    .attr('height', num(options.height))
    .attr('fill', colors.background);
  return { document, root, width: options.width, height: options.height };
}

/** Serialises with the window's XMLSerializer (outerHTML would drop xmlns); applies the requested rendered size. */
export function serializeFigure(figure: Figure, size: { width?: number; height?: number } = {}): string {
  const element = figure.root.node() as SVGSVGElement;
  if (size.width !== undefined || size.height !== undefined) {
    const aspect = figure.height / figure.width;
    const width = size.width ?? (size.height as number) / aspect;
    const height = size.height ?? width * aspect;
    element.setAttribute('width', num(width));
    element.setAttribute('height', num(height));
  }
  return serializerFor(figure.document).serializeToString(element);
}
