/**
 * `cae score --format xlsx`: the audit export as an Excel workbook, a summary sheet then one sheet
 * per axe with the platform's audit columns (src/report/audit-rows.ts). Written with
 * write-excel-file (MIT, only dependency fflate), imported when a workbook is written: importing
 * `label-cae/node` (or starting `cae`) does not load it.
 */
import type { Cell, SheetData } from 'write-excel-file/node';
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import type { Referentiel } from '../referentiel/model.js';
import { readinessHeadline } from '../report/audit-labels.js';
import { AUDIT_COLUMNS, type AuditCell, auditRows } from '../report/audit-rows.js';
import { describeCollectivite } from '../report/tree.js';

export const XLSX_SUMMARY_SHEET = 'Synthèse';

/** `Axe 1`: sheet names are at most 31 characters and may not hold `[]:*?/\`. */
export const axeSheetName = (identifiant: string): string => `Axe ${identifiant}`.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);

const PERCENT = new Set([5, 7, 9]);

function cell(value: AuditCell, column: number, bold: boolean): Cell {
  if (value === null) return null;
  if (typeof value === 'number') return { value, type: Number, format: PERCENT.has(column) ? '0.00%' : '0.###', ...(bold ? { fontWeight: 'bold' as const } : {}) };
  return { value, type: String, ...(bold ? { fontWeight: 'bold' as const } : {}), ...(column === 1 || column === 11 ? { wrap: true } : {}) };
}

function summary(evaluation: EvaluationJson, referentiel: Referentiel): SheetData {
  const root = evaluation.scores[referentiel.root.id];
  const rows: [string, AuditCell][] = [
    ['Référentiel', `${referentiel.nom} (${evaluation.referentiel})`],
    ['Collectivité', describeCollectivite(evaluation.collectivite) ?? ''],
    ["Date de l'évaluation", evaluation.date ?? ''],
    ['Points faits', root?.pointFait ?? null],
    ['Points potentiels', root?.pointPotentiel ?? null],
    ['% fait', root?.ratioFait ?? null],
    ['% programmé', root?.ratioProgramme ?? null],
    ['Tâches renseignées', root ? `${root.completedTachesCount} / ${root.totalTachesCount}` : null],
    ...(evaluation.labellisation ? readinessHeadline(evaluation.labellisation).map((l): [string, AuditCell] => [l.slice(0, l.indexOf(' :')), l.slice(l.indexOf(' :') + 3)]) : []),
  ];
  for (const c of evaluation.labellisation?.conditions ?? []) rows.push([c.rempli ? 'rempli' : 'non rempli', `${c.libelle} — ${c.constat}`]);
  return rows.map(([k, v]) => [{ value: k, type: String, fontWeight: 'bold' }, typeof v === 'number' ? { value: v, type: Number, format: k.startsWith('%') ? '0.00%' : '0.###' } : v === null ? null : { value: v, type: String }]);
}

/**
 * The evaluation document as an Excel workbook (the bytes of an .xlsx file): a summary sheet, then
 * one sheet per axe with the platform's audit columns. Node only (write-excel-file, loaded here).
 *
 * @example
 * await writeFileAtomic('audit.xlsx', await renderXlsx(evaluationToJson(ev), ev.referentiel));
 */
export async function renderXlsx(evaluation: EvaluationJson, referentiel: Referentiel): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const header: Cell[] = AUDIT_COLUMNS.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const }));
  const widths = [12, 60, 10, 12, 10, 9, 10, 9, 10, 9, 14, 50].map((width) => ({ width }));
  const sheets = [
    { data: summary(evaluation, referentiel), sheet: XLSX_SUMMARY_SHEET, columns: [{ width: 28 }, { width: 90 }] },
    ...referentiel.root.children.map((axe) => ({
      data: [header, ...auditRows(axe, evaluation, referentiel).map((row, r) => row.map((v, i) => cell(v, i, r === 0)))],
      sheet: axeSheetName(axe.identifiant),
      columns: widths,
      stickyRowsCount: 1,
    })),
  ];
  const buffer = await writeXlsxFile(sheets).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
