/**
 * The CSV export (`cae score --format csv`): one row per node of the référentiel, depth-first, root
 * included, under a fixed header (documented in docs/reports.md). RFC 4180: fields holding a comma,
 * a quote or a line break are quoted and their quotes doubled; records end with `\n`. Numbers are
 * written as in the JSON (`.` decimals, points to 3 decimals, ratios to 4); booleans as
 * `true`/`false`; a missing value (no score, `point_potentiel_perso` without personnalisation) is
 * an empty field.
 */
import { type Niveau, keepsAction } from '../evaluation/niveau.js';
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import type { ActionScoreJson } from '../score/score-json.js';
import { STATUT_LABELS } from './audit-labels.js';
import { actionLabel, depthFirst } from './tree.js';

/**
 * The columns of `cae score --format csv`, in order (docs/reports.md): the node, then its points
 * and ratios.
 *
 * @example
 * console.log(CSV_COLUMNS.join(','));
 */
export const CSV_COLUMNS = [
  'action_id',
  'identifiant',
  'type',
  'nom',
  'point_referentiel',
  'point_potentiel',
  'point_potentiel_perso',
  'point_fait',
  'point_programme',
  'point_pas_fait',
  'point_non_renseigne',
  'ratio_fait',
  'ratio_programme',
  'completude',
  'concerne',
  'desactive',
  'total_taches_count',
  'completed_taches_count',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const SCORE_FIELDS: Record<Exclude<CsvColumn, 'action_id' | 'identifiant' | 'type' | 'nom'>, Exclude<keyof ActionScoreJson, 'scoreIndicatif'>> = {
  point_referentiel: 'pointReferentiel',
  point_potentiel: 'pointPotentiel',
  point_potentiel_perso: 'pointPotentielPerso',
  point_fait: 'pointFait',
  point_programme: 'pointProgramme',
  point_pas_fait: 'pointPasFait',
  point_non_renseigne: 'pointNonRenseigne',
  ratio_fait: 'ratioFait',
  ratio_programme: 'ratioProgramme',
  completude: 'completude',
  concerne: 'concerne',
  desactive: 'desactive',
  total_taches_count: 'totalTachesCount',
  completed_taches_count: 'completedTachesCount',
};

/**
 * Added after the others only when some node has an indicative score (a dossier with `indicateurs`):
 * the exact ratio of HEAD's exprScore from the results and from the objectives, never in the points.
 *
 * @example
 * const header = [...CSV_COLUMNS, ...CSV_COLUMNS_SCORE_INDICATIF].join(',');
 */
export const CSV_COLUMNS_SCORE_INDICATIF = ['score_indicatif_fait', 'score_indicatif_programme'] as const;

export const CSV_COLUMNS_STATUT = ['statut', 'statut_source'] as const;

export interface CsvOptions {
  /** For French Excel: a BOM, `;` between fields, decimal comma, CRLF line ends, and the statut columns. */
  excel?: boolean;
  /** The level of detail the document was written at (`--niveau`): rows for that level only. */
  niveau?: Niveau;
}

/**
 * The evaluation document as CSV, one row per node (columns in docs/reports.md); `excel: true` for
 * French Excel (BOM, `;`, decimal comma, CRLF). Pure.
 *
 * @example
 * writeFileSync('scores.csv', renderCsv(evaluationToJson(ev), ev.referentiel));
 */
export function renderCsv(evaluation: EvaluationJson, referentiel: Referentiel, options: CsvOptions = {}): string {
  const excel = options.excel === true;
  const sep = excel ? ';' : ',';
  const indicatif = Object.values(evaluation.scores).some((s) => s.scoreIndicatif !== undefined);
  // The plain CSV keeps its documented columns (scripts read them); the Excel one, for people, adds the statut.
  const statuts = excel && evaluation.statuts !== undefined;
  const header = [...CSV_COLUMNS, ...(indicatif ? CSV_COLUMNS_SCORE_INDICATIF : []), ...(statuts ? CSV_COLUMNS_STATUT : [])];
  const lines = [header.join(sep)];
  const num = (v: number | boolean | null): string => (excel && typeof v === 'number' ? csvValue(v).replace('.', ',') : csvValue(v));
  const niveau = options.niveau ?? 'tache';
  for (const node of depthFirst(referentiel.root)) {
    if (!keepsAction(referentiel, niveau, node.id)) continue;
    const s = evaluation.scores[node.id];
    const fields = csvRowFields(node, s, indicatif, num);
    if (statuts) {
      const st = evaluation.statuts![node.id];
      fields.push(st ? STATUT_LABELS[st.statut] : '', st ? (st.source === 'parent' ? `porté par ${actionLabel(st.porteur, referentiel)}` : st.source) : '');
    }
    lines.push(fields.map((f) => csvField(f, sep)).join(sep));
  }
  return excel ? `\ufeff${lines.join('\r\n')}\r\n` : lines.join('\n') + '\n';
}

/**
 * One node's fields (unquoted), in the order of CSV_COLUMNS, then the indicative scores when asked.
 *
 * @example
 * const row = csvRowFields(node, doc.scores[node.id], true).map((f) => csvField(f)).join(',');
 */
export function csvRowFields(
  node: ActionNode,
  s: ActionScoreJson | undefined,
  indicatif: boolean,
  num: (v: number | boolean | null) => string = csvValue,
): string[] {
  const fields: string[] = [node.id, node.identifiant, node.type, node.nom];
  for (const column of CSV_COLUMNS.slice(4) as (keyof typeof SCORE_FIELDS)[]) {
    fields.push(s ? num(s[SCORE_FIELDS[column]]) : '');
  }
  if (indicatif) fields.push(num(s?.scoreIndicatif?.fait.ratio ?? null), num(s?.scoreIndicatif?.programme.ratio ?? null));
  return fields;
}

function csvValue(v: number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return csvNumber(v);
}

/** As JSON writes it, but never in exponent notation (`1e-7` → `0.0000001`). */
export function csvNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (Object.is(x, -0)) return '0';
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * One CSV field, quoted as RFC 4180 asks when it holds the separator, a quote or a line break.
 *
 * RFC 4180 quoting.
 *
 * @example
 * csvField('Saint-Exemple, commune'); // '"Saint-Exemple, commune"'
 */
export function csvField(value: string, sep = ','): string {
  return /["\r\n]/.test(value) || value.includes(sep) ? `"${value.replace(/"/g, '""')}"` : value;
}
