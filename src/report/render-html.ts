/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, nothing loaded from the
 * network), in French, printable. Sections: synthèse, étoile (gauge and criteria), radar, scores per
 * axe, détail per mesure (sous-actions and tâches), constats. Every text from the référentiel or the
 * dossier goes through `escapeHtml`.
 */
import { TITRE_LABELS, labelLines } from './labels.js';
import type { CritereJson, EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import type { ActionScoreJson } from '../score/score-json.js';
import { defaultSeuils, renderEtoileGauge, type SeuilAffiche } from './etoile-gauge.js';
import { formatDate, formatPercent, formatPoints } from './format.js';
import { escapeHtml } from './html-escape.js';
import { COLORS, renderRadarFigure } from './radar-chart.js';
import { describeCritere } from './render-text.js';
import { NOTE_SCORES_INDICATIFS, TITRE_SCORES_INDICATIFS, describeScoreIndicatif, scoreIndicatifRows } from './score-indicatif.js';
import { actionLabel, describeCollectivite, ETAT_CRITERE_LABELS, etoileDesCriteres, mesures, NIVEAU_LABELS, SEVERITE_LABELS, summaryRows } from './tree.js';

export interface HtmlOptions {
  /** Étoile thresholds drawn on the gauge; defaults to the référentiel's default configuration. */
  seuils?: readonly SeuilAffiche[];
}

const e = escapeHtml;

export function renderHtml(evaluation: EvaluationJson, referentiel: Referentiel, options: HtmlOptions = {}): string {
  const collectivite = describeCollectivite(evaluation.collectivite);
  const date = formatDate(evaluation.date);
  const title = ['Label Climat Air Énergie', evaluation.collectivite.nom, date].filter(Boolean).join(' — ');
  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="entete">',
    `<p class="surtitre">Label Climat Air Énergie · référentiel ${e(referentiel.nom)} (${e(evaluation.referentiel)})</p>`,
    `<h1>${e(collectivite ?? 'Rapport d’évaluation')}</h1>`,
    `<p class="date">${date ? `Évaluation au ${e(date)}` : 'Évaluation sans date'}</p>`,
    '</header>',
    '<main>',
  );
  parts.push(synthese(evaluation, referentiel));
  const labels = labelLines(evaluation);
  if (labels.length > 0) parts.push(`<section id="labels"><h2>${e(TITRE_LABELS)}</h2><ul>${labels.map((l) => `<li>${e(l)}</li>`).join('')}</ul></section>`);
  parts.push(etoileSection(evaluation, referentiel, options.seuils ?? defaultSeuils(evaluation.referentiel)));
  parts.push(`<section id="radar"><h2>Profil</h2>${renderRadarFigure(evaluation, referentiel)}</section>`);
  parts.push(axesSection(evaluation, referentiel));
  parts.push(mesuresSection(evaluation, referentiel));
  const indicatifs = scoreIndicatifRows(evaluation, referentiel);
  if (indicatifs.length > 0) parts.push(scoresIndicatifsSection(indicatifs));
  parts.push(constatsSection(evaluation, referentiel));
  parts.push('</main>', `<footer>Rapport produit par label-cae (${e(evaluation.format)}). Points arrondis au millième, pourcentages au centième.</footer>`, '</body>', '</html>');
  return parts.join('\n') + '\n';
}

function synthese(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const s = evaluation.scores[referentiel.root.id];
  if (!s) return `<section id="synthese"><h2>Synthèse</h2><p>Aucun score pour la racine ${e(referentiel.root.id)}.</p></section>`;
  const carte = (cls: string, label: string, points: number, ratio: number): string =>
    `<div class="carte ${cls}"><span class="etiquette">${label}</span><span class="valeur">${formatPercent(ratio)}</span><span class="points">${formatPoints(points)} pt</span></div>`;
  return `<section id="synthese"><h2>Synthèse</h2>
<p class="score-global"><strong>${formatPoints(s.pointFait)}</strong> points faits sur <strong>${formatPoints(s.pointPotentiel)}</strong> points potentiels, soit <strong class="pct">${formatPercent(s.ratioFait)}</strong> (référentiel : ${formatPoints(s.pointReferentiel)} points).</p>
<div class="cartes">
${carte('fait', 'Fait', s.pointFait, s.ratioFait)}
${carte('programme', 'Programmé', s.pointProgramme, s.ratioProgramme)}
${carte('pas-fait', 'Pas fait', s.pointPasFait, s.ratioPasFait)}
${carte('non-renseigne', 'Non renseigné', s.pointNonRenseigne, s.ratioNonRenseigne)}
<div class="carte completude"><span class="etiquette">Complétude</span><span class="valeur">${formatPercent(s.completude)}</span><span class="points">${s.completedTachesCount} / ${s.totalTachesCount} tâches</span></div>
</div>
${bar(s, 1000, 16, 'repartition-globale')}
</section>`;
}

