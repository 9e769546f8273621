/**
 * The avancement pass's storage (avancement.ts): for each node, seven integer cells (fait,
 * programmé, pas fait, non renseigné points, then the fait, programmé and pas fait tâche
 * fractions) and two tâche counts (completed, non concernées), one column per cell: the columns
 * are what the score table and the serialisers read, with no per-node derivation.
 *
 * Invariants: point cells count the potentiels' unit 1/D, tâche cells count 1/Dt (Dt a multiple of
 * every détaillé fraction's denominator); every value is a whole count and a safe integer, NaN
 * marking one that is not (the pass then gives up).
 */
import { Rational } from '../exact/rational.js';
import type { Triple } from './statut.js';
import { isSafeUnits } from './unit-space.js';

export const FAIT_CELL = 0;
export const PROGRAMME_CELL = 1;
export const PAS_FAIT_CELL = 2;
export const NON_RENSEIGNE_CELL = 3;
/** The tâche cells follow the point cells in the same order: fait, programmé, pas fait. */
export const FAIT_TACHES_CELL = 4;
export const PROGRAMME_TACHES_CELL = 5;
export const PAS_FAIT_TACHES_CELL = 6;
export const CELLS = 7;

/** x × fn ÷ fd in whole units, fd dividing x (ensured by the refinement); NaN when unsafe. */
function timesFraction(x: number, f: Rational): number {
  if (f === Rational.ZERO) return 0;
  if (f === Rational.ONE) return x;
  const v = (x / f.safeDenominator) * f.safeNumerator;
  return isSafeUnits(v) ? v : Number.NaN;
}

/**
 * The cells of a détaillé statut: its fractions of the potentiel p and of the tâches (tacheUnits,
 * in units of 1/Dt); nothing is non renseigné.
 */
export function detailleCells(p: number, tacheUnits: number, t: Triple, out: Float64Array): void {
  out[FAIT_CELL] = timesFraction(p, t.fait);
  out[PROGRAMME_CELL] = timesFraction(p, t.programme);
  out[PAS_FAIT_CELL] = timesFraction(p, t.pasFait);
  out[NON_RENSEIGNE_CELL] = 0;
  out[FAIT_TACHES_CELL] = timesFraction(tacheUnits, t.fait);
  out[PROGRAMME_TACHES_CELL] = timesFraction(tacheUnits, t.programme);
  out[PAS_FAIT_TACHES_CELL] = timesFraction(tacheUnits, t.pasFait);
}

/** Σ |point cells| of a cell block: what the overflow bound adds up. */
export function pointMagnitude(cells: Float64Array): number {
  return Math.abs(cells[FAIT_CELL]!) + Math.abs(cells[PROGRAMME_CELL]!) + Math.abs(cells[PAS_FAIT_CELL]!);
}

/** Σ |tâche cells| of a cell block. */
export function tacheMagnitude(cells: Float64Array): number {
  return Math.abs(cells[FAIT_TACHES_CELL]!) + Math.abs(cells[PROGRAMME_TACHES_CELL]!) + Math.abs(cells[PAS_FAIT_TACHES_CELL]!);
}

/** The cells and counts of every node, by flat-tree index: one column per cell (dossier-columns.ts). */
export class AvancementCells {
  constructor(
    readonly column: readonly Float64Array[],
    readonly completed: Int32Array,
    readonly nonConcernees: Int32Array,
  ) {}

  /** Node i is scored on its own (a statut, or non concerné): what its children added goes. */
  clear(i: number): void {
    for (let f = 0; f < CELLS; f++) this.column[f]![i] = 0;
  }

  setAll(i: number, values: Float64Array): void {
    for (let f = 0; f < CELLS; f++) this.column[f]![i] = values[f]!;
  }

  setCounts(i: number, completed: number, nonConcernees: number): void {
    this.completed[i] = completed;
    this.nonConcernees[i] = nonConcernees;
  }

  /** Adds every cell and count of node `from` into node `to`'s. */
  addInto(to: number, from: number): void {
    const column = this.column;
    for (let f = 0; f < CELLS; f++) {
      const c = column[f]!;
      c[to] = c[to]! + c[from]!;
    }
    const { completed, nonConcernees } = this;
    completed[to] = completed[to]! + completed[from]!;
    nonConcernees[to] = nonConcernees[to]! + nonConcernees[from]!;
  }
}
