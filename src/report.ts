/**
 * `label-cae/report`: presenting an evaluation. Pure and browser-safe, like `label-cae`: strings
 * in, strings out; the caller decides where they go (and, with `shouldUseColor`, whether a
 * terminal gets colours). The text, CSV, Markdown, HTML and explanation renderers are also in
 * `label-cae`; this entry adds the plan, the comparison, the projection, the evaluation document
 * as compact JSON lines, the CSV row pieces of `cae score --batch --format csv`, and the helpers
 * that pick one action of an evaluation.
 *
 * The list is deliberate: every name here is public API (test/package/exports.test.ts pins it).
 */
import type { Rational } from './exact/rational.js';
import type { Evaluation } from './evaluation/evaluate-dossier.js';
import type { ToJsonOptions } from './evaluation/evaluation-to-json.js';
import { evaluationJsonChunks as chunks, evaluationJsonLine as line } from './evaluation/serialize-evaluation.js';
import { fmt } from './referentiel/points.js';

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

// Levels of detail of the evaluation document.
export { NIVEAUX, type Niveau, isNiveau } from './evaluation/niveau.js';

/**
 * The evaluation document as compact JSON text, in pieces of `perChunk` nodes of `scores`:
 * exactly `JSON.stringify({ ligne, ...evaluationToJson(ev, options) }) + "\n"` (without `ligne`
 * when it is not given), written from the engine's columns, several times faster. Streaming the
 * pieces keeps memory flat when writing many documents (`cae score --batch`).
 *
 * @example
 * for (const piece of evaluationJsonChunks(ev, { niveau: 'mesure' }, 12)) stream.write(piece);
 */
export const evaluationJsonChunks: (ev: Evaluation, options?: ToJsonOptions, ligne?: number, perChunk?: number) => Generator<string> = chunks;

/**
 * The evaluation document as one line of compact JSON, `\n` included: the text of
 * `JSON.stringify(evaluationToJson(ev, options)) + "\n"`, written from the engine's columns.
 *
 * @example
 * response.end(evaluationJsonLine(evaluateDossier(context, dossier), { niveau: 'mesure' }));
 */
export const evaluationJsonLine: (ev: Evaluation, options?: ToJsonOptions, ligne?: number) => string = line;

/**
 * An exact number as people read it: its decimal when finite (`0.225`, `6`), else its fraction
 * (`20/3`). Never rounded, for summaries of référentiel points.
 *
 * @example
 * formatExact(referentiel.root.points); // '6'
 */
export const formatExact: (value: Rational) => string = fmt;