/** A horizontal bar of the four shares of the potentiel (decorative: the numbers are in the text). */
function bar(s: ActionScoreJson, width: number, height: number, cls = 'barre'): string {
  const shares: [number, string][] = [
    [s.ratioFait, COLORS.fait],
    [s.ratioProgramme, COLORS.programme],
    [s.ratioPasFait, COLORS.pasFait],
    [s.ratioNonRenseigne, COLORS.nonRenseigne],
  ];
  if (!s.concerne || s.pointPotentiel === 0) {
    return `<svg class="${cls}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true"><rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="${COLORS.grid}" stroke-dasharray="3 2"/></svg>`;
  }
  let x = 0;
  const rects: string[] = [];
  for (const [r, color] of shares) {
    const w = Math.round(Math.max(0, r) * width * 100) / 100;
    if (w > 0) rects.push(`<rect x="${Math.round(x * 100) / 100}" y="0" width="${w}" height="${height}" fill="${color}"/>`);
    x += w;
  }
  rects.push(`<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="#6b7280" stroke-width="1"/>`);
  return `<svg class="${cls}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="none" aria-hidden="true">${rects.join('')}</svg>`;
}

function etoileSection(evaluation: EvaluationJson, referentiel: Referentiel, seuils: readonly SeuilAffiche[]): string {
  const et = evaluation.etoile;
  const prochaine = et.prochaine
    ? `<p>Prochaine étoile : <strong>${e(et.prochaine.label)}</strong> à ${formatPercent(et.prochaine.seuil)} ; il manque <strong>${formatPoints(et.prochaine.pointsFaitManquants)} point${et.prochaine.pointsFaitManquants >= 2 ? 's' : ''} fait</strong>.</p>`
    : '<p>L’étoile la plus haute est atteinte.</p>';
  const complet = et.complet
    ? '<p>Toutes les tâches sont renseignées.</p>'
    : '<p class="alerte">Évaluation incomplète : une demande de labellisation exige que toutes les tâches soient renseignées.</p>';
  return `<section id="etoile"><h2>Étoile : ${e(et.label)}</h2>
${renderEtoileGauge(et, seuils)}
<p><strong>${et.etoile} étoile${et.etoile > 1 ? 's' : ''} sur 5</strong> : ${formatPercent(et.ratioFait)} des points potentiels sont faits (${formatPoints(et.pointFait)} sur ${formatPoints(et.pointPotentiel)}).</p>
${prochaine}
${complet}
${criteresTable(et.criteres, etoileDesCriteres(et), referentiel)}
</section>`;
}

