/**
 * Levels of detail of the evaluation document (`--niveau`): `mesure` keeps the root, the axes and
 * the mesures, `sous-action` one level more, `tache` every node (the default). The level is
 * counted from the référentiel's mesure level, so it means the same in CAE, ECI and TE.
 */
import { flatTree } from '../score/flat-tree.js';
import type { Referentiel } from '../referentiel/model.js';

/**
 * The levels of detail of the evaluation document (`--niveau`): `mesure`, `sous-action`, `tache`
 * (every node, the default).
 *
 * @example
 * console.log(NIVEAUX.join(' | ')); // mesure | sous-action | tache
 */
export const NIVEAUX = ['mesure', 'sous-action', 'tache'] as const;
export type Niveau = (typeof NIVEAUX)[number];

/**
 * True when a value is one of `NIVEAUX` (a level of detail of the evaluation document).
 *
 * @example
 * const niveau = isNiveau(query.niveau) ? query.niveau : 'tache';
 */
export function isNiveau(value: unknown): value is Niveau {
  return typeof value === 'string' && (NIVEAUX as readonly string[]).includes(value);
}

/** The deepest depth a level keeps in this référentiel. */
export function maxDepth(referentiel: Referentiel, niveau: Niveau): number {
  const level = referentiel.hierarchie.actionLevel;
  return niveau === 'mesure' ? level : niveau === 'sous-action' ? level + 1 : Number.POSITIVE_INFINITY;
}

const cache = new WeakMap<Referentiel, Map<Niveau, Int32Array>>();

/** Flat-tree indices of the nodes a level keeps, in depth-first order; found once per référentiel. */
export function nodesOfNiveau(referentiel: Referentiel, niveau: Niveau): Int32Array {
  let perNiveau = cache.get(referentiel);
  if (!perNiveau) cache.set(referentiel, (perNiveau = new Map()));
  let kept = perNiveau.get(niveau);
  if (!kept) {
    const tree = flatTree(referentiel);
    const depth = maxDepth(referentiel, niveau);
    const list: number[] = [];
    for (let i = 0; i < tree.nodes.length; i++) if (tree.depth[i]! <= depth) list.push(i);
    kept = Int32Array.from(list);
    perNiveau.set(niveau, kept);
  }
  return kept;
}

/** Whether a level keeps an action (by id); every id is kept at `tache`. */
export function keepsAction(referentiel: Referentiel, niveau: Niveau, actionId: string): boolean {
  if (niveau === 'tache') return true;
  const node = referentiel.actions.get(actionId);
  return node !== undefined && node.depth <= maxDepth(referentiel, niveau);
}
