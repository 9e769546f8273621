/**
 * The terminal report (`cae score --format text`): the root score, the étoile, one table per axe
 * with its sous-axes and mesures, the unmet criteria and the constats. French; ANSI colours only when
 * `color` is true (see `shouldUseColor`).
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import { TITRE_LABELS, labelLines } from './labels.js';
import type { CritereJson, EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import type { ActionScoreJson } from '../score/score-json.js';
import { makePaint, type Paint, type Style } from './color.js';
import { formatDate, formatPercent, formatPoints } from './format.js';
import { NOTE_SCORES_INDICATIFS, TITRE_SCORES_INDICATIFS, describeScoreIndicatif, scoreIndicatifRows } from './score-indicatif.js';
import { formatTextTable, type TextCell, type TextColumn } from './text-table.js';
import { actionLabel, describeCollectivite, ETAT_CRITERE_LABELS, etoileDesCriteres, NIVEAU_LABELS, SEVERITE_LABELS, summaryRows } from './tree.js';

export interface TextOptions {
  color: boolean;
  /** Longest name shown in the tables before it is cut with `…` (default 48). */
  nameWidth?: number;
}

const PART_STYLES: Record<'fait' | 'programme' | 'pasFait' | 'nonRenseigne', Style> = {
  fait: 'green',
  programme: 'cyan',
  pasFait: 'red',
  nonRenseigne: 'gray',
};

export function renderText(evaluation: EvaluationJson, referentiel: Referentiel, options: TextOptions): string {
  const paint = makePaint(options.color);
  const out: string[] = [];
  out.push(...header(evaluation, referentiel, paint));
  out.push('', ...summary(evaluation, referentiel, paint));
  const labels = labelLines(evaluation);
  if (labels.length > 0) out.push('', paint('bold', `${TITRE_LABELS} :`), ...labels.map((l) => `  ${l}`));
  out.push('', ...etoile(evaluation, paint));
  for (const axe of referentiel.root.children) {
    out.push('', paint('bold', `${capitalize(NIVEAU_LABELS[axe.type])} ${axe.identifiant} — ${escapeControl(axe.nom)}`));
    out.push(...axeTable(summaryRows(axe, referentiel), evaluation, paint, options.nameWidth ?? 48));
  }
  const indicatifs = scoreIndicatifRows(evaluation, referentiel);
  if (indicatifs.length > 0) out.push('', ...scoresIndicatifs(indicatifs, paint));
  out.push('', ...criteres(evaluation, referentiel, paint));
  out.push('', ...constats(evaluation, referentiel, paint));
  return out.join('\n') + '\n';
}

function header(evaluation: EvaluationJson, referentiel: Referentiel, paint: Paint): string[] {
  const lines = [paint('bold', `Label Climat Air Énergie — référentiel ${referentiel.nom} (${evaluation.referentiel})`)];
  const collectivite = describeCollectivite(evaluation.collectivite);
  if (collectivite) lines.push(`Collectivité : ${collectivite}`);
  const date = formatDate(evaluation.date);
  if (date) lines.push(`Date de l'évaluation : ${date}`);
  return lines;
}

function summary(evaluation: EvaluationJson, referentiel: Referentiel, paint: Paint): string[] {
  const s = evaluation.scores[referentiel.root.id];
  if (!s) return [paint('red', `Aucun score pour la racine ${referentiel.root.id}.`)];
  return [
    `${paint('bold', 'Score global :')} ${paint(['bold', 'green'], `${formatPoints(s.pointFait)} points faits`)} sur ${formatPoints(s.pointPotentiel)} points potentiels (${paint('bold', formatPercent(s.ratioFait))})`,
    `  programmé ${paint('cyan', formatPoints(s.pointProgramme))} (${formatPercent(s.ratioProgramme)}) · pas fait ${paint('red', formatPoints(s.pointPasFait))} (${formatPercent(s.ratioPasFait)}) · non renseigné ${paint('gray', formatPoints(s.pointNonRenseigne))} (${formatPercent(s.ratioNonRenseigne)})`,
    `  complétude : ${s.completedTachesCount} tâches renseignées sur ${s.totalTachesCount} (${formatPercent(s.completude)})`,
  ];
}

