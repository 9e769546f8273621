/**
 * The Markdown report, for pasting into an audit report: summary, étoile, one GFM table per axe
 * (axe, sous-axes, mesures), the criteria of the étoile and the constats. Names come from the
 * référentiel's Markdown, so they are escaped: `|` cannot break a table, `*`, `_`, `` ` ``, `[`,
 * `<` cannot start formatting, links or HTML.
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import { TITRE_LABELS, labelLines } from './labels.js';
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import { formatDate, formatPercent, formatPoints } from './format.js';
import { describeCritere } from './render-text.js';
import { TITRE_LABELLISATION, TITRE_PERSONNALISATION, conditionLines, describeActionPersonnalisee, describeStatut, readinessHeadline, reponsesParTheme } from './audit-labels.js';
import { NOTE_SCORES_INDICATIFS, TITRE_SCORES_INDICATIFS, describeScoreIndicatif, scoreIndicatifRows } from './score-indicatif.js';
import { actionLabel, describeCollectivite, ETAT_CRITERE_LABELS, etoileDesCriteres, NIVEAU_LABELS, SEVERITE_LABELS, summaryRows } from './tree.js';

/** Text safe inside a GFM table cell or a paragraph: one line, Markdown punctuation escaped. */
export function escapeMarkdown(text: string): string {
  const line = text
    .normalize('NFC')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
  // Other control characters (ESC…) shown, never passed to a terminal that displays the file.
  return escapeControl(line).trim();
}

/**
 * The evaluation document as a Markdown report. Pure.
 *
 * @example
 * writeFileSync('rapport.md', renderMarkdown(evaluationToJson(ev), ev.referentiel));
 */
export function renderMarkdown(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const out: string[] = [];
  const e = evaluation.etoile;
  const root = evaluation.scores[referentiel.root.id];

  out.push(`# Label Climat Air Énergie — ${escapeMarkdown(referentiel.nom)}`, '');
  const collectivite = describeCollectivite(evaluation.collectivite);
  if (collectivite) out.push(`- **Collectivité :** ${escapeMarkdown(collectivite)}`);
  const date = formatDate(evaluation.date);
  if (date) out.push(`- **Date de l'évaluation :** ${date}`);
  out.push(`- **Référentiel :** ${escapeMarkdown(evaluation.referentiel)}`);
  if (root) {
    out.push(
      `- **Score global :** ${formatPoints(root.pointFait)} points faits sur ${formatPoints(root.pointPotentiel)} points potentiels (**${formatPercent(root.ratioFait)}**)`,
      `- **Programmé :** ${formatPoints(root.pointProgramme)} (${formatPercent(root.ratioProgramme)}) · **pas fait :** ${formatPoints(root.pointPasFait)} (${formatPercent(root.ratioPasFait)}) · **non renseigné :** ${formatPoints(root.pointNonRenseigne)} (${formatPercent(root.ratioNonRenseigne)})`,
      `- **Complétude :** ${root.completedTachesCount} tâches renseignées sur ${root.totalTachesCount} (${formatPercent(root.completude)})`,
    );
  }
  const labels = labelLines(evaluation);
  if (labels.length > 0) out.push('', `## ${TITRE_LABELS}`, '', ...labels.map((l) => `- ${escapeMarkdown(l)}`));
  out.push('', '## Étoile', '');
  out.push(`**Étoile atteinte par le score : ${'★'.repeat(e.etoile)}${'☆'.repeat(Math.max(0, 5 - e.etoile))} ${e.label}** : ${formatPercent(e.ratioFait)} des points potentiels sont faits.`, '');
  if (e.prochaine) {
    out.push(`Prochaine étoile : ${e.prochaine.label} à ${formatPercent(e.prochaine.seuil)} ; il manque ${formatPoints(e.prochaine.pointsFaitManquants)} point${e.prochaine.pointsFaitManquants >= 2 ? 's' : ''} fait.`);
  } else {
    out.push("L'étoile la plus haute est atteinte.");
  }
  out.push('', e.complet ? 'Toutes les tâches sont renseignées.' : "L'évaluation est incomplète : une demande de labellisation exige que toutes les tâches soient renseignées.");

  out.push(...readinessMarkdown(evaluation, referentiel));

  out.push('', '## Scores par axe');
  for (const axe of referentiel.root.children) {
    out.push('', `### ${capitalize(NIVEAU_LABELS[axe.type])} ${axe.identifiant} — ${escapeMarkdown(axe.nom)}`, '');
    out.push(...table(summaryRows(axe, referentiel), evaluation));
  }

  const indicatifs = scoreIndicatifRows(evaluation, referentiel);
  if (indicatifs.length > 0) {
    out.push('', `## ${TITRE_SCORES_INDICATIFS}`, '', `Scores ${NOTE_SCORES_INDICATIFS}.`, '', '| Identifiant | Intitulé | Fait (résultats) | Programmé (objectifs) |', '|---|---|--:|--:|');
    for (const { node, score } of indicatifs) {
      out.push(`| ${node.identifiant} | ${escapeMarkdown(node.nom)} | ${escapeMarkdown(describeScoreIndicatif(score.fait))} | ${escapeMarkdown(describeScoreIndicatif(score.programme))} |`);
    }
  }

  out.push('', `## Critères de ${etoileDesCriteres(e)}`, '');
  if (e.criteres.length === 0) {
    out.push('Aucun critère pour cette étoile.');
  } else {
    out.push('| Action | Critère | État | Résultat |', '|---|---|---|---|');
    for (const c of e.criteres) {
      const etat = c.etat === 'non_rempli' ? `**${ETAT_CRITERE_LABELS[c.etat]}**` : ETAT_CRITERE_LABELS[c.etat];
      out.push(`| ${escapeMarkdown(actionLabel(c.actionId, referentiel) ?? '')} | ${escapeMarkdown(c.label)} | ${etat} | ${escapeMarkdown(describeCritere(c))} |`);
    }
  }

  out.push(...personnalisationMarkdown(evaluation, referentiel), ...statutsMarkdown(evaluation, referentiel));

  out.push('', '## Constats', '');
  if (evaluation.constats.length === 0) out.push('Aucun constat.');
  for (const c of evaluation.constats) {
    const action = actionLabel(c.actionId, referentiel);
    const where = [action ? `action ${escapeMarkdown(action)}` : null, c.pointer ? `dossier \`${c.pointer.replace(/`/g, "'")}\`` : null].filter(Boolean).join(', ');
    out.push(`- **${SEVERITE_LABELS[c.severity]}** (\`${c.code.replace(/`/g, "'")}\`) : ${escapeMarkdown(c.message)}${where ? ` — ${where}` : ''}`);
  }
  return out.join('\n') + '\n';
}

