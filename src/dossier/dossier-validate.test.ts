/**
 * The hand-written validator (dossier-validate.ts) and the zod schema, the reference, with zod's
 * French locale: same verdict, same output, same issues (code, path, message, in the same order),
 * on generated dossiers (valid, mutated) and on values JSON cannot hold.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { fr } from 'zod/locales';
import { describe, expect, it } from 'vitest';
import { mutatedDossier, validDossier } from '../../test/support/dossier-arbitraries.js';
import { dossierSchema } from './dossier-schema.js';
import { validateDossierSchema } from './dossier-validate.js';

function zodIssues(value: unknown): { ok: boolean; value?: unknown; issues?: unknown[] } {
  const r = dossierSchema.safeParse(value, { error: fr().localeError });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: r.error.issues.map((i: z.core.$ZodIssue) => ({ code: i.code, path: i.path, message: i.message, ...(i.code === 'unrecognized_keys' ? { keys: i.keys } : {}) })) };
}

function ours(value: unknown): { ok: boolean; value?: unknown; issues?: unknown[] } {
  const r = validateDossierSchema(value);
  if (r.ok) return { ok: true, value: r.value };
  return { ok: false, issues: r.issues.map((i) => ({ code: i.code, path: i.path, message: i.message, ...(i.keys ? { keys: i.keys } : {}) })) };
}

function expectSame(value: unknown): void {
  const reference = zodIssues(value);
  const mine = ours(value);
  expect(mine, JSON.stringify(value)).toStrictEqual(reference);
  if (mine.ok) expect(JSON.stringify(mine.value)).toBe(JSON.stringify(reference.value));
}

describe('validateDossierSchema words the errors as zod does', () => {
  it('on valid dossiers: the same output', () => {
    fc.assert(fc.property(validDossier, (d) => expectSame(JSON.parse(JSON.stringify(d)))), { numRuns: 800 });
  });

  it('on mutated dossiers: the same issues, in the same order', () => {
    fc.assert(fc.property(mutatedDossier, (v) => expectSame(v)), { numRuns: 4000 });
  });

  it('on values at the edges: code points, safe integers, several issues in one value', () => {
    const cases: unknown[] = [
      null, [], 'cae', 3, true,
      { reponses: { q: '😀'.repeat(150) } },
      { reponses: { q: '😀'.repeat(201) } },
      { indicateurs: { ['😀'.repeat(150)]: {} } },
      { indicateurs: { '': { resultat: 'x' } } },
      { collectivite: { population: 1e20 } },
      { collectivite: { population: -1e20 } },
      { collectivite: { population: 1.5, x: 1, y: 2 } },
      { statuts: { a: { fait: 2, programme: 0, pas_fait: 0 } } },
      { statuts: { a: { fait: 0.5, programme: 0.5, pas_fait: 0.5, x: 1 } } },
      { statuts: { a: { fait: 'x', programme: 0, pas_fait: 0 } } },
      { statuts: { a: { fait: 1 } } },
      { labellisation: {} },
      { labellisation: { etoile: 0, date: '2024-02-30' } },
      { preuves: { partenariats: [{}] } },
      { preuves: { partenariats: [{ intitule: 'a', date: '2024-1-1', multiActeurs: true, climatAirEnergie: false }], deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) } },
      { date: 20240101 },
      { collectivite: { population: Number.NaN } },
      { collectivite: { population: Number.POSITIVE_INFINITY } },
      { collectivite: new Date(0) },
      { statuts: new Map() },
      { statuts: Object.create(null) },
      { reponses: { q: Number.NaN } },
    ];
    for (const v of cases) expectSame(v);
  });
});
