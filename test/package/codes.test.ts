/**
 * The code unions of src/codes.ts (`DiagnosticCode`, `ConstatCode`, `LintRuleId`) say the truth:
 * every code documented in docs/diagnostics.md and every code written in src/ is a DiagnosticCode,
 * the lint rule ids are exactly the rules', and the constats of scored dossiers are ConstatCodes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSTAT_CODES, DIAGNOSTIC_CODES, LINT_RULE_IDS } from '../../src/codes.js';
import { scoreDossier } from '../../src/index.js';
import { rules } from '../../src/lint/rules/index.js';
import { PROJECT_DIR } from '../support/corpus.js';

const all = new Set<string>(DIAGNOSTIC_CODES);

function srcFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.bench.ts')).map((f) => join(dir, f));
}

describe('code unions', () => {
  it('every code of docs/diagnostics.md is a DiagnosticCode', () => {
    const doc = readFileSync(join(PROJECT_DIR, 'docs', 'diagnostics.md'), 'utf8');
    const codes = [...doc.matchAll(/^\| ((?:`[a-z0-9-]+`(?:, )?)+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((c) => c[1]!));
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((c) => !all.has(c) && !c.startsWith('formule-'))).toEqual([]);
  });

  it('every code written in src/ (diagnostic(…), { code, severity }) is a DiagnosticCode', () => {
    // diagnostic('code', …) calls, and { code: 'code', severity: … } literals (other `code` fields, such as a labellisation condition's, are not diagnostics).
    const found = srcFiles(join(PROJECT_DIR, 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/diagnostic\('([a-z0-9-]+)'|code: '([a-z0-9-]+)',\s*severity/g)].map((m) => (m[1] ?? m[2])!));
    expect(found.length).toBeGreaterThan(50);
    expect([...new Set(found)].filter((c) => !all.has(c) && !c.startsWith('formule-'))).toEqual([]);
  });

  it('LintRuleId is exactly the ids of the lint rules', () => {
    expect([...LINT_RULE_IDS].sort()).toEqual(rules.map((r) => r.id).sort());
  });

  it('the constats of scored dossiers are ConstatCodes', async () => {
    const { embeddedBundle } = await import(join(PROJECT_DIR, 'dist', 'embedded.js'));
    const dossiers = [
      ...readdirSync(join(PROJECT_DIR, 'fixtures', 'dossiers')).map((f) => readFileSync(join(PROJECT_DIR, 'fixtures', 'dossiers', f), 'utf8')),
      JSON.stringify({ reponses: { dechets_1: 'OUI' }, statuts: { '9.9.9': 'fait', '6.1.1': 'fait' }, indicateurs: { cae_7: { resultat: 1 } }, preuves: { autre: [] } }),
    ];
    const codes = new Set<string>();
    for (const text of dossiers) {
      const r = scoreDossier(embeddedBundle, text);
      if (r.ok) for (const c of r.document.constats) codes.add(c.code);
    }
    expect(codes.size).toBeGreaterThan(3);
    expect([...codes].filter((c) => !(CONSTAT_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});
