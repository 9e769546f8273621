/**
 * A CSV table as the import reads it: rows with their cells by header name and their position.
 * Apart from read-csv.ts, which fills it with csv-parse, so that reading cells (the projection
 * reads HEAD's `Origine` cells) does not load the CSV parser.
 */
import type { SourcePosition } from '../diagnostics/diagnostic.js';

export interface CsvRow {
  /** Cells by header name, header names lower-cased (HEAD writes `Identifiant` in TE, `identifiant` elsewhere). */
  cells: ReadonlyMap<string, string>;
  position: SourcePosition;
}

export interface CsvTable {
  file: string;
  columns: string[];
  rows: CsvRow[];
}

/** A trimmed cell, `''` when the column is absent. */
export function cell(row: CsvRow, column: string): string {
  return (row.cells.get(column) ?? '').trim();
}
