/**
 * fast-check generators of random statuts and consequences over a référentiel, for the engine's
 * property tests and benchmarks.
 */
import fc from 'fast-check';
import { Rational } from '../../src/exact/rational.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import type { Consequence } from '../../src/score/consequences.js';
import { type ActionStatut, statutFromSimple } from '../../src/score/statut.js';

export const statutArb: fc.Arbitrary<ActionStatut> = fc.oneof(
  fc.constantFrom('fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne').map((s) => statutFromSimple(s)),
  fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
    .filter(([a, b]) => a + b <= 100)
    .map(([a, b]) => ({
      concerne: true,
      avancement: { fait: Rational.of(a, 100), programme: Rational.of(b, 100), pasFait: Rational.of(100 - a - b, 100) },
    })),
);

/** Statuts on random tâches and sous-actions (and, rarely, any node). */
export function statutsArb(referentiel: Referentiel, maxLength = 400): fc.Arbitrary<Map<string, ActionStatut>> {
  const ids = [...referentiel.actions.values()].filter((a) => a.type === 'tache' || a.type === 'sous-action').map((a) => a.id);
  const all = [...referentiel.actions.keys()];
  const idArb = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom(...all) });
  return fc.array(fc.tuple(idArb, statutArb), { maxLength }).map((pairs) => new Map(pairs));
}

export function consequencesArb(referentiel: Referentiel): fc.Arbitrary<Map<string, Consequence>> {
  const ids = [...referentiel.actions.keys()];
  const consequence: fc.Arbitrary<Consequence> = fc.oneof(
    fc.constant({ desactive: true }),
    fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 16 })).map(([n, d]) => ({ facteur: Rational.of(n, d) })),
  );
  return fc.array(fc.tuple(fc.constantFrom(...ids), consequence), { maxLength: 12 }).map((pairs) => new Map(pairs));
}

/** A question as the dossier generator needs it (the built package's catalogue suits it too). */
export interface QuestionPourDossier {
  id: string;
  type: string;
  choix: readonly string[];
}

/**
 * A plain random dossier (JSON) for benchmarks: statuts on tâches and sous-actions, and, when
 * questions are given, answers to most of them (so that personalisation rules apply, as on real
 * dossiers). It reads only the actions' types and identifiants, so the built package's
 * référentiel (dist/) suits it too.
 */
export function randomDossierJson(
  referentiel: Pick<Referentiel, 'id'> & { actions: ReadonlyMap<string, { type: string; identifiant: string }> },
  seed: number,
  questions: Iterable<QuestionPourDossier> = [],
): Record<string, unknown> {
  let x = seed >>> 0 || 1;
  const rnd = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  const statuts: Record<string, unknown> = {};
  for (const a of referentiel.actions.values()) {
    if (a.type !== 'tache' && a.type !== 'sous-action') continue;
    const r = rnd();
    if (r < 0.35) continue;
    if (a.type === 'sous-action' && r < 0.8) continue;
    const k = rnd();
    statuts[a.identifiant] =
      k < 0.3 ? 'fait' : k < 0.5 ? 'programme' : k < 0.7 ? 'pas_fait' : k < 0.8 ? 'non_concerne' : k < 0.85 ? 'non_renseigne' : { fait: 0.5, programme: 0.25, pas_fait: 0.25 };
  }
  const reponses: Record<string, string | number> = {};
  for (const q of questions) {
    if (rnd() < 0.2) continue;
    reponses[q.id] = q.type === 'binaire' ? (rnd() < 0.5 ? 'OUI' : 'NON') : q.type === 'choix' && q.choix.length > 0 ? q.choix[Math.floor(rnd() * q.choix.length)]! : Math.round(rnd() * 20) / 20;
  }
  const collectivite = { type: rnd() < 0.5 ? 'commune' : 'EPCI', population: Math.floor(rnd() * 200000) };
  return { referentiel: referentiel.id, date: '2026-06-30', collectivite, statuts, ...(Object.keys(reponses).length > 0 ? { reponses } : {}) };
}
