/**
 * Redistribution in the integer path (scoring.md §5.2): the perso points of the non-concerné
 * children of a node are pooled and shared equally among its concerné children whose potentiel is
 * not 0; each receiver's subtree is then scaled by new ÷ old so its tâches keep summing to it.
 *
 * Invariants:
 * - every value is a whole count of 1/D (space.denominator) and a safe integer; a share
 *   (pool ÷ receivers) or a scaled descendant that would not be whole refines the unit first, by
 *   the smallest factor that makes all of them whole (one refinement per redistribution);
 * - potentiels are never negative (PersoUnits refuses negative factors);
 * - any value that would leave the safe integers makes `redistribute` return false, and the
 *   caller hands over to the reference engine.
 * Children are walked through the pre-order layout: the first child of i is i + 1 and the sibling
 * after c starts at subtreeEnd[c].
 */
import { gcdNumber } from '../exact/rational.js';
import type { FlatTree } from './flat-tree.js';
import type { PersoUnits } from './perso-units.js';
import { UnitSpace, isSafeUnits, lcmUnits } from './unit-space.js';

/** How a receiver's subtree is scaled: every descendant × a ÷ b (new ÷ old potentiel, reduced). */
interface Scaling {
  receiver: number;
  a: number;
  b: number;
}

export class Redistribution {
  /** The concerné children with a potentiel, of the node being redistributed (reused). */
  private readonly receivers: number[] = [];
  /** Children, and non-concerné children, of the node being redistributed. */
  private count = 0;
  private nonConcernes = 0;

  constructor(
    private readonly tree: FlatTree,
    private readonly nonConcerne: Uint8Array,
    private readonly perso: PersoUnits,
    private readonly potentiel: Float64Array,
    /** Points received (> 0) or given away (< 0), in the same unit. */
    private readonly given: Float64Array,
  ) {}

  /** Redistributes among the children of node i (its subtree ends at `end`); false on overflow. */
  redistribute(i: number, end: number): boolean {
    const pool = this.collect(i, end);
    if (!isSafeUnits(pool)) return false; // NaN included
    if (this.nonConcernes === 0 || this.nonConcernes === this.count || pool === 0) return true;
    if (!this.giveAway(i, end)) return false;
    const r = this.receivers.length;
    if (r === 0) return true; // nobody can receive: the points are lost, as in TeT
    const scalings: Scaling[] = [];
    const m = this.refinement(pool, scalings);
    if (m === 0 || !this.perso.space.refine(m)) return false;
    return this.share(pool * m) && this.scale(scalings);
  }

  /** The pool (perso points of the non-concerné children); sets the receivers and the counts. */
  private collect(i: number, end: number): number {
    const { subtreeEnd } = this.tree;
    this.receivers.length = 0;
    this.nonConcernes = 0;
    this.count = 0;
    let pool = 0;
    for (let c = i + 1; c < end; c = subtreeEnd[c]!) {
      this.count++;
      if (this.nonConcerne[c]) {
        this.nonConcernes++;
        pool += this.perso.at(c);
      } else if (this.potentiel[c] !== 0) this.receivers.push(c); // TeT HEAD: a receiver has a potentiel to scale
    }
    return pool;
  }

  /** Each non-concerné child gives its perso points away. */
  private giveAway(i: number, end: number): boolean {
    const { subtreeEnd } = this.tree;
    for (let c = i + 1; c < end; c = subtreeEnd[c]!) {
      if (!this.nonConcerne[c]) continue;
      const v = this.given[c]! - this.perso.at(c);
      if (!isSafeUnits(v)) return false;
      this.given[c] = v;
    }
    return true;
  }

  /**
   * The smallest m by which to refine the unit so that the share (pool ÷ r) and every scaled
   * descendant are whole counts; 0 on overflow. Fills `scalings` (the ratio new ÷ old of a
   * receiver does not depend on the unit, so it is reduced once).
   */
  private refinement(pool: number, scalings: Scaling[]): number {
    const { subtreeEnd } = this.tree;
    const r = this.receivers.length;
    let m = UnitSpace.refinementFor(pool, r);
    for (const c of this.receivers) {
      if (subtreeEnd[c]! === c + 1) continue; // a leaf: nothing to scale
      const old = this.potentiel[c]! * r;
      const next = old + pool;
      if (!isSafeUnits(old) || !isSafeUnits(next)) return 0;
      const g = gcdNumber(next, old);
      const b = old / g;
      // b must divide every descendant's potentiel × m. Only the remainders matter, and
      // gcd(b, x) = gcd(b, x mod b) works on small numbers.
      if (b !== 1) {
        for (let d = c + 1; d < subtreeEnd[c]!; d++) {
          const rest = this.potentiel[d]! % b;
          if (rest !== 0) m = lcmUnits(m, UnitSpace.refinementFor(rest, b));
        }
        if (m === 0) return 0;
      }
      scalings.push({ receiver: c, a: next / g, b });
    }
    return m;
  }

  /** Each receiver gets pool ÷ r (pool already in the refined unit). */
  private share(pool: number): boolean {
    if (!isSafeUnits(pool)) return false;
    const share = pool / this.receivers.length;
    for (const c of this.receivers) {
      const next = this.potentiel[c]! + share;
      const received = this.given[c]! + share;
      if (!isSafeUnits(next) || !isSafeUnits(received)) return false;
      this.potentiel[c] = next;
      this.given[c] = received;
    }
    return true;
  }

  /** The receivers' subtrees follow them, so their tâches keep summing to them. */
  private scale(scalings: readonly Scaling[]): boolean {
    const { subtreeEnd } = this.tree;
    for (const { receiver: c, a, b } of scalings) {
      for (let d = c + 1; d < subtreeEnd[c]!; d++) {
        const v = (this.potentiel[d]! / b) * a;
        if (!isSafeUnits(v)) return false;
        this.potentiel[d] = v;
      }
    }
    return true;
  }
}
