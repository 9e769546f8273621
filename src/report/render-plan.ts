/**
 * `cae plan` in French: the tâches to complete, their gains, and why the set is minimal.
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import type { Plan } from '../evaluation/plan-etoile.js';
import type { Referentiel } from '../referentiel/model.js';
import { formatPoints } from './format.js';

export interface PlanJson {
  etoileActuelle: number;
  /** The label the dossier says the collectivité holds, or null. */
  etoileLabellisee: number | null;
  etoileCible: number;
  pointsManquants: number;
  gainTotal: number;
  etoileAtteinte: number;
  atteignable: boolean;
  taches: { actionId: string; identifiant: string; nom: string; gain: number; raison: string; critere?: string }[];
  justification: string[];
}

export function planToJson(plan: Plan, referentiel: Referentiel): PlanJson {
  return {
    etoileActuelle: plan.etoileActuelle,
    etoileLabellisee: plan.etoileLabellisee,
    etoileCible: plan.etoileCible,
    pointsManquants: plan.pointsManquants.round(3),
    gainTotal: plan.gainTotal.round(3),
    etoileAtteinte: plan.etoileAtteinte,
    atteignable: plan.atteignable,
    taches: plan.taches.map((t) => {
      const node = referentiel.actions.get(t.actionId)!;
      return { actionId: t.actionId, identifiant: node.identifiant, nom: node.nom, gain: t.gain.round(3), raison: t.raison, ...(t.critere ? { critere: t.critere } : {}) };
    }),
    justification: plan.justification,
  };
}

export function renderPlan(plan: PlanJson): string {
  const label = plan.etoileLabellisee === null ? '' : ` (labellisée ${plan.etoileLabellisee})`;
  const lines = [`Étoile actuelle : ${plan.etoileActuelle}${label} — cible : ${plan.etoileCible}`, `Points faits manquants pour la cible : ${formatPoints(plan.pointsManquants)}`, ''];
  if (plan.taches.length === 0) lines.push('Aucune tâche à compléter.');
  else lines.push(`Tâches à passer à « fait » (${plan.taches.length}, gain total ${formatPoints(plan.gainTotal)} point(s)) :`);
  for (const t of plan.taches) {
    const why = t.raison === 'critere' ? ` — critère ${t.critere}` : '';
    lines.push(`  ${t.identifiant.padEnd(12)} +${formatPoints(t.gain).padEnd(7)} ${t.nom}${why}`);
  }
  lines.push('', ...plan.justification);
  lines.push(plan.atteignable ? `Vérifié : avec ce plan, l'étoile ${plan.etoileAtteinte} est atteinte.` : `Avec ce plan, l'étoile atteinte serait ${plan.etoileAtteinte}.`);
  // Names and messages come from inputs: one line each, whatever they contain.
  return `${lines.map(escapeControl).join('\n')}\n`;
}
