/** Report renderers of an `EvaluationJson`: pure functions, the CLI writes their output. */
export { shouldUseColor, type ColorEnvironment } from './color.js';
export { renderText, type TextOptions } from './render-text.js';
export { renderCsv, CSV_COLUMNS, type CsvColumn } from './render-csv.js';
export { renderMarkdown, escapeMarkdown } from './render-markdown.js';
export { renderHtml, type HtmlOptions } from './render-html.js';
export { escapeHtml } from './html-escape.js';
export { computeRadar, radarPoint, type RadarGeometry, type RadarFrame, type Point } from './radar-geometry.js';
export { chooseRadarSubjects, type RadarSubjects } from './radar-chart.js';
