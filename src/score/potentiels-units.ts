/**
 * Steps 2–5 of scoring.md §6.6 in exact integer units of 1/D: personalised points, désactivés and
 * non concernés, then potentiels bottom-up with redistribution. The fast path.
 *
 * Invariants (unit-space.ts): every stored value is a whole count of 1/D and a safe integer. D
 * starts as the référentiel's D0 and is refined when a value needs a finer unit: a personalised
 * point (perso-units.ts), a redistributed share or a scaled subtree (redistribution-units.ts).
 * Potentiels are never negative, so a sum that is a safe integer was exact all along. Returns null
 * when a value would leave the safe integers: the caller then hands over to the reference engine.
 */
import { PersoColumn, UnitColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import { becomesNonConcerne, keepsOwnPotentiel } from './non-concerne-rules.js';
import { PersoUnits } from './perso-units.js';
import { type ConsequencesByIndex, type Potentiels, markNonConcernes } from './potentiels.js';
import { Redistribution } from './redistribution-units.js';
import { AUCUN } from './statut-codes.js';
import type { StatutsIndex } from './statuts-index.js';
import { type UnitSpace, isSafeUnits } from './unit-space.js';

/** What the children of a node are, pushed up by each child once it is final. */
const CHILD_NON_CONCERNE = 1;
const CHILD_CONCERNE = 2;
const CHILD_TOUCHED = 4;

export interface PotentielsUnits extends Potentiels {
  /** The unit the columns count: read `space.denominator` after every refinement. */
  space: UnitSpace;
  /** Potentiels as integer counts of 1/space.denominator (a column of `space`). */
  potentielUnits: Float64Array;
}

/** The byte columns of the pass, in one allocation. */
function byteColumns(n: number): { hasFacteur: Uint8Array; desactive: Uint8Array; nonConcerne: Uint8Array; keepsOwn: Uint8Array; personalised: Uint8Array; childFlags: Uint8Array } {
  const flags = new Uint8Array(6 * n);
  const column = (k: number): Uint8Array => flags.subarray(k * n, (k + 1) * n);
  return { hasFacteur: column(0), desactive: column(1), nonConcerne: column(2), keepsOwn: column(3), personalised: column(4), childFlags: column(5) };
}

export function computePotentielsUnits(tree: FlatTree, statuts: StatutsIndex, consequences: ConsequencesByIndex): PotentielsUnits | null {
  const n = tree.nodes.length;
  const { hasFacteur, desactive, nonConcerne, keepsOwn, personalised, childFlags } = byteColumns(n);
  const perso = PersoUnits.of(tree, statuts, consequences, hasFacteur, personalised);
  if (perso === null) return null;
  markNonConcernes(tree, statuts, consequences, desactive, nonConcerne);
  const { space } = perso;
  const [potentiel, redistribution] = space.columnsOf(2, n) as [Float64Array, Float64Array];
  // Every potentiel starts as the référentiel's sum (what an untouched subtree keeps). Potentiels
  // are never negative and the root's is the largest, so checking it checks them all.
  if (!isSafeUnits(perso.naturalAt(0))) return null;
  for (let i = 0; i < n; i++) potentiel[i] = perso.naturalAt(i);
  const pass = new PotentielPass(tree, statuts, perso, nonConcerne, keepsOwn, childFlags, potentiel, new Redistribution(tree, nonConcerne, perso, potentiel, redistribution));
  if (!pass.leaves() || !pass.parents()) return null;
  return {
    perso: new PersoColumn(tree.points, perso.values),
    hasFacteur,
    desactive,
    nonConcerne,
    keepsOwn,
    potentiel: new UnitColumn((i) => potentiel[i]!, space),
    redistribution: new UnitColumn((i) => redistribution[i]!, space),
    space,
    potentielUnits: potentiel,
  };
}

/**
 * The bottom-up pass: leaves first (they depend on nothing below them), then the other nodes,
 * children first. A subtree nothing touched (no non concerné, factor or statut on a parent
 * inside) keeps the référentiel's sums it started with: no redistribution can happen there.
 */
class PotentielPass {
  private readonly touched: Uint8Array;

  constructor(
    private readonly tree: FlatTree,
    private readonly statuts: StatutsIndex,
    private readonly perso: PersoUnits,
    private readonly nonConcerne: Uint8Array,
    private readonly keepsOwn: Uint8Array,
    private readonly childFlags: Uint8Array,
    private readonly potentiel: Float64Array,
    private readonly redistribution: Redistribution,
  ) {
    this.touched = new Uint8Array(tree.nodes.length);
  }

  /** A leaf's potentiel: 0 when non concerné, its personalised points when a factor changed them. */
  leaves(): boolean {
    const { leaves, parent } = this.tree;
    for (let k = 0; k < leaves.length; k++) {
      const i = leaves[k]!;
      let f = CHILD_CONCERNE;
      if (this.nonConcerne[i]) {
        this.potentiel[i] = 0;
        this.touched[i] = 1;
        f = CHILD_NON_CONCERNE | CHILD_TOUCHED;
      } else if (this.perso.isPersonalised(i)) {
        const v = this.perso.at(i);
        if (v !== v) return false; // NaN: not a safe integer
        this.potentiel[i] = v;
        this.touched[i] = 1;
        f = CHILD_CONCERNE | CHILD_TOUCHED;
      }
      const q = parent[i]!;
      if (q >= 0) this.childFlags[q] = this.childFlags[q]! | f;
    }
    return true;
  }

  /** A parent's potentiel, once its children's are final (redistributed among them first). */
  parents(): boolean {
    const { internalPostOrder, parent } = this.tree;
    for (let k = 0; k < internalPostOrder.length; k++) {
      const i = internalPostOrder[k]!;
      const cf = this.childFlags[i]!;
      const own = this.statuts.code[i]!;
      const anyChildConcerne = (cf & CHILD_CONCERNE) !== 0;
      if (!this.nonConcerne[i] && becomesNonConcerne(own, anyChildConcerne)) this.nonConcerne[i] = 1;
      if (this.nonConcerne[i] || this.perso.isPersonalised(i) || (cf & CHILD_TOUCHED) !== 0 || own !== AUCUN) {
        this.touched[i] = 1;
        if (!this.parent(i, cf, keepsOwnPotentiel(own, anyChildConcerne))) return false;
      }
      const q = parent[i]!;
      if (q >= 0) this.childFlags[q] = this.childFlags[q]! | (this.nonConcerne[i] ? CHILD_NON_CONCERNE : CHILD_CONCERNE) | (this.touched[i] ? CHILD_TOUCHED : 0);
    }
    return true;
  }

  /** The potentiel of a touched parent i; false on overflow. */
  private parent(i: number, cf: number, keepsOwn: boolean): boolean {
    const { subtreeEnd, depth, redistributionLevel } = this.tree;
    const end = subtreeEnd[i]!;
    if ((cf & CHILD_NON_CONCERNE) !== 0 && depth[i]! >= redistributionLevel && !this.redistribution.redistribute(i, end)) return false;
    if (this.nonConcerne[i]) this.potentiel[i] = 0;
    else if (keepsOwn) {
      const v = this.perso.at(i);
      if (v !== v) return false;
      this.potentiel[i] = v;
      this.keepsOwn[i] = 1;
    } else {
      let sum = 0;
      for (let c = i + 1; c < end; c = subtreeEnd[c]!) sum += this.potentiel[c]!;
      if (!isSafeUnits(sum)) return false;
      this.potentiel[i] = sum;
    }
    return true;
  }
}
