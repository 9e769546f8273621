/**
 * The compiled validator accepts and refuses exactly the JSON values the zod schema does, and
 * outputs the same dossier (same keys in the same order): on valid dossiers and on random
 * mutations of them (a value replaced by any JSON, a key removed or added, values at the bounds).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierSchema } from './dossier-schema.js';
import { dossierShape } from './dossier-shape.js';
import { mutatedDossier, validDossier } from '../../test/support/dossier-arbitraries.js';

function expectSameVerdict(value: unknown): void {
  const fast = dossierShape(value);
  const reference = dossierSchema.safeParse(value);
  expect(fast).not.toBe('unsure');
  expect(fast !== 'invalid', JSON.stringify(value)).toBe(reference.success);
  if (fast !== 'invalid' && fast !== 'unsure') expect(JSON.stringify(fast.dossier)).toBe(JSON.stringify(reference.data));
}

describe('dossierShape (the compiled validator) and the zod schema', () => {
  it('accept the same valid dossiers and output the same value', () => {
    fc.assert(fc.property(validDossier, (d) => expectSameVerdict(JSON.parse(JSON.stringify(d)))), { numRuns: 1500 });
  });

  it('accept and refuse the same mutations', () => {
    fc.assert(fc.property(mutatedDossier, (v) => expectSameVerdict(v)), { numRuns: 4000 });
  });

  it('read undefined as zod does, refuse what is not an object, and are unsure of other values JSON cannot hold', () => {
    for (const v of [null, [], 'cae', 3, true]) expectSameVerdict(v);
    const undefinedValues = [
      { date: undefined },
      { referentiel: undefined, collectivite: { nom: undefined, type: 'EPCI' } },
      { statuts: { '1.1': undefined } },
      { statuts: { '1.1': { fait: 1, programme: 0, pas_fait: undefined } } },
      { reponses: { a: undefined } },
      { labellisation: { etoile: undefined } },
      { labellisation: { etoile: 2, date: undefined } },
      { preuves: { partenariats: undefined, autre: undefined } },
      { preuves: { partenariats: [{ intitule: 'a', date: '2024-01-01', multiActeurs: true, climatAirEnergie: undefined }] } },
      { indicateurs: { k: undefined } },
      { indicateurs: { k: { resultat: undefined } } },
    ];
    for (const v of undefinedValues) {
      expectSameVerdict(v);
      const fast = dossierShape(v);
      if (typeof fast === 'object') expect(fast.dossier).toStrictEqual(dossierSchema.parse(v));
    }
    expect(dossierShape({ collectivite: { population: Number.NaN } })).toBe('unsure');
    expect(dossierShape(new Date())).toBe('unsure');
  });
});
