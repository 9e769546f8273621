/**
 * The columns of the terminal score tables, fitted to a width. Layouts go from the widest (every
 * share in points and %) to the narrowest (fait in points, the shares in %), and the first whose
 * Intitulé column keeps at least 20 characters wins. Widths are measured once over every row of
 * the report, so every table (every axe) has the same columns at the same places.
 */
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import type { ActionScoreJson } from '../score/score-json.js';
import { STATUT_LABELS } from './audit-labels.js';
import type { Style } from './color.js';
import { displayWidth, formatPercent, formatPoints } from './format.js';
import type { TextCell, TextColumn } from './text-table.js';

type Part = 'fait' | 'programme' | 'pasFait' | 'nonRenseigne';
const STYLES: Record<Part, Style> = { fait: 'green', programme: 'cyan', pasFait: 'red', nonRenseigne: 'gray' };
const POINTS = { fait: 'pointFait', programme: 'pointProgramme', pasFait: 'pointPasFait', nonRenseigne: 'pointNonRenseigne' } as const;
const RATIOS = { fait: 'ratioFait', programme: 'ratioProgramme', pasFait: 'ratioPasFait', nonRenseigne: 'ratioNonRenseigne' } as const;

interface Spec {
  header: string;
  align: 'left' | 'right';
  style?: Style;
  cell: (node: ActionNode, s: ActionScoreJson | undefined, ev: EvaluationJson) => string;
  /** Cells of a non-concerné row: this column carries the words « non concerné ». */
  nonConcerne?: boolean;
}

const pts = (part: Part, header: string): Spec => ({ header, align: 'right', style: STYLES[part], cell: (_n, s) => (s ? formatPoints(s[POINTS[part]]) : '') });
const pct = (part: Part, header: string): Spec => ({
  header,
  align: 'right',
  style: STYLES[part],
  cell: (_n, s) => (!s ? '' : s.pointPotentiel === 0 ? '—' : formatPercent(s[RATIOS[part]])),
});
const ID = (header: string): Spec => ({ header, align: 'left', cell: (n) => n.identifiant });
const NOM: Spec = { header: 'Intitulé', align: 'left', cell: (n) => n.nom };
const POT = (header: string): Spec => ({ header, align: 'right', cell: (_n, s) => (s ? formatPoints(s.pointPotentiel) : '—') });
const STATUT: Spec = { header: 'Statut', align: 'left', cell: (n, _s, ev) => statutCourt(ev, n.id) };

/** `fait`, `détaillé`, `fait ↑` when the sous-action above carries it, `fait (preuve)`. */
export function statutCourt(ev: EvaluationJson, id: string): string {
  const s = ev.statuts?.[id];
  if (!s) return '';
  return `${STATUT_LABELS[s.statut]}${s.source === 'parent' ? ' ↑' : s.source === 'preuve' ? ' (preuve)' : ''}`;
}

const LAYOUTS: { gap: string; specs: Spec[] }[] = [
  { gap: '  ', specs: [ID('Identifiant'), NOM, POT('Potentiel'), pts('fait', 'Fait'), pct('fait', '%'), pts('programme', 'Programmé'), pct('programme', '%'), pts('pasFait', 'Pas fait'), pct('pasFait', '%'), pts('nonRenseigne', 'Non renseigné'), pct('nonRenseigne', '%')] },
  { gap: ' ', specs: [ID('Id'), NOM, POT('Pot.'), pts('fait', 'Fait'), pct('fait', '%'), pts('programme', 'Prog.'), pct('programme', '%'), pts('pasFait', 'Pas fait'), pct('pasFait', '%'), pts('nonRenseigne', 'N. rens.'), pct('nonRenseigne', '%')] },
  { gap: ' ', specs: [ID('Id'), NOM, POT('Pot.'), pts('fait', 'Fait'), pct('fait', '% fait'), pct('programme', '% prog.'), pct('pasFait', '% p. f.'), pct('nonRenseigne', '% n. r.')] },
  { gap: ' ', specs: [ID('Id'), NOM, POT('Pot.'), pts('fait', 'Fait'), pct('fait', '% fait'), pct('programme', '% prog.')] },
];

