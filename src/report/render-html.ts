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
import { describeStatut } from './audit-labels.js';
import { personnalisationHtml, readinessHtml } from './html-audit.js';
import { HTML_CSS } from './html-style.js';
import { describeCritere } from './render-text.js';
import { NOTE_SCORES_INDICATIFS, TITRE_SCORES_INDICATIFS, describeScoreIndicatif, scoreIndicatifRows } from './score-indicatif.js';
import { actionLabel, describeCollectivite, ETAT_CRITERE_LABELS, etoileDesCriteres, mesures, NIVEAU_LABELS, SEVERITE_LABELS, summaryRows } from './tree.js';

export interface HtmlOptions {
  /** Étoile thresholds drawn on the gauge; defaults to the référentiel's default configuration. */
  seuils?: readonly SeuilAffiche[];
}

const e = escapeHtml;

/**
 * The evaluation document as one self-contained HTML page (étoile gauge, radar of the axes, tables),
 * nothing loaded from the network. Pure.
 *
 * @example
 * writeFileSync('rapport.html', renderHtml(evaluationToJson(ev), ev.referentiel));
 */
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
    `<style>${HTML_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    // The summary page: who, the score, the étoile gauge, the radar and whether an étoile may be requested.
    '<section id="resume">',
    '<header class="entete">',
    `<p class="surtitre">Label Climat Air Énergie · référentiel ${e(referentiel.nom)} (${e(evaluation.referentiel)})</p>`,
    `<h1>${e(collectivite ?? 'Rapport d’évaluation')}</h1>`,
    `<p class="date">${date ? `Évaluation au ${e(date)}` : 'Évaluation sans date'}</p>`,
    '</header>',
    synthese(evaluation, referentiel),
    etoileResume(evaluation, options.seuils ?? defaultSeuils(evaluation.referentiel)),
    `<div class="resume-grille"><section id="radar"><h2>Profil</h2>${renderRadarFigure(evaluation, referentiel)}</section>`,
    `<div>${readinessHtml(evaluation, referentiel)}</div></div>`,
    '</section>',
    sommaire(evaluation, referentiel),
  );
  const labels = labelLines(evaluation);
  if (labels.length > 0) parts.push(`<section id="labels"><h2>${e(TITRE_LABELS)}</h2><ul>${labels.map((l) => `<li>${e(l)}</li>`).join('')}</ul></section>`);
  parts.push(etoileSection(evaluation, referentiel));
  parts.push(axesSection(evaluation, referentiel));
  parts.push(personnalisationHtml(evaluation, referentiel));
  parts.push(mesuresSection(evaluation, referentiel));
  const indicatifs = scoreIndicatifRows(evaluation, referentiel);
  if (indicatifs.length > 0) parts.push(scoresIndicatifsSection(indicatifs));
  parts.push(constatsSection(evaluation, referentiel));
  parts.push('</main>', `<footer>Rapport produit par label-cae (${e(evaluation.format)}). Points arrondis au millième, pourcentages au centième.</footer>`, '</body>', '</html>');
  return parts.filter((x) => x !== '').join('\n') + '\n';
}

/** The table of contents, with links: shown on screen, left out of print. */
function sommaire(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const item = (id: string, label: string): string => `<li><a href="#${e(id)}">${e(label)}</a></li>`;
  const mesureItems = mesures(referentiel).map((m) => item(`mesure-${m.identifiant}`, `${m.identifiant} ${m.nom}`));
  const items = [
    item('resume', 'Synthèse, étoile et demande de labellisation'),
    evaluation.scoresLabel ? item('labels', TITRE_LABELS) : '',
    item('etoile', 'Étoile et critères'),
    item('axes', 'Annexe — scores par axe'),
    evaluation.personnalisation ? item('personnalisation', 'Annexe — personnalisation') : '',
    `<li><a href="#mesures">Annexe — détail par mesure</a><ol>${mesureItems.join('')}</ol></li>`,
    item('constats', 'Constats'),
  ];
  return `<nav class="sommaire" aria-label="Sommaire"><h2>Sommaire</h2><ol>${items.join('')}</ol></nav>`;
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

function etoileResume(evaluation: EvaluationJson, seuils: readonly SeuilAffiche[]): string {
  const et = evaluation.etoile;
  const prochaine = et.prochaine
    ? ` Prochaine étoile : <strong>${e(et.prochaine.label)}</strong> à ${formatPercent(et.prochaine.seuil)} ; il manque <strong>${formatPoints(et.prochaine.pointsFaitManquants)} point${et.prochaine.pointsFaitManquants >= 2 ? 's' : ''} fait</strong>.`
    : ' L’étoile la plus haute est atteinte par le score.';
  return `<section id="etoile-score"><h2>Étoile atteinte par le score : ${e(et.label)}</h2>
