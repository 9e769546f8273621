/**
 * The storage of one scoring on the fast path: every column it fills, one value per flat-tree
 * node, in two allocations (numbers and bytes). A typed array costs more to allocate and to
 * collect than to fill: a dozen of them per dossier were a large share of a batch's time.
 * The columns are zero when given; the result keeps them (the score table reads them).
 */
import { CELLS } from './avancement-cells.js';

export interface DossierColumns {
  potentiel: Float64Array;
  redistribution: Float64Array;
  /** The avancement cells (avancement-cells.ts), one column each. */
  cells: Float64Array[];
  /** Tâches of each subtree that are complete (renseignées or non concernées), and non concernées. */
  completed: Int32Array;
  nonConcernees: Int32Array;
  hasFacteur: Uint8Array;
  /** 1 where a factor changed the node's points. */
  personalised: Uint8Array;
  desactive: Uint8Array;
  nonConcerne: Uint8Array;
  keepsOwn: Uint8Array;
  /** What the children of each node are (potentiels-units.ts), and whether the node was recomputed. */
  childFlags: Uint8Array;
  touched: Uint8Array;
}

const NUMBER_COLUMNS = 2 + CELLS;
const BYTE_COLUMNS = 7;

export function dossierColumns(n: number): DossierColumns {
  const numbers = new Float64Array(NUMBER_COLUMNS * n);
  // The two counts (4 bytes each) then the byte columns, in one buffer.
  const small = new ArrayBuffer((8 + BYTE_COLUMNS) * n);
  const bytes = new Uint8Array(small, 8 * n);
  const number = (k: number): Float64Array => numbers.subarray(k * n, (k + 1) * n);
  const byte = (k: number): Uint8Array => bytes.subarray(k * n, (k + 1) * n);
  const cells: Float64Array[] = [];
  for (let f = 0; f < CELLS; f++) cells.push(number(2 + f));
  return {
    potentiel: number(0),
    redistribution: number(1),
    cells,
    completed: new Int32Array(small, 0, n),
    nonConcernees: new Int32Array(small, 4 * n, n),
    hasFacteur: byte(0),
    personalised: byte(1),
    desactive: byte(2),
    nonConcerne: byte(3),
    keepsOwn: byte(4),
    childFlags: byte(5),
    touched: byte(6),
  };
}
