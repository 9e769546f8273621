/**
 * `cae explain` in French: why one action has its numbers — référentiel points, reduction factors
 * with the rule that fired and the inputs it read, désactivation, redistribution, the statut used,
 * any score override and evidence rule, then the resulting points.
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import type { ExplicationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode } from '../referentiel/model.js';
import type { ActionScoreJson } from '../score/score-json.js';
import { formatPercent, formatPoints } from './format.js';
import { describeScoreIndicatif } from './score-indicatif.js';

const KIND: Record<string, string> = { desactivation: 'Désactivation', reduction: 'Réduction de potentiel', score: 'Score réalisé' };

function value(v: unknown): string {
  if (v === null || v === undefined) return 'absent';
  if (v === true) return 'VRAI';
  if (v === false) return 'FAUX';
  return typeof v === 'number' ? formatPoints(v) : String(v);
}

/**
 * Why a node has its numbers, as the text of `cae explain`: rules with formula and source, factor,
 * redistribution, statut and where it came from, score override. Pure.
 *
 * @example
 * const doc = evaluationToJson(ev, { explain: ['cae_6.1.1'] });
 * console.log(renderExplanation(ev.referentiel.actions.get('cae_6.1.1')!, doc.scores['cae_6.1.1']!, doc.explications!['cae_6.1.1']!));
 */
export function renderExplanation(node: ActionNode, score: ActionScoreJson, e: ExplicationJson): string {
  const lines: string[] = [];
  const title = node.identifiant === '' ? node.nom : `${node.identifiant} ${node.nom}`;
  lines.push(`${node.id} — ${title} (${node.type})`, '');
  lines.push(`Points du référentiel : ${formatPoints(score.pointReferentiel)}`);

  if (e.regles.length === 0) lines.push('Personnalisation : aucune règle sur cette action ni sur ses parents');
  for (const r of e.regles) {
    const where = r.surAction === node.id ? 'sur cette action' : `héritée de ${r.surAction}`;
    lines.push('', `${KIND[r.type] ?? r.type} (${where}) — ${r.source ?? ''}`);
    lines.push(...r.formule.trim().split('\n').map((l) => `    ${l}`));
    if (r.type === 'score') lines.push('  évaluée après le calcul des scores (voir « Score réalisé » plus bas)');
    else lines.push(`  résultat : ${value(r.valeur)}${r.effective ? '' : ' (sans effet)'}${r.branche ? `, branche ${r.branche.rang}${r.branche.condition ? ` (si ${r.branche.condition})` : ' (sinon)'}` : ''}`);
    if (r.lu.length > 0) lines.push(`  entrées lues : ${r.lu.map((k) => `${k} = ${value(e.entrees[k])}`).join(', ')}`);
    if (r.manquant.length > 0) lines.push(`  entrées manquantes : ${r.manquant.join(', ')}`);
  }
  if (e.reponsesIgnorees.length > 0) {
    lines.push('', 'Réponses ignorées (questions non posées à cette collectivité, comme sur la plateforme) :');
    for (const i of e.reponsesIgnorees) lines.push(`  · ${i.message}`);
  }
  if (e.facteur !== 1) lines.push('', `Facteur de réduction cumulé : × ${formatPoints(e.facteur)}`);
  if (score.desactive) lines.push('', 'Action désactivée : elle et ses sous-actions sont non concernées');
  else if (!score.concerne) lines.push('', 'Action non concernée : son potentiel est 0');

  if (e.alternatives) lines.push('', `Mesures alternatives : ${e.alternatives.message}`);

  if (e.redistribution > 0) lines.push('', `Redistribution reçue : + ${formatPoints(e.redistribution)} point(s) de sous-actions ou tâches sœurs non concernées`);
  if (e.redistribution < 0) lines.push('', `Redistribution donnée : ${formatPoints(-e.redistribution)} point(s) partagé(s) à parts égales entre ses sœurs concernées`);

  lines.push('', `Statut : ${e.statut ?? 'aucun (calculé depuis ses enfants, ou non renseigné pour une tâche)'}${e.statutSource === 'preuve' ? ' — déduit des preuves du dossier' : ''}`);
  if (e.preuve) {
    lines.push(`Règle de preuve : ${e.preuve.compte} élément(s) retenu(s) pour un seuil de ${formatPoints(e.preuve.seuil)} — critère ${e.preuve.rempli ? 'rempli' : 'non rempli'}`);
    for (const el of e.preuve.elements) lines.push(`  · ${el}`);
  }
  if (e.scoreOverride) {
    lines.push(
      '',
      `Score réalisé plafonné : ${formatPercent(e.scoreOverride.ratioAvant)} fait avant, ${formatPercent(e.scoreOverride.ratioApres)} après (points faits × ${formatPoints(e.scoreOverride.facteur)})`,
    );
  }
  lines.push(
    '',
    `Potentiel : ${formatPoints(score.pointPotentiel)}`,
    `  fait ${formatPoints(score.pointFait)} (${formatPercent(score.ratioFait)}) · programmé ${formatPoints(score.pointProgramme)} · pas fait ${formatPoints(score.pointPasFait)} · non renseigné ${formatPoints(score.pointNonRenseigne)}`,
    `  tâches : ${score.completedTachesCount} renseignées sur ${score.totalTachesCount}${score.pasConcerneTachesAvancement ? `, dont ${score.pasConcerneTachesAvancement} non concernées` : ''}`,
  );
  if (score.scoreIndicatif && e.scoreIndicatif) {
    const si = e.scoreIndicatif;
    lines.push('', `Score indicatif (${si.source}) — montré à côté des points, jamais ajouté :`);
    lines.push(...si.formule.trim().split('\n').map((l) => `    ${l}`));
    for (const [label, r, entrees] of [['fait (résultats)', score.scoreIndicatif.fait, si.entreesFait], ['programmé (objectifs)', score.scoreIndicatif.programme, si.entreesProgramme]] as const) {
      lines.push(`  ${label} : ${describeScoreIndicatif(r)}`);
      if (r.lu.length > 0) lines.push(`    entrées lues : ${r.lu.map((k) => `${k} = ${value(entrees[k])}`).join(', ')}`);
    }
  }
  // Names and messages come from inputs: one line each, whatever they contain.
  return `${lines.map(escapeControl).join('\n')}\n`;
}