${renderEtoileGauge(et, seuils)}
<p><strong>${et.etoile} étoile${et.etoile > 1 ? 's' : ''} sur 5 par le score</strong> : ${formatPercent(et.ratioFait)} des points potentiels sont faits (${formatPoints(et.pointFait)} sur ${formatPoints(et.pointPotentiel)}).${prochaine}</p>
</section>`;
}

function etoileSection(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const et = evaluation.etoile;
  const complet = et.complet
    ? '<p>Toutes les tâches sont renseignées.</p>'
    : '<p class="alerte">Évaluation incomplète : une demande de labellisation exige que toutes les tâches soient renseignées.</p>';
  return `<section id="etoile"><h2>Étoile et critères</h2>
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

const COLS = '<colgroup><col class="c-id"><col class="c-nom"><col class="c-statut"><col class="c-num"><col class="c-num"><col class="c-num"><col class="c-num"><col class="c-num"><col class="c-barre"></colgroup>';

const HEAD = `${COLS}<thead><tr><th scope="col">Identifiant</th><th scope="col">Intitulé</th><th scope="col">Statut</th><th scope="col" class="num">Potentiel</th><th scope="col" class="num">Fait</th><th scope="col" class="num">Programmé</th><th scope="col" class="num">Pas fait</th><th scope="col" class="num">Non renseigné</th><th scope="col" class="barre">Répartition</th></tr></thead>`;

function scoreCells(s: ActionScoreJson | undefined): string {
  if (!s) return '<td class="num">—</td><td colspan="4">pas de score</td><td class="barre"></td>';
  if (!s.concerne) return `<td class="num">0</td><td colspan="4" class="non-concerne">non concerné${s.desactive ? ' (désactivé)' : ''}</td><td class="barre">${bar(s, 120, 10)}</td>`;
  const cell = (cls: string, p: number, r: number): string => `<td class="num ${p === 0 ? 'zero' : cls}">${formatPoints(p)}<small>${formatPercent(r)}</small></td>`;
  return `<td class="num">${formatPoints(s.pointPotentiel)}</td>${cell('fait', s.pointFait, s.ratioFait)}${cell('programme', s.pointProgramme, s.ratioProgramme)}${cell('pas-fait', s.pointPasFait, s.ratioPasFait)}${cell('non-renseigne', s.pointNonRenseigne, s.ratioNonRenseigne)}<td class="barre">${bar(s, 120, 10)}</td>`;
}

function row(node: ActionNode, evaluation: EvaluationJson, base: number, referentiel: Referentiel): string {
  const cls = `niveau-${node.type} profondeur-${Math.min(4, node.depth - base)}`;
  const statut = describeStatut(evaluation.statuts?.[node.id], referentiel);
  return `<tr class="${cls}"><td class="id">${e(node.identifiant)}</td><td class="nom">${e(node.nom)}</td><td class="statut">${e(statut)}</td>${scoreCells(evaluation.scores[node.id])}</tr>`;
}

function axesSection(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const tables = referentiel.root.children.map((axe) => {
    const rows = summaryRows(axe, referentiel);
    return `<h3>${e(capitalize(NIVEAU_LABELS[axe.type]))} ${e(axe.identifiant)} — ${e(axe.nom)}</h3>
<table class="scores">${HEAD}<tbody>
${rows.map((n) => row(n, evaluation, axe.depth, referentiel)).join('\n')}
</tbody></table>`;
  });
  return `<section id="axes"><h2>Annexe — scores par axe</h2>\n${tables.join('\n')}\n</section>`;
}

function mesuresSection(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const blocks = mesures(referentiel).map((m) => {
    const s = evaluation.scores[m.id];
    const rows: string[] = [];
    for (const sa of m.children) {
      rows.push(row(sa, evaluation, m.depth + 1, referentiel));
      for (const t of sa.children) rows.push(row(t, evaluation, m.depth + 1, referentiel));
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
  return `<section id="mesures"><h2>Annexe — détail par mesure</h2>
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

