/**
 * Personalised points in the integer path's unit (scoring.md §6.4): the référentiel's points as
 * counts of 1/D, except where a reduction factor gave another value (kept as a Rational and
 * converted on read, since the unit may be refined after).
 *
 * Invariant: D (space.denominator) is a multiple of the référentiel's D0 and of the denominator
 * of every personalised value, so each perso point is a whole count of 1/D; `at` returns NaN
 * when that count is not a safe integer.
 */
import type { Rational } from '../exact/rational.js';
import type { FlatTree } from './flat-tree.js';
import { type ConsequencesByIndex, personalisedPoints } from './potentiels.js';
import type { StatutsIndex } from './statuts-index.js';
import { UnitSpace, isSafeUnits, lcmUnits } from './unit-space.js';

export class PersoUnits {
  private constructor(
    private readonly tree: FlatTree,
    /** 1 where a factor changed the node's points. */
    private readonly personalised: Uint8Array,
    readonly values: ReadonlyMap<number, Rational>,
    readonly space: UnitSpace,
  ) {}

  /**
   * The unit that counts every point and personalised value, refined up front by the détaillé
   * fractions' denominators (spares the avancement pass most refinements); null when a value
   * cannot be counted in safe integers, or a factor is negative (the sums below assume potentiels
   * are never negative): the caller then hands over to the reference engine.
   */
  static of(tree: FlatTree, statuts: StatutsIndex, consequences: ConsequencesByIndex, hasFacteur: Uint8Array, personalised: Uint8Array): PersoUnits | null {
    const D0 = tree.unitDenominator;
    if (D0 === 0) return null;
    for (const i of consequences.facteurNodes) if (consequences.facteur.get(i)!.sign() < 0) return null;
    const values = personalisedPoints(tree, consequences, hasFacteur);
    let D = D0;
    for (const [i, v] of values) {
      personalised[i] = 1;
      const d = v.safeDenominator;
      if (!isSafeUnits(d) || (D = lcmUnits(D, d)) === 0) return null;
    }
    const Dt = statuts.fractionsDenominator();
    if (Dt > 1 && isSafeUnits(D * Dt)) D *= Dt;
    return new PersoUnits(tree, personalised, values, new UnitSpace(D));
  }

  isPersonalised(i: number): boolean {
    return this.personalised[i] === 1;
  }

  /** Node i's personalised points in current units; NaN when not a safe integer. */
  at(i: number): number {
    const D = this.space.denominator;
    const v = this.personalised[i] ? this.personalisedAt(i, D) : this.tree.pointUnits[i]! * (D / this.tree.unitDenominator);
    return isSafeUnits(v) ? v : Number.NaN;
  }

  /** The référentiel's sum below node i (what an untouched subtree keeps), in current units. */
  naturalAt(i: number): number {
    return this.tree.naturalUnits[i]! * (this.space.denominator / this.tree.unitDenominator);
  }

  private personalisedAt(i: number, D: number): number {
    const p = this.values.get(i)!;
    return p.safeNumerator * (D / p.safeDenominator);
  }
}
