/**
 * Personalised points in the integer path's unit (scoring.md §6.4): the référentiel's points as
 * counts of 1/D, multiplied where reduction factors apply (nested factors multiply). A factor's
 * subtree is a contiguous index range, and the factors covering a node combine into one reduced
 * pair: each personalised count is computed once, with integer arithmetic, into a column of the
 * unit space; any other node's count is its référentiel points', scaled to the current unit.
 *
 * Invariant: D (space.denominator) is a multiple of the référentiel's D0 and the smallest one that
 * makes every personalised value a whole count (then multiplied by the détaillé fractions'
 * denominator when that fits); every count is a safe integer, or `of` gives null.
 */
import { Rational } from '../exact/rational.js';
import type { DossierColumns } from './dossier-columns.js';
import type { ExactColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import type { ConsequencesByIndex } from './potentiels.js';
import type { StatutsIndex } from './statuts-index.js';
import { MAX_UNITS, UnitSpace, isSafeUnits, lcmUnits } from './unit-space.js';

/** Per node, the index of the innermost factor covering it (−1: none); reused between calls. */
let scratch = new Int32Array(0);

/**
 * The factor each facteur node applies to its subtree: its own times the enclosing factors'
 * (facteurNodes ascend in pre-order, so an enclosing factor comes first). Null when a factor is
 * negative (the sums of the integer path assume potentiels are never negative) or is not a pair
 * of safe integers.
 */
function combinedFactors(tree: FlatTree, consequences: ConsequencesByIndex): Rational[] | null {
  const { facteurNodes, facteur } = consequences;
  const combined: Rational[] = [];
  const open: number[] = [];
  for (const f of facteur.values()) if (f.sign() < 0) return null;
  for (let k = 0; k < facteurNodes.length; k++) {
    const top = facteurNodes[k]!;
    while (open.length > 0 && tree.subtreeEnd[facteurNodes[open[open.length - 1]!]!]! <= top) open.pop();
    const f = open.length > 0 ? combined[open[open.length - 1]!]!.mul(facteur.get(top)!) : facteur.get(top)!;
    if (!(isSafeUnits(f.safeNumerator) && f.safeDenominator <= MAX_UNITS)) return null;
    combined.push(f);
    open.push(k);
  }
  return combined;
}

export class PersoUnits {
  private constructor(
    private readonly tree: FlatTree,
    private readonly personalised: Uint8Array,
    /** Counts where personalised (a column of the space); the référentiel's points elsewhere. */
    private readonly units: Float64Array,
    readonly space: UnitSpace,
  ) {}

  /**
   * The unit that counts every point and personalised value, refined up front by the détaillé
   * fractions' denominators (spares the avancement pass most refinements); null when a value
   * cannot be counted in safe integers, or a factor is negative: the caller then hands over to
   * the reference engine. Fills `columns.perso`, marks `hasFacteur` and `personalised`.
   */
  static of(tree: FlatTree, statuts: StatutsIndex, consequences: ConsequencesByIndex, columns: DossierColumns): PersoUnits | null {
    const D0 = tree.unitDenominator;
    if (D0 === 0) return null;
    const combined = combinedFactors(tree, consequences);
    if (combined === null) return null;
    const { facteurNodes } = consequences;
    const { subtreeEnd, pointUnits } = tree;
    const { hasFacteur, personalised, perso } = columns;
    // Every factor's subtree lies in [first, end): the only nodes a factor may change.
    const first = facteurNodes.length > 0 ? facteurNodes[0]! : 0;
    let end = first;
    for (const top of facteurNodes) if (subtreeEnd[top]! > end) end = subtreeEnd[top]!;
    if (scratch.length < end) scratch = new Int32Array(tree.nodes.length);
    const factorOf = scratch;
    factorOf.fill(-1, first, end);
    for (let k = 0; k < facteurNodes.length; k++) {
      hasFacteur[facteurNodes[k]!] = 1;
      factorOf.fill(k, facteurNodes[k]!, subtreeEnd[facteurNodes[k]!]);
    }
    const m = refinementFor(combined, factorOf, first, end, pointUnits, personalised);
    if (m === 0 || !isSafeUnits(D0 * m)) return null;
    let D = D0 * m;
    const Dt = statuts.fractionsDenominator();
    if (Dt > 1 && isSafeUnits(D * Dt)) D *= Dt;
    const scale = D / D0;
    for (let i = first; i < end; i++) {
      const k = factorOf[i]!;
      if (k < 0) continue;
      const f = combined[k]!;
      const v = ((pointUnits[i]! * scale) / f.safeDenominator) * f.safeNumerator;
      if (!isSafeUnits(v)) return null;
      perso[i] = v;
    }
    const space = new UnitSpace(D);
    space.adopt(perso);
    return new PersoUnits(tree, personalised, perso, space);
  }

  isPersonalised(i: number): boolean {
    return this.personalised[i] === 1;
  }

  /** Node i's personalised points in current units; NaN when not a safe integer. */
  at(i: number): number {
    if (this.personalised[i] === 1) return this.units[i]!;
    const v = this.tree.pointUnits[i]! * (this.space.denominator / this.tree.unitDenominator);
    return isSafeUnits(v) ? v : Number.NaN;
  }

  /** The same values as Rationals, for callers. */
  column(): ExactColumn {
    return new PersoColumn(this, this.tree.points);
  }
}

/**
 * The smallest m such that every personalised value is a whole count of 1/(D0 × m): a node of
 * pointUnits p (counts of 1/D0) under the factor fn/fd (reduced) needs fd ÷ gcd(p, fd). 0 when m
 * overflows. Marks `personalised`.
 */
function refinementFor(combined: readonly Rational[], factorOf: Int32Array, first: number, end: number, pointUnits: Float64Array, personalised: Uint8Array): number {
  let m = 1;
  for (let i = first; i < end; i++) {
    const k = factorOf[i]!;
    if (k < 0) continue;
    personalised[i] = 1;
    const fd = combined[k]!.safeDenominator;
    if (fd === 1) continue;
    const rest = pointUnits[i]! % fd;
    if (rest !== 0 && (m = lcmUnits(m, UnitSpace.refinementFor(rest, fd))) === 0) return 0;
  }
  return m;
}

/** Personalised points as Rationals, read only. */
class PersoColumn implements ExactColumn {
  constructor(
    private readonly perso: PersoUnits,
    private readonly points: readonly Rational[],
  ) {}
  at(i: number): Rational {
    return this.perso.isPersonalised(i) ? Rational.of(this.perso.at(i), this.perso.space.denominator) : this.points[i]!;
  }
  sign(i: number): -1 | 0 | 1 {
    return this.at(i).sign();
  }
  set(): void {
    throw new Error('PersoColumn est en lecture seule');
  }
}
