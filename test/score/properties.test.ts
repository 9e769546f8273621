/**
 * The engine's exact invariants (scoring.md Part A.2), on thousands of random dossiers over the
 * embedded référentiel and, when present, the full CAE and ECI corpora.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/exact/rational.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import { parseEmbeddedReferentiel, parseReferentiel } from '../../src/referentiel/read-referentiel.js';
import { computeScores } from '../../src/score/compute-scores.js';
import type { Consequence } from '../../src/score/consequences.js';
import { type ActionStatut, TRIPLE_FAIT, TRIPLE_PAS_FAIT } from '../../src/score/statut.js';
import { actionScoreToJson } from '../../src/score/score-json.js';
import { describeCorpus, tet } from '../support/corpus.js';
import { consequencesArb, statutsArb } from '../support/random-dossier.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

function checkInvariants(ref: Referentiel, statuts: Map<string, ActionStatut>, consequences: Map<string, Consequence>): void {
  const { scores } = computeScores(ref, { statuts, consequences });
  for (const node of ref.actions.values()) {
    const s = scores.get(node.id)!;
    // Conservation, exactly.
    const sum = s.pointFait.add(s.pointProgramme).add(s.pointPasFait).add(s.pointNonRenseigne);
    expect(sum.equals(s.pointPotentiel), `${node.id}: ${sum} ≠ ${s.pointPotentiel}`).toBe(true);
    if (node.children.length === 0) continue;
    // A parent's potentiel is the sum of its children's, statut or not (TeT HEAD) — except on a node
    // with a declared concerné statut whose children are all non concernés: it keeps its own
    // personalised points (the statut blocks the upward propagation, scoring.md §5.1.3).
    const childSum = Rational.sum(node.children.map((c) => scores.get(c.id)!.pointPotentiel));
    const declared = statuts.get(node.id);
    const keepsOwn = s.concerne && declared?.concerne === true && node.children.every((c) => !scores.get(c.id)!.concerne);
    if (!keepsOwn) expect(childSum.equals(s.pointPotentiel), `${node.id}: Σ enfants ${childSum} ≠ ${s.pointPotentiel}`).toBe(true);
  }
}

function snapshot(m: Map<string, unknown>): string {
  return JSON.stringify([...m].map(([k, v]) => [k, JSON.stringify(v, (_, x) => (x instanceof Rational ? x.toFraction() : x))]));
}

function propertySuite(load: () => Promise<Referentiel>, runs: number): void {
  let ref: Referentiel;
  it('loads', async () => {
    ref = await load();
    expect(ref.actions.size).toBeGreaterThan(0);
  });
  it('conserves points exactly at every node, with random consequences', { timeout: 300_000 }, () => {
    fc.assert(fc.property(statutsArb(ref), consequencesArb(ref), (s, c) => checkInvariants(ref, s, c)), { numRuns: runs });
  });
  it('is deterministic and never mutates its inputs', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(statutsArb(ref), consequencesArb(ref), (s, c) => {
        const before = snapshot(s) + snapshot(c);
        const a = [...computeScores(ref, { statuts: s, consequences: c }).scores.values()].map(actionScoreToJson);
        const b = [...computeScores(ref, { statuts: s, consequences: c }).scores.values()].map(actionScoreToJson);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(snapshot(s) + snapshot(c)).toBe(before);
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });
  it('is monotonic: a tâche going from pas_fait to fait never lowers an ancestor’s fait', () => {
    const leaves = [...ref.actions.values()].filter((a) => a.children.length === 0).map((a) => a.id);
    fc.assert(
      fc.property(statutsArb(ref), consequencesArb(ref), fc.constantFrom(...leaves), (s, c, leaf) => {
        const before = new Map(s).set(leaf, { concerne: true, avancement: TRIPLE_PAS_FAIT });
        const after = new Map(s).set(leaf, { concerne: true, avancement: TRIPLE_FAIT });
        const a = computeScores(ref, { statuts: before, consequences: c }).scores;
        const b = computeScores(ref, { statuts: after, consequences: c }).scores;
        for (let id: string | null = leaf; id !== null; id = ref.actions.get(id)!.parentId) {
          expect(b.get(id)!.pointFait.gte(a.get(id)!.pointFait), id).toBe(true);
        }
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });
}

describe('engine properties — regressions (minimised counterexamples)', () => {
  it('a sibling that lost all its points receives no redistribution (found by fast-check)', async () => {
    // 6.1.1.1.1 reduced to 0 and 6.1.1.1.2 désactivé: 6.1.1.1 is concerné with a potentiel of 0.
    // Its share of 6.1.1.2's points would have no tâche to go to; TeT HEAD only gives to siblings
    // with a potentiel, so the 1.5 points go to 6.1.1.3, 6.1.1.4 and 6.1.1.5.
    const ref = (await parseEmbeddedReferentiel()).referentiel!;
    const consequences = new Map<string, Consequence>([
      ['cae_6.1.1.2', { desactive: true }],
      ['cae_6.1.1.1.2', { desactive: true }],
      ['cae_6.1.1.1.1', { facteur: Rational.ZERO }],
    ]);
    checkInvariants(ref, new Map(), consequences);
    const { scores } = computeScores(ref, { statuts: new Map(), consequences });
    expect(scores.get('cae_6.1.1.1')!.pointPotentiel.isZero()).toBe(true);
    expect(scores.get('cae_6.1.1.3')!.pointPotentiel.toFraction()).toBe('2');
    // 6.1.1.1's own 0.6 had nobody to go to inside it (its only concerné tâche is worth 0): lost.
    expect(scores.get('cae_6.1.1')!.pointPotentiel.toFraction()).toBe('27/5');
  });
});

describe('engine properties — embedded référentiel', () => {
  propertySuite(async () => (await parseEmbeddedReferentiel()).referentiel!, RUNS * 3);
});

describeCorpus('engine properties — CAE', () => {
  propertySuite(async () => (await parseReferentiel(tet('referentiels', 'cae'))).referentiel!, RUNS);
});

describeCorpus('engine properties — ECI', () => {
  propertySuite(async () => (await parseReferentiel(tet('referentiels', 'eci'))).referentiel!, RUNS);
});
