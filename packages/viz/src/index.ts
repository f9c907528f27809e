export { confidenceMaps, type ConfidenceMapPanel, type ConfidenceMapsOptions } from './confidence-maps.js';
export { svgToPng } from './svg-to-png.js';
export type { FigureOptions } from './document.js';
