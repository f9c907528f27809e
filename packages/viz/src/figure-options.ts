// What every figure accepts besides its data. Kept apart from document.ts, which works with jsdom and d3 types, so
// that the published declarations of the figures reference neither: a TypeScript user who installs only this package
// compiles with skipLibCheck off, without the "dom" lib and without @types/d3-* or @types/jsdom.

/**
 * The part of a DOM `Document` the figures use: jsdom's `window.document` or a browser's `document` fits. Structural,
 * so that naming it needs no "dom" lib; `defaultView` (null for an XML document) supplies the XMLSerializer.
 */
export interface FigureDocument {
  createElementNS(namespace: string, qualifiedName: string): unknown;
  readonly defaultView: { XMLSerializer: new () => { serializeToString(node: never): string } } | null;
}

export interface FigureOptions {
  /** Figure title, rendered at the top and as the SVG <title>. */
  title?: string;
  /** Rendered width in px (the viewBox keeps the natural layout size, so the figure scales). */
  width?: number;
  /** Rendered height in px; defaults to keeping the aspect ratio. */
  height?: number;
  /** Document to create elements in; default: a fresh `new JSDOM('')` per call (never a global). */
  document?: FigureDocument;
}
