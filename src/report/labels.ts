/**
 * The score per label of a référentiel whose actions carry labels (TE: `te_cae`, `te_eci`), as
 * HEAD's `scoresTag`: one line per label, the same words in every report.
 */
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import { formatPercent, formatPoints } from './format.js';

export const TITRE_LABELS = 'Score par label';

export function labelLines(evaluation: EvaluationJson): string[] {
  const labels = evaluation.scoresLabel;
  if (!labels) return [];
  return Object.entries(labels).map(
    ([label, s]) => `${label} : ${formatPoints(s.pointFait)} points faits sur ${formatPoints(s.pointPotentiel)} points potentiels (${formatPercent(s.ratioFait)}), programmé ${formatPoints(s.pointProgramme)}, pas fait ${formatPoints(s.pointPasFait)}`,
  );
}
