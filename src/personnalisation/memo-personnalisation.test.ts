/**
 * The remembered evaluation must be indistinguishable from a fresh one: random collectivités (types,
 * populations around every threshold, localisations, missing fields) and random answers to the
 * corpus questions, evaluated in a random order so that profiles repeat.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import type { Reponse } from '../formule/evaluate.js';
import { LOCALISATIONS, SEUILS_MOINS_DE, SEUILS_PLUS_DE, TYPES_COLLECTIVITE, type Identite } from '../identite/identite.js';
import { loadEvaluationContext } from '../evaluation/load-context.js';
import { describeCorpus, tet } from '../../test/support/corpus.js';
import { type PersonnalisationEvaluee, evaluatePersonnalisation } from './evaluate-personnalisation.js';
import { evaluatePersonnalisationMemo } from './memo-personnalisation.js';
import type { Personnalisation } from './personnalisation.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/** Everything observable, closures included (called with a fixed reader of ratios). */
function observable(r: PersonnalisationEvaluee): string {
  const reader = (id: string): Rational => Rational.of(id.length % 7, 7);
  const consequences = [...r.consequences].map(([id, c]) => [id, c.desactive, c.facteur ?? null, c.scoreOverride ? c.scoreOverride(reader) : 'aucun']);
  return JSON.stringify({ consequences, explications: r.explications }, (_, v) => (v instanceof Rational ? v.toFraction() : v));
}

function arbitraries(p: Personnalisation): { identite: fc.Arbitrary<Identite>; reponses: fc.Arbitrary<Map<string, Reponse>> } {
  const seuils = [...SEUILS_MOINS_DE, ...SEUILS_PLUS_DE];
  const population = fc.oneof(fc.constantFrom(...seuils).chain((s) => fc.integer({ min: s - 1, max: s + 1 })), fc.integer({ min: 0, max: 1_000_000 }));
  const identite = fc.record(
    { type: fc.constantFrom(...TYPES_COLLECTIVITE), population, localisation: fc.constantFrom(...LOCALISATIONS) },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Identite>;
  const questions = [...p.questions.values()];
  const answer = (q: (typeof questions)[number]): fc.Arbitrary<Reponse> =>
    q.type === 'binaire' ? fc.boolean() : q.type === 'choix' ? fc.constantFrom(...(q.choix.length > 0 ? q.choix : ['x'])) : fc.integer({ min: 0, max: 4 }).map((k) => Rational.of(k, 4));
  const reponses = fc
    .array(fc.constantFrom(...questions).chain((q) => answer(q).map((a) => [q.id, a] as const)), { maxLength: 8 })
    .map((pairs) => new Map<string, Reponse>(pairs));
  return { identite, reponses };
}

describeCorpus('evaluatePersonnalisationMemo', () => {
  it('gives exactly what evaluatePersonnalisation gives, for every profile met again', async () => {
    const { context } = await loadEvaluationContext({ referentiel: tet('referentiels', 'cae'), personnalisations: tet('personnalisations'), questions: tet('questions') });
    const p = context!.personnalisation!;
    expect(p.regles.length).toBeGreaterThan(50);
    const { identite, reponses } = arbitraries(p);
    // Few distinct answers and identities, so that most cases hit a remembered profile.
    fc.assert(
      fc.property(fc.array(fc.tuple(identite, reponses), { minLength: 1, maxLength: 4 }), (cases) => {
        for (const [id, rep] of [...cases, ...cases]) expect(observable(evaluatePersonnalisationMemo(p, id, rep))).toBe(observable(evaluatePersonnalisation(p, id, rep)));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('tells apart every answer to every question, and every identity around every threshold', async () => {
    const { context } = await loadEvaluationContext({ referentiel: tet('referentiels', 'cae'), personnalisations: tet('personnalisations'), questions: tet('questions') });
    const p = context!.personnalisation!;
    const base: Identite = { type: 'commune', population: 2500 };
    let compared = 0;
    for (const q of p.questions.values()) {
      const answers: Reponse[] = q.type === 'binaire' ? [true, false] : q.type === 'choix' ? [...q.choix] : [Rational.ZERO, Rational.of(1, 2), Rational.ONE];
      for (const a of answers) {
        const rep = new Map<string, Reponse>([[q.id, a]]);
        expect(observable(evaluatePersonnalisationMemo(p, base, rep))).toBe(observable(evaluatePersonnalisation(p, base, rep)));
        compared++;
      }
    }
    for (const type of [...TYPES_COLLECTIVITE, undefined]) {
      for (const s of [...SEUILS_MOINS_DE, ...SEUILS_PLUS_DE, undefined]) {
        for (const population of s === undefined ? [undefined] : [s - 1, s, s + 1]) {
          for (const localisation of [...LOCALISATIONS, undefined] as Identite['localisation'][]) {
            const id: Identite = {};
            if (type !== undefined) id.type = type;
            if (population !== undefined) id.population = population;
            if (localisation !== undefined) id.localisation = localisation;
            expect(observable(evaluatePersonnalisationMemo(p, id, new Map()))).toBe(observable(evaluatePersonnalisation(p, id, new Map())));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('shares one frozen result between two collectivités the rules cannot tell apart', async () => {
    const { context } = await loadEvaluationContext({ referentiel: tet('referentiels', 'cae'), personnalisations: tet('personnalisations'), questions: tet('questions') });
    const p = context!.personnalisation!;
    const a = evaluatePersonnalisationMemo(p, { type: 'commune', population: 1200 }, new Map());
    const b = evaluatePersonnalisationMemo(p, { type: 'commune', population: 1300 }, new Map());
    const c = evaluatePersonnalisationMemo(p, { type: 'EPCI', population: 1200 }, new Map());
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(Object.isFrozen(a.explications)).toBe(true);
  });
});
