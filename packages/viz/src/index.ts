export { confidenceMaps, type ConfidenceMapPanel, type ConfidenceMapsOptions } from './confidence-maps.js';
export { scatterPlots, type ScatterPanel, type ScatterPlotsOptions } from './scatter-plots.js';
export { spectraSmallMultiples, type SpectrumSeries, type SpectraOptions } from './spectra-small-multiples.js';
export { svgToPng } from './svg-to-png.js';
export type { FigureDocument, FigureOptions } from './figure-options.js';
export { reliabilityDiagram, type ReliabilityModel, type ReliabilityOptions } from './reliability-diagram.js';
export { groupedBarChart, type GroupedBarData, type GroupedBarOptions } from './grouped-bar-chart.js';
export { claimsAtAGlance, type ClaimRow, type ClaimsAtAGlanceOptions } from './claims-at-a-glance.js';
export { intervalCurves, type IntervalSeries, type IntervalCurvesOptions } from './interval-curves.js';
