/** A flat JSON array `{ file, line, column, endLine, endColumn, ruleId, severity, message }` (fixes left out). */
import type { LintMessage } from '../types.js';

/**
 * Lint messages as a flat JSON array (`cae lint --format json`), one object per message with its
 * rule, severity, file, line and column.
 *
 * @example
 * writeFileSync('lint.json', renderLintJson(result.messages));
 */
export function renderJson(messages: readonly LintMessage[]): string {
  return `${JSON.stringify(
    messages.map((m) => ({ file: m.file, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, ruleId: m.ruleId, severity: m.severity, message: m.message })),
    null,
    2,
  )}\n`;
}
