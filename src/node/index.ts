/**
 * `label-cae/node`: the file-system helpers, for Node only. Everything pure is in `label-cae`.
 */
export { type BuiltBundle, buildBundle, loadEvaluationContext } from '../evaluation/load-context.js';
export { type CompanionDirs, type LoadContextOptions, type LoadedContext, findCompanions } from '../evaluation/context-sources.js';
export { embeddedReferentielDir, parseEmbeddedReferentiel, parseReferentiel } from '../referentiel/read-referentiel.js';
export { readMarkdownFiles } from '../markdown/read-files.js';
export { parsePreuves, parseQuestions, parseRegles, parseReglesPreuve } from './read-companions.js';
export { type AtomicTarget, atomicTarget, isSpecialFile, keepMode, writeFileAtomic, writeFileAtomicSync, writeTarget } from './atomic-write.js';
export { lintPaths, type LintPathsOptions, type LintPathsResult } from '../lint/lint-paths.js';
export { type ImportSources, readImportSources } from '../import/sources.js';
export { type ImportResult, importReferentiel } from '../import/import-referentiel.js';
export { REFERENTIELS_IMPORTABLES, type ReferentielImportable } from '../import/structure.js';
export { renderXlsx } from './render-xlsx.js';
export { AppAssetsMissingError, appPageHtml } from './app-page.js';
