/**
 * Step 6 of scoring.md §6.6 (§4, §10.5): points and tâche counts bottom-up, from statuts and
 * children. A node is scored from its own statut when it is non concerné, when its statut is
 * renseigné, or when it is a leaf; otherwise from its children. Children keep their own scores
 * either way.
 *
 * Integer units (the fast path): every value is a whole count of the potentiels' unit 1/D
 * (unit-space.ts), refined first so that every détaillé share of a potentiel is whole; tâche
 * fractions count their own unit 1/Dt. Parents are then plain integer sums, exact because every
 * starting value is a safe integer and so is the sum of their absolute values (`bound`), so no
 * partial sum can round. When a count would not fit, the caller scores with the reference engine
 * (test/score/fast-equals-reference.test.ts checks that both give identical results).
 */
import type { Rational } from '../exact/rational.js';
import {
  CELLS,
  FAIT_CELL,
  FAIT_TACHES_CELL,
  NON_RENSEIGNE_CELL,
  PAS_FAIT_CELL,
  PROGRAMME_CELL,
  ParentCells,
  detailleCells,
  pointMagnitude,
  tacheMagnitude,
} from './avancement-cells.js';
import { type ExactColumn, UnitColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import type { PotentielsUnits } from './potentiels-units.js';
import { tripleDenominator } from './statut.js';
import { DETAILLE, FAIT, PAS_FAIT, PROGRAMME, hasAvancementCode } from './statut-codes.js';
import type { StatutsIndex } from './statuts-index.js';
import { MAX_UNITS, UnitSpace, isSafeUnits, lcmUnits } from './unit-space.js';

export interface Avancement {
  fait: ExactColumn;
  programme: ExactColumn;
  pasFait: ExactColumn;
  nonRenseigne: ExactColumn;
  /** Leaves of each subtree: the flat tree's own column, shared by every dossier (read only). */
  totalTaches: Int32Array;
  /** Tâches of node i's subtree that are renseignées or non concernées. */
  completedTaches(i: number): number;
  faitTaches: ExactColumn;
  programmeTaches: ExactColumn;
  pasFaitTaches: ExactColumn;
  /** Tâches of node i's subtree that are non concernées. */
  pasConcerneTaches(i: number): number;
  /** Whether node i's numbers come from its own renseigné statut. */
  fromOwnStatut(i: number): boolean;
  /** D of the integer path: values are counts of 1/D. */
  unitDenominator: number;
}

/** The point cell of a simple renseigné statut code (FAIT, PROGRAMME, PAS_FAIT). */
const pointCellOf = (c: number): number => (c === FAIT ? FAIT_CELL : c === PROGRAMME ? PROGRAMME_CELL : PAS_FAIT_CELL);

/**
 * lcm(m, the refinement that makes p × f a whole count): f = fn/fd reduced, so fd must divide p.
 * 0 when it overflows or f is not a pair of safe integers (NaN fails every test).
 */
function refineFor(m: number, p: number, f: Rational): number {
  const fd = f.safeDenominator;
  if (fd === 1 || m === 0) return m;
  if (!(fd <= MAX_UNITS && isSafeUnits(f.safeNumerator))) return 0;
  return p % fd === 0 ? m : lcmUnits(m, UnitSpace.refinementFor(p, fd));
}

/** Refines the unit so that each détaillé share of a potentiel is a whole count; false on overflow. */
function refineForDetailles(statuts: StatutsIndex, pot: PotentielsUnits): boolean {
  let m = 1;
  for (const i of statuts.detailleNodes()) {
    if (pot.nonConcerne[i]) continue;
    const t = statuts.triple(i)!;
    const p = pot.potentielUnits[i]!;
    // Usually p is already a multiple of every denominator: one test instead of three.
    if (p % tripleDenominator(t) !== 0) m = refineFor(refineFor(refineFor(m, p, t.fait), p, t.programme), p, t.pasFait);
    if (m === 0) return false;
  }
  return pot.space.refine(m);
}

/** The integer path; null when a value does not fit (the caller then uses the reference engine). */
export function computeAvancementUnits(tree: FlatTree, statuts: StatutsIndex, pot: PotentielsUnits): Avancement | null {
  const Dt = statuts.fractionsDenominator();
  if (Dt === 0 || !refineForDetailles(statuts, pot)) return null;
  const pass = new AvancementPass(tree, statuts, pot, Dt);
  if (!pass.run()) return null;
  return pass.result();
}

/**
 * The bottom-up pass, in post-order: when node i comes, each of its children has already added
 * its values into i's cells, so a parent without its own statut just keeps what it finds there.
 * Each node then adds only the cells it can have filled into its parent's.
 */
class AvancementPass {
  private readonly cells: ParentCells;
  /** A détaillé node's cells, before they are stored or added up. */
  private readonly detaille = new Float64Array(CELLS);
  /** Σ |every starting point value| and Σ |every starting tâche value|: the overflow bounds. */
  private bound = 0;
  private boundTaches = 0;

  constructor(
    private readonly tree: FlatTree,
    private readonly statuts: StatutsIndex,
    private readonly pot: PotentielsUnits,
    private readonly Dt: number,
  ) {
    this.cells = new ParentCells(tree.internalPostOrder.length);
  }

  run(): boolean {
    const { postOrder, subtreeEnd, parent, internalIndex } = this.tree;
    const code = this.statuts.code;
    for (let k = 0; k < postOrder.length; k++) {
      const i = postOrder[k]!;
      const q = parent[i]!;
      const to = q >= 0 ? internalIndex[q]! : -1;
      const leaf = subtreeEnd[i] === i + 1;
      const c = code[i]!;
      if (this.pot.nonConcerne[i]) this.nonConcerne(i, leaf, to);
      else if (c === FAIT || c === PROGRAMME || c === PAS_FAIT) this.simple(i, c, leaf, to);
      else if (leaf) this.leaf(i, c === DETAILLE, to);
      else this.parent(i, c === DETAILLE, to);
    }
    // NaN (a starting value that did not fit) fails these comparisons too.
    return this.bound <= MAX_UNITS && this.boundTaches <= MAX_UNITS && this.tree.leafCount[0]! * this.Dt <= MAX_UNITS;
  }

  /** Its subtree is non concerné too: every point cell is zero; only the counts move up. */
  private nonConcerne(i: number, leaf: boolean, to: number): void {
    const leaves = this.tree.leafCount[i]!;
    if (!leaf) this.cells.setCounts(this.tree.internalIndex[i]!, leaves, leaves);
    if (to >= 0) this.cells.addCounts(to, leaves, leaves);
  }

  /** A simple renseigné statut: the whole potentiel and every tâche go to one pair of cells. */
  private simple(i: number, c: number, leaf: boolean, to: number): void {
    const leaves = this.tree.leafCount[i]!;
    const p = this.pot.potentielUnits[i]!;
    const tacheUnits = leaves * this.Dt;
    const point = pointCellOf(c);
    const tache = point + FAIT_TACHES_CELL;
    if (!leaf) {
      const at = this.tree.internalIndex[i]!;
      this.cells.setAll(at, null);
      this.cells.add(at, point, p);
      this.cells.add(at, tache, tacheUnits);
      this.cells.setCounts(at, leaves, 0);
    }
    this.bound += Math.abs(p);
    this.boundTaches += tacheUnits;
    if (to >= 0) {
      this.cells.add(to, point, p);
      this.cells.add(to, tache, tacheUnits);
      this.cells.addCounts(to, leaves, 0);
    }
  }

  /** A détaillé leaf, or one without avancement (its potentiel is non renseigné). */
  private leaf(i: number, detaille: boolean, to: number): void {
    const p = this.pot.potentielUnits[i]!;
    if (!detaille) {
      this.bound += Math.abs(p);
      if (to >= 0) this.cells.add(to, NON_RENSEIGNE_CELL, p);
      return;
    }
    detailleCells(p, this.Dt, this.statuts.triple(i)!, this.detaille);
    this.addBounds(this.detaille);
    if (to >= 0) {
      for (let f = 0; f < CELLS; f++) this.cells.add(to, f, this.detaille[f]!);
      this.cells.addCounts(to, 1, 0);
    }
  }

  /**
   * A parent: détaillé (its own shares replace its children's), or scored from its children,
   * except when it kept its own potentiel (potentiels-units.ts): those points are non renseignés.
   */
  private parent(i: number, detaille: boolean, to: number): void {
    const at = this.tree.internalIndex[i]!;
    const p = this.pot.potentielUnits[i]!;
    if (detaille) {
      const leaves = this.tree.leafCount[i]!;
      detailleCells(p, leaves * this.Dt, this.statuts.triple(i)!, this.detaille);
      this.cells.setAll(at, this.detaille);
      this.cells.setCounts(at, leaves, 0);
      this.addBounds(this.detaille);
    } else if (this.pot.keepsOwn[i]) {
      this.cells.add(at, NON_RENSEIGNE_CELL, p);
      this.bound += Math.abs(p);
    }
    if (to >= 0) this.cells.addParent(to, at);
  }

  private addBounds(cells: Float64Array): void {
    this.bound += pointMagnitude(cells);
    this.boundTaches += tacheMagnitude(cells);
  }

  result(): Avancement {
    const { leafCount, internalIndex } = this.tree;
    const { nonConcerne, space } = this.pot;
    const code = this.statuts.code;
    const pointUnit = { denominator: space.denominator };
    const tacheUnit = { denominator: this.Dt };
    const column = (field: number, unit: { denominator: number }): UnitColumn => new UnitColumn((i) => this.cellAt(i, field), unit);
    return {
      fait: column(FAIT_CELL, pointUnit),
      programme: column(PROGRAMME_CELL, pointUnit),
      pasFait: column(PAS_FAIT_CELL, pointUnit),
      nonRenseigne: column(NON_RENSEIGNE_CELL, pointUnit),
      faitTaches: column(FAIT_TACHES_CELL, tacheUnit),
      programmeTaches: column(FAIT_TACHES_CELL + 1, tacheUnit),
      pasFaitTaches: column(FAIT_TACHES_CELL + 2, tacheUnit),
      totalTaches: leafCount,
      completedTaches: (i) => {
        const k = internalIndex[i]!;
        return k >= 0 ? this.cells.completed(k) : nonConcerne[i] || hasAvancementCode(code[i]!) ? 1 : 0;
      },
      pasConcerneTaches: (i) => {
        const k = internalIndex[i]!;
        return k >= 0 ? this.cells.nonConcernees(k) : nonConcerne[i] ? 1 : 0;
      },
      fromOwnStatut: (i) => !nonConcerne[i] && hasAvancementCode(code[i]!),
      unitDenominator: space.denominator,
    };
  }

  /** The count in one cell of node i: stored for a parent, derived from the statut for a leaf. */
  private cellAt(i: number, field: number): number {
    const at = this.tree.internalIndex[i]!;
    if (at >= 0) return this.cells.cell(at, field);
    if (this.pot.nonConcerne[i]) return 0;
    const c = this.statuts.code[i]!;
    const p = this.pot.potentielUnits[i]!;
    if (c === FAIT || c === PROGRAMME || c === PAS_FAIT) {
      const point = pointCellOf(c);
      return field === point ? p : field === point + FAIT_TACHES_CELL ? this.Dt : 0;
    }
    if (c === DETAILLE) {
      detailleCells(p, this.Dt, this.statuts.triple(i)!, this.detaille);
      return this.detaille[field]!;
    }
    return field === NON_RENSEIGNE_CELL ? p : 0;
  }
}
