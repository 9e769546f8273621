/**
 * The terminal report (`cae score --format text`): the root score, the étoile, one table per axe
 * with its sous-axes and mesures, the unmet criteria and the constats. French; ANSI colours only when
 * `color` is true (see `shouldUseColor`).
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import { TITRE_LABELS, labelLines } from './labels.js';
import type { CritereJson, EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import { makePaint, type Paint, type Style } from './color.js';
import { formatDate, formatPercent, formatPoints } from './format.js';
import { NOTE_SCORES_INDICATIFS, TITRE_SCORES_INDICATIFS, describeScoreIndicatif, scoreIndicatifRows } from './score-indicatif.js';
import { formatTextTable } from './text-table.js';
import { LEGENDE_STATUT, rowsOf, tableLayout } from './text-layout.js';
import { wrapLines } from './text-wrap.js';
import { TITRE_LABELLISATION, TITRE_PERSONNALISATION, conditionLines, describeActionPersonnalisee, readinessHeadline, reponsesParTheme } from './audit-labels.js';
import { actionLabel, describeCollectivite, ETAT_CRITERE_LABELS, etoileDesCriteres, NIVEAU_LABELS, SEVERITE_LABELS } from './tree.js';

export interface TextOptions {
  color: boolean;
  /** Longest name shown in the tables before it is cut with `…` (default 48). */
  nameWidth?: number;
  /**
   * Line width in columns (the terminal's): no line is longer, tables drop to narrower layouts
   * and text wraps. Absent: no limit. The CLI passes it; the renderer never reads the terminal.
   */
  width?: number;
  /** Show only this axe (its identifiant, `3`), down to the tâches. */
  axe?: string;
  /** Show only this mesure (`3.2.1`), down to the tâches. */
  mesure?: string;
}


/**
 * The evaluation document as the text report of `cae score` (étoile, table per axe and mesure,
 * criteria, constats). Colours only when `options.color`; input text is escaped. Pure.
 *
 * @example
 * process.stdout.write(renderText(evaluationToJson(ev), ev.referentiel, { color: false }));
 */
export function renderText(evaluation: EvaluationJson, referentiel: Referentiel, options: TextOptions): string {
  const paint = makePaint(options.color);
  const out: string[] = [];
  out.push(...header(evaluation, referentiel, paint));
  out.push('', ...summary(evaluation, referentiel, paint));
  const labels = labelLines(evaluation);
  if (labels.length > 0) out.push('', paint('bold', `${TITRE_LABELS} :`), ...labels.map((l) => `  ${l}`));
  out.push('', ...etoile(evaluation, paint));
  if (evaluation.labellisation) out.push('', ...readinessText(evaluation.labellisation, referentiel, paint));
  out.push(...tables(evaluation, referentiel, paint, options));
  const indicatifs = scoreIndicatifRows(evaluation, referentiel);
  if (indicatifs.length > 0) out.push('', ...scoresIndicatifs(indicatifs, paint));
  out.push('', ...criteres(evaluation, referentiel, paint));
  if (evaluation.personnalisation) out.push('', ...personnalisationText(evaluation.personnalisation, referentiel, paint));
  out.push('', ...constats(evaluation, referentiel, paint));
  return (options.width ? wrapLines(out, options.width) : out).join('\n') + '\n';
}

/** One table per axe down to the mesures; or the axe / mesure asked for, down to the tâches, with statuts. */
function tables(evaluation: EvaluationJson, referentiel: Referentiel, paint: Paint, options: TextOptions): string[] {
  const tops = partsShown(referentiel, options);
  const deep = options.axe !== undefined || options.mesure !== undefined;
  const all = tops.flatMap((t) => rowsOf(t, referentiel, deep));
  const layout = tableLayout(all, evaluation, options.width ?? null, options.nameWidth ?? 48, deep);
  const out: string[] = [];
  for (const top of tops) {
    out.push('', paint('bold', `${capitalize(NIVEAU_LABELS[top.type])} ${top.identifiant} — ${escapeControl(top.nom)}`));
    const rows = rowsOf(top, referentiel, deep).map(({ node, indent }) => {
      const cells = layout.row(node, evaluation, indent, node.depth === top.depth ? 'bold' : undefined);
      return cells.map((c, i) => (i === 1 || i === 2 ? { ...c, text: escapeControl(c.text) } : c));
    });
    out.push(...formatTextTable(layout.columns, rows, paint, layout.gap));
  }
  if (deep) out.push(paint('dim', LEGENDE_STATUT));
  return out;
}

/** The nodes whose tables are shown: every axe, or the one asked for (an unknown one is refused by the CLI). */
export function partsShown(referentiel: Referentiel, options: Pick<TextOptions, 'axe' | 'mesure'>): ActionNode[] {
  const find = (identifiant: string): ActionNode | undefined => [...referentiel.actions.values()].find((n) => n.identifiant === identifiant);
  if (options.mesure !== undefined) return [find(options.mesure)].filter((n): n is ActionNode => n !== undefined);
  if (options.axe !== undefined) return referentiel.root.children.filter((n) => n.identifiant === options.axe);
  return referentiel.root.children;
}

function readinessText(l: NonNullable<EvaluationJson['labellisation']>, referentiel: Referentiel, paint: Paint): string[] {
  const [score, ...rest] = readinessHeadline(l);
  const demandable = rest.pop()!;
  const lines = [paint('bold', `${TITRE_LABELLISATION} — ${paint(l.etoileDemandable === null ? 'red' : 'green', demandable)}`), `  ${score}`, ...rest.map((r) => `  ${r}`)];
  for (const c of conditionLines(l, referentiel)) lines.push(`  ${c.rempli ? paint('green', '✓') : paint('red', '✗')} ${escapeControl(c.texte)}`);
  return lines;
}

function personnalisationText(p: NonNullable<EvaluationJson['personnalisation']>, referentiel: Referentiel, paint: Paint): string[] {
  const lines = [paint('bold', `${TITRE_PERSONNALISATION} : ${p.reponses.length} réponse(s), ${p.reponsesIgnorees.length} ignorée(s), ${p.actions.length} action(s) modifiée(s)`)];
  for (const [theme, list] of reponsesParTheme(p)) lines.push(`  ${theme} : ${escapeControl(list.join(' · '))}`);
  for (const i of p.reponsesIgnorees) lines.push(`  ${paint('yellow', 'ignorée')} ${escapeControl(i.message)}`);
  for (const a of p.actions) lines.push(`  ${actionLabel(a.actionId, referentiel)} ${escapeControl(describeActionPersonnalisee(a))}`);
  return lines;
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
  const lines = [`${paint('bold', 'Étoile atteinte par le score :')} ${stars} ${e.label} (${formatPercent(e.ratioFait)} fait)`];
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
  return [...lines, ...labellisation(e, paint, evaluation.labellisation !== undefined)];
}

/** The label held, the étoile aimed at and whether a labellisation may be requested (docs/etoiles.md). */
function labellisation(e: EvaluationJson['etoile'], paint: Paint, readinessShown: boolean): string[] {
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
  if (readinessShown) return lines;
  if (e.etoileDemandable !== null) lines.push(`  demande de labellisation possible jusqu'à ${etoiles(e.etoileDemandable)}`);
  else if (e.complet) lines.push(paint('yellow', `  demande de labellisation impossible : ${e.criteresNonRemplis.length} critère(s) de l'étoile visée non rempli(s)`));
  return lines;
}

const etoiles = (n: number): string => `${n} étoile${n > 1 ? 's' : ''}`;

const pointWord = (x: number): string => (Math.abs(x) >= 2 ? 'points' : 'point');

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
