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
import { type DossierColumns, dossierColumns } from './dossier-columns.js';
import { UnitColumn } from './exact-column.js';
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
  /** Every column of this scoring (the avancement pass fills its cells). */
  columns: DossierColumns;
}

export function computePotentielsUnits(tree: FlatTree, statuts: StatutsIndex, consequences: ConsequencesByIndex): PotentielsUnits | null {
  const columns = dossierColumns(tree.nodes.length);
  const perso = PersoUnits.of(tree, statuts, consequences, columns);
  if (perso === null) return null;
  const { hasFacteur, desactive, nonConcerne, keepsOwn, potentiel, redistribution } = columns;
  markNonConcernes(tree, statuts, consequences, desactive, nonConcerne);
  const { space } = perso;
  space.adopt(potentiel, redistribution);
  // Every potentiel starts as the référentiel's sum (what an untouched subtree keeps). Potentiels
  // are never negative and the root's is the largest, so checking it checks them all.
  const scale = space.denominator / tree.unitDenominator;
  const natural = tree.naturalUnits;
  if (!isSafeUnits(natural[0]! * scale)) return null;
  for (let i = 0; i < natural.length; i++) potentiel[i] = natural[i]! * scale;
  const pass = new PotentielPass(tree, statuts, perso, columns, new Redistribution(tree, nonConcerne, perso, potentiel, redistribution));
  if (!pass.leaves() || !pass.parents()) return null;
  return {
    perso: perso.column(),
    hasFacteur,
    desactive,
    nonConcerne,
    keepsOwn,
    potentiel: new UnitColumn(potentiel, space),
    redistribution: new UnitColumn(redistribution, space),
    space,
    potentielUnits: potentiel,
    columns,
  };
}

/**
 * The bottom-up pass: leaves first (they depend on nothing below them), then the other nodes,
 * children first. A subtree nothing touched (no non concerné, factor or statut on a parent
 * inside) keeps the référentiel's sums it started with: no redistribution can happen there.
 */
class PotentielPass {
  constructor(
    private readonly tree: FlatTree,
    private readonly statuts: StatutsIndex,
    private readonly perso: PersoUnits,
    private readonly columns: DossierColumns,
    private readonly redistribution: Redistribution,
  ) {}

  /** A leaf's potentiel: 0 when non concerné, its personalised points when a factor changed them. */
  leaves(): boolean {
    const { leaves, parent } = this.tree;
    const { nonConcerne, potentiel, touched, childFlags, personalised } = this.columns;
    for (let k = 0; k < leaves.length; k++) {
      const i = leaves[k]!;
      let f = CHILD_CONCERNE;
      if (nonConcerne[i]) {
        potentiel[i] = 0;
        touched[i] = 1;
        f = CHILD_NON_CONCERNE | CHILD_TOUCHED;
      } else if (personalised[i]) {
        const v = this.perso.at(i);
        if (v !== v) return false; // NaN: not a safe integer
        potentiel[i] = v;
        touched[i] = 1;
        f = CHILD_CONCERNE | CHILD_TOUCHED;
      }
      const q = parent[i]!;
      if (q >= 0) childFlags[q] = childFlags[q]! | f;
    }
    return true;
  }

  /** A parent's potentiel, once its children's are final (redistributed among them first). */
  parents(): boolean {
    const { internalPostOrder, parent } = this.tree;
    const { nonConcerne, touched, childFlags, personalised } = this.columns;
    const code = this.statuts.code;
    for (let k = 0; k < internalPostOrder.length; k++) {
      const i = internalPostOrder[k]!;
      const cf = childFlags[i]!;
      const own = code[i]!;
      const anyChildConcerne = (cf & CHILD_CONCERNE) !== 0;
      if (!nonConcerne[i] && becomesNonConcerne(own, anyChildConcerne)) nonConcerne[i] = 1;
      if (nonConcerne[i] || personalised[i] || (cf & CHILD_TOUCHED) !== 0 || own !== AUCUN) {
        touched[i] = 1;
        if (!this.parent(i, cf, keepsOwnPotentiel(own, anyChildConcerne))) return false;
      }
      const q = parent[i]!;
      if (q >= 0) childFlags[q] = childFlags[q]! | (nonConcerne[i] ? CHILD_NON_CONCERNE : CHILD_CONCERNE) | (touched[i] ? CHILD_TOUCHED : 0);
    }
    return true;
  }

  /** The potentiel of a touched parent i; false on overflow. */
  private parent(i: number, cf: number, keepsOwn: boolean): boolean {
    const { subtreeEnd, depth, redistributionLevel } = this.tree;
    const { potentiel, nonConcerne } = this.columns;
    const end = subtreeEnd[i]!;
    if ((cf & CHILD_NON_CONCERNE) !== 0 && depth[i]! >= redistributionLevel && !this.redistribution.redistribute(i, end)) return false;
    if (nonConcerne[i]) potentiel[i] = 0;
    else if (keepsOwn) {
      const v = this.perso.at(i);
      if (v !== v) return false; // NaN: not a safe integer
      potentiel[i] = v;
      this.columns.keepsOwn[i] = 1;
    } else {
      let sum = 0;
      for (let c = i + 1; c < end; c = subtreeEnd[c]!) sum += potentiel[c]!;
      if (!isSafeUnits(sum)) return false;
      potentiel[i] = sum;
    }
    return true;
  }
}
