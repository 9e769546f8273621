/**
 * A bundle carries the référentiel with its companions: loading it gives the same context as the
 * folders it was built from, its published JSON Schema is up to date (`UPDATE_SCHEMAS=1` rewrites
 * it), and a broken bundle is a diagnostic, never an exception.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../test/support/corpus.js';
import { BUNDLE_FORMAT, bundleJsonSchema, loadBundle } from './bundle.js';
import { evaluateDossier } from './evaluate-dossier.js';
import { evaluationToJson } from './evaluation-to-json.js';
import { buildBundle, loadEvaluationContext } from './load-context.js';

const SCHEMA_PATH = join(PROJECT_DIR, 'schemas', 'bundle.schema.json');
const generated = `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`;
if (process.env.UPDATE_SCHEMAS) writeFileSync(SCHEMA_PATH, generated);

describe('bundle', () => {
  it('schemas/bundle.schema.json is up to date with the zod schema', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generated);
  });

  it('scores as the folders it was built from (the embedded référentiel and its evidence rule)', async () => {
    const { bundle, diagnostics } = await buildBundle();
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(bundle!.format).toBe(BUNDLE_FORMAT);
    const fromBundle = loadBundle(JSON.parse(JSON.stringify(bundle)));
    const fromFolder = await loadEvaluationContext();
    const dossier = { date: '2026-06-30', collectivite: { type: 'commune' as const, population: 2500 }, statuts: { '6.1.1.2': 'fait' as const }, preuves: { partenariats: [{ intitule: 'x', date: '2025-01-01', multiActeurs: true, climatAirEnergie: true }] } };
    const a = evaluationToJson(evaluateDossier(fromBundle.context!, dossier));
    const b = evaluationToJson(evaluateDossier(fromFolder.context!, dossier));
    expect(a).toEqual(b);
    expect(a.scores['cae_6.1.1.3.5']!.pointFait).toBeGreaterThan(0);
  });

  it('a broken bundle is a diagnostic with a pointer', () => {
    expect(loadBundle({ format: BUNDLE_FORMAT }).diagnostics[0]).toMatchObject({ code: 'bundle-invalide', pointer: '/referentiel' });
    expect(loadBundle({ format: BUNDLE_FORMAT, referentiel: { format: 'x' } }).diagnostics[0]!.pointer).toMatch(/^\/referentiel\//);
    expect(loadBundle(null).context).toBeNull();
  });
});
