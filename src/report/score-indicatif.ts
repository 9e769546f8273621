/**
 * The indicative scores (HEAD's exprScore) as the text, Markdown and HTML reports list them: one
 * line per action that has one, after the points and apart from them (they are never added).
 */
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import type { ScoreIndicatifJson, ScoreIndicatifResultatJson } from '../score/score-json.js';
import { formatPercent } from './format.js';
import { depthFirst } from './tree.js';

export const TITRE_SCORES_INDICATIFS = 'Scores indicatifs';
export const NOTE_SCORES_INDICATIFS = 'calculés depuis les indicateurs du dossier, montrés à côté des points et jamais ajoutés';

/** The nodes with an indicative score, depth-first. */
export function scoreIndicatifRows(evaluation: EvaluationJson, referentiel: Referentiel): { node: ActionNode; score: ScoreIndicatifJson }[] {
  const rows: { node: ActionNode; score: ScoreIndicatifJson }[] = [];
  for (const node of depthFirst(referentiel.root)) {
    const score = evaluation.scores[node.id]?.scoreIndicatif;
    if (score) rows.push({ node, score });
  }
  return rows;
}

/** `33,33 % (1/3)`, or `non calculable (manque indicateur.cae_7)`. */
export function describeScoreIndicatif(r: ScoreIndicatifResultatJson): string {
  if (r.ratio !== null && r.exact !== null) return r.exact.includes('/') ? `${formatPercent(r.ratio)} (${r.exact})` : formatPercent(r.ratio);
  return r.manquant.length > 0 ? `non calculable (manque ${r.manquant.join(', ')})` : 'non calculable';
}
