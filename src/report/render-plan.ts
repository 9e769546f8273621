/**
 * `cae plan` in French: the actions to complete grouped by mesure, with their current statut and
 * gain, why the set is minimal, and a verdict that is exactly the JSON's `atteignable`.
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import type { Plan } from '../evaluation/plan-etoile.js';
import type { Referentiel } from '../referentiel/model.js';
import { statutLabelFr } from './audit-labels.js';
import { formatPoints } from './format.js';
import { wrapLines } from './text-wrap.js';

export interface PlanJson {
  etoileActuelle: number;
  /** The label the dossier says the collectivité holds, or null. */
  etoileLabellisee: number | null;
  etoileCible: number;
  pointsManquants: number;
  gainTotal: number;
  /** The étoile the score reaches with the plan applied (checked by scoring it). */
  etoileAtteinte: number;
  /** The target's action criteria (action ids) still unmet with the plan applied. */
  criteresNonRemplis: string[];
  /** True exactly when `etoileAtteinte ≥ etoileCible` and `criteresNonRemplis` is empty. */
  atteignable: boolean;
  taches: {
    actionId: string;
    identifiant: string;
    nom: string;
    /** The mesure it belongs to (its identifiant), for grouping. */
    mesure: string;
    /** Its statut now, as in the dossier (`programme`, `pas_fait`…), or null. */
    statutActuel: string | null;
    gain: number;
    raison: string;
    critere?: string;
  }[];
  justification: string[];
}

/**
 * A plan (`planEtoile`) as plain JSON: the target étoile, the tâches to complete with their
 * current statut and gain, the justification, and `atteignable`, checked by scoring the plan.
 *
 * @example
 * const json = planToJson(planEtoile(context, ev), context.referentiel);
 * console.log(json.atteignable, json.taches.length);
 */
export function planToJson(plan: Plan, referentiel: Referentiel): PlanJson {
  const level = referentiel.hierarchie.actionLevel;
  const mesureOf = (id: string): string => {
    let node = referentiel.actions.get(id);
    while (node && node.depth > level && node.parentId !== null) node = referentiel.actions.get(node.parentId);
    return node?.identifiant ?? '';
  };
  return {
    etoileActuelle: plan.etoileActuelle,
    etoileLabellisee: plan.etoileLabellisee,
    etoileCible: plan.etoileCible,
    pointsManquants: plan.pointsManquants.round(3),
    gainTotal: plan.gainTotal.round(3),
    etoileAtteinte: plan.etoileAtteinte,
    criteresNonRemplis: plan.criteresNonRemplis.map((id) => referentiel.actions.get(id)?.identifiant ?? id),
    atteignable: plan.atteignable,
    taches: plan.taches.map((t) => {
      const node = referentiel.actions.get(t.actionId)!;
      return {
        actionId: t.actionId,
        identifiant: node.identifiant,
        nom: node.nom,
        mesure: mesureOf(t.actionId),
        statutActuel: t.statutActuel,
        gain: t.gain.round(3),
        raison: t.raison,
        ...(t.critere ? { critere: t.critere } : {}),
      };
    }),
    justification: plan.justification,
  };
}

/**
 * The plan as text; `width` (the terminal's) wraps the lines, absent: no limit.
 *
 * @example
 * process.stdout.write(renderPlan(planToJson(planEtoile(context, ev), context.referentiel), { width: 100 }));
 */
export function renderPlan(plan: PlanJson, options: { width?: number } = {}): string {
  const label = plan.etoileLabellisee === null ? '' : ` (labellisée ${plan.etoileLabellisee})`;
  const lines = [`Étoile actuelle (score) : ${plan.etoileActuelle}${label} — cible : ${plan.etoileCible}`, `Points faits manquants pour la cible : ${formatPoints(plan.pointsManquants)}`, ''];
  if (plan.taches.length === 0) lines.push('Aucune action à compléter.');
  else lines.push(`Actions à passer à « fait » (${plan.taches.length}, gain total ${formatPoints(plan.gainTotal)} point(s)), par mesure :`);
  const groups = new Map<string, PlanJson['taches']>();
  for (const t of plan.taches) groups.set(t.mesure, [...(groups.get(t.mesure) ?? []), t]);
  for (const [mesure, taches] of groups) {
    lines.push(`  Mesure ${mesure} (${taches.length})`);
    for (const t of taches) {
      const why = t.raison === 'critere' ? ` — critère ${t.critere}` : '';
      lines.push(`    ${t.identifiant.padEnd(11)} +${formatPoints(t.gain).padEnd(6)} ${statutLabelFr(t.statutActuel ?? 'non_renseigne').padEnd(13)} ${t.nom}${why}`);
    }
  }
  lines.push('', ...plan.justification);
  if (plan.atteignable) lines.push(`Vérifié : avec ce plan, l'étoile ${plan.etoileCible} est atteinte (le score permet l'étoile ${plan.etoileAtteinte}, tous les critères sont remplis).`);
  else {
    const criteres = plan.criteresNonRemplis.length > 0 ? `, critère(s) non rempli(s) : ${plan.criteresNonRemplis.join(', ')}` : '';
    lines.push(`Non atteignable : avec ce plan, le score permet l'étoile ${plan.etoileAtteinte}${criteres} ; l'étoile ${plan.etoileCible} n'est pas atteinte.`);
  }
  // Names and messages come from inputs: one line each, whatever they contain.
  const safe = lines.map(escapeControl);
  return `${(options.width ? wrapLines(safe, options.width) : safe).join('\n')}\n`;
}
