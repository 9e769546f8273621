/**
 * The avancement pass has two implementations (src/score/avancement.ts): exact integer units of
 * 1/D (the fast path) and Rationals (the fallback). They must give identical exact results, score
 * overrides included, on random dossiers and consequences over the embedded référentiel and the
 * corpora; and the integer path must step aside when a value would leave the safe integers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Rational } from '../../src/exact/rational.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import { parseEmbeddedReferentiel, parseReferentiel } from '../../src/referentiel/read-referentiel.js';
import { computeAvancementRational, computeAvancementUnits } from '../../src/score/avancement.js';
import { computeScoresByIndex } from '../../src/score/compute-scores.js';
import type { Consequence } from '../../src/score/consequences.js';
import { flatTree } from '../../src/score/flat-tree.js';
import { computePotentielsRational, consequencesByIndex } from '../../src/score/potentiels.js';
import { computePotentielsUnits } from '../../src/score/potentiels-units.js';
import type { ActionStatut } from '../../src/score/statut.js';
import { StatutsIndex } from '../../src/score/statuts-index.js';
import { describeCorpus, tet } from '../support/corpus.js';
import { consequencesArb, statutsArb } from '../support/random-dossier.js';
import { importHeadContent } from '../support/head-content.js';
import { describeTetHead } from '../support/tet-head.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

function byIndex(ref: Referentiel, statuts: Map<string, ActionStatut>): StatutsIndex {
  const tree = flatTree(ref);
  const out = new StatutsIndex(tree.nodes.length);
  for (const [id, s] of statuts) out.set(tree.indexById.get(id)!, s);
  return out;
}

/** Random consequences plus score overrides: a constant cap, or a fraction of another action's ratio. */
function consequencesWithOverridesArb(ref: Referentiel): fc.Arbitrary<Map<string, Consequence>> {
  const ids = [...ref.actions.keys()];
  const override = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([a, b]): Consequence => ({ scoreOverride: () => Rational.of(a, b) })),
    fc.tuple(fc.constantFrom(...ids), fc.integer({ min: 1, max: 7 })).map(([other, k]): Consequence => ({ scoreOverride: (read) => read(other)?.divInt(k) ?? null })),
  );
  return fc
    .tuple(consequencesArb(ref), fc.array(fc.tuple(fc.constantFrom(...ids), override), { maxLength: 4 }))
    .map(([c, o]) => {
      const m = new Map(c);
      for (const [id, x] of o) m.set(id, { ...m.get(id), ...x });
      return m;
    });
}

const exact = (x: unknown): unknown => JSON.stringify(x, (_, v) => (v instanceof Rational ? v.toFraction() : v));

function suite(load: () => Promise<Referentiel>, runs: number): void {
  let ref: Referentiel;
  it('loads', async () => {
    ref = await load();
    expect(ref.actions.size).toBeGreaterThan(0);
  });

  it('integer units and Rationals give identical scores, overrides and redistribution', () => {
    let unitsUsed = 0;
    fc.assert(
      fc.property(statutsArb(ref), consequencesWithOverridesArb(ref), (s, c) => {
        const statuts = byIndex(ref, s);
        const tree = flatTree(ref);
        const pot = computePotentielsUnits(tree, statuts, consequencesByIndex(tree, c));
        if (pot !== null && computeAvancementUnits(tree, statuts, pot) !== null) unitsUsed++;
        const a = computeScoresByIndex(ref, statuts, [], c);
        const b = computeScoresByIndex(ref, statuts, [], c, 'rationals');
        expect(exact([...a.scores.values()])).toBe(exact([...b.scores.values()]));
        expect(exact(a.overrides)).toBe(exact(b.overrides));
        expect(exact([...a.redistribution])).toBe(exact([...b.redistribution]));
      }),
      { numRuns: runs },
    );
    // The comparison is only worth something if the integer path actually ran.
    expect(unitsUsed).toBeGreaterThan(runs * 0.9);
  });
}

describe('avancement: integer units = Rationals — embedded référentiel', () => {
  suite(async () => (await parseEmbeddedReferentiel()).referentiel!, RUNS);

  it('falls back to Rationals when the common denominator would leave the safe integers', async () => {
    const ref = (await parseEmbeddedReferentiel()).referentiel!;
    const tree = flatTree(ref);
    const leaves = tree.nodes.filter((n) => n.children.length === 0);
    // Facteurs with distinct large primes: their lcm is far beyond 2^53.
    const primes = [2147483647, 2147483629, 2147483587];
    const c = new Map<string, Consequence>(primes.map((p, k) => [leaves[k]!.id, { facteur: Rational.of(p - 1, p) }]));
    const statuts = byIndex(ref, new Map());
    const cons = consequencesByIndex(tree, c);
    expect(computePotentielsUnits(tree, statuts, cons)).toBeNull();
    const pot = computePotentielsRational(tree, statuts, cons);
    const a = computeScoresByIndex(ref, statuts, [], c);
    const rational = computeAvancementRational(tree, statuts, pot);
    expect(a.scores.at(0).pointNonRenseigne.equals(rational.nonRenseigne.at(0))).toBe(true);
    expect(a.scores.at(0).pointNonRenseigne.equals(a.scores.at(0).pointPotentiel)).toBe(true);
  });
});

describeCorpus('avancement: integer units = Rationals — CAE', () => {
  suite(async () => (await parseReferentiel(tet('referentiels', 'cae'))).referentiel!, Math.ceil(RUNS / 3));
});

describeCorpus('avancement: integer units = Rationals — ECI', () => {
  suite(async () => (await parseReferentiel(tet('referentiels', 'eci'))).referentiel!, Math.ceil(RUNS / 3));
});

describe('avancement: integer units = Rationals — embedded référentiel without redistribution (TE option)', () => {
  suite(async () => ({ ...(await parseEmbeddedReferentiel()).referentiel!, options: { redistribution: false, personnalisation: 'toutes' as const } }), Math.ceil(RUNS / 3));
});

describeTetHead('avancement: integer units = Rationals — TE imported from HEAD', () => {
  const work = mkdtempSync(join(tmpdir(), 'cae-te-units-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  suite(async () => (await parseReferentiel(await importHeadContent('te', work))).referentiel!, Math.ceil(RUNS / 3));
});