function table(rows: ActionNode[], evaluation: EvaluationJson): string[] {
  const lines = [
    '| Identifiant | Intitulé | Potentiel | Fait | Programmé | Pas fait | Non renseigné |',
    '|---|---|--:|--:|--:|--:|--:|',
  ];
  const base = rows[0]?.depth ?? 0;
  for (const node of rows) {
    const s = evaluation.scores[node.id];
    const nom = escapeMarkdown(node.nom);
    const strong = node.depth === base;
    const id = strong ? `**${node.identifiant}**` : node.identifiant;
    const name = strong ? `**${nom}**` : '\u00a0\u00a0'.repeat(node.depth - base) + nom;
    if (!s) {
      lines.push(`| ${id} | ${name} | — | — | — | — | — |`);
    } else if (!s.concerne) {
      lines.push(`| ${id} | ${name} | 0 | non concerné | — | — | — |`);
    } else {
      const cell = (p: number, r: number): string => `${formatPoints(p)} (${formatPercent(r)})`;
      lines.push(
        `| ${id} | ${name} | ${formatPoints(s.pointPotentiel)} | ${cell(s.pointFait, s.ratioFait)} | ${cell(s.pointProgramme, s.ratioProgramme)} | ${cell(s.pointPasFait, s.ratioPasFait)} | ${cell(s.pointNonRenseigne, s.ratioNonRenseigne)} |`,
      );
    }
  }
  return lines;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function readinessMarkdown(evaluation: EvaluationJson, referentiel: Referentiel): string[] {
  const l = evaluation.labellisation;
  if (!l) return [];
  const out = ['', `## ${TITRE_LABELLISATION}`, '', ...readinessHeadline(l).map((x) => `- ${escapeMarkdown(x)}`), ''];
  for (const c of conditionLines(l, referentiel)) out.push(`- ${c.rempli ? '✓' : '✗ **non rempli**'} ${escapeMarkdown(c.texte)}`);
  return out;
}

function personnalisationMarkdown(evaluation: EvaluationJson, referentiel: Referentiel): string[] {
  const p = evaluation.personnalisation;
  if (!p) return [];
  const out = ['', `## ${TITRE_PERSONNALISATION}`, '', `### Réponses par thème (${p.reponses.length})`, ''];
  for (const [theme, list] of reponsesParTheme(p)) out.push(`- **${escapeMarkdown(theme)}** : ${escapeMarkdown(list.join(' · '))}`);
  if (p.reponses.length === 0) out.push('Aucune réponse dans le dossier.');
  if (p.reponsesIgnorees.length > 0) out.push('', `### Réponses ignorées (${p.reponsesIgnorees.length})`, '', ...p.reponsesIgnorees.map((i) => `- ${escapeMarkdown(i.message)}`));
  out.push('', `### Actions réduites, désactivées ou plafonnées (${p.actions.length})`, '');
  if (p.actions.length === 0) out.push('Aucune.');
  else out.push('| Action | Effet |', '|---|---|', ...p.actions.map((a) => `| ${escapeMarkdown(actionLabel(a.actionId, referentiel) ?? a.actionId)} | ${escapeMarkdown(describeActionPersonnalisee(a))} |`));
  return out;
}

/** Every node with a statut: declared in the dossier, proposed by evidence, or carried by a parent. */
function statutsMarkdown(evaluation: EvaluationJson, referentiel: Referentiel): string[] {
  const statuts = evaluation.statuts;
  if (!statuts) return [];
  const rows = Object.entries(statuts).map(([id, s]) => `| ${escapeMarkdown(actionLabel(id, referentiel) ?? id)} | ${escapeMarkdown(referentiel.actions.get(id)?.nom ?? '')} | ${escapeMarkdown(describeStatut(s, referentiel))} |`);
  return ['', `## Statuts déclarés (${rows.length})`, '', ...(rows.length === 0 ? ['Aucun statut dans le dossier.'] : ['| Identifiant | Intitulé | Statut |', '|---|---|---|', ...rows])];
}
