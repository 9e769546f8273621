/**
 * The radar chart of the HTML report: % fait and % fait + programmé per axe, as an inline SVG.
 * A radar needs at least 3 spokes; when the référentiel has fewer than 3 concerné axes (the
 * embedded one has a single axe), the chart goes one level down, and again, up to the sous-actions,
 * and the caption says which level is drawn. Non concerné subjects are left out (their potentiel is 0).
 */
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import { formatPercentShort } from './format.js';
import { escapeHtml } from './html-escape.js';
import { computeRadar, pointsAttribute } from './radar-geometry.js';
import { NIVEAU_LABELS, NIVEAU_PLURIELS } from './tree.js';

export interface RadarSubjects {
  nodes: ActionNode[];
  /** Level drawn (`axe` unless the chart had to go down). */
  niveau: ActionNode['type'];
  /** French sentence explaining a fallback, or null when the axes are drawn. */
  note: string | null;
}

const MIN_SPOKES = 3;

export function chooseRadarSubjects(evaluation: EvaluationJson, referentiel: Referentiel): RadarSubjects {
  const concerne = (n: ActionNode): boolean => evaluation.scores[n.id]?.concerne !== false;
  const sousActionDepth = referentiel.hierarchie.actionLevel + 1;
  const axes = referentiel.root.children.filter(concerne);
  let level = axes;
  while (level.length > 0 && level.length < MIN_SPOKES && level[0]!.depth < sousActionDepth) {
    const next = level.flatMap((n) => n.children).filter(concerne);
    if (next.length === 0) break;
    level = next;
  }
  if (level.length === 0) return { nodes: [], niveau: 'axe', note: 'Aucun axe concerné : pas de radar.' };
  const niveau = level[0]!.type;
  const axesText = axes.length === 1 ? "qu'un axe concerné" : `que ${axes.length} axes concernés`;
  if (level === axes) return { nodes: axes, niveau, note: axes.length < MIN_SPOKES ? `Le référentiel ne compte ${axesText}.` : null };
  const parents = [...new Set(level.map((n) => n.parentId))].map((id) => referentiel.actions.get(id ?? ''));
  const parent = parents.length === 1 && parents[0] ? ` ${deNiveau(parents[0])}` : '';
  return {
    nodes: level,
    niveau,
    note: `Le référentiel ne compte ${axesText} : le radar montre ${level.length > 1 ? `les ${level.length}` : 'la'} ${NIVEAU_PLURIELS[niveau]}${parent}.`,
  };
}

/** `de l'axe 6`, `du sous-axe 6.1`, `de la mesure 6.1.1`. */
function deNiveau(node: ActionNode): string {
  const label = NIVEAU_LABELS[node.type];
  const de = node.type === 'axe' ? "de l'" : node.type === 'sous-axe' || node.type === 'referentiel' ? 'du ' : 'de la ';
  return `${de}${label} ${node.identifiant}`;
}

/** Up to 2 lines of at most `width` characters, cut with … */
export function wrapLabel(text: string, width: number, maxLines = 2): string[] {
  const words = text.normalize('NFC').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const candidate = current ? `${current} ${w}` : w;
    if ([...candidate].length <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = w;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && current) {
    lines.push(current);
    current = '';
  }
  const truncated = i < words.length || current !== '';
  const last = lines.length - 1;
  if (last >= 0) {
    let l = lines[last]!;
    if ([...l].length > width) l = [...l].slice(0, width - 1).join('') + '…';
    else if (truncated) l = [...l].slice(0, width - 1).join('').trimEnd() + '…';
    lines[last] = l;
  }
  return lines;
}

export const COLORS = {
  fait: '#2e7d32',
  programme: '#1565c0',
  pasFait: '#c62828',
  nonRenseigne: '#9e9e9e',
  grid: '#c8ccd2',
  text: '#1f2328',
  muted: '#5b6470',
  star: '#f2b01e',
} as const;

