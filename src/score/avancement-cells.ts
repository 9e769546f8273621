/**
 * The avancement pass's storage (avancement.ts): for each parent, seven integer cells side by
 * side (fait, programmé, pas fait, non renseigné points, then the fait, programmé and pas fait
 * tâche fractions) and two tâche counts (completed, non concernées). Leaves have no storage:
 * their values follow from their statut and potentiel (`leafCell`).
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

/** The cells and counts of every parent, addressed by the flat tree's internalIndex. */
export class ParentCells {
  readonly cells: Float64Array;
  /** Completed then non-concernées tâche counts, two per parent. */
  readonly counts: Int32Array;

  constructor(parents: number) {
    this.cells = new Float64Array(CELLS * parents);
    this.counts = new Int32Array(2 * parents);
  }

  cell(parent: number, field: number): number {
    return this.cells[parent * CELLS + field]!;
  }

  add(parent: number, field: number, v: number): void {
    this.cells[parent * CELLS + field] = this.cells[parent * CELLS + field]! + v;
  }

  /** Replaces a parent's cells (it is scored on its own statut: what its children added goes). */
  setAll(parent: number, values: Float64Array | null): void {
    const at = parent * CELLS;
    if (values === null) this.cells.fill(0, at, at + CELLS);
    else this.cells.set(values, at);
  }

  /** Adds every cell and count of a parent into another's. */
  addParent(to: number, from: number): void {
    const a = to * CELLS;
    const b = from * CELLS;
    for (let f = 0; f < CELLS; f++) this.cells[a + f] = this.cells[a + f]! + this.cells[b + f]!;
    this.addCounts(to, this.counts[2 * from]!, this.counts[2 * from + 1]!);
  }

  addCounts(parent: number, completed: number, nonConcernees: number): void {
    this.counts[2 * parent] = this.counts[2 * parent]! + completed;
    this.counts[2 * parent + 1] = this.counts[2 * parent + 1]! + nonConcernees;
  }

  setCounts(parent: number, completed: number, nonConcernees: number): void {
    this.counts[2 * parent] = completed;
    this.counts[2 * parent + 1] = nonConcernees;
  }

  completed(parent: number): number {
    return this.counts[2 * parent]!;
  }

  nonConcernees(parent: number): number {
    return this.counts[2 * parent + 1]!;
  }
}
