/**
 * Walking the référentiel for the reports: depth-first order, the summary levels (axe, sous-axe,
 * mesure) and the labels of node types, étoile criteria and constat severities.
 */
import { escapeControl } from '../diagnostics/diagnostic.js';
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import type { ActionNode, NiveauAction, Referentiel } from '../referentiel/model.js';
import type { Constat } from '../score/constat.js';
import type { ActionScoreJson } from '../score/score-json.js';

/**
 * Every node, root included, depth-first in tree order (children are sorted by identifiant).
 *
 * @example
 * for (const node of depthFirst(referentiel.root)) console.log(node.identifiant, node.nom);
 */
export function depthFirst(root: ActionNode): ActionNode[] {
  const out: ActionNode[] = [];
  const stack: ActionNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Depth of the mesure level (3 for CAE, 2 for ECI). */
export function mesureDepth(referentiel: Referentiel): number {
  return referentiel.hierarchie.actionLevel;
}

/** The axe, its sous-axes and mesures, depth-first: the rows of the summary tables. */
export function summaryRows(axe: ActionNode, referentiel: Referentiel): ActionNode[] {
  const max = mesureDepth(referentiel);
  const out: ActionNode[] = [];
  const walk = (n: ActionNode): void => {
    out.push(n);
    if (n.depth < max) for (const c of n.children) walk(c);
  };
  walk(axe);
  return out;
}

/** Every mesure of the référentiel, in tree order. */
export function mesures(referentiel: Referentiel): ActionNode[] {
  const depth = mesureDepth(referentiel);
  return depthFirst(referentiel.root).filter((n) => n.depth === depth);
}

export const NIVEAU_LABELS: Record<NiveauAction, string> = {
  referentiel: 'référentiel',
  axe: 'axe',
  'sous-axe': 'sous-axe',
  mesure: 'mesure',
  'sous-action': 'sous-action',
  tache: 'tâche',
};

export const NIVEAU_PLURIELS: Record<NiveauAction, string> = {
  referentiel: 'référentiels',
  axe: 'axes',
  'sous-axe': 'sous-axes',
  mesure: 'mesures',
  'sous-action': 'sous-actions',
  tache: 'tâches',
};

export const ETAT_CRITERE_LABELS = {
  rempli: 'rempli',
  non_rempli: 'non rempli',
  non_applicable: 'non applicable',
} as const;

export const SEVERITE_LABELS: Record<Constat['severity'], string> = {
  error: 'erreur',
  warning: 'avertissement',
  info: 'information',
};

/** `cae_6.1.1` → `6.1.1` when the action is in the référentiel, else the id itself. */
export function actionLabel(actionId: string | null, referentiel: Referentiel): string | null {
  if (actionId === null) return null;
  const node = referentiel.actions.get(actionId);
  if (node) return node.identifiant === '' ? node.referentiel : node.identifiant;
  const prefix = `${referentiel.id}_`;
  return actionId.startsWith(prefix) ? actionId.slice(prefix.length) : actionId;
}

export function scoreOf(evaluation: EvaluationJson, node: ActionNode): ActionScoreJson | undefined {
  return evaluation.scores[node.id];
}

/** Ratio of a points value to the node's potentiel (0 when the potentiel is 0). */
export function ratioOf(points: number, potentiel: number): number {
  return potentiel === 0 ? 0 : points / potentiel;
}

/** The four shares of the potentiel, in display order. */
export const PARTS = [
  { key: 'pointFait', ratio: 'ratioFait', label: 'fait', titre: 'Fait' },
  { key: 'pointProgramme', ratio: 'ratioProgramme', label: 'programmé', titre: 'Programmé' },
  { key: 'pointPasFait', ratio: 'ratioPasFait', label: 'pas fait', titre: 'Pas fait' },
  { key: 'pointNonRenseigne', ratio: 'ratioNonRenseigne', label: 'non renseigné', titre: 'Non renseigné' },
] as const satisfies readonly { key: keyof ActionScoreJson; ratio: keyof ActionScoreJson; label: string; titre: string }[];

/** `Saint-Exemple (commune, 2 500 habitants)` or null when the dossier says nothing about it. */
export function describeCollectivite(c: EvaluationJson['collectivite']): string | null {
  const details: string[] = [];
  if (c.type) details.push(c.type);
  if (c.population !== undefined) details.push(`${formatInt(c.population)} habitants`);
  if (c.localisation) details.push(c.localisation === 'DOM' ? 'DOM' : 'métropole');
  if (!c.nom && details.length === 0) return null;
  // The name comes from the dossier: a newline or an escape sequence in it must not reach a terminal.
  return escapeControl(`${c.nom ?? 'Collectivité sans nom'}${details.length ? ` (${details.join(', ')})` : ''}`);
}

/** `2500` → `2 500` (French thousands separator, a narrow no-break space). */
export function formatInt(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** Whose criteria are shown: « la troisième étoile », or « l'étoile visée (4 étoiles) » when the target is not the étoile reached. */
export function etoileDesCriteres(e: EvaluationJson['etoile']): string {
  return e.etoileCible === e.etoile ? `la ${e.label}` : `l'étoile visée (${e.etoileCible} étoile${e.etoileCible > 1 ? 's' : ''})`;
}