export function renderRadarFigure(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const subjects = chooseRadarSubjects(evaluation, referentiel);
  if (subjects.nodes.length === 0) return `<figure class="radar"><figcaption>${escapeHtml(subjects.note ?? '')}</figcaption></figure>`;
  const n = subjects.nodes.length;
  const width = 720;
  const height = 560;
  const frame = { cx: width / 2, cy: height / 2 + 5, radius: 190 };
  const fait = subjects.nodes.map((x) => evaluation.scores[x.id]?.ratioFait ?? 0);
  const faitProgramme = subjects.nodes.map((x) => {
    const s = evaluation.scores[x.id];
    return s ? s.ratioFait + s.ratioProgramme : 0;
  });
  const g = computeRadar(n, [faitProgramme, fait], frame, { labelOffset: 16 });
  const svg: string[] = [];
  svg.push(
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="radar-titre radar-desc" class="radar-svg">`,
    `<title id="radar-titre">Radar : % fait et % fait + programmé par ${escapeHtml(NIVEAU_LABELS[subjects.niveau])}</title>`,
    `<desc id="radar-desc">${escapeHtml(subjects.nodes.map((x, i) => `${x.identifiant} : ${formatPercentShort(fait[i]!)} fait, ${formatPercentShort(faitProgramme[i]!)} fait + programmé`).join(' ; '))}</desc>`,
  );
  for (const ring of g.rings) {
    svg.push(`<polygon points="${pointsAttribute(ring.points)}" fill="none" stroke="${COLORS.grid}" stroke-width="1"/>`);
  }
  for (const s of g.spokes) svg.push(`<line x1="${frame.cx}" y1="${frame.cy}" x2="${s.end.x}" y2="${s.end.y}" stroke="${COLORS.grid}" stroke-width="1"/>`);
  for (const ring of g.rings) {
    svg.push(`<text x="${frame.cx + 5}" y="${frame.cy - ring.level * frame.radius + 12}" font-size="11" fill="${COLORS.muted}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${Math.round(ring.level * 100)} %</text>`);
  }
  const shapes: [string, string, number][] = [
    [COLORS.programme, '0.18', 0],
    [COLORS.fait, '0.35', 1],
  ];
  for (const [color, opacity, k] of shapes) {
    const pts = g.series[k]!;
    if (n >= 3) svg.push(`<polygon class="serie-${k === 1 ? 'fait' : 'fait-programme'}" points="${pointsAttribute(pts)}" fill="${color}" fill-opacity="${opacity}" stroke="${color}" stroke-width="2.5" stroke-linejoin="round"/>`);
    else svg.push(`<polyline points="${pointsAttribute(pts)}" fill="none" stroke="${color}" stroke-width="2.5"/>`);
    for (const p of pts) svg.push(`<circle cx="${p.x}" cy="${p.y}" r="4" fill="${color}"/>`);
  }
  subjects.nodes.forEach((node, i) => {
    const s = g.spokes[i]!;
    const lines = wrapLabel(node.nom, 24);
    const total = 1 + lines.length + 1;
    const lineHeight = 14;
    // Grow upwards above the centre, downwards below it, centred beside it.
    const y0 = s.vertical === -1 ? s.label.y - (total - 1) * lineHeight : s.vertical === 1 ? s.label.y + 10 : s.label.y - ((total - 1) * lineHeight) / 2 + 4;
    const parts = [`<tspan x="${s.label.x}" y="${y0}" font-weight="700">${escapeHtml(node.identifiant)}</tspan>`];
    lines.forEach((l, j) => parts.push(`<tspan x="${s.label.x}" y="${y0 + (j + 1) * lineHeight}">${escapeHtml(l)}</tspan>`));
    parts.push(`<tspan x="${s.label.x}" y="${y0 + (lines.length + 1) * lineHeight}" fill="${COLORS.fait}" font-weight="700">${formatPercentShort(fait[i]!)}</tspan><tspan fill="${COLORS.muted}"> / </tspan><tspan fill="${COLORS.programme}" font-weight="700">${formatPercentShort(faitProgramme[i]!)}</tspan>`);
    svg.push(`<text class="radar-label" text-anchor="${s.anchor}" font-size="12" fill="${COLORS.text}">${parts.join('')}</text>`);
  });
  svg.push('</svg>');
  const legend = `<ul class="legende">
<li><svg width="22" height="12" aria-hidden="true"><rect width="22" height="12" fill="${COLORS.fait}" fill-opacity="0.35" stroke="${COLORS.fait}" stroke-width="2"/></svg> % fait</li>
<li><svg width="22" height="12" aria-hidden="true"><rect width="22" height="12" fill="${COLORS.programme}" fill-opacity="0.18" stroke="${COLORS.programme}" stroke-width="2"/></svg> % fait + programmé</li>
</ul>`;
  const caption = `Part des points potentiels faite, et faite ou programmée, par ${escapeHtml(NIVEAU_LABELS[subjects.niveau])}.${subjects.note ? ` ${escapeHtml(subjects.note)}` : ''}`;
  return `<figure class="radar">${svg.join('\n')}\n${legend}\n<figcaption>${caption}</figcaption></figure>`;
}
