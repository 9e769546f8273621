/**
 * Personalised points of the integer path (perso-units.ts) against a plain computation in
 * Rationals: each node's référentiel points times every factor on it and its ancestors, and D the
 * smallest multiple of D0 that counts them all (times the détaillé denominator when it fits).
 * Factors are drawn nested on purpose (a factor inside another's subtree), on generated
 * référentiels, so the subtree-gcd shortcut and the per-node path for nested factors both run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referentielArb } from '../../test/support/score-arbitraries.js';
import { Rational } from '../exact/rational.js';
import { dossierColumns } from './dossier-columns.js';
import { flatTree } from './flat-tree.js';
import { PersoUnits } from './perso-units.js';
import { consequencesByIndex } from './potentiels.js';
import { statutDetaille } from './statut.js';
import { StatutsIndex } from './statuts-index.js';
import { isSafeUnits, lcmUnits } from './unit-space.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

const facteurArb = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 24 })).map(([n, d]) => Rational.of(n, d));

/** A référentiel, factors on random nodes (often nested), and maybe one détaillé statut. */
const casArb = referentielArb.chain((ref) => {
  const n = flatTree(ref).nodes.length;
  return fc.tuple(
    fc.constant(ref),
    fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), facteurArb), { maxLength: 8 }),
    fc.option(fc.tuple(fc.integer({ min: 1, max: Math.max(1, n - 1) }), fc.constantFrom([0.5, 0.25, 0.25], [0.1, 0.2, 0.7], [0.125, 0.375, 0.5]))),
  );
});

describe('PersoUnits: personalised points in integer units', () => {
  it(`equal points × the factors above each node, in the smallest unit (${RUNS} runs)`, () => {
    let nested = 0;
    fc.assert(
      fc.property(casArb, ([ref, facteurs, detaille]) => {
        const tree = flatTree(ref);
        const n = tree.nodes.length;
        const consequences = new Map(facteurs.map(([i, f]) => [tree.nodes[i]!.id, { facteur: f }]));
        const statuts = new StatutsIndex(n);
        if (detaille && detaille[0] < n) statuts.set(detaille[0], statutDetaille(...(detaille[1] as [number, number, number])));
        const byIndex = consequencesByIndex(tree, consequences);
        const perso = PersoUnits.of(tree, statuts, byIndex, dossierColumns(n));
        // The plain computation: every factor multiplies its whole subtree.
        const expected = tree.points.slice();
        for (const top of byIndex.facteurNodes) for (let i = top; i < tree.subtreeEnd[top]!; i++) expected[i] = expected[i]!.mul(byIndex.facteur.get(top)!);
        if (byIndex.facteurNodes.some((a, k) => byIndex.facteurNodes.slice(k + 1).some((b) => b < tree.subtreeEnd[a]!))) nested++;
        let D = tree.unitDenominator;
        for (let i = 0; i < n; i++) D = lcmUnits(D, expected[i]!.safeDenominator);
        const Dt = statuts.fractionsDenominator();
        if (Dt > 1 && isSafeUnits(D * Dt)) D *= Dt;
        expect(perso).not.toBeNull();
        expect(perso!.space.denominator).toBe(D);
        const column = perso!.column();
        for (let i = 0; i < n; i++) {
          expect(column.at(i).equals(expected[i]!)).toBe(true);
          expect(Rational.of(perso!.at(i), D).equals(expected[i]!)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(nested).toBeGreaterThan(RUNS / 10);
  });

  it('steps aside (null) for a negative factor', () => {
    const ref = fc.sample(referentielArb, { numRuns: 1, seed: 7 })[0]!;
    const tree = flatTree(ref);
    const byIndex = consequencesByIndex(tree, new Map([[tree.nodes[0]!.id, { facteur: Rational.of(-1, 2) }]]));
    expect(PersoUnits.of(tree, new StatutsIndex(tree.nodes.length), byIndex, dossierColumns(tree.nodes.length))).toBeNull();
  });
});