function criteresTable(criteres: readonly CritereJson[], label: string, referentiel: Referentiel): string {
  if (criteres.length === 0) return `<p>Aucun critère d’action pour ${e(label)}.</p>`;
  const nonRemplis = criteres.filter((c) => c.etat === 'non_rempli').length;
  const rows = criteres.map(
    (c) =>
      `<tr class="critere ${c.etat.replace('_', '-')}"><td class="id">${e(actionLabel(c.actionId, referentiel) ?? '')}</td><td>${e(c.label)}</td><td>${c.etat === 'non_rempli' ? '✗ ' : c.etat === 'rempli' ? '✓ ' : ''}${e(ETAT_CRITERE_LABELS[c.etat])}</td><td>${e(describeCritere(c))}</td></tr>`,
  );
  return `<h3>Critères de ${e(label)} (${nonRemplis} non rempli${nonRemplis > 1 ? 's' : ''})</h3>
<table class="criteres"><thead><tr><th scope="col">Action</th><th scope="col">Critère</th><th scope="col">État</th><th scope="col">Résultat</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

const HEAD = `<thead><tr><th scope="col">Identifiant</th><th scope="col">Intitulé</th><th scope="col" class="num">Potentiel</th><th scope="col" class="num">Fait</th><th scope="col" class="num">Programmé</th><th scope="col" class="num">Pas fait</th><th scope="col" class="num">Non renseigné</th><th scope="col">Répartition</th></tr></thead>`;

function scoreCells(s: ActionScoreJson | undefined): string {
  if (!s) return '<td class="num">—</td><td colspan="5">pas de score</td>';
  if (!s.concerne) return `<td class="num">0</td><td colspan="4" class="non-concerne">non concerné${s.desactive ? ' (désactivé)' : ''}</td><td>${bar(s, 120, 10)}</td>`;
  const cell = (cls: string, p: number, r: number): string => `<td class="num ${p === 0 ? 'zero' : cls}">${formatPoints(p)}<small>${formatPercent(r)}</small></td>`;
  return `<td class="num">${formatPoints(s.pointPotentiel)}</td>${cell('fait', s.pointFait, s.ratioFait)}${cell('programme', s.pointProgramme, s.ratioProgramme)}${cell('pas-fait', s.pointPasFait, s.ratioPasFait)}${cell('non-renseigne', s.pointNonRenseigne, s.ratioNonRenseigne)}<td>${bar(s, 120, 10)}</td>`;
}

function row(node: ActionNode, evaluation: EvaluationJson, base: number): string {
  const cls = `niveau-${node.type} profondeur-${Math.min(4, node.depth - base)}`;
  return `<tr class="${cls}"><td class="id">${e(node.identifiant)}</td><td class="nom">${e(node.nom)}</td>${scoreCells(evaluation.scores[node.id])}</tr>`;
}

function axesSection(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const tables = referentiel.root.children.map((axe) => {
    const rows = summaryRows(axe, referentiel);
    return `<h3>${e(capitalize(NIVEAU_LABELS[axe.type]))} ${e(axe.identifiant)} — ${e(axe.nom)}</h3>
<table class="scores">${HEAD}<tbody>
${rows.map((n) => row(n, evaluation, axe.depth)).join('\n')}
</tbody></table>`;
  });
  return `<section id="axes"><h2>Scores par axe</h2>\n${tables.join('\n')}\n</section>`;
}

function mesuresSection(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const blocks = mesures(referentiel).map((m) => {
    const s = evaluation.scores[m.id];
    const rows: string[] = [];
    for (const sa of m.children) {
      rows.push(row(sa, evaluation, m.depth + 1));
      for (const t of sa.children) rows.push(row(t, evaluation, m.depth + 1));
    }
    const resume = s
      ? s.concerne
        ? `${formatPoints(s.pointFait)} points faits sur ${formatPoints(s.pointPotentiel)} (${formatPercent(s.ratioFait)}), ${formatPoints(s.pointProgramme)} programmés (${formatPercent(s.ratioProgramme)}).`
        : 'Mesure non concernée.'
      : 'Pas de score.';
    return `<section class="mesure" id="mesure-${e(m.identifiant)}"><h3><span class="id">${e(m.identifiant)}</span> ${e(m.nom)}</h3>
<p class="resume">${resume}</p>
${rows.length ? `<table class="scores detail">${HEAD}<tbody>\n${rows.join('\n')}\n</tbody></table>` : ''}
</section>`;
  });
  return `<section id="mesures"><h2>Détail par mesure</h2>
<p class="legende-texte"><span class="pastille fait"></span> fait <span class="pastille programme"></span> programmé <span class="pastille pas-fait"></span> pas fait <span class="pastille non-renseigne"></span> non renseigné — points, et pourcentage du potentiel de la ligne.</p>
${blocks.join('\n')}
</section>`;
}

function scoresIndicatifsSection(rows: ReturnType<typeof scoreIndicatifRows>): string {
  const body = rows.map(({ node, score }) => `<tr><td>${e(node.identifiant)}</td><td>${e(node.nom)}</td><td class="num">${e(describeScoreIndicatif(score.fait))}</td><td class="num">${e(describeScoreIndicatif(score.programme))}</td></tr>`);
  return `<section id="scores-indicatifs"><h2>${e(TITRE_SCORES_INDICATIFS)}</h2><p>Scores ${e(NOTE_SCORES_INDICATIFS)}.</p>
<table class="scores-indicatifs"><thead><tr><th scope="col">Identifiant</th><th scope="col">Intitulé</th><th scope="col">Fait (résultats)</th><th scope="col">Programmé (objectifs)</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody></table></section>`;
}

function constatsSection(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const list = evaluation.constats;
  if (list.length === 0) return '<section id="constats"><h2>Constats</h2><p>Aucun constat.</p></section>';
  const items = list.map((c) => {
    const action = actionLabel(c.actionId, referentiel);
    const where = [action ? `action ${e(action)}` : null, c.pointer ? `dossier <code>${e(c.pointer)}</code>` : null].filter(Boolean).join(', ');
    return `<li class="constat ${c.severity}"><span class="severite">${e(SEVERITE_LABELS[c.severity])}</span> ${e(c.message)} <span class="code">${e(c.code)}${where ? ` · ${where}` : ''}</span></li>`;
  });
  return `<section id="constats"><h2>Constats (${list.length})</h2><ul class="constats">\n${items.join('\n')}\n</ul></section>`;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const CSS = `
:root { --fait: ${COLORS.fait}; --programme: ${COLORS.programme}; --pas-fait: ${COLORS.pasFait}; --non-renseigne: ${COLORS.nonRenseigne}; --texte: ${COLORS.text}; --discret: ${COLORS.muted}; --trait: #d5d9de; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; font-size: 14px; line-height: 1.45; color: var(--texte); background: #fff; }
h1 { font-size: 28px; margin: 4px 0; }
h2 { font-size: 21px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--texte); }
h3 { font-size: 16px; margin: 22px 0 8px; }
.surtitre { margin: 0; color: var(--discret); text-transform: uppercase; letter-spacing: .04em; font-size: 12px; }
.date { margin: 0; color: var(--discret); }
.score-global { font-size: 16px; }
.pct { font-size: 20px; }
.cartes { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.carte { flex: 1 1 150px; border: 1px solid var(--trait); border-top: 5px solid var(--discret); border-radius: 6px; padding: 10px 12px; display: flex; flex-direction: column; }
.carte.fait { border-top-color: var(--fait); } .carte.programme { border-top-color: var(--programme); }
.carte.pas-fait { border-top-color: var(--pas-fait); } .carte.non-renseigne { border-top-color: var(--non-renseigne); }
.carte .etiquette { font-size: 12px; color: var(--discret); text-transform: uppercase; }
.carte .valeur { font-size: 22px; font-weight: 700; }
.carte .points { color: var(--discret); }
.repartition-globale { width: 100%; height: 16px; display: block; }
.alerte { border-left: 4px solid #b7800b; padding: 4px 10px; }
.jauge { width: 100%; height: auto; display: block; margin: 8px 0; }
figure.radar { margin: 0; display: flex; flex-direction: column; align-items: center; }
.radar-svg { max-width: 100%; height: auto; }
figcaption { color: var(--discret); max-width: 720px; text-align: center; }
ul.legende { list-style: none; padding: 0; margin: 6px 0; display: flex; gap: 24px; }
ul.legende li { display: flex; align-items: center; gap: 6px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
th, td { border-bottom: 1px solid var(--trait); padding: 4px 6px; vertical-align: top; text-align: left; }
th { font-size: 12px; color: var(--discret); border-bottom: 2px solid var(--texte); }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num small { display: block; color: var(--discret); font-size: 11px; }
td.id { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.zero { color: #8a929b; }
td.fait { color: var(--fait); } td.programme { color: var(--programme); } td.pas-fait { color: var(--pas-fait); } td.non-renseigne { color: #616161; }
tr.niveau-axe td, tr.profondeur-0 td { font-weight: 700; }
tr.niveau-axe td.nom { font-size: 15px; }
tr.profondeur-1 td.nom { padding-left: 22px; } tr.profondeur-2 td.nom { padding-left: 40px; } tr.profondeur-3 td.nom { padding-left: 58px; }
table.detail tr.niveau-sous-action td { border-top: 1px solid #9aa1a9; }
.non-concerne { color: var(--discret); font-style: italic; }
.pastille { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-left: 8px; border: 1px solid #555; }
.pastille.fait { background: var(--fait); } .pastille.programme { background: var(--programme); } .pastille.pas-fait { background: var(--pas-fait); } .pastille.non-renseigne { background: var(--non-renseigne); }
.mesure h3 .id { color: var(--discret); margin-right: 6px; }
.resume { margin: 0 0 4px; color: var(--discret); }
ul.constats { padding-left: 0; list-style: none; }
.constat { border-left: 4px solid var(--discret); padding: 4px 10px; margin: 6px 0; }
.constat.error { border-left-color: var(--pas-fait); } .constat.warning { border-left-color: #b7800b; } .constat.info { border-left-color: var(--programme); }
.severite { font-weight: 700; text-transform: uppercase; font-size: 12px; margin-right: 6px; }
.constat .code { color: var(--discret); font-size: 12px; display: block; }
tr.critere.non-rempli td { color: var(--pas-fait); }
footer { margin-top: 40px; color: var(--discret); font-size: 12px; border-top: 1px solid var(--trait); padding-top: 8px; }
@media print {
  @page { margin: 15mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  table, figure, .cartes, .jauge, section.mesure { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .carte { border-top-width: 1px; }
  td.fait, td.programme, td.pas-fait, td.non-renseigne, tr.critere.non-rempli td { color: #000; }
  .pastille { display: none; }
}
`;
