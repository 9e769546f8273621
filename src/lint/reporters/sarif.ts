/**
 * SARIF 2.1.0: one run, the tool's rules (id, French short description, helpUri to the rule's module,
 * which holds its documentation and examples, default level) and one result per message with a
 * physical location and a region.
 */
import type { LintMessage, LintRule, Severity } from '../types.js';

export const RULE_DOC_BASE = 'https://github.com/label-cae/label-cae/blob/main/src/lint/rules/';
export const ruleHelpUri = (id: string): string => `${RULE_DOC_BASE}${id}.ts`;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  version?: string;
  /** Prefix that turns shown file names into URIs (e.g. the linted directory, relative to the working directory). */
  uriBase?: string;
}

/**
 * Lint messages as a SARIF 2.1.0 log (`cae lint --format sarif`), the rules described in its
 * driver, for code-scanning tools.
 *
 * @example
 * writeFileSync('lint.sarif', renderLintSarif(result.messages, lintRules, { version: '1.0.0' }));
 */
export function renderSarif(messages: readonly LintMessage[], rules: readonly LintRule[], options: SarifOptions = {}): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cae lint',
            informationUri: 'https://github.com/label-cae/label-cae/blob/main/docs/lint.md',
            ...(options.version ? { version: options.version } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              helpUri: ruleHelpUri(r.id),
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { fixable: r.fixable },
            })),
          },
        },
        results: messages.map((m) => ({
          ruleId: m.ruleId,
          ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
          level: LEVEL[m.severity],
          message: { text: m.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(`${options.uriBase ?? ''}${m.file}`) },
                region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
