/**
 * HEAD's spreadsheets exported as CSV (RFC 4180, quoted multi-line cells), read with csv-parse.
 * Each row keeps the line where it starts, so that every import diagnostic names its place.
 */
import { parse } from 'csv-parse/sync';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { CsvRow, CsvTable } from './csv-table.js';

export { type CsvRow, type CsvTable, cell } from './csv-table.js';

interface Parsed {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** Never throws: a malformed file gives a `csv-invalide` error at the line csv-parse names. */
export function readCsv(text: string, file: string, diagnostics: Diagnostic[]): CsvTable {
  let records: Parsed[];
  try {
    records = parse(text, { bom: true, info: true, raw: true, relax_column_count: false, skip_empty_lines: true }) as unknown as Parsed[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    diagnostics.push(diagnostic('csv-invalide', 'error', `CSV illisible : ${e.message ?? String(error)}`, { file, line: e.lines ?? 1, column: 1 }));
    return { file, columns: [], rows: [] };
  }
  const header = records[0];
  if (!header) return { file, columns: [], rows: [] };
  const columns = header.record.map((c) => c.trim().toLowerCase());
  const rows: CsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const r = records[i]!;
    const cells = new Map<string, string>();
    columns.forEach((c, k) => cells.set(c, r.record[k] ?? ''));
    // info.lines is the row's last line; the raw text says how many lines it spans.
    const spanned = (r.raw.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\r?\n$/, '').match(/\n/g) ?? []).length;
    rows.push({ cells, position: { file, line: r.info.lines - spanned, column: 1 } });
  }
  return { file, columns, rows };
}

/** The header's column names, lower-cased, without reading the rows. */
export function readCsvHeader(text: string): string[] {
  try {
    const [header] = parse(text, { bom: true, to_line: 1 }) as string[][];
    return (header ?? []).map((c) => c.trim().toLowerCase());
  } catch {
    return [];
  }
}
