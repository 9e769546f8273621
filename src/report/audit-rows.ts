/**
 * The rows of the audit export, as the platform's (TeT « export audit »): identifiant, intitulé,
 * potentiel max and personnalisé, points and % fait / programmé / pas fait, statut, explication.
 * Plain values (numbers stay numbers), so the Excel writer and any other tabular format share them.
 * A dossier has no free-text explanation: « explication » says what the engine knows about the row
 * (personalisation, statut carried by a parent or proposed by evidence, non concerné).
 */
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import { EFFET_LABELS, STATUT_LABELS } from './audit-labels.js';
import { formatPoints } from './format.js';
import { actionLabel, depthFirst } from './tree.js';

export const AUDIT_COLUMNS = [
  'Identifiant',
  'Intitulé',
  'Potentiel max',
  'Potentiel personnalisé',
  'Points faits',
  '% fait',
  'Points programmés',
  '% programmé',
  'Points pas faits',
  '% pas fait',
  'Statut',
  'Explication',
] as const;

export type AuditCell = string | number | null;

/** One row per node of the subtree (axe included), depth-first; ratios as fractions (0.5 = 50 %). */
export function auditRows(top: ActionNode, evaluation: EvaluationJson, referentiel: Referentiel): AuditCell[][] {
  const effets = new Map<string, string[]>();
  for (const a of evaluation.personnalisation?.actions ?? []) {
    const list = effets.get(a.actionId) ?? [];
    list.push(`${EFFET_LABELS[a.effet]} (${formatPoints(a.pointAvant)} → ${formatPoints(a.pointApres)} points, règle ${a.regle}${a.reponses.length ? `, ${a.reponses.join(', ')}` : ''})`);
    effets.set(a.actionId, list);
  }
  return depthFirst(top).map((node) => {
    const s = evaluation.scores[node.id];
    const st = evaluation.statuts?.[node.id];
    const notes = [...(effets.get(node.id) ?? [])];
    if (st?.source === 'parent') notes.push(`statut porté par ${actionLabel(st.porteur, referentiel)}`);
    if (st?.source === 'preuve') notes.push('statut proposé par une règle de preuve');
    if (s && !s.concerne) notes.push(s.desactive ? 'désactivée par la personnalisation' : 'non concernée');
    if (!s) return [node.identifiant, node.nom, null, null, null, null, null, null, null, null, null, 'pas de score'];
    return [
      node.identifiant,
      node.nom,
      s.pointReferentiel,
      s.pointPotentiel,
      s.pointFait,
      s.ratioFait,
      s.pointProgramme,
      s.ratioProgramme,
      s.pointPasFait,
      s.ratioPasFait,
      st ? STATUT_LABELS[st.statut] : null,
      notes.join(' ; ') || null,
    ];
  });
}