function etoile(evaluation: EvaluationJson, paint: Paint): string[] {
  const e = evaluation.etoile;
  const stars = paint('yellow', '★'.repeat(e.etoile)) + paint('dim', '☆'.repeat(Math.max(0, 5 - e.etoile)));
  const lines = [`${paint('bold', 'Étoile atteinte :')} ${stars} ${e.label} (${formatPercent(e.ratioFait)} fait)`];
  if (e.prochaine) {
    lines.push(
      `  prochaine : ${e.prochaine.label} à ${formatPercent(e.prochaine.seuil)} — il manque ${paint('bold', formatPoints(e.prochaine.pointsFaitManquants))} ${pointWord(e.prochaine.pointsFaitManquants)} fait`,
    );
  } else {
    lines.push('  étoile la plus haute atteinte');
  }
  lines.push(
    e.complet
      ? '  évaluation complète : toutes les tâches sont renseignées'
      : paint('yellow', "  évaluation incomplète : une demande de labellisation exige que toutes les tâches soient renseignées"),
  );
  return [...lines, ...labellisation(e, paint)];
}

/** The label held, the étoile aimed at and whether a labellisation may be requested (docs/etoiles.md). */
function labellisation(e: EvaluationJson['etoile'], paint: Paint): string[] {
  const lines: string[] = [];
  if (e.labellisation) {
    const date = e.labellisation.date ? ` le ${formatDate(e.labellisation.date)}` : '';
    lines.push(`  label obtenu : ${etoiles(e.labellisation.etoile)}${date}`);
  }
  if (e.labellisation || e.etoileCible !== e.etoile) {
    const s = e.critereScore;
    const score = s.atteint ? paint('green', 'atteint') : paint('red', 'non atteint');
    lines.push(`  étoile visée : ${etoiles(e.etoileCible)} — score minimum ${formatPercent(s.seuil)} fait : ${score}`);
  }
  if (e.etoileDemandable !== null) lines.push(`  demande de labellisation possible jusqu'à ${etoiles(e.etoileDemandable)}`);
  else if (e.complet) lines.push(paint('yellow', `  demande de labellisation impossible : ${e.criteresNonRemplis.length} critère(s) de l'étoile visée non rempli(s)`));
  return lines;
}

const etoiles = (n: number): string => `${n} étoile${n > 1 ? 's' : ''}`;

const pointWord = (x: number): string => (Math.abs(x) >= 2 ? 'points' : 'point');

const COLUMNS: TextColumn[] = [
  { header: 'Identifiant', align: 'left' },
  { header: 'Intitulé', align: 'left' },
  { header: 'Potentiel', align: 'right' },
  { header: 'Fait', align: 'right', headerStyle: 'green' },
  { header: '%', align: 'right', headerStyle: 'green' },
  { header: 'Programmé', align: 'right', headerStyle: 'cyan' },
  { header: '%', align: 'right', headerStyle: 'cyan' },
  { header: 'Pas fait', align: 'right', headerStyle: 'red' },
  { header: '%', align: 'right', headerStyle: 'red' },
  { header: 'Non renseigné', align: 'right', headerStyle: 'gray' },
  { header: '%', align: 'right', headerStyle: 'gray' },
];

function axeTable(rows: ActionNode[], evaluation: EvaluationJson, paint: Paint, nameWidth: number): string[] {
  const base = rows[0]?.depth ?? 0;
  const columns = COLUMNS.map((c, i) => (i === 1 ? { ...c, maxWidth: nameWidth } : c));
  const cells = rows.map((node): TextCell[] => {
    const indent = '  '.repeat(node.depth - base);
    const rowStyle: Style | undefined = node.depth === base ? 'bold' : undefined;
    const s = evaluation.scores[node.id];
    const id: TextCell = { text: node.identifiant, ...(rowStyle ? { style: rowStyle } : {}) };
    const nom: TextCell = { text: indent + escapeControl(node.nom), ...(rowStyle ? { style: rowStyle } : {}) };
    if (!s) return [id, nom, { text: '—' }];
    return [id, nom, { text: formatPoints(s.pointPotentiel), ...(rowStyle ? { style: rowStyle } : {}) }, ...partCells(s)];
  });
  return formatTextTable(columns, cells, paint);
}

