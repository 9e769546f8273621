/**
 * The fast scoring path (flat arrays, integer units: src/score/compute-scores.ts) equals the
 * reference engine (a plain recursion in Rationals: src/score/reference/) on every node and every
 * field, overrides, refusals, redistribution and unknown statuts included: on the embedded
 * référentiel, on CAE and ECI (with answers evaluated through their personnalisation rules), with
 * the TE options, and on generated référentiels. The two share no machinery, so a bug in the fast
 * path's pieces (flat tree, statut codes, personalised points, non-concerné marking, unit space,
 * redistribution, avancement cells) shows up as a difference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/exact/rational.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { evaluatePersonnalisation } from '../../src/personnalisation/evaluate-personnalisation.js';
import type { Personnalisation } from '../../src/personnalisation/personnalisation.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import { parseEmbeddedReferentiel } from '../../src/referentiel/read-referentiel.js';
import { computeAvancementUnits } from '../../src/score/avancement.js';
import { computeScores } from '../../src/score/compute-scores.js';
import type { Consequence } from '../../src/score/consequences.js';
import { flatTree } from '../../src/score/flat-tree.js';
import { consequencesByIndex } from '../../src/score/potentiels.js';
import { computePotentielsUnits } from '../../src/score/potentiels-units.js';
import { computeScoresReference } from '../../src/score/reference/compute-scores-reference.js';
import type { Scores } from '../../src/score/scores.js';
import type { ActionStatut } from '../../src/score/statut.js';
import { StatutsIndex } from '../../src/score/statuts-index.js';
import { describeCorpus, tet } from '../support/corpus.js';
import { anyConsequencesArb, anyStatutsArb, referentielArb, reponsesArb } from '../support/score-arbitraries.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

const exact = (x: unknown): string => JSON.stringify(x, (_, v) => (v instanceof Rational ? v.toFraction() : v));

/** Everything a caller can read from a scoring, in one comparable string. */
function lecture(r: Scores): string {
  const t = r.scores;
  const parNoeud = [...t.values()].map((s, i) => [s, t.indexOf(s.actionId) === i, t.isDesactive(i), t.isConcerne(i), t.ratiosFaitProgramme(i)]);
  const overrides = r.overrides.map((o) => ({ ...o }));
  return exact({ parNoeud, ids: [...t.keys()], size: t.size, overrides, refuses: r.overridesRefuses, redistribution: [...r.redistribution], inconnus: r.statutsInconnus });
}

/** Whether the integer path ran (rather than handing over to the reference engine). */
function integerPathRan(ref: Referentiel, statuts: ReadonlyMap<string, ActionStatut>, consequences: ReadonlyMap<string, Consequence>): boolean {
  const tree = flatTree(ref);
  const index = new StatutsIndex(tree.nodes.length);
  for (const [id, s] of statuts) {
    const i = tree.indexById.get(id);
    if (i !== undefined) index.set(i, s);
  }
  const pot = computePotentielsUnits(tree, index, consequencesByIndex(tree, consequences));
  return pot !== null && computeAvancementUnits(tree, index, pot) !== null;
}

function expectSame(ref: Referentiel, statuts: Map<string, ActionStatut>, consequences: Map<string, Consequence>): void {
  const fast = computeScores(ref, { statuts, consequences });
  const reference = computeScoresReference(ref, { statuts, consequences });
  expect(lecture(fast)).toBe(lecture(reference));
}

/** The property on one référentiel; when a personnalisation is given, consequences also come from answers. */
function suite(name: string, load: () => Promise<{ ref: Referentiel; perso?: Personnalisation }>, runs: number): void {
  describe(name, () => {
    let ref: Referentiel;
    let perso: Personnalisation | undefined;
    it('loads', async () => {
      ({ ref, perso } = await load());
      expect(ref.actions.size).toBeGreaterThan(0);
    });
    it(`fast path = reference on every node and field (${runs} runs)`, { timeout: 600_000 }, () => {
      let integer = 0;
      const answers = perso ? reponsesArb(perso).map((a) => evaluatePersonnalisation(perso!, a.identite, a.reponses).consequences) : fc.constant(new Map<string, Consequence>());
      fc.assert(
        fc.property(anyStatutsArb(ref), anyConsequencesArb(ref), answers, (statuts, random, fromAnswers) => {
          const consequences = new Map([...fromAnswers, ...random]);
          if (integerPathRan(ref, statuts, consequences)) integer++;
          expectSame(ref, statuts, consequences);
        }),
        { numRuns: runs },
      );
      // The comparison is only worth something if the integer path ran in most runs.
      expect(integer).toBeGreaterThan(runs * 0.8);
    });
  });
}

const embedded = async (): Promise<Referentiel> => (await parseEmbeddedReferentiel()).referentiel!;
async function corpus(id: 'cae' | 'eci'): Promise<{ ref: Referentiel; perso?: Personnalisation }> {
  const { context } = await loadEvaluationContext({ referentiel: tet('referentiels', id), personnalisations: tet('personnalisations'), questions: tet('questions') });
  return { ref: context!.referentiel, perso: context!.personnalisation };
}

describe('fast path = reference engine', () => {
  suite('embedded référentiel', async () => ({ ref: await embedded() }), RUNS);
  suite('embedded référentiel with the TE options (no redistribution, désactivations only)', async () => ({
    ref: { ...(await embedded()), options: { redistribution: false, personnalisation: 'desactivation' as const } },
  }), Math.ceil(RUNS / 4));
});

describeCorpus('fast path = reference engine — CAE with answers', () => suite('CAE', () => corpus('cae'), RUNS));
describeCorpus('fast path = reference engine — ECI with answers', () => suite('ECI', () => corpus('eci'), RUNS));

describe('fast path = reference engine — generated référentiels', () => {
  it(`on ${RUNS} random référentiels, dossiers and consequences`, { timeout: 600_000 }, () => {
    let integer = 0;
    const cas = referentielArb.chain((ref) => fc.tuple(fc.constant(ref), anyStatutsArb(ref, 40), anyConsequencesArb(ref), fc.boolean()));
    fc.assert(
      fc.property(cas, ([base, statuts, consequences, sansRedistribution]) => {
        const ref = sansRedistribution ? { ...base, options: { redistribution: false, personnalisation: 'toutes' as const } } : base;
        if (integerPathRan(ref, statuts, consequences)) integer++;
        expectSame(ref, statuts, consequences);
      }),
      { numRuns: RUNS },
    );
    expect(integer).toBeGreaterThan(RUNS * 0.8);
  });

  it('hands over to the reference engine when the common denominator would leave the safe integers', async () => {
    const ref = await embedded();
    const leaves = [...ref.actions.values()].filter((n) => n.children.length === 0);
    // Factors with distinct large primes: their lcm is far beyond 2^53.
    const primes = [2147483647, 2147483629, 2147483587];
    const consequences = new Map<string, Consequence>(primes.map((p, k) => [leaves[k]!.id, { facteur: Rational.of(p - 1, p) }]));
    const statuts = new Map<string, ActionStatut>();
    expect(integerPathRan(ref, statuts, consequences)).toBe(false);
    const r = computeScores(ref, { statuts, consequences });
    expect(lecture(r)).toBe(lecture(computeScoresReference(ref, { statuts, consequences })));
    expect(r.scores.at(0).pointNonRenseigne.equals(r.scores.at(0).pointPotentiel)).toBe(true);
  });
});
