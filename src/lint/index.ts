/** Public API of the référentiel linter (`cae lint`). */
export type { Fix, FileKind, LintFile, LintInputs, LintMessage, LintRule, Report, RuleExample, Severity, SeveritySetting } from './types.js';
export { lintReferentiel, lintInputs, type LintOptions, type LintResult } from './lint-referentiel.js';
export { lintPaths, type LintPathsOptions, type LintPathsResult } from './lint-paths.js';
export { type LintConfig, LintConfigError, normalizeSeverity, parseLintConfig } from './config.js';
export { applyFixes } from './fix.js';
export { readControlComments, messageFilter, type ControlComment } from './message-control.js';
export { rules as lintRules, ruleById, FALLBACK_RULE_ID } from './rules/index.js';
export { renderText, formatMessageLine, summarize, type TextOptions } from './reporters/text.js';
export { renderJson } from './reporters/json.js';
export { renderSarif, ruleHelpUri, RULE_DOC_BASE, type SarifOptions } from './reporters/sarif.js';