export interface TableLayout {
  columns: TextColumn[];
  gap: string;
  row: (node: ActionNode, ev: EvaluationJson, indent: number, rowStyle: Style | undefined) => TextCell[];
}

/**
 * The layout of every table of the report: `rows` are all the rows it will show (for stable
 * widths), `width` the terminal's (null: no limit, names cut at `nameWidth`).
 */
export function tableLayout(rows: readonly { node: ActionNode; indent: number }[], ev: EvaluationJson, width: number | null, nameWidth: number, statut: boolean): TableLayout {
  let chosen = LAYOUTS[0]!;
  let widths: number[] = [];
  let nom = nameWidth;
  for (const layout of width === null ? [LAYOUTS[0]!] : LAYOUTS) {
    const specs = withStatut(layout.specs, statut);
    widths = specs.map((spec) => Math.max(displayWidth(spec.header), ...rows.map(({ node, indent }) => displayWidth(cellText(spec, node, ev, indent)))));
    const others = widths.reduce((a, w, i) => (specs[i] === NOM ? a : a + w), 0) + layout.gap.length * (specs.length - 1);
    const longest = widths[specs.indexOf(NOM)]!;
    nom = width === null ? Math.min(nameWidth, longest) : Math.min(nameWidth, longest, width - others);
    chosen = layout;
    if (width === null || nom >= Math.min(20, longest)) break;
  }
  const specs = withStatut(chosen.specs, statut);
  const columns = specs.map((spec, i): TextColumn => ({
    header: spec.header,
    align: spec.align,
    ...(spec.style ? { headerStyle: spec.style } : {}),
    ...(spec === NOM ? { maxWidth: Math.max(4, nom), minWidth: Math.max(4, nom) } : { minWidth: widths[i]! }),
  }));
  return { columns, gap: chosen.gap, row: (node, e, indent, rowStyle) => rowCells(specs, node, e, indent, rowStyle) };
}

function withStatut(specs: Spec[], statut: boolean): Spec[] {
  return statut ? [specs[0]!, specs[1]!, STATUT, ...specs.slice(2)] : specs;
}

function cellText(spec: Spec, node: ActionNode, ev: EvaluationJson, indent: number): string {
  const s = ev.scores[node.id];
  if ((!s || !s.concerne) && spec.style) return '';
  return (spec === NOM ? ' '.repeat(indent) : '') + spec.cell(node, s, ev);
}

function rowCells(specs: Spec[], node: ActionNode, ev: EvaluationJson, indent: number, rowStyle: Style | undefined): TextCell[] {
  const s = ev.scores[node.id];
  const styled = (text: string, style?: Style): TextCell => ({ text, ...(rowStyle || style ? { style: rowStyle ?? style! } : {}) });
  const cells: TextCell[] = [];
  for (const spec of specs) {
    if (s && !s.concerne && spec.style) {
      // One cell says it for the whole row: the first share column.
      if (spec.style === 'green' && !cells.some((c) => c.text === 'non concerné')) cells.push({ text: 'non concerné', style: 'dim', overflow: true });
      continue;
    }
    if (!s && spec.style) continue;
    const text = (spec === NOM ? ' '.repeat(indent) : '') + spec.cell(node, s, ev);
    cells.push(spec.style ? { text, style: spec.style } : styled(text));
  }
  return cells;
}

export const LEGENDE_STATUT = 'Statut : ↑ porté par la sous-action au-dessus ; (preuve) proposé par une règle de preuve.';

/** Rows of one axe (to the mesures, or to the tâches when `deep`), with their indentation. */
export function rowsOf(top: ActionNode, referentiel: Referentiel, deep: boolean): { node: ActionNode; indent: number }[] {
  const max = deep ? Infinity : referentiel.hierarchie.actionLevel;
  const out: { node: ActionNode; indent: number }[] = [];
  const walk = (n: ActionNode): void => {
    out.push({ node: n, indent: 2 * (n.depth - top.depth) });
    if (n.depth < max) for (const c of n.children) walk(c);
  };
  walk(top);
  return out;
}
