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
  AvancementCells,
  CELLS,
  FAIT_CELL,
  FAIT_TACHES_CELL,
  NON_RENSEIGNE_CELL,
  PAS_FAIT_CELL,
  PAS_FAIT_TACHES_CELL,
  PROGRAMME_CELL,
  PROGRAMME_TACHES_CELL,
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
  const { cells: column, completed, nonConcernees } = pot.columns;
  const cells = new AvancementCells(column, completed, nonConcernees);
  const pass = new AvancementPass(tree, statuts, pot, Dt, cells);
  if (!pass.run()) return null;
  return avancementOf(tree, statuts, pot, Dt, cells);
}

/**
 * The bottom-up pass, in post-order: when node i comes, each of its children has already added
 * its values into i's cells, so a parent without its own statut just keeps what it finds there;
 * a node scored on its own statut (or non concerné) replaces them. Each node then adds its cells
 * and counts into its parent's.
 */
class AvancementPass {
  /** A détaillé node's cells, before they are stored. */
  private readonly detaille = new Float64Array(CELLS);
  /** Σ |every starting point value| and Σ |every starting tâche value|: the overflow bounds. */
  private bound = 0;
  private boundTaches = 0;

  constructor(
    private readonly tree: FlatTree,
    private readonly statuts: StatutsIndex,
    private readonly pot: PotentielsUnits,
    private readonly Dt: number,
    private readonly cells: AvancementCells,
  ) {}

  run(): boolean {
    const { subtreeEnd, parent, leafCount } = this.tree;
    const code = this.statuts.code;
    const { nonConcerne, keepsOwn, potentielUnits: potentiel } = this.pot;
    const cells = this.cells;
    const { column, completed, nonConcernees } = cells;
    const nonRenseigne = column[NON_RENSEIGNE_CELL]!;
    const Dt = this.Dt;
    let bound = 0;
    let boundTaches = 0;
    // Reverse pre-order is a post-order: every child before its parent. Each node adds into its
    // parent only the cells it can have filled (the hot loop of a scoring: kept flat).
    for (let i = code.length - 1; i >= 0; i--) {
      const c = code[i]!;
      const q = parent[i]!;
      const leaf = subtreeEnd[i] === i + 1;
      if (nonConcerne[i]) {
        // Its subtree is non concerné too, so no child added to its cells: they stay zero.
        const leaves = leafCount[i]!;
        completed[i] = leaves;
        nonConcernees[i] = leaves;
        if (q >= 0) {
          completed[q] = completed[q]! + leaves;
          nonConcernees[q] = nonConcernees[q]! + leaves;
        }
      } else if (c === FAIT || c === PROGRAMME || c === PAS_FAIT) {
        // The whole potentiel and every tâche go to one pair of cells; a parent's children's go.
        const leaves = leafCount[i]!;
        const p = potentiel[i]!;
        const t = leaves * Dt;
        const point = column[pointCellOf(c)]!;
        const taches = column[pointCellOf(c) + FAIT_TACHES_CELL]!;
        if (!leaf) {
          cells.clear(i);
          nonConcernees[i] = 0;
        }
        point[i] = p;
        taches[i] = t;
        completed[i] = leaves;
        if (q >= 0) {
          point[q] = point[q]! + p;
          taches[q] = taches[q]! + t;
          completed[q] = completed[q]! + leaves;
        }
        bound += Math.abs(p);
        boundTaches += t;
      } else if (c === DETAILLE) {
        this.detailleOf(i);
        if (q >= 0) cells.addInto(q, i);
      } else if (leaf) {
        // No avancement: its potentiel is non renseigné.
        const p = potentiel[i]!;
        nonRenseigne[i] = p;
        if (q >= 0) nonRenseigne[q] = nonRenseigne[q]! + p;
        bound += Math.abs(p);
      } else {
        // A parent that kept its own potentiel (potentiels-units.ts): those points are non renseignés.
        if (keepsOwn[i]) {
          nonRenseigne[i] = nonRenseigne[i]! + potentiel[i]!;
          bound += Math.abs(potentiel[i]!);
        }
        if (q >= 0) cells.addInto(q, i);
      }
    }
    this.bound += bound;
    this.boundTaches += boundTaches;
    // NaN (a starting value that did not fit) fails these comparisons too.
    return this.bound <= MAX_UNITS && this.boundTaches <= MAX_UNITS && this.tree.leafCount[0]! * this.Dt <= MAX_UNITS;
  }

  /** A détaillé statut: its own shares of the potentiel and of the tâches replace its children's. */
  private detailleOf(i: number): void {
    const leaves = this.tree.leafCount[i]!;
    detailleCells(this.pot.potentielUnits[i]!, leaves * this.Dt, this.statuts.triple(i)!, this.detaille);
    this.cells.setAll(i, this.detaille);
    this.cells.setCounts(i, leaves, 0);
    this.bound += pointMagnitude(this.detaille);
    this.boundTaches += tacheMagnitude(this.detaille);
  }
}

/** The columns callers read, over the pass's cells. */
function avancementOf(tree: FlatTree, statuts: StatutsIndex, pot: PotentielsUnits, Dt: number, cells: AvancementCells): Avancement {
  const { nonConcerne, space } = pot;
  const code = statuts.code;
  const pointUnit = { denominator: space.denominator };
  const tacheUnit = { denominator: Dt };
  const column = (field: number, unit: { denominator: number }): UnitColumn => new UnitColumn(cells.column[field]!, unit);
  const { completed, nonConcernees } = cells;
  return {
    fait: column(FAIT_CELL, pointUnit),
    programme: column(PROGRAMME_CELL, pointUnit),
    pasFait: column(PAS_FAIT_CELL, pointUnit),
    nonRenseigne: column(NON_RENSEIGNE_CELL, pointUnit),
    faitTaches: column(FAIT_TACHES_CELL, tacheUnit),
    programmeTaches: column(PROGRAMME_TACHES_CELL, tacheUnit),
    pasFaitTaches: column(PAS_FAIT_TACHES_CELL, tacheUnit),
    totalTaches: tree.leafCount,
    completedTaches: (i) => completed[i]!,
    pasConcerneTaches: (i) => nonConcernees[i]!,
    fromOwnStatut: (i) => !nonConcerne[i] && hasAvancementCode(code[i]!),
    unitDenominator: space.denominator,
  };
}
