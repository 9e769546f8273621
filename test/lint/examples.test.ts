/**
 * Every rule's examples are its documentation and its tests: the ok ones give no message of the
 * rule, the not-ok ones give exactly the listed message lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMessageLine, lintInputs, lintRules } from '../../src/lint/index.js';
import type { LintFile, RuleExample } from '../../src/lint/index.js';
import { PROJECT_DIR } from '../support/corpus.js';

const toFiles = (o: Record<string, string> | undefined): LintFile[] | undefined => o && Object.entries(o).map(([path, content]) => ({ path, content }));

function run(ex: RuleExample, ruleId: string): string[] {
  const r = lintInputs({ referentiel: toFiles(ex.files.referentiel) ?? [], questions: toFiles(ex.files.questions), personnalisations: toFiles(ex.files.personnalisations), preuves: toFiles(ex.files.preuves) });
  return r.messages.filter((m) => m.ruleId === ruleId).map(formatMessageLine);
}

describe('rule examples', () => {
  it('has unique ASCII kebab-case ids and one module per rule', () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(ids.length).toBeGreaterThanOrEqual(30);
  });
  for (const rule of lintRules) {
    describe(rule.id, () => {
      it('has an ok example and a not-ok example with messages', () => {
        expect(rule.examples.some((e) => e.title.startsWith('ok') || e.expected.length === 0 || rule.id === 'metadonnees-forme')).toBe(true);
        expect(rule.examples.some((e) => e.expected.length > 0)).toBe(true);
      });
      for (const ex of rule.examples) {
        it(ex.title, () => {
          expect(run(ex, rule.id)).toEqual([...ex.expected]);
        });
      }
    });
  }
  it('docs/lint.md lists every rule', () => {
    const doc = readFileSync(`${PROJECT_DIR}docs/lint.md`, 'utf8');
    for (const r of lintRules) expect(doc, r.id).toContain(`\`${r.id}\``);
  });
});
