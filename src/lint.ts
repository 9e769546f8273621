/**
 * `label-cae/lint`: the référentiel linter on files already read, its rules, its configuration
 * and its three reporters (text, JSON, SARIF). Pure and browser-safe; `lintPaths`, which reads
 * (and fixes) files, is in `label-cae/node`. `lintReferentiel` and `lintInputs` are also in
 * `label-cae`.
 *
 * The list is deliberate: every name here is public API (test/package/exports.test.ts pins it).
 */
export { lintInputs, lintReferentiel, type LintOptions, type LintResult } from './lint/lint-referentiel.js';
export type { LintFile, LintInputs, LintMessage, LintRule, Severity, SeveritySetting } from './lint/types.js';
export { type LintConfig, LintConfigError, parseLintConfig } from './lint/config.js';
export { rules as lintRules } from './lint/rules/index.js';
export { renderText as renderLintText, type TextOptions as LintTextOptions } from './lint/reporters/text.js';
export { renderJson as renderLintJson } from './lint/reporters/json.js';
export { renderSarif as renderLintSarif, type SarifOptions } from './lint/reporters/sarif.js';
