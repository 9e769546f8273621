/**
 * The published JSON Schema is generated from zod, committed in schemas/, and accepts and rejects
 * the same dossiers as zod (checked with ajv, draft 2020-12). `UPDATE_SCHEMAS=1` rewrites it.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../test/support/corpus.js';
import { dossierJsonSchema, dossierSchema } from './dossier-schema.js';

const SCHEMA_PATH = join(PROJECT_DIR, 'schemas', 'dossier.schema.json');
const generated = `${JSON.stringify(dossierJsonSchema(), null, 2)}\n`;
if (process.env.UPDATE_SCHEMAS) writeFileSync(SCHEMA_PATH, generated);

describe('schemas/dossier.schema.json', () => {
  it('is up to date with the zod schema', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generated);
  });

  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(generated));
  const fixtures = readdirSync(join(PROJECT_DIR, 'fixtures', 'dossiers')).map((f) => JSON.parse(readFileSync(join(PROJECT_DIR, 'fixtures', 'dossiers', f), 'utf8')));
  const bad: unknown[] = [
    { statuts: { '6.1.1.1.1': 'fini' } },
    { statuts: { '6.1.1.1.1': { fait: 1.2, programme: 0, pas_fait: 0 } } },
    { statuts: { '6.1.1.1.1': { fait: -0.5, programme: 1, pas_fait: 0.5 } } },
    { collectivite: { population: -3 } },
    { collectivite: { population: 12.5 } },
    { collectivite: { type: 'region' } },
    { reponses: { habitat_2: 1.5 } },
    { date: '30/06/2026' },
    { inconnu: true },
    { preuves: { partenariats: [{ intitule: 'x', date: '2024-01-01', multiActeurs: 'oui', climatAirEnergie: true }] } },
  ];

  it.each(fixtures.map((f, i) => [i, f]))('ajv and zod both accept fixture %i', (_, f) => {
    expect(dossierSchema.safeParse(f).success).toBe(true);
    expect(validate(f), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(bad.map((b) => [JSON.stringify(b), b]))('ajv and zod both reject %s', (_, b) => {
    expect(dossierSchema.safeParse(b).success).toBe(false);
    expect(validate(b)).toBe(false);
  });

  it('rejects détaillé fractions that do not sum to exactly 1 (zod only: JSON Schema cannot say it)', () => {
    expect(dossierSchema.safeParse({ statuts: { a: { fait: 0.1, programme: 0.2, pas_fait: 0.6 } } }).success).toBe(false);
    expect(dossierSchema.safeParse({ statuts: { a: { fait: 0.1, programme: 0.2, pas_fait: 0.7 } } }).success).toBe(true);
  });
});
