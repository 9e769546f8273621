/**
 * `cae score --batch --format csv`: one row per (collectivité, node), under one header written
 * once. The columns are those of `cae score --format csv` (docs/reports.md), after `ligne` and the
 * collectivité's name, then the two indicative-score columns (always there, so the header does
 * not depend on the first dossier) and `erreur`: the codes of an invalid line (a single row with
 * its `ligne`), `vide` for a blank line, empty for a scored one.
 */
import { type Evaluation, evaluationToJson } from 'label-cae';
import { CSV_COLUMNS, CSV_COLUMNS_SCORE_INDICATIF, type Niveau, csvField, csvRowFields, depthFirst } from 'label-cae/report';

export const BATCH_CSV_HEADER = `${['ligne', 'collectivite', ...CSV_COLUMNS, ...CSV_COLUMNS_SCORE_INDICATIF, 'erreur'].join(',')}\n`;

/** collectivite, the report columns and the indicative scores. */
const EMPTY_FIELDS = 1 + CSV_COLUMNS.length + CSV_COLUMNS_SCORE_INDICATIF.length;

/** The rows of a scored dossier, in chunks of 64 rows. */
export function csvRows(ev: Evaluation, ligne: number, niveau: Niveau): string[] {
  const doc = evaluationToJson(ev, { niveau });
  const head = `${ligne},${csvField(ev.dossier.collectivite?.nom ?? '')},`;
  const chunks: string[] = [];
  let chunk = '';
  let rows = 0;
  for (const node of depthFirst(ev.referentiel.root)) {
    const s = doc.scores[node.id];
    if (!s) continue; // not at this level
    chunk += `${head}${csvRowFields(node, s, true).map((f) => csvField(f)).join(',')},\n`;
    if (++rows % 64 === 0) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') chunks.push(chunk);
  return chunks;
}

/** The one row of an invalid or blank line. */
export function csvErrorRow(ligne: number, codes: readonly string[]): string {
  return `${ligne},${','.repeat(EMPTY_FIELDS)}${csvField([...new Set(codes)].join(' '))}\n`;
}