function partCells(s: ActionScoreJson): TextCell[] {
  if (!s.concerne) return [{ text: 'non concerné', style: 'dim' }];
  const pct = (r: number): string => (s.pointPotentiel === 0 ? '—' : formatPercent(r));
  return [
    { text: formatPoints(s.pointFait), style: PART_STYLES.fait },
    { text: pct(s.ratioFait), style: PART_STYLES.fait },
    { text: formatPoints(s.pointProgramme), style: PART_STYLES.programme },
    { text: pct(s.ratioProgramme), style: PART_STYLES.programme },
    { text: formatPoints(s.pointPasFait), style: PART_STYLES.pasFait },
    { text: pct(s.ratioPasFait), style: PART_STYLES.pasFait },
    { text: formatPoints(s.pointNonRenseigne), style: PART_STYLES.nonRenseigne },
    { text: pct(s.ratioNonRenseigne), style: PART_STYLES.nonRenseigne },
  ];
}

function scoresIndicatifs(rows: ReturnType<typeof scoreIndicatifRows>, paint: Paint): string[] {
  const lines = [`${paint('bold', `${TITRE_SCORES_INDICATIFS} (${rows.length})`)} ${paint('dim', `— ${NOTE_SCORES_INDICATIFS}`)}`];
  for (const { node, score } of rows) {
    lines.push(`  ${node.identifiant} ${escapeControl(node.nom)} : fait ${describeScoreIndicatif(score.fait)} · programmé ${describeScoreIndicatif(score.programme)}`);
  }
  return lines;
}

/** `50,00 % fait (minimum 100 %), 75,00 % fait + programmé (minimum 100 %)`. */
export function describeCritere(c: CritereJson): string {
  if (c.etat === 'non_applicable' && c.ratioFait === null) return 'sans objet : action absente du référentiel';
  const parts = [`${c.ratioFait === null ? '—' : formatPercent(c.ratioFait)} fait (minimum ${c.minFait} %)`];
  if (c.minFaitProgramme !== null) {
    parts.push(`${c.ratioFaitProgramme === null ? '—' : formatPercent(c.ratioFaitProgramme)} fait + programmé (minimum ${c.minFaitProgramme} %)`);
  }
  return parts.join(', ');
}

function criteres(evaluation: EvaluationJson, referentiel: Referentiel, paint: Paint): string[] {
  const e = evaluation.etoile;
  const nonRemplis = e.criteresNonRemplis;
  const nonApplicables = e.criteres.filter((c) => c.etat === 'non_applicable').length;
  const lines = [paint('bold', `Critères de ${etoileDesCriteres(e)} : ${e.criteres.length - nonApplicables - nonRemplis.length} remplis, ${nonRemplis.length} non remplis`)];
  for (const c of nonRemplis) {
    lines.push(`  ${paint('red', '✗')} ${actionLabel(c.actionId, referentiel)} ${c.label} (${ETAT_CRITERE_LABELS[c.etat]}) : ${describeCritere(c)}`);
  }
  if (nonRemplis.length === 0) lines.push(`  ${paint('green', '✓')} tous les critères applicables sont remplis`);
  if (nonApplicables > 0) {
    lines.push(paint('dim', `  ${nonApplicables} ${nonApplicables > 1 ? 'critères non applicables' : 'critère non applicable'} (actions absentes du référentiel)`));
  }
  return lines;
}

const SEVERITE_STYLES: Record<EvaluationJson['constats'][number]['severity'], Style> = { error: 'red', warning: 'yellow', info: 'blue' };

function constats(evaluation: EvaluationJson, referentiel: Referentiel, paint: Paint): string[] {
  const list = evaluation.constats;
  const lines = [paint('bold', `Constats (${list.length})`)];
  if (list.length === 0) lines.push('  aucun constat');
  for (const c of list) {
    const action = actionLabel(c.actionId, referentiel);
    const where = [action, c.pointer ? `dossier ${c.pointer}` : null].filter(Boolean).join(', ');
    lines.push(`  ${paint(SEVERITE_STYLES[c.severity], `[${SEVERITE_LABELS[c.severity]}]`)} ${escapeControl(c.message)} ${paint('dim', escapeControl(`(${c.code}${where ? ` ; ${where}` : ''})`))}`);
  }
  return lines;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
