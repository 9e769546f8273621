/**
 * Step 5 (scoring.md §4, §10.5): points and tâche counts bottom-up, from statuts and children.
 * A node is scored from its own statut when it is a leaf, when its statut is renseigné, or when it
 * is non concerné; otherwise from its children. Children keep their own scores either way.
 *
 * Integer units (the fast path): every value is a whole count of the potentiels' unit 1/D
 * (score/unit-space.ts); parents are then plain integer sums. Exact because every starting value
 * is checked to be a safe integer, and so is the sum of their absolute values, so no sum can
 * round. When a count would not fit, the caller scores with the reference engine instead
 * (test/score/fast-equals-reference.test.ts checks that both give identical results).
 */
import { Rational } from '../exact/rational.js';
import { type ExactColumn, UnitColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import type { PotentielsUnits } from './potentiels-units.js';
import { type Triple, tripleDenominator } from './statut.js';
import { AUCUN, DETAILLE, FAIT, PAS_FAIT, PROGRAMME, type StatutsIndex, hasAvancementCode } from './statuts-index.js';
import { MAX_UNITS, UnitSpace, isSafeUnits, lcmUnits } from './unit-space.js';

const ZERO = Rational.ZERO;
const ONE = Rational.ONE;

/** The integer path's cells per node, in this order. */
const FAIT_CELL = 0;
const PROGRAMME_CELL = 1;
const PAS_FAIT_CELL = 2;
const NON_RENSEIGNE_CELL = 3;
const FAIT_TACHES_CELL = 4;
const PROGRAMME_TACHES_CELL = 5;
const PAS_FAIT_TACHES_CELL = 6;
const CELLS = 7;

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
  /** D of the integer path (values are counts of 1/D), or 0 when the Rational path ran. */
  unitDenominator: number;
}

/** x × fn ÷ fd in whole units, fd dividing x (ensured by the refinement); NaN when unsafe. */
function timesFraction(x: number, f: Rational): number {
  if (f === ZERO) return 0;
  if (f === ONE) return x;
  const v = (x / f.safeDenominator) * f.safeNumerator;
  return isSafeUnits(v) ? v : Number.NaN;
}

/**
 * The cells of a détaillé statut: its fractions of the potentiel p and of the tâches (tacheUnits,
 * in units of 1/Dt, a multiple of every fraction's denominator); nothing is non renseigné.
 */
function detailleCells(p: number, tacheUnits: number, t: Triple, out: Float64Array): void {
  out[FAIT_CELL] = timesFraction(p, t.fait);
  out[PROGRAMME_CELL] = timesFraction(p, t.programme);
  out[PAS_FAIT_CELL] = timesFraction(p, t.pasFait);
  out[NON_RENSEIGNE_CELL] = 0;
  out[FAIT_TACHES_CELL] = timesFraction(tacheUnits, t.fait);
  out[PROGRAMME_TACHES_CELL] = timesFraction(tacheUnits, t.programme);
  out[PAS_FAIT_TACHES_CELL] = timesFraction(tacheUnits, t.pasFait);
}

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

/**
 * The integer path, on the potentiels' unit (refined first so that every détaillé share of a
 * potentiel is a whole count); tâche fractions count their own unit 1/Dt. Null when a value
 * does not fit: the caller then runs the Rational path.
 */
