/**
 * `label-cae/report`: presenting an evaluation. Pure and browser-safe, like `label-cae`: strings
 * in, strings out; the caller decides where they go (and, with `shouldUseColor`, whether a
 * terminal gets colours). The text, CSV, Markdown, HTML and explanation renderers are also in
 * `label-cae`; this entry adds the plan, the comparison, the projection, the evaluation document
 * as compact JSON lines, the CSV row pieces of `cae score --batch --format csv`, and the helpers
 * that pick one action of an evaluation.
 *
 * The list is deliberate: every name here is public API (test/package/exports.test.ts pins it).
 * Re-exports only, so that a bundler resolves each name to its own module.
 */
// The evaluation as text, CSV, Markdown and HTML (also exported by `label-cae`).
export { renderText, type TextOptions } from './report/render-text.js';
export { renderCsv, type CsvOptions, CSV_COLUMNS, CSV_COLUMNS_SCORE_INDICATIF, csvField, csvRowFields } from './report/render-csv.js';
export { renderMarkdown } from './report/render-markdown.js';
export { renderHtml } from './report/render-html.js';
export { shouldUseColor, type ColorEnvironment } from './report/color.js';
export { depthFirst } from './report/tree.js';

// One action of an evaluation: `cae explain`.
export { resolveActionId } from './dossier/dossier-inputs.js';
export { actionScoreJsonOf, explainAction } from './evaluation/evaluation-to-json.js';
export { renderExplanation } from './report/render-explanation.js';

// Plans, comparisons, projections.
export { type PlanJson, planToJson, renderPlan } from './report/render-plan.js';
export { renderComparison } from './report/render-comparison.js';
export { renderProjection } from './projection/render-projection.js';

// The evaluation document as compact JSON lines, and its levels of detail.
export { evaluationJsonBytes, evaluationJsonChunks, evaluationJsonLine } from './report/json-lines.js';
export { NIVEAUX, type Niveau, isNiveau } from './evaluation/niveau.js';

// Exact numbers for people.
export { formatExact } from './report/exact-text.js';

