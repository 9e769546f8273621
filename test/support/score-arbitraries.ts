/**
 * fast-check generators for comparing the fast scoring path with the reference engine: statuts of
 * every kind (simple, détaillé with awkward denominators, objects equal to a simple one but not the
 * shared one, non concerné carrying a triple), consequences (désactivations, factors, score
 * overrides), answers to a référentiel's questions, and whole made-up référentiels.
 */
import fc from 'fast-check';
import { Rational } from '../../src/exact/rational.js';
import type { Identite } from '../../src/identite/identite.js';
import type { Reponse } from '../../src/formule/evaluate.js';
import type { Personnalisation } from '../../src/personnalisation/personnalisation.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import type { Consequence } from '../../src/score/consequences.js';
import { type ActionStatut, STATUT_SIMPLE, statutDetaille } from '../../src/score/statut.js';
import { type ArbreSynthetique, type Noeud, referentielSynthetique } from './arbre-synthetique.js';

const tripleArb = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.constantFrom(1, 2, 3, 4, 7, 12, 100))
  .filter(([a, b, d]) => a <= d && b <= d - a)
  .map(([a, b, d]) => ({ fait: Rational.of(a, d), programme: Rational.of(b, d), pasFait: Rational.of(d - a - b, d) }));

export const anyStatutArb: fc.Arbitrary<ActionStatut> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.values(STATUT_SIMPLE)) },
  { weight: 2, arbitrary: fc.constantFrom([0.5, 0.25, 0.25], [0.1, 0.2, 0.7], [0.125, 0.375, 0.5]).map(([a, b, c]) => statutDetaille(a!, b!, c!)) },
  { weight: 2, arbitrary: tripleArb.map((avancement): ActionStatut => ({ avancement, concerne: true })) },
  { weight: 1, arbitrary: tripleArb.map((avancement): ActionStatut => ({ avancement, concerne: false })) },
);

/** Statuts mostly on tâches and sous-actions, sometimes on any node. */
export function anyStatutsArb(ref: Referentiel, maxLength = 300): fc.Arbitrary<Map<string, ActionStatut>> {
  const all = [...ref.actions.keys()];
  const low = [...ref.actions.values()].filter((a) => a.children.length === 0 || a.children.every((c) => c.children.length === 0)).map((a) => a.id);
  const id = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...low) }, { weight: 1, arbitrary: fc.constantFrom(...all) });
  return fc.array(fc.tuple(id, anyStatutArb), { maxLength }).map((pairs) => new Map(pairs));
}

/** Désactivations, factors (zero, above one, rarely negative) and score overrides on random nodes. */
export function anyConsequencesArb(ref: Referentiel): fc.Arbitrary<Map<string, Consequence>> {
  const ids = [...ref.actions.keys()];
  const facteur = fc.oneof(
    { weight: 60, arbitrary: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 16 })) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -5, max: -1 }), fc.integer({ min: 1, max: 4 })) },
  );
  const override = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([a, b]): Consequence['scoreOverride'] => () => Rational.of(a, b)),
    fc.tuple(fc.constantFrom(...ids), fc.integer({ min: 1, max: 7 })).map(([other, k]): Consequence['scoreOverride'] => (read) => read(other)?.divInt(k) ?? null),
    fc.constant<Consequence['scoreOverride']>(() => ({ impossible: 'valeur impossible (test)' })),
    fc.constant<Consequence['scoreOverride']>(() => null),
  );
  const consequence: fc.Arbitrary<Consequence> = fc.record(
    { desactive: fc.boolean(), facteur: facteur.map(([n, d]) => Rational.of(n, d)), scoreOverride: override },
    { requiredKeys: [] },
  );
  return fc.array(fc.tuple(fc.constantFrom(...ids, 'inconnu_9.9'), consequence), { maxLength: 10 }).map((pairs) => new Map(pairs));
}

/** An identity and answers to the personnalisation's questions (some left out). */
export function reponsesArb(perso: Personnalisation): fc.Arbitrary<{ identite: Identite; reponses: Map<string, Reponse> }> {
  const questions = [...perso.questions.values()];
  const valeur = (q: (typeof questions)[number]): fc.Arbitrary<Reponse> =>
    q.type === 'binaire' ? fc.boolean() : q.type === 'choix' && q.choix.length > 0 ? fc.constantFrom(...q.choix) : fc.integer({ min: 0, max: 20 }).map((k) => Rational.of(k, 20));
  const identite = fc.record({
    type: fc.constantFrom('commune', 'EPCI', 'syndicat'),
    population: fc.integer({ min: 500, max: 900_000 }),
    localisation: fc.constantFrom('DOM' as const, 'Metropole' as const),
  });
  const reponses = fc.tuple(...questions.map((q) => fc.option(valeur(q), { nil: undefined, freq: 3 }))).map((vs) => {
    const m = new Map<string, Reponse>();
    vs.forEach((v, k) => v !== undefined && m.set(questions[k]!.id, v));
    return m;
  });
  return fc.record({ identite, reponses });
}

const HIERARCHIES: readonly (readonly string[])[] = [
  ['referentiel', 'action', 'sous-action'],
  ['referentiel', 'action', 'sous-action', 'tache'],
  ['referentiel', 'axe', 'action', 'sous-action', 'tache'],
  ['referentiel', 'axe', 'sous-axe', 'action', 'sous-action', 'tache'],
];

/** Points in quarters, thirds are impossible in YAML decimals: 0, 0.25 … 6. */
const pointsArb = fc.integer({ min: 0, max: 24 }).map((q) => q / 4);

function noeudArb(identifiant: string, depth: number, maxDepth: number): fc.Arbitrary<Noeud> {
  const leaf = pointsArb.map((p): Noeud => [identifiant, p]);
  if (depth >= maxDepth) return leaf;
  const inner = fc.integer({ min: 1, max: 4 }).chain((k) =>
    fc.tuple(...Array.from({ length: k }, (_, j) => noeudArb(`${identifiant}.${j + 1}`, depth + 1, maxDepth))).map((enfants): Noeud => [identifiant, enfants.reduce((s, e) => s + e[1], 0), enfants]),
  );
  return depth === 1 ? inner : fc.oneof({ weight: 1, arbitrary: leaf }, { weight: 3, arbitrary: inner });
}

/** A made-up référentiel: 1–3 axes, a random hierarchy, leaves at several depths, points in quarters. */
export const referentielArb: fc.Arbitrary<Referentiel> = fc
  .constantFrom(...HIERARCHIES)
  .chain((hierarchie) =>
    fc.integer({ min: 1, max: 3 }).chain((axes) =>
      fc.tuple(...Array.from({ length: axes }, (_, j) => noeudArb(`${j + 1}`, 1, hierarchie.length - 1))).map((enfants): ArbreSynthetique => ({
        referentiel: 'gen',
        hierarchie,
        points: enfants.reduce((s, e) => s + e[1], 0),
        enfants,
      })),
    ),
  )
  .map(referentielSynthetique);
