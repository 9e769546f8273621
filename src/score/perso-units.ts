/**
 * Personalised points in the integer path's unit (scoring.md §6.4): the référentiel's points as
 * counts of 1/D, multiplied where reduction factors apply (nested factors multiply). A factor's
 * subtree is a contiguous index range, and the factors covering a node combine into one reduced
 * pair: a personalised count is the référentiel points' count × fn ÷ fd, in integer arithmetic,
 * computed when read (no column per dossier).
 *
 * Invariant: D (space.denominator) is a multiple of the référentiel's D0 and the smallest one that
 * makes every personalised value a whole count (then multiplied by the détaillé fractions'
 * denominator when that fits); every count is a safe integer, or `of` gives null.
 */
import { Rational, gcdNumber } from '../exact/rational.js';
import type { DossierColumns } from './dossier-columns.js';
import type { ExactColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import type { ConsequencesByIndex } from './potentiels.js';
import type { StatutsIndex } from './statuts-index.js';
import { MAX_UNITS, UnitSpace, isSafeUnits, lcmUnits } from './unit-space.js';

/** Per node, the index of the innermost factor covering it (read only inside factors' subtrees); reused between calls. */
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
    /** The innermost factor of each personalised node: valid during the scoring call only (shared scratch). */
    private readonly factorOf: Int32Array,
    private readonly facteurNodes: readonly number[],
    private readonly combined: readonly Rational[],
    readonly space: UnitSpace,
  ) {}

  /**
   * The unit that counts every point and personalised value, refined up front by the détaillé
   * fractions' denominators (spares the avancement pass most refinements); null when a value
   * cannot be counted in safe integers, or a factor is negative: the caller then hands over to
   * the reference engine. Marks `hasFacteur` and `personalised`. Read `at` during the same
   * scoring only (its factor index is shared between calls); `column` stays valid.
   */
  static of(tree: FlatTree, statuts: StatutsIndex, consequences: ConsequencesByIndex, columns: DossierColumns): PersoUnits | null {
    const D0 = tree.unitDenominator;
    if (D0 === 0) return null;
    const combined = combinedFactors(tree, consequences);
    if (combined === null) return null;
    const { facteurNodes } = consequences;
    const { subtreeEnd } = tree;
    const { hasFacteur, personalised } = columns;
    if (scratch.length < tree.nodes.length) scratch = new Int32Array(tree.nodes.length);
    // Within each factor's subtree, the innermost factor (later ones are nested in earlier ones).
    const factorOf = scratch;
    for (let k = 0; k < facteurNodes.length; k++) {
      hasFacteur[facteurNodes[k]!] = 1;
      factorOf.fill(k, facteurNodes[k]!, subtreeEnd[facteurNodes[k]!]);
    }
    const m = refinementFor(tree, facteurNodes, combined, factorOf, personalised);
    if (m === 0 || !isSafeUnits(D0 * m)) return null;
    let D = D0 * m;
    const Dt = statuts.fractionsDenominator();
    if (Dt > 1 && isSafeUnits(D * Dt)) D *= Dt;
    return new PersoUnits(tree, personalised, factorOf, facteurNodes, combined, new UnitSpace(D));
  }

  isPersonalised(i: number): boolean {
    return this.personalised[i] === 1;
  }

  /**
   * Node i's personalised points in current units (its référentiel points' count × fn ÷ fd of its
   * factors, whole since D is refined for it); NaN when not a safe integer.
   */
  at(i: number): number {
    const v = this.tree.pointUnits[i]! * (this.space.denominator / this.tree.unitDenominator);
    if (!isSafeUnits(v)) return Number.NaN;
    if (this.personalised[i] !== 1) return v;
    const f = this.combined[this.factorOf[i]!]!;
    const p = (v / f.safeDenominator) * f.safeNumerator;
    return isSafeUnits(p) ? p : Number.NaN;
  }

  /** The same values as Rationals, for callers (valid after the scoring). */
  column(): ExactColumn {
    return new PersoColumn(this.tree, this.facteurNodes, this.combined);
  }
}

/**
 * The smallest m such that every personalised value is a whole count of 1/(D0 × m): a node of
 * pointUnits p (counts of 1/D0) under the factor fn/fd (reduced) needs fd ÷ gcd(p, fd), and over
 * a range of nodes that is fd ÷ gcd(fd, every p): a factor with no other inside its subtree reads
 * the subtree's gcd, computed once per référentiel. 0 when m overflows. Marks `personalised`.
 */
function refinementFor(tree: FlatTree, facteurNodes: readonly number[], combined: readonly Rational[], factorOf: Int32Array, personalised: Uint8Array): number {
  const { subtreeEnd, pointUnits } = tree;
  const gcds = subtreeGcds(tree);
  let m = 1;
  for (let k = 0; k < facteurNodes.length; k++) {
    const top = facteurNodes[k]!;
    const end = subtreeEnd[top]!;
    personalised.fill(1, top, end);
    const fd = combined[k]!.safeDenominator;
    if (fd === 1) continue;
    if (k + 1 === facteurNodes.length || facteurNodes[k + 1]! >= end) {
      m = lcmUnits(m, UnitSpace.refinementFor(gcds[top]!, fd));
    } else {
      // Another factor inside: only the nodes this one is the innermost factor of.
      for (let i = top; i < end; i++) {
        if (factorOf[i] !== k) continue;
        const rest = pointUnits[i]! % fd;
        if (rest !== 0) m = lcmUnits(m, UnitSpace.refinementFor(rest, fd));
      }
    }
    if (m === 0) return 0;
  }
  return m;
}

const gcdCache = new WeakMap<FlatTree, Float64Array>();

/** gcd of the pointUnits of each subtree (0 when they are all 0), once per flat tree. */
function subtreeGcds(tree: FlatTree): Float64Array {
  let gcds = gcdCache.get(tree);
  if (gcds) return gcds;
  const { pointUnits, parent } = tree;
  gcds = Float64Array.from(pointUnits, Math.abs);
  // Reverse pre-order: each node is final before it goes into its parent's.
  for (let i = gcds.length - 1; i > 0; i--) gcds[parent[i]!] = gcdNumber(gcds[parent[i]!]!, gcds[i]!);
  gcdCache.set(tree, gcds);
  return gcds;
}

/**
 * Personalised points as Rationals, read only: the référentiel's points times the innermost
 * factor's combined value (callers read the few nodes with a factor).
 */
class PersoColumn implements ExactColumn {
  constructor(
    private readonly tree: FlatTree,
    private readonly facteurNodes: readonly number[],
    private readonly combined: readonly Rational[],
  ) {}
  at(i: number): Rational {
    const { facteurNodes, tree } = this;
    // Scanning down, the first factor whose subtree holds i is the innermost one.
    for (let k = facteurNodes.length - 1; k >= 0; k--) {
      const top = facteurNodes[k]!;
      if (top <= i && i < tree.subtreeEnd[top]!) return tree.points[i]!.mul(this.combined[k]!);
    }
    return tree.points[i]!;
  }
  sign(i: number): -1 | 0 | 1 {
    return this.at(i).sign();
  }
  set(): void {
    throw new Error('PersoColumn est en lecture seule');
  }
}
