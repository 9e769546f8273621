/**
 * The integer path refines its unit when a value needs a finer one (score/unit-space.ts): a share
 * of pool ÷ receivers, a receiver's subtree scaled by new ÷ old, a détaillé fraction of a
 * potentiel. On the real référentiels that is rare, so this test builds one where it is the rule:
 * a mesure of 7 points cut into sous-actions of 13 %, 17 %, 19 %, 23 % and 28 %, each split into
 * 3, 5, 7, 2 and 11 tâches. Random statuts and factors must give exactly the reference engine's
 * scores, and most runs must really have refined.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import { parseReferentielFiles } from '../referentiel/parse-referentiel.js';
import { computeAvancementUnits } from '../score/avancement.js';
import { computeScoresByIndex } from '../score/compute-scores.js';
import { computeScoresReference } from '../score/reference/compute-scores-reference.js';
import { StatutsById } from '../score/statuts-by-id.js';
import type { Consequence } from '../score/consequences.js';
import { flatTree } from '../score/flat-tree.js';
import { consequencesByIndex } from '../score/potentiels.js';
import { computePotentielsUnits } from '../score/potentiels-units.js';
import { STATUT_SIMPLE, statutDetaille } from '../score/statut.js';
import { StatutsIndex } from '../score/statuts-index.js';
import { UnitSpace } from '../score/unit-space.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const SHARES = [13, 17, 19, 23, 28];
const TACHES = [3, 5, 7, 2, 11];

function mesureMarkdown(): string {
  const lines = ['# Mesure aux parts malcommodes', '```yaml', 'identifiant: 1.1.1', 'points: 7', '```', '## Actions'];
  SHARES.forEach((share, s) => {
    lines.push(`### Sous-action ${s + 1}`, '```yaml', `identifiant: 1.1.1.${s + 1}`, `pourcentage: ${share}`, '```', '#### Actions');
    for (let t = 1; t <= TACHES[s]!; t++) lines.push(`##### Tâche ${t}`, '```yaml', `identifiant: 1.1.1.${s + 1}.${t}`, '```');
  });
  return lines.join('\n');
}

const { referentiel } = parseReferentielFiles([
  { path: 'cae.md', content: '# Racine\n```yaml\nidentifiant: ""\nreferentiel: "cae"\n```\n' },
  { path: '1.md', content: '# Axe\n```yaml\nidentifiant: 1\n```\n## Actions\n### Sous-axe\n```yaml\nidentifiant: 1.1\n```\n' },
  { path: '1.1.1.md', content: mesureMarkdown() },
]);
const ref = referentiel!;
const tree = flatTree(ref);
const exact = (x: unknown): string => JSON.stringify(x, (_, v) => (v instanceof Rational ? v.toFraction() : v));

const statutArb = fc.oneof(
  fc.constantFrom(...Object.values(STATUT_SIMPLE)),
  fc.constantFrom([0.5, 0.25, 0.25], [0.1, 0.2, 0.7], [0.3, 0.3, 0.4], [0.125, 0.375, 0.5]).map(([a, b, c]) => statutDetaille(a!, b!, c!)),
);
const statutsArb = fc.array(fc.tuple(fc.integer({ min: 1, max: tree.nodes.length - 1 }), statutArb), { maxLength: 30 }).map((pairs) => {
  const index = new StatutsIndex(tree.nodes.length);
  for (const [i, s] of pairs) index.set(i, s);
  return index;
});
const consequencesArb = fc
  .array(fc.tuple(fc.constantFrom(...ref.actions.keys()), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 13 })), { maxLength: 3 })
  .map((xs) => new Map<string, Consequence>(xs.map(([id, n, d]) => [id, { facteur: Rational.of(n, d) }])));

describe('integer units: refinements on a référentiel built to need them', () => {
  it('parses the synthetic référentiel', () => {
    expect(ref.actions.get('cae_1.1.1')!.points.equals(Rational.of(7))).toBe(true);
    expect(tree.unitDenominator).toBeGreaterThan(0);
  });

  it('gives exactly the reference engine’s scores, and refines in most runs', () => {
    let refined = 0;
    fc.assert(
      fc.property(statutsArb, consequencesArb, (statuts, consequences) => {
        const pot = computePotentielsUnits(tree, statuts, consequencesByIndex(tree, consequences));
        if (pot) {
          const D = pot.space.denominator;
          computeAvancementUnits(tree, statuts, pot);
          if (pot.space.denominator > D || D > tree.unitDenominator) refined++;
        }
        const a = computeScoresByIndex(ref, statuts, [], consequences);
        const b = computeScoresReference(ref, { statuts: new StatutsById(tree, statuts), consequences });
        expect(exact([...a.scores.values()])).toBe(exact([...b.scores.values()]));
        expect(exact([...a.redistribution])).toBe(exact([...b.redistribution]));
      }),
      { numRuns: RUNS },
    );
    expect(refined).toBeGreaterThan(RUNS / 2);
  });

  it('steps aside for negative factors, and still agrees with the reference engine', () => {
    const consequences = new Map<string, Consequence>([['cae_1.1.1.2', { facteur: Rational.of(-1, 3) }]]);
    const statuts = new StatutsIndex(tree.nodes.length);
    expect(computePotentielsUnits(tree, statuts, consequencesByIndex(tree, consequences))).toBeNull();
    const a = computeScoresByIndex(ref, statuts, [], consequences);
    const b = computeScoresReference(ref, { statuts: new StatutsById(tree, statuts), consequences });
    expect(exact([...a.scores.values()])).toBe(exact([...b.scores.values()]));
  });
});

describe('UnitSpace', () => {
  it('refines every column, and refuses to leave the safe integers', () => {
    const space = new UnitSpace(6);
    const [a] = space.columnsOf(1, 3) as [Float64Array];
    a.set([1, 4, 5]);
    expect(space.refine(7)).toBe(true);
    expect([...a]).toEqual([7, 28, 35]);
    expect(space.denominator).toBe(42);
    expect(space.refine(2 ** 52)).toBe(false);
  });

  it('computes the smallest refinement that makes value ÷ b whole', () => {
    expect(UnitSpace.refinementFor(12, 8)).toBe(2);
    expect(UnitSpace.refinementFor(0, 8)).toBe(1);
    expect(UnitSpace.refinementFor(7, 3)).toBe(3);
  });
});
