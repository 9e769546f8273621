export * from './exact/rational.js';
export * from './diagnostics/diagnostic.js';
export * from './referentiel/model.js';
export * from './referentiel/hierarchie.js';
export * from './referentiel/parse-referentiel.js';
export * from './referentiel/read-referentiel.js';
export * from './referentiel/compile-referentiel.js';
export * from './referentiel/load-referentiel.js';
export * from './referentiel/compiled-schema.js';
export { fmt as formatRational } from './referentiel/points.js';
export * from './markdown/blocks.js';
export * from './markdown/scan.js';
export * from './markdown/remark-blocks.js';
export * from './markdown/outline.js';
export * from './markdown/yaml-meta.js';
export * from './markdown/read-files.js';
export * from './personnalisation/parse-questions.js';
export * from './personnalisation/parse-regles.js';
export * from './preuves/parse-preuves.js';
export { importReferentiel, type ImportResult, type ImportSummary } from './import/import-referentiel.js';
export { readImportSources, type CsvSource, type ImportSources, type UnreadableSource } from './import/sources.js';
export { REFERENTIELS_IMPORTABLES, type ReferentielImportable } from './import/structure.js';
export * from './formule/index.js';
export * from './identite/index.js';
export * from './score/statut.js';
export * from './score/consequences.js';
export * from './score/action-score.js';
export * from './score/compute-scores.js';
// For computeScoresByIndex: statuts by flat-tree node, and the flat tree that numbers them.
export { StatutsIndex, type StatutCode, statutCode } from './score/statuts-index.js';
export { flatTree, type FlatTree } from './score/flat-tree.js';
export * from './score/ratios.js';
export * from './score/score-json.js';
export type { Constat } from './score/constat.js';
export * from './etoiles/etoiles-config.js';
export * from './etoiles/compute-etoiles.js';
export * from './dossier/dossier-schema.js';
export * from './dossier/parse-dossier.js';
export * from './dossier/dossier-inputs.js';
export * from './personnalisation/personnalisation.js';
export * from './personnalisation/compile-personnalisation.js';
export * from './personnalisation/evaluate-personnalisation.js';
export * from './preuves/regle-preuve.js';
export * from './preuves/parse-regles-preuve.js';
export * from './preuves/evaluate-regle-preuve.js';
export * from './evaluation/evaluation-document.js';
export * from './evaluation/evaluate-dossier.js';
export * from './evaluation/read-dossier.js';
export * from './evaluation/check-dossier.js';
export * from './evaluation/bundle.js';
export * from './evaluation/context-from-files.js';
export * from './evaluation/evaluation-to-json.js';
export * from './evaluation/load-context.js';
export * from './evaluation/compare-evaluations.js';
export * from './evaluation/plan-etoile.js';
export * from './report/index.js';
export { renderExplanation } from './report/render-explanation.js';
export { renderComparison } from './report/render-comparison.js';
export { renderPlan, planToJson, type PlanJson } from './report/render-plan.js';
export {
  lintReferentiel,
  lintInputs,
  lintPaths,
  parseLintConfig,
  LintConfigError,
  normalizeSeverity,
  applyFixes,
  lintRules,
  ruleById,
  renderText as renderLintText,
  renderJson as renderLintJson,
  renderSarif as renderLintSarif,
  formatMessageLine,
  type LintOptions,
  type LintResult,
  type LintPathsOptions,
  type LintPathsResult,
  type LintConfig,
  type LintMessage,
  type LintRule,
  type LintFile,
} from './lint/index.js';
