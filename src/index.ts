/**
 * `label-cae`: the browser-safe library. Pure functions only: no Node built-in anywhere in this
 * graph (test/package/browser-graph.test.ts bundles it for the browser to prove it). The
 * file-system helpers are in `label-cae/node`, the embedded référentiel in `label-cae/embedded`,
 * the remark tokenizer in `label-cae/remark`.
 *
 * The list is deliberate: every name here is public API (test/package/exports.test.ts pins it).
 */

// One call: bundle + dossier → evaluation document.
export { scoreDossier, type ScoreDossierOptions, type ScoreDossierResult } from './evaluation/score-dossier.js';
export { BUNDLE_FORMAT, type Bundle, loadBundle } from './evaluation/bundle.js';
export { compileBundle } from './evaluation/bundle-compile.js';
export { bundleJsonSchema } from './evaluation/bundle-schema.js';
export { type CompanionFiles, contextFromFiles } from './evaluation/context-from-files.js';

// The steps of that call, for tools that keep the evaluation (reports, plans, comparisons).
export { type ReadDossierResult, readDossier } from './evaluation/read-dossier.js';
export { DossierInvalideError, type Evaluation, type EvaluationContext, evaluateDossier } from './evaluation/evaluate-dossier.js';
export { type ToJsonOptions, evaluationToJson } from './evaluation/evaluation-to-json.js';
export { EVALUATION_FORMAT, type EtoileJson, type EvaluationJson, type ExplicationJson } from './evaluation/evaluation-document.js';
export { evaluationJsonSchema } from './evaluation/evaluation-schema.js';
export { type Dossier, dossierJsonSchema } from './dossier/dossier-schema.js';
export { type DossierParse, parseDossierText } from './dossier/parse-dossier.js';

// Référentiels and their companion files, from text (the folder readers are in label-cae/node).
export { type ParseReferentielOptions, type ParseReferentielResult, type SourceFile, parseReferentielFiles } from './referentiel/parse-referentiel.js';
export { compileReferentiel } from './referentiel/compile-referentiel.js';
export { type LoadReferentielResult, loadReferentiel } from './referentiel/load-referentiel.js';
export { referentielJsonSchema } from './referentiel/compiled-schema.js';
export type { ActionNode, Referentiel } from './referentiel/model.js';
export { type ParseQuestionsResult, parseQuestionsFiles } from './personnalisation/parse-questions.js';
export { type ParseReglesResult, parseReglesFiles } from './personnalisation/parse-regles.js';
export { type ParsePreuvesResult, parsePreuvesFiles } from './preuves/parse-preuves.js';
export { type ReglesPreuveParse, parseReglesPreuveFiles } from './preuves/parse-regles-preuve.js';
export { compilePersonnalisation } from './personnalisation/compile-personnalisation.js';
export { evaluatePersonnalisation } from './personnalisation/evaluate-personnalisation.js';

// The formula language.
export { parseFormule } from './formule/parser.js';
export { checkFormule } from './formule/check.js';
export { evaluateFormule, evaluateScoreIndicatif } from './formule/evaluate.js';

// The scoring core and what is built on it.
export { computeScores } from './score/compute-scores.js';
export { computeEtoiles } from './etoiles/compute-etoiles.js';
export { planEtoile } from './evaluation/plan-etoile.js';
export { compareEvaluations } from './evaluation/compare-evaluations.js';
export { projeterVersTe } from './projection/projeter-vers-te.js';

// Reports (pure: strings in, strings out).
export { renderText } from './report/render-text.js';
export { renderCsv } from './report/render-csv.js';
export { renderMarkdown } from './report/render-markdown.js';
export { renderHtml } from './report/render-html.js';
export { renderExplanation } from './report/render-explanation.js';

// The linter, on files already read (lintPaths, which reads and fixes files, is in label-cae/node).
export { lintInputs, lintReferentiel, type LintOptions, type LintResult } from './lint/lint-referentiel.js';
export type { LintFile, LintInputs, LintMessage } from './lint/types.js';

// Exact numbers and diagnostics.
export { Rational } from './exact/rational.js';
export { type Diagnostic, type Severity, type SourcePosition, formatDiagnostic, hasErrors } from './diagnostics/diagnostic.js';
export type { Constat } from './score/constat.js';
export type { ConditionLabellisationCode, ConstatCode, DiagnosticCode, LintRuleId } from './codes.js';
