/**
 * A bundle carries the référentiel with its companions: loading it gives the same context as the
 * folders it was built from, its published JSON Schema is up to date (`UPDATE_SCHEMAS=1` rewrites
 * it), and a broken bundle is a diagnostic, never an exception.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../test/support/corpus.js';
import { BUNDLE_FORMAT, loadBundle } from './bundle.js';
import { bundleJsonSchema } from './bundle-schema.js';
import { evaluateDossier } from './evaluate-dossier.js';
import { evaluationToJson } from './evaluation-to-json.js';
import { buildBundle, loadEvaluationContext } from './load-context.js';
import { compileReferentiel } from '../referentiel/compile-referentiel.js';
import { parseEmbeddedReferentiel } from '../referentiel/read-referentiel.js';

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

  it('keeps the Markdown positions: a broken formula in a compiled rule names its file, line and column', async () => {
    const { bundle } = await buildBundle();
    const copy = JSON.parse(JSON.stringify(bundle)) as { reglesPreuve: { seuil: { formule: string; position: { file: string; line: number; column: number } } }[] };
    const { file, line, column } = copy.reglesPreuve[0]!.seuil.position;
    copy.reglesPreuve[0]!.seuil.formule = 'si alors';
    const loaded = loadBundle(copy);
    expect(loaded.context).toBeNull();
    expect(loaded.diagnostics[0]!.position).toMatchObject({ file, line });
    expect(loaded.diagnostics[0]!.position!.column).toBeGreaterThanOrEqual(column);
    expect(file).toBe('cae.md');
  });

  it('a label-cae/bundle@1 is refused by loadBundle with a diagnostic that says to rebuild, and still read by label-cae/node', async () => {
    const { referentiel } = await parseEmbeddedReferentiel();
    const text = readFileSync(join(PROJECT_DIR, 'referentiel', 'regles-preuve', 'cae.md'), 'utf8');
    const v1 = { format: 'label-cae/bundle@1', referentiel: compileReferentiel(referentiel!), reglesPreuve: [{ fichier: 'cae.md', contenu: text }] };
    const refused = loadBundle(JSON.parse(JSON.stringify(v1)));
    expect(refused.context).toBeNull();
    expect(refused.diagnostics).toEqual([expect.objectContaining({ code: 'bundle-perime', severity: 'error', pointer: '/format', message: expect.stringContaining('cae build') })]);
    const file = join(mkdtempSync(join(tmpdir(), 'label-cae-v1-')), 'old.json');
    writeFileSync(file, JSON.stringify(v1));
    const read = await loadEvaluationContext({ referentiel: file });
    expect(read.diagnostics.map((d) => [d.code, d.severity])).toEqual([['bundle-format-ancien', 'warning']]);
    const dossier = { date: '2026-06-30', collectivite: { population: 2500 }, preuves: { partenariats: [{ intitule: 'x', date: '2025-01-01', multiActeurs: true, climatAirEnergie: true }] } };
    const fromV2 = loadBundle((await buildBundle()).bundle);
    expect(evaluationToJson(evaluateDossier(read.context!, dossier))).toEqual(evaluationToJson(evaluateDossier(fromV2.context!, dossier)));
  });
});
