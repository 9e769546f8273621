/**
 * The potentiel pass (potentiels.ts, steps 1–4) in exact integer units of 1/D: the fast path.
 * D starts as the référentiel's D0 (every point is a whole count of 1/D0) and is refined when a
 * value needs a finer unit: a personalised point, a redistributed share (pool ÷ receivers), a
 * receiver's subtree scaled by new ÷ old potentiel. Returns null when a value would leave the
 * safe integers; the caller then runs the Rational path, which gives the same exact values.
 */
import { gcdNumber } from '../exact/rational.js';
import { PersoColumn, UnitColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import { type ConsequencesByIndex, type Potentiels, markNonConcernes, personalisedPoints } from './potentiels.js';
import { AUCUN, type StatutsIndex, isConcerneCode } from './statuts-index.js';
import { UnitSpace, isSafeUnits, lcmUnits } from './unit-space.js';

const CHILD_NON_CONCERNE = 1;
const CHILD_CONCERNE = 2;
const CHILD_TOUCHED = 4;

export interface PotentielsUnits extends Potentiels {
  /** The unit the columns count: read `space.denominator` after every refinement. */
  space: UnitSpace;
  /** Potentiels as integer counts of 1/space.denominator (a column of `space`). */
  potentielUnits: Float64Array;
}

export function computePotentielsUnits(tree: FlatTree, statuts: StatutsIndex, consequences: ConsequencesByIndex): PotentielsUnits | null {
  const { nodes, redistributionLevel, depth, subtreeEnd, parent } = tree;
  const n = nodes.length;
  const D0 = tree.unitDenominator;
  if (D0 === 0) return null;

  // 1. Personalised points: D must count the personalised values exactly too.
  // One allocation for six byte columns: hasFacteur, desactive, nonConcerne, touched, personalised, childFlags.
  const flags = new Uint8Array(6 * n);
  const hasFacteur = flags.subarray(0, n);
  const personalised = flags.subarray(4 * n, 5 * n);
  // Negative factors (nonsensical, but a formula may give one) would allow negative potentiels,
  // which the sums below do not expect: the Rational path takes them.
  for (const i of consequences.facteurNodes) if (consequences.facteur.get(i)!.sign() < 0) return null;
  const personalisedValue = personalisedPoints(tree, consequences, hasFacteur);
  for (const i of personalisedValue.keys()) personalised[i] = 1;
  let D = D0;
  for (const v of personalisedValue.values()) {
    const d = v.safeDenominator;
    if (!isSafeUnits(d)) return null;
    D = lcmUnits(D, d);
    if (D === 0) return null;
  }
  // Détaillé statuts will take fractions of potentiels: a unit their denominators divide from the
  // start spares the avancement pass most refinements (a refinement rescales whole columns).
  const code = statuts.code;
  const Dt = statuts.fractionsDenominator();
  if (Dt > 1 && isSafeUnits(D * Dt)) D *= Dt;
  const space = new UnitSpace(D);
  let scale = D / D0; // référentiel units → current units (D is always a multiple of D0)
  const pointUnits = tree.pointUnits;
  /** Personalised points in current units; NaN when the value is not a safe integer. */
  const persoAt = (i: number): number => {
    let v: number;
    if (personalised[i]) {
      const p = personalisedValue.get(i)!;
      v = p.safeNumerator * (space.denominator / p.safeDenominator);
    } else v = pointUnits[i]! * scale;
    return isSafeUnits(v) ? v : Number.NaN;
  };

  // 2–3. Désactivés and non concernés, top-down.
  const desactive = flags.subarray(n, 2 * n);
  const nonConcerne = flags.subarray(2 * n, 3 * n);
  markNonConcernes(tree, statuts, consequences, desactive, nonConcerne);

  // 4. Bottom-up, as in computePotentielsRational; untouched subtrees keep the référentiel's sums.
  //    When children must be walked, the pre-order layout gives them: the first child of i is
  //    i + 1 and the sibling after c starts at subtreeEnd[c].
  const [potentiel, redistribution] = space.columnsOf(2, n) as [Float64Array, Float64Array];
  const touched = flags.subarray(3 * n, 4 * n);
  const natural = tree.naturalUnits;
  const receivers: number[] = [];
  const ratios: number[] = [];
  // What the children of each node are, pushed up by each child once it is final (bits below):
  // a parent then knows it without walking its children.
  const childFlags = flags.subarray(5 * n, 6 * n);
  // Every potentiel starts as the référentiel's sum (what an untouched subtree keeps). Potentiels
  // are never negative and the root's is the largest, so checking it checks them all.
  if (!isSafeUnits(natural[0]! * scale)) return null;
  for (let i = 0; i < n; i++) potentiel[i] = natural[i]! * scale;
  // Leaves first (they depend on nothing below them), then the other nodes, children first.
  const { leaves, internalPostOrder } = tree;
  for (let k = 0; k < leaves.length; k++) {
    const i = leaves[k]!;
    let f = CHILD_CONCERNE;
    if (nonConcerne[i]) {
      potentiel[i] = 0;
      touched[i] = 1;
      f = CHILD_NON_CONCERNE | CHILD_TOUCHED;
    } else if (personalised[i]) {
      const v = persoAt(i);
      if (v !== v) return null; // NaN: not a safe integer
      potentiel[i] = v;
      touched[i] = 1;
      f = CHILD_CONCERNE | CHILD_TOUCHED;
    }
    const q = parent[i]!;
    if (q >= 0) childFlags[q] = childFlags[q]! | f;
  }
  for (let k = 0; k < internalPostOrder.length; k++) {
    const i = internalPostOrder[k]!;
    const end = subtreeEnd[i]!;
    const cf = childFlags[i]!;
    const own = code[i]!;
    // becomesNonConcerne: all children non concernés, and no concerné statut of its own.
    if ((cf & CHILD_CONCERNE) === 0 && !nonConcerne[i] && !isConcerneCode(own)) nonConcerne[i] = 1;
    if (nonConcerne[i] || personalised[i] || (cf & CHILD_TOUCHED) !== 0 || own !== AUCUN) {
      touched[i] = 1;
      if ((cf & CHILD_NON_CONCERNE) !== 0 && depth[i]! >= redistributionLevel && !redistribute(i, end)) return null;
      if (nonConcerne[i]) potentiel[i] = 0;
      else if (own !== AUCUN && (cf & CHILD_CONCERNE) === 0) {
        // keepsOwnPotentiel: a statut and no concerné child: scored on its own personalised points.
        const v = persoAt(i);
        if (v !== v) return null;
        potentiel[i] = v;
      } else {
        // Potentiels are never negative (negative factors take the Rational path), so the sum
        // is exact when it is a safe integer: every partial sum is smaller.
        let sum = 0;
        for (let c = i + 1; c < end; c = subtreeEnd[c]!) sum += potentiel[c]!;
        if (!isSafeUnits(sum)) return null;
        potentiel[i] = sum;
      }
    }
    const q = parent[i]!;
    if (q >= 0) childFlags[q] = childFlags[q]! | (nonConcerne[i] ? CHILD_NON_CONCERNE : CHILD_CONCERNE) | (touched[i] ? CHILD_TOUCHED : 0);
  }

  /** Redistribution among the children of i (see computePotentielsRational); false on overflow. */
  function redistribute(i: number, end: number): boolean {
    let pool = 0;
    let nonConcernes = 0;
    let count = 0;
    let r = 0; // receivers[0..r)
    for (let c = i + 1; c < end; c = subtreeEnd[c]!) {
      count++;
      if (nonConcerne[c]) {
        nonConcernes++;
        pool += persoAt(c);
      } else if (potentiel[c] !== 0) receivers[r++] = c; // TeT HEAD: a receiver has a potentiel to scale
    }
    if (!isSafeUnits(pool)) return false; // NaN included
    if (nonConcernes === 0 || nonConcernes === count || pool === 0) return true;
    for (let c = i + 1; c < end; c = subtreeEnd[c]!) {
      if (!nonConcerne[c]) continue;
      const v = redistribution[c]! - persoAt(c);
      if (!isSafeUnits(v)) return false;
      redistribution[c] = v;
    }
    if (r === 0) return true; // nobody can receive: the points are lost, as in TeT
    // One refinement makes the share (pool ÷ r) and every scaled descendant whole counts. The
    // ratio new ÷ old of a receiver does not depend on the unit, so it is reduced once: a/b.
    let m = UnitSpace.refinementFor(pool, r);
    let ratioCount = 0;
    for (let k = 0; k < r; k++) {
      const c = receivers[k]!;
      if (subtreeEnd[c]! === c + 1) continue; // a leaf: nothing to scale
      const old = potentiel[c]! * r;
      const next = old + pool;
      if (!isSafeUnits(old) || !isSafeUnits(next)) return false;
      const g = gcdNumber(next, old);
      const b = old / g;
      // b must divide every descendant's potentiel × m. Only the remainders matter, and
      // gcd(b, x) = gcd(b, x mod b) works on small numbers.
      if (b !== 1) {
        for (let d = c + 1; d < subtreeEnd[c]!; d++) {
          const rest = potentiel[d]! % b;
          if (rest !== 0) m = lcmUnits(m, UnitSpace.refinementFor(rest, b));
        }
        if (m === 0) return false;
      }
      ratios[ratioCount++] = c;
      ratios[ratioCount++] = next / g;
      ratios[ratioCount++] = b;
    }
    if (!space.refine(m)) return false;
    scale = space.denominator / D0;
    const refinedPool = pool * m;
    if (!isSafeUnits(refinedPool)) return false;
    const share = refinedPool / r;
    for (let k = 0; k < r; k++) {
      const c = receivers[k]!;
      const next = potentiel[c]! + share;
      const received = redistribution[c]! + share;
      if (!isSafeUnits(next) || !isSafeUnits(received)) return false;
      potentiel[c] = next;
      redistribution[c] = received;
    }
    // The receivers' subtrees follow them, so their tâches keep summing to them.
    for (let k = 0; k < ratioCount; k += 3) {
      const c = ratios[k]!;
      const a = ratios[k + 1]!;
      const b = ratios[k + 2]!;
      for (let d = c + 1; d < subtreeEnd[c]!; d++) {
        const v = (potentiel[d]! / b) * a;
        if (!isSafeUnits(v)) return false;
        potentiel[d] = v;
      }
    }
    return true;
  }

  return {
    perso: new PersoColumn(tree.points, personalisedValue),
    hasFacteur,
    desactive,
    nonConcerne,
    potentiel: new UnitColumn((i) => potentiel[i]!, space),
    redistribution: new UnitColumn((i) => redistribution[i]!, space),
    space,
    potentielUnits: potentiel,
  };
}