export function computeAvancementUnits(tree: FlatTree, statuts: StatutsIndex, pot: PotentielsUnits): Avancement | null {
  const { nodes, postOrder, leafCount, subtreeEnd, parent, internalIndex } = tree;
  const { nonConcerne, space } = pot;
  const potentiel = pot.potentielUnits;
  const n = nodes.length;

  // 1. Refinements for the détaillé fractions (the simple statuts are 0s and 1s: nothing to do).
  const Dt = statuts.fractionsDenominator();
  if (Dt === 0) return null;
  let m = 1;
  const code = statuts.code;
  for (const i of statuts.detailleIndices) {
    if (code[i] !== DETAILLE || nonConcerne[i]) continue;
    const t = statuts.triple(i)!;
    const p = potentiel[i]!;
    // Usually p is already a multiple of every denominator: one test instead of three.
    if (p % tripleDenominator(t) !== 0) m = refineFor(refineFor(refineFor(m, p, t.fait), p, t.programme), p, t.pasFait);
    if (m === 0) return null;
  }
  if (!space.refine(m)) return null;
  const tacheUnit = { denominator: Dt };

  // 2. Bottom-up in integers. `bound` sums the absolute values of every starting value: when it
  //    is a safe integer, so is every partial sum of any subset of them, hence every parent.
  // Only parents have cells: a leaf's values follow from its statut and potentiel (`cell`
  // below), so it just adds them into its parent's cells. A node's seven cells sit side by side.
  const cells = new Float64Array(CELLS * tree.internalPostOrder.length);
  // Tâche counts, completed then non concernées, for parents only too (a leaf's follow from its statut).
  const counts = new Int32Array(2 * tree.internalPostOrder.length);
  const detaille = new Float64Array(CELLS); // a détaillé node's cells, before they are stored or added up
  let bound = 0;
  let boundTaches = 0;

  // Post-order: when node i comes, each of its children has already added its values into i's
  // cells, so a parent without its own statut just keeps what it finds there. Each node then adds
  // only the cells it can have filled into its parent's.
  for (let k = 0; k < n; k++) {
    const i = postOrder[k]!;
    const leaves = leafCount[i]!;
    const q = parent[i]!;
    const to = q >= 0 ? internalIndex[q]! * CELLS : -1;
    const tc = q >= 0 ? internalIndex[q]! * 2 : -1;
    const leaf = subtreeEnd[i] === i + 1;
    const ic = leaf ? -1 : internalIndex[i]! * 2;
    if (nonConcerne[i]) {
      // Its subtree is non concerné too: every point cell is zero; only the counts move up.
      if (!leaf) {
        counts[ic] = leaves;
        counts[ic + 1] = leaves;
      }
      if (q >= 0) {
        counts[tc] = counts[tc]! + leaves;
        counts[tc + 1] = counts[tc + 1]! + leaves;
      }
      continue;
    }
    const c = code[i]!;
    const p = potentiel[i]!;
    if (c === FAIT || c === PROGRAMME || c === PAS_FAIT) {
      // A simple statut: the whole potentiel and every tâche go to one pair of cells; what the
      // children added is replaced.
      const tacheUnits = leaves * Dt;
      const point = c === FAIT ? FAIT_CELL : c === PROGRAMME ? PROGRAMME_CELL : PAS_FAIT_CELL;
      const tache = point + FAIT_TACHES_CELL; // the tâche cells follow the point cells in the same order
      if (!leaf) {
        const at = internalIndex[i]! * CELLS;
        cells.fill(0, at, at + CELLS);
        cells[at + point] = p;
        cells[at + tache] = tacheUnits;
        counts[ic] = leaves;
        counts[ic + 1] = 0;
      }
      bound += Math.abs(p);
      boundTaches += tacheUnits;
      if (q >= 0) {
        cells[to + point] = cells[to + point]! + p;
        cells[to + tache] = cells[to + tache]! + tacheUnits;
        counts[tc] = counts[tc]! + leaves;
      }
      continue;
    }
    if (leaf) {
      // A détaillé leaf, or one without avancement (its potentiel is non renseigné).
      if (c === DETAILLE) {
        detailleCells(p, Dt, statuts.triple(i)!, detaille);
        bound += Math.abs(detaille[FAIT_CELL]!) + Math.abs(detaille[PROGRAMME_CELL]!) + Math.abs(detaille[PAS_FAIT_CELL]!);
        boundTaches += Math.abs(detaille[FAIT_TACHES_CELL]!) + Math.abs(detaille[PROGRAMME_TACHES_CELL]!) + Math.abs(detaille[PAS_FAIT_TACHES_CELL]!);
        if (q >= 0) {
          for (let f = 0; f < CELLS; f++) cells[to + f] = cells[to + f]! + detaille[f]!;
          counts[tc] = counts[tc]! + 1;
        }
      } else {
        bound += Math.abs(p);
        if (q >= 0) cells[to + NON_RENSEIGNE_CELL] = cells[to + NON_RENSEIGNE_CELL]! + p;
      }
      continue;
    }
    const at = internalIndex[i]! * CELLS;
    if (c === DETAILLE) {
      detailleCells(p, leaves * Dt, statuts.triple(i)!, detaille);
      cells.set(detaille, at);
      counts[ic] = leaves;
      counts[ic + 1] = 0;
      bound += Math.abs(detaille[FAIT_CELL]!) + Math.abs(detaille[PROGRAMME_CELL]!) + Math.abs(detaille[PAS_FAIT_CELL]!);
      boundTaches += Math.abs(detaille[FAIT_TACHES_CELL]!) + Math.abs(detaille[PROGRAMME_TACHES_CELL]!) + Math.abs(detaille[PAS_FAIT_TACHES_CELL]!);
    } else if (c !== AUCUN && cells[at + NON_RENSEIGNE_CELL] === 0 && cells[at + FAIT_CELL] === 0 && cells[at + PROGRAMME_CELL] === 0 && cells[at + PAS_FAIT_CELL] === 0) {
      // A concerné `non_renseigne` node whose children are all non concernés keeps its own
      // potentiel (potentiels.ts): those points are non renseignés.
      cells[at + NON_RENSEIGNE_CELL] = p;
      bound += Math.abs(p);
    }
    if (q >= 0) {
      for (let f = 0; f < CELLS; f++) cells[to + f] = cells[to + f]! + cells[at + f]!;
      counts[tc] = counts[tc]! + counts[ic]!;
      counts[tc + 1] = counts[tc + 1]! + counts[ic + 1]!;
    }
  }
  // NaN (a starting value that did not fit) fails these comparisons too.
  if (!(bound <= MAX_UNITS && boundTaches <= MAX_UNITS && leafCount[0]! * Dt <= MAX_UNITS)) return null;
  const pointUnit = { denominator: space.denominator };
  /** The count in one cell of node i: stored for a parent, derived from the statut for a leaf. */
  const cell = (field: number) => (i: number): number => {
    const at = internalIndex[i]!;
    if (at >= 0) return cells[at * CELLS + field]!;
    if (nonConcerne[i]) return 0;
    const c = code[i]!;
    switch (c) {
      case FAIT:
      case PROGRAMME:
      case PAS_FAIT: {
        const point = c === FAIT ? FAIT_CELL : c === PROGRAMME ? PROGRAMME_CELL : PAS_FAIT_CELL;
        return field === point ? potentiel[i]! : field === point + FAIT_TACHES_CELL ? Dt : 0;
      }
      case DETAILLE:
        detailleCells(potentiel[i]!, Dt, statuts.triple(i)!, detaille);
        return detaille[field]!;
      default:
        return field === NON_RENSEIGNE_CELL ? potentiel[i]! : 0;
    }
  };
  return {
    fait: new UnitColumn(cell(FAIT_CELL), pointUnit),
    programme: new UnitColumn(cell(PROGRAMME_CELL), pointUnit),
    pasFait: new UnitColumn(cell(PAS_FAIT_CELL), pointUnit),
    nonRenseigne: new UnitColumn(cell(NON_RENSEIGNE_CELL), pointUnit),
    faitTaches: new UnitColumn(cell(FAIT_TACHES_CELL), tacheUnit),
    programmeTaches: new UnitColumn(cell(PROGRAMME_TACHES_CELL), tacheUnit),
    pasFaitTaches: new UnitColumn(cell(PAS_FAIT_TACHES_CELL), tacheUnit),
    totalTaches: leafCount,
    completedTaches: (i) => {
      const k = internalIndex[i]!;
      return k >= 0 ? counts[2 * k]! : nonConcerne[i] || hasAvancementCode(code[i]!) ? 1 : 0;
    },
    pasConcerneTaches: (i) => {
      const k = internalIndex[i]!;
      return k >= 0 ? counts[2 * k + 1]! : nonConcerne[i] ? 1 : 0;
    },
    fromOwnStatut: (i) => !nonConcerne[i] && hasAvancementCode(code[i]!),
    unitDenominator: space.denominator,
  };
}
